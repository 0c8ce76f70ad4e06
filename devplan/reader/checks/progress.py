"""Indicators classed by progress: 28项主要指标中，进度超前的6项、符合预期的17项、滞后的5项 — ahead of, on and behind
schedule are a complete classification, so the classes make up all the indicators, and a share named by classes
(滞后指标占17.9%, 达到或快于序时进度的指标占82.1%) is theirs over all."""

from __future__ import annotations

import re
from decimal import Decimal

from devplan.reader.checks.common import percent_fit, plain, stated, verdict
from devplan.reader.extract import Sentence
from devplan.reader.facts import Fact
from devplan.reader.findings import Evidence, Finding
from devplan.reader.interval import HUNDRED, Interval, show
from devplan.reader.numbers import normalize

AHEAD, ON, BEHIND = "超前", "符合", "滞后"
# 完成或超额完成的11项，未完成的3项: done and not done classify the indicators too, as a family of their own.
DONE, UNDONE = "完成", "未完成"
FAMILIES = ({AHEAD, ON, BEHIND}, {DONE, UNDONE})
# What each class is named in a list (…的6项) and in a share (…指标占): one class, or two named together.
_CLASSES = (
    (re.compile(r"(?:达到或(?:快于|超过|超前于?)|符合或(?:快于|超前|超过)|超前或符合)"), {AHEAD, ON}),
    (re.compile(r"(?:超前|提前|快于)"), {AHEAD}),
    (re.compile(r"(?:符合|正常|同步|基本符合)"), {ON}),
    (re.compile(r"(?:滞后|落后|慢于)"), {BEHIND}),
    (re.compile(r"(?:未完成|未达到|未实现)"), {UNDONE}),
    (re.compile(r"(?:完成或超额完成|超额完成|全面完成|完成)"), {DONE}),
)
# The whole: a count of 项 with 中 right after (…的28项主要指标中，…).
_AMONG = re.compile(r"^[\u4e00-\u9fff]{0,10}中\s*,")
_ITEM = re.compile(r"^(?:进度)?(?P<name>[\u4e00-\u9fff]{1,8}?)(?:序时)?(?:进度|预期|目标)?的?\s*\d")
_SHARE = re.compile(r"^(?:进度)?(?P<name>[\u4e00-\u9fff]{1,12}?)(?:序时)?(?:进度|预期)?的?指标(?:数)?占(?:比)?(?:为|达)?\s*\d")


def _classes(name: str) -> set[str] | None:
    for pattern, classes in _CLASSES:
        if pattern.fullmatch(name) or (pattern.match(name) and len(name) <= 4):
            return classes
    return None


def check_progress_classes(sentence: Sentence) -> list[Finding]:
    """The classes listed with 、 after the whole (进度超前的6项、符合预期的17项、滞后的5项), each named once: all three
    add up to the whole, two to no more than it; a share named by classes later in the sentence is theirs over the whole."""
    if not any(f.unit == "项" for f in sentence.facts):
        return []  # only counts of 项 are classed: one test before any work
    facts, text = sentence.facts, normalize(sentence.text)
    for k, whole in enumerate(facts):
        if whole.unit != "项" or whole.kind != "level" or whole.approximate or not _AMONG.match(text[whole.end - sentence.start :]):
            continue
        listed = _listed(facts[k + 1 :], text, sentence.start)
        if listed is None:
            return _classes_after_counts(whole, facts[k + 1 :], text, sentence)
        names = set().union(*(classes for _, classes in listed))
        if not any(names <= family for family in FAMILIES):
            return []
        findings = [_total(whole, [(f, "".join(sorted(c))) for f, c in listed], names in FAMILIES, sentence.text)]
        for share in facts[k + 1 + len(listed) :]:
            named = _SHARE.match(share.text) if share.unit == "%" and share.kind == "share" else None
            classes = _classes(named.group("name")) if named else None
            counts = [f for f, c in listed if classes is not None and c <= classes]
            if classes is not None and set().union(*(c for f, c in listed if f in counts)) == classes and not share.approximate:
                label = f"{named.group('name')}的指标"  # type: ignore[union-attr]
                findings.append(_share(share, label, counts, whole, sentence.text))
        return findings
    return []


def _listed(after: list[Fact], text: str, at: int) -> list[tuple[Fact, set[str]]] | None:
    """The classes right after the whole, joined by 、 or commas, each of one class or two named together (进度符合或快于
    预期的22项，滞后的6项), no class named twice; None unless at least two."""
    listed: list[tuple[Fact, set[str]]] = []
    seen: set[str] = set()
    for fact in after:
        # The list ends at the first figure that is no count of 项 (…滞后的5项，达到或快于序时进度的指标占82.1%).
        if listed and (fact.unit != "项" or text[listed[-1][0].end - at : fact.start - at].strip() not in {"、", ","}):
            break
        named = _ITEM.match(fact.text) if fact.unit == "项" and fact.kind == "level" and not fact.approximate else None
        classes = _classes(named.group("name")) if named else None
        if classes is None or classes & seen:
            return None
        seen |= classes
        listed.append((fact, classes))
    return listed if len(listed) >= 2 else None


# 25项指标中，18项达到或快于序时进度，占72.0%；7项进度滞后: each class named after its count, up to the clause's end.
_NAME_AFTER = re.compile(r"(?:指标)?(?:进度)?(?P<name>[\u4e00-\u9fff]{1,12}?)(?:序时)?(?:进度|预期|目标)?(?=[,;。]|$)")


def _classes_after_counts(whole: Fact, after: list[Fact], text: str, sentence: Sentence) -> list[Finding]:
    """Counts of 项 after the whole, each followed by the classes it is of (one or two named together), no class named
    twice: together all three add up to the whole, fewer to no more than it. Nothing when a count of 项 names no class."""
    listed: list[tuple[Fact, str]] = []
    seen: set[str] = set()
    for fact in after:
        if fact.unit != "项":
            continue
        named = _NAME_AFTER.match(text[fact.end - sentence.start :]) if fact.kind == "level" and not fact.approximate else None
        classes = _classes(named.group("name")) if named else None
        if classes is None or classes & seen:
            return []
        seen |= classes
        listed.append((fact, "".join(sorted(classes))))
    if len(listed) < 2:
        return []
    if not any(seen <= family for family in FAMILIES):
        return []
    return [_total(whole, listed, seen in FAMILIES, sentence.text)]


def _total(whole: Fact, listed: list[tuple[Fact, str]], complete: bool, text: str) -> Finding:
    total = sum((f.value for f, _ in listed), Decimal(0))
    fits = total == whole.value if complete else total <= whole.value
    arithmetic = f"{' + '.join(plain(f.value) for f, _ in listed)} = {plain(total)}项，所述共 {stated(whole)}"
    common = Evidence(facts=[*(f.index for f, _ in listed), whole.index], stated=whole.value, computed=total, arithmetic=arithmetic)
    by = "完成情况" if any(DONE in name for _, name in listed) else "进度"
    classes = "完成、未完成" if by == "完成情况" else "超前、符合、滞后"
    return verdict("parts_total", fits, f"{whole.entity or ''}按{by}分类之和{plain(total)}项，与所述{stated(whole)}相符。",
                   f"{whole.entity or ''}按{by}分为{classes}，各类之和{plain(total)}项"
                   f"{'应等于' if complete else '不应超过'}总数{stated(whole)}。", common, text)


def _share(share: Fact, label: str, counts: list[Fact], whole: Fact, text: str) -> Finding:
    part = sum((f.value for f in counts), Decimal(0))
    computed = part / whole.value * HUNDRED
    fits = percent_fit(Interval.exact(computed), share.value) is not None
    arithmetic = f"{plain(part)}项 ÷ {stated(whole)} = {show(computed)}%，所述 {stated(share)}"
    common = Evidence(facts=[*(f.index for f in counts), whole.index, share.index], stated=share.value,
                      computed=Decimal(show(computed)), arithmetic=arithmetic)
    return verdict("share_levels", fits, f"{label}占比{show(computed)}%，与所述{stated(share)}相符。",
                   f"{label}占比应为{show(computed)}%（{plain(part)}项÷{stated(whole)}），所述{stated(share)}不符。",
                   common, text)
