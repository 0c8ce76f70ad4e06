"""Plain-text tables that line up in a terminal with Chinese text (CJK characters are two columns wide)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, width: int, *, right: bool = False) -> str:
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


def render(headers: Sequence[str], rows: Sequence[Sequence[str]], *, numeric: Sequence[bool] = ()) -> str:
    """Columns separated by two spaces; columns flagged numeric are right-aligned."""
    widths = [display_width(h) for h in headers]
    for row in rows:
        widths = [max(w, display_width(cell)) for w, cell in zip(widths, row, strict=True)]
    align = list(numeric) + [False] * (len(headers) - len(numeric))
    lines = ["  ".join(pad(h, w, right=a) for h, w, a in zip(headers, widths, align, strict=True)).rstrip()]
    lines.append("  ".join("─" * w for w in widths))
    for row in rows:
        lines.append("  ".join(pad(c, w, right=a) for c, w, a in zip(row, widths, align, strict=True)).rstrip())
    return "\n".join(lines)
