"""Nothing outside the one door writes revisions: no module but `devplan/recording/` calls `append_revision`
or creates revision rows itself. A bulk loader (synthetic data) may create rows only under a change set
opened by the door's bulk path (`recording.bulk.open_change_set`)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "devplan"
REVISIONS = ("Figure", "Target", "Progress", "FundFigure", "FundTarget", "AttractionFigure", "AttractionTarget",
             "TaskProgress", "NarrativeBlock")
CREATES = re.compile(r"\b(" + "|".join(REVISIONS) + r")(\.objects\.(create|bulk_create|get_or_create|update_or_create)\(|\()")


def _sources() -> list[Path]:
    return [p for p in ROOT.rglob("*.py") if "migrations" not in p.parts and "recording" not in p.parts]


def test_only_the_recording_service_appends_revisions() -> None:
    offenders = [str(p.relative_to(ROOT)) for p in _sources() if "append_revision" in p.read_text(encoding="utf-8")
                 and p.name != "revisions.py"]
    assert offenders == []


def test_no_module_outside_the_door_creates_revision_rows() -> None:
    offenders = []
    for path in _sources():
        text = path.read_text(encoding="utf-8")
        if "open_change_set" in text:
            continue  # a bulk loader writing under the door's change set
        for line in text.splitlines():
            stripped = line.strip()
            if stripped.startswith(("class ", "def ", "#", "\"", "from ", "import ")):
                continue
            if CREATES.search(stripped) and "objects.filter" not in stripped:
                offenders.append(f"{path.relative_to(ROOT)}: {stripped}")
    assert offenders == []
