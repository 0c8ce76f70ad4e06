"""`devplan import-csv FILE`: the kind of long CSV file is told by its header row (indicator figures or
project progress); the file goes in through the bulk door (`devplan.recording.bulk`) under one change set,
its rules are checked over the stored rows, and any problem leaves nothing behind."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.db import transaction

from devplan.indicators.models import Figure
from devplan.projects.models import Progress
from devplan.recording.actors import Actor
from devplan.recording.bulk import (
    Found,
    close_change_set,
    figure_problems,
    open_change_set,
    progress_problems,
    screened_problems,
)
from devplan.recording.models import ChangeSet
from devplan.recording.service import Upload
from devplan.regions.lookup import codes_by_name
from devplan.scale.csv_direct import Batch, Loaded
from devplan.scale.csv_figures import load_figures_csv
from devplan.scale.csv_progress import PROGRESS_COLUMNS, load_progress_csv, read_header
from devplan.scale.problems import ImportRejected, Problem
from devplan.scale.staging import COLUMNS as FIGURE_COLUMNS


@dataclass(frozen=True)
class CsvKind:
    name: str  # what a row is, for messages: 指标数据, 项目月度进展
    columns: tuple[str, ...]
    load: Callable[[Path, Batch], Loaded]
    check: Callable[[ChangeSet], list[Found]]
    table: str
    key_columns: tuple[int, ...]  # the columns that say which record a line is, as `Found.key` names it


KINDS = (
    CsvKind("指标数据", tuple(FIGURE_COLUMNS), load_figures_csv, figure_problems, Figure._meta.db_table, (0, 1, 2)),
    CsvKind("项目月度进展", PROGRESS_COLUMNS, load_progress_csv, progress_problems, Progress._meta.db_table, (0, 1)),
)


def csv_kind(path: Path) -> CsvKind:
    """The kind whose header the file's first row is; refuses a file whose header is neither."""
    header = read_header(path)
    for kind in KINDS:
        if header == list(kind.columns):
            return kind
    expected = "或".join(f"{','.join(kind.columns)}（{kind.name}）" for kind in KINDS)
    raise ImportRejected(str(path), [Problem(1, "—", f"表头应为 {expected}，而不是 {','.join(header)}")])


def _lines(path: Path, kind: CsvKind, found: list[Found]) -> list[Problem]:
    """The rules' problems at the lines of the file they are about (read again only when there are some)."""
    wanted = {f.key for f in found}
    if not wanted:  # nothing to place (and after a refused load PostgreSQL's transaction takes no query)
        return []
    # A problem names its region by code; the file may have named it (湘乡市).
    codes = codes_by_name() if kind.table == Figure._meta.db_table else {}
    lines: dict[tuple[str, ...], int] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        next(reader, None)
        for row in reader:
            key = tuple(row[i].strip() for i in kind.key_columns if i < len(row))
            key = (codes.get(key[0], key[0]), *key[1:]) if key else key
            if key in wanted:
                lines.setdefault(key, reader.line_num)
    column = {"completed": "completed_investment", "explanation": "note", "year": "period", "month": "period"}
    return sorted((Problem(lines.get(f.key, 0), column.get(f.problem.field, f.problem.field), f.problem.message)
                   for f in found), key=lambda p: p.line)


def import_csv(path: Path, actor: Actor, *, known_at: datetime | None = None, reason: str = ""
               ) -> tuple[CsvKind, ChangeSet | None]:
    """Import the file by its kind, every row a new revision under one change set, or nothing; returns the
    kind and the change set (None when every row equals what is stored)."""
    kind = csv_kind(path)
    with transaction.atomic():
        change_set = open_change_set(actor, reason or f"批量导入 {path.name}", Upload.of(path))
        try:
            loaded = kind.load(path, Batch(change_set.pk, known_at))
        except ImportRejected as rejected:  # every problem at once: the format's and the stored rows' rules
            # Only when the file's valid rows went in (the transaction is then sound on PostgreSQL too).
            found = kind.check(change_set) if rejected.valid_rows_stored else []
            both = sorted([*rejected.problems, *_lines(path, kind, found)], key=lambda p: p.line)
            raise ImportRejected(str(path), both, rejected.total + len(found)) from None
        # The direct path's screen saw every row go in; the staged path's rows are checked in the table.
        screen = loaded.screen
        found = screened_problems(screen, change_set) if screen is not None else kind.check(change_set)
        if found:
            raise ImportRejected(str(path), _lines(path, kind, found))
        if not loaded.rows:
            change_set.delete()
            return kind, None
        return kind, close_change_set(actor, change_set, kind.table, screen.written if screen is not None else None)
