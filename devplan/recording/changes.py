"""Change sets as the people who made them see them: the list (who, when, door, rows, periods), one change
set's rows as old → new, and reverting one — new revisions that restore what it replaced, in a change set of
their own. Nothing is ever deleted; "as of" answers for any earlier moment stay what they were."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import connection, models, transaction
from django.db.models import QuerySet
from django.utils import timezone

from devplan.accounts.access import region_access
from devplan.attraction.models import AttractionFigure, AttractionTarget
from devplan.funds.models import FundFigure, FundTarget
from devplan.indicators.models import Figure, Target
from devplan.indicators.status_cache import data_changed
from devplan.lib.errors import DevplanError
from devplan.lib.numbers import stated
from devplan.projects.milestones import NAMES
from devplan.projects.models import Progress, Project
from devplan.recording import periods
from devplan.recording.actors import Actor
from devplan.recording.audit import log
from devplan.recording.bulk import figure_problems, progress_problems
from devplan.recording.milestones import WHICH, revert_milestones
from devplan.recording.models import ChangeSet
from devplan.recording.registry import edit_project
from devplan.recording.service import checked_reason
from devplan.regions.models import Region
from devplan.reports.models import NarrativeBlock
from devplan.revisions import Revision
from devplan.tasks.models import TaskProgress

# Every revisioned record, in the order a change set's rows are shown.
MODELS: tuple[type[Revision], ...] = (Target, Figure, Progress, FundTarget, FundFigure, AttractionTarget,
                                      AttractionFigure, TaskProgress, NarrativeBlock)
# Records that cannot be withdrawn to nothing: a target or a paragraph is replaced, never emptied.
NEVER_EMPTY = (Target, NarrativeBlock)
SHOWN = 200


class RevertRefused(DevplanError):
    """The change set cannot be reverted now; nothing was written."""


def change_sets(region: Region | None = None, since: datetime | None = None) -> QuerySet[ChangeSet]:
    """Change sets, newest first: of one region (and those spanning several, which may touch it)."""
    rows = ChangeSet.objects.all()
    if region is not None:
        rows = rows.filter(models.Q(region=region) | models.Q(region__isnull=True))
    if since is not None:
        rows = rows.filter(at__gte=since)
    return rows.order_by("-at", "-pk")


def _identity_fields(model: type[Revision]) -> tuple[str, ...]:
    return model.identity_fields


def _value_fields(model: type[Revision]) -> list[models.Field[Any, Any]]:
    skip = {"revision", "known_at", "change_set", "id", *model.identity_fields}
    return [f for f in model._meta.concrete_fields if f.name not in skip and not f.primary_key]


@dataclass(frozen=True)
class Changed:
    """One row of a change set: the record, its revision, and each field that changed, old → new."""

    record: str
    revision: int
    fields: list[tuple[str, str, str]]


def _show(value: Any, places: int | None = None) -> str:
    """A field's value as printed: a number with the places it was stated with (a figure's `precision`)."""
    if value is None or value == "":
        return "—"
    if isinstance(value, models.Model):
        return str(value)
    if hasattr(value, "as_tuple"):
        return stated(value, places)
    return str(value)


def _shown(row: Revision | None, name: str) -> str:
    return _show(getattr(row, name) if row else None, (getattr(row, "precision", None) or {}).get(name))


def rows_of(change_set: ChangeSet, limit: int = SHOWN) -> tuple[list[Changed], int]:
    """The change set's rows as old → new (at most `limit` shown) and how many there are in all."""
    shown: list[Changed] = []
    total = 0
    for model in MODELS:
        written = model.objects.filter(change_set=change_set)
        count = written.count()
        total += count
        for row in written.order_by(*_identity_fields(model))[: max(0, limit - len(shown))]:
            identity = {name: getattr(row, name) for name in _identity_fields(model)}
            before = model.objects.filter(**identity, revision=row.revision - 1).first()
            pairs = [(str(f.verbose_name), _shown(before, f.name), _shown(row, f.name))
                     for f in _value_fields(model) if f.name != "precision"]
            fields = [(name, old, new) for name, old, new in pairs if old != new]
            shown.append(Changed(str(row).rsplit(" r", 1)[0], row.revision, fields))
    if change_set.changes.get("milestones"):
        part = change_set.changes["milestones"]
        total += 1
        shown.append(Changed(f"项目 {part['project']} 节点日期", 0,
                             [(_milestone_label(mark), _show(old), _show(new)) for mark, (old, new) in part["dates"].items()]))
    if change_set.changes.get("project"):
        total += 1
        shown.append(Changed(f"项目 {change_set.changes['project']} 登记信息", change_set.changes.get("version", [0, 0])[1],
                             [(str(getattr(Project._meta.get_field(name), "verbose_name", name)), _show(old), _show(new))
                              for name, (old, new) in change_set.changes["fields"].items()]))
    return shown, total


def _milestone_label(mark: str) -> str:
    key, which = mark.split(".")
    return f"{NAMES[key]}{WHICH[which]}完成日期"


def _column(model: type[Revision], name: str) -> str:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field)
    return str(field.column)


def _where_identity(model: type[Revision], left: str, right: str) -> str:
    return " AND ".join(f"{left}.{_column(model, n)} = {right}.{_column(model, n)}" for n in _identity_fields(model))


def _latest_condition(model: type[Revision], alias: str) -> str:
    table = model._meta.db_table
    return (f"{alias}.revision = (SELECT MAX(m.revision) FROM {table} m WHERE {_where_identity(model, 'm', alias)})")


def _count(sql: str, params: list[Any]) -> int:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return int(cursor.fetchone()[0])


def _overwritten(model: type[Revision], change_set: ChangeSet) -> int:
    """Rows of the change set that later writes have replaced since."""
    table = model._meta.db_table
    return _count(f"SELECT COUNT(*) FROM {table} c WHERE c.change_set_id = %s AND NOT ({_latest_condition(model, 'c')})",
                  [change_set.pk])


def _first_revisions(model: type[Revision], change_set: ChangeSet) -> int:
    table = model._meta.db_table
    return _count(f"SELECT COUNT(*) FROM {table} c WHERE c.change_set_id = %s AND c.revision = 1", [change_set.pk])


def _months(model: type[Revision], change_set: ChangeSet) -> set[tuple[int, int, int]]:
    if model is Progress:
        rows = Progress.objects.filter(change_set=change_set).values_list("project__region_id", "year", "month")
    elif "month" in {f.name for f in model._meta.concrete_fields} and "region" in {f.name for f in model._meta.concrete_fields}:
        rows = model.objects.filter(change_set=change_set).values_list("region_id", "year", "month").distinct()
    else:
        return set()
    return {(r, y, m) for r, y, m in rows}


def _empty(field: models.Field[Any, Any]) -> str:
    """What a withdrawn record holds in a field: nothing (NULL), an empty text, false, an empty mapping."""
    if field.null:
        return "NULL"
    if isinstance(field, models.BooleanField):
        return "FALSE"
    if isinstance(field, models.JSONField):
        return "'{}'"
    return "''"


def _restore(model: type[Revision], old: ChangeSet, new: ChangeSet, now: datetime) -> int:
    """One INSERT … SELECT: for each row of `old`, the next revision holding its predecessor's values."""
    table = model._meta.db_table
    identity = [_column(model, n) for n in _identity_fields(model)]
    values = _value_fields(model)
    columns = ", ".join([*identity, "revision", *(str(f.column) for f in values), "known_at", "change_set_id"])
    chosen = ", ".join([*(f"c.{c}" for c in identity), "c.revision + 1",
                        *(f"COALESCE(p.{f.column}, {_empty(f)})" if not f.null else f"p.{f.column}" for f in values),
                        "CASE WHEN c.known_at > %s THEN c.known_at ELSE %s END", "%s"])
    sql = (f"INSERT INTO {table} ({columns}) SELECT {chosen} FROM {table} c "
           f"LEFT JOIN {table} p ON {_where_identity(model, 'p', 'c')} AND p.revision = c.revision - 1 "
           f"WHERE c.change_set_id = %s")
    with connection.cursor() as cursor:
        cursor.execute(sql, [now, now, new.pk, old.pk])
        return int(cursor.rowcount)


@transaction.atomic
def revert(actor: Actor, change_set: ChangeSet, reason: str) -> ChangeSet:
    """Append revisions restoring what `change_set` replaced, as a new change set. Refused when a later write
    replaced any of its rows (revert that one first), when a month it wrote is locked, or when it created a
    target or paragraph that had nothing before. The change set's row is locked first and every check made
    under that lock, so of two reverts of one change set the second waits and then finds it reverted."""
    change_set = ChangeSet.objects.select_for_update().get(pk=change_set.pk)
    if not reason.strip():
        raise RevertRefused("撤销修改须写明原因（将记入修改记录）")
    reason = checked_reason(reason)
    if not (actor.operator or (change_set.region is not None and region_access(actor.user, change_set.region).write)
            or getattr(actor.user, "is_superuser", False)):
        raise RevertRefused("只有本行政区的发改局（计划科）和系统管理员可以撤销修改")
    if ChangeSet.objects.filter(reverts=change_set).exists():
        raise RevertRefused(f"修改记录 #{change_set.pk} 已经撤销过")
    touched = [model for model in MODELS if model.objects.filter(change_set=change_set).exists()]
    later = sum(_overwritten(model, change_set) for model in touched)
    if later:
        raise RevertRefused(f"修改记录 #{change_set.pk} 中有 {later} 条数据此后又被修改：请先撤销后来的修改")
    for model in touched:
        if model in NEVER_EMPTY and _first_revisions(model, change_set):
            raise RevertRefused(f"修改记录 #{change_set.pk} 新建了{model._meta.verbose_name}，此前没有内容可恢复：请改为录入新的修订")
    months = set().union(*(_months(model, change_set) for model in touched)) if touched else set()
    locked = [key for key, is_locked in periods.hold(months).items() if is_locked]
    if locked:
        region_id, year, month = locked[0]
        raise RevertRefused(periods.locked_message(Region.objects.get(pk=region_id).name, year, month))
    new = ChangeSet.objects.create(
        actor=actor.user if actor.user_id is not None else None, actor_name=actor.name, door=actor.door,
        reason=f"撤销修改记录 #{change_set.pk}：{reason.strip()}"[:500], region=change_set.region, reverts=change_set,
        periods=change_set.periods,
    )
    now = timezone.now()
    new.rows = sum(_restore(model, change_set, new, now) for model in touched)
    _refuse_what_the_rules_refuse(change_set, new, touched)
    if change_set.changes.get("project"):
        new.rows += _revert_registry(actor, change_set)
    if change_set.changes.get("milestones"):
        new.rows += revert_milestones(actor, change_set)
    new.save(update_fields=["rows"])
    log(actor, "changeset.revert", new, {"reverts": change_set.pk, "rows": new.rows, "periods": new.periods})
    data_changed()
    return new


def _refuse_what_the_rules_refuse(change_set: ChangeSet, new: ChangeSet, touched: list[type[Revision]]) -> None:
    """The restored figures and progress judged by the rules, as the bulk door judges a file's rows against
    the months stored around them: a month restored above a later one that was corrected since (Jul 75 after
    Aug became 70) is refused as any door would refuse it, and the transaction rolls the revert back."""
    found = [*(figure_problems(new) if Figure in touched else []), *(progress_problems(new) if Progress in touched else [])]
    if found:
        raise RevertRefused(f"撤销修改记录 #{change_set.pk} 后，{found[0].problem.message}：请先修改相关月份的数据，"
                            "或写明原因后直接录入新的修订")


def _revert_registry(actor: Actor, change_set: ChangeSet) -> int:
    project = Project.objects.get(ref=change_set.changes["project"])
    version = change_set.changes["version"][1]
    if project.version != version:
        raise RevertRefused(f"项目 {project.ref} 的登记信息此后又被修改（现为第 {project.version} 版）：请先撤销后来的修改")
    edit_project(actor, project, version, {name: old for name, (old, _new) in change_set.changes["fields"].items()})
    return 1
