"""A registry that does not add up to what the plan states: devplan's reports print "登记项目219个，计划所述
220个" (and the same for investment) where a 合计 would contradict the text. The auditor reads that sentence
back as a warning, so a report built on an incomplete registry never audits clean — in Word, PDF or HTML."""

from __future__ import annotations

import re

from devplan.reader.extract import Sentence
from devplan.reader.findings import WARNING, Finding

REGISTERED_STATED = re.compile(
    r"登记项目(?P<label>[^，；。\d]*?)(?P<registered>\d+(?:\.\d+)?(?:个|亿元|万元)|未登记)"
    r"，计划所述(?P<stated>\d+(?:\.\d+)?(?:个|亿元|万元))"
)


def check_registry(sentence: Sentence) -> list[Finding]:
    """One warning for a sentence of such comparisons, naming each that differs: one missing project makes
    the count, the total and the planned investment differ at once, and that is one thing to put right."""
    differing = [match for match in REGISTERED_STATED.finditer(sentence.text)
                 if match["registered"] != match["stated"]]
    if not differing:
        return []
    said = "，".join(f"登记的{'项目' + match['label'] if match['label'] else '项目数'}（{match['registered']}）"
                    f"与计划所述（{match['stated']}）不符" for match in differing)
    return [Finding(
        "registry_stated", WARNING,
        f"{said}：项目登记册不完整，附表的合计与正文不能一致；请补齐登记后重新生成报告",
        [fact.index for fact in sentence.facts
         if any(match.start() <= fact.start - sentence.start < match.end() for match in differing)],
        sentence=sentence.text,
    )]
