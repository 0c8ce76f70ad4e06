"""`devplan user add NAME --role ROLE [--department] [--owner] --password-stdin`."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import run_devplan


def test_user_add_creates_a_department_member_with_an_argon2_password(demo_db_url):
    done = run_devplan(
        "user", "add", "zhang", "--role", "department", "--department", "统计局", "--password-stdin",
        db=demo_db_url, input="a-long-enough-secret\n",
    )
    assert done.returncode == 0, done.stderr
    assert "已创建用户 zhang" in done.stdout
    check = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.contrib.auth.models import User;"
         "u = User.objects.get(username='zhang'); print(u.password.split('$')[0], u.memberships.get().department.name)"],
        capture_output=True, text=True, env={**os.environ, "DEVPLAN_DB": demo_db_url,
                                             "DJANGO_SETTINGS_MODULE": "devplan.settings"}, timeout=120,
    )
    assert check.stdout.split() == ["argon2", "统计局"], check.stderr


def test_user_add_names_the_missing_department_in_one_sentence(demo_db_url):
    done = run_devplan("user", "add", "li", "--role", "department", "--password-stdin", db=demo_db_url, input="x\n")
    assert done.returncode == 2
    assert done.stderr.strip() == "department 角色须用 --department 指明所属部门"


def test_user_add_refuses_an_unknown_department_and_lists_the_known_ones(demo_db_url):
    done = run_devplan(
        "user", "add", "li", "--role", "department", "--department", "气象局", "--password-stdin",
        db=demo_db_url, input="a-long-enough-secret\n",
    )
    assert done.returncode == 1
    assert "没有名为“气象局”的部门" in done.stderr and "统计局" in done.stderr
    assert "Traceback" not in done.stderr


def test_user_add_requires_the_password_on_stdin(demo_db_url):
    done = run_devplan("user", "add", "wang", "--role", "viewer", db=demo_db_url)
    assert done.returncode == 2
    assert "--password-stdin" in done.stderr


def test_user_add_refuses_a_name_no_door_could_name_again(demo_db_url):
    """Trial t15c: "=cmd" was created, and --by, which keeps the text rule, could never name it."""
    for name, said in [("=cmd", "用户名不能以 = + - @ 开头"), ("a b", "只能使用字母、数字和 @ . + - _")]:
        done = run_devplan("user", "add", name, "--role", "viewer", "--password-stdin", db=demo_db_url,
                           input="a-long-enough-secret\n")
        assert done.returncode == 1 and said in done.stderr and "Traceback" not in done.stderr, done.stderr
