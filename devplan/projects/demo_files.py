"""Reading the issue-4 demo files in devplan/demo/ and the provenance their revisions carry."""

from __future__ import annotations

import json
from datetime import datetime, time
from decimal import Decimal
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo

from devplan.indicators.services import Provenance

LOADED_BY = "devplan init --demo"


def demo_file(name: str) -> dict[str, Any]:
    return json.loads(resources.files("devplan.demo").joinpath(name).read_text(encoding="utf-8"))


def decimal_or_none(row: dict[str, Any], key: str) -> Decimal | None:
    return Decimal(row[key]) if row.get(key) is not None else None


def demo_provenance(data: dict[str, Any], source: str = "") -> Provenance:
    """Revisions of the demo became known on the report's date, at noon in China."""
    known_at = datetime.combine(
        datetime.fromisoformat(data["known_at"]).date(), time(12), tzinfo=ZoneInfo("Asia/Shanghai")
    )
    return Provenance(
        reason="载入示例数据", by_name=LOADED_BY, source=source, source_document=data["document"], known_at=known_at
    )
