"""A content table as one Word table (`w:tbl`), written as XML text and parsed once.

python-docx builds a table cell by cell and looks each cell's paragraph style up by name, which took seconds
for the few thousand cells of a region with hundreds of projects; the same XML written in one pass takes
milliseconds. The cells still use the real style "表格文字" (so the table stays editable in Word or WPS),
the table the built-in "Table Grid", and every run names its East Asian font like the rest of the document.
"""

from __future__ import annotations

from html import escape

from docx.document import Document as WordDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from devplan.reports.cell_words import header_lines
from devplan.reports.content import Cell, Num, Row, Table, plain
from devplan.reports.docx_styles import TABLE_PT
from devplan.reports.fonts import LATIN, Role, word_font

TWIPS_PER_MM = 1440 / 25.4
CELL_MARGIN = 60  # twips


def _cell_text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, Num):
        return cell.text
    return cell if isinstance(cell, str) else plain(cell)


class TableWriter:
    """Writes tables for one document: the cell style's id and the run fonts are looked up once."""

    def __init__(self, document: WordDocument) -> None:
        self.style_id = document.styles["表格文字"].style_id
        self.grid_id = document.styles["Table Grid"].style_id
        self.fonts = {role: self._fonts(role) for role in ("body", "heading")}

    @staticmethod
    def _fonts(role: Role) -> str:
        east_asian, latin = escape(word_font(role)), escape(LATIN)
        return (f'<w:rPr><w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asian}" '
                f'w:cs="{latin}"/></w:rPr>')

    def _cell(self, text: str, width: int, role: Role, span: int = 1, keep: bool = False,
              lines: list[str] | None = None) -> str:
        grid_span = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
        keep_next = "<w:keepNext/>" if keep else ""
        content = "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line, quote=False)}</w:t>'
                                 for line in (lines or [text]))
        return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid_span}</w:tcPr>'
                f'<w:p><w:pPr><w:pStyle w:val="{self.style_id}"/>{keep_next}</w:pPr><w:r>{self.fonts[role]}'
                f"{content}</w:r></w:p></w:tc>")

    def _header(self, caption: str, width: int) -> str:
        """A header cell broken between words where the caption does not fit ("2023年/计划投资"): Word
        would break it after whichever character fills the line ("2023年计/划投资")."""
        room = (width - 2 * CELL_MARGIN) / 20
        return self._cell(caption, width, "heading", lines=header_lines(caption, room, TABLE_PT))

    def _row(self, row: Row, widths: list[int], keep: bool) -> str:
        """A row that never splits across pages (w:cantSplit); with `keep`, on the page of the next (the row
        above 合计 or a closing note: its paragraphs keep with the next, so 合计 never stands alone)."""
        if row.kind == "note":
            cells = self._cell(_cell_text(row.cells[0]), sum(widths), "body", len(widths), keep)
        else:
            role: Role = "heading" if row.kind == "total" else "body"
            cells = "".join(self._cell(_cell_text(cell), width, role, keep=keep)
                            for cell, width in zip(row.cells, widths, strict=True))
        return f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>"

    def xml(self, table: Table, width_mm: float) -> str:
        total = sum(column.width for column in table.columns)
        widths = [round(width_mm * TWIPS_PER_MM * column.width / total) for column in table.columns]
        grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
        # The header row repeats on every page the table runs over (w:tblHeader).
        header = "".join(self._header(table.caption(column), width)
                         for column, width in zip(table.columns, widths, strict=True))
        rows = "".join(self._row(row, widths, following is not None and following.kind in ("total", "note"))
                       for row, following in zip(table.rows, [*table.rows[1:], None], strict=True))
        return (f"<w:tbl {nsdecls('w')}><w:tblPr><w:tblStyle w:val=\"{self.grid_id}\"/>"
                f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
                '<w:tblLayout w:type="fixed"/>'
                # 3 pt either side, as the PDF's cells: Word's 5.4 pt left a 10 mm column 6.5 mm for text.
                f'<w:tblCellMar><w:left w:w="{CELL_MARGIN}" w:type="dxa"/><w:right w:w="{CELL_MARGIN}" w:type="dxa"/>'
                '</w:tblCellMar><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" '
                'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
                f'<w:tblGrid>{grid}</w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:tblHeader w:val="true"/></w:trPr>{header}</w:tr>'
                f"{rows}</w:tbl>")

    def add(self, document: WordDocument, table: Table, width_mm: float) -> None:
        """Append the table at the end of the document body (before its final section properties)."""
        body = document.element.body
        body._insert_tbl(parse_xml(self.xml(table, width_mm)))
