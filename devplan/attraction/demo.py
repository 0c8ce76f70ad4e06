"""Investment attraction in the 湘乡市 demo: the seed's 2023 results and 2024 targets."""

from __future__ import annotations

from devplan.attraction.models import AttractionFigure, AttractionTarget
from devplan.projects.demo_files import demo_file, demo_known_at, demo_write
from devplan.recording.rows import RecordRow
from devplan.regions.models import Region

NUMBERS = {"value": "数值"}
TEXTS = {"note": "备注", "source_text": "出处原文", "qualifier": "限定词"}


def load_attraction_demo(region: Region) -> None:
    data = demo_file("attraction.json")
    known_at = demo_known_at(data)
    rows = []
    for row in data["figures"]:
        identity = {"region": region, "year": row["year"], "month": row["month"], "measure": row["measure"]}
        if not AttractionFigure.objects.filter(**identity).exists():
            raw = {key: row.get(key) for key in ("value", "note", "source_text")}
            rows.append(RecordRow(AttractionFigure, region, row["year"], row["month"], identity, raw, NUMBERS, TEXTS,
                                  "招商引资", known_at))
    for row in data["targets"]:
        identity = {"region": region, "year": row["year"], "measure": row["measure"]}
        if not AttractionTarget.objects.filter(**identity).exists():
            raw = {key: row.get(key) for key in ("value", "qualifier", "source_text")}
            rows.append(RecordRow(AttractionTarget, region, row["year"], None, identity, raw, NUMBERS, TEXTS,
                                  "招商引资目标", known_at))
    demo_write(data, rows)
