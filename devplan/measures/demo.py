"""The demo's measures: figures and targets of one kind read from a demo file, written through the door, and
the department responsible for each series (`departments`)."""

from __future__ import annotations

from devplan.measures.models import MeasureResponsibility
from devplan.measures.status import Declaration
from devplan.projects.demo_files import demo_file, demo_known_at, demo_write
from devplan.recording.rows import RecordRow
from devplan.regions.models import Department, Region

PLACES = ("year", "month", "measure")


def load_measures_demo(kind: Declaration, region: Region, name: str) -> None:
    data = demo_file(name)
    known_at = demo_known_at(data)
    for measure, department in data.get("departments", {}).items():
        MeasureResponsibility.objects.get_or_create(region=region, kind=kind.key, measure=measure, defaults={
            "department": Department.objects.get(region=region, name=department)})
    rows: list[RecordRow] = []
    for raw in data["figures"]:
        values = {key: value for key, value in raw.items() if key not in PLACES}
        identity = {key: values.pop(key) for key in ("stage", "chain") if key in values}
        rows.append(kind.figure_row(region, raw["year"], raw["month"], raw["measure"], values, known_at, **identity))
    for raw in data.get("targets", ()):
        values = {key: value for key, value in raw.items() if key not in PLACES}
        rows.append(kind.target_row(region, raw["year"], raw["measure"], values, known_at))
    demo_write(data, [row for row in rows if not row.model.objects.filter(**row.identity()).exists()])
