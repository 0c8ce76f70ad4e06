"""The passages outside testers wrote (bench/audit_eval/outside.py): no error on a true passage, and no plant
caught at the last measure is lost. The floors are the figures recorded in docs/audit.md; raise them with it."""

from __future__ import annotations

import pytest

from bench.audit_eval.outside import score_set

# Plants caught at the last measure, per set (docs/audit.md: sixteenth to forty-third passes). Q to T are blind
# (only their false errors were read): their floors guard against losses.
CAUGHT = {"C": 83, "D": 79, "E": 105, "F": 106, "G": 123, "H": 109, "I": 98, "J": 112, "K": 108, "L": 111, "M": 101, "N": 102,
          "O": 104, "P": 90, "Q": 80, "R": 100, "S": 66, "T": 96,
          "W": 89, "Y": 93}


@pytest.mark.parametrize("name", sorted(CAUGHT))
def test_no_false_error_and_no_catch_lost(name: str) -> None:
    scored = score_set(name)
    assert scored.false_errors == []
    assert sum(scored.caught.values()) >= CAUGHT[name], "\n".join(scored.missed)
