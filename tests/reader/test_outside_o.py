"""The planted misses of the outside set O of trial t19o, by shape, as rules of the reader's grammar with invented
sentences: the true one stays quiet, the planted one is caught, a look-alike stays quiet."""

from __future__ import annotations

from devplan.reader import audit_text
from tests.reader.shapes import errors as _errors


def _warnings(text: str) -> list[str]:
    return [f.check for f in audit_text(text).findings if f.severity == "warning"]


# 地区生产总值…。其中，第一产业增加值…；第二产业增加值…；第三产业增加值…: the three industries are all of GDP, so a sum short
# of it is an error, not a list left incomplete.

_INDUSTRIES = ("全年全县地区生产总值320.50亿元，比上年增长5.2%。其中，第一产业增加值{}亿元，增长3.1%；"
               "第二产业增加值118.20亿元，增长6.0%；第三产业增加值160.30亿元，增长5.0%。")


def test_three_industries_short_of_gdp_are_an_error() -> None:
    assert _errors(_INDUSTRIES.format("42.00")) == []
    assert _errors(_INDUSTRIES.format("40.00")) == ["parts_total"]


def test_three_industries_without_a_list_are_all_of_gdp_too() -> None:
    text = "全县地区生产总值320.50亿元。一、二、三产业分别实现增加值42.00亿元、118.20亿元、{}亿元。"
    assert _errors(text.format("160.30")) == []
    assert _errors(text.format("150.30")) == ["parts_total"]


def test_two_industries_named_are_only_some_of_gdp() -> None:
    # Look-alike: the first and second industries alone leave the third out.
    text = "全县地区生产总值320.50亿元，其中第一产业增加值42.00亿元，第二产业增加值118.20亿元。"
    assert _errors(text) == []


# 一般公共预算支出…，其中民生支出…，占支出的…; 各项存款余额…；其中住户存款余额…，占各项存款的…: a share's whole named by the
# measure noun alone, or a balance without 余额, is the whole of the part's list.

_SPENDING = "全县一般公共预算支出52.40亿元，增长3.6%，其中民生支出41.10亿元，占支出的{}%。"


def test_a_share_of_the_measure_alone_is_of_the_lists_whole() -> None:
    assert _errors(_SPENDING.format("78.4")) == []
    assert _errors(_SPENDING.format("81.4")) == ["share_levels"]


def test_a_share_of_a_measure_the_part_is_not_named_by_stays_unchecked() -> None:
    # Look-alike: 收入 names no measure of 民生支出; the share is not guessed.
    text = "全县一般公共预算支出52.40亿元，其中民生支出41.10亿元，占收入的90.0%。"
    assert _errors(text) == []


_DEPOSITS = ("10月末，全县金融机构各项存款余额412.60亿元，比年初增加30.20亿元；"
             "其中住户存款余额305.40亿元，占各项存款的{}%。")


def test_a_share_of_a_balance_named_without_its_word_is_of_the_balance() -> None:
    assert _errors(_DEPOSITS.format("74.0")) == []
    assert _errors(_DEPOSITS.format("71.0")) == ["share_levels"]


# 辖区老年人…万人，健康体检…万人次，体检率…; 培训…人次，实现就业…人，就业率…: people and person-times count the same people, so
# the rate is the one over the other — an error where people counted again cannot explain the gap, else a warning.

_EXAMINED = "辖区65岁以上老年人4.80万人，全年免费健康体检4.10万人次，体检率{}%。"


def test_a_rate_of_person_times_over_people_is_checked() -> None:
    assert _errors(_EXAMINED.format("85.4")) == []
    assert _errors(_EXAMINED.format("88.4")) == ["share_levels"]


def test_a_rate_below_person_times_over_people_is_only_a_warning() -> None:
    # People examined twice make the person-times more than the people: a lower rate may be of the people.
    text = _EXAMINED.format("80.4")
    assert _errors(text) == []
    assert _warnings(text) == ["share_levels"]


_TRAINED = "全年开展职业技能培训6200人次，培训后实现就业4650人，就业率{}%。"


def test_a_rate_of_people_over_person_times_is_checked() -> None:
    assert _errors(_TRAINED.format("75.0")) == []
    assert _errors(_TRAINED.format("71.0")) == ["share_levels"]
    assert _errors(_TRAINED.format("79.0")) == []
    assert _warnings(_TRAINED.format("79.0")) == ["share_levels"]


# 规上工业增加值增长7.1%，比上年的8.4%回落1.3个百分点: last year's rate after a growth rate is that growth's, and the change
# in points is the difference of the two.

_SLOWED = "2025年全市地区生产总值增长5.0%，低于预期目标1.0个百分点；规模以上工业增加值增长6.2%，比上年的7.9%回落{}个百分点。"


def test_a_growth_rates_change_from_last_years_rate_is_checked() -> None:
    assert _errors(_SLOWED.format("1.7")) == []
    assert _errors(_SLOWED.format("2.7")) == ["growth_levels"]


def test_a_growth_rates_change_against_another_year_is_not_checked_as_a_rise() -> None:
    # Look-alike: 比上年提高 with no rate of last year stated names nothing to subtract.
    text = "规模以上工业增加值增长6.2%，比上年提高1.5个百分点。"
    assert _errors(text) == []


def test_person_times_of_the_same_doing_are_no_base() -> None:
    # Look-alike: person-times insured in five schemes are the insuring counted again, not the people insured in one.
    text = "五项社会保险参保86万人次，城乡居民养老保险参保52万人，参保率97%。"
    assert _errors(text) == []
    assert _warnings(text) == []


# …农村居民人均可支配收入…。城镇居民人均可支配收入比农村居民多…元，城乡居民收入比为…: a ratio after a gap between the two,
# the levels in the sentence before, is of those levels.

_INCOME_RATIO = ("城镇居民人均可支配收入41200元，增长5.1%；农村居民人均可支配收入20600元，增长7.6%。"
                 "城镇居民人均可支配收入比农村居民多20600元，城乡居民收入比为{}。")


def test_an_income_ratio_after_the_gap_is_of_the_levels_before() -> None:
    assert _errors(_INCOME_RATIO.format("2.00")) == []
    assert _errors(_INCOME_RATIO.format("2.10")) == ["share_levels"]


# …农村居民人均可支配收入…。城镇居民人均可支配收入比农村居民多…元: a gap opening its sentence, between two things named in
# its own words, is of their levels in the sentence before.

_INCOME_GAP = ("城镇居民人均可支配收入41200元，增长5.1%；农村居民人均可支配收入20600元，增长7.6%。"
               "城镇居民人均可支配收入比农村居民多{}元。")


def test_a_gap_opening_its_sentence_is_of_the_levels_before() -> None:
    assert _errors(_INCOME_GAP.format("20600")) == []
    assert _errors(_INCOME_GAP.format("21600")) == ["parts_total"]


def test_a_gap_to_a_thing_named_twice_before_is_not_guessed() -> None:
    # Look-alike: 农村居民 names two levels before (income and spending); which one is not said.
    text = ("城镇居民人均可支配收入41200元；农村居民人均可支配收入20600元，农村居民人均消费支出15200元。"
            "城镇居民人均可支配收入比农村居民多26000元。")
    assert _errors(text) == []


# 全盟, 全州, 全旗, 全地区 say the whole place as 全市 and 全县 do: 全盟固定资产投资 is the league's 固定资产投资, the whole a later
# share of all investment is of.

_LEAGUE = ("全年全盟固定资产投资完成420.0亿元，比上年增长6.0%。全年亿元以上施工项目180个。"
           "亿元以上项目完成投资{}亿元，占全部投资的比重为71.4%。")


def test_a_league_names_its_indicators_as_a_city_does() -> None:
    assert _errors(_LEAGUE.format("300.0")) == []
    assert _errors(_LEAGUE.format("320.0")) == ["share_levels"]


# …达到21386元，2020年为15496元，2025年是2020年的1.38倍: a multiple naming its own year before the verb is of that year's level,
# not of the latest level before it (the base year's).

_TIMES = "农村居民人均可支配收入达到24600元，2020年为18200元，2025年是2020年的{}倍。"


def test_a_multiple_of_a_year_named_twice_is_of_its_own_years_level() -> None:
    assert _errors(_TIMES.format("1.35")) == []
    assert _errors(_TIMES.format("1.45")) == ["growth_levels"]


# …列入年度计划的重点项目共96个…。1—10月累计完成投资…。…产业类项目…个，1—10月完成投资…；基础设施类项目…: projects put in
# the year's plan are counted as they are (no target), and classes named with 类 are classes of those projects, whatever
# months the first class's clause names.

_CLASSES = ("截至10月底，全县列入年度计划的重点项目共96个，总投资820.0亿元，年度计划投资150.0亿元。"
            "1—10月累计完成投资132.0亿元，占年度计划的88.0%。\n"
            "分类推进情况。产业类项目50个，1—10月完成投资70.0亿元；基础设施类项目{}个，完成投资40.0亿元；"
            "社会民生类项目20个，完成投资{}亿元。")


def test_classes_named_with_lei_are_all_of_the_projects() -> None:
    assert _errors(_CLASSES.format("26", "22.0")) == []
    assert _errors(_CLASSES.format("26", "18.0")) == ["parts_total"]
    assert _errors(_CLASSES.format("30", "22.0")) == ["parts_total"]


def test_projects_put_in_the_plan_are_counted_not_planned() -> None:
    facts = audit_text("全县列入年度计划的重点项目共96个，总投资820.0亿元。").facts
    assert facts[0].measure == "actual"


# …其中民生支出333.5亿元，占78.2%；民生支出上年为314.8亿元，比上年增加18.7亿元: last year's figure named again by the thing's own
# name is that thing's base, though other figures stand between.

_NAMED_BASE = ("全县一般公共预算支出52.40亿元，其中民生支出41.10亿元，占78.4%；民生支出上年为{}亿元，"
               "比上年增加2.30亿元。")


def test_last_years_figure_named_again_is_the_base() -> None:
    assert _errors(_NAMED_BASE.format("38.80")) == []
    assert _errors(_NAMED_BASE.format("37.80")) == ["growth_levels"]


def test_last_years_figure_of_another_name_is_not_the_base() -> None:
    # Look-alike: 教育支出上年为… is another thing's last year, not the 民生支出's.
    text = "全县一般公共预算支出52.40亿元，其中民生支出41.10亿元，占78.4%；教育支出上年为9.80亿元，比上年增加2.30亿元。"
    assert _errors(text) == []


# 规模以上工业企业实现营业收入…；实现利润总额…。其中，…利润总额…，占规模以上工业利润总额的…: the list's whole named with the
# scope its own sentence is about in front.

_PROFITS = ("全年规模以上工业企业实现营业收入3200.0亿元，比上年增长4.1%；实现利润总额210.0亿元，增长6.0%。"
            "其中，高技术制造业利润总额{}亿元，占{}利润总额的25.0%。")


def test_a_share_of_the_whole_named_with_its_sentences_scope() -> None:
    assert _errors(_PROFITS.format("52.5", "规模以上工业")) == []
    assert _errors(_PROFITS.format("56.5", "规模以上工业")) == ["share_levels"]


def test_a_share_of_a_whole_with_another_scope_is_not_guessed() -> None:
    # Look-alike: 全部工业 is more than the 规模以上 firms the sentence is about.
    assert _errors(_PROFITS.format("56.5", "全部工业")) == []
