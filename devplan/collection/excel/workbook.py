"""Writing a template and importing a filled one: the entry points the commands and the web app call."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from zipfile import BadZipFile

from django.conf import settings
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from devplan.collection.excel import figures_form, measures_form, projects_form
from devplan.collection.excel.form import RowReader
from devplan.collection.excel.meta import KINDS, TemplateMeta, read_meta, write_meta
from devplan.collection.excel.problems import ImportRejected, Problem
from devplan.lib.bounded import bounded
from devplan.lib.errors import DevplanError, UsageError
from devplan.lib.limits import TooLarge, check_file, limits_from
from devplan.lib.periods import format_month
from devplan.recording.actors import Actor
from devplan.recording.rows import Row
from devplan.recording.rules import Problem as RuleProblem
from devplan.recording.rules import Rejected, Severity
from devplan.recording.service import Outcome, Upload, preview, write
from devplan.regions.models import Region


@dataclass(frozen=True)
class ImportResult:
    kind: str
    region: str
    party: str
    period: str
    rows: int
    outcome: Outcome

    def sentence(self) -> str:
        return f"已导入{KINDS[self.kind]}：{self.region} {self.party} {self.period}，共{self.rows}行：{self.outcome.sentence()}"


def build_template(kind: str, region: Region, party: str, year: int, month: int) -> Workbook:
    """The template for `party` (the owner unit for projects, the department for figures) and a month."""
    if kind not in KINDS:
        raise UsageError(f"--kind 应为 {' 或 '.join(KINDS)}，而不是“{kind}”")
    meta = TemplateMeta(kind, region.code, party, format_month(year, month))
    workbook = Workbook()
    if kind == "projects":
        projects_form.write_projects(workbook, region, meta)
    else:
        figures_form.write_figures(workbook, region, meta)
    write_meta(workbook, meta)
    return workbook


# A filled template holds a few thousand cells; these bound what a file under the size limits may unpack to.
MAX_CELLS = 200_000
MAX_CHARACTERS = 10_000_000


def _measure(path: Path) -> int:
    """The workbook's cells, loaded exactly as the import will load it (merged ranges and all, whatever its
    <dimension> claims); TooLarge past the bounds. Run in the bounded child: the parent's own load then
    does work this child has already done within its bounds."""
    workbook = load_workbook(path, data_only=False)
    cells = characters = 0
    for sheet in workbook.worksheets:
        cells += sum(merged.size["rows"] * merged.size["columns"] for merged in sheet.merged_cells.ranges)
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                if value is not None:
                    cells += 1
                    characters += len(str(value))
            if cells > MAX_CELLS or characters > MAX_CHARACTERS:
                raise TooLarge(f"“{path.name}”的单元格超过 {MAX_CELLS} 个或文字超过 {MAX_CHARACTERS} 字，不是正常的填报模板，"
                               "已拒绝读取")
    return cells


def open_workbook(path: Path) -> Workbook:
    """The workbook, after its size, its unpacked size and its cells were checked — the cells in a child
    process bounded in memory and time (DEVPLAN_PARSE_MAX_MB, DEVPLAN_PARSE_MAX_SECONDS), so a file that
    unpacks without end is refused instead of holding the worker."""
    if path.is_file():
        check_file(path, limits_from(settings))
        bounded(lambda: _measure(path), path.name, memory_mb=settings.DEVPLAN_PARSE_MAX_MB,
                seconds=settings.DEVPLAN_PARSE_MAX_SECONDS, unreadable="不是有效的 Excel（.xlsx）文件")
    try:
        return load_workbook(path, data_only=False)
    except FileNotFoundError:
        raise DevplanError(f"找不到文件“{path}”") from None
    except (InvalidFileException, BadZipFile, KeyError, ValueError, OSError):
        raise DevplanError(f"无法读取“{path.name}”：不是有效的 Excel（.xlsx）文件") from None


def _in_cells(problems: list[RuleProblem], readers: list[RowReader], name: str) -> ImportRejected:
    """The rules' problems placed in the cells they are about."""
    placed = []
    for problem in problems:
        reader = readers[problem.row] if problem.row is not None else None
        if reader is None:
            placed.append(Problem("—", None, None, problem.field, problem.message))
            continue
        key = "completed" if problem.field == "completed_investment" else problem.field
        key = key if any(c.key == key for c in reader.columns) else "code" if reader.columns[0].key == "code" else "ref"
        letter, header = reader.location(key)
        placed.append(Problem(reader.sheet.title, reader.row, letter, header, problem.message))
    return ImportRejected(name, placed)


def read_template(path: Path) -> tuple[TemplateMeta, Region, list[Row], list[RowReader], list[Problem]]:
    """The template's metadata, region, rows, the reader of each row, and the cells that cannot be read;
    ImportRejected when the file is not a template of this system at all."""
    workbook = open_workbook(path)
    meta = read_meta(workbook)
    if isinstance(meta, Problem):
        raise ImportRejected(path.name, [meta])
    region = Region.objects.filter(code=meta.region).first()
    if region is None:
        raise ImportRejected(path.name, [Problem("_meta", None, None, "行政区", f"本系统没有行政区“{meta.region}”")])
    form = projects_form.read_projects if meta.kind == "projects" else figures_form.read_figures
    rows, readers, problems = form(workbook, region, meta)
    found: list[Row] = list(rows)
    if meta.kind == "figures":  # a department's template holds its measures too
        more, more_readers, more_problems = measures_form.read_measures(workbook, region, meta)
        found += more
        readers = [*readers, *more_readers]
        problems += more_problems
    return meta, region, found, readers, problems


def import_workbook(path: Path, actor: Actor) -> ImportResult:
    """Check every cell of a filled template and write its rows through the one door, all or nothing:
    ImportRejected lists every problem — unreadable cells and the rules' problems together — by sheet, row
    and column."""
    meta, region, rows, readers, problems = read_template(path)
    if problems:
        found = [p.at_row(index) for index, row in enumerate(rows) for p in preview(row)
                 if p.severity is not Severity.NOTICE]
        raise ImportRejected(path.name, problems + _in_cells(found, readers, path.name).problems)
    try:
        outcome = write(actor, rows, reason=f"Excel 模板：{path.name}", upload=Upload.of(path))
    except Rejected as rejected:
        raise _in_cells(rejected.problems, readers, path.name) from None
    return ImportResult(meta.kind, region.name, meta.party, meta.period, len(rows), outcome)
