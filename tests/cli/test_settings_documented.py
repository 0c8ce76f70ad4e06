"""Every DEVPLAN_* variable the code reads is documented in docs/configuration.md."""

import re

from tests.conftest import ROOT


def test_every_environment_variable_is_documented():
    used = set()
    for path in (ROOT / "devplan").rglob("*.py"):
        used |= set(re.findall(r'env\w*\(\s*"(DEVPLAN_[A-Z_]+)"', path.read_text(encoding="utf-8")))
    documented = set(re.findall(r"`(DEVPLAN_[A-Z_]+)`", (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")))
    assert used, "no settings found: the pattern is wrong"
    assert used - documented == set()
