from django.apps import AppConfig


class TasksConfig(AppConfig):
    name = "devplan.tasks"
    verbose_name = "量化任务"
    label = "tasks"
