"""A wrong environment value stops start-up with a sentence naming the variable."""

import os
import subprocess
import sys

import pytest

from devplan.lib.env import envbool, envdb, envint, envsecret
from devplan.lib.errors import ConfigError
from tests.conftest import ROOT


@pytest.mark.parametrize(
    ("name", "value", "reader"),
    [
        ("DEVPLAN_X_BOOL", "maybe", lambda n: envbool(n, False)),
        ("DEVPLAN_X_INT", "abc", lambda n: envint(n, 1)),
        ("DEVPLAN_X_SECRET", "short", lambda n: envsecret(n, "x")),
        ("DEVPLAN_X_SECRET", "a" * 40, lambda n: envsecret(n, "x")),
        ("DEVPLAN_X_SECRET", "0123456789" * 4, lambda n: envsecret(n, "x")),
        ("DEVPLAN_X_SECRET", "django-insecure-" + "x7Kp2QvR9mZt4LwB8nYc", lambda n: envsecret(n, "x")),
        ("DEVPLAN_X_INT", "99999999", lambda n: envint(n, 1, maximum=366)),
        ("DEVPLAN_X_DB", "mysql://x", lambda n: envdb(n, "sqlite:///x.db")),
    ],
)
def test_bad_values_name_the_variable(monkeypatch, name, value, reader):
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=name):
        reader(name)


def test_a_bad_database_url_stops_the_command_with_one_sentence():
    env = {**os.environ, "DEVPLAN_DB": "mysql://nowhere/x"}
    result = subprocess.run(
        [sys.executable, "-m", "devplan", "status", "--region", "x", "--year", "2023"],
        capture_output=True, text=True, env=env, cwd=ROOT,
    )
    assert result.returncode == 2
    assert "DEVPLAN_DB" in result.stderr
    assert "Traceback" not in result.stderr
