"""Setting a key project's milestone dates (`devplan.projects.milestones`) through the one door: the planned
dates are the plan's and only the region's planners and admins set them; an actual date may also be reported
by the project's owner unit. The approval milestones are `Milestone` rows; 开工 and 竣工 are the project's
registry dates, checked by the registry's rules (in range, start not after completion) and counted in its
version. One change set records every date changed (old → new) and can be reverted like any other."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import F

from devplan.accounts.access import project_access, region_access
from devplan.lib.errors import DevplanError
from devplan.projects.milestones import KEYS, NAMES, PROJECT_DATES
from devplan.projects.models import Milestone, Project
from devplan.recording import parse
from devplan.recording.actors import Actor
from devplan.recording.audit import log
from devplan.recording.models import ChangeSet
from devplan.recording.registry import checked_values
from devplan.recording.rules import Broken, Problem, Rejected
from devplan.recording.service import Forbidden

WHICH = {"planned": "计划", "actual": "实际"}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _parsed(dates: dict[str, dict[str, Any]]) -> tuple[dict[tuple[str, str], date | None], list[Problem]]:
    """`{key: {"planned"|"actual": date or text or None}}` read as dates; unknown keys are problems."""
    values: dict[tuple[str, str], date | None] = {}
    problems: list[Problem] = []
    for key, pair in dates.items():
        if key not in KEYS:
            problems.append(Problem("known", key, f"没有名为“{key}”的节点；可用的节点：{'、'.join(KEYS)}"))
            continue
        for which, raw in pair.items():
            field = f"{key}.{which}"
            if which not in WHICH:
                problems.append(Problem("known", field, f"{NAMES[key]}只有计划日期（planned）和实际日期（actual）"))
                continue
            read = parse.actual_day if which == "actual" else parse.day
            try:
                values[(key, which)] = read(raw, field, f"{NAMES[key]}{WHICH[which]}完成日期")
            except Broken as broken:
                problems.append(broken.problem)
    return values, problems


@transaction.atomic
def set_milestones(actor: Actor, project: Project, dates: dict[str, dict[str, Any]], reason: str = "") -> Project:
    """Set the dates in `dates` (`{"permit": {"actual": "2023-08-10"}, "start": {"planned": …}}`; a date left
    out keeps its value, None clears it) and return the project as it now is. Nothing is stored unless every
    date is allowed and valid; unchanged dates write nothing."""
    current = Project.objects.select_for_update().select_related("region").get(pk=project.pk)
    try:
        reason = parse.text(reason, "reason", "说明", 500)
    except Broken as broken:
        raise Rejected([broken.problem]) from None
    values, problems = _parsed(dates)
    plans = actor.operator or region_access(actor.user, current.region).write
    if not plans and any(which == "planned" for _, which in values):
        raise Forbidden("计划日期由本行政区的发改局（计划科）确定；业主单位只能填报实际完成日期")
    if not (plans or project_access(actor.user, current).write):
        raise Forbidden("只有该项目的业主单位和本行政区的发改局（计划科）可以填报项目节点日期")
    fields = {PROJECT_DATES[key][which == "actual"]: value for (key, which), value in values.items() if key in PROJECT_DATES}
    try:
        fields = checked_values(current, fields) if fields else {}
    except Rejected as rejected:
        problems += rejected.problems
    if problems:
        raise Rejected(problems)
    fields = {name: value for name, value in fields.items() if getattr(current, name) != value}
    rows = {row.kind: row for row in Milestone.objects.select_for_update().filter(project=current)}
    marks: dict[str, list[str | None]] = {}
    for (key, which), value in values.items():
        if key in PROJECT_DATES:
            continue
        row = rows.setdefault(key, Milestone(project=current, kind=key))
        if getattr(row, which) != value:
            marks[f"{key}.{which}"] = [_iso(getattr(row, which)), _iso(value)]
            setattr(row, which, value)
            row.illustrative = False
    if not fields and not marks:
        return current
    changes: dict[str, Any] = {}
    if marks:
        for key in {mark.split(".")[0] for mark in marks}:
            rows[key].save()
        changes["milestones"] = {"project": current.ref, "dates": marks}
    if fields:
        Project.objects.filter(pk=current.pk).update(**fields, version=F("version") + 1)
        changes |= {"project": current.ref, "version": [current.version, current.version + 1],
                    "fields": {name: [_iso(getattr(current, name)), _iso(value)] for name, value in fields.items()}}
    change_set = ChangeSet.objects.create(
        actor=actor.user if actor.user_id is not None else None, actor_name=actor.name, door=actor.door,
        reason=(reason.strip() or "填报项目节点日期")[:500], region=current.region,
        rows=len({mark.split(".")[0] for mark in marks}) + bool(fields), changes=changes,
    )
    fresh = Project.objects.select_related("region", "department").get(pk=current.pk)
    log(actor, "project.milestones", fresh, {"change_set": change_set.pk, **changes})
    return fresh


def revert_milestones(actor: Actor, change_set: ChangeSet) -> int:
    """Put back the approval milestones' dates `change_set` replaced (the construction ones are registry
    fields, reverted with them); refused when one of them was changed again since."""
    part = change_set.changes["milestones"]
    project = Project.objects.get(ref=part["project"])
    rows = {row.kind: row for row in Milestone.objects.filter(project=project)}
    olds: dict[str, dict[str, Any]] = {}
    for mark, (old, new) in part["dates"].items():
        key, which = mark.split(".")
        if _iso(getattr(rows[key], which)) != new:
            raise DevplanError(f"项目 {project.ref} 的{NAMES[key]}{WHICH[which]}完成日期此后又被修改：请先撤销后来的修改")
        olds.setdefault(key, {})[which] = old
    set_milestones(actor, project, olds, f"撤销修改记录 #{change_set.pk}")
    return len(olds)
