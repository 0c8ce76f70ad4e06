"""JSON shapes of targets, figure revisions and monthly series, shared by the API and the pages' charts, and
the schemas that declare them in /openapi.json."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Annotated, Any

from django.conf import settings
from django.http import HttpRequest
from ninja import Schema
from ninja.errors import HttpError
from pydantic import AfterValidator, BeforeValidator, ConfigDict, Strict, StrictFloat, StrictInt, StrictStr
from pydantic_core import PydanticCustomError

from devplan.api.errors import UNPARSABLE, shown_key
from devplan.indicators.models import Figure, Indicator, Target
from devplan.lib.jsonnum import to_number, with_text
from devplan.lib.periods import format_month
from devplan.regions.models import Region

# The years a plan, a target or a figure can belong to (the targets and projects endpoints check the same).
FIRST_YEAR, LAST_YEAR = settings.DEVPLAN_YEAR_MIN, settings.DEVPLAN_YEAR_MAX


def _storable(text: str) -> str:
    if "\x00" in text:
        # PostgreSQL cannot hold it in any text column nor compare it: refused here, not a 500 there.
        raise PydanticCustomError("nul_character", "不能含有 NUL 字符（\\u0000）")
    return text


# Every string the API takes: any text except the NUL character.
Text = Annotated[str, AfterValidator(_storable)]

# Why a planner's or admin's write changes the official record: the change set's reason (修改记录, `devplan
# changes`), as the web form's 修改原因 field gives it to `recording.service.write`.
REASON_DESCRIPTION = "修改原因：发改局或管理员直接修订正式数据时记入修改记录（devplan changes、修改记录页）"

def _ascii_digits(value: Any) -> Any:
    """A year or a month in an address as every door reads one (`lib.periods`, the commands): ASCII digits
    only — pydantic alone takes "2023.0", "+11", " 11" and "１１" for numbers."""
    if isinstance(value, str) and not (value.isascii() and value.isdigit()):
        raise PydanticCustomError("ascii_digits", "应为半角阿拉伯数字（如 2023、11）")
    return value


# A year or month of the query or path.
Whole = Annotated[int, BeforeValidator(_ascii_digits)]

# Decimals leave as JSON numbers through `to_number`: an integer when whole (617), else a float (2.2).
Number = int | float | None

# A number a client sends: a JSON number or a numeral in a string ("428.3"), checked by `parse_decimal`.
# Strict, so that true is not taken for 1.
# A JSON number with a fraction arrives as Decimal (`parser.StrictJSON`), keeping its places: 12.70 stays 12.70.
NumberIn = (StrictInt | StrictFloat | Annotated[Decimal, Strict()] | Annotated[StrictStr, AfterValidator(_storable)]
            | None)


class Body(Schema):
    """A request body. A key it does not know is refused (422), never ignored: a misspelt "vaule" would
    otherwise write nothing of what was meant and answer success."""

    model_config = ConfigDict(extra="forbid")


def refuse_body(request: HttpRequest) -> None:
    """An operation that takes no body (approve, accept, logout) refuses one, as one that takes a body refuses
    a key it does not know: nothing a client sends is silently ignored. No body, or {}, is what it takes."""
    sent: Any
    if request.content_type in ("multipart/form-data", "application/x-www-form-urlencoded"):
        # A form's stream may already have been read (the CSRF check reads the form's fields).
        sent = {**request.POST, **request.FILES}
        if not sent:
            return
    else:
        raw = request.body.strip()
        if raw in (b"", b"{}"):
            return
        try:
            sent = json.loads(raw)
        except ValueError:
            raise HttpError(400, UNPARSABLE) from None
    if isinstance(sent, dict):
        said = "；".join(f"{shown_key(key)}：不是此接口的字段" for key in list(sent)[:3])
    else:
        said = "此接口不需要请求内容，请不带内容或发送 {}"
    raise HttpError(422, f"请求的内容不符合要求（{said}），请对照 /api/docs 修改后重试")


class WarningOut(Schema):
    """A warning of the one door's rules (docs/recording.md): a notice, or a deviation the sender explained."""

    rule: str
    severity: str
    field: str
    row: int | None
    message: str


class WriteOut(Schema):
    """What a write through the one door became: the month, submitted / official / unchanged, the submission
    or the revision and its change set, and the warnings of the rules."""

    through: str
    status: str
    submission: int | None = None
    revision: int | None = None
    change_set: int | None = None
    warnings: list[WarningOut] = []


class RevisionOut(Schema):
    revision: int
    recorded_at: str
    known_at: str
    recorded_by: str | None
    reason: str | None
    source: str | None
    source_document: str | None
    change_set: int | None


class TargetOut(RevisionOut):
    kind: str
    value: Number
    unit: str | None
    qualifier: str | None
    adjusted: bool
    step_with: str | None


class FigureOut(RevisionOut):
    through: str
    value: Number
    value_text: str | None
    growth_pct: Number
    growth_pct_text: str | None
    estimate_value: Number
    estimate_value_text: str | None
    estimate_growth_pct: Number
    estimate_growth_pct_text: str | None
    note: str | None


def revision_payload(row: Figure | Target) -> dict[str, Any]:
    return {
        "revision": row.revision,
        "recorded_at": row.recorded_at.isoformat(),
        "known_at": row.known_at.isoformat(),
        "recorded_by": row.who or None,
        "reason": row.reason or None,
        "source": row.source or None,
        "source_document": row.change_set.file_name or None,
        "change_set": row.change_set_id,
    }


def target_payload(target: Target) -> dict[str, Any]:
    return {
        "kind": target.kind,
        "value": to_number(target.value),
        "unit": target.unit or None,
        "qualifier": target.qualifier or None,
        "adjusted": target.adjusted,
        "step_with": target.step_with.code if target.step_with else None,
        **revision_payload(target),
    }


# The numbers of a figure (and of a submission of one) as stated: each with its `_text` (`lib.jsonnum.with_text`).
STATED_FIELDS = ("value", "growth_pct", "estimate_value", "estimate_growth_pct")


def stated_fields(stated: Any) -> dict[str, Any]:
    """`value`, `value_text`, … of `STATED_FIELDS`, from a `stated(field)` that gives a number as stated."""
    return {key: number for name in STATED_FIELDS for key, number in with_text(name, stated(name)).items()}


def figure_payload(figure: Figure) -> dict[str, Any]:
    return {
        "through": format_month(figure.year, figure.month),
        **stated_fields(figure.stated),
        "note": figure.note or None,
        **revision_payload(figure),
    }


def figures_by_month(region: Region, indicator: Indicator, year: int) -> dict[int, list[Figure]]:
    """Every revision of every month of the year, oldest revision first."""
    months: dict[int, list[Figure]] = {}
    rows = Figure.objects.filter(region=region, indicator=indicator, year=year).select_related("change_set")
    for figure in rows.order_by("month", "revision"):
        months.setdefault(figure.month, []).append(figure)
    return months


def series_payload(region: Region, indicator: Indicator, year: int) -> dict[str, Any]:
    """The latest revision per month, this year and last, for the monthly chart."""
    def latest(y: int) -> dict[int, Figure]:
        return {month: revs[-1] for month, revs in figures_by_month(region, indicator, y).items()}

    this_year, last_year = latest(year), latest(year - 1)
    months = list(range(1, 13))
    return {
        "indicator": indicator.name,
        "unit": indicator.unit,
        "year": year,
        "months": [f"{m}月" for m in months],
        "value": [to_number(this_year[m].value) if m in this_year else None for m in months],
        "last_year": [to_number(last_year[m].value) if m in last_year else None for m in months],
        "growth_pct": [to_number(this_year[m].growth_pct) if m in this_year else None for m in months],
    }
