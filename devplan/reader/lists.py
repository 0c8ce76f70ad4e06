""""其中" lists inside a sentence: which facts are parts of which whole.

A list opens at 其中 with the item before it as the whole; each new subject after it starts a part.
Parts are matched to the whole's fact with the same unit and attribute (a project list has a count,
a 总投资 and a 年计划投资, and so does each of its parts). A parenthesised 其中 closes at ")"; after
a semicolon the list goes on only if the next item starts like the first part did.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from devplan.reader.facts import Fact

INCOMPLETE_RE = re.compile(r"其中(?:主要)?(?:包括|有)|主要(?:有|包括)")
# "100个高新技术项目有75个开工建设": a count, its noun and 有 before a second count — the second is some of the
# first, as after 其中. Verbs ending in 有 (拥有, 共有, 还有 …) say nothing of a part.
_SOME_OF = re.compile(r"^[\u4e00-\u9fff]{1,12}(?<![拥具共现已还占所享都没只])有$")
# "在签约的50个项目中，已开工30个": a count, its noun and 中 then a second count — some of them, too.
_AMONG = re.compile(r"^[\u4e00-\u9fff]{1,12}(?<![高初集其])中,[\u4e00-\u9fff]{0,12}$")
# "重点项目120个，包括续建项目60个、新开工项目60个": 包括 right after a figure lists its parts, as 其中 does; it
# may name only some (主要包括), so parts below the whole are a note, above it an error.
_CONTAINS = re.compile(r"^\(\s*(?:含|包含|包括)")
_INCLUDES = re.compile(r"^\s*[,(]\s*包括")
# What a figure is a figure of, told by the last words of its subject. A part names the same kind of
# figure as its whole: 规模以上工业总产值 (output) is no part of 地区生产总值 (value added).
_MEASURE_CLASSES = (
    ("增加值", "value added"), ("生产总值", "value added"), ("GDP", "value added"), ("经济总量", "value added"),
    ("总产值", "output"), ("产值", "output"), ("投资", "investment"), ("支出", "spending"),
    ("收入", "revenue"), ("利润", "profit"), ("面积", "area"), ("产量", "output quantity"),
)


def _measure_class(subject: str | None) -> str | None:
    if not subject:
        return None
    return next((name for suffix, name in _MEASURE_CLASSES if subject.endswith(suffix)), None)


_RUNNING_TOTAL = re.compile(r"总数|总量|累计|共有")
# Averages and amounts per head do not add up: a district's 人均 may exceed the whole's.
_AVERAGE = re.compile(r"人均|平均|均价")


def _larger(part: Fact, whole: Fact) -> bool:
    a, b = part.unit_info, whole.unit_info
    return a is not None and b is not None and part.value * a.magnitude > whole.value * b.magnitude


def _shared(item: list[Fact], part: Fact) -> int:
    """The longest run of characters the item's subject shares with the part's (设施农业面积 with 高效农业面积: 4)."""
    a, b = (item[0].entity if item else "") or "", part.entity or ""
    return max((k for i in range(len(a)) for k in range(1, len(a) - i + 1) if a[i : i + k] in b), default=0)


def may_be_part(part: Fact, whole: Fact) -> bool:
    """A part is a part only when it is the same measure (actual, target …) and its subject names the same kind
    of figure as the whole's (or does not say)."""
    if part.measure != whole.measure:
        return False  # 新增70户（力争100户）: a target beside an actual figure restates it, it is no part of it
    if _AVERAGE.search(whole.text) or _AVERAGE.search(part.text):
        return False
    mine, theirs = _measure_class(part.entity), _measure_class(whole.entity)
    return mine is None or theirs is None or mine == theirs


def signature(fact: Fact) -> tuple[str, str, str | None] | None:
    """What must agree between a part and its whole; None for facts that are not summable levels."""
    unit = fact.unit_info
    if fact.kind != "level" or unit is None or unit.is_percent:
        return None
    return (unit.kind, unit.base, fact.attribute)


@dataclass
class Frame:
    group: int
    whole: list[Fact]
    parenthesised: bool
    incomplete: bool
    first_part: tuple[str, str, str | None] | None = None
    parts: list[Fact] = field(default_factory=list)
    implicit: bool = False  # opened by a parenthesis, not by 其中
    # Opened by N个…中 (19项指标中，13项增幅前三，8项增幅第一): what follows may count along other lines that
    # overlap, so only the first figure is taken as some of the whole.
    single: bool = False
    # Items listed with 、 before the whole (甲240万亩、乙60万亩，其中…): the 其中 may be about any of them.
    alternatives: list[list[Fact]] = field(default_factory=list)


class ListTracker:
    """Follows the items of one sentence and assigns `whole` and `group` to the parts of 其中 lists."""

    def __init__(self, next_group: int) -> None:
        self.next_group = next_group
        self.frames: list[Frame] = []
        self.opened: list[Frame] = []
        self.item: list[Fact] = []
        self.after_semicolon = False
        self.siblings: list[list[Fact]] = []

    def continue_from(self, item: list[Fact], opened: bool) -> None:
        """Start from the previous sentence's last item: its 其中 (or 分产业看, which opens the list at once)
        lists the parts of that item."""
        self.item = list(item)
        if opened and item:
            self._open(parenthesised=False, incomplete=False)

    def _open(self, parenthesised: bool, incomplete: bool, implicit: bool = False, single: bool = False) -> None:
        frame = Frame(group=self.next_group, whole=list(self.item), parenthesised=parenthesised, incomplete=incomplete,
                      implicit=implicit, alternatives=list(self.siblings), single=single)
        self.frames.append(frame)
        self.opened.append(frame)
        self.next_group += 1
        self.item = []

    def gap(self, text: str) -> None:
        """Read the words between the previous fact and the next one for 其中, ')' and ';'."""
        if ")" in text and self.frames and self.frames[-1].parenthesised:
            self.frames.pop()
        if ";" in text:
            self.after_semicolon = True
        pos = text.find("其中")
        if pos >= 0 and self.item:
            self._open(parenthesised="(" in text[:pos], incomplete=INCOMPLETE_RE.search(text) is not None)
        elif _INCLUDES.match(text) and self.item:
            self._open(parenthesised="(" in text, incomplete=True)
        elif (_SOME_OF.match(text) or _AMONG.match(text)) and self.item and len(self.item) == 1 and self.item[0].unit_info is not None \
                and self.item[0].unit_info.kind == "count":
            among = _AMONG.match(text) is not None
            self._open(parenthesised=False, incomplete=among, single=among)
        elif text.lstrip().startswith("(") and ")" not in text and self.item:
            # 完成投资86.4亿元（交通52.3亿元、水利7.6亿元…）: parts in parentheses right after their total; with 含
            # (86.4亿元（含交通52.3亿元）) even one is a part.
            named = _CONTAINS.match(text.lstrip()) is not None
            self._open(parenthesised=True, incomplete=named or INCOMPLETE_RE.search(text) is not None, implicit=not named)
        # Items joined by 、 are a list the next 其中 may be about; a comma or semicolon ends it.
        if "、" in text and not re.search(r"[,;。]", text) and self.item:
            self.siblings.append(list(self.item))
        elif re.search(r"[,;。]", text):
            self.siblings = []

    def add(self, fact: Fact, new_item: bool, text_after: str) -> None:
        """Place a fact: a new item (own subject) or a further figure of the current item."""
        if new_item:
            self._close_if_list_changed(fact)
            self.item = []
        self.item.append(fact)
        if not self.frames:
            return
        frame = self.frames[-1]
        if fact.kind == "share" and fact.share_of:
            self._nest_under_named_whole(frame, fact.share_of)
        sig = signature(fact)
        if sig is None:
            return
        if frame.first_part is None:
            frame.first_part = sig
            if frame.alternatives and fact.entity:
                frame.whole = max([*frame.alternatives, frame.whole], key=lambda item: _shared(item, fact))
        whole = next((w for w in frame.whole if signature(w) == sig), None)
        if whole is not None and new_item and (_RUNNING_TOTAL.search(fact.text) or (frame.parts and _larger(fact, whole))):
            # 其中甲3万人，乙540万人 / …，总数达到550家: after the first part, an item larger than the whole, or a
            # running total, is the next statement, not a further part; the list has ended.
            self.frames.pop()
            return
        if whole is not None and may_be_part(fact, whole):
            fact.whole = whole.index
            fact.group = frame.group
            frame.parts.append(fact)
            if frame.single:
                self.frames.pop()
                return
        if text_after.lstrip().startswith("等"):
            frame.incomplete = True

    def _nest_under_named_whole(self, frame: Frame, whole_name: str) -> None:
        """"其中，甲67.9亿元；乙51.7亿元，占甲的76.1%": the share names 乙's whole, so 乙 is a part of 甲,
        not a further part of the list."""
        sibling = next((p for p in frame.parts if p.entity and p.entity not in {f.entity for f in self.item}
                        and (p.entity in whole_name or whole_name in p.entity)), None)
        if sibling is None:
            return
        for fact in self.item:
            if fact in frame.parts:
                frame.parts.remove(fact)
                fact.whole, fact.group = sibling.index, self.next_group
        self.next_group += 1

    def _close_if_list_changed(self, fact: Fact) -> None:
        """A list ends at a semicolon unless the next item starts like its first part did, and wherever an
        item of another kind comes between its parts (其中工业项目806个，…，协议引资额4514亿元，…开工项目458个)."""
        frame = self.frames[-1] if self.frames else None
        sig = signature(fact)
        other_kind = sig is not None and frame is not None and frame.first_part is not None and sig != frame.first_part
        if frame and not frame.parenthesised and (other_kind or (self.after_semicolon and sig != frame.first_part)):
            self.frames.pop()
        self.after_semicolon = False

    def finish(self) -> None:
        """At the end of the sentence: mark the parts of lists that said they are incomplete."""
        for frame in self.opened:
            if frame.implicit and len(frame.parts) < 2:
                # One number in parentheses (70户（力争100户）) restates its figure; it lists no parts.
                for part in frame.parts:
                    part.whole = part.group = None
                continue
            for part in frame.parts:
                part.incomplete_list = frame.incomplete
