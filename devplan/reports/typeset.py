"""Chinese line breaking for the PDF: body text set on the GB/T 9704 grid of 28 characters a line.

WeasyPrint justifies only at spaces, so a line of Chinese ends wherever its last character falls and a single
space in "狠抓项目年 全力拼经济" takes all of a line's slack. Here a paragraph is broken into lines with the
fonts' own advance widths, and each full line is spread to the exact width of the type area by its letter
spacing, so every line starts and ends at the margins and no space is stretched more than a character gap:

- the units that never break: a number with its unit ("32家", "428.3亿元", "20多亿元", "6.8%"), a run of Latin letters,
  "——", and every punctuation mark kept with its neighbour (no "，" at a line's start, no "（" at its end); a
  range of years breaks after its dash if it must ("（2023—" / "2025年）"), each year whole, and a range of
  months ("1—9月") only where nothing else fills a line;
- a line takes as many units as fit in its character cells: 28 of 3号 on the grid, whose gaps close by
  0.215 pt (448 pt of glyphs in 442.2 pt), and two digits fill one cell;
- the breaks are chosen for the whole paragraph (Knuth and Plass): a line of Chinese holds its 28 characters,
  the slack of a number with its unit going to the lines with digits, which stand off the columns anyway;
- a closing mark that ends a line may give up its blank right half, which then passes the margin (行末点号
  半角; its ink stays inside);
- where that is not enough, marks give up the blank half of their square (标点挤压, 推入): first two marks
  side by side ("。”", "”“", "），"), then a lone mark with no Latin look-alike ("。", "、", quotes,
  brackets); a lone "，；：？！" never, or it would read as ",;:?!". Only a line a character over closes up;
  otherwise the character before a mark goes down with it (推出) and the line is spread;
- the last line of a paragraph keeps the grid's spacing, so characters stand in the same columns line after
  line; no line, full or last, ends past the type area.

Pure: fonts come in as `Metrics` (advance widths in points); nothing here imports Django.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from devplan.reader.units import MAGNITUDE_PATTERN

# Characters that may not open a line (they stay with the character before) and may not end one.
NO_START = frozenset("，。、；：？！）》」』〉】〕”’％‰…·,.;:?!)]}%/")
NO_END = frozenset("（《「『〈【〔“‘([{")
# Base units, longest first where one begins another; a magnitude before them is `BETWEEN`'s ("万亩", "亿元").
UNITS = ("个百分点", "平方公里", "平方米", "公里", "千瓦时", "千瓦", "美元",
         "元", "亩", "吨", "头", "人", "户", "家", "个", "项", "所", "场", "份", "年", "月", "日", "天", "次", "倍",
         "名", "处", "条", "座", "台", "套", "辆", "间", "批", "期", "类", "%", "％", "‰")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*(?:[—\-～~至]\d+(?:\.\d+)?)?")
# What may stand between a number and its unit and stays with both: "多" or "余" ("50余条"), a magnitude with
# or without them ("20多亿元", "3万余户", "1亿美元"), as the auditor reads quantities (`reader.units`).
_LOOSE = "(?:多|余)?"
BETWEEN = re.compile(rf"{_LOOSE}(?:(?:{MAGNITUDE_PATTERN}){_LOOSE})?")
# A range of years ("2023—2025"): the one number that may break, after its dash, each year staying whole; a
# range of months ("1—9月") only where nothing else fills a line of Chinese (`RANGE_BREAK_COST`).
YEARS = re.compile(r"(\d{4}[—\-～~至])(?=\d{4})")
MONTHS = re.compile(r"(\d{1,2}[—\-～~至])(?=\d{1,2}月)")
LATIN = re.compile(r"[A-Za-z][A-Za-z0-9.\-_]*")


@dataclass(frozen=True)
class Metrics:
    """A font's advance width in points for a character at the document's size, and which half of its
    square a punctuation mark leaves blank ("right" for "，", "left" for "（")."""

    advance: Callable[[str], float]
    blank_half: Callable[[str], str | None]


@dataclass
class Glyph:
    char: str
    style: str
    width: float
    blank: str | None = None  # the blank half of a punctuation mark's square (`Metrics.blank_half`)
    squeeze: float = 0.0  # points taken from this glyph's square (its blank half)
    side: str = "right"  # which half: "right" closes up on the next glyph, "left" on the one before


@dataclass
class Line:
    glyphs: list[Glyph]
    indent: float
    spacing: float  # letter spacing after every glyph, in points
    last: bool = False

    @property
    def text(self) -> str:
        return "".join(glyph.char for glyph in self.glyphs)


@dataclass
class Unit:
    glyphs: list[Glyph] = field(default_factory=list)
    break_cost: float = 0.0  # what a line ending after this unit costs the breaks

    @property
    def width(self) -> float:
        return sum(glyph.width for glyph in self.glyphs)

    @property
    def text(self) -> str:
        return "".join(glyph.char for glyph in self.glyphs)


def _tokens(text: str) -> list[str]:
    """The text cut into pieces that never break inside: numbers with their units, Latin words, "——",
    and single characters; a range of years or months is two pieces, the dash with the first ("2023—",
    "2025年")."""
    pieces: list[str] = []
    position = 0
    while position < len(text):
        years = YEARS.match(text, position) or MONTHS.match(text, position)
        match = NUMBER.match(text, position) or LATIN.match(text, position)
        if years:
            pieces.append(years.group(1))
            position = years.end()
        elif match:
            end = match.end()
            between = BETWEEN.match(text, end)
            assert between is not None  # it matches the empty string too
            unit = next((u for u in UNITS if text.startswith(u, between.end())), "")
            # "多"/"余" stay where a unit or a magnitude follows ("20多亿元", "1.2万", not "3多"); "3个多月" is "3个".
            if unit or re.search(MAGNITUDE_PATTERN, between.group(0)):
                end = between.end()
            pieces.append(text[position:end + len(unit)])
            position = end + len(unit)
        elif text.startswith("——", position):
            pieces.append("——")
            position += 2
        else:
            pieces.append(text[position])
            position += 1
    return pieces


def units(runs: Sequence[tuple[str, str]], fonts: dict[str, Metrics]) -> list[Unit]:
    """`runs` of (text, style) as unbreakable units, punctuation bound to its neighbours."""
    pieces = [(piece, style) for text, style in runs for piece in _tokens(text.replace("\u00a0", " "))]
    result: list[Unit] = []
    hold: Unit | None = None  # an opening mark waiting for what follows it
    measured: dict[tuple[str, str], tuple[float, str | None]] = {}  # the fonts asked once a character
    for piece, style in pieces:
        metrics = fonts[style]
        glyphs = []
        for char in piece:
            if (style, char) not in measured:
                measured[style, char] = (metrics.advance(char), metrics.blank_half(char))
            glyphs.append(Glyph(char, style, *measured[style, char]))
        if piece[0] in NO_START and result and hold is None:
            result[-1].glyphs += glyphs
        elif hold is not None:
            hold.glyphs += glyphs
            if piece[-1] not in NO_END:
                result.append(hold)
                hold = None
        elif piece[-1] in NO_END:
            hold = Unit(glyphs)
        else:
            result.append(Unit(glyphs, RANGE_BREAK_COST if MONTHS.fullmatch(piece) else 0.0))
    if hold is not None:
        result.append(hold)
    return result


Squeeze = tuple[int, float, str]

# A lone mark closed up on a character (推入) where no pair makes room: only the marks with no Latin look-alike
# in their closed-up form — "。" is a ring, "、" has no Latin twin, "《》" neither — and the quotes and brackets,
# which read as quotes closed up or not. Never "，；：？！", which closed up read as ",;:?!" ("48.19万吨,建设").
LONE_RIGHT = frozenset("。、）》」』〉】〕”’")
LONE_LEFT = frozenset("（《「『〈【〔“‘")
# What closing up a lone mark costs a line (in cells squared): less than a line of Chinese one character short
# (`ALIGNED_WEIGHT`), more than the slack of a line with digits, so it is the last resort.
LONE_COST = 20.0
# What breaking a range of months after its dash ("1—" / "9月") costs: less than a line of Chinese a cell
# short, more than anything else the breaks may do.
RANGE_BREAK_COST = 30.0


def _pairs(glyphs: list[Glyph]) -> list[Squeeze]:
    """The blank halves that may close up, right to left: one between two marks side by side ("。”" and
    "，“" close the first mark's right half, "（《" the second's left half), never the line's last glyph's
    right half (it stands at the margin)."""
    found = []
    for index in range(len(glyphs) - 2, -1, -1):
        before, after = glyphs[index], glyphs[index + 1]
        before_side, after_side = before.blank, after.blank
        if before_side is None or after_side is None:
            continue
        if before_side == "right":  # one half a pair: "”“" keeps half a square between its marks
            found.append((index, before.width / 2, "right"))
        elif after_side == "left":
            found.append((index + 1, after.width / 2, "left"))
    return found


def _lone(glyphs: list[Glyph]) -> list[Squeeze]:
    """The lone marks of `LONE_RIGHT` and `LONE_LEFT` that may close up on a character beside them, right to
    left, neither at the line's ends (they stand at the margins) nor beside another mark (`_pairs` has those)."""
    found = []
    for index in range(len(glyphs) - 2, 0, -1):
        glyph = glyphs[index]
        side = glyph.blank
        neighbour = glyphs[index + 1] if side == "right" else glyphs[index - 1]
        if neighbour.blank is not None:
            continue
        if (side == "right" and glyph.char in LONE_RIGHT) or (side == "left" and glyph.char in LONE_LEFT):
            found.append((index, glyph.width / 2, side))
    return found


def _choose(over: float, candidates: list[Squeeze]) -> list[Squeeze] | None:
    chosen: list[Squeeze] = []
    saved = 0.0
    for squeeze in candidates:
        chosen.append(squeeze)
        saved += squeeze[1]
        if saved >= over - 1e-6:
            return chosen
    return None


def _fit(line: list[Glyph], unit: Unit, over: float) -> list[Squeeze] | None:
    """The squeezes that let `unit` join `line`, which it overruns by `over` points (> 0), or None when it
    must open the next line. A unit that fits without its closing marks ("…增长9.0%，" stays whole) may
    close up pairs of marks; a unit at most one character over may, where pairs do not make room, close up
    lone marks (`_lone`), which the breaks do only rather than leave a line of Chinese a character short
    (推入 before 推出; `LONE_COST`)."""
    trial = line + unit.glyphs
    end = _line_end(trial)
    left = over - sum(amount for _, amount, _ in end)
    if left <= 1e-6:
        return end
    marks = len(unit.glyphs) - len(unit.text.rstrip("".join(NO_START)))
    pairs = _pairs(trial)
    if (0 < marks < len(unit.glyphs) and over - sum(glyph.width for glyph in unit.glyphs[-marks:]) <= 0
            and (chosen := _choose(left, pairs)) is not None):
        return end + chosen
    if left > max(glyph.width for glyph in unit.glyphs) + 1e-6:
        return None
    chosen = _choose(left, pairs + _lone(trial))
    return None if chosen is None else end + chosen


def _line_end(glyphs: list[Glyph]) -> list[Squeeze]:
    """A closing mark ending the line may give up its blank right half (行末点号半角): the blank passes the
    margin, the mark's ink stays inside it."""
    last = glyphs[-1]
    if last.char in NO_START and last.blank == "right":
        return [(len(glyphs) - 1, last.width / 2, "right")]
    return []


# Beyond this letter spacing (points) a line that cannot be filled is left short at its end instead: wider gaps
# read as spaces (pdfplumber, and so the auditor, takes a gap of 3 pt for one). Only a paragraph of two lines
# whose first ends before a wide unit ("（12.58亿元，") comes near it: longer ones spread their slack.
MAX_SPREAD = 2.8
# What a line costs against its spreading (in cells squared): more than spreading ten cells, so that the
# breaks never add a line to spread the slack thinner.
LINE_COST = 100.0
# A line of full-width characters only stands in the grid's columns when it holds its 28; spread by a cell
# it is one short (27) and out of step with the lines around it. Its slack costs this many times a line's
# with digits or Latin letters, which stand off the columns anyway, so the slack of a number with its unit
# goes to the lines with numbers where it can.
ALIGNED_WEIGHT = 200.0


def _paired(glyphs: list[Glyph], index: int) -> bool:
    """Whether the mark at `index` stands beside another mark (its squeeze is a pair's, not a lone one's)."""
    return any(0 <= other < len(glyphs) and glyphs[other].blank is not None
               for other in (index - 1, index + 1))


def _close(glyphs: list[Glyph], squeezes: list[Squeeze], width: float, indent: float,
           spacing: float | None = None) -> Line:
    """The line with its squeezes made; spread to `width` by its letter spacing (at most `MAX_SPREAD`), or,
    for a paragraph's last line, set at the grid's `spacing`."""
    for index, amount, side in squeezes:
        glyphs[index].squeeze, glyphs[index].side = amount, side
    if spacing is not None:
        return Line(glyphs, indent, spacing, last=True)
    natural = sum(glyph.width - glyph.squeeze for glyph in glyphs)
    return Line(glyphs, indent, min((width - natural) / max(len(glyphs) - 1, 1), MAX_SPREAD))


def _split_long(unit: Unit, width: float) -> list[Unit]:
    """A unit wider than a whole line (a long Latin string) cut where it must be."""
    parts, current = [], Unit()
    for glyph in unit.glyphs:
        if current.glyphs and current.width + glyph.width > width:
            parts.append(current)
            current = Unit()
        current.glyphs.append(glyph)
    return [*parts, current]


@dataclass(frozen=True)
class _Break:
    """The best way found to set the paragraph up to a unit: its cost, where its last line starts and the
    squeezes that line makes."""

    cost: float
    start: int
    squeezes: list[Squeeze]


def _breaks(pending: list[Unit], rooms: tuple[float, float], em: float) -> list[_Break]:
    """The line breaks that cost least (Knuth and Plass's method, for lines of fixed cells): a line costs
    `LINE_COST` and the square of the cells it leaves to spread, the last line nothing for its slack. A
    number with its unit that does not fit the end of a line so leaves a cell short on each of the lines
    before it rather than five on one (23 characters spread over 28 cells)."""
    widths = [unit.width for unit in pending]
    full = [all(glyph.width >= em - 0.5 for glyph in unit.glyphs) for unit in pending]  # no digit, no Latin
    best: list[_Break | None] = [None] * (len(pending) + 1)
    best[0] = _Break(0.0, 0, [])
    for first in range(len(pending)):
        before = best[first]
        if before is None:
            continue
        room = rooms[0] if first == 0 else rooms[1]
        line: list[Glyph] = []
        advance = 0.0
        aligned = True
        for end in range(first + 1, len(pending) + 1):
            unit = pending[end - 1]
            over = advance + widths[end - 1] - room
            squeezes = [] if over <= 1e-6 else _fit(line, unit, over)
            if squeezes is None:
                break
            line.extend(unit.glyphs)
            advance += widths[end - 1]
            aligned = aligned and full[end - 1]
            slack = (room - advance + sum(amount for _, amount, _ in squeezes)) / em
            weight = ALIGNED_WEIGHT if aligned else 1.0
            lone = sum(1 for index, _, _ in squeezes if index < len(line) - 1 and not _paired(line, index)) if squeezes else 0
            short = slack * em / max(len(line) - 1, 1) > MAX_SPREAD  # spread no further: left short at its end
            cost = (before.cost + LINE_COST + LONE_COST * lone
                    + (0.0 if end == len(pending) else weight * slack ** 2 + unit.break_cost + LINE_COST * short))
            found = best[end]
            if found is None or cost < found.cost:
                best[end] = _Break(cost, first, squeezes)
    chain = []
    end = len(pending)
    while end > 0:
        found = best[end]
        assert found is not None  # every unit fits a line by itself (`_split_long`)
        chain.append(found)
        end = found.start
    return chain[::-1]


def set_paragraph(runs: Sequence[tuple[str, str]], fonts: dict[str, Metrics], width: float, *, grid: float,
                  indent: float = 0.0, hang: float = 0.0, em: float = 16.0) -> list[Line]:
    """Break `runs` into lines of `width` points; the first line starts `indent` in, the others `hang`
    in; `grid` is the gap between characters on the grid (negative: the cells are narrower than the `em`
    of the type), which a paragraph's last line keeps."""
    rooms = ((width - indent + grid) * em / (em + grid), (width - hang + grid) * em / (em + grid))  # in advance
    pending = [piece for unit in units(runs, fonts)
               for piece in (_split_long(unit, min(rooms)) if unit.width > min(rooms) else [unit])]
    chain = _breaks(pending, rooms, em)
    lines = []
    for number, found in enumerate(chain):
        end = chain[number + 1].start if number + 1 < len(chain) else len(pending)
        glyphs = [glyph for unit in pending[found.start:end] for glyph in unit.glyphs]
        start = indent if number == 0 else hang
        lines.append(_close(glyphs, found.squeezes, width - start, start,
                            spacing=grid if end == len(pending) else None))
    return lines
