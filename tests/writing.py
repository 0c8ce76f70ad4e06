"""Writing records in tests through the one door (`devplan.recording.service.write`), as devplan's own
command line would: an operator actor, so every write is official at once. Tests of the doors themselves
(pages, API, imports) go through those doors instead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from devplan.attraction.models import AttractionFigure, AttractionTarget
from devplan.funds.models import FundFigure, FundTarget
from devplan.indicators.models import Figure, Indicator, Target
from devplan.projects.models import Progress, Project
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from devplan.recording.rows import FigureRow, ProgressRow, RecordRow, Row, TargetRow
from devplan.recording.service import Upload, write
from devplan.regions.models import Region
from devplan.reports.narrative import block_row
from devplan.revisions import Revision
from devplan.tasks.models import Task, TaskProgress


@dataclass(frozen=True)
class Provenance:
    """Who writes in a test, why, from which file, and when the figure became known."""

    reason: str = ""
    by_name: str = "测试"
    source: str = ""
    source_document: str = ""
    known_at: datetime | None = None
    by: Any = None


def _write(row: Row, provenance: Provenance) -> Revision:
    name = provenance.by.get_username() if provenance.by is not None else provenance.by_name
    actor = Actor(user=provenance.by, name=name, door=Door.CLI, operator=True)
    upload = Upload(provenance.source_document, "") if provenance.source_document else None
    outcome = write(actor, [row], reason=provenance.reason, upload=upload)
    if outcome.revisions:
        return outcome.revisions[0]
    return row.model.objects.filter(**row.identity()).order_by("-revision").first()  # type: ignore[return-value]


def _text(value: Any) -> Any:
    return format(value, "f") if isinstance(value, Decimal) else value


def record_figure(region: Region, indicator: Indicator, year: int, month: int, provenance: Provenance,
                  **values: Any) -> Figure:
    raw = {key: _text(value) for key, value in values.items()}
    raw.setdefault("source", provenance.source)
    row = FigureRow(region, indicator, year, month, raw, provenance.known_at)
    return _write(row, provenance)  # type: ignore[return-value]


def record_target(region: Region, indicator: Indicator, year: int, kind: str, provenance: Provenance,
                  **values: Any) -> Target:
    raw = {"kind": kind, **{key: _text(value) for key, value in values.items()}}
    raw.setdefault("source", provenance.source)
    return _write(TargetRow(region, indicator, year, raw, provenance.known_at), provenance)  # type: ignore[return-value]


def record_progress(project: Project, year: int, month: int, completed: Decimal, provenance: Provenance,
                    **texts: Any) -> Progress:
    raw = {"completed": _text(completed), **{key: _text(value) for key, value in texts.items()}}
    return _write(ProgressRow(project, year, month, raw, provenance.known_at), provenance)  # type: ignore[return-value]


def _record(model: type[Revision], region: Region, year: int, month: int | None, identity: dict[str, Any],
            provenance: Provenance, numbers: dict[str, str], **values: Any) -> Revision:
    raw = {key: _text(value) for key, value in values.items()}
    texts = {key: key for key in raw if key not in numbers}
    row = RecordRow(model, region, year, month, identity, raw, numbers, texts, known_at=provenance.known_at)
    return _write(row, provenance)


def record_fund_figure(region: Region, year: int, month: int, source: str, provenance: Provenance,
                       stage: str = "", **values: Any) -> Revision:
    identity = {"region": region, "year": year, "month": month, "measure": source, "stage": stage}
    return _record(FundFigure, region, year, month, identity, provenance,
                   {"value": "金额", "count": "项目个数", "total": "项目总投资"}, **values)


def record_fund_target(region: Region, year: int, source: str, provenance: Provenance, **values: Any) -> Revision:
    identity = {"region": region, "year": year, "measure": source}
    return _record(FundTarget, region, year, None, identity, provenance, {"value": "金额"}, **values)


def record_attraction_figure(region: Region, year: int, month: int, measure: str, provenance: Provenance,
                             stage: str = "", chain: str = "", **values: Any) -> Revision:
    identity = {"region": region, "year": year, "month": month, "measure": measure, "stage": stage, "chain": chain}
    return _record(AttractionFigure, region, year, month, identity, provenance,
                   {"value": "数值", "count": "项目个数", "total": "合同引资"}, **values)


def record_attraction_target(region: Region, year: int, measure: str, provenance: Provenance,
                             **values: Any) -> Revision:
    identity = {"region": region, "year": year, "measure": measure}
    return _record(AttractionTarget, region, year, None, identity, provenance, {"value": "数值"}, **values)


def record_task_progress(task: Task, month: int, value: Decimal, provenance: Provenance, **texts: Any) -> Revision:
    identity = {"region": task.region, "year": task.year, "month": month, "measure": task.code, "stage": ""}
    return _record(TaskProgress, task.region, task.year, month, identity, provenance, {"value": "完成值"},
                   value=value, **texts)


def record_block(region: Region, year: int, section: str, order: int, text: str, provenance: Provenance,
                 *, title: str = "") -> Revision:
    row = block_row(region, year, section, order, text, title=title, source=provenance.source,
                    known_at=provenance.known_at)
    return _write(row, provenance)


def import_figures_csv(path: Any, *, by_name: str = "测试", known_at: datetime | None = None, reason: str = "") -> int:
    """`devplan import-csv` as the operator `by_name`; the number of revisions written."""
    from devplan.scale.csv_import import import_csv

    actor = Actor(user=None, name=by_name, door=Door.CLI_CSV, operator=True)
    _kind, change_set = import_csv(path, actor, known_at=known_at, reason=reason)
    return change_set.rows if change_set else 0


import_progress_csv = import_figures_csv
