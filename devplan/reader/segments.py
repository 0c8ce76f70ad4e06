"""Cutting text into paragraphs, sentences and clauses, and marking spans whose numbers are not facts."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

SENTENCE_END = re.compile(r"[。!?！？]")
# A comma between digits and three more digits is a thousands separator; a colon between digits
# belongs to a ratio (40.1:16.9:43). Neither ends a clause. Each branch starts with its mark (the digit before it is
# looked back at from after it) so that the engine skips the text between marks fast.
CLAUSE_SEP = re.compile(r",(?<!\d,)|,(?!\d{3}(?:\D|$))|;|:(?<!\d:)|:(?!\d)")
# Quoted names (“三类500强”), titles (《…(2023年版)》) and PDF page numbers (— 1 —) hold numbers
# that are not quantities of the report.
_QUOTED = re.compile(r"“[^“”\n]{1,40}”|\"[^\"\n]{1,40}\"|‘[^‘’\n]{1,40}’|《[^《》\n]{1,80}》|〈[^〈〉\n]{1,80}〉")
_PAGE_NUMBER = re.compile(r"[—–-]\s+\d{1,3}\s+[—–-]")
_FOOTNOTE = re.compile(r"\[\[\d+\]\]|\[\d+\]")


class Span(NamedTuple):
    """Start and end offsets; a named tuple, as one is made for every sentence, clause and number (a frozen dataclass
    takes twice as long to make)."""

    start: int
    end: int


def iter_paragraphs(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(offset, paragraph) for each line; offsets count characters, line ends included."""
    offset = 0
    for line in lines:
        body = line.rstrip("\r\n")
        yield offset, body
        offset += len(line)


def split_lines(text: str) -> list[str]:
    """Lines with their line ends, so that offsets add up to positions in `text`."""
    return text.splitlines(keepends=True)


def masked_spans(text: str) -> list[Span]:
    """Spans of a paragraph whose numbers are names, titles, footnotes or page numbers."""
    spans = [Span(*m.span()) for pattern in (_QUOTED, _PAGE_NUMBER, _FOOTNOTE) for m in pattern.finditer(text)]
    return sorted(spans, key=lambda s: s.start)


def in_spans(pos: int, spans: list[Span]) -> bool:
    return any(s.start <= pos < s.end for s in spans)


def sentences(text: str) -> Iterator[Span]:
    """Sentence spans of a paragraph; the end mark belongs to its sentence."""
    start = 0
    for m in SENTENCE_END.finditer(text):
        if m.end() > start:
            yield Span(start, m.end())
        start = m.end()
    if start < len(text) and text[start:].strip():
        yield Span(start, len(text))


def clauses(text: str, span: Span) -> Iterator[Span]:
    """Clause spans inside a sentence span, split at commas, semicolons and colons."""
    start = span.start
    for m in CLAUSE_SEP.finditer(text, span.start, span.end):
        if m.start() > start:
            yield Span(start, m.start())
        start = m.end()
    if start < span.end:
        yield Span(start, span.end)
