from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "devplan.evidence"
    verbose_name = "项目形象进度照片与文件"
    label = "evidence"
