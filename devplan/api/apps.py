from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "devplan.api"
    label = "api"
