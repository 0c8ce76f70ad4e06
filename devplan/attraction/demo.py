"""Investment attraction in the 湘乡市 demo: the seed's 2023 results and 2024 targets."""

from __future__ import annotations

from devplan.attraction.models import AttractionFigure, AttractionTarget
from devplan.attraction.services import record_attraction_figure, record_attraction_target
from devplan.projects.demo_files import decimal_or_none, demo_file, demo_provenance
from devplan.regions.models import Region


def load_attraction_demo(region: Region) -> None:
    data = demo_file("attraction.json")
    for row in data["figures"]:
        identity = {"region": region, "year": row["year"], "month": row["month"], "measure": row["measure"]}
        if AttractionFigure.objects.filter(**identity).exists():
            continue
        record_attraction_figure(
            region, row["year"], row["month"], row["measure"], demo_provenance(data, row["source_text"]),
            value=decimal_or_none(row, "value"), note=row.get("note", ""),
        )
    for row in data["targets"]:
        if AttractionTarget.objects.filter(region=region, year=row["year"], measure=row["measure"]).exists():
            continue
        record_attraction_target(
            region, row["year"], row["measure"], demo_provenance(data, row["source_text"]),
            value=decimal_or_none(row, "value"), qualifier=row.get("qualifier", ""),
        )
