"""`devplan import-csv FILE`: the kind of long CSV file is told by its header row (indicator figures or
project progress), and the file goes to that kind's bulk import, all or nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from devplan.scale.csv_figures import import_figures_csv
from devplan.scale.csv_progress import PROGRESS_COLUMNS, import_progress_csv, read_header
from devplan.scale.problems import ImportRejected, Problem
from devplan.scale.staging import COLUMNS as FIGURE_COLUMNS


@dataclass(frozen=True)
class CsvKind:
    name: str  # what a row is, for messages: 指标数据, 项目月度进展
    columns: tuple[str, ...]
    load: Callable[..., int]


KINDS = (
    CsvKind("指标数据", tuple(FIGURE_COLUMNS), import_figures_csv),
    CsvKind("项目月度进展", PROGRESS_COLUMNS, import_progress_csv),
)


def csv_kind(path: Path) -> CsvKind:
    """The kind whose header the file's first row is; refuses a file whose header is neither."""
    header = read_header(path)
    for kind in KINDS:
        if header == list(kind.columns):
            return kind
    expected = "或".join(f"{','.join(kind.columns)}（{kind.name}）" for kind in KINDS)
    raise ImportRejected(str(path), [Problem(1, "—", f"表头应为 {expected}，而不是 {','.join(header)}")])


def import_csv(path: Path, *, by_name: str, known_at: datetime | None = None) -> tuple[CsvKind, int]:
    """Import the file by its kind; returns the kind and the number of rows, each stored as a new revision."""
    kind = csv_kind(path)
    return kind, kind.load(path, by_name=by_name, known_at=known_at)
