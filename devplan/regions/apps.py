from django.apps import AppConfig


class RegionsConfig(AppConfig):
    name = "devplan.regions"
    label = "regions"
