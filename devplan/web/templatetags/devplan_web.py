"""Template helpers: the navigation a user's roles call for, and numbers printed the Chinese way."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.urls import reverse

from devplan.accounts.access import memberships
from devplan.accounts.models import Role
from devplan.lib import numbers, periods
from devplan.lib.numbers import json_text, rounded

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_links(context: dict[str, Any]) -> list[tuple[str, str]]:
    """(label, url) pairs: the dashboard for every member, data entry for departments, the review page
    for planners and viewers, the admin for staff; the public page and API docs for all."""
    user = context["request"].user
    links: list[tuple[str, str]] = []
    if user.is_authenticated:
        roles = {m.role for m in memberships(user)} | ({Role.ADMIN} if user.is_superuser else set())
        links.append(("仪表盘", reverse("web:dashboard_default")))
        links.append(("重点项目", reverse("web:projects_default")))
        links.extend((title, reverse(f"web:{page}_default"))
                     for page, title in (("funds", "争资争项"), ("attraction", "招商引资"), ("tasks", "主要任务")))
        links.append(("督办", reverse("web:supervision_default")))
        if roles & {Role.DEPARTMENT, Role.OWNER}:
            links.append(("我的待办", reverse("web:home")))
        if Role.DEPARTMENT in roles:
            links.append(("数据填报", reverse("web:submit_default")))
        if Role.OWNER in roles:
            links.append(("项目进度填报", reverse("web:progress_default")))
        if roles & {Role.PLANNER, Role.ADMIN, Role.VIEWER}:
            links.append(("审核与报送进度", reverse("web:review_default")))
            links.append(("修改记录", reverse("web:changes_default")))
            links.append(("报告", reverse("web:reports_default")))
            links.append(("报告审核", reverse("web:audit")))
        if user.is_staff:
            links.append(("管理后台", reverse("admin:index")))
    links.append(("公开数据", reverse("web:public_index")))
    links.append(("汇总与排名", reverse("web:compare_default")))
    links.append(("API 文档", "/api/docs"))
    return links


@register.filter
def num(value: Any) -> str:
    """A number as stated (`devplan.lib.numbers.stated`): 617 → 617, 428.3000 → 428.3, 9.0 (a JSON number
    that kept its stated decimal) → 9.0, None → —."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool) or not isinstance(value, Decimal | int | float):
        return str(value)
    return json_text(value)


@register.filter
def stated(record: Any, field: str) -> str:
    """A stored figure's field as it was stated (`Figure.stated`): 188.2 stays 188.2, 9.0 keeps its decimal."""
    text = None if record is None else record.stated(field)
    return "—" if text is None else text


@register.filter
def estimate(record: Any) -> str:
    """A figure's full-year estimate as stated: "16.50，8.0%", "增长8.0%", or "—" when it has none."""
    if record is None:
        return "—"
    value, growth = record.stated("estimate_value"), record.stated("estimate_growth_pct")
    if value is None and growth is None:
        return "—"
    return "，".join(part for part in (value, f"增长{growth}%" if growth is not None else None) if part)


@register.filter
def in_column(value: Any) -> str:
    """A project's completion or time progress to exactly one decimal, as the documents' tables print it
    (`devplan.lib.numbers.in_column`): 53 → 53.0; None → —."""
    if value is None or value == "":
        return "—"
    return numbers.in_column(Decimal(str(value)))


@register.filter
def pct(value: Any) -> str:
    """A computed percentage (completion, expected progress) to one decimal, half up, as the API gives it:
    97.2377 → 97.2, 100 → 100; None → —."""
    if value is None or value == "":
        return "—"
    return rounded(Decimal(str(value)))


@register.filter
def month_span(month: int) -> str:
    """1月, 1—11月: `devplan.lib.periods.month_span`."""
    return periods.month_span(month)


@register.filter
def get_item(mapping: dict[str, Any], key: str) -> Any:
    return mapping.get(key, key)


@register.filter
def column_month(columns: list[tuple[Any, int | None]], index: int) -> int | None:
    """The month a grid column's header names (`area._data_months`), for the cell at `index`."""
    return columns[index][1]


@register.filter
def get_value(mapping: dict[str, Any], key: str) -> Any:
    """A mapping's value or an empty string (form fields)."""
    return mapping.get(key, "") if mapping else ""
