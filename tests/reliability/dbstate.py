"""The content state of a database named by URL, taken in a separate process (the test process is bound
to pytest-django's database): `python -m tests.reliability.dbstate` prints it as JSON for DEVPLAN_DB."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT


def state_of(db: str) -> dict[str, list[object]]:
    """Every table's [row count, SHA-256] in the database at `db`."""
    done = subprocess.run([sys.executable, "-m", "tests.reliability.dbstate"], capture_output=True, text=True,
                          env={**os.environ, "DEVPLAN_DB": db}, cwd=ROOT, timeout=300, check=True)
    return json.loads(done.stdout)


def count_of(db: str, table: str) -> int:
    """The rows of one model (an app label, e.g. "indicators.Figure") in the database at `db`."""
    return int(state_of(db)[table][0])  # type: ignore[call-overload]


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "devplan.settings")
    import django

    django.setup()
    from devplan.backup.hashing import database_state

    print(json.dumps(database_state()))
