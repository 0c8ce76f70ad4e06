"""Things of a plan counted at a stage: 50户企业出城入园计划启动实施，…等4户企业完成搬迁改造，12户企业正在开展前期工作 — the
things at each stage are some of the plan's, so none counts more than the plan does."""

from __future__ import annotations

import re

from devplan.reader.checks.bounds import not_more
from devplan.reader.checks.common import stated
from devplan.reader.extract import Sentence
from devplan.reader.facts import Fact
from devplan.reader.findings import INFO, Finding

# The plan: the count's things, then what the plan is of, up to 计划 within the clause (企业出城入园计划).
_PLAN = re.compile(r"^(?P<things>[\u4e00-\u9fff]{2,12}?)计划")
# A stage the things are at: done, under way, begun.
_STAGE = re.compile(r"^(?:已经?|已)?(?:完成|正在|基本完成|全部完成|开工|建成|投产|竣工|启动|进入)")


def check_plan_stages(sentence: Sentence) -> list[Finding]:
    findings = []
    counts = [f for f in sentence.facts if _a_count(f)]
    for k, plan in enumerate(counts):
        named = _PLAN.match(_after(sentence, plan))
        if named is None:
            continue
        for part in counts[k + 1 :]:
            if part.unit != plan.unit or (noun := _noun_at_stage(_after(sentence, part), named.group("things"))) is None:
                continue
            said, whole = f"处于某一进度的{stated(part)}{noun}", f"{named.group('things')}计划的{stated(plan)}"
            finding = not_more(part, plan, f"{said}大于{whole}：计划内的一部分不可能多于计划本身")
            if finding.severity == INFO:
                finding.message = f"{said}不大于{whole}，相符。"
            finding.sentence = sentence.text
            findings.append(finding)
    return findings


def _a_count(fact: Fact) -> bool:
    unit = fact.unit_info
    return (fact.kind == "level" and fact.measure in {"actual", "estimate", "target"} and unit is not None
            and unit.is_whole_count and fact.qualifier is None)


def _after(sentence: Sentence, fact: Fact) -> str:
    """The words after the fact up to the end of its clause."""
    rest = sentence.text[fact.end - sentence.start :]
    return re.split(r"[，,；;。]", rest, maxsplit=1)[0]


def _noun_at_stage(words: str, things: str) -> str | None:
    """The noun the plan's things start with, repeated before a stage (企业完成搬迁改造 after 企业出城入园计划), or None."""
    for size in range(min(len(things), 4), 1, -1):
        noun = things[:size]
        if words.startswith(noun) and _STAGE.match(words[size:]):
            return noun
    return None

