"""Parts named by meaning: a figure of something the lexicon's `kinds` say is some of the thing just named
(新增市场主体12.75万户、中小微企业2.36万户; 外贸进出口总额100亿元，出口60亿元; 一般公共预算收入50亿元，税收收入40亿元)
is no more than it, though no 其中 says so."""

from __future__ import annotations

import re

from devplan.reader.checks.bounds import not_more
from devplan.reader.checks.common import LOWER_BOUNDS, stated
from devplan.reader.extract import Sentence
from devplan.reader.facts import Fact
from devplan.reader.findings import Finding
from devplan.reader.lexicon import Lexicon
from devplan.reader.lists import AVERAGE, RUNNING_TOTAL, may_be_part
from devplan.reader.units import WHOLE_COUNT_UNITS

# The part follows its whole closely: within the next few figures of the sentence, before a semicolon.
_NEAR = 3


def check_kinds(sentence: Sentence, lexicon: Lexicon) -> list[Finding]:
    findings = []
    facts = sentence.facts
    for k, whole in enumerate(facts):
        if not _summable_level(whole) or whole.approximate or whole.qualifier in LOWER_BOUNDS:
            continue
        for part in facts[k + 1 : k + 1 + _NEAR]:
            between = sentence.text[whole.end - sentence.start : part.start - sentence.start]
            if ";" in between or "；" in between:
                break
            if not _summable_level(part) or part.whole is not None or (part.approximate and part.qualifier not in LOWER_BOUNDS):
                continue
            whole_unit, part_unit = whole.unit_info, part.unit_info
            assert whole_unit is not None and part_unit is not None
            # Counted alike: the same base, or both in whole things (市场主体 in 户, 企业 in 家).
            alike = whole_unit.base == part_unit.base or (whole_unit.kind == part_unit.kind == "count"
                                                         and whole_unit.base in WHOLE_COUNT_UNITS and part_unit.base in WHOLE_COUNT_UNITS)
            if (not lexicon.kind_within(whole.entity, part.entity) or not alike
                    or part.period != whole.period or not may_be_part(part, whole) or _total_of_new(whole, part)):
                continue
            findings.append(not_more(part, whole, f"{part.subject}{stated(part)}大于{whole.subject}{stated(whole)}：前者是后者的一部分"))
            break
    for finding in findings:
        finding.sentence = sentence.text
    return findings


def _summable_level(fact: Fact) -> bool:
    unit = fact.unit_info
    return (fact.kind == "level" and unit is not None and not unit.is_percent and unit.kind not in {"multiple", "amount"}
            and AVERAGE.search(fact.entity or "") is None)


def _total_of_new(whole: Fact, part: Fact) -> bool:
    """新增市场主体3万户、企业总数20万户: a running total of the part's things is not some of what is new; nor are
    firms newly counted above a size (新增规上工业企业100户: most were there before, and only grew)."""
    if RUNNING_TOTAL.search(whole.text) is not None:
        return False
    return RUNNING_TOTAL.search(part.text) is not None or _ABOVE_SIZE.search(part.entity or "") is not None


_ABOVE_SIZE = re.compile(r"规上|规模以上|限上|限额以上")
