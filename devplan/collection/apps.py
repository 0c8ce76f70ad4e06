from django.apps import AppConfig


class CollectionConfig(AppConfig):
    name = "devplan.collection"
    verbose_name = "数据填报与审核"
    label = "collection"
