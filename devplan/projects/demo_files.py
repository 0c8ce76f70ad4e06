"""Reading the issue-4 demo files in devplan/demo/, and writing their records through the one door as
devplan's own loader."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime, time
from decimal import Decimal
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo

from devplan.recording.actors import Actor
from devplan.recording.models import Door
from devplan.recording.rows import Row
from devplan.recording.service import Upload, write

LOADED_BY = "devplan init --demo"


def demo_file(name: str) -> dict[str, Any]:
    return json.loads(resources.files("devplan.demo").joinpath(name).read_text(encoding="utf-8"))


def decimal_or_none(row: dict[str, Any], key: str) -> Decimal | None:
    return Decimal(row[key]) if row.get(key) is not None else None


def demo_known_at(data: dict[str, Any]) -> datetime:
    """Revisions of the demo became known on the report's date, at noon in China."""
    return datetime.combine(
        datetime.fromisoformat(data["known_at"]).date(), time(12), tzinfo=ZoneInfo("Asia/Shanghai")
    )


def demo_write(data: dict[str, Any], rows: Sequence[Row], reason: str = "载入示例数据") -> None:
    """Write `rows` as devplan's demo loader, naming the report they come from."""
    if rows:
        write(Actor.of_system(LOADED_BY, Door.DEMO), rows, reason=reason, upload=Upload(data["document"], ""))
