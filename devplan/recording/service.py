"""The one door: every write of figures, targets, project progress, funds, attraction and task figures —
from the web form, the web Excel upload, the API, the command line, the report importer or the admin —
passes `write`, and every decision on a submission passes `approve` or `give_back`.

In one transaction `write`:
1. checks every row by the one table of rules (`rules.py`, `checks.py`), collecting every problem — a figure
   that leaves a field out first takes the month's previous revision's value for it (`carry.py`);
2. locks and checks each row's own month (`periods.hold`): a locked month takes nothing;
3. applies the one approval policy (`accounts.access.write_right`): planners, admins and the command line's
   operator write official revisions at once; a department or project owner writes a submission that waits
   for a planner;
4. skips rows that change nothing;
5. writes one change set (who, when, why, door, file and its SHA-256, the submission it approves) that the
   new revisions point to, and one audit-log entry naming the periods written.
Any problem refuses the whole write (`Rejected`): nothing is stored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from devplan.accounts.access import OFFICIAL, PENDING, region_access, write_right
from devplan.collection.models import Submission
from devplan.indicators.models import Figure, Target
from devplan.indicators.status_cache import data_changed
from devplan.lib.errors import DevplanError
from devplan.lib.periods import format_month, month_span
from devplan.projects.models import Progress, Project
from devplan.recording import parse, periods
from devplan.recording.actors import Actor, display_name
from devplan.recording.audit import log
from devplan.recording.carry import with_previous
from devplan.recording.checks import Checked, check_not_future, in_context, static
from devplan.recording.models import ChangeSet, Door
from devplan.recording.periods import WorkflowError
from devplan.recording.rows import FigureRow, Measure, ProgressRow, RecordRow, Row, TargetRow
from devplan.recording.rules import Broken, Problem, Rejected, Severity
from devplan.revisions import Revision, append_revision


class Forbidden(DevplanError):
    """The actor may not write this row at all (another department's indicator, another owner's project)."""


class AlreadyDecided(WorkflowError):
    """The submission was approved or returned by someone else first (the API answers 409)."""


@dataclass(frozen=True)
class Upload:
    """The file a write came from."""

    name: str
    sha256: str

    @classmethod
    def of(cls, path: Path, name: str | None = None) -> Upload:
        """The file at `path` (named `name` when it was uploaded under another name) and its SHA-256."""
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return cls(name or path.name, digest.hexdigest())


@dataclass
class Outcome:
    """What a write stored: the change set and its revisions (official rows), the submissions (pending
    rows), how many rows changed nothing, and the warnings to show (notices and explained deviations, each
    naming its row; a submission keeps its own for the reviewer)."""

    change_set: ChangeSet | None = None
    revisions: list[Revision] = field(default_factory=list)
    submissions: list[Submission] = field(default_factory=list)
    unchanged: int = 0
    warnings: list[Problem] = field(default_factory=list)

    def sentence(self) -> str:
        parts = []
        if self.revisions:
            parts.append(f"新增 {len(self.revisions)} 个正式修订")
        if self.submissions:
            parts.append(f"{len(self.submissions)} 条数据已提交，等待发改局审核")
        if self.unchanged:
            parts.append(f"{self.unchanged} 条与现有数据相同，未重复记录")
        return "，".join(parts) if parts else "没有需要记录的数据"


# The fields of each record that a new revision replaces: a revision stands on its own.
VALUE_FIELDS: dict[type[Revision], tuple[str, ...]] = {
    Figure: ("value", "growth_pct", "estimate_value", "estimate_growth_pct", "estimate_status", "estimate_method",
             "stated_completion_pct", "stated_rank", "rank_scope", "note", "qualifier", "source"),
    Progress: ("completed_investment", "status", "narrative", "problems", "help_requested", "explanation", "source"),
    Target: ("kind", "value", "unit", "qualifier", "step_with", "adjusted", "source"),
}


def _month_key(row: Row) -> tuple[int, int, int] | None:
    """The month whose lock the row needs; None for annual records and for a month that is not one."""
    if row.month is None or not 1 <= row.month <= 12:
        return None
    return (row.region.pk, row.year, row.month)


def _period(row: Row) -> str:
    if row.month is None or not 1 <= row.month <= 12:
        return str(row.year)
    return format_month(row.year, row.month)


def _subject(row: Row) -> Any:
    return row.subject if isinstance(row, FigureRow | ProgressRow | RecordRow) else None


def _submittable(row: Row) -> bool:
    """Whether the row may become a submission: an indicator's figure, a project's progress, a measure's
    figure (a `RecordRow` with its `Measure`)."""
    return isinstance(row, FigureRow | ProgressRow) or (isinstance(row, RecordRow) and row.subject is not None)


def policy(actor: Actor, row: Row) -> str:
    """OFFICIAL or PENDING for the row, by the one approval policy; Forbidden when the actor may not write."""
    if actor.operator:
        return OFFICIAL
    right = write_right(actor.user, row.region, _subject(row))
    if right is None:
        raise Forbidden(f"您无权写入{row.label()}：它不属于您负责的部门、项目或行政区")
    if right == PENDING and not _submittable(row):
        raise Forbidden(f"{row.label()}只能由发改局（计划科）或系统管理员写入")
    return right


def _equal(new: Any, old: Any) -> bool:
    if isinstance(new, str | type(None)) and isinstance(old, str | type(None)):
        return (new or "") == (old or "")
    return bool(new == old)


# What a figure's or a report's revision says beside its numbers — a completion, a rank or a sentence quoted
# from a document, a note, an explanation — belongs to the revision that said it. A row that does not mention
# one (or leaves it empty) does not contradict it: the same numbers sent again are the figure as recorded, not a new revision
# without what the material said (which would also judge the month on another basis).
SAID_BESIDE = frozenset({"stated_completion_pct", "stated_rank", "rank_scope", "qualifier", "source", "note",
                         "explanation"})


def _mentions(row: Row, name: str) -> bool:
    """Whether the row says something of the field (an empty cell or form field says nothing)."""
    return row.raw.get(name) not in (None, "")


def _same(latest: Revision | None, checked: Checked) -> bool:
    if latest is None:
        return False
    names = VALUE_FIELDS.get(type(latest), tuple(checked.fields))
    if isinstance(latest, Figure | Progress):
        names = tuple(name for name in names if name not in SAID_BESIDE or _mentions(checked.row, name))
    return all(_equal(checked.fields.get(name), getattr(latest, name)) for name in names)


# A row's raw key where it differs from the field it fills.
RAW_FIELDS = {"completed": "completed_investment"}


def _repeats(latest: Revision | None, checked: Checked) -> bool:
    """Whether every value the row gives equals the record's: a template row nobody touched."""
    if latest is None:
        return False
    given = {RAW_FIELDS.get(key, key) for key, value in checked.row.raw.items()
             if value not in (None, "") and not key.startswith("_")}
    return bool(given) and all(_equal(checked.fields.get(name), getattr(latest, name, None)) for name in given)


def _latest(row: Row) -> Revision | None:
    return row.model.objects.filter(**row.identity()).order_by("-revision").first()


def _refuse_if_any(checked: list[Checked]) -> None:
    problems = [p for c in checked for p in c.problems if p.severity is not Severity.NOTICE]
    if problems:
        raise Rejected(problems)


def _known_at(row: Row, latest: Revision | None, checked: Checked) -> Any:
    known_at = row.known_at or timezone.now()
    if latest is not None and known_at < latest.known_at:
        if row.known_at is None:
            # The latest revision is dated ahead (a release date entered in advance): "as of" reads must
            # still see the new revision last.
            return latest.known_at
        checked.problem("not_backdated", "known_at", f"{row.label()}：新修订的数据时点 {known_at:%Y-%m-%d} 早于上一修订的 "
                        f"{latest.known_at:%Y-%m-%d}：修订只能向后追加")
    return known_at


class _Writer:
    """The official half of one write: the change set is made at the first revision, so a write that
    changes nothing leaves none."""

    def __init__(self, actor: Actor, reason: str, upload: Upload | None, submission: Submission | None) -> None:
        self.actor, self.reason, self.upload, self.submission = actor, reason, upload, submission
        self.change_set: ChangeSet | None = None
        self.revisions: list[Revision] = []
        self.periods: set[str] = set()
        self.regions: set[int] = set()

    def _open(self) -> ChangeSet:
        if self.change_set is None:
            self.change_set = ChangeSet.objects.create(
                actor=self.actor.user if self.actor.user_id is not None else None, actor_name=self.actor.name,
                door=self.actor.door, reason=self.reason[:500],
                file_name=self.upload.name[:255] if self.upload else "", file_sha256=self.upload.sha256 if self.upload else "",
                submission=self.submission,
            )
        return self.change_set

    def append(self, checked: Checked, known_at: Any) -> Revision:
        row = checked.row
        fields = {k: v for k, v in checked.fields.items() if k not in ("actual_start", "actual_completion")}
        if isinstance(row, FigureRow):
            fields["precision"] = checked.precision
        if isinstance(row, ProgressRow) and "completed" in checked.precision:
            fields["precision"] = {"completed_investment": checked.precision["completed"]}
        if isinstance(row, ProgressRow):
            fields.update(reported_on=timezone.localdate(), reported_by=fields.get("reported_by") or self._submitter())
        values = {**fields, "known_at": known_at, "change_set": self._open()}
        if isinstance(row, TargetRow) and row.base_revision is not None:
            revision = _exactly_next(row, values)
        else:
            revision = append_revision(row.model, row.identity(), values)
        if isinstance(row, ProgressRow):
            _update_registry(row.project, checked.fields)
        self.revisions.append(revision)
        self.periods.add(_period(row))
        self.regions.add(row.region.pk)
        return revision

    def _submitter(self) -> str:
        if self.submission is not None and self.submission.submitted_by is not None:
            return display_name(self.submission.submitted_by)[:50]
        return self.actor.name[:50]

    def close(self) -> ChangeSet | None:
        if self.change_set is None:
            return None
        change_set = self.change_set
        ChangeSet.objects.filter(pk=change_set.pk).update(
            periods=sorted(self.periods), rows=len(self.revisions),
            region_id=next(iter(self.regions)) if len(self.regions) == 1 else None,
        )
        change_set.refresh_from_db()
        log(self.actor, "changeset.write", change_set, {
            "rows": change_set.rows, "periods": change_set.periods, "reason": change_set.reason,
            "file": change_set.file_name, "sha256": change_set.file_sha256,
            "submission": self.submission.pk if self.submission else None,
        })
        data_changed()
        return change_set


def _exactly_next(row: TargetRow, values: dict[str, Any]) -> Revision:
    """An edit based on a revision is stored as the next one or not at all: on PostgreSQL two editors may both
    see `base_revision` as latest, but the unique (region, indicator, year, revision) lets only one insert
    the next number; the other is refused with the revision that got there first, never renumbered."""
    try:
        with transaction.atomic():
            return Target.objects.create(**row.identity(), **values, revision=(row.base_revision or 0) + 1)
    except IntegrityError:
        raise TargetChanged(_latest(row), row.base_revision or 0) from None  # type: ignore[arg-type]


def _update_registry(project: Project, fields: dict[str, Any]) -> None:
    """A reported status or start/completion date updates the registry, whose history the progress
    revisions keep; the version goes up so an editor holding the older copy gets 409, not an overwrite."""
    changed = {name: fields.get(name) for name in ("status", "actual_start", "actual_completion") if fields.get(name)}
    if changed:
        Project.objects.filter(pk=project.pk).update(**changed, version=F("version") + 1)


def _open_submission(row: FigureRow | ProgressRow | RecordRow) -> Submission | None:
    assert row.month is not None  # a submission is always of a month
    if isinstance(row, ProgressRow):
        found = Submission.objects.filter(project=row.project, indicator=None)
    elif isinstance(row, RecordRow):
        assert row.subject is not None
        found = Submission.objects.filter(region=row.region, indicator=None, project=None, **_measure_fields(row.subject))
    else:
        found = Submission.objects.filter(region=row.region, indicator=row.indicator, project=None)
    # Only the submission's own row is locked (PostgreSQL cannot lock the nullable side of an outer join, which
    # the default ordering by indicator and project would bring in).
    return (found.filter(year=row.year, month=row.month).exclude(status=Submission.Status.APPROVED)
            .select_for_update(of=("self",)).order_by("pk").first())


def _measure_fields(subject: Measure) -> dict[str, str]:
    return {"measure_kind": subject.kind, "measure": subject.measure, "stage": subject.stage, "chain": subject.chain}


def _submit(actor: Actor, checked: Checked, draft: bool, upload: Upload | None) -> Submission | None:
    """Create or update the row's open submission; None when it would change nothing."""
    row = checked.row
    assert isinstance(row, FigureRow | ProgressRow | RecordRow) and row.month is not None
    status = Submission.Status.DRAFT if draft else Submission.Status.SUBMITTED
    current = _open_submission(row)
    if current is not None and current.status == Submission.Status.SUBMITTED:
        if current.values == checked.stated and not draft:
            return None
        raise WorkflowError(f"{row.label()}的数据已提交、正在等待审核，不能修改：如需更正，请联系发改局退回后再改")
    # The official values sent again change nothing — also after a return (the correction is given up): no
    # submission waits for a decision on them.
    returned = current is not None and current.status == Submission.Status.RETURNED
    if (current is None or returned) and not draft and _same(_latest(row), checked):
        return None
    if current is not None and current.values == checked.stated and current.status == status:
        return None
    submission = current or Submission(
        region=row.region, year=row.year, month=row.month,
        indicator=row.indicator if isinstance(row, FigureRow) else None,
        project=row.project if isinstance(row, ProgressRow) else None,
        **(_measure_fields(row.subject) if isinstance(row, RecordRow) and row.subject is not None else {}),
    )
    submission.values, submission.status, submission.door = checked.stated, status, actor.door
    submission.warnings = [problem.message for problem in checked.warnings]
    submission.file_name = upload.name[:255] if upload else ""
    submission.file_sha256 = upload.sha256 if upload else ""
    submission.submitted_by = actor.user
    submission.submitted_at = None if draft else timezone.now()
    submission.reviewed_by, submission.reviewed_at = None, None
    submission.save()
    return submission


def preview(row: Row) -> list[Problem]:
    """What the rules say of one row now — errors, confirmations and notices — without writing anything
    (the entry pages show it as the user types)."""
    checked = static(with_previous(row))
    check_not_future(checked)
    in_context(checked)
    return [*checked.problems, *checked.confirmed]


def checked_reason(reason: str) -> str:
    """Why the change was made: a free text like any other (it reaches exports and the change log)."""
    try:
        return parse.text(reason, "reason", "修改原因", 500)
    except Broken as broken:
        raise Rejected([broken.problem]) from None


def reason_or(given: str, fallback: str | None) -> str:
    """A change's reason: `given`, else `fallback` (a correction's note or explanation) where it would pass as
    one; a fallback that would not (a formula, too long) is left to its own field's rule, which names it."""
    if given or not fallback:
        return given
    try:
        return checked_reason(fallback)
    except Rejected:
        return ""


def write(
    actor: Actor,
    rows: Sequence[Row],
    *,
    reason: str = "",
    upload: Upload | None = None,
    draft: bool = False,
    as_submission: bool = False,
) -> Outcome:
    """Store `rows` by the rules, locks and approval policy above, all or nothing. `draft` keeps a
    department's or owner's rows as drafts instead of submitting them; `as_submission` makes even an
    operator's rows submissions for a planner to decide (figures read from a report). Raises Rejected (every
    problem, each naming its row and field), Forbidden, or WorkflowError."""
    reason = checked_reason(reason)
    rows = [with_previous(row) for row in rows]
    checked = [static(row) for row in rows]
    for index, one in enumerate(checked):
        check_not_future(one)
        one.problems = [p.at_row(index) for p in one.problems]
    rights = [policy(actor, row) for row in rows]
    if as_submission:
        rights = [PENDING if _submittable(row) else right for row, right in zip(rows, rights, strict=True)]
    with transaction.atomic():
        states = periods.hold(key for row in rows if (key := _month_key(row)) is not None)
        repeated: set[int] = set()
        for index, (row, one) in enumerate(zip(rows, checked, strict=True)):
            key = _month_key(row)
            if key is not None and states.get(key):
                # A row repeating what the locked month records is left alone, not refused: a template sent
                # back with the month's values in rows nobody touched does not change a locked month.
                if _repeats(_latest(row), one):
                    repeated.add(index)
                    continue
                message = periods.locked_message(row.region.name, key[1], key[2])
                one.problems.append(Problem("period_open", "month", message, index))
            count = len(one.problems)
            in_context(one)
            one.problems[count:] = [p.at_row(index) for p in one.problems[count:]]
        _refuse_if_any(checked)
        outcome = Outcome(warnings=[p.at_row(index) for index, c in enumerate(checked) for p in c.warnings])
        writer = _Writer(actor, reason, upload, None)
        for index, (right, one) in enumerate(zip(rights, checked, strict=True)):
            if index in repeated:
                outcome.unchanged += 1
                continue
            if right == PENDING:
                submission = _submit(actor, one, draft, upload)
                if submission is None:
                    outcome.unchanged += 1
                else:
                    outcome.submissions.append(submission)
                continue
            latest = _latest(one.row)
            if isinstance(one.row, TargetRow) and one.row.base_revision is not None:
                _check_base(one.row, latest)
            known_at = _known_at(one.row, latest, one)
            if one.problems and one.problems[-1].rule == "not_backdated":
                raise Rejected([one.problems[-1].at_row(index)])
            if _same(latest, one):
                outcome.unchanged += 1
                continue
            writer.append(one, known_at)
        outcome.change_set = writer.close()
        outcome.revisions = writer.revisions
        if outcome.submissions:
            log(actor, "submission.save_draft" if draft else "submission.submit", None, {
                "submissions": [s.pk for s in outcome.submissions],
                "periods": sorted({format_month(s.year, s.month) for s in outcome.submissions}),
                "file": upload.name if upload else "", "sha256": upload.sha256 if upload else "",
            })
    return outcome


class TargetChanged(DevplanError):
    """The target has a newer revision than the one the edit was based on; nothing was stored."""

    def __init__(self, theirs: Target | None, base_revision: int) -> None:
        self.theirs = theirs
        self.base_revision = base_revision
        if theirs is None:
            message = f"该目标尚无任何修订，而您的修改基于第 {base_revision} 次修订，未保存：请重新读取后再修改"
        else:
            when = timezone.localtime(theirs.change_set.at).strftime("%Y-%m-%d %H:%M:%S")
            message = (f"该目标已由{theirs.who or '他人'}于 {when} 改为第 {theirs.revision} 次修订，而您的修改基于第 "
                       f"{base_revision} 次修订，未保存：请对照 theirs 中的最新内容，重新读取后再修改")
        super().__init__(message)


def _check_base(row: TargetRow, latest: Revision | None) -> None:
    if (latest.revision if latest else 0) != row.base_revision:
        raise TargetChanged(latest, row.base_revision or 0)  # type: ignore[arg-type]


# ---- decisions on submissions -----------------------------------------------------------------------------


def submission_row(submission: Submission) -> FigureRow | ProgressRow | RecordRow:
    if submission.project is not None:
        return ProgressRow(submission.project, submission.year, submission.month, submission.values)
    kind = submission.kind
    if kind is not None:
        return kind.figure_row(submission.region, submission.year, submission.month, submission.measure,
                               submission.values, stage=submission.stage, chain=submission.chain)
    assert submission.indicator is not None
    return FigureRow(submission.region, submission.indicator, submission.year, submission.month, submission.values)


def _decidable(actor: Actor, pk: int) -> Submission:
    """The submission re-read and locked for this transaction; refused unless it waits for a decision."""
    submission = (Submission.objects.select_for_update(of=("self",)).select_related("region", "indicator", "project")
                  .filter(pk=pk).order_by("pk").first())
    if submission is None:
        raise WorkflowError(f"没有编号为 {pk} 的填报")
    if not (actor.operator or region_access(actor.user, submission.region).write):
        raise Forbidden("只有发改局（计划科）可以审核数据")
    if submission.status != Submission.Status.SUBMITTED:
        raise AlreadyDecided(f"{submission_label(submission)}{_decided(submission)}，不能再审核")
    if periods.hold([(submission.region_id, submission.year, submission.month)])[
            (submission.region_id, submission.year, submission.month)]:
        raise periods.PeriodLocked(periods.locked_message(submission.region.name, submission.year, submission.month))
    return submission


def submission_label(submission: Submission) -> str:
    return f"{submission.subject_name}{submission.year}年{month_span(submission.month)}的数据"


def _decided(submission: Submission) -> str:
    who = display_name(submission.reviewed_by) if submission.reviewed_by else "他人"
    if submission.status == Submission.Status.APPROVED:
        return f"已由{who}审核通过"
    if submission.status == Submission.Status.RETURNED:
        return f"已由{who}退回"
    return "还是草稿，尚未提交"


@transaction.atomic
def approve(actor: Actor, pk: int) -> Outcome:
    """The submitted values become official: a change set naming the submission and the approver, and a
    revision (none when the values equal the official ones). Exactly one of two racing decisions wins. The
    approver is someone other than the submitter (a planner who also belongs to a department submits as it)."""
    submission = _decidable(actor, pk)
    if actor.user_id is not None and submission.submitted_by_id == actor.user_id:
        raise Forbidden(f"{submission_label(submission)}是您自己提交的，不能由您审核通过：请发改局（计划科）的其他人审核")
    checked = static(submission_row(submission))
    in_context(checked)
    _refuse_if_any([checked])
    submitter = display_name(submission.submitted_by) if submission.submitted_by else ""
    upload = Upload(submission.file_name, submission.file_sha256) if submission.file_name else None
    # The change set names the door the figure came through (a web Excel upload), not the approver's.
    brought = replace(actor, door=Door(submission.door)) if submission.door in Door.values else actor
    writer = _Writer(brought, f"填报审核通过：{submitter}填报，{actor.name}审核", upload, submission)
    latest = _latest(checked.row)
    outcome = Outcome(warnings=checked.warnings)
    if _same(latest, checked):
        outcome.unchanged = 1
    else:
        writer.append(checked, _known_at(checked.row, latest, checked))
    outcome.change_set = writer.close()
    outcome.revisions = writer.revisions
    submission.status = Submission.Status.APPROVED
    submission.reviewed_by = actor.user
    submission.reviewed_at = timezone.now()
    submission.comment = ""
    submission.save()
    log(actor, "submission.approve", submission, {
        "values": submission.values,
        "revision": outcome.revisions[0].revision if outcome.revisions else None,
        "change_set": outcome.change_set.pk if outcome.change_set else None,
    })
    outcome.submissions = [submission]
    return outcome


@transaction.atomic
def give_back(actor: Actor, pk: int, comment: str) -> Submission:
    """Return the submission to its submitter with the planner's comment."""
    if not comment or not comment.strip():
        raise Rejected([Problem("reason_given", "comment", "退回时请写明原因，让填报单位知道要改什么")])
    try:
        comment = parse.text(comment, "comment", "退回意见", 1000)
    except Broken as broken:
        raise Rejected([broken.problem]) from None
    submission = _decidable(actor, pk)
    submission.status = Submission.Status.RETURNED
    submission.reviewed_by = actor.user
    submission.reviewed_at = timezone.now()
    submission.comment = comment
    submission.save()
    log(actor, "submission.return", submission, {"comment": submission.comment})
    return submission
