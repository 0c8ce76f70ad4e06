from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "devplan.tasks"
    label = "tasks"
