"""Documents held out while the reader is developed, to measure how much its rules overfit.

Chosen once, by position, before any of their misses or errors were looked at (2026-12-06): every
fourth labelled corpus report starting with the second, and every corpus report whose number ends in 5.
`make audit-eval` scores the development part; `--held-out` scores these apart and never prints their
details, so rules are written without reading them."""

from __future__ import annotations

from pathlib import Path

HELD_OUT_LABELS = frozenset({
    "007_四川省_2016_政府工作报告", "018_广西壮族自治区_2018_政府工作报告", "026_河南省_2007_政府工作报告",
    "040_陕西省_2006_政府工作报告", "058_南宁市_2016_政府工作报告", "090_广州市_2019_政府工作报告",
    "111_武汉市_2002_政府工作报告", "157_陇南市_2025_政府工作报告",
})


def held_out_label(name: str) -> bool:
    return name in HELD_OUT_LABELS


def held_out_report(path: Path) -> bool:
    """A corpus report held out: one of the held-out labelled reports, or numbered …5."""
    return path.stem in HELD_OUT_LABELS or path.name[:3].endswith("5")
