"""A figure or project progress for a month after the current month is refused by the door with one
sentence, and the entry pages of a future month answer 404 (issue 16 re-trial: 2030-01 was accepted)."""

from __future__ import annotations

import html

from django.utils import timezone

from tests.api.test_observations import post, session_client


def _next_month() -> str:
    today = timezone.localdate()
    year, month = (today.year, today.month + 1) if today.month < 12 else (today.year + 1, 1)
    return f"{year:04d}-{month:02d}"


def test_a_future_month_is_refused_through_the_api(personas) -> None:  # type: ignore[no-untyped-def]
    client, token = session_client("tongji")
    answer = post(client, token, {"region": "湘乡市", "indicator": "fai", "through": _next_month(), "growth_pct": 5})
    assert answer.status_code == 422
    assert answer.json()["problems"][0]["rule"] == "month_not_future"
    assert "还没有到" in answer.json()["detail"]


def test_the_current_month_is_accepted(personas) -> None:  # type: ignore[no-untyped-def]
    today = timezone.localdate()
    client, token = session_client("tongji")
    answer = post(client, token, {"region": "湘乡市", "indicator": "fai", "through": f"{today:%Y-%m}", "growth_pct": 5})
    assert answer.status_code == 202


def test_the_entry_page_of_a_future_month_is_404_with_a_sentence(personas) -> None:  # type: ignore[no-untyped-def]
    answer = personas.client("owner").get("/submit/430381/2100/12/")
    assert answer.status_code == 404
    assert "还没有到" in html.unescape(answer.content.decode())
    assert personas.client("builder").get("/progress/430381/2100/12/").status_code == 404
