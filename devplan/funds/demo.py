"""Funds won in the 湘乡市 demo: the seed's 1-11月 figures by source."""

from __future__ import annotations

from devplan.funds.models import FundFigure, FundTarget
from devplan.projects.demo_files import demo_file, demo_known_at, demo_write
from devplan.recording.rows import RecordRow
from devplan.regions.models import Region

NUMBERS = {"amount": "金额（亿元）", "project_count": "项目个数", "project_investment": "项目总投资（亿元）"}
TEXTS = {"note": "备注", "source_text": "出处原文", "qualifier": "限定词"}


def load_funds_demo(region: Region) -> None:
    data = demo_file("funds.json")
    known_at = demo_known_at(data)
    rows = []
    for row in data["figures"]:
        identity = {"region": region, "year": row["year"], "month": row["month"], "source": row["source"]}
        if not FundFigure.objects.filter(**identity).exists():
            raw = {key: row.get(key) for key in ("amount", "project_count", "project_investment", "note", "source_text")}
            rows.append(RecordRow(FundFigure, region, row["year"], row["month"], identity, raw,
                                  NUMBERS, TEXTS, "争资争项", known_at))
    for row in data["targets"]:
        identity = {"region": region, "year": row["year"], "source": row["source"]}
        if not FundTarget.objects.filter(**identity).exists():
            raw = {key: row.get(key) for key in ("amount", "qualifier", "source_text")}
            rows.append(RecordRow(FundTarget, region, row["year"], None, identity, raw, NUMBERS, TEXTS,
                                  "争资争项目标", known_at))
    demo_write(data, rows)
