"""The words of a decision — a return's comment, a lock's or reopening's reason, the `--by` name of the
command line — reach exports and the logs like any text and keep the text rule (`text_safe`): no formula
start, no control characters, bounded."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from devplan.collection.models import PeriodState, Submission
from devplan.lib.errors import DevplanError
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from devplan.recording.periods import lock_month
from devplan.recording.rules import Rejected
from devplan.recording.service import give_back

FORMULA = re.escape("不能以 = + - @ 开头")


def test_a_return_comment_keeps_the_text_rule(personas: Any) -> None:
    body = {"region": "湘乡市", "indicator": "retail_sales", "through": "2023-11", "value": 152.6}
    pk = personas.client("owner").post("/api/observations", json.dumps(body),
                                       content_type="application/json").json()["submission"]
    planner = Actor(user=personas.planner, name="planner", door=Door.API)
    with pytest.raises(Rejected, match=f"退回意见{FORMULA}"):
        give_back(planner, pk, ' =HYPERLINK("x")')
    assert Submission.objects.get(pk=pk).status == Submission.Status.SUBMITTED
    assert give_back(planner, pk, "  请核实 ").comment == "请核实"


def test_a_lock_reason_keeps_the_text_rule_and_nothing_is_locked(demo: Any) -> None:
    with pytest.raises(DevplanError, match=f"锁定原因{FORMULA}"):
        lock_month(Actor.of_system("测试", Door.CLI), demo, 2023, 11, "@月报")
    assert not PeriodState.objects.filter(region=demo, year=2023, month=11, locked=True).exists()


def test_a_by_name_keeps_the_text_rule(db: Any) -> None:
    with pytest.raises(DevplanError, match=FORMULA):
        Actor.of_operator(Door.CLI, "=cmd|' /C calc'!A0")
    assert Actor.of_operator(Door.CLI, " 王科长 ").name == "王科长"
