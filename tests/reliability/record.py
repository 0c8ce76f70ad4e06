"""What the reliability tests tried and what held, written as one small JSON file per test under
test-output/reliability/ so that parallel workers never share a file; `tests.reliability.report` adds
them up into docs/reliability.md."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from typing import Any

from django.conf import settings

from tests.conftest import ROOT

OUTPUT = ROOT / "test-output" / "reliability"


def backend() -> str:
    return "PostgreSQL" if settings.DATABASES["default"]["ENGINE"].endswith("postgresql") else "SQLite"


def record(kind: str, name: str, *, uses_db: bool = True, **counts: Any) -> None:
    """Write the counts of one test (`kind` groups them in the report: bad_inputs, kills, fuzz, backup)."""
    folder = OUTPUT / kind
    folder.mkdir(parents=True, exist_ok=True)
    where = backend() if uses_db else "no database"
    data = {"kind": kind, "name": name, "backend": where, "at": datetime.now(UTC).isoformat(timespec="seconds"),
            **counts}
    slug = re.sub(r"[^\w.-]+", "_", f"{where}-{name}")
    (folder / f"{slug}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
