"""Narrative blocks: recording them (each edit a new revision, its citations checked) and reading the latest.
`citations.py` turns their text into runs where citations become the recorded numbers."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from devplan.lib.errors import DevplanError
from devplan.recording.rows import RecordRow
from devplan.regions.models import Region
from devplan.reports.citations import CITATION, citation_problem
from devplan.reports.models import NarrativeBlock

# Where each section's blocks go in the execution report (see docs/reports.md).
SECTIONS = {
    "meeting": "题注：标题为会议名称，正文为日期（“——2024年1月在……会议上”）",
    "opening": "开头（称呼与报告事由）",
    "execution_intro": "一、执行情况的导语",
    "lagging_reasons": "未达进度指标的原因",
    "achievements_intro": "主要成果的导语",
    "sectors": "主要成果（一）至（四），小标题加正文",
    "problems": "二、存在的问题",
    "tasks_intro": "三、主要任务的导语（目标列表之前）",
    "tasks": "主要任务（一）至（四），小标题加正文",
}


def block_row(region: Region, year: int, section: str, order: int, text: str, *, title: str = "",
              source: str = "", known_at: datetime | None = None) -> RecordRow:
    """The block at (section, order) as a row for the one door; its citations must name recorded figures."""
    if section not in SECTIONS:
        raise DevplanError(f"报告段落的位置应为 {'/'.join(SECTIONS)} 之一，而不是“{section}”")
    for key in CITATION.findall(text):
        problem = citation_problem(key)
        if problem is not None:
            raise DevplanError(problem)
    identity = {"region": region, "year": year, "section": section, "order": order}
    return RecordRow(NarrativeBlock, region, year, None, identity, {"title": title, "text": text, "source": source},
                     texts={"title": "小标题", "text": "正文", "source": "出处"}, name="报告文字段落", known_at=known_at)


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
