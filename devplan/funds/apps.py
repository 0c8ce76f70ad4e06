from django.apps import AppConfig


class FundsConfig(AppConfig):
    name = "devplan.funds"
    verbose_name = "争资争项"
    label = "funds"
