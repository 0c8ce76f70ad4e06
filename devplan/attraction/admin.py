from django.contrib import admin

from devplan.attraction.models import AttractionFigure, AttractionTarget
from devplan.measures.admin import MeasureAdmin

admin.site.register([AttractionFigure, AttractionTarget], MeasureAdmin)
