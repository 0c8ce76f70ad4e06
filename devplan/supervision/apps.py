from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "devplan.supervision"
    verbose_name = "督办"
    label = "supervision"
