from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "devplan.regions"
    verbose_name = "行政区划"
    label = "regions"
