"""Data entry: own indicators only, what is recorded beside each field (the official value, a pending
submission, the previous data month, last year), the full-year estimate, the rules as the user types, all or
nothing, and quarterly indicators asked for only in their months."""

from __future__ import annotations

from devplan.accounts.models import AuditLog
from devplan.collection.models import Submission

PAGE = "/submit/430381/2023/11/"


def test_a_department_sees_only_its_own_indicators(personas):
    page = personas.client("other").get(PAGE).content.decode()
    assert 'name="value_fiscal_revenue"' in page
    assert 'name="value_gdp"' not in page


def test_last_month_is_shown_beside_each_field(personas):
    page = personas.client("other").get(PAGE).content.decode()
    assert "上期：1—10月 11.43" in page
    assert 'name="estimate_fiscal_revenue"' in page and 'name="estgrowth_fiscal_revenue"' in page


def test_the_form_opens_with_the_official_figure_so_nothing_is_entered_twice(personas):
    page = personas.client("other").get("/submit/430381/2023/10/").content.decode()
    assert "正式数据：累计 <b>11.43</b>" in page
    assert 'name="value_fiscal_revenue" inputmode="decimal" value="11.43"' in page
    assert 'name="estimate_fiscal_revenue" inputmode="decimal" value="16.34"' in page


def test_a_quarterly_indicator_is_not_asked_for_outside_its_months(personas):
    page = personas.client("owner").get(PAGE).content.decode()
    assert 'name="value_gdp"' not in page and "本月无需填报" in page
    assert 'name="value_gdp"' in personas.client("owner").get("/submit/430381/2023/12/").content.decode()


def test_a_locked_month_shows_no_inputs_and_the_entry_opens_on_the_next_open_month(personas):
    from devplan.recording.periods import lock_month
    from tests.collection_workflow.helpers import actor

    lock_month(actor(personas.planner), personas.region, 2023, 11, "月报已发")
    page = personas.client("other").get(PAGE).content.decode()
    assert "已锁定" in page and 'name="value_fiscal_revenue"' not in page
    from devplan.collection.models import Deadline

    Deadline.objects.create(region=personas.region, year=2023, month=11, due="2023-12-10")
    assert personas.client("other").get("/submit/").url == "/submit/430381/2023/12/"


def test_saving_a_draft_then_submitting(personas):
    client = personas.client("other")
    client.post(PAGE, {"value_fiscal_revenue": "12.6", "growth_fiscal_revenue": "6.1", "action": "save"})
    assert Submission.objects.get().status == "draft"
    answer = client.post(PAGE, {"value_fiscal_revenue": "12.7", "growth_fiscal_revenue": "6.1", "action": "submit"},
                         follow=True)
    assert "1 条数据已提交，等待发改局审核" in answer.content.decode()
    submission = Submission.objects.get()
    assert (submission.status, str(submission.value.normalize())) == ("submitted", "12.7")
    assert AuditLog.objects.filter(action="submission.submit", username="caizheng").exists()


def test_one_bad_value_saves_nothing_and_says_why(personas):
    client = personas.client("owner")
    answer = client.post(PAGE, {"value_fai": "180", "value_retail_sales": "一百五", "action": "save"})
    assert "未保存任何数据" in answer.content.decode() and "社会消费品零售总额的累计值应为数字" in answer.content.decode()
    assert not Submission.objects.exists()
    assert 'value="一百五"' in answer.content.decode()  # what the user typed stays in the form


def test_the_htmx_checker_warns_of_a_cumulative_figure_below_last_months(personas):
    answer = personas.client("other").post(f"{PAGE}check/fiscal_revenue/", {"value_fiscal_revenue": "10"},
                                           headers={"HX-Request": "true"})
    assert "1—11月累计 10 小于1—10月累计 11.43" in answer.content.decode() and "备注中写明原因" in answer.content.decode()


def test_the_home_page_shows_returned_submissions_with_the_comment(personas):
    from devplan.recording.service import give_back
    from tests.collection_workflow.helpers import actor

    client = personas.client("other")
    client.post(PAGE, {"value_fiscal_revenue": "12.7", "action": "submit"})
    give_back(actor(personas.planner), Submission.objects.get().pk, "请附财政快报")
    page = client.get("/").content.decode()
    assert "被退回的数据" in page and "请附财政快报" in page
