from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "devplan.web"
    verbose_name = "网页"
    label = "web"
