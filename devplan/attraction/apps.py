from django.apps import AppConfig


class AttractionConfig(AppConfig):
    name = "devplan.attraction"
    verbose_name = "招商引资"
    label = "attraction"
