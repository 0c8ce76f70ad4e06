"""Projects named as examples before the total of the same doings: 引进了投资超600亿元的甲产业园、123亿元的乙园区等项目。
全市共引进重大项目81宗，投资总额达1972亿元 — each example, and the examples together, are some of the total."""

from __future__ import annotations

import re
from decimal import Decimal

from devplan.reader.checks.bounds import not_more
from devplan.reader.checks.common import ABOUT, SEVERAL_YEARS, interval_in, plain, stated, value_in
from devplan.reader.extract import Sentence
from devplan.reader.facts import Fact
from devplan.reader.findings import ERROR, INFO, Evidence, Finding

_DOINGS = r"引进|签约|招引|落地|开工|建成|竣工"
# 引进了…、…等项目 (等一批项目, 等重大项目): the examples, each an amount and the project it is of.
_EXAMPLES = re.compile(rf"(?P<verb>{_DOINGS})了?(?P<items>[^。；;]*?)等(?:一批|一大批)?(?:重大|重点|产业)?项目")
_ITEM = re.compile(r"(?:总?投资)?(?:超过?|逾|达)?(?P<num>\d[\d.]*)\s*(?P<unit>亿元|万元)(?:的|规模的)(?P<name>[^、，,。；;\d]{2,30})")
# 全市共引进重大项目81宗，投资总额达1972亿元: the total of the same doings, counted and summed.
_TOTAL = re.compile(rf"共(?P<verb>{_DOINGS})[^。；;，,]{{0,12}}?项目\s*\d+\s*(?:个|宗|项)\s*[,，]\s*"
                    r"(?:总投资|投资总额|计划总投资|协议(?:总)?投资|合同(?:总)?投资)(?:额)?(?:达到?|为)?\s*(?P<num>\d[\d.]*)\s*(?P<unit>亿元|万元)")


def check_examples(sentence: Sentence) -> list[Finding]:
    """The examples of the sentence right before, done by the same verb, against the total this sentence states. A
    span of years said only of the examples (五年来引进了…) makes them no part of one year's total."""
    total_named = _TOTAL.search(sentence.text)
    named = _EXAMPLES.search(sentence.before_text) if total_named else None
    if total_named is None or named is None or named.group("verb") != total_named.group("verb"):
        return []
    if SEVERAL_YEARS.search(sentence.before_text) and not SEVERAL_YEARS.search(sentence.text):
        return []
    total = _fact_of(sentence.facts, total_named.group("num"), total_named.group("unit"))
    items = list(_ITEM.finditer(named.group("items")))
    examples = [_fact_of(sentence.before, item.group("num"), item.group("unit")) for item in items]
    if total is None or total.approximate or not items or any(f is None or f.qualifier in ABOUT for f in examples):
        return []
    found = [(f, item.group("name")) for f, item in zip(examples, items, strict=True) if f is not None]
    verb = named.group("verb")
    findings = [not_more(f, total, f"{name}投资{stated(f)}大于同期{verb}项目的{_total_name(total)}{stated(total)}："
                         "作为例子列出的项目是其中的一部分，单个项目不可能大于全部项目") for f, name in found]
    findings = [f for f in findings if f.severity == ERROR] or [_sum_not_more([f for f, _ in found], total, verb)]
    for finding in findings:
        finding.sentence = sentence.text
    return findings


def _total_name(total: Fact) -> str:
    return total.attribute or total.entity or "投资总额"


def _fact_of(facts: list[Fact], number: str, unit: str) -> Fact | None:
    return next((f for f in facts if f.value == Decimal(number) and f.unit == unit and f.kind == "level"), None)


def _sum_not_more(examples: list[Fact], total: Fact, verb: str) -> Finding:
    """The examples are different projects: together they are some of the total too."""
    unit = total.unit_info
    assert unit is not None  # a total of 亿元 or 万元, as _TOTAL reads it
    lowest = sum((interval_in(f, unit).lo for f in examples), Decimal(0))
    summed = sum((value_in(f, unit) for f in examples), Decimal(0))
    common = Evidence(facts=sorted([total.index, *(f.index for f in examples)]), stated=total.value, computed=summed,
                      arithmetic=" + ".join(stated(f) for f in examples) + f" = {plain(summed)}{unit.text} ≤ {stated(total)}")
    said = f"作为例子列出的{len(examples)}个项目投资合计{plain(summed)}{unit.text}"
    whole = f"同期{verb}项目的{_total_name(total)}{stated(total)}"
    if lowest > interval_in(total, unit).hi:
        return Finding("part_exceeds_whole", ERROR, f"{said}，大于{whole}：例子是全部项目的一部分，合计不可能更大。", **common)
    return Finding("part_exceeds_whole", INFO, f"{said}，不大于{whole}，相符。", **common)
