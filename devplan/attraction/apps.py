from django.apps import AppConfig


class AttractionConfig(AppConfig):
    name = "devplan.attraction"
    label = "attraction"
