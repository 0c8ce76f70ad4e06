"""The demo's narrative blocks: the seed report's own paragraphs (punctuation in full width, sector figures
cited as `{indicator.field}`), loaded idempotently by `devplan init --demo`."""

from __future__ import annotations

import json
from datetime import datetime, time
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo

from devplan.projects.demo_files import demo_write
from devplan.regions.models import Region
from devplan.reports.models import NarrativeBlock
from devplan.reports.narrative import block_row

LOADED_BY = "devplan init --demo"


def narrative_data() -> dict[str, Any]:
    text = resources.files("devplan.reports.demo").joinpath("xiangxiang_narrative.json").read_text("utf-8")
    return json.loads(text)


def load_demo_narrative(region: Region) -> None:
    """Record the demo's blocks for `region`; blocks already there are left alone."""
    data = narrative_data()
    known_at = datetime.combine(
        datetime.fromisoformat(data["known_at"]).date(), time(12), tzinfo=ZoneInfo("Asia/Shanghai")
    )
    year = data["year"]
    rows = []
    for row in data["blocks"]:
        identity = {"region": region, "year": year, "section": row["section"], "order": row["order"]}
        if not NarrativeBlock.objects.filter(**identity).exists():
            rows.append(block_row(region, year, row["section"], row["order"], row["text"], title=row["title"],
                                  source=row["source"], known_at=known_at))
    demo_write({"document": data.get("document", "")}, rows, reason="载入示例数据（报告原文段落）")
