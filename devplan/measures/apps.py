from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "devplan.measures"
    label = "measures"
    verbose_name = "争资争项、招商引资、主要任务"
