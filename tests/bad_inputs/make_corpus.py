"""The bad-input corpus, built at test time into a folder: damaged copies of real templates (made by
`devplan template`, i.e. the real `build_template`), CSV files for `devplan import-csv`, and files for the
auditor. Nothing large is committed: the 100k-row CSV and the zip bombs are generated here.

`build(folder, name)` writes the file `name`; Excel damages need the good templates PROJECTS and FIGURES
in `folder` first."""

from __future__ import annotations

import io
import itertools
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from openpyxl import Workbook, load_workbook

OWNER, DEPARTMENT, PERIOD = "湘乡经开区管委会", "统计局", "2024-06"
PROJECTS, FIGURES = "good-projects.xlsx", "good-figures.xlsx"
DDE = "=cmd|' /C calc'!A0"
HEADER = "region,indicator,period,value,growth_pct,note\n"
PROGRESS_HEADER = "project,period,completed_investment,status,narrative,note\n"
REGIONS = ("430000", "430300", "430302", "430304", "430321", "430381", "430382")
INDICATORS = ("gdp", "fai", "retail_sales", "fiscal_revenue", "foreign_trade", "grain_output", "rd_spending",
              "services_revenue", "tech_contract_value", "urban_new_jobs", "reemployment", "cloud_firms")
BOMB_BYTES = 300 << 20  # what the bombs expand to; their own size is a few hundred KB at most
SHEET_OPEN = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
              'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>')
SHEET_CLOSE = "</t></is></c></row></sheetData></worksheet>"
DOCUMENT_OPEN = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                 'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')
DOCUMENT_CLOSE = "</w:t></w:r></w:p></w:body></w:document>"

Damage = Callable[[Workbook], None]


# ---- Excel: damages applied to a good template -------------------------------------------------------

def cells(**values: object) -> Damage:
    """Set cells of the data sheet (first sheet); a string starting with "=" becomes a formula."""
    def damage(workbook: Workbook) -> None:
        for ref, value in values.items():
            workbook.worksheets[0][ref] = value
    return damage


def as_text(ref: str, value: str) -> Damage:
    """A text cell that starts with "=" but is stored as text, as a pasted value would be."""
    def damage(workbook: Workbook) -> None:
        workbook.worksheets[0][ref] = value
        workbook.worksheets[0][ref].data_type = "s"
    return damage


def percent(ref: str, value: float) -> Damage:
    """A number typed as a percentage: Excel stores 7.9% as 0.079 with a % format."""
    def damage(workbook: Workbook) -> None:
        workbook.worksheets[0][ref] = value
        workbook.worksheets[0][ref].number_format = "0.0%"
    return damage


def meta(field_row: int, value: str) -> Damage:
    def damage(workbook: Workbook) -> None:
        workbook["_meta"].cell(row=field_row, column=2, value=value)
    return damage


def rename_sheet(workbook: Workbook) -> None:
    workbook.worksheets[0].title = "Sheet1"


def drop_data_sheet(workbook: Workbook) -> None:
    workbook.remove(workbook.worksheets[0])


def shift_columns(workbook: Workbook) -> None:
    workbook.worksheets[0].insert_cols(3)


def merge_header(workbook: Workbook) -> None:
    workbook.worksheets[0].merge_cells("B1:C1")


def merge_input(workbook: Workbook) -> None:
    """One figure typed into two projects' merged cells, as on a paper form."""
    sheet = workbook.worksheets[0]
    sheet["H2"] = 1.2
    sheet.merge_cells("H2:H3")


def duplicate_row(workbook: Workbook) -> None:
    sheet = workbook.worksheets[0]
    sheet["H2"] = 1.2
    sheet.append([c.value for c in sheet[2]])


def foreign_template(workbook: Workbook) -> None:
    """A template whose _meta was copied from another owner's file: the signature does not match."""
    workbook["_meta"].cell(row=3, column=2, value="湘乡市城市建设投资有限公司")


EXCEL: dict[str, tuple[str, Damage]] = {
    "renamed-kind.xlsx": (PROJECTS, meta(1, "figures")),
    "foreign-owner.xlsx": (PROJECTS, foreign_template),
    "old-version.xlsx": (PROJECTS, meta(5, "0")),
    "renamed-sheet.xlsx": (PROJECTS, rename_sheet),
    "missing-sheet.xlsx": (FIGURES, drop_data_sheet),
    "shifted-columns.xlsx": (PROJECTS, shift_columns),
    "merged-header.xlsx": (PROJECTS, merge_header),
    "merged-input.xlsx": (PROJECTS, merge_input),
    "text-in-number.xlsx": (PROJECTS, cells(H2="五千")),
    "fullwidth-digits.xlsx": (PROJECTS, cells(H2="２.６")),
    "unit-in-cell.xlsx": (PROJECTS, cells(H2="2.6亿元")),
    "negative-investment.xlsx": (PROJECTS, cells(H2=-1)),
    "negative-figure.xlsx": (FIGURES, cells(I2=-5)),
    "percent-text.xlsx": (FIGURES, cells(I2=300, J2="7.9%")),
    "percent-as-fraction.xlsx": (FIGURES, percent("J2", 0.079)),
    "month-13.xlsx": (PROJECTS, cells(G2=13, H2=1)),
    "month-0.xlsx": (FIGURES, cells(H2=0, I2=300)),
    "month-fraction.xlsx": (FIGURES, cells(H2=2.5, I2=300)),
    "impossible-date.xlsx": (PROJECTS, cells(H2=1, J2="2024-02-30")),
    "duplicate-row.xlsx": (PROJECTS, duplicate_row),
    "unknown-project.xlsx": (PROJECTS, cells(A8="XX-999", H8=1)),
    "others-project.xlsx": (PROJECTS, cells(A8="XX-001", H8=1)),
    "unknown-indicator.xlsx": (FIGURES, cells(A6="gdp_per_cow", I6=1)),
    "others-indicator.xlsx": (FIGURES, cells(A6="little_giants", I6=3)),
    "formula-dde.xlsx": (PROJECTS, cells(H2=1, L2=DDE)),
    "formula-sum.xlsx": (FIGURES, cells(I2="=SUM(1,2)")),
    "formula-as-text.xlsx": (PROJECTS, as_text("L2", DDE)),
    "too-long-text.xlsx": (PROJECTS, cells(H2=1, L2="进" * 1001)),
    "over-total-investment.xlsx": (PROJECTS, cells(H2=999)),
}


def damaged(folder: Path, name: str) -> None:
    base, damage = EXCEL[name]
    workbook = load_workbook(folder / base)
    damage(workbook)
    workbook.save(folder / name)


# ---- CSV for import-csv ------------------------------------------------------------------------------

CSV: dict[str, str] = {
    "wrong-header.csv": "地区,指标,期别,数值,增速,备注\n430381,gdp,2023-09,428.3,2.2,\n",
    "shifted-columns.csv": "region,indicator,period,value,growth_pct,note\n430381,gdp,,2023-09,428.3,2.2,\n",
    "missing-column.csv": HEADER + "430381,gdp,2023-09,428.3\n",
    "text-in-number.csv": HEADER + "430381,gdp,2023-09,四百二十八,2.2,\n",
    "fullwidth-digits.csv": HEADER + "430381,gdp,2023-09,４２８.３,2.2,\n",
    "unit-in-cell.csv": HEADER + "430381,gdp,2023-09,428.3亿元,2.2,\n",
    "thousands-separator.csv": HEADER + '430381,fai,2023-09,"1,428.3",2.2,\n',
    "negative-value.csv": HEADER + "430381,gdp,2023-09,-428.3,2.2,\n",
    "percent-sign.csv": HEADER + "430381,gdp,2023-09,428.3,2.2%,\n",
    "impossible-month.csv": HEADER + "430381,gdp,2023-13,428.3,2.2,\n",
    "month-zero.csv": HEADER + "430381,gdp,2023-00,428.3,2.2,\n",
    "chinese-period.csv": HEADER + "430381,gdp,2023年9月,428.3,2.2,\n",
    "duplicate-rows.csv": HEADER + "430381,gdp,2023-09,428.3,2.2,\n430381,gdp,2023-09,430.1,2.4,\n",
    "unknown-region.csv": HEADER + "999999,gdp,2023-09,428.3,2.2,\n",
    "unknown-indicator.csv": HEADER + "430381,gdp_per_cow,2023-09,428.3,2.2,\n",
    "nothing-to-record.csv": HEADER + "430381,gdp,2023-09,,,\n",
    "formula-in-note.csv": HEADER + f"430381,gdp,2023-09,428.3,2.2,\"{DDE}\"\n",
    "too-long-note.csv": HEADER + "430381,gdp,2023-09,428.3,2.2," + "注" * 1001 + "\n",
    "empty.csv": "",
    # project progress (the demo's XX-001 has a total investment of 18亿元)
    "progress-unknown-project.csv": PROGRESS_HEADER + "XX-999,2024-06,1.2,续建,,\n",
    "progress-text-in-number.csv": PROGRESS_HEADER + "XX-001,2024-06,一点二,,,\n",
    "progress-unit-in-cell.csv": PROGRESS_HEADER + "XX-001,2024-06,1.2亿元,,,\n",
    "progress-negative.csv": PROGRESS_HEADER + "XX-001,2024-06,-1.2,,,\n",
    "progress-over-total.csv": PROGRESS_HEADER + "XX-001,2024-06,99,,,\n",
    "progress-unknown-status.csv": PROGRESS_HEADER + "XX-001,2024-06,1.2,在建,,\n",
    "progress-short-period.csv": PROGRESS_HEADER + "XX-001,2024-6,1.2,,,\n",
    "progress-formula.csv": PROGRESS_HEADER + f"XX-001,2024-06,1.2,,\"{DDE}\",\n",
    "progress-duplicate.csv": PROGRESS_HEADER + "XX-001,2024-06,1.2,,,\nXX-001,2024-06,1.3,,,\n",
    "progress-too-long.csv": PROGRESS_HEADER + "XX-001,2024-06,1.2,," + "进" * 1001 + ",\n",
    "progress-missing-column.csv": PROGRESS_HEADER + "XX-001,2024-06,1.2\n",
    "progress-many-mistakes.csv": PROGRESS_HEADER + "XX-999,2024-06,1.2,,,\nXX-001,2024-13,1.2,,,\nXX-002,2024-06,,,,\n",
}


# Monthly indicators only (GDP is quarterly): every row is one the rules accept.
MONTHLY = tuple(code for code in INDICATORS if code != "gdp")


# Big files are history: every year before the current one back to 1900, so whoever imports them lets the
# years start there (a figure of a month not yet come is refused, and 2000—last year holds too few rows).
HISTORY = {"DEVPLAN_YEAR_MIN": "1900"}


def figure_lines(count: int, variant: int = 0) -> Iterator[str]:
    """`count` valid, distinct figure rows over the demo's regions and eleven monthly indicators, years from last
    year back to 1900 (import them with `HISTORY` in the environment), each series rising month by month as
    cumulative figures do; `variant` shifts every value (so a second file revises every figure of the first)."""
    keys = itertools.product(range(date.today().year - 1, 1899, -1), range(1, 13), REGIONS, MONTHLY)
    for n, (year, month, region, indicator) in enumerate(itertools.islice(keys, count)):
        yield f"{region},{indicator},{year:04d}-{month:02d},{100 * month + variant}.5,{n % 13 - 6},\n"


def big_csv(path: Path, rows: int, bad_line: int | None = None, variant: int = 0) -> None:
    """A CSV of `rows` valid rows; with `bad_line`, the data on that line (header is line 1) is not a number."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEADER)
        for line, text in enumerate(figure_lines(rows, variant), start=2):
            handle.write(text.replace(".5,", "x,", 1) if line == bad_line else text)


# ---- files that are not what they say, and files for the auditor --------------------------------------

def zip_bomb(path: Path, kind: str) -> None:
    """A well-formed .xlsx or .docx of a few hundred KB whose main part is valid XML expanding to BOMB_BYTES:
    a reader that unpacks it before checking sizes holds it all in memory."""
    base = io.BytesIO()
    if kind == "xlsx":
        Workbook().save(base)
        member, open_tag, close_tag = "xl/worksheets/sheet1.xml", SHEET_OPEN, SHEET_CLOSE
    else:
        import docx

        docx.Document().save(base)
        member, open_tag, close_tag = "word/document.xml", DOCUMENT_OPEN, DOCUMENT_CLOSE
    with zipfile.ZipFile(base) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb:
        for item in source.infolist():
            if item.filename != member:
                bomb.writestr(item.filename, source.read(item))
        with bomb.open(member, "w", force_zip64=True) as handle:
            handle.write(open_tag.encode())
            block = b"0" * (1 << 20)
            for _ in range(BOMB_BYTES >> 20):
                handle.write(block)
            handle.write(close_tag.encode())


def blank_pdf(path: Path) -> None:
    """A PDF page with a drawing and no text layer, as a scan would be."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    figure = Figure(figsize=(2, 2))
    figure.add_subplot().plot([0, 1], [1, 0])
    figure.axes[0].set_axis_off()
    figure.savefig(path, format="pdf")


RAW: dict[str, Callable[[Path], None]] = {
    "empty.xlsx": lambda p: p.write_bytes(b""),
    "csv-named.xlsx": lambda p: p.write_text(HEADER + "430381,gdp,2023-09,428.3,2.2,\n", encoding="utf-8"),
    "docx-named.xlsx": lambda p: zipfile.ZipFile(p, "w").writestr("word/document.xml", "<w:document/>"),
    "plain-workbook.xlsx": lambda p: Workbook().save(p),
    "bomb.xlsx": lambda p: zip_bomb(p, "xlsx"),
    "gbk.csv": lambda p: p.write_bytes((HEADER + "430381,gdp,2023-09,428.3,2.2,第三季度\n").encode("gbk")),
    "xlsx-named.csv": lambda p: Workbook().save(p),
    "binary.csv": lambda p: p.write_bytes(bytes(range(256)) * 8),
    "90k-one-bad-row.csv": lambda p: big_csv(p, 90_000, bad_line=89_990),
    "empty.txt": lambda p: p.write_bytes(b""),
    "binary.txt": lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16),
    "nul-bytes.txt": lambda p: p.write_bytes(b"GDP\x00\x01\x02 617\n"),
    "gbk.txt": lambda p: p.write_bytes("地区生产总值完成617亿元，增长5.2%。\n".encode("gbk")),
    "not-a-zip.docx": lambda p: p.write_text("这不是 Word 文件", encoding="utf-8"),
    "bomb.docx": lambda p: zip_bomb(p, "docx"),
    "xlsx-named.docx": lambda p: Workbook().save(p),
    "scan.pdf": blank_pdf,
    "text-named.pdf": lambda p: p.write_text("%PDF-1.4\n这其实只是文本\n", encoding="utf-8"),
    "truncated.pdf": lambda p: p.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog"),
    "old-word.doc": lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504),
    "report.exe": lambda p: p.write_bytes(b"MZ" + b"\x00" * 62),
}


def build(folder: Path, name: str) -> Path:
    """Write the corpus file `name` into `folder` and return its path."""
    path = folder / name
    if name in EXCEL:
        damaged(folder, name)
    elif name in RAW:
        RAW[name](path)
    else:
        path.write_text(CSV[name], encoding="utf-8")
    return path
