"""A fact: one number found in a report, with what it measures, and the JSON shape of docs/contract.md."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from devplan.reader.periods import Period
from devplan.reader.units import Unit, parse_unit

MEASURES = ("target", "actual", "estimate", "growth", "change", "completion", "share", "rank")
# The quantity behind a measure: a target or estimate can be a level or a growth rate.
KINDS = ("level", "growth", "change", "completion", "share", "rank")


def json_number(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: integers stay integers, '8.0' stays 8.0."""
    if value is None:
        return None
    if value == value.to_integral_value() and value.as_tuple().exponent == 0:
        return int(value)
    return float(value)


@dataclass(slots=True)
class Fact:
    """A number with its unit, role, period and subject; `text == source[start:end]`.

    `entity` is the subject without an attribute word (the 重点项目 of 重点项目总投资).
    `whole` is the index of the fact this one is a part of (a "其中" list), `group` numbers the
    list, `sentence` the sentence in the document, and `share_of` names the whole of a share.
    `earlier` is the index of the level this one grew from (由94.51亿元增加到143.86亿元); `yearly_average`
    marks a growth or change stated per year over several (年均增长); `compared_with` names what a gap in
    points is measured from (高于规模以上工业2.3个百分点 → 规模以上工业).
    `period_stated` is False when the sentence names no months for the figure and `period` is the full
    year by default (a target's or estimate's year, or a sentence that never says which months).
    `cumulative` marks a figure its clause says is added up over time (累计引进资金5700亿元、实际利用外资90亿美元):
    it holds every figure of the same flow within its period.
    `compared` marks the level after 比…的 (比上年的47.35亿元): what the level before it was, never the thing's own
    figure of the period, a part of a list, or a whole a later share or list is of.
    `elsewhere` marks a figure said of a whole place above the text's own (全市… in a county's text, 全省… in a city's):
    no figure of this place's things.
    """

    text: str
    start: int
    end: int
    value: Decimal
    unit: str | None
    measure: str
    kind: str
    subject: str | None = None
    entity: str | None = None
    indicator: str | None = None
    period: Period | None = None
    qualifier: str | None = None
    adjusted: bool = False
    attribute: str | None = None
    sentence: int = 0
    whole: int | None = None
    group: int | None = None
    incomplete_list: bool = False
    share_of: str | None = None
    in_step: bool = False
    period_stated: bool = False
    earlier: int | None = None
    yearly_average: bool = False
    compared_with: str | None = None
    cumulative: bool = False
    compared: bool = False
    elsewhere: bool = False
    index: int = -1
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def unit_info(self) -> Unit | None:
        return parse_unit(self.unit) if self.unit else None

    @property
    def approximate(self) -> bool:
        """Stated loosely (约, 近, 多, 余, 超过 …) outside a target, so not fit for exact checks."""
        return self.qualifier is not None and self.measure != "target" and self.qualifier not in {"以上", "以内", "以下"}

    def period_label(self) -> str | None:
        return self.period.label() if self.period else None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "subject": self.subject,
            "indicator": self.indicator,
            "measure": self.measure,
            "period": self.period_label(),
            "value": json_number(self.value),
            "unit": self.unit,
            "qualifier": self.qualifier,
            "kind": self.kind,
            "adjusted": self.adjusted,
            "sentence": self.sentence,
            "part_of": self.whole,
            **self.extra,
        }
