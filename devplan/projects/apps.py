from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "devplan.projects"
    label = "projects"
