from django.contrib import admin

from devplan.attraction.models import AttractionFigure, AttractionTarget
from devplan.projects.admin import RevisionAdmin


@admin.register(AttractionFigure, AttractionTarget)
class AttractionAdmin(RevisionAdmin):
    list_display = ["__str__", "year", "measure", "value", "revision"]
    list_filter = ["region", "year", "measure"]
