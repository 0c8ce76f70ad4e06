"""The passages outside testers wrote (bench/audit_eval/outside.py): no error on a true passage, and no plant
caught at the last measure is lost. The floors are the figures recorded in docs/audit.md; raise them with it."""

from __future__ import annotations

import pytest

from bench.audit_eval.outside import score_set

# Plants caught at the last measure, per set (docs/audit.md: sixteenth to fifty-second passes). Q to Z were scored
# blind; Q, R, S and T were then opened to the forty-fourth to forty-seventh passes, W and Y to the forty-second and
# forty-eighth, N to the forty-ninth, Z to the fifty-first; U, V, X and AA (blind) had only their false errors read. Floors guard against losses.
CAUGHT = {"C": 83, "D": 79, "E": 105, "F": 106, "G": 123, "H": 110, "I": 98, "J": 112, "K": 109, "L": 112, "M": 102, "N": 114,
          "O": 105, "P": 93, "Q": 103, "R": 114, "S": 81, "T": 111, "U": 92, "V": 65, "W": 89, "X": 62, "Y": 97, "Z": 40, "AA": 81}


@pytest.mark.parametrize("name", sorted(CAUGHT))
def test_no_false_error_and_no_catch_lost(name: str) -> None:
    scored = score_set(name)
    assert scored.false_errors == []
    assert sum(scored.caught.values()) >= CAUGHT[name], "\n".join(scored.missed)
