from django.apps import AppConfig


class CliConfig(AppConfig):
    name = "devplan.cli"
    verbose_name = "命令行"
    label = "cli"
