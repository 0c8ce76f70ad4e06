"""Errors planted at the labelled relations: one number changed so the relation no longer holds beyond
rounding, the document audited again, and the error counted as caught when an error finding names the
changed number or another number of the relation."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from bench.audit_eval.labels import Labelled, label_end
from devplan.reader import AuditResult, audit_text
from devplan.reader.units import one_count_unit, parse_unit

_NUMBER = re.compile(r"\d+(?:[.·]\d+)?")
_SOME_MORE = ("多", "余")


@dataclass
class Planted:
    kind: str
    shape: str
    fact: dict[str, Any]
    new: Decimal


@dataclass
class Detection:
    planted: Counter[tuple[str, str]] = field(default_factory=Counter)
    caught: Counter[tuple[str, str]] = field(default_factory=Counter)
    missed: list[str] = field(default_factory=list)


def _value(fact: dict[str, Any]) -> Decimal:
    return abs(Decimal(str(fact["value"])))


def _loose(fact: dict[str, Any]) -> bool:
    """The labeller left 多 or 余 in the unit (700余场 in 余场, 3亿多元 in 亿多元: units are labelled as written)."""
    return any(word in fact["unit"] for word in _SOME_MORE)


def _unit(fact: dict[str, Any]) -> str:
    """The label's unit without 多/余: 余场 is 场 and 亿多元 is 亿元, the figure stated about."""
    unit = str(fact["unit"])
    for word in _SOME_MORE:
        unit = unit.replace(word, "")
    return unit


def _magnitude(fact: dict[str, Any]) -> Decimal:
    try:
        return Decimal(parse_unit(_unit(fact)).magnitude)
    except (KeyError, ValueError):
        return Decimal(1)


def _one_unit(part: dict[str, Any], whole: dict[str, Any]) -> bool:
    """The part and the whole are counted in one unit: the same, or 个 and 项 for projects (units.one_count_unit)."""
    if _unit(part) == _unit(whole):
        return True
    try:
        return one_count_unit(parse_unit(_unit(part)), part.get("subject"), parse_unit(_unit(whole)), whole.get("subject"))
    except (KeyError, ValueError, TypeError):
        return False


def _top(fact: dict[str, Any]) -> Decimal:
    """The largest number the figure may stand for, in its unit: 2万 rounds from below 2.5万; 700余 and 17900多 are short
    of 800 and 18000 (one more of the last digit that is not 0), as the reader reads them (checks.common)."""
    value = _value(fact)
    if _loose(fact):
        exponent = value.normalize().as_tuple().exponent
        assert isinstance(exponent, int)
        return value + Decimal(1).scaleb(exponent)
    return value + Decimal(1).scaleb(min(_exponent(fact), 0)) / 2


def _exponent(fact: dict[str, Any]) -> int:
    exponent = _value(fact).as_tuple().exponent
    assert isinstance(exponent, int)
    return exponent


def _like(value: Decimal, fact: dict[str, Any]) -> Decimal:
    """`value` at the precision the fact was written with."""
    return value.quantize(Decimal(1).scaleb(min(_exponent(fact), 0)))


def shape_of(doc: Labelled, facts: list[dict[str, Any]]) -> str:
    """Where the relation's numbers stand: in one sentence or across sentences, with 其中 or 分别 between them."""
    first = min(int(f["start"]) for f in facts)
    last = max(label_end(f) for f in facts)
    between = doc.text[first:last]
    shape = "跨段" if "\n" in between else "跨句" if re.search("[。；;]", between) else "同句"
    for marker in ("其中", "分别", "占", "比重"):
        if marker in between or marker in doc.text[max(0, first - 12) : first]:
            return f"{shape}·{marker}"
    return shape


def plant(doc: Labelled, relation: dict[str, Any]) -> Planted | None:
    """The changed number for one relation that holds, or None when the relation cannot be broken by one number."""
    if relation.get("holds") is not True:
        return None
    by_id = {f["id"]: f for f in doc.facts}
    facts = [by_id[i] for i in relation["facts"]]
    kind = relation["kind"]
    shape = shape_of(doc, facts)
    first = facts[0]
    if kind == "parts_total":
        whole, *parts = facts
        scale = _magnitude(whole)
        total = sum((_value(p) * _magnitude(p) for p in parts), Decimal(0))
        # The first part grows by what the others leave of the total plus a tenth of it: the sum then
        # exceeds the total by 10 %, far beyond any rounding.
        grow = (_value(whole) * scale - total) + _value(whole) * scale / 10
        new = _like(_value(parts[0]) + grow / _magnitude(parts[0]), parts[0])
        return Planted(kind, shape, parts[0], new)
    if kind == "part_of":
        whole, part = facts
        if not _one_unit(part, whole) and _magnitude(part) == _magnitude(whole) == 1:
            return None  # a threshold or a level of a different unit: nothing to scale by
        new = _like(_value(whole) * _magnitude(whole) / _magnitude(part) * Decimal("1.2"), part)
        # 2万亩 and its part 1万亩: 2.4 written as the part was (no decimals) is 2, which a whole of 2 still holds;
        # the part goes up a step at its precision until no rounding of either number can hold it.
        step = Decimal(1).scaleb(min(_exponent(part), 0))
        ceiling = _top(whole) * _magnitude(whole) / _magnitude(part)
        while new - step / 2 <= ceiling:
            new += step
        return Planted(kind, shape, part, new)
    if kind == "growth_levels":
        step = Decimal(3) if first["unit"] in {"%", "个百分点"} else max(Decimal("0.5"), _value(first) / 3)
        return Planted(kind, shape, first, _like(_value(first) + step, first))
    if kind == "share_levels":
        value = _value(first)
        return Planted(kind, shape, first, _like(value + 5 if value <= 90 else value - 8, first))
    if kind == "structure_ratio":
        return Planted(kind, shape, first, _like(_value(first) + 3, first))
    if kind == "point_gap":
        return Planted(kind, shape, first, _like(_value(first) + 1, first))
    if kind == "completion":
        return Planted(kind, shape, first, _like(_value(first) + 10, first))
    return None


def _errors_touching(result: AuditResult, spans: list[tuple[int, int]]) -> int:
    by_index = {f.index: f for f in result.facts}
    count = 0
    for finding in result.findings:
        if finding.severity != "error":
            continue
        facts = [by_index[i] for i in finding.facts if i in by_index]
        if any(f.start < end and start < f.end for f in facts for start, end in spans):
            count += 1
    return count


def detect(doc: Labelled, baseline: AuditResult, into: Detection) -> None:
    for relation in doc.relations:
        planted = plant(doc, relation)
        if planted is None:
            continue
        fact = planted.fact
        start, end = int(fact["start"]), label_end(fact)
        number = _NUMBER.search(doc.text, start, end)
        if number is None:
            continue
        new_text = str(planted.new)
        shift = len(new_text) - len(number.group())
        mutated = doc.text[: number.start()] + new_text + doc.text[number.end() :]
        by_id = {f["id"]: f for f in doc.facts}
        spans = []
        for i in relation["facts"]:
            s, e = int(by_id[i]["start"]), label_end(by_id[i])
            spans.append((s + shift if s > number.start() else s, e + shift if e > number.start() else e))
        original_spans = [(int(by_id[i]["start"]), label_end(by_id[i])) for i in relation["facts"]]
        before = _errors_touching(baseline, original_spans)
        after = _errors_touching(audit_text(mutated, doc.name), spans)
        key = (planted.kind, planted.shape)
        into.planted[key] += 1
        if after > before:
            into.caught[key] += 1
        else:
            into.missed.append(f"{doc.name}: {planted.kind} [{planted.shape}] {fact['text']} -> {new_text}")


def detection_table(d: Detection) -> list[str]:
    lines = ["planted at                 caught/planted"]
    kinds = sorted({k for k, _ in d.planted})
    for kind in kinds:
        planted = sum(n for (k, _), n in d.planted.items() if k == kind)
        caught = sum(n for (k, _), n in d.caught.items() if k == kind)
        lines.append(f"{kind:<26} {caught:>3}/{planted:<3}")
    lines.append(f"{'all':<26} {sum(d.caught.values()):>3}/{sum(d.planted.values()):<3}")
    lines.append("by sentence shape")
    for shape in sorted({s for _, s in d.planted}):
        planted = sum(n for (_, s), n in d.planted.items() if s == shape)
        caught = sum(n for (_, s), n in d.caught.items() if s == shape)
        lines.append(f"  {shape:<24} {caught:>3}/{planted:<3}")
    return lines
