"""Narrative blocks: recording them (each edit a new revision), reading the latest, and turning their
text into runs where `{indicator_code.field}` citations become the recorded numbers."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import datetime

from django.db import transaction

from devplan.indicators.models import Figure, Indicator
from devplan.indicators.services import Provenance, latest_figures
from devplan.lib.errors import DevplanError
from devplan.regions.models import Region
from devplan.reports.content import Run
from devplan.reports.models import NarrativeBlock
from devplan.reports.states import figure_num
from devplan.revisions import append_revision

# Where each section's blocks go in the execution report (see docs/reports.md).
SECTIONS = {
    "opening": "开头（称呼与报告事由）",
    "execution_intro": "一、执行情况的导语",
    "lagging_reasons": "未达进度指标的原因",
    "achievements_intro": "主要成果的导语",
    "sectors": "主要成果（一）至（四），小标题加正文",
    "problems": "二、存在的问题",
    "tasks_intro": "三、主要任务的导语（目标列表之前）",
    "tasks": "主要任务（一）至（四），小标题加正文",
}
CITABLE_FIELDS = ("value", "growth_pct", "estimate_value", "estimate_growth_pct", "stated_completion_pct")
CITATION = re.compile(r"\{([a-z0-9_]+)\.([a-z_]+)\}")


@transaction.atomic
def record_block(
    region: Region, year: int, section: str, order: int, text: str, provenance: Provenance, *, title: str = ""
) -> NarrativeBlock:
    """Add a revision of the block at (section, order); earlier revisions stay readable."""
    if section not in SECTIONS:
        raise DevplanError(f"报告段落的位置应为 {'/'.join(SECTIONS)} 之一，而不是“{section}”")
    for code, field in CITATION.findall(text):
        if field not in CITABLE_FIELDS:
            raise DevplanError(f"段落引用“{{{code}.{field}}}”的字段应为 {'/'.join(CITABLE_FIELDS)} 之一")
    identity = {"region": region, "year": year, "section": section, "order": order}
    fields = provenance.fields()
    return append_revision(NarrativeBlock, identity, {
        "title": title, "text": text, "source": fields["source"], "known_at": fields["known_at"],
        "reason": fields["reason"], "recorded_by": fields["recorded_by"],
        "recorded_by_name": fields["recorded_by_name"],
    })


def latest_blocks(region: Region, year: int, as_of: datetime | None = None) -> dict[str, list[NarrativeBlock]]:
    """Per section, the latest revision of each block known at `as_of`, in order."""
    queryset = NarrativeBlock.objects.filter(region=region, year=year)
    if as_of is not None:
        queryset = queryset.filter(known_at__lte=as_of)
    latest: dict[tuple[str, int], NarrativeBlock] = {}
    for block in queryset.order_by("section", "order", "-revision"):
        latest.setdefault((block.section, block.order), block)
    sections: dict[str, list[NarrativeBlock]] = defaultdict(list)
    for (section, _order), block in sorted(latest.items()):
        sections[section].append(block)
    return sections


class Citations:
    """Resolves `{code.field}` in narrative text against the latest figures of the region and year."""

    def __init__(self, region: Region, year: int, as_of: datetime | None = None) -> None:
        by_id = latest_figures(region, year, as_of)
        codes = dict(Indicator.objects.filter(pk__in=by_id).values_list("pk", "code"))
        self.figures: dict[str, Figure] = {codes[pk]: figure for pk, figure in by_id.items()}
        self.names = dict(Indicator.objects.values_list("code", "name"))

    def runs(self, text: str) -> list[Run]:
        """The text with each citation replaced by its number; a number the database lacks is shown as a
        gap marker naming the indicator, never as 0."""
        runs: list[Run] = []
        position = 0
        for match in CITATION.finditer(text):
            runs.append(text[position:match.start()])
            runs.append(self._cite(match.group(1), match.group(2)))
            position = match.end()
        runs.append(text[position:])
        return [run for run in runs if run != ""]

    def _cite(self, code: str, field: str) -> Run:
        figure = self.figures.get(code)
        number = figure_num(figure, field) if figure is not None else None
        return number if number is not None else f"（缺数：{self.names.get(code, code)}）"
