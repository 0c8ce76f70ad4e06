"""Items devplan proposes itself: a main indicator whose light is red in a month and in the month before (as
the one assessment judges them) gets a 督办 item assigned to the department responsible for it, when a month is
locked (its figures are then the region's word) and no item on it is still open."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from devplan.arithmetic.progress import Light
from devplan.indicators.judged import judge_region
from devplan.indicators.models import Responsibility
from devplan.lib.numbers import rounded
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from devplan.regions.models import Region
from devplan.supervision.models import Item
from devplan.supervision.workflow import open_item

SYSTEM = "devplan（连续红灯自动提出）"


def red_twice(region: Region, year: int, month: int) -> list[tuple[str, str, str]]:
    """(code, name, reason) of each main indicator red at `month` and at the month before."""
    if month < 2:
        return []
    before = {judged.indicator.pk: judged for judged in judge_region(region, year, month - 1)}
    found = []
    for judged in judge_region(region, year, month):
        earlier = before.get(judged.indicator.pk)
        if judged.assessment.light == Light.RED and earlier is not None and earlier.assessment.light == Light.RED:
            completion = judged.assessment.completion
            pct = (f"完成年计划的{rounded(completion.pct, 1)}%，" if completion is not None and completion.pct is not None
                   else "")
            found.append((judged.indicator.code, judged.indicator.name,
                          f"{judged.indicator.name}连续两个月红灯（{year}年{month - 1}月、{month}月）：{pct}"
                          f"序时进度{rounded(judged.assessment.expected_pct, 0)}%，请说明原因并提出整改措施。"))
    return found


def propose(region: Region, year: int, month: int) -> list[Item]:
    """Open the items `red_twice` finds that are not followed yet; the items opened."""
    deadline = timezone.localdate() + timedelta(days=settings.DEVPLAN_SUPERVISION_DAYS)
    actor = Actor.of_system(SYSTEM, Door.WEB)
    opened = []
    followed = set(Item.objects.filter(region=region, kind=Item.Kind.INDICATOR)
                   .exclude(state=Item.State.CLOSED).values_list("subject", flat=True))
    for code, name, reason in red_twice(region, year, month):
        responsible = Responsibility.objects.filter(region=region, indicator__code=code).select_related("department").first()
        if code in followed or responsible is None:
            continue
        opened.append(open_item(actor, region, year, month, kind=Item.Kind.INDICATOR, subject=code, subject_name=name,
                                reason=reason, deadline=deadline, department=responsible.department, proposed=True))
    return opened
