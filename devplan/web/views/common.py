"""What every page view shares: refusing with 403, and the period navigation."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from devplan.web.periods import neighbours

FORBIDDEN = "您无权查看或修改这项内容：它不属于您的部门或角色"


def require(allowed: bool, message: str = FORBIDDEN) -> None:
    if not allowed:
        raise PermissionDenied(message)


def period_context(year: int, month: int) -> dict[str, object]:
    nav = neighbours(year, month)
    return {"year": year, "month": month, "previous": nav["previous"], "next": nav["next"]}
