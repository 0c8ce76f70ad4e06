from django.contrib import admin

from devplan.funds.models import FundFigure, FundTarget
from devplan.measures.admin import MeasureAdmin

admin.site.register([FundFigure, FundTarget], MeasureAdmin)
