"""Set H of trial t19h: its missed rates, each as a rule of the reader's grammar with invented sentences of the same
shape — the true sentence quiet, a planted error caught, and a look-alike that must stay quiet."""

from __future__ import annotations

from tests.reader.shapes import errors as _errors

# A state's count naming its things before the verb (新建项目已投产12个) is of the part of a list stated further back
# for the year under those words; the things named are the whole even when they are named by a stage themselves.


def test_a_state_count_of_a_part_listed_sentences_before() -> None:
    text = ("2026年，全县安排重点项目60个。其中，新建项目40个，续建项目20个。\n截至9月底，完成投资50.0亿元。"
            "新建项目已投产{}个，投产率30.0%；续建项目已竣工5个，竣工率25.0%。")
    assert _errors(text.format("12")) == []
    assert _errors(text.format("16")) == ["share_levels"]


def test_a_stage_named_by_its_own_stage_is_its_whole() -> None:
    text = "2026年，全县安排重点项目50个，其中新开工项目25个、续建项目25个。\n新开工项目已开工{}个，开工率80.0%。"
    assert _errors(text.format("20")) == []
    assert _errors(text.format("22")) == ["share_levels"]


def test_a_state_count_naming_no_listed_things_is_not_paired() -> None:
    # Look-alike: 技改项目 is no part listed before; of what the rate is, is not said.
    text = "2026年，全县安排重点项目60个。其中，新建项目40个，续建项目20个。\n技改项目已投产12个，投产率50.0%。"
    assert _errors(text) == []


# The year's plan and the months done in the same sentence (全年计划新建项目40个，上半年已开工30个，开工率75.0%).


def test_a_rate_of_the_months_over_the_years_plan() -> None:
    text = "2026年全县计划新建项目40个，上半年已开工{}个，开工率75.0%。"
    assert _errors(text.format("30")) == []
    assert _errors(text.format("34")) == ["share_levels"]


def test_a_count_of_another_year_is_no_plan_of_these_months() -> None:
    # Look-alike: last year's count is not what this half year's starts are over.
    assert _errors("2025年全县新建项目40个，2026年上半年已开工34个，开工率75.0%。") == []


# 按…N计算，X率P%: the rate is the figure before that clause, named by the rate's verb, over the clause's figure.


def test_a_rate_counted_on_the_people_named() -> None:
    text = "全区累计建档立卡随访{}万人，按辖区慢病患者5.00万人计算，随访率80.0%。"
    assert _errors(text.format("4.00")) == []
    assert _errors(text.format("4.40")) == ["share_levels"]


def test_a_rate_counted_on_people_of_another_verb_is_not_paired() -> None:
    # Look-alike: 覆盖率 is no verb of the figure before; what it covers is not said.
    assert _errors("全区累计建档立卡随访4.40万人，按辖区慢病患者5.00万人计算，覆盖率80.0%。") == []


# The things due a verb (应参保人数) beside those it was done for (参保人数): the rate of the verb is one over the other.


def test_a_rate_over_the_things_due() -> None:
    text = "全市失业保险参保人数{}万人，应参保人数50.0万人，参保率90.0%。"
    assert _errors(text.format("45.0")) == []
    assert _errors(text.format("47.0")) == ["share_levels"]
    text = "全市应征兵员1200人，实际征集{}人，征集率95.0%。"
    assert _errors(text.format("1140")) == []
    assert _errors(text.format("1180")) == ["share_levels"]


def test_things_not_done_beside_the_due_are_not_paired() -> None:
    # Look-alike: the people not insured are not those the rate is of.
    assert _errors("全市未参保人数5.0万人，应参保人数50.0万人，参保率92.0%。") == []
