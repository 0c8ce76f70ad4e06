"""Years outside DEVPLAN_YEAR_MIN—MAX (2000—2100) are refused the same way on every page, endpoint and
command: a 404 page or a 422/usage error with one sentence, never a 500 or a traceback (year 0 made
NoReverseMatch and "year 0 is out of range" before)."""

from __future__ import annotations

import pytest
from django.test import Client

from devplan.lib.errors import UsageError
from devplan.lib.periods import parse_as_of, parse_month


@pytest.mark.parametrize("text", ["0000-01", "9999-12", "1999-12", "2101-01"])
def test_months_outside_the_years_are_a_usage_error(text: str) -> None:
    with pytest.raises(UsageError, match="年份应在 2000 到 2100 之间"):
        parse_month(text, field="period")
    with pytest.raises(UsageError, match="年份应在 2000 到 2100 之间"):
        parse_as_of(text)
    with pytest.raises(UsageError, match="年份应在 2000 到 2100 之间"):
        parse_as_of(text + "-01")


def test_pages_and_endpoints_refuse_them_without_a_server_error(demo, personas) -> None:  # type: ignore[no-untyped-def]
    client = personas.client("planner")
    for year in (0, 1999, 9999, 99999):
        for url in (f"/public/430381/{year}/", f"/indicator/430381/gdp/{year}/", f"/projects/430381/{year}/",
                    f"/project/XX-001/{year}/", f"/dashboard/430381/{year}/11/"):
            answer = client.get(url)
            assert answer.status_code == 404, (url, answer.status_code)
    anonymous = Client()
    for url, params in (("/api/status", {"region": "430381", "year": "2023", "as_of": "0000-01"}),
                        ("/api/ranking", {"province": "430000", "indicator": "gdp", "period": "2023-11",
                                          "as_of": "0000-01"}),
                        ("/api/rollup", {"indicator": "gdp", "period": "2023-09", "as_of": "0000-12"}),
                        ("/api/ranking", {"province": "430000", "indicator": "gdp", "period": "0000-01"})):
        answer = anonymous.get(url, params)
        assert answer.status_code == 422 and "年份应在" in answer.json()["detail"], (url, answer.content)
