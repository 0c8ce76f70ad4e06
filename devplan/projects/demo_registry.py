"""The illustrative 湘乡市 project registries for 2023 and 2024, generated deterministically so that they add up
to every total the seed states:

- 2023: "1-10月实施重点项目220个、完成投资234.5亿元";
- 2024: "计划实施市本级重点项目225个，总投资657.4亿元，年计划投资201.8亿元，其中社会投资类项目119个，总投资
  472.1亿元，年计划投资131.6亿元；政府类投资项目104个，总投资170.8亿元，年计划投资69.9亿元；重大前期项目2个，
  总投资14.5亿元，年计划投资0.3亿元".

The seed names about thirty projects (`devplan/demo/projects.json`); they keep their numbers, and the rest of
each list is made here from the name pools of `demo_names.py` with a seeded random generator, the residual
of every total going to the largest project so the sums are exact to the cent. Each project belongs to
exactly one attachment category of its years (附件2–5 for 2023, 附件6–8 for 2024), so the attachments add
up to the stated totals too. Every generated number is marked illustrative.

Nothing here touches the database: `registry(named)` returns rows in the shape of projects.json, which
`devplan.projects.demo` loads.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from devplan.projects import demo_names as names

CENT = Decimal("0.01")
SEED = 20231215
REPORT_YEAR, PLAN_YEAR, THROUGH_MONTH = 2023, 2024, 10
COUNT_2023, COMPLETED_2023 = 220, Decimal("234.5")
# Funding category: (projects, total investment, planned investment for 2024).
PLAN_2024 = {
    "social": (119, Decimal("472.1"), Decimal("131.6")),
    "government": (104, Decimal("170.8"), Decimal("69.9")),
    "major_preparatory": (2, Decimal("14.5"), Decimal("0.3")),
}
ATTACHMENTS_2023 = ("national_provincial", "county_government", "state_owned", "key_construction")
ATTACHMENTS_2024 = ATTACHMENTS_2023[:3]
FUNDING_ATTACHMENT = {"social": "national_provincial", "government": "county_government",
                      "major_preparatory": "state_owned"}
SHARE_CONTINUING = 0.5  # of the generated 2024 projects, the share already under way in 2023


def cents(value: float | Decimal) -> Decimal:
    return Decimal(str(value)).quantize(CENT, ROUND_HALF_UP)


def split(total: Decimal, weights: list[float]) -> list[Decimal]:
    """`total` shared in proportion to `weights`, each part in cents and at least one cent, summing exactly."""
    scale = float(total) / sum(weights)
    parts = [max(cents(w * scale), CENT) for w in weights]
    largest = max(range(len(parts)), key=parts.__getitem__)
    parts[largest] += total - sum(parts, Decimal(0))
    return parts


@dataclass
class Made:
    """A generated project while its numbers are worked out."""

    ref: str
    name: str
    funding: str
    attachment: str
    owner: str
    department: str
    sector: str
    location: str
    public: bool
    start_year: int
    end_year: int
    start_month: int
    total: Decimal = Decimal(0)
    plans: dict[int, Decimal] = field(default_factory=dict)
    completed: Decimal | None = None


class Generator:
    def __init__(self, named: list[dict[str, Any]]) -> None:
        self.rng = random.Random(SEED)
        self.named = [fit_named(row) for row in named]
        self.used = {row["name"] for row in self.named}
        self.serial = len(self.named)

    # Names -------------------------------------------------------------------------------------------------

    def _unique(self, make: Any) -> str:
        for _ in range(200):
            name = make()
            if name not in self.used:
                self.used.add(name)
                return str(name)
        raise RuntimeError("name pools exhausted")

    def _ref(self) -> str:
        self.serial += 1
        return f"XX-{self.serial:03d}"

    def _industry(self, funding: str, attachment: str, years: tuple[int, int, int]) -> Made:
        sector, thing = self.rng.choice(names.INDUSTRY)
        trade = self.rng.choice(names.TRADE_NAMES)
        place = self.rng.choice(names.PLACES[-3:] + names.PLACES[:6])
        stages = names.STAGES if sector in names.MANUFACTURING else names.STAGES[:3]
        name = self._unique(lambda: f"{self.rng.choice(names.TRADE_NAMES)}{thing}项目{self.rng.choice(stages)}")
        department = {"商贸": "商务局", "文旅": "商务局", "农业": "农业农村局", "食品": "农业农村局",
                      "物流": "商务局"}.get(sector, "工信局")
        return Made(self._ref(), name, funding, attachment, f"湘乡{trade}{sector}有限公司", department, sector,
                    place, False, *years)

    def _public(self, funding: str, attachment: str, years: tuple[int, int, int]) -> Made:
        sector, department, thing = self.rng.choice(names.PUBLIC_WORKS)
        place = self.rng.choice(names.PLACES)
        name = self._unique(lambda: f"湘乡市{self.rng.choice(names.PLACES)}{thing}项目")
        owner = (self.rng.choice(names.STATE_OWNED_OWNERS) if attachment == "state_owned"
                 else names.PUBLIC_OWNERS[department])
        return Made(self._ref(), name, funding, attachment, owner, department, sector, place, True, *years)

    # Years -------------------------------------------------------------------------------------------------

    def _years_2024(self, continuing: bool) -> tuple[int, int, int]:
        start = self.rng.choice((2021, 2022, 2022, 2023, 2023)) if continuing else PLAN_YEAR
        return start, max(PLAN_YEAR, start + self.rng.choice((1, 2, 2, 3))), self.rng.randint(2, 8)

    def _years_2023_only(self) -> tuple[int, int, int]:
        return self.rng.choice((2021, 2022, 2022, 2023)), REPORT_YEAR, self.rng.randint(2, 6)

    # Numbers -----------------------------------------------------------------------------------------------

    def _plan_2024(self) -> list[Made]:
        """The generated part of each funding category, its totals the seed's less the named projects'."""
        made: list[Made] = []
        for funding, (count, total, planned) in PLAN_2024.items():
            named = [row for row in self.named if funding in row["categories"] and _plan(row, PLAN_YEAR)]
            missing = count - len(named)
            if missing == 0:
                continue
            public = funding == "government"
            rows = []
            for _ in range(missing):
                continuing = self.rng.random() < SHARE_CONTINUING
                attachment = (self.rng.choice(("county_government", "county_government", "state_owned",
                                               "national_provincial")) if public else "national_provincial")
                make = self._public if public else self._industry
                rows.append(make(funding, attachment, self._years_2024(continuing)))
            left_total = total - sum((Decimal(row["total_investment"]) for row in named), Decimal(0))
            left_planned = planned - sum((_plan(row, PLAN_YEAR) or Decimal(0) for row in named), Decimal(0))
            sizes = [self.rng.lognormvariate(0, 0.8) for _ in rows]
            for row, amount in zip(rows, split(left_total, sizes), strict=True):
                row.total = amount
            low, high = (0.3, 0.75) if public else (0.15, 0.45)
            shares = [float(row.total) * self.rng.uniform(low, high) for row in rows]
            for row, amount in zip(rows, split(left_planned, shares), strict=True):
                row.plans = {PLAN_YEAR: amount}
            made += rows
        return made

    def _plan_2023(self, carried: list[Made]) -> list[Made]:
        """The 2023 list: generated projects under way since 2023 or earlier, and ones finished in 2023, enough
        to make 220 with the named; their completed investment through October makes up 234.5."""
        named = [row for row in self.named if _plan(row, REPORT_YEAR) is not None]
        continuing = [row for row in carried if row.start_year <= REPORT_YEAR]
        for row in continuing:
            room = row.total - row.plans[PLAN_YEAR]
            row.plans[REPORT_YEAR] = max(cents(float(room) * self.rng.uniform(0.25, 0.55)), CENT)
        finished = []
        for _ in range(COUNT_2023 - len(named) - len(continuing)):
            public = self.rng.random() < 0.45
            attachment = (self.rng.choice(("county_government", "state_owned", "national_provincial")) if public
                          else self.rng.choice(("key_construction", "key_construction", "national_provincial")))
            funding = "government" if public else "social"
            row = (self._public if public else self._industry)(funding, attachment, self._years_2023_only())
            row.plans = {REPORT_YEAR: Decimal(0)}
            finished.append(row)
        rows = continuing + finished
        done = COMPLETED_2023 - sum((_completed(row) for row in named), Decimal(0))
        ratios = [self.rng.uniform(0.6, 1.02) for _ in rows]
        # Projects finishing in 2023 take what the continuing ones leave of the October total.
        fixed = sum(float(row.plans[REPORT_YEAR]) * ratio for row, ratio in zip(continuing, ratios, strict=False))
        sizes = [self.rng.lognormvariate(0, 0.7) for _ in finished]
        scale = (float(done) - fixed) / sum(size * ratio for size, ratio in zip(sizes, ratios[len(continuing):],
                                                                                strict=True))
        for row, size in zip(finished, sizes, strict=True):
            row.plans[REPORT_YEAR] = max(cents(size * scale), CENT)
            row.total = cents(float(row.plans[REPORT_YEAR]) / self.rng.uniform(0.45, 0.95))
        weights = [float(row.plans[REPORT_YEAR]) * ratio for row, ratio in zip(rows, ratios, strict=True)]
        for row, amount in zip(rows, split(done, weights), strict=True):
            row.completed = amount
        return finished

    # Output ------------------------------------------------------------------------------------------------

    def rows(self) -> list[dict[str, Any]]:
        carried = self._plan_2024()
        finished = self._plan_2023(carried)
        generated = [self._row(made) for made in carried + finished]
        named = [self._with_months(row) for row in self.named]
        return named + generated

    def _row(self, made: Made) -> dict[str, Any]:
        status = _status(made)
        plans = [{"year": year, "planned_investment": str(amount), "illustrative": True,
                  "goal": _goal(made, year, status)} for year, amount in sorted(made.plans.items())]
        started = made.start_year < PLAN_YEAR
        start = f"{made.start_year}-{made.start_month:02d}-01"
        row = {
            "ref": made.ref, "code": None, "name": made.name, "owner": made.owner, "department": made.department,
            "location": made.location, "sector": made.sector,
            "categories": [made.funding, made.attachment], "status": status,
            "start_year": made.start_year, "end_year": made.end_year, "total_investment": str(made.total),
            "funding_source": "财政资金、专项债券" if made.public else "企业自筹、银行贷款",
            "illustrative": True, "source": "",
            "planned_start": start, "actual_start": f"{made.start_year}-{made.start_month:02d}-15" if started else None,
            "planned_completion": f"{made.end_year}-12-31",
            "actual_completion": "2023-10-28" if status == "竣工投产" else None,
            "plans": plans, "progress": [],
        }
        if made.completed is not None:
            row["progress"] = self._months(made.completed, made.plans[REPORT_YEAR], made.start_year,
                                           made.start_month, status)
        return row

    def _with_months(self, row: dict[str, Any]) -> dict[str, Any]:
        """A named project's October figure, with the months before it made up to match."""
        reports = [r for r in row["progress"] if r["year"] == REPORT_YEAR and r["month"] == THROUGH_MONTH]
        if not reports:
            return row
        month = int(row["actual_start"][5:7]) if row["start_year"] == REPORT_YEAR and row["actual_start"] else 1
        planned = _plan(row, REPORT_YEAR) or Decimal(0)
        made = self._months(Decimal(reports[0]["completed_investment"]), planned, row["start_year"], month,
                            row["status"])
        return {**row, "progress": made[:-1] + row["progress"]}

    def _months(self, completed: Decimal, planned: Decimal, start_year: int, start_month: int, status: str
                ) -> list[dict[str, Any]]:
        """Cumulative completed investment month by month up to October, rising to `completed` on a gentle
        S-curve from the month work began in 2023."""
        first = start_month if start_year == REPORT_YEAR else 1
        power = self.rng.uniform(0.9, 1.35)
        span = THROUGH_MONTH - first + 1
        values: list[Decimal] = []
        for month in range(first, THROUGH_MONTH + 1):
            share = ((month - first + 1) / span) ** power
            value = completed if month == THROUGH_MONTH else cents(float(completed) * share)
            values.append(max(value, values[-1] if values else Decimal(0)))
        return [{"year": REPORT_YEAR, "month": first + offset, "completed_investment": str(value),
                 "narrative": _narrative(value / planned if planned else Decimal(1), first + offset, status),
                 "illustrative": True}
                for offset, value in enumerate(values) if value > 0]


def _plan(row: dict[str, Any], year: int) -> Decimal | None:
    return next((Decimal(plan["planned_investment"]) for plan in row["plans"] if plan["year"] == year), None)


def _completed(row: dict[str, Any]) -> Decimal:
    return sum((Decimal(r["completed_investment"]) for r in row["progress"]
                if r["year"] == REPORT_YEAR and r["month"] == THROUGH_MONTH), Decimal(0))


def fit_named(row: dict[str, Any]) -> dict[str, Any]:
    """A named project fitted to the registry's rules: its years cover every year it has a plan for, and it
    belongs to exactly one attachment category of those years (重点建设项目 lists only 2023)."""
    years = [plan["year"] for plan in row["plans"]]
    funding = next(c for c in row["categories"] if c in PLAN_2024)
    allowed = ATTACHMENTS_2024 if PLAN_YEAR in years else ATTACHMENTS_2023
    attachment = next((c for c in row["categories"] if c in allowed), FUNDING_ATTACHMENT[funding])
    categories = [c for c in row["categories"] if c not in ATTACHMENTS_2023]
    categories.insert(1, attachment)
    plans = [{**plan, "goal": plan.get("goal") or GOALS[row["status"]][0]} for plan in row["plans"]]
    return {**row, "categories": categories, "plans": plans, "start_year": min(row["start_year"], *years),
            "end_year": max(row["end_year"], *years)}


def _status(made: Made) -> str:
    if made.start_year == PLAN_YEAR:
        return "前期"
    if made.end_year == REPORT_YEAR:
        return "竣工投产"
    return "新开工" if made.start_year == REPORT_YEAR else "续建"


GOALS = {
    "前期": ("完成前期手续并开工", "完成立项和用地报批"),
    "新开工": ("开工建设，完成基础工程", "完成场平和基础施工"),
    "续建": ("完成主体工程建设", "主体完工，设备安装", "完成年度建设任务"),
    "竣工投产": ("竣工投产", "竣工验收并投入使用"),
}


def _goal(made: Made, year: int, status: str) -> str:
    if year == PLAN_YEAR and made.start_year <= REPORT_YEAR:
        status = "竣工投产" if made.end_year == PLAN_YEAR else "续建"
    options = GOALS[status]
    return options[(made.start_month + year) % len(options)]


def _narrative(share: Decimal, month: int, status: str) -> str:
    """形象进度 from the share of the year's plan done by `month`."""
    if status == "竣工投产" and month == THROUGH_MONTH:
        return "已竣工投产"
    if share < Decimal("0.25"):
        return "基础工程施工中" if status == "新开工" else "年度工程已开工"
    if share < Decimal("0.6"):
        return "主体工程施工中"
    if share < Decimal("0.9"):
        return "附属工程施工中"
    return "设备安装调试中"


def registry(named: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The named projects fitted to the rules, followed by the generated ones, as projects.json rows."""
    return Generator(named).rows()
