from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "devplan.audits"
    label = "audits"
