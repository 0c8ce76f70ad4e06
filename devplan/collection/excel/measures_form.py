"""The department template's second sheet: the series of 争资争项, 招商引资 and the plan's tasks that the
department is responsible for in the region (`Declaration.department_id`), one row per series and pipeline
stage, with what is recorded beside it; read back as measure rows for the one door (submissions to approve)."""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook

from devplan.collection.excel.form import Column, RowReader, header_problems, write_form
from devplan.collection.excel.meta import TemplateMeta
from devplan.collection.excel.problems import Problem
from devplan.collection.models import Submission
from devplan.lib.numbers import stated
from devplan.measures.kinds import KINDS
from devplan.measures.status import Declaration, Series
from devplan.recording.rows import RecordRow
from devplan.regions.models import Department, Region

SHEET = "争资招商任务月度数据"
COLUMNS = [
    Column("code", "指标代码", "key", 20),
    Column("kind", "类别代码", "key", 11),
    Column("stage", "环节代码", "key", 11),
    Column("name", "名称", "readonly", 34),
    Column("unit", "单位", "readonly", 8),
    Column("official", "本月正式数据", "readonly", 14),
    Column("pending", "待审核的填报", "readonly", 16),
    Column("month", "截至月份", "month", 8),
    Column("chain", "产业链（招商引资各环节）", "text", 16),
    Column("value", "1至本月累计值", "number", 14),
    Column("count", "项目个数", "number", 10),
    Column("total", "项目总投资（合同引资）", "number", 14),
    Column("note", "备注", "text", 30),
]
INPUTS = ("value", "count", "total", "note")
INSTRUCTIONS = [
    "争资争项、招商引资、主要任务填报说明",
    "8. 工作表“争资招商任务月度数据”列出本部门负责的争资争项资金来源、招商引资指标和计划主要任务：“环节代码”为空的一行是与年度目标比较的 1 至本月累计数，"
    "其余各行是流程各环节（谋划、申报、批复/下达、到位；在谈、签约、开工、投产）的累计数。只填有数据的行，其余整行留空。",
    "9. 招商引资各环节可在“产业链”中写明所属产业链（如 新材料）；同一环节有多个产业链时，请分次填报或通过网页、数据接口报送。",
    "10. 与指标数据一样，上传后成为待审核的填报，发改局审核通过后才成为正式数据、显示在争资争项、招商引资、主要任务页面上。",
]


def department_series(region: Region, department: Department, year: int) -> list[tuple[Declaration, Series]]:
    """The series of every measure kind that `department` is responsible for in the region and year."""
    return [(kind, one) for kind in KINDS.values() for one in kind.series(region, year)
            if kind.department_id(region, year, one.key) == department.pk]


def _department(region: Region, meta: TemplateMeta) -> Department | None:
    return Department.objects.filter(region=region, name=meta.party).first()


def _record(kind: Declaration, region: Region, code: str, stage: str, meta: TemplateMeta) -> dict[str, Any]:
    official = (kind.figure.objects.filter(region=region, year=meta.year, month=meta.month, measure=code, stage=stage)
                .order_by("-revision").first())
    pending = (Submission.objects.filter(region=region, year=meta.year, month=meta.month, measure_kind=kind.key,
                                         measure=code, stage=stage).exclude(status=Submission.Status.APPROVED).first())
    return {"official": stated(official.value) if official is not None and official.value is not None else None,
            "pending": f"{pending.get_status_display()}：{pending.text('value') or '—'}" if pending else None}


def has_measures(region: Region, meta: TemplateMeta) -> bool:
    department = _department(region, meta)
    return department is not None and bool(department_series(region, department, meta.year))


def write_measures(workbook: Workbook, region: Region, meta: TemplateMeta) -> None:
    department = _department(region, meta)
    rows = []
    for kind, one in department_series(region, department, meta.year) if department else ():
        for stage in ("", *kind.stages):
            name = f"{kind.name}：{one.name}" + (f"（{kind.stages[stage]}）" if stage else "")
            rows.append({"code": one.key, "kind": kind.key, "stage": stage, "name": name, "unit": one.unit,
                         "month": meta.month, **_record(kind, region, one.key, stage, meta)})
    write_form(workbook, SHEET, COLUMNS, rows, meta.month, new_sheet=True)


def read_measures(workbook: Workbook, region: Region, meta: TemplateMeta
                  ) -> tuple[list[RecordRow], list[RowReader], list[Problem]]:
    """The rows that hold figures, the reader of each, and the problems that make cells unreadable; a
    template without the sheet (the department reports no measure) has none."""
    if SHEET not in workbook.sheetnames:
        return [], [], []
    sheet = workbook[SHEET]
    problems = header_problems(sheet, COLUMNS)
    department = _department(region, meta)
    owned = {(kind.key, one.key): kind for kind, one in department_series(region, department, meta.year)} \
        if department else {}
    rows, readers, seen = [], [], set()
    for row in range(2, sheet.max_row + 1):
        reader = RowReader(sheet, row, COLUMNS, meta.month, problems)
        if reader.is_blank():
            continue
        values = reader.read()
        code, key, stage = (str(values.get(name) or "") for name in ("code", "kind", "stage"))
        kind = owned.get((key, code))
        if kind is None:
            reader.problem("code", f"“{key}:{code}”不是“{meta.party}”负责的争资争项、招商引资指标或主要任务，不能在本模板中填报")
            continue
        if stage and stage not in kind.stages:
            reader.problem("stage", f"环节代码“{stage}”不在{'、'.join(kind.stages) or '空'}之中")
            continue
        chain = str(values.get("chain") or "")
        if (key, code, stage, chain) in seen:
            reader.problem("code", f"{kind.name}“{code}”的这一环节与前面的行重复")
            continue
        seen.add((key, code, stage, chain))
        if all(values.get(name) in (None, "") for name in INPUTS):
            continue
        if values.get("month") is None:
            if "month" in values:
                reader.problem("month", f"请填写截至月份（1 到 {meta.month}）")
            continue
        raw = {name: values[name] for name in INPUTS if values.get(name) not in (None, "")}
        rows.append(kind.figure_row(region, meta.year, values["month"], code, raw, stage=stage, chain=chain))
        readers.append(reader)
    return rows, readers, problems
