from django.contrib import admin

from devplan.funds.models import FundFigure, FundTarget
from devplan.recording.admin import ReadOnlyAdmin


@admin.register(FundFigure, FundTarget)
class FundAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "year", "source", "amount", "revision"]
    list_filter = ["region", "year", "source"]
