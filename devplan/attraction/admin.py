from django.contrib import admin

from devplan.attraction.models import AttractionFigure, AttractionTarget
from devplan.recording.admin import ReadOnlyAdmin


@admin.register(AttractionFigure, AttractionTarget)
class AttractionAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "year", "measure", "value", "revision"]
    list_filter = ["region", "year", "measure"]
