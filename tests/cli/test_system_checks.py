"""Django's system checks pass: the commands other than `devplan serve` skip them at start-up (devplan/cli/base.py)."""

from __future__ import annotations

import pytest
from django.core import checks


@pytest.mark.django_db
def test_the_system_checks_find_nothing() -> None:
    found = checks.run_checks(databases=["default"])
    assert [str(message) for message in found if message.level >= checks.WARNING] == []
