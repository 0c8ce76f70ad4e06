"""The hidden sheet that says what a template is: kind, region, owner or department, period and version,
signed with the server's secret so that a changed or foreign file is recognised and rejected."""

from __future__ import annotations

from dataclasses import dataclass

from django.core import signing
from django.utils.crypto import constant_time_compare
from openpyxl import Workbook

from devplan.collection.excel.problems import Problem

META_SHEET = "_meta"
# 2: the record beside each row, full-year estimates, the explanation of unlikely progress.
TEMPLATE_VERSION = "2"
KINDS = {"projects": "项目月度进度", "figures": "指标数据"}
_SIGNER = signing.Signer(salt="devplan.collection.excel")


@dataclass(frozen=True)
class TemplateMeta:
    kind: str
    region: str
    party: str
    period: str
    version: str = TEMPLATE_VERSION

    def _payload(self) -> str:
        return "|".join((self.kind, self.region, self.party, self.period, self.version))

    @property
    def year(self) -> int:
        return int(self.period[:4])

    @property
    def month(self) -> int:
        return int(self.period[5:7])


FIELDS = ("kind", "region", "party", "period", "version")


def write_meta(workbook: Workbook, meta: TemplateMeta) -> None:
    sheet = workbook.create_sheet(META_SHEET)
    for row, name in enumerate(FIELDS, start=1):
        sheet.cell(row=row, column=1, value=name)
        sheet.cell(row=row, column=2, value=getattr(meta, name)).data_type = "s"
    sheet.cell(row=len(FIELDS) + 1, column=1, value="signature")
    sheet.cell(row=len(FIELDS) + 1, column=2, value=_SIGNER.signature(meta._payload()))
    sheet.sheet_state = "veryHidden"
    sheet.protection.enable()


def read_meta(workbook: Workbook) -> TemplateMeta | Problem:
    """The template's metadata, or the one problem that makes the file unreadable as a template."""
    if META_SHEET not in workbook.sheetnames:
        return Problem(META_SHEET, None, None, "模板标识", "文件不是本系统生成的填报模板（缺少隐藏的模板信息），请用 devplan template 下载模板")
    sheet = workbook[META_SHEET]
    values = {str(sheet.cell(row=r, column=1).value): sheet.cell(row=r, column=2).value for r in range(1, 8)}
    if any(not isinstance(values.get(name), str) for name in (*FIELDS, "signature")):
        return Problem(META_SHEET, None, None, "模板标识", "模板信息不完整：请重新下载模板")
    meta = TemplateMeta(*(str(values[name]) for name in FIELDS))
    if meta.version != TEMPLATE_VERSION or meta.kind not in KINDS:
        return Problem(META_SHEET, None, None, "模板版本", f"模板版本“{meta.version}”或类型“{meta.kind}”已不适用，请重新下载模板")
    if not constant_time_compare(_SIGNER.signature(meta._payload()), str(values["signature"])):
        # The signature is keyed by DEVPLAN_SECRET_KEY: a command line run without the server's key cannot
        # verify a template downloaded from its pages, which is the usual cause, so the sentence names it.
        return Problem(META_SHEET, None, None, "模板标识",
                       "模板信息已被改动或来自其他系统，无法验证：如果模板是从网页下载的，请在运行 devplan import 时使用"
                       "与服务器相同的 DEVPLAN_SECRET_KEY；如果来自另一套安装，请从本系统重新下载模板")
    return meta
