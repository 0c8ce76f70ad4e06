"""Roll-ups and rankings as JSON (for `--json` and the API) and as terminal tables."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from devplan.arithmetic.numbers import round_half_up
from devplan.indicators.assessment import Assessment
from devplan.lib import table
from devplan.lib.jsonnum import stated_number, to_number, with_text
from devplan.lib.numbers import rounded
from devplan.lib.periods import format_month, month_span
from devplan.scale.level_checks import LevelCheck
from devplan.scale.rollups import AreaTotal, RankedCounty

LIGHTS = {"green": "● 绿", "yellow": "● 黄", "red": "● 红", "none": "○ 无"}
# What an area's target is, in the words of the pages; the JSON keeps the rollups' own words in `basis` (a
# stable key for programs) and these beside them in `basis_words`.
BASES = {
    "own target": "本级目标",
    "sum of county targets": "所辖县目标折成全年总量相加",
    "county growth targets weighted by last year's levels": "所辖县增速目标按上年同期数加权",
}


def _one_place(value: Decimal | None) -> int | float | None:
    return None if value is None else to_number(round_half_up(value))


def _text(value: Decimal | None, suffix: str = "") -> str:
    return "—" if value is None else f"{rounded(value)}{suffix}"


def _figure_text(text: str | None, suffix: str = "") -> str:
    """A stated number (a county's figure as written, or a sum or target of stored numbers without trailing
    zeros) as printed everywhere: 12.61 stays 12.61, 9.0 stays 9.0."""
    return "—" if text is None else f"{text}{suffix}"


def _judged(assessment: Assessment) -> dict[str, Any]:
    basis = assessment.basis
    return {"completion_pct": _one_place(assessment.completion_pct),
            "completion_basis": None if basis is None else basis.value,
            "expected_pct": _one_place(assessment.expected_pct), "light": assessment.light.value}


def check_json(check: LevelCheck | None) -> dict[str, Any] | None:
    """An area's own figure against its counties' sum (`level_checks`), or None when it has none."""
    if check is None:
        return None
    return {"own_value": stated_number(check.own.stated("value")),
            "own_growth_pct": stated_number(check.own.stated("growth_pct")), "revision": check.own.revision,
            "value_gap_pct": _two_places(check.value_gap_pct), "growth_gap_points": _two_places(check.growth_gap_points),
            "counties_under": check.counties_under, "complete": check.complete, "flagged": check.flagged,
            "message": check.sentence()}


def _two_places(value: Decimal | None) -> int | float | None:
    return None if value is None else to_number(round_half_up(value, 2))


def area_json(total: AreaTotal, year: int, check: LevelCheck | None = None) -> dict[str, Any]:
    return {
        "region": total.code, "name": total.name, "through": format_month(year, total.month),
        "counties": total.counties, "counties_under": total.counties_under, "complete": total.complete,
        **with_text("value", total.stated()), "growth_pct": _one_place(total.growth_pct),
        "target": None if total.target_kind is None else {
            "kind": str(total.target_kind), "value": stated_number(total.stated("target_value")), "basis": total.target_basis,
            "basis_words": BASES.get(total.target_basis or "")},
        **_judged(total.assessment), "check": check_json(check),
    }


def ranked_json(county: RankedCounty, year: int) -> dict[str, Any]:
    return {
        "place": county.place, "region": county.code, "name": county.name,
        "through": format_month(year, county.month), **with_text("value", county.stated("value")),
        **with_text("growth_pct", county.stated("growth_pct")), **_judged(county.assessment),
    }


def _basis(assessment: Assessment) -> str:
    return "—" if assessment.basis is None else assessment.basis.value


def areas_text(totals: list[AreaTotal], unit: str) -> str:
    rows = [[t.name, f"{t.counties}/{t.counties_under}", month_span(t.month), _figure_text(t.stated()),
             _text(t.growth_pct, "%"), _figure_text(t.stated("target_value"), "%" if t.target_kind == "growth" else ""),
             _text(t.completion_pct, "%") if t.complete else "汇总不完整", _basis(t.assessment), LIGHTS[t.light]]
            for t in totals]
    return table.render(["地区", "有数据县数", "数据截至", f"累计（{unit}）", "增长", "目标", "完成率", "依据", "预警"], rows,
                        numeric=[False, True, False, True, True, True, True, False])


def ranking_text(ranked: list[RankedCounty], unit: str) -> str:
    rows = [[str(r.place), r.name, month_span(r.month), _figure_text(r.stated("value")),
             _figure_text(r.stated("growth_pct"), "%"),
             _text(r.completion_pct, "%"), _basis(r.assessment), LIGHTS[r.light]] for r in ranked]
    return table.render(["位次", "县（市、区）", "数据截至", f"累计（{unit}）", "增长", "完成率", "依据", "预警"], rows,
                        numeric=[True, False, False, True, True, True, False])
