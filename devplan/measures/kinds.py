"""The measure kinds by key — what a submission names its kind by (`Submission.measure_kind`)."""

from __future__ import annotations

from devplan.attraction.services import ATTRACTION
from devplan.funds.services import FUNDS
from devplan.lib.errors import UsageError
from devplan.measures.status import Declaration
from devplan.tasks.services import TASKS

KINDS: dict[str, Declaration] = {kind.key: kind for kind in (FUNDS, ATTRACTION, TASKS)}


def kind_of(key: str) -> Declaration:
    if key not in KINDS:
        raise UsageError(f"类别应为 {'、'.join(KINDS)} 之一，而不是“{key}”")
    return KINDS[key]
