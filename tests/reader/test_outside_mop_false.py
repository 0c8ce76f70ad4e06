"""False errors of the outside sets M, O and P (t19m, t19o, t19p), each as a rule of the reader's grammar with invented
sentences of the same shape: the true sentence stays quiet; where the right pairing is still made, a planted error of it
is caught."""

from __future__ import annotations

from devplan.reader import extract_facts
from tests.reader.shapes import errors as _errors
from tests.reader.shapes import fact_ending as _fact

# 占…的比重由2024年的42.8%提高到45.5%: the share 由 a named year introduces is that year's, not this year's.

_SHARE_FROM_YEAR = ("2025年，全县规上工业总产值156.4亿元，其中装备制造业产值71.2亿元，"
                    "占规上工业总产值的比重由2024年的42.8%提高到{}%，提高{}个百分点。")


def test_a_share_from_a_named_year_is_that_years() -> None:
    facts = extract_facts(_SHARE_FROM_YEAR.format("45.5", "2.7"))
    earlier = _fact(facts, "42.8%")
    assert earlier.period is not None and earlier.period.year == 2024
    assert _fact(facts, "45.5%").earlier == earlier.index
    assert _errors(_SHARE_FROM_YEAR.format("45.5", "2.7")) == []


def test_the_share_reached_and_its_change_are_still_checked() -> None:
    assert _errors(_SHARE_FROM_YEAR.format("48.5", "2.7")) == ["share_levels", "growth_levels"]
    assert _errors(_SHARE_FROM_YEAR.format("45.5", "3.7")) == ["growth_levels"]


# 比上年多争取1.54亿元: the gap to last year's level is a change of the thing, not a level of a thing named 比多 (which the
# completion after it was then taken of).

_MORE_THAN = ("2025年，全区多方争取上级补助资金12.46亿元，上年为10.92亿元，比上年多争取{}亿元，增长14.1%，"
              "完成年度目标任务11亿元的{}%。")


def test_more_than_last_year_is_a_change_of_the_thing() -> None:
    facts = extract_facts(_MORE_THAN.format("1.54", "113.3"))
    gap = _fact(facts, "1.54亿元")
    assert (gap.kind, gap.subject) == ("change", "上级补助资金")
    assert _fact(facts, "113.3%").subject == "上级补助资金"
    assert _errors(_MORE_THAN.format("1.54", "113.3")) == []
    less = _fact(extract_facts("全区争取上级补助资金12.46亿元，比上年少0.54亿元。"), "0.54亿元")
    assert (less.kind, less.value < 0) == ("change", True)


def test_the_completion_and_the_gap_are_checked_on_the_thing() -> None:
    assert _errors(_MORE_THAN.format("1.54", "118.3")) == ["completion_level_target"]
    assert _errors(_MORE_THAN.format("1.84", "113.3")) == ["growth_levels"]


def test_more_added_than_last_year_compares_two_increases() -> None:
    # 比上年多增3.2亿元: this year's increase less last year's, no change of the balance itself.
    facts = extract_facts("全区各项贷款余额212.4亿元，比上年末增加18.6亿元，比上年多增3.2亿元。")
    assert _fact(facts, "3.2亿元").kind == "level"
    assert _fact(facts, "3.2亿元").subject != "各项贷款余额"


# 其中，教育支出…，农林水支出…，民生支出合计33.74亿元: a thing named and totalled after the parts is a sum some or all of
# them are in, no further part of the whole beside them.

_NAMED_SUM = ("2025年，全县一般公共预算支出42.16亿元，增长3.5%。其中，教育支出{}亿元，社会保障和就业支出6.08亿元，"
              "卫生健康支出4.11亿元，农林水支出6.95亿元，民生支出合计33.74亿元，占一般公共预算支出的80.0%。")


def test_a_named_sum_after_the_parts_is_no_further_part() -> None:
    facts = extract_facts(_NAMED_SUM.format("7.32"))
    assert _fact(facts, "33.74亿元").whole is None
    assert _errors(_NAMED_SUM.format("7.32")) == []


def test_the_parts_before_a_named_sum_are_still_summed() -> None:
    assert _errors(_NAMED_SUM.format("27.32")) == ["parts_total"]  # 27.32 + 6.08 + 4.11 + 6.95 is 44.46, above 42.16


# 已竣工项目14个，…。从项目类型看，产业项目32个…: a breakdown by type after a count of projects at one stage is of all the
# projects, not of those at the stage.

_BY_TYPE = ("2025年，全县实施重点项目68个，完成投资78.4亿元。已竣工项目14个，完成投资10.1亿元。"
            "从项目类型看，产业项目{}个，完成投资41.3亿元；基础设施项目21个，完成投资24.6亿元；社会民生项目15个，完成投资12.5亿元。")


def test_types_after_projects_at_a_stage_are_of_all_the_projects() -> None:
    facts = extract_facts(_BY_TYPE.format("32"))
    assert _fact(facts, "产业项目32个").whole == _fact(facts, "重点项目68个").index
    assert _errors(_BY_TYPE.format("32")) == []


def test_types_that_add_up_to_more_than_all_the_projects_are_caught() -> None:
    assert _errors(_BY_TYPE.format("42")) == ["parts_total"]  # 42 + 21 + 15 is 78, above 68


_AFTER_STARTED = ("2024年，全县共安排重点项目60个。截至9月底，已开工项目50个，累计完成投资80.00亿元。分类型看，产业项目38个，"
                  "完成投资{}亿元；基础设施项目22个，完成投资32.00亿元。")


def test_types_after_projects_started_are_not_counted_against_them() -> None:
    # 38 + 22 is 60, all the projects: the types may be of all of them, not of the 50 started.
    assert _errors(_AFTER_STARTED.format("48.00")) == []


def test_types_after_projects_started_share_out_their_investment() -> None:
    # No project invests before it starts: the investment of those started is all of it, and the types' add up to it.
    assert _errors(_AFTER_STARTED.format("58.00")) == ["parts_total"]
