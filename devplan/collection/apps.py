from django.apps import AppConfig


class CollectionConfig(AppConfig):
    name = "devplan.collection"
    label = "collection"
