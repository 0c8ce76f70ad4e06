from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "devplan.reports"
    label = "reports"
