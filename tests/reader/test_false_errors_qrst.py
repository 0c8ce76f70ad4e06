"""The false errors of the blind sets Q, R, S and T, each as a rule of the reader's grammar, with invented sentences of the
same shape: the true one raises no error; where the same check should still fire on a broken one, it does."""

from __future__ import annotations

from devplan.reader import extract_facts
from tests.reader.shapes import errors, fact_ending


def test_a_single_years_rate_after_a_yearly_one_is_not_the_spans() -> None:
    # 由A增加到B，年均增长…，其中2024年增长…: once a 年均 rate says the levels are years apart, a plain rate after it is
    # one year's; a rate before it, or one said 累计, is the whole span's and still checked.
    assert errors("全县地方一般公共预算收入由5.21亿元增加到7.36亿元，年均增长9.0%，其中2024年增长5.2%。") == []
    span = "城镇居民人均可支配收入由31200元增加到40150元，累计增长{}%，年均增长6.5%，其中2024年增长5.8%。"
    assert errors(span.format("28.7")) == []
    assert errors(span.format("25.7")) == ["growth_levels"]
    assert errors("全县地方一般公共预算收入由5.21亿元增加到7.36亿元，增长35.0%，年均增长7.8%。") == ["growth_levels"]


def test_last_years_rate_beside_this_years_is_no_growth_of_the_levels() -> None:
    # 增速比上年（5.9%）提高…, （上年增长6.6%）: last year's rate, not a growth between this year's levels.
    beside = "2024年，全县社会消费品零售总额完成88.4亿元，同比增长{}%（上年为82.5亿元），增速比上年（{}%）提高1.3个百分点。"
    assert errors(beside.format("7.2", "5.9")) == []
    assert errors(beside.format("5.9", "4.6")) == ["growth_levels"]
    after = "全年实现林业总产值5.38亿元，比上年增加0.41亿元，增长{}%，增速较上年提高1.6个百分点（上年增长{}%）。"
    assert errors(after.format("8.2", "6.6")) == []
    assert errors(after.format("6.6", "5.0")) == ["growth_levels"]


def test_a_whole_of_an_earlier_year_or_at_constant_prices_has_no_parts_of_now() -> None:
    # 2023年…172.9亿元。2024年…其中，第一产业…: parts of 2024 are of no whole of 2023, nor of one at constant prices.
    text = ("2023年全县地区生产总值172.9亿元。2024年全县地区生产总值增长5.8%。其中，第一产业增加值24.1亿元，增长3.6%；"
            "第二产业增加值70.2亿元，增长6.5%；第三产业增加值92.1亿元，增长5.7%。")
    assert errors(text) == []
    constant = ("全县地区生产总值（不变价）172.9亿元，增长5.8%。其中，第一产业增加值24.1亿元，增长3.6%；第二产业增加值70.2亿元，"
                "增长6.5%；第三产业增加值92.1亿元，增长5.7%。")
    assert errors(constant) == []
    same_year = ("全县地区生产总值186.4亿元，增长5.8%。其中，第一产业增加值{}亿元，增长3.6%；第二产业增加值70.2亿元，增长6.5%；"
                 "第三产业增加值92.1亿元，增长5.7%。")
    assert errors(same_year.format("24.1")) == []
    assert errors(same_year.format("34.1")) == ["parts_total"]


def test_last_years_figure_in_parentheses_with_its_verb_is_last_years() -> None:
    # （上年争取16.8亿元）: an aside opening with 上年 is last year's figure, never the one a completion is of.
    text = "2024年全县累计争取上级补助资金18.6亿元，同比增长10.7%（上年争取16.8亿元），完成年度目标（16亿元）的{}%。"
    assert fact_ending(extract_facts(text.format("116.3")), "16.8亿元").compared
    assert errors(text.format("116.3")) == []
    assert errors(text.format("106.3")) == ["completion_level_target"]


def test_months_of_a_thing_are_no_parts_of_another() -> None:
    # 从月度看，1—8月一般公共预算收入… after a sentence on 土地增值税: the months are of the revenue, not of the tax.
    text = ("1—9月，全县一般公共预算收入完成21.35亿元，同比增长6.2%。土地增值税0.86亿元，同比下降12.4%。"
            "从月度看，1—8月全县一般公共预算收入18.92亿元，9月当月入库2.43亿元。")
    assert errors(text) == []


def test_a_breakdown_after_projects_finished_is_of_all_the_projects() -> None:
    # …竣工投产项目42个，完成投资38.5亿元。分领域看，…: the finished projects are some of all; the breakdown is of all.
    same = ("全年实施重点项目150个，完成投资520.6亿元，竣工投产项目42个，完成投资38.5亿元。分领域看，工业项目完成投资{}亿元，"
            "交通项目完成投资{}亿元，两者合计占比过半。")
    assert errors(same.format("210.4", "95.2")) == []
    assert errors(same.format("410.4", "195.2")) == ["parts_total"]
    apart = ("全年实施重点项目150个，完成投资520.6亿元。竣工投产项目42个，完成投资38.5亿元。分领域看，工业项目完成投资210.4亿元，"
             "交通项目完成投资95.2亿元，两者合计占比过半。")
    assert errors(apart) == []
    alone = "竣工投产项目42个，完成投资38.5亿元。分领域看，工业项目完成投资210.4亿元，交通项目完成投资95.2亿元。"
    assert errors(alone) == []


def test_more_or_less_than_before_is_a_change_not_a_level() -> None:
    # 比上年多864万元 is a change; 全年多864万元 names no thing. Neither is the whole a breakdown by department is of.
    compared = "全县共争取上级资金{}亿元，比上年多864万元。分部门看，县发改局、住建局、交通局争取资金分别为2.85亿元、2.14亿元和1.73亿元，位列前三。"
    facts = extract_facts(compared.format("12.6"))
    more = fact_ending(facts, "864万元")
    assert (more.kind, more.subject) == ("change", "上级资金")
    assert fact_ending(extract_facts("全县税收收入5.2亿元，较上年同期少0.3亿元。"), "0.3亿元").value < 0
    assert errors(compared.format("12.6")) == []
    assert errors(compared.format("5.6")) == ["parts_total"]
    bare = "全县共争取上级资金12.6亿元，全年多864万元。分部门看，县发改局、住建局、交通局争取资金分别为2.85亿元、2.14亿元和1.73亿元。"
    assert fact_ending(extract_facts(bare), "864万元").subject is None
    assert errors(bare) == []


def test_a_places_own_level_names_its_share() -> None:
    # 其中县本级…、乡镇…，县本级占39.8%: the share is 县本级's, not of the part listed last.
    text = "全县一般公共预算收入24.6亿元，其中县本级9.8亿元、乡镇14.8亿元，{}；税收收入占比70.1%。"
    assert errors(text.format("县本级占39.8%")) == []
    assert errors(text.format("县本级占36.8%")) == ["share_levels"]
    assert errors(text.format("乡镇占50.2%")) == ["share_levels"]


def test_a_figure_per_head_divides_the_places_whole_amount() -> None:
    # 县域地区生产总值, 经开区…地区生产总值, 其中中心城区…: some of the place's amount, not what a per-head figure divides.
    opening = "全市地区生产总值2468.2亿元，增长5.6%。"
    closing = "全市常住人口326.5万人，人均地区生产总值{}元。"
    for middle in ("其中，中心城区实现地区生产总值300亿元。", "经开区实现地区生产总值300亿元，增长8%。", "县域地区生产总值300亿元，增长8%。"):
        assert errors(opening + middle + closing.format("75599")) == []
    assert errors(opening + "县域地区生产总值300亿元，增长8%。" + closing.format("65599")) == ["share_levels"]
    # Named with a note or a word for the total after it, the amount is still the place's whole.
    noted = "全市地区生产总值（现价）2468.2亿元，增长5.6%。全市常住人口326.5万人，人均地区生产总值{}元。"
    assert errors(noted.format("75599")) == []
    assert errors(noted.format("65599")) == ["share_levels"]


def test_the_kinds_of_livelihood_spending_are_within_it() -> None:
    # 民生支出…，占…；教育支出…，社会保障和就业支出…: kinds of 民生支出 listed after it are its parts, not the budget's further ones.
    text = ("全县一般公共预算支出48.60亿元，增长3.2%。其中，民生支出38.15亿元，占一般公共预算支出的78.5%；教育支出{}亿元，"
            "社会保障和就业支出{}亿元，卫生健康支出5.31亿元。")
    assert errors(text.format("9.42", "8.76")) == []
    assert errors(text.format("19.42", "18.76")) == ["parts_total"]
    # Siblings after a part's share still add up to the whole.
    siblings = "全县一般公共预算收入48.60亿元，增长3.2%。其中，税收收入38.15亿元，占一般公共预算收入的78.5%；非税收入{}亿元。"
    assert errors(siblings.format("10.45")) == []
    assert errors(siblings.format("12.42")) == ["parts_total"]


def test_a_deposit_ratio_is_of_the_balances_beside_it() -> None:
    # 比年初的331.2亿元: the balance compared with, of another date, is not what 存贷比 divides by.
    text = ("9月末，全县金融机构人民币各项存款余额356.8亿元，比年初的331.2亿元增加25.6亿元，同比增长7.9%；各项贷款余额241.3亿元，"
            "存贷比为{}%，比年初提高1.5个百分点。")
    assert errors(text.format("67.6")) == []
    assert errors(text.format("72.9")) == ["share_levels"]


def test_a_finished_rate_says_what_the_finished_are_some_of() -> None:
    # 竣工投产项目28个，竣工率23.3%: of about 120 projects, not of the 25 the sentence before counted.
    text = "全年争取专项债券资金18.6亿元，支持项目25个。截至年底，新开工项目52个，竣工投产项目28个{}。"
    assert errors(text.format("，竣工率23.3%")) == []
    assert errors(text.format("")) == ["part_exceeds_whole"]
