from django.apps import AppConfig


class RecordingConfig(AppConfig):
    name = "devplan.recording"
    verbose_name = "数据写入与修改记录"
