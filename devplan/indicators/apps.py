from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "devplan.indicators"
    label = "indicators"
