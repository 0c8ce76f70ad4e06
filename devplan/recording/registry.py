"""Editing a key project's registry row on the copy one read, through the one door: the same rules for
texts, numbers, choices, years and dates as every other write, and a change set that records the fields
changed (old → new). `Project.version` counts the changes; an edit names the version it read and is applied
only while the row still has it, in one conditional UPDATE, so of two editors of the same copy the second is
refused with `ProjectChanged` instead of overwriting the first."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Field
from django.utils import timezone

from devplan.accounts.access import region_access
from devplan.lib.errors import DevplanError
from devplan.lib.numbers import stated
from devplan.projects.models import Project
from devplan.recording import parse
from devplan.recording.actors import Actor
from devplan.recording.audit import log
from devplan.recording.models import ChangeSet
from devplan.recording.rules import Broken, Problem, Rejected
from devplan.regions.models import Department

TEXTS = ("name", "owner", "leader", "location", "sector", "funding_source", "note")
DATES = ("planned_start", "actual_start", "planned_completion", "actual_completion")
FLAGS = ("keeps_location",)
EDITABLE = (*TEXTS, "department", "start_year", "end_year", "total_investment", "status", *DATES, *FLAGS)
REQUIRED = ("name", "owner", "status")


class ProjectChanged(DevplanError):
    """The project was changed after the version the edit was based on; nothing was stored."""

    def __init__(self, theirs: Project, base_version: int) -> None:
        self.theirs = theirs
        self.base_version = base_version
        last = last_change(theirs)
        by = f"已由{last.actor_name or '他人'}于 {timezone.localtime(last.at):%Y-%m-%d %H:%M:%S} " if last else "已被"
        super().__init__(
            f"该项目{by}修改为第 {theirs.version} 版，而您的修改基于第 {base_version} 版，未保存："
            "请对照 theirs 中的最新内容，重新读取后再修改"
        )


def last_change(project: Project) -> ChangeSet | None:
    """The change set of the project's latest registry edit (None if never edited)."""
    return ChangeSet.objects.filter(changes__project=project.ref).order_by("-at", "-pk").first()


def _field(name: str) -> Field[Any, Any]:
    field = Project._meta.get_field(name)
    assert isinstance(field, Field)
    return field


def _label(name: str) -> str:
    return str(_field(name).verbose_name)


def _parsed(project: Project, name: str, raw: Any) -> Any:
    if name in TEXTS:
        return parse.text(raw, name, _label(name), _field(name).max_length or parse.MAX_TEXT)
    if name == "status":
        return parse.choice(raw, name, _label(name), tuple(Project.Status.values))
    if name == "total_investment":
        stated = parse.number(raw, name, _label(name))
        return None if stated is None else stated.value
    if name in ("start_year", "end_year"):
        return None if raw is None else int(raw)
    if name in DATES:
        read = parse.actual_day if name.startswith("actual_") else parse.day
        return read(raw, name, _label(name))
    if name in FLAGS:
        if not isinstance(raw, bool):
            raise Broken("choice_valid", name, f"{_label(name)}应为 true 或 false，而不是“{raw}”")
        return raw
    if not raw:
        return None
    department = Department.objects.filter(region=project.region, name=raw).first()
    if department is None:
        raise Broken("known", name, f"{project.region.name}没有名为“{raw}”的部门")
    return department


def _problems(merged: dict[str, Any]) -> list[Problem]:
    """The rules a registry row as a whole must keep."""
    found = [Problem("target_complete", name, f"{_label(name)}不能为空") for name in REQUIRED if not merged[name]]
    money = merged["total_investment"]
    if money is not None and money < 0:
        found.append(Problem("value_not_negative", "total_investment", f"{_label('total_investment')}不能为负数（填写的是 {money}）"))
    low, high = settings.DEVPLAN_YEAR_MIN, settings.DEVPLAN_YEAR_MAX
    for name in ("start_year", "end_year"):
        if merged[name] is not None and not low <= merged[name] <= high:
            found.append(Problem("year_in_range", name, f"{_label(name)}应在 {low} 到 {high} 之间，而不是 {merged[name]}"))
    for first, last in (("start_year", "end_year"), ("planned_start", "planned_completion"),
                        ("actual_start", "actual_completion")):
        if merged[first] is not None and merged[last] is not None and merged[first] > merged[last]:
            found.append(Problem("dates_in_order", last, f"{_label(first)}（{merged[first]}）不能晚于{_label(last)}（{merged[last]}）"))
    return found


def _json(value: Any) -> Any:
    if isinstance(value, Decimal):
        return stated(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Department):
        return value.name
    return value


def checked_values(project: Project, changes: dict[str, Any]) -> dict[str, Any]:
    """`changes` read by the registry's rules (texts, numbers, choices, years, dates in range and in order) as
    they would apply to `project` (an unsaved one for a new project); raises Rejected with every problem."""
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for name, raw in changes.items():
        try:
            values[name] = _parsed(project, name, raw)
        except Broken as broken:
            problems.append(broken.problem)
    merged = {name: getattr(project, name) for name in EDITABLE} | values
    problems += _problems(merged) if not problems else []
    if problems:
        raise Rejected(problems)
    return values


@transaction.atomic
def edit_project(actor: Actor, project: Project, base_version: int, changes: dict[str, Any]) -> Project:
    """Apply `changes` (registry fields among `EDITABLE`; `department` by name) if the project is still at
    `base_version`, and return it at the next version. Fields not in `changes` keep their value.

    The version check is part of the UPDATE's WHERE clause: on PostgreSQL a concurrent update that commits
    first makes ours match no row; on SQLite the IMMEDIATE transaction makes writers take turns."""
    if not (actor.operator or region_access(actor.user, project.region).write):
        raise DevplanError("只有本行政区的发改局（计划科）和系统管理员可以修改项目登记信息")
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise DevplanError(f"这些字段不能通过此接口修改：{'、'.join(unknown)}")
    current = Project.objects.select_related("region").get(pk=project.pk)
    if current.version != base_version:
        raise ProjectChanged(current, base_version)
    values = checked_values(current, changes)
    diff = {name: [_json(getattr(current, name)), _json(value)] for name, value in values.items()
            if getattr(current, name) != value}
    if not diff:
        return current  # nothing changes: no new version, no change set
    try:
        with transaction.atomic():
            updated = Project.objects.filter(pk=current.pk, version=base_version).update(**values, version=F("version") + 1)
    except IntegrityError:
        raise DevplanError(f"{current.region.name}已有名为“{values.get('name', current.name)}”的项目") from None
    fresh = Project.objects.select_related("region", "department").get(pk=current.pk)
    if not updated:
        raise ProjectChanged(fresh, base_version)
    change_set = ChangeSet.objects.create(
        actor=actor.user if actor.user_id is not None else None, actor_name=actor.name, door=actor.door,
        reason=str(changes.get("note") or "修改项目登记信息")[:500], region=current.region, rows=1,
        changes={"project": current.ref, "fields": diff, "version": [base_version, fresh.version]},
    )
    log(actor, "project.edit", fresh, {"change_set": change_set.pk, "base_version": base_version,
                                       "version": fresh.version, "fields": diff})
    return fresh
