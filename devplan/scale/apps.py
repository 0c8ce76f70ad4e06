from django.apps import AppConfig


class ScaleConfig(AppConfig):
    name = "devplan.scale"
    verbose_name = "汇总与排名"
    label = "scale"
