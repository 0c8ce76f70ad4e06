"""The public 汇总与排名 page: a province's prefectures from their counties, every county ranked, with the
chart's data beside the table; rates are ranked but never totalled."""

from __future__ import annotations

import json
import re

from django.test import Client


def test_the_form_leads_to_the_latest_month_of_the_chosen_province_and_indicator(tree):
    answer = Client().get("/compare/", {"province": "990000", "indicator": "t_gdp"})
    assert answer.status_code == 302 and answer["Location"] == "/compare/990000/t_gdp/2023/9/"


def test_the_page_shows_totals_ranking_and_chart_data_without_login(tree):
    page = Client().get("/compare/990000/t_gdp/2023/9/").content.decode()
    assert "甲市" in page and "试验省合计" in page and "所辖县目标折成全年总量相加" in page
    chart = json.loads(re.search(r'<script id="ranking-data" type="application/json">(.*?)</script>', page, re.S).group(1))
    assert chart["names"] == ["甲一县", "乙一县", "甲二县"] and chart["lights"][0] == "red"


def test_a_rate_is_ranked_but_not_totalled_and_bad_addresses_are_404(tree):
    page = Client().get("/compare/990000/t_rate/2023/9/").content.decode()
    assert "不能跨地区相加" in page
    client = Client()
    assert client.get("/compare/990100/t_gdp/2023/9/").status_code == 404  # a prefecture is not a province
    assert client.get("/compare/990000/t_gdp/2023/13/").status_code == 404
    # A malformed choice of the switcher is the request's fault: 400 with the sentence (trial t18b).
    assert client.get("/compare/", {"province": "990000", "indicator": "t_gdp", "period": "2023-99"}).status_code == 400
