from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "devplan.api"
    verbose_name = "数据接口"
    label = "api"
