from django.apps import AppConfig


class ScaleConfig(AppConfig):
    name = "devplan.scale"
    label = "scale"
