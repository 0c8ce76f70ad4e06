from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "devplan.projects"
    verbose_name = "重点项目"
    label = "projects"
