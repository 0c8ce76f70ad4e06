"""Advance widths of the installed PDF fonts, read from the font files (fontTools), for the line breaking of
`typeset.py`: a character's width is that of the font WeasyPrint will draw it with, the role's font or, for
a character it lacks, the Noto CJK fallback listed after it."""

from __future__ import annotations

import unicodedata
from functools import cache

from fontTools.pens.boundsPen import BoundsPen
from fontTools.ttLib import TTFont

from devplan.reports.fonts import Role, fallback_font, installed_font
from devplan.reports.typeset import Metrics


class FontFile:
    """One font of a file (a collection holds several): its character map, advances and ink extents."""

    def __init__(self, path: str, index: int) -> None:
        self.font = TTFont(path, fontNumber=index, lazy=True)
        self.cmap = self.font.getBestCmap() or {}
        self.hmtx = self.font["hmtx"]
        self.upem = self.font["head"].unitsPerEm
        self._halves: dict[str, str | None] = {}

    def advance(self, char: str) -> float | None:
        """Advance in ems, or None when the font has no glyph for `char`."""
        glyph = self.cmap.get(ord(char))
        return None if glyph is None else self.hmtx[glyph][0] / self.upem

    def blank_half(self, char: str) -> str | None:
        """"right" when the ink of a full-width punctuation mark lies in the left half of its square ("，"),
        "left" when in the right half ("（"), else None; a character that is not punctuation is not drawn to
        find out (drawing every character of a report took seconds)."""
        if not unicodedata.category(char).startswith("P"):
            return None
        if char not in self._halves:
            self._halves[char] = self._half(char)
        return self._halves[char]

    def _half(self, char: str) -> str | None:
        glyph = self.cmap.get(ord(char))
        if glyph is None or self.hmtx[glyph][0] != self.upem:
            return None
        pen = BoundsPen(self.font.getGlyphSet())
        self.font.getGlyphSet()[glyph].draw(pen)
        if pen.bounds is None:
            return None
        left, _, right, _ = pen.bounds
        if right <= self.upem / 2:
            return "right"
        if left >= self.upem / 2:
            return "left"
        return None


@cache
def _file(path: str, index: int) -> FontFile:
    return FontFile(path, index)


@cache
def metrics(role: Role, size: float) -> Metrics:
    """The widths, in points at `size`, of characters drawn in `role`'s font (Noto CJK where it lacks one)."""
    primary, fallback = installed_font(role), fallback_font(role)
    files = [_file(primary.path, primary.index)]
    if fallback is not None and fallback.path != primary.path:
        files.append(_file(fallback.path, fallback.index))

    @cache
    def advance(char: str) -> float:
        for font in files:
            ems = font.advance(char)
            if ems is not None:
                return ems * size
        return size

    def blank_half(char: str) -> str | None:
        return files[0].blank_half(char) if files[0].advance(char) is not None else None

    return Metrics(advance, blank_half)

