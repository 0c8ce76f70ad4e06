"""Draft → submitted → approved (a new official revision in a change set) or returned with a comment."""

from __future__ import annotations

from decimal import Decimal

import pytest

from devplan.accounts.models import AuditLog
from devplan.collection.models import Submission
from devplan.indicators.models import Figure, Indicator
from devplan.indicators.services import figure_as_of
from devplan.recording.periods import WorkflowError
from devplan.recording.rules import Rejected
from devplan.recording.service import AlreadyDecided, approve, give_back
from tests.collection_workflow.helpers import actor, send


@pytest.fixture
def gdp():  # type: ignore[no-untyped-def]
    return Indicator.objects.get(code="gdp")


def submitted(personas, gdp, month=12, value="620"):  # type: ignore[no-untyped-def]
    return send(personas.owner, personas.region, gdp, 2023, month, value=value, growth_pct="4.5", note="初步核算")


def test_approval_adds_an_official_revision_naming_submitter_and_approver(personas, gdp):
    submission = submitted(personas, gdp, month=9)
    figure = approve(actor(personas.planner), submission.pk).revisions[0]
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
    give_back(actor(personas.planner), submission.pk, "与统计快报不符，请核实")
    submission.refresh_from_db()
    assert submission.status == Submission.Status.RETURNED and submission.comment == "与统计快报不符，请核实"
    again = send(personas.owner, personas.region, gdp, 2023, 12, draft=True, value="615")
    assert again.pk == submission.pk and again.status == Submission.Status.DRAFT and again.value == Decimal("615")


def test_returning_needs_a_comment(personas, gdp):
    submission = submitted(personas, gdp)
    with pytest.raises(Rejected, match="退回时请写明原因"):
        give_back(actor(personas.planner), submission.pk, "  ")


def test_a_submitted_figure_cannot_be_edited_or_decided_twice(personas, gdp):
    submission = submitted(personas, gdp)
    with pytest.raises(WorkflowError, match="正在等待审核"):
        send(personas.owner, personas.region, gdp, 2023, 12, value="630")
    approve(actor(personas.planner), submission.pk)
    with pytest.raises(AlreadyDecided, match="已由planner审核通过"):
        approve(actor(personas.planner), submission.pk)
    with pytest.raises(AlreadyDecided):
        give_back(actor(personas.planner), submission.pk, "晚了")


def test_a_department_cannot_decide_its_own_submission(personas, gdp):
    from devplan.recording.service import Forbidden

    with pytest.raises(Forbidden):
        approve(actor(personas.owner), submitted(personas, gdp).pk)


def test_after_approval_a_correction_is_a_new_submission(personas, gdp):
    approve(actor(personas.planner), submitted(personas, gdp).pk)
    correction = send(personas.owner, personas.region, gdp, 2023, 12, value="622", growth_pct="4.6")
    assert correction.status == Submission.Status.SUBMITTED
    assert Submission.objects.filter(indicator=gdp, month=12).count() == 2


def test_every_step_is_in_the_audit_log_with_who_and_where(personas, gdp):
    send(personas.owner, personas.region, gdp, 2023, 12, draft=True, value="620")
    submission = send(personas.owner, personas.region, gdp, 2023, 12, value="620")
    approve(actor(personas.planner), submission.pk)
    actions = list(AuditLog.objects.order_by("at", "pk").values_list("action", "username", "ip_address"))
    assert actions[-4:] == [
        ("submission.save_draft", "tongji", "10.0.0.7"),
        ("submission.submit", "tongji", "10.0.0.7"),
        ("changeset.write", "planner", "10.0.0.7"),
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
