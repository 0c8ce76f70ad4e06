from django.apps import AppConfig


class CliConfig(AppConfig):
    name = "devplan.cli"
    label = "cli"
