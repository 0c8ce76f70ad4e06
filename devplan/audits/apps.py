from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "devplan.audits"
    verbose_name = "报告审核"
    label = "audits"
