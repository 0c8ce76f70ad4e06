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
from devplan.projects.demo_phases import kind_of, largest_total, stage_words, year_goal

CENT = Decimal("0.01")
SEED = 20231215
REPORT_YEAR, PLAN_YEAR, THROUGH_MONTH = 2023, 2024, 10
COUNT_2023, COMPLETED_2023 = 220, Decimal("234.5")
# The year's planned investment of the 2023 list: what the report's monthly chart divides 234.5 by (79.9%).
PLANNED_2023 = Decimal("293.32")
# Of the generated projects finishing in 2023, the share finished by October ("竣工投产", their year's plan
# done); the others finish in November or December.
SHARE_DONE_BY_OCTOBER = 0.3
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
# A project finished in 2023 had at least this share of its total in that year's plan.
LEAST_SHARE = Decimal("0.45")


def cents(value: float | Decimal) -> Decimal:
    return Decimal(str(value)).quantize(CENT, ROUND_HALF_UP)


def split(total: Decimal, weights: list[float], caps: list[Decimal] | None = None) -> list[Decimal]:
    """`total` shared in proportion to `weights`, each part in cents and at least one cent, summing exactly;
    with `caps`, no part above its cap (a capped part's excess is shared among the others in proportion)."""
    fixed: dict[int, Decimal] = {}
    while True:
        free = [i for i in range(len(weights)) if i not in fixed]
        if not free:
            raise ValueError(f"{total} does not fit under the caps")
        scale = float(total - sum(fixed.values(), Decimal(0))) / sum(weights[i] for i in free)
        over = [i for i in free if caps is not None and cents(weights[i] * scale) > caps[i]]
        if not over:
            break
        fixed.update((i, cents(caps[i])) for i in over if caps is not None)
    parts = [fixed[i] if i in fixed else max(cents(w * scale), CENT) for i, w in enumerate(weights)]
    largest = max(free, key=parts.__getitem__)  # the rounding's cents to a part below its cap
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
    done_by_october: bool = False


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
            caps = [largest_total(row.name, row.sector) for row in rows]
            for row, amount in zip(rows, split(left_total, sizes, caps), strict=True):
                row.total = amount
            low, high = (0.3, 0.75) if public else (0.15, 0.45)
            shares = [float(row.total) * self.rng.uniform(low, high) for row in rows]
            for row, amount in zip(rows, split(left_planned, shares), strict=True):
                row.plans = {PLAN_YEAR: amount}
            made += rows
        return made

    def _plan_2023(self, carried: list[Made]) -> list[Made]:
        """The 2023 list: generated projects under way since 2023 or earlier, and ones finished in 2023, enough
        to make 220 with the named; their plans make up 293.32 and their completed investment through October
        234.5. A project finished by October has done its year's plan; the others stand where their pace puts
        them, so that the list's lagging projects are a minority as in a county's monthly 调度."""
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
            row.done_by_october = self.rng.random() < SHARE_DONE_BY_OCTOBER
            finished.append(row)
        left = (PLANNED_2023 - sum((_plan(row, REPORT_YEAR) or Decimal(0) for row in named), Decimal(0))
                - sum((row.plans[REPORT_YEAR] for row in continuing), Decimal(0)))
        sizes = [self.rng.lognormvariate(0, 0.7) for _ in finished]
        # A plan at most LEAST_SHARE of the kind's largest total, so the total (plan ÷ a share of at least
        # that) stays under it.
        caps = [cents(largest_total(row.name, row.sector) * LEAST_SHARE) for row in finished]
        for row, amount in zip(finished, split(left, sizes, caps), strict=True):
            row.plans = {REPORT_YEAR: amount}
            row.total = cents(float(amount) / self.rng.uniform(float(LEAST_SHARE), 0.95))
        self._complete(continuing + finished,
                       COMPLETED_2023 - sum((_completed(row) for row in named), Decimal(0)))
        return finished

    def _complete(self, rows: list[Made], done: Decimal) -> None:
        """Completed investment through October summing to `done`: a project finished by October its plan and a
        little more (settled accounts), the others in proportion to their pace, scaled to the total."""
        finished = [row for row in rows if row.done_by_october]
        for row in finished:
            row.completed = cents(float(row.plans[REPORT_YEAR]) * self.rng.uniform(1.0, 1.03))
        going = [row for row in rows if not row.done_by_october]
        left = done - sum((row.completed or Decimal(0) for row in finished), Decimal(0))
        weights = [float(row.plans[REPORT_YEAR]) * self.rng.triangular(0.6, 1.1, 0.95) for row in going]
        for row, amount in zip(going, split(left, weights), strict=True):
            row.completed = amount

    # Output ------------------------------------------------------------------------------------------------

    def rows(self) -> list[dict[str, Any]]:
        carried = self._plan_2024()
        finished = self._plan_2023(carried)
        generated = [self._row(made) for made in carried + finished]
        named = [self._with_months(row) for row in self.named]
        return named + generated

    def _row(self, made: Made) -> dict[str, Any]:
        status = _status(made)
        phases = kind_of(made.name, made.sector)
        plans = [{"year": year, "planned_investment": str(amount), "illustrative": True,
                  "goal": year_goal(phases, year, made.start_year, made.end_year)}
                 for year, amount in sorted(made.plans.items())]
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
            "actual_completion": f"2023-{made.start_month + 3:02d}-28" if status == "竣工投产" else None,
            "plans": plans, "progress": [],
        }
        if made.completed is not None:
            row["progress"] = self._months(made.completed, made.plans[REPORT_YEAR], made.start_year,
                                           made.start_month, status, made.name, made.sector)
        return row

    def _with_months(self, row: dict[str, Any]) -> dict[str, Any]:
        """A named project's October figure, with the months before it made up to match."""
        reports = [r for r in row["progress"] if r["year"] == REPORT_YEAR and r["month"] == THROUGH_MONTH]
        if not reports:
            return row
        month = int(row["actual_start"][5:7]) if row["start_year"] == REPORT_YEAR and row["actual_start"] else 1
        planned = _plan(row, REPORT_YEAR) or Decimal(0)
        made = self._months(Decimal(reports[0]["completed_investment"]), planned, row["start_year"], month,
                            row["status"], row["name"], row["sector"])
        return {**row, "progress": made[:-1] + row["progress"]}

    def _months(self, completed: Decimal, planned: Decimal, start_year: int, start_month: int, status: str,
                name: str, sector: str) -> list[dict[str, Any]]:
        """Cumulative completed investment month by month up to October, rising to `completed` on a gentle
        S-curve from the month work began in 2023, each month with the 形象进度 its kind of project writes at
        that stage of the year's plan."""
        phases = kind_of(name, sector)
        first = start_month if start_year == REPORT_YEAR else 1
        power = self.rng.uniform(0.9, 1.35)
        span = THROUGH_MONTH - first + 1
        values: list[Decimal] = []
        for month in range(first, THROUGH_MONTH + 1):
            share = ((month - first + 1) / span) ** power
            value = completed if month == THROUGH_MONTH else cents(float(completed) * share)
            values.append(max(value, values[-1] if values else Decimal(0)))
        def narrative(value: Decimal, month: int) -> str:
            if status == "竣工投产" and month == THROUGH_MONTH:
                return phases.done
            return self.rng.choice(stage_words(phases, float(value / planned) if planned else 1.0))

        return [{"year": REPORT_YEAR, "month": first + offset, "completed_investment": str(value),
                 "narrative": narrative(value, first + offset), "illustrative": True}
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
    start, end = min(row["start_year"], *years), max(row["end_year"], *years)
    phases = kind_of(row["name"], row["sector"])
    plans = [{**plan, "goal": plan.get("goal") or year_goal(phases, plan["year"], start, end)} for plan in row["plans"]]
    return {**row, "categories": categories, "plans": plans, "start_year": start, "end_year": end}


def _status(made: Made) -> str:
    if made.start_year == PLAN_YEAR:
        return "前期"
    if made.done_by_october:
        return "竣工投产"
    return "新开工" if made.start_year == REPORT_YEAR else "续建"


def registry(named: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The named projects fitted to the rules, followed by the generated ones, as projects.json rows."""
    return Generator(named).rows()
