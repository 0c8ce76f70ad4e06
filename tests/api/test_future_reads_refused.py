"""Every read door refuses a month not yet come and an as-of time in the future in the same sentence
(`recording.clock.check_past`), naming its own field: /api/status, /api/ranking, /api/rollup, `devplan
status`, `rank`, `rollup`, `projects` and the brief — where before /api/status and /api/ranking answered []
and the brief said there was no data."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client

from devplan.lib.errors import DevplanError
from devplan.lib.periods import parse_as_of
from devplan.reports.brief import build_brief

pytestmark = pytest.mark.django_db

FUTURE_MONTH, FUTURE_DAY = "2099-01", "2099-01-01"


def _api(path: str, **query: str) -> str:
    answer = Client().get(path, query)
    assert answer.status_code == 422, (path, query, answer.content)
    return str(answer.json()["detail"])


def _command(*args: str) -> str:
    with pytest.raises(DevplanError) as refused:
        call_command(*args)
    return refused.value.sentence()


def _said(sentence: str) -> str:
    """The sentence without the field it names first ("period：", "--as-of：")."""
    return sentence.split("：", 1)[1]


def test_every_read_door_refuses_a_month_not_yet_come_alike(demo):
    province = demo.parent.parent.code
    months = [
        _api("/api/status", region=demo.code, year="2099", month="1"),
        _api("/api/ranking", province=province, indicator="gdp", period=FUTURE_MONTH),
        _api("/api/rollup", indicator="gdp", period=FUTURE_MONTH),
        _command("status", "--region", demo.code, "--month", FUTURE_MONTH),
        _command("rank", "--province", province, "--indicator", "gdp", "--period", FUTURE_MONTH),
        _command("rollup", "--indicator", "gdp", "--period", FUTURE_MONTH),
        _command("projects", "--region", demo.code, "--month", FUTURE_MONTH),
    ]
    with pytest.raises(DevplanError) as brief:
        build_brief(demo, 2099, 1)
    months.append(brief.value.sentence())
    assert all("2099年1月还没有到" in sentence for sentence in months), months
    assert len({_said(sentence) for sentence in months}) == 1, months


def test_every_read_door_refuses_an_as_of_in_the_future_alike(demo):
    province = demo.parent.parent.code
    days = [
        _api("/api/status", region=demo.code, year="2023", as_of=FUTURE_DAY),
        _api("/api/ranking", province=province, indicator="gdp", period="2023-09", as_of=FUTURE_DAY),
        _api("/api/rollup", indicator="gdp", period="2023-09", as_of=FUTURE_DAY),
        _command("status", "--region", demo.code, "--year", "2023", "--as-of", FUTURE_DAY),
        _command("rank", "--province", province, "--indicator", "gdp", "--period", "2023-09", "--as-of", FUTURE_DAY),
    ]
    with pytest.raises(DevplanError) as brief:
        build_brief(demo, 2023, 11, parse_as_of(FUTURE_DAY))
    days.append(brief.value.sentence())
    assert all("2099-01-01还没有到" in sentence for sentence in days), days
    assert len({_said(sentence) for sentence in days}) == 1, days


def test_the_whole_year_is_refused_only_before_it_begins(demo):
    assert Client().get("/api/status", {"region": demo.code, "year": "2023"}).status_code == 200
    assert "2099年还没有到" in _api("/api/status", region=demo.code, year="2099")
