"""Where the text of a narrow table cell may break: between its words, never inside a number with its unit
("16.34亿元"), a span of years or months ("2023—2025", "1—10月"), a short parenthesis ("（调整后）", "（%）")
or one of the words the tables' headers and the main indicators' names are made of ("2023年/计划投资", not
"2023年计划投/资"; "社会消费品/零售总额").

The HTML and PDF keep each word on one line (`white-space: nowrap`); Word has no such setting, so its
header cells are broken here, between words, where the caption does not fit its column (`header_lines`).
"""

from __future__ import annotations

import re

from devplan.reader.hits import QUANTITY_RE

WORD = re.compile(
    rf"\d{{4}}—\d{{4}}|\d{{1,4}}(?:—\d{{1,2}})?[年月]|{QUANTITY_RE.pattern}|（[^（）]{{1,6}}）"
    r"|计划投资|完成投资|总投资|年计划|计划|完成|投资|累计|增长|预计|全年|数据|截至|指标|名称|序号|建设|年限|目标"
    r"|年度|形象|进度|责任|单位|项目|预算收入|零售总额|可支配收入|增加值"
    # a lagging project's reason in the brief: "节点逾期：/施工许可", never "…施工许/可"
    r"|节点逾期|施工许可|进度落后")


def pieces(text: str) -> list[tuple[str, bool]]:
    """The text as (piece, is a word) in order; the pieces between words may break anywhere."""
    out: list[tuple[str, bool]] = []
    position = 0
    for match in WORD.finditer(text):
        if match.start() > position:
            out.append((text[position:match.start()], False))
        out.append((match.group(0), True))
        position = match.end()
    if position < len(text):
        out.append((text[position:], False))
    return out


def _width(text: str, size: float) -> float:
    """Full width for Chinese characters and full-width marks, half for digits and Latin letters."""
    return sum(size if ord(char) > 0x2000 else size / 2 for char in text)


def header_lines(text: str, width_pt: float, size: float) -> list[str]:
    """The caption in lines that fit `width_pt`, broken between words (a piece that is not a word may break
    after any character); one line when it fits."""
    if _width(text, size) <= width_pt:
        return [text]
    units = [piece for piece, word in pieces(text) for piece in ([piece] if word else list(piece))]
    lines = [""]
    for unit in units:
        if lines[-1] and _width(lines[-1] + unit, size) > width_pt:
            lines.append(unit)
        else:
            lines[-1] += unit
    return lines
