"""Data entry: own indicators only, last month and last year beside each field, warnings, all or nothing."""

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
    assert "上月：11.43" in page


def test_saving_a_draft_then_submitting(personas):
    client = personas.client("other")
    client.post(PAGE, {"value_fiscal_revenue": "12.6", "growth_fiscal_revenue": "6.1", "action": "save"})
    assert Submission.objects.get().status == "draft"
    answer = client.post(PAGE, {"value_fiscal_revenue": "12.7", "growth_fiscal_revenue": "6.1", "action": "submit"},
                         follow=True)
    assert "已提交 1 项指标" in answer.content.decode()
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
    assert "小于上月的 1—10月累计 11.43" in answer.content.decode()


def test_the_home_page_shows_returned_submissions_with_the_comment(personas):
    from devplan.collection import workflow
    from tests.collection_workflow.helpers import request_by

    client = personas.client("other")
    client.post(PAGE, {"value_fiscal_revenue": "12.7", "action": "submit"})
    workflow.return_submission(request_by(personas.planner), Submission.objects.get(), "请附财政快报")
    page = client.get("/").content.decode()
    assert "被退回的数据" in page and "请附财政快报" in page
