"""Every protected page with the three personas: the owner department, another department, an anonymous
visitor (sent to the login page) — and the planner where the page is the planners'."""

from __future__ import annotations

import pytest

REGION = "430381"
GDP_PAGE = f"/indicator/{REGION}/gdp/2023/"
FISCAL_PAGE = f"/indicator/{REGION}/fiscal_revenue/2023/"
SUBMIT_PAGE = f"/submit/{REGION}/2023/11/"
DASHBOARD = f"/dashboard/{REGION}/2023/10/"
REVIEW = f"/review/{REGION}/2023/11/"

# (page, expected status for: owner department, other department, planner)
PAGES = [
    (DASHBOARD, 200, 200, 200),
    (GDP_PAGE, 200, 403, 200),
    (FISCAL_PAGE, 403, 200, 200),
    (SUBMIT_PAGE, 200, 200, 403),
    (REVIEW, 200, 200, 200),
]


@pytest.mark.parametrize(("page", "owner", "other", "planner"), PAGES)
def test_protected_pages_answer_each_persona(personas, page, owner, other, planner):
    assert personas.client("owner").get(page).status_code == owner
    assert personas.client("other").get(page).status_code == other
    assert personas.client("planner").get(page).status_code == planner
    anonymous = personas.client("anonymous").get(page)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/login/")


def test_a_refusal_is_one_sentence_in_chinese(personas):
    page = personas.client("other").get(GDP_PAGE)
    assert page.status_code == 403
    assert "您无权查看或修改这项内容" in page.content.decode()


def test_posting_another_departments_indicator_is_403_and_saves_nothing(personas):
    from devplan.collection.models import Submission

    answer = personas.client("other").post(SUBMIT_PAGE, {"value_gdp": "610", "action": "submit"})
    assert answer.status_code == 403
    assert not Submission.objects.exists()


@pytest.mark.parametrize("who", ["owner", "other", "viewer"])
def test_only_planners_may_approve_lock_or_set_deadlines(personas, who):
    answer = personas.client(who).post(f"/review/{REGION}/2023/11/period/", {"action": "lock"})
    assert answer.status_code == 403


def test_anonymous_posts_go_to_the_login_page(personas):
    answer = personas.client("anonymous").post(f"/review/{REGION}/2023/11/period/", {"action": "lock"})
    assert answer.status_code == 302 and answer["Location"].startswith("/login/")


def test_the_checker_fragment_follows_the_indicator_decision(personas):
    url = f"/submit/{REGION}/2023/11/check/gdp/"
    assert personas.client("owner").post(url, {"value_gdp": "1"}).status_code == 200
    assert personas.client("other").post(url, {"value_gdp": "1"}).status_code == 403


def test_the_review_queue_repeats_the_submitters_warnings(personas):
    personas.client("owner").post(SUBMIT_PAGE, {"value_retail_sales": "150", "growth_retail_sales": "25",
                                                 "action": "submit"})
    page = personas.client("planner").get(REVIEW).content.decode()
    assert "同比增长 25% 与近" in page and "请核实" in page
