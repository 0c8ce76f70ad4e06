"""The place's population as the auditor remembers it, by whose people (常住, 户籍) and period, and the figures per head
stated before it that wait for it (a bulletin gives 人均地区生产总值 in its first section and the population in a later one)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from devplan.reader.facts import Fact
from devplan.reader.periods import Period

# 年末全县常住人口, 户籍总人口, 常住总人口, 年平均常住人口, 按常住人口48.62万人计算, 全乡常住人口 (a township's text): the
# whole place's people; 总人口 alone says not whose.
_POPULATION = re.compile(r"^按?(?:年?末|年平均)?(?:全[市县区省州旗镇乡])?(?P<scope>户籍|常住)?(?:总)?人口$")


@dataclass(frozen=True, slots=True)
class PerHead:
    """A figure per head (or per thousand people) and the amount or count it divides."""

    name: str  # as the report names the figure (每千常住人口床位数, 人均地区生产总值)
    figure: Fact
    total: Fact
    per: Decimal  # 1 per head, 1000 per thousand (times the unit's: 1000 for grain in 吨 per head in 公斤)
    scopes: tuple[str, ...]  # the populations it may be of, the first the one it is judged by


class People:
    """One population per scope and period (the latest stated), and one waiting figure per thing and period."""

    def __init__(self) -> None:
        self.populations: dict[tuple[str, Period | None], Fact] = {}
        self.waiting: dict[tuple[str | None, Period | None], PerHead] = {}

    def remember(self, fact: Fact) -> bool:
        """Keep `fact` when it is the place's population, stated exactly in 人 or 万人; True when it was."""
        named = _POPULATION.match(fact.entity or "")
        unit = fact.unit_info
        if (named is None or unit is None or unit.base != "人" or fact.kind != "level" or fact.qualifier is not None
                or fact.compared or fact.measure not in {"actual", "estimate"} or fact.whole is not None):
            return False
        self.populations[(named.group("scope") or "", fact.period)] = fact
        return True

    def population(self, scope: str, period: Period | None) -> Fact | None:
        return self.populations.get((scope, period))

    def wait(self, ratio: PerHead) -> None:
        self.waiting[(ratio.figure.entity, ratio.figure.period)] = ratio

    def ready(self, period: Period | None) -> list[PerHead]:
        """The waiting figures of `period` whose first population is now known, taken out of waiting."""
        ready = [r for key, r in self.waiting.items() if key[1] == period and self.population(r.scopes[0], period)]
        for ratio in ready:
            del self.waiting[(ratio.figure.entity, ratio.figure.period)]
        return ready
