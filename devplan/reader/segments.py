"""Cutting text into paragraphs, sentences and clauses, and marking spans whose numbers are not facts."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from typing import NamedTuple

SENTENCE_END = re.compile(r"[。!?！？]")
# A comma between digits and three more digits is a thousands separator; a colon between digits
# belongs to a ratio (40.1:16.9:43). Neither ends a clause. Each branch starts with its mark (the digit before it is
# looked back at from after it) so that the engine skips the text between marks fast.
CLAUSE_SEP = re.compile(r",(?<!\d,)|,(?!\d{3}(?:\D|$))|;|:(?<!\d:)|:(?!\d)")
# Quoted names (“三类500强”), titles (《…(2023年版)》) and PDF page numbers (— 1 —) hold numbers
# that are not quantities of the report.
_QUOTED = re.compile(
    r"“[^“”\n]{1,40}”|\"[^\"\n]{1,40}\"|‘[^‘’\n]{1,40}’|《[^《》\n]{1,80}》|〈[^〈〉\n]{1,80}〉"
)
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


# A line that is only a page number ("— 3 —", "- 3 -", "－ ３ －", "·3·", "第3页", or the dashes and digits apart on a
# turned page): full-width and Chinese dashes and middle dots frame page numbers as often as the ASCII hyphen.
_PAGE_MARK = "[—–\\-－―‒·•・]"
PAGE_NUMBER_LINE = re.compile(
    rf"^\s*(?:{_PAGE_MARK}\s*\d{{1,3}}\s*{_PAGE_MARK}|{_PAGE_MARK}|\d{{1,3}}|第\s*\d{{1,3}}\s*页(?:\s*[,，/]?\s*共\s*\d{{1,3}}\s*页)?)\s*$"
)
# A line that starts a new paragraph even without an indent: a heading, a numbered item, a dash item.
STARTS_ITEM = re.compile(
    r"^\s*(?:——|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]\s|附件|注[:：])"
)
ENDS_CLAUSE = tuple("。！？；：!?;:")
# In plain text a numbered item needs no space after its mark (1.加快…), and articles and chapters are items too.
_STARTS_TEXT_ITEM = re.compile(r"^(?:\d{1,2}[.、．](?!\d)|第[一二三四五六七八九十百\d]+[条章节部分篇])")
_ENDS_TEXT_LINE = ENDS_CLAUSE + tuple("…")
_ENDS_IN = re.compile("[" + re.escape("".join(_ENDS_TEXT_LINE)) + "]")
_ENDS_SENTENCE = tuple("。！？!?…")
_CLOSING = tuple("”’」』）)》")
# A line is cut by the layout when it is about as long as the longest of the lines just before it: a text copied
# out of a PDF is wrapped at one width, and a title or heading line is shorter than that width. The window is short
# so that a document of whole paragraphs on lines (hundreds of characters long) is read line by line as before.
_WIDTH_WINDOW = 20
_FULL_LINE = 0.8
_WIDTH_SLACK = 2  # a line may hold a character or two more where its punctuation is narrow
_WIDEST_LAYOUT = 60  # no page or phone screen has longer lines of Chinese
# Two lines in a row of one width and no end mark, with text after them, were wrapped even where no line before
# gives the width (the first lines of a text or of an excerpt); shorter lines may be a title and its subtitle.
_RUN_MIN = 15
# A row of table cells (tabs, bars, runs of spaces or commas between them) is as long as the next row but no prose.
# Chinese prose holds no spaces, so even one between cells counts (地区生产总值 亿元 236.0 238.9 101.2).
_CELL_SEPARATOR = re.compile(r"\t|[|｜]|\s+|,")
_ROW_CELLS = 3
_CLAUSE_MARK = re.compile("[，。；;：、]")
# 其中：, 注： opening a row's first cell: a label before its name, no clause of prose.
_ROW_LABEL = re.compile(r"^\s*[\u4e00-\u9fff]{1,4}[：:]")
# A number cut by the layout: the line stops on a digit (or a point or a magnitude after one) and the next line goes
# on with its digits, its point, the colon of a ratio, a percent sign or its unit — 14.6:39.8 / :45.6, 18 / 6.4亿元,
# 2020 / 年, 86.4亿 / 元. A paragraph never ends on a bare number without an end mark (a row of cells does, and is told
# by its separators).
_ENDS_ON_DIGIT = re.compile(r"[\d０-９](?:[.．]|[万亿])?$")
# …inside a number: its point or its 万/亿 and no more.
_CUT_IN_NUMBER = re.compile(r"[\d０-９](?:[.．]|[万亿])$")
# A line can start with none of these: they go on with what stands before them (a clause mark, a closing bracket, a
# percent sign, the colon or point of a number).
_GOES_ON_MARKS = tuple("，,。、；;：:）)%％‰.．")
# A line ends on none of these at a paragraph's end: a comma, an enumeration comma, an opening bracket or quote.
_GOES_ON_AFTER = tuple("，,、（(“‘《〈")
# Clause marks inside a line: prose, which a title or a label line holds none of.
_PROSE_MARK = re.compile(r"[，,、。！？；;]")
# A running header repeated on every page is short and has no end mark.
_HEADER_MAX = 40
_HEADER_REPEATS = 2


def join_layout_text(head: str, tail: str) -> str:
    """Join two layout lines: Chinese without a space, two Latin words with one."""
    if (
        head
        and tail
        and head[-1].isascii()
        and head[-1].isalpha()
        and tail[0].isascii()
        and tail[0].isalpha()
    ):
        return head + " " + tail
    return head + tail


def _ends_line(line: str, marks: tuple[str, ...] = _ENDS_TEXT_LINE) -> bool:
    """The line ends a sentence or clause (one of `marks`; a closing quote or bracket after the mark counts as it)."""
    body = line.rstrip()
    while body.endswith(_CLOSING) and len(body) > 1 and body[-2] in _ENDS_TEXT_LINE + _CLOSING:
        body = body[:-1]
    return body.endswith(marks)


def _opens_item(line: str) -> bool:
    """The line opens with a heading's or an item's mark."""
    return bool(STARTS_ITEM.match(line) or _STARTS_TEXT_ITEM.match(line))


def _starts_paragraph(line: str) -> bool:
    """The line begins a paragraph of its own: indented, blank, a heading or a numbered item."""
    return not line or line[0] in " \t\u3000" or _opens_item(line)


class LayoutParagraphs:
    """Paragraphs of a plain text whose lines may have been wrapped by a layout (text copied out of a PDF or a web
    page): a line cut short of its sentence goes on into the next, and page numbers and running headers between the
    two are dropped. Iterating yields (offset, paragraph) like `iter_paragraphs`; the offset of a joined paragraph and
    the positions inside it count the joined text, so `real` maps a position read in it back to the given text."""

    def __init__(self, lines: Iterable[str]) -> None:
        self.lines = lines
        # (virtual, real) at each piece of a joined paragraph and at the paragraph after one; positions between two
        # anchors keep their distance to the first.
        self._virtual: list[int] = []
        self._real: list[int] = []
        # What the join at an anchor took out of the given text (the line's trailing blanks and end, a page number or
        # header between the two lines), by the anchor's index: a figure read across it is given its own words again.
        self._gaps: dict[int, str] = {}
        # The given lines (line ends included) by offset, from the open paragraph's first on: what a join takes out.
        self._raw: dict[int, str] = {}

    def real(self, position: int) -> int:
        """The position in the given text of a position read in the paragraphs."""
        at = bisect_right(self._virtual, position) - 1
        return position if at < 0 else self._real[at] + position - self._virtual[at]

    def given(self, text: str, start: int) -> str:
        """`text`, read in the paragraphs from `start`, as the given text has it: with what the joins inside it took
        out (a figure cut by the layout, 86.4亿 / 元, is 86.4亿\\n元 in the given text)."""
        first = bisect_right(self._virtual, start)
        last = bisect_right(self._virtual, start + len(text) - 1)
        pieces, at = [], 0
        for index in range(first, last):
            gap = self._gaps.get(index)
            if gap is not None:
                cut = self._virtual[index] - start
                pieces += [text[at:cut], gap]
                at = cut
        return "".join(pieces) + text[at:] if pieces else text

    def _lines(self) -> Iterator[tuple[int, str]]:
        """`iter_paragraphs` of the given lines, keeping each line as given until its paragraph is closed."""
        offset = 0
        for line in self.lines:
            self._raw[offset] = line
            yield offset, line.rstrip("\r\n")
            offset += len(line)

    def __iter__(self) -> Iterator[tuple[int, str]]:
        widths: deque[int] = deque(maxlen=_WIDTH_WINDOW)
        # Short lines without an end mark met so far, and how often: a running header is one met twice before (the
        # first time may be the title itself).
        seen: Counter[str] = Counter()
        pieces: list[tuple[int, str]] = []  # (offset, line) of the open paragraph
        held: list[tuple[int, str]] = []  # blank, page-number and header lines after an open, unfinished line
        is_open = False  # the last line of the open paragraph was cut by the layout
        in_body = False  # a line has ended a sentence or clause
        heading = False  # the line is one of a heading's: an item mark opened them, and no clause has ended since
        for offset, line, near, at in _with_neighbours(self._lines()):
            stripped = line.strip()
            if is_open and self._between_pages(stripped, seen, held):
                held.append((offset, line))
                continue
            if is_open and not _starts_paragraph(line) and self._only_page_marks(held):
                pieces.append((offset, line))
            else:
                yield from self._close(pieces)
                yield from map(self._alone, held)
                pieces = [(offset, line)]
                for key in [key for key in self._raw if key < offset]:
                    del self._raw[key]  # lines of closed paragraphs: no join will take anything out of them
            held = []
            # A heading's lines: an item mark opens them, and they hold no clause end (a heading cut by the layout goes on
            # into a line of its own words, no longer than its first, which may end without a mark too); after a clause end
            # comes prose.
            goes_on = heading and len(stripped) <= len(near[at - 1].strip())
            heading = (_opens_item(stripped) or goes_on) and not _ENDS_IN.search(stripped)
            # The title, date and byline lines before the first sentence are set as the writer chose.
            is_open = (in_body and self._open(line, widths)) or _in_wrapped_run(near, at) or _cut_inside(near, at, heading)
            in_body = in_body or _ends_line(stripped)
            widths.append(len(line.rstrip()))
            if stripped and len(stripped) <= _HEADER_MAX and not _ends_line(stripped):
                seen[stripped] += 1
        yield from self._close(pieces)
        yield from map(self._alone, held)

    @staticmethod
    def _open(line: str, widths: deque[int]) -> bool:
        """The line was cut by the layout: it ends no clause and is about as long as the longest of the lines before
        it, which are no longer than a page's line (a text of paragraphs on lines has longer ones)."""
        if not widths or max(widths) > _WIDEST_LAYOUT or _ends_line(line, _ENDS_SENTENCE):
            return False
        # A heading or numbered item without an end mark is a title, and a clause ended by a semicolon or colon the
        # paragraph's own end, unless the line fills the whole width.
        full = max(widths) if _starts_paragraph(line) or _ends_line(line) else _FULL_LINE * max(widths)
        return full <= len(line.rstrip()) <= max(widths) + _WIDTH_SLACK

    @staticmethod
    def _between_pages(line: str, seen: Counter[str], held: list[tuple[int, str]]) -> bool:
        """A line the layout may have put between two lines of one paragraph: blank, a page number, or a running
        header (a short line met before: once, when a page number went before it; twice otherwise)."""
        if not line or PAGE_NUMBER_LINE.match(line):
            return True
        after_page_number = any(PAGE_NUMBER_LINE.match(other) for _, other in held)
        return seen[line] >= (1 if after_page_number else _HEADER_REPEATS)

    @staticmethod
    def _only_page_marks(held: list[tuple[int, str]]) -> bool:
        """Nothing stands between the two lines but a page break: no line, or a page number or header with any blank
        lines around it (blank lines alone end a paragraph)."""
        return not held or any(line.strip() for _, line in held)

    def _alone(self, piece: tuple[int, str]) -> tuple[int, str]:
        """A paragraph of one line, read at its own offset (after a joined paragraph, positions are real again)."""
        offset = piece[0]
        if self._virtual and self._virtual[-1] != self._real[-1]:
            self._virtual.append(offset)
            self._real.append(offset)
        return piece

    def _close(self, pieces: list[tuple[int, str]]) -> Iterator[tuple[int, str]]:
        if len(pieces) < 2:
            yield from map(self._alone, pieces)
            return
        start = self._alone(pieces[0])[0]
        text = ""
        for number, (offset, line) in enumerate(pieces):
            # Chinese text joins without a space: a Latin word cut by the layout (GD / P) is one word again.
            joined = text.rstrip() + line
            if number:
                previous, before = pieces[number - 1]
                kept = len(before) - (len(text) - len(text.rstrip()))  # the previous line without its trailing blanks
                between = "".join(self._raw[key] for key in sorted(self._raw) if previous <= key < offset)
                self._gaps[len(self._virtual)] = between[kept:]
            self._virtual.append(start + len(joined) - len(line))
            self._real.append(offset)
            text = joined
        yield start, text


# The lines `_in_wrapped_run` and `_cut_inside` read around a line: the one before it and the two after.
_LOOK_AHEAD = 2


def _with_neighbours(lines: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str, list[str], int]]:
    """Each (offset, line) with the lines around it that `_in_wrapped_run` and `_cut_inside` read, and its place among
    them: the text streams through a window of four lines, so reading costs the same per line however long the document
    is."""
    behind: deque[str] = deque(maxlen=1)
    ahead: deque[tuple[int, str]] = deque()

    def next_line() -> tuple[int, str, list[str], int]:
        offset, line = ahead.popleft()
        near = [*behind, line, *(text for _, text in ahead)]
        at = len(behind)
        behind.append(line)
        return offset, line, near, at

    for item in lines:
        ahead.append(item)
        if len(ahead) > _LOOK_AHEAD:
            yield next_line()
    while ahead:
        yield next_line()


def _cut_inside(lines: list[str], at: int, heading: bool) -> bool:
    """The text itself says line `at` was cut inside a sentence, whatever the widths: it stops on a digit (a number
    or its unit goes on in the next line) or on a comma or an opening bracket, the next line starts with a mark that
    goes on from what stands before it, or it is prose left open — unless its paragraph opened with a heading's mark
    (`heading`), whose words may end without one. A line the layout cut is as long as a line of the page, and a row of cells is no prose: a short line (附件1, a
    label) and a row stay as they are."""
    line = lines[at].strip()
    if not line or _is_row(line):
        return False
    following = lines[at + 1] if at + 1 < len(lines) else ""
    if _CUT_IN_NUMBER.search(line) or following.startswith(_GOES_ON_MARKS):
        # No label ends inside a number (86.4亿 / 元, 170. / 6亿元) and no paragraph opens with a clause mark: however short
        # the line (a short excerpt's lines are as uneven as its words).
        return True
    if len(line) < _RUN_MIN:
        return False
    return (
        bool(_ENDS_ON_DIGIT.search(line))
        or line.endswith(_GOES_ON_AFTER)
        or following.startswith(_GOES_ON_MARKS)
        or (not heading and _prose_left_open(line))
    )


def _prose_left_open(line: str) -> bool:
    """A line of prose (clause marks inside it) that ends no clause and closes no bracket stops inside a sentence: a
    title, a heading or a label holds no clause mark (a heading opening with an item mark may hold a comma, 一、坚持创新
    驱动，加快转型, and is left to the widths by the caller). Only a line no longer than a page's line counts: a text of
    paragraphs on lines ends some paragraphs without a mark."""
    return (
        len(line) <= _WIDEST_LAYOUT
        and bool(_PROSE_MARK.search(line))
        and not _ends_line(line)
        and not line.endswith(_CLOSING)
    )


def _is_row(line: str) -> bool:
    """The line is a row of table cells (three or more separators: tabs, bars, spaces or commas), not prose: a line
    with a clause mark is prose with spaces around its numbers (由 58.2%提高到 62.3%;…), unless the mark is a label's
    colon before the row's name (其中：税收收入)."""
    separators = _CELL_SEPARATOR.findall(line.strip())
    # Tabs, bars and runs of spaces are no prose's: two of them make a row of three cells (来源地, 到位资金, 占比%).
    wide = sum(sep in ("\t", "|", "｜") or len(sep) > 1 for sep in separators)
    cells = len(separators) + (1 if wide >= _ROW_CELLS - 1 else 0)
    return cells >= _ROW_CELLS and not _CLAUSE_MARK.search(_ROW_LABEL.sub("", line))


def _in_wrapped_run(lines: list[str], at: int) -> bool:
    """Line `at` is one of two or more lines in a row cut at one width: each is about as long as its neighbour in
    the run, none ends a sentence, and text goes on in the line after the run."""
    return _same_width(lines, at - 1) or _same_width(lines, at)


def _goes_on(lines: list[str], at: int) -> bool:
    """Line `at` is text going on from the line before: not blank and not the start of a paragraph."""
    return at < len(lines) and bool(lines[at].strip()) and not _starts_paragraph(lines[at])


def _same_width(lines: list[str], at: int) -> bool:
    """Lines `at` and `at + 1` are as long as each other, long enough to be wrapped and without an end mark, and
    text goes on after them; rows of a table may be as long. A title and its subtitle may be as long too: a line closing a bracket (a date or byline)
    ends a phrase, and a line that starts as the one before it is that title set again, which wrapped text never
    does."""
    if at < 0 or not (_goes_on(lines, at + 1) and _goes_on(lines, at + 2)):
        return False
    pair = [line.strip() for line in lines[at : at + 2]]
    widths_agree = min(map(len, pair)) >= _RUN_MIN and max(map(len, pair)) <= _WIDEST_LAYOUT
    return (
        widths_agree
        and abs(len(pair[0]) - len(pair[1])) <= _WIDTH_SLACK
        and not any(line.endswith(_CLOSING) or _ends_line(line, _ENDS_SENTENCE) for line in pair)
        and not any(map(_is_row, pair))
        and pair[0][:_RUN_MIN] != pair[1][:_RUN_MIN]
    )


def unwrapped(text: str) -> str:
    """A figure's words on one line: the given text of a figure a layout cut (86.4亿\\n- 3 -\\n元) without the line
    breaks, the blanks around them and the page numbers between its lines (86.4亿元)."""
    lines = text.splitlines()
    if len(lines) < 2:
        return text
    inner = [line for line in lines[1:-1] if line.strip() and not PAGE_NUMBER_LINE.match(line)]
    return "".join(line.strip() for line in (lines[0], *inner, lines[-1]))


def split_lines(text: str) -> list[str]:
    """Lines with their line ends, so that offsets add up to positions in `text`."""
    return text.splitlines(keepends=True)


def masked_spans(text: str) -> list[Span]:
    """Spans of a paragraph whose numbers are names, titles, footnotes or page numbers."""
    spans = [
        Span(*m.span()) for pattern in (_QUOTED, _PAGE_NUMBER, _FOOTNOTE) for m in pattern.finditer(text)
    ]
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
