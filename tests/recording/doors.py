"""The doors through which a figure can be written, each driven as its users drive it, with one interface:
`send(case)` → a Verdict (accepted or not, and what the user was told). The table-driven test of the rules
sends every rule's case through every door that can express it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.test import Client
from openpyxl import load_workbook

from devplan.collection.excel.workbook import build_template
from devplan.collection.models import Submission
from devplan.indicators.models import Figure, Indicator
from devplan.lib.errors import DevplanError
from devplan.regions.models import Region


@dataclass(frozen=True)
class Case:
    """One figure as a user would write it: indicator, year, month and the raw values (texts as typed)."""

    rule: str
    indicator: str
    year: int
    month: int
    values: dict[str, Any]
    accepted: bool


@dataclass
class Verdict:
    accepted: bool
    said: list[str] = field(default_factory=list)

    def says(self, message: str) -> bool:
        return any(message in text for text in self.said)


def _stored(region: Region, case: Case, pending: bool) -> bool:
    indicator = Indicator.objects.get(code=case.indicator)
    if pending:
        return Submission.objects.filter(region=region, indicator=indicator, year=case.year, month=case.month,
                                         status=Submission.Status.SUBMITTED).exists()
    return Figure.objects.filter(region=region, indicator=indicator, year=case.year, month=case.month,
                                 change_set__door__in=("cli_excel", "cli_csv")).exists()


class WebForm:
    name = "网页填报"
    pending = True

    def __init__(self, client: Client, region: Region) -> None:
        self.client, self.region = client, region

    def send(self, case: Case) -> Verdict:
        prefixes = {"value": "value_", "growth_pct": "growth_", "note": "note_", "estimate_value": "estimate_",
                    "estimate_growth_pct": "estgrowth_"}
        data = {prefixes[k] + case.indicator: str(v) for k, v in case.values.items()}
        answer = self.client.post(f"/submit/{self.region.code}/{case.year}/{case.month}/", {**data, "action": "submit"},
                                  follow=True)
        if answer.status_code == 404:
            return Verdict(False, ["（网页不提供这个月份）"])
        said = [str(m) for m in answer.context["messages"]] if answer.context else []
        return Verdict(_stored(self.region, case, True) and not any("未保存" in s for s in said), said)


class Api:
    name = "数据接口"
    pending = True

    def __init__(self, client: Client, region: Region) -> None:
        self.client, self.region = client, region

    def send(self, case: Case) -> Verdict:
        body = {"region": self.region.code, "indicator": case.indicator,
                "through": f"{case.year:04d}-{case.month:02d}", **case.values}
        answer = self.client.post("/api/observations", json.dumps(body), content_type="application/json")
        payload = answer.json()
        said = [payload.get("detail", "")] + [p["message"] for p in payload.get("problems", [])]
        return Verdict(answer.status_code in (201, 202), said)


def _filled_template(region: Region, party: str, case: Case, folder: Path) -> Path | None:
    try:
        workbook = build_template("figures", region, party, case.year, max(case.month, 1))
    except DevplanError:
        return None
    sheet = workbook["指标月度数据"]
    headers = {cell.value: cell.column for cell in sheet[1]}
    columns = {"value": "1至本月累计值", "growth_pct": "同比增长（%）", "note": "备注（累计值减少等须写明原因）",
               "estimate_value": "全年预计值", "estimate_growth_pct": "全年预计增长（%）"}
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row=row, column=1).value == case.indicator:
            sheet.cell(row=row, column=headers["截至月份"], value=case.month)
            for key, value in case.values.items():
                cell = sheet.cell(row=row, column=headers[columns[key]])
                cell.value = _cell(value, cell.number_format)
    path = folder / f"{party}{case.year}{case.month}.xlsx"
    workbook.save(path)
    return path


def _cell(value: Any, number_format: str) -> Any:
    """What Excel keeps of a value typed into a cell: in a Text ("@") cell the text as typed; elsewhere a
    number is a number (100.0 becomes 100) and anything else stays text."""
    if isinstance(value, str) and value.isascii() and number_format != "@":
        try:
            return float(value) if "." in value else int(value)
        except ValueError:
            return value
    return value


class WebExcel:
    name = "网页上传 Excel"
    pending = True

    def __init__(self, client: Client, region: Region, party: str, folder: Path) -> None:
        self.client, self.region, self.party, self.folder = client, region, party, folder

    def send(self, case: Case) -> Verdict:
        path = _filled_template(self.region, self.party, case, self.folder)
        if path is None:
            return Verdict(False, ["（没有这个月份的模板）"])
        with path.open("rb") as handle:
            answer = self.client.post(f"/excel/{self.region.code}/{case.year}/{case.month}/figures/upload/",
                                      {"workbook": handle}, follow=True)
        if answer.status_code == 404:
            return Verdict(False, ["（网页不提供这个月份）"])
        said = [str(m) for m in answer.context["messages"]]
        return Verdict(_stored(self.region, case, True) and not any("未导入" in s for s in said), said)


class CliExcel:
    name = "devplan import"
    pending = False

    def __init__(self, region: Region, party: str, folder: Path) -> None:
        self.region, self.party, self.folder = region, party, folder

    def send(self, case: Case) -> Verdict:
        path = _filled_template(self.region, self.party, case, self.folder)
        if path is None:
            return Verdict(False, ["（没有这个月份的模板）"])
        try:
            call_command("import", str(path), "--by", "operator")
        except DevplanError as exc:
            return Verdict(False, [exc.sentence()])
        return Verdict(_stored(self.region, case, False), [])


class CliCsv:
    name = "devplan import-csv"
    pending = False

    def __init__(self, region: Region, folder: Path) -> None:
        self.region, self.folder = region, folder

    def send(self, case: Case) -> Verdict:
        path = self.folder / f"{case.indicator}{case.year}{case.month}.csv"
        values = [str(case.values.get(k, "")) for k in ("value", "growth_pct", "note")]
        path.write_text("region,indicator,period,value,growth_pct,note\n"
                        f"{self.region.code},{case.indicator},{case.year:04d}-{case.month:02d},{','.join(values)}\n",
                        encoding="utf-8")
        try:
            call_command("import-csv", str(path), "--by", "operator")
        except DevplanError as exc:
            return Verdict(False, [exc.sentence()])
        return Verdict(_stored(self.region, case, False), [])


def workbook_text(path: Path) -> str:
    """Every cell of a workbook as text (for looking at what a template says)."""
    workbook = load_workbook(path)
    return "\n".join(str(c.value) for sheet in workbook for row in sheet.iter_rows() for c in row if c.value)
