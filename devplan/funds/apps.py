from django.apps import AppConfig


class FundsConfig(AppConfig):
    name = "devplan.funds"
    label = "funds"
