"""Editing an annual target on the copy one read: the edit names the revision it was based on, and is stored
as the next revision only while that is still the latest one. Someone else's newer revision is never
overwritten: the edit is refused with `TargetChanged`, which carries the revision that got there first."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone

from devplan.indicators.models import Indicator, Target
from devplan.lib.errors import DevplanError
from devplan.regions.models import Region

# Targets are amounts in 亿元 or percentages; the column holds 20 digits of which 4 are decimals.
LARGEST = Decimal("1e15")


class TargetChanged(DevplanError):
    """The target has a newer revision than the one the edit was based on; nothing was stored."""

    def __init__(self, theirs: Target | None, base_revision: int) -> None:
        self.theirs = theirs
        self.base_revision = base_revision
        super().__init__(self._message())

    def _message(self) -> str:
        if self.theirs is None:
            return f"该目标尚无任何修订，而您的修改基于第 {self.base_revision} 次修订，未保存：请重新读取后再修改"
        when = timezone.localtime(self.theirs.recorded_at).strftime("%Y-%m-%d %H:%M:%S")
        who = self.theirs.who or "他人"
        return (
            f"该目标已由{who}于 {when} 改为第 {self.theirs.revision} 次修订，而您的修改基于第 {self.base_revision} "
            "次修订，未保存：请对照 theirs 中的最新内容，重新读取后再修改"
        )


@dataclass(frozen=True)
class TargetEdit:
    """The new content of a target, complete: a revision stands on its own, nothing is carried over."""

    kind: str
    value: Decimal | None = None
    unit: str = ""
    qualifier: str = ""
    step_with: Indicator | None = None
    adjusted: bool = False
    reason: str = ""
    source: str = ""
    source_document: str = ""

    def check(self, indicator: Indicator) -> None:
        """Refuse a target no completion can be computed from, with one sentence naming the field."""
        if self.kind not in Target.Kind.values:
            raise DevplanError(f"kind（目标类型）应为 {'/'.join(Target.Kind.values)} 之一，而不是“{self.kind}”")
        if self.kind == Target.Kind.IN_STEP and self.step_with is None:
            raise DevplanError("“同步”目标须在 step_with 中指明与哪个指标同步")
        if self.kind != Target.Kind.IN_STEP and self.value is None:
            raise DevplanError(f"{indicator.name}的{Target.Kind(self.kind).label}目标须有目标值（value）")
        if self.value is not None and abs(self.value) >= LARGEST:
            raise DevplanError(f"value（目标值）{self.value} 超出可存储的范围")
        if self.qualifier not in Target.Qualifier.values:
            raise DevplanError(f"qualifier（限定词）应为“以上”“左右”“以内”或空，而不是“{self.qualifier}”")
        for name, limit in (("unit", 20), ("reason", 500), ("source_document", 200)):
            if len(getattr(self, name)) > limit:
                raise DevplanError(f"{name} 不能超过 {limit} 个字")
        if not self.reason.strip():
            raise DevplanError("请在 reason 中写明修改原因：目标的每次修订都要留下原因")

    def fields(self) -> dict[str, Any]:
        return {
            "kind": self.kind, "value": self.value, "unit": self.unit, "qualifier": self.qualifier,
            "step_with": self.step_with, "adjusted": self.adjusted, "reason": self.reason.strip(),
            "source": self.source, "source_document": self.source_document,
        }


def latest_target(region: Region, indicator: Indicator, year: int) -> Target | None:
    """The newest revision of the target, with who recorded it; None when no target was ever set."""
    rows = Target.objects.filter(region=region, indicator=indicator, year=year)
    return rows.select_related("recorded_by", "step_with", "region", "indicator").order_by("-revision").first()


@transaction.atomic
def edit_target(
    region: Region, indicator: Indicator, year: int, base_revision: int, edit: TargetEdit, by: AbstractBaseUser
) -> Target:
    """Store `edit` as revision `base_revision + 1` if `base_revision` is still the latest (0: no target yet).

    The check and the insert cannot race: on SQLite the transaction is IMMEDIATE, so writers take turns; on
    PostgreSQL two writers may both see `base_revision` as latest, but the unique (region, indicator, year,
    revision) constraint lets only one insert `base_revision + 1` and the other meets IntegrityError.
    Unlike `append_revision`, which numbers a write after whatever is latest, a loser is not renumbered."""
    if base_revision < 0:
        raise DevplanError(f"base_revision（所依据的修订号）不能为负数（填写的是 {base_revision}）")
    edit.check(indicator)
    latest = latest_target(region, indicator, year)
    if (latest.revision if latest else 0) != base_revision:
        raise TargetChanged(latest, base_revision)
    known_at = timezone.now()
    if latest is not None and known_at < latest.known_at:
        # The latest revision is dated later than now (a release date entered ahead); "as of" reads must
        # still see the new revision last, so it is dated no earlier.
        known_at = latest.known_at
    try:
        with transaction.atomic():
            return Target.objects.create(
                region=region, indicator=indicator, year=year, revision=base_revision + 1,
                recorded_by=by, known_at=known_at, **edit.fields(),
            )
    except IntegrityError:
        raise TargetChanged(latest_target(region, indicator, year), base_revision) from None
