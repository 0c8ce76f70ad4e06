"""The labelled documents and how a labelled fact is matched to a fact the reader found."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from devplan.reader import Fact

ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "tests" / "reader" / "labels"
SHARED = ROOT.parent / "shared"
# The measures the issue asks recall and precision for; a labelled count is a level, a ratio (2.7倍) too.
CATEGORIES = ("level", "growth", "change", "share", "completion", "rank", "target")


@dataclass
class Labelled:
    name: str
    text: str
    start: int
    end: int
    facts: list[dict[str, Any]]
    relations: list[dict[str, Any]]


def documents() -> Iterator[Labelled]:
    for path in sorted(LABELS.glob("*.json")):
        label = json.loads(path.read_text(encoding="utf-8"))
        text = (SHARED / label["source"]).read_text(encoding="utf-8")
        yield Labelled(path.stem, text, label["start"], label["end"], label["facts"], label["relations"])


def label_category(fact: dict[str, Any]) -> str:
    if fact["measure"] == "target":
        return "target"
    return {"count": "level", "ratio": "level"}.get(fact["kind"], fact["kind"])


def reader_category(fact: Fact) -> str:
    return "target" if fact.measure == "target" else fact.kind


def label_end(fact: dict[str, Any]) -> int:
    return int(fact["start"]) + len(fact["text"])


def overlaps(fact: Fact, label: dict[str, Any]) -> bool:
    return fact.start < label_end(label) and int(label["start"]) < fact.end


def same(fact: Fact, label: dict[str, Any]) -> bool:
    """The reader found the labelled fact: the same characters, the same number (sign included) and measure."""
    return overlaps(fact, label) and fact.value == Decimal(str(label["value"])) and reader_category(fact) == label_category(label)


def located(fact: Fact, label: dict[str, Any]) -> bool:
    """For relations: the reader has a fact on the labelled number (whatever it thinks the number measures)."""
    return overlaps(fact, label) and abs(fact.value) == abs(Decimal(str(label["value"])))
