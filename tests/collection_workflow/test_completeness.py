"""The completeness table: expected, received and on-time reports per department, and reminders."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from devplan.collection import workflow
from devplan.collection.completeness import completeness, reminders
from devplan.indicators.models import Indicator
from devplan.regions.models import Department
from tests.collection_workflow.helpers import request_by


def test_reporting_rate_counts_submitted_reports_against_expected_ones(personas):
    workflow.set_deadline(request_by(personas.planner), personas.region, 2023, 11, date(2099, 12, 10))
    before = completeness(personas.region, 2023, 11)
    fai = Indicator.objects.get(code="fai")
    draft = workflow.save_draft(request_by(personas.owner), personas.region, fai, 2023, 11,
                                value=Decimal("180"), growth_pct=Decimal("8"))
    workflow.submit(request_by(personas.owner), draft)
    after = completeness(personas.region, 2023, 11)
    assert after.received == before.received + 1
    assert after.reporting_rate == (Decimal(after.received) * 100 / after.expected).quantize(Decimal("0.1"))
    assert after.on_time_rate == after.reporting_rate


def test_gdp_is_expected_only_in_quarter_months(personas):
    def expects_gdp(month: int) -> bool:
        return any(i.code == "gdp" for row in completeness(personas.region, 2023, month).rows for i in row.expected)

    assert not expects_gdp(11) and expects_gdp(12)


def test_reminders_list_the_departments_missing_reports_and_flag_overdue_months(personas):
    workflow.set_deadline(request_by(personas.planner), personas.region, 2023, 11, date(2023, 12, 10))
    stats = Department.objects.get(region=personas.region, name="统计局")
    found = reminders(personas.region, [stats], date(2023, 12, 11))
    assert [(r.month, r.overdue) for r in found] == [(11, True)]
    assert {i.code for i in found[0].missing} == {"fai", "retail_sales", "disposable_income"}
