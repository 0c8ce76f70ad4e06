"""Excel templates on the entry pages: own template only, all-or-nothing import through the one door —
a department's upload waits for the planners' approval — logged."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from devplan.accounts.models import AuditLog
from devplan.collection.excel.workbook import build_template
from devplan.collection.models import Submission
from devplan.indicators.models import Figure, Indicator

BASE = "/excel/430381/2023/11/figures/"


def filled(region, party: str, rows: dict[str, object]) -> SimpleUploadedFile:  # type: ignore[no-untyped-def]
    """The month's template for `party` with the value column filled for the indicators in `rows`."""
    workbook = build_template("figures", region, party, 2023, 11)
    sheet = workbook.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    code_column = next(i for i, h in enumerate(header) if h and "代码" in str(h))
    value_column = next(i for i, h in enumerate(header) if h and str(h).startswith("1至本月累计值"))
    for row in sheet.iter_rows(min_row=2):
        code = row[code_column].value
        if code in rows:
            row[value_column].value = rows[code]
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("财政局.xlsx", buffer.getvalue())


def test_a_department_downloads_its_own_template(personas):
    answer = personas.client("other").get(f"{BASE}template.xlsx")
    assert answer.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(answer.streaming_content)))
    assert "fiscal_revenue" in str([c.value for row in workbook.worksheets[0].iter_rows() for c in row])


def test_only_submitters_get_templates(personas):
    assert personas.client("planner").get(f"{BASE}template.xlsx").status_code == 403
    assert personas.client("anonymous").get(f"{BASE}template.xlsx").status_code == 302


def test_a_filled_template_is_imported_and_logged(personas):
    upload = filled(personas.region, "财政局", {"fiscal_revenue": 12.9})
    answer = personas.client("other").post(f"{BASE}upload/", {"workbook": upload}, follow=True)
    assert "已导入" in answer.content.decode() and "等待发改局审核" in answer.content.decode()
    assert not Figure.objects.filter(indicator__code="fiscal_revenue", year=2023, month=11).exists()
    submission = Submission.objects.get(indicator__code="fiscal_revenue", year=2023, month=11)
    assert (submission.status, submission.submitted_by, submission.file_name) == ("submitted", personas.other, "财政局.xlsx")
    logged = AuditLog.objects.get(action="submission.submit", username="caizheng")
    assert logged.detail["door"] == "web_excel" and logged.detail["periods"] == ["2023-11"]


def test_a_bad_cell_imports_nothing_and_names_the_cell(personas):
    upload = filled(personas.region, "财政局", {"fiscal_revenue": "很多"})
    answer = personas.client("other").post(f"{BASE}upload/", {"workbook": upload}, follow=True)
    assert "未导入任何数据" in answer.content.decode()
    assert not Figure.objects.filter(year=2023, month=11).exists()


def test_another_departments_template_is_refused(personas):
    upload = filled(personas.region, "财政局", {"fiscal_revenue": 12.9})
    answer = personas.client("owner").post(f"{BASE}upload/", {"workbook": upload})
    assert answer.status_code == 403
    assert not Figure.objects.filter(year=2023, month=11).exists()


def test_the_template_shows_every_number_of_a_waiting_submission(personas):
    """Issue 16 re-trial (t16b): the template's 待审核的填报 read "待审核：188.2" where the entry page shows the
    growth and the estimate the submission states too."""
    from tests.collection_workflow.helpers import send

    fiscal = Indicator.objects.get(code="fiscal_revenue")
    send(personas.other, personas.region, fiscal, 2023, 11, value="12.70", growth_pct="6.50", estimate_value="16.34")
    sheet = build_template("figures", personas.region, "财政局", 2023, 11).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == "fiscal_revenue")
    assert row[header.index("待审核的填报")] == "待审核：12.70，6.50%，全年预计16.34"
