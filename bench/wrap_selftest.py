"""python -m bench.wrap_selftest [full|excerpts|uneven ...] [--list]

The wrap self-test of plain-text layout reading (docs/audit.md, thirty-fourth pass and after): corpus reports and the
seed cut into lines as a PDF copy or a post would, read against the text as it was. A report agrees when it gives the
same facts (value, unit, subject, period) and findings (check, severity, message) wrapped as whole.

- full: each report hard-wrapped at one width of 30–40 characters (from its file name), every second one in
  full-width digits, a page-number line every 40 lines.
- excerpts: three excerpts per report of 6–15 wrapped lines from a paragraph start (seeded by the file name).
- uneven: each report wrapped at a width drawn anew for every line (28–44 characters), as a post or a hand-copied
  text is: the width of the layout cannot be read from the lines, only their punctuation and words.

--list prints the reports (or excerpts) that disagree, or with --joins the false joins; --joins counts, line break by line break, the breaks of a
paragraph that were joined (false joins, which may cost findings) and the layout's breaks that were not (misses)."""


from __future__ import annotations

import random
import sys
import zlib
from collections import Counter
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

from devplan.reader import audit_text
from devplan.reader.audit import AuditResult
from devplan.reader.segments import LayoutParagraphs, split_lines

SHARED = Path("/work/shared")
REPORTS = [*sorted((SHARED / "corpus" / "work-reports").glob("*.txt")), SHARED / "seed" / "xiangxiang-2023-plan-report.txt"]
FULL_WIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")
Reading = tuple[Counter[tuple[str, ...]], Counter[tuple[str, ...]]]


def read(result: AuditResult) -> Reading:
    facts = Counter((str(f.value), str(f.unit), str(f.subject), str(f.period)) for f in result.facts)
    findings = Counter((f.check, f.severity, f.message) for f in result.findings)
    return facts, findings


def wrap_lines(paragraphs: list[str], width: Callable[[], int]) -> list[tuple[str, bool]]:
    """(line, ends its paragraph) for each line of the paragraphs cut at the widths `width` gives."""
    out: list[tuple[str, bool]] = []
    for paragraph in paragraphs:
        start = 0
        while True:
            piece = paragraph[start : start + width()]
            start += len(piece)
            out.append((piece, start >= len(paragraph)))
            if start >= len(paragraph):
                break
    return out


class Case(NamedTuple):
    lines: list[tuple[str, bool]]  # (line, ends its paragraph)
    whole: str
    full_width: bool = False
    page_every: int = 0

    def text(self) -> str:
        return "".join(line for line, _ in self._laid())

    def _laid(self) -> list[tuple[str, bool | None]]:
        """(line with its end, ends its paragraph) as laid out; None for a page-number line, which is dropped."""
        out: list[tuple[str, bool | None]] = []
        for count, (line, ends) in enumerate(self.lines, 1):
            out.append(((line.translate(FULL_WIDTH) if self.full_width else line) + "\n", ends))
            if self.page_every and count % self.page_every == 0:
                out.append((f"— {count // self.page_every} —\n", None))
        return out

    def joins(self, shown: list[str]) -> tuple[int, int, int]:
        """(breaks, false joins, missed joins) over the line breaks after each line but the last (page numbers aside);
        the two lines of each false join are added to `shown`."""
        laid = self._laid()
        starts = {offset for offset, _ in LayoutParagraphs(split_lines(self.text()))}
        breaks = false = missed = offset = 0
        for (line, ends), (following, after) in pairwise(laid):
            offset += len(line)
            if ends is None or after is None:
                continue
            breaks += 1
            if ends and offset not in starts:
                false += 1
                shown.append(f"  {line.rstrip()} ‖ {following.rstrip()}")
            missed += not ends and offset in starts
        return breaks, false, missed


def seed(path: Path) -> int:
    return zlib.crc32(path.name.encode("utf-8"))


def full(path: Path, index: int) -> list[Case]:
    text = path.read_text(encoding="utf-8")
    width = 30 + seed(path) % 11
    return [Case(wrap_lines(text.splitlines(), lambda: width), text, index % 2 == 1, 40)]


def uneven(path: Path, index: int) -> list[Case]:
    text = path.read_text(encoding="utf-8")
    draw = random.Random(seed(path))
    return [Case(wrap_lines(text.splitlines(), lambda: draw.randint(28, 44)), text, index % 2 == 1)]


def excerpts(path: Path, index: int) -> list[Case]:
    paragraphs = path.read_text(encoding="utf-8").splitlines()
    draw = random.Random(seed(path))
    width = 30 + seed(path) % 11
    out = []
    for _ in range(3):
        start = draw.randrange(len(paragraphs))
        lines = wrap_lines(paragraphs[start:], lambda: width)[: draw.randint(6, 15)]
        whole = "".join(line + ("\n" if ends else "") for line, ends in lines).rstrip("\n") + "\n"
        out.append(Case(lines, whole))
    return out


MODES = {"full": full, "excerpts": excerpts, "uneven": uneven}


def run(mode: str, listing: bool) -> None:
    same = same_facts = total = 0
    for index, path in enumerate(REPORTS):
        for number, case in enumerate(MODES[mode](path, index)):
            total += 1
            got, expected = read(audit_text(case.text())), read(audit_text(case.whole, layout=False))
            same_facts += got[0] == expected[0]
            same += got == expected
            if listing and got != expected:
                print(f"  {mode} {path.name} #{number}: facts {'same' if got[0] == expected[0] else 'differ'}")
    print(f"{mode}: same facts and findings {same}/{total} (same facts {same_facts})")


def count_joins(mode: str, listing: bool) -> None:
    breaks = false = missed = 0
    shown: list[str] = []
    for index, path in enumerate(REPORTS):
        for case in MODES[mode](path, index):
            counts = case.joins(shown)
            breaks, false, missed = breaks + counts[0], false + counts[1], missed + counts[2]
    print(f"{mode}: {breaks} line breaks, {false} false joins, {missed} missed joins")
    if listing:
        print("\n".join(shown))


def main(argv: list[str]) -> int:
    modes = [arg for arg in argv if arg in MODES] or list(MODES)
    for mode in modes:
        if "--joins" in argv:
            count_joins(mode, "--list" in argv)
        else:
            run(mode, "--list" in argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
