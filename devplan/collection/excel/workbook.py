"""Writing a template and importing a filled one: the entry points the commands and the web app call."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from zipfile import BadZipFile, ZipFile, is_zipfile

from django.db import transaction
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from devplan.collection.excel import figures_form, projects_form
from devplan.collection.excel.meta import KINDS, TemplateMeta, read_meta, write_meta
from devplan.collection.excel.problems import ImportRejected, Problem
from devplan.lib.errors import DevplanError, UsageError
from devplan.lib.periods import format_month
from devplan.regions.models import Region


@dataclass(frozen=True)
class ImportResult:
    kind: str
    region: str
    party: str
    period: str
    rows: int

    def sentence(self) -> str:
        return f"已导入{KINDS[self.kind]}：{self.region} {self.party} {self.period}，共{self.rows}行（每行新增一个修订）"


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


MAX_UNZIPPED = 100 << 20  # a template unpacks to well under 1 MB; a file over this is refused unopened (zip bomb)


def _open(path: Path) -> Workbook:
    if is_zipfile(path) and sum(i.file_size for i in ZipFile(path).infolist()) > MAX_UNZIPPED:
        raise DevplanError(f"无法读取“{path.name}”：解压后超过 {MAX_UNZIPPED >> 20} MB，不是正常的填报模板")
    try:
        return load_workbook(path, data_only=False)
    except FileNotFoundError:
        raise DevplanError(f"找不到文件“{path}”") from None
    except (InvalidFileException, BadZipFile, KeyError, ValueError, OSError):
        raise DevplanError(f"无法读取“{path.name}”：不是有效的 Excel（.xlsx）文件") from None


def import_workbook(path: Path) -> ImportResult:
    """Check every cell of a filled template; store all of it in one transaction, or nothing and raise
    ImportRejected listing every problem."""
    workbook = _open(path)
    meta = read_meta(workbook)
    if isinstance(meta, Problem):
        raise ImportRejected(path.name, [meta])
    region = Region.objects.filter(code=meta.region).first()
    if region is None:
        raise ImportRejected(path.name, [Problem("_meta", None, None, "行政区", f"本系统没有行政区“{meta.region}”")])
    with transaction.atomic():
        if meta.kind == "projects":
            progress, problems = projects_form.read_projects(workbook, region, meta)
            if problems:
                raise ImportRejected(path.name, problems)
            count = projects_form.apply_projects(progress, meta, path.name)
        else:
            figures, problems = figures_form.read_figures(workbook, region, meta)
            if problems:
                raise ImportRejected(path.name, problems)
            count = figures_form.apply_figures(figures, region, meta, path.name)
    return ImportResult(meta.kind, region.name, meta.party, meta.period, count)
