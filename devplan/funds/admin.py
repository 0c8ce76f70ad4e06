from django.contrib import admin

from devplan.funds.models import FundFigure, FundTarget
from devplan.projects.admin import RevisionAdmin


@admin.register(FundFigure, FundTarget)
class FundAdmin(RevisionAdmin):
    list_display = ["__str__", "year", "source", "amount", "revision"]
    list_filter = ["region", "year", "source"]
