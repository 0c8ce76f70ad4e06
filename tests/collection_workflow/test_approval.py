"""Draft → submitted → approved (a new official revision) or returned with a comment."""

from __future__ import annotations

from decimal import Decimal

import pytest

from devplan.accounts.models import AuditLog
from devplan.collection import workflow
from devplan.collection.models import Submission
from devplan.indicators.models import Figure, Indicator
from devplan.indicators.services import figure_as_of
from tests.collection_workflow.helpers import request_by


@pytest.fixture
def gdp():  # type: ignore[no-untyped-def]
    return Indicator.objects.get(code="gdp")


def submitted(personas, gdp, month=12, value="620"):  # type: ignore[no-untyped-def]
    draft = workflow.save_draft(
        request_by(personas.owner), personas.region, gdp, 2023, month, value=Decimal(value),
        growth_pct=Decimal("4.5"), note="初步核算",
    )
    return workflow.submit(request_by(personas.owner), draft)


def test_approval_adds_an_official_revision_naming_submitter_and_approver(personas, gdp):
    submission = submitted(personas, gdp, month=9)
    figure = workflow.approve(request_by(personas.planner), submission)
    assert figure.revision == 2  # the demo's 1—9月 figure stays as revision 1
    assert Figure.objects.filter(indicator=gdp, year=2023, month=9).count() == 2
    assert figure.value == Decimal("620") and figure.recorded_by == personas.planner
    assert "tongji填报" in figure.reason and "planner审核" in figure.reason
    assert figure_as_of(personas.region, gdp, 2023, 9).value == Decimal("620")
    assert Submission.objects.get().status == Submission.Status.APPROVED


def test_a_draft_is_not_official_until_approved(personas, gdp):
    submitted(personas, gdp)
    assert not Figure.objects.filter(indicator=gdp, year=2023, month=12).exists()


def test_a_returned_submission_goes_back_with_the_comment_and_can_be_edited(personas, gdp):
    submission = submitted(personas, gdp)
    workflow.return_submission(request_by(personas.planner), submission, "与统计快报不符，请核实")
    assert submission.status == Submission.Status.RETURNED and submission.comment == "与统计快报不符，请核实"
    again = workflow.save_draft(request_by(personas.owner), personas.region, gdp, 2023, 12,
                                value=Decimal("615"), growth_pct=None)
    assert again.status == Submission.Status.DRAFT and again.value == Decimal("615")


def test_returning_needs_a_comment(personas, gdp):
    submission = submitted(personas, gdp)
    with pytest.raises(workflow.WorkflowError, match="退回时请写明原因"):
        workflow.return_submission(request_by(personas.planner), submission, "  ")


def test_a_submitted_figure_cannot_be_edited_or_approved_twice(personas, gdp):
    submission = submitted(personas, gdp)
    with pytest.raises(workflow.WorkflowError, match="不能再修改"):
        workflow.save_draft(request_by(personas.owner), personas.region, gdp, 2023, 12,
                            value=Decimal("1"), growth_pct=None)
    workflow.approve(request_by(personas.planner), submission)
    with pytest.raises(workflow.WorkflowError, match="只有待审核的数据可以审核"):
        workflow.approve(request_by(personas.planner), submission)


def test_every_step_is_in_the_audit_log_with_who_and_where(personas, gdp):
    workflow.approve(request_by(personas.planner), submitted(personas, gdp))
    actions = list(AuditLog.objects.order_by("at", "pk").values_list("action", "username", "ip_address"))
    assert actions[-3:] == [
        ("submission.save_draft", "tongji", "10.0.0.7"),
        ("submission.submit", "tongji", "10.0.0.7"),
        ("submission.approve", "planner", "10.0.0.7"),
    ]


def test_the_audit_log_is_append_only(personas, gdp):
    from devplan.revisions import AppendOnlyError

    submitted(personas, gdp)
    entry = AuditLog.objects.first()
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        AuditLog.objects.all().delete()
