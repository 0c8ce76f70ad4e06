from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "devplan.indicators"
    verbose_name = "指标与数据"
    label = "indicators"
