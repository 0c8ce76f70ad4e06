"""Fact recall and precision by measure, and relation recall, on the labelled set."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from bench.audit_eval.labels import CATEGORIES, Labelled, label_category, located, reader_category, same
from devplan.reader import AuditResult, Fact


@dataclass
class Score:
    labelled: Counter[str] = field(default_factory=Counter)
    recalled: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    correct: Counter[str] = field(default_factory=Counter)
    relations: Counter[str] = field(default_factory=Counter)
    relations_recalled: Counter[str] = field(default_factory=Counter)
    missed_facts: list[str] = field(default_factory=list)
    wrong_facts: list[str] = field(default_factory=list)
    missed_relations: list[str] = field(default_factory=list)


def reader_facts_of(doc: Labelled, result: AuditResult) -> dict[int, Fact]:
    """Labelled fact id -> the reader's fact on the same number (the exact match first)."""
    mapped = {}
    inside = [f for f in result.facts if f.end > doc.start and f.start < doc.end]
    for label in doc.facts:
        exact = [f for f in inside if same(f, label)]
        loose = exact or [f for f in inside if located(f, label)]
        if loose:
            mapped[label["id"]] = loose[0]
    return mapped


def relation_recalled(relation: dict, mapped: dict[int, Fact], result: AuditResult) -> bool:
    """The reader links the labelled facts: one finding names them all, or (其中 lists) each part points at the whole."""
    if any(i not in mapped for i in relation["facts"]):
        return False
    ids = {mapped[i].index for i in relation["facts"]}
    if any(ids <= set(finding.facts) for finding in result.findings):
        return True
    if relation["kind"] in {"parts_total", "part_of"}:
        whole, *parts = [mapped[i] for i in relation["facts"]]
        return all(p.whole == whole.index for p in parts)
    return False


def score(doc: Labelled, result: AuditResult, into: Score) -> None:
    inside = [f for f in result.facts if doc.start <= f.start < doc.end]
    for label in doc.facts:
        category = label_category(label)
        into.labelled[category] += 1
        if any(same(f, label) for f in inside):
            into.recalled[category] += 1
        else:
            got = [f"{f.text}={f.value} {reader_category(f)}" for f in inside if located(f, label)] or ["—"]
            into.missed_facts.append(f"{doc.name}: {label['text']} ({category} {label['value']}) read as {', '.join(got)}")
    for fact in inside:
        category = reader_category(fact)
        into.found[category] += 1
        if any(same(fact, label) for label in doc.facts):
            into.correct[category] += 1
        else:
            into.wrong_facts.append(f"{doc.name}: {fact.text} read as {category} {fact.value} ({fact.subject})")
    mapped = reader_facts_of(doc, result)
    for relation in doc.relations:
        into.relations[relation["kind"]] += 1
        if relation_recalled(relation, mapped, result):
            into.relations_recalled[relation["kind"]] += 1
        else:
            texts = "、".join(next(f["text"] for f in doc.facts if f["id"] == i) for i in relation["facts"])
            into.missed_relations.append(f"{doc.name}: {relation['kind']} {texts}")


def fact_table(s: Score) -> list[str]:
    lines = ["measure      labelled  recalled  recall   found  correct  precision"]
    for category in (*CATEGORIES, "all"):
        if category == "all":
            lab, rec = sum(s.labelled.values()), sum(s.recalled.values())
            fnd, cor = sum(s.found.values()), sum(s.correct.values())
        else:
            lab, rec, fnd, cor = s.labelled[category], s.recalled[category], s.found[category], s.correct[category]
        lines.append(f"{category:<12} {lab:>8} {rec:>9} {_pct(rec, lab):>7} {fnd:>7} {cor:>8} {_pct(cor, fnd):>10}")
    return lines


def relation_table(s: Score) -> list[str]:
    lines = ["relation          labelled  recalled  recall"]
    for kind in (*sorted(s.relations), "all"):
        lab = sum(s.relations.values()) if kind == "all" else s.relations[kind]
        rec = sum(s.relations_recalled.values()) if kind == "all" else s.relations_recalled[kind]
        lines.append(f"{kind:<17} {lab:>8} {rec:>9} {_pct(rec, lab):>7}")
    return lines


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.0f}%" if b else "—"
