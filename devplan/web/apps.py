from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "devplan.web"
    label = "web"
