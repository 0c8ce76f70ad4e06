"""False errors found by a hunt on invented true passages (twenty-third pass), each as a rule of the reader's grammar:
the true sentence stays quiet; where the pairing is still made, its planted twin is caught; where which pairing is meant
is not known, the reader says nothing."""

from __future__ import annotations

from tests.reader.shapes import assert_caught, assert_quiet, assert_raises
from tests.reader.shapes import errors as _errors

# A 其中 opening a sentence (or a clause after a semicolon) that closed a run of items alike may be about any of them: it
# is about the one whose name the part shares most of, and about none when two share as much.


def test_parts_after_a_run_of_populations_are_of_no_guessed_one() -> None:
    assert_quiet("户籍人口100万人，常住人口90万人，城镇人口55万人。其中，男性人口51万人，女性人口49万人。",
                 "全县户籍人口80万人，常住人口72万人，城镇人口40万人；其中男性人口41万人，女性人口39万人。")


def test_parts_after_a_run_go_to_the_item_they_name() -> None:
    text = "全年出口30亿元，进口20亿元。其中，机电产品出口{}亿元。"
    assert _errors(text.format("15")) == []
    assert _errors(text.format("35")) == ["part_exceeds_whole"]  # more than the 出口 it names
    text = "全年发放各类惠农补贴3.56亿元，惠及农户15.8万户，户均2253元。其中，耕地地力保护补贴{}亿元。"
    assert_caught(text.format("1.25"), text.format("4.25"), ["part_exceeds_whole"])


def test_a_part_sharing_as_much_with_two_items_is_of_neither() -> None:
    assert_quiet("一般公共预算支出98.72亿元，政府性基金预算支出40.3亿元，国有资本经营预算支出0.86亿元。其中，民生支出78.35亿元。",
                 "全县养老机构床位4250张，社区养老服务设施床位1860张。其中，护理型床位2130张。",
                 "全县有小学86所，初中32所，普通高中8所。其中，民办学校12所，寄宿制学校45所。")


def test_the_wholes_own_plan_is_no_rival() -> None:
    # Look-alike: the budget stated beside the revenue is the same thing's plan; the 其中 is of the revenue.
    text = "一般公共预算收入完成58.37亿元，完成年度预算（69.5亿元）的84.0%。其中，税收收入40.12亿元，税收占比{}%。"
    assert_caught(text.format("68.7"), text.format("74.2"), ["share_levels"])


def test_a_comma_before_its_keeps_the_last_item() -> None:
    # Look-alike: 其中 right after a comma is about the item just before it.
    assert_caught("年末常住人口90万人，其中城镇人口55万人，乡村人口35万人。",
                  "年末常住人口90万人，其中城镇人口55万人，乡村人口45万人。", ["parts_total"])


# 专项债务转贷收入 (government-fund budget) is no part of a bare 债务转贷收入 (the general budget's).


def test_another_budgets_debt_account_is_no_part_of_a_bare_one() -> None:
    assert _errors("全年一般公共预算收入完成20.5亿元，上级补助收入30.2亿元，债务转贷收入8.0亿元。政府性基金预算收入15.0亿元，"
                   "上级补助收入0.5亿元，专项债务转贷收入12.0亿元。") == []
    assert _errors("政府性基金预算收入15.0亿元，债务还本支出2.0亿元。一般公共预算收入20.5亿元，一般债务还本支出3.6亿元。") == []


def test_a_qualifier_of_scope_still_names_a_part() -> None:
    # Look-alike: 规模以上 picks some of 工业增加值.
    assert _errors("全年规模以上工业增加值100亿元，工业增加值80亿元。") == ["part_exceeds_whole"]


# 新增债券资金…，其中新增一般债券…、新增专项债券…；发行再融资债券…: after a semicolon, an item without the word the whole and
# every part open with is the next statement.


def test_an_item_without_the_lists_opening_word_ends_the_list() -> None:
    text = "全年新增债券资金35.2亿元，其中新增一般债券6.2亿元、新增专项债券{}亿元；发行再融资债券12.6亿元。"
    assert_caught(text.format("29.0"), text.format("39.0"), ["part_exceeds_whole"])


# A whole's name the sentence never writes (企业产值, put together from 产值超10亿元企业12家，实现产值…) names no part.


def test_a_name_put_together_from_leftovers_is_no_whole() -> None:
    assert _errors("全县共有规模以上工业企业235家，实现产值568.3亿元；其中，产值超10亿元企业12家，实现产值236.5亿元；"
                   "产值超亿元企业86家，实现产值465.2亿元。") == []


# The last parts of a list adding up to the whole: the first is a cut along another line.


def test_a_cut_along_another_line_before_a_full_breakdown() -> None:
    text = "全年共接待游客856.2万人次。其中，接待过夜游客215.3万人次，国内游客852.1万人次，入境游客{}万人次。"
    assert_caught(text.format("4.1"), text.format("14.1"), ["parts_total"])


def test_counts_of_things_that_meet_by_chance_are_still_checked() -> None:
    # Look-alike: 21 + 18 + 8 = 47 by chance; the whole list is one breakdown.
    assert _errors("签约项目47个。其中，制造业项目21个，服务业项目18个，农业项目8个，文旅项目3个。") == ["parts_total"]


# A figure named for another place of the whole's tier (乙县 beside 甲县) is no part of it.


def test_another_place_of_the_same_tier_is_no_part() -> None:
    assert_caught("甲县一般公共预算收入32.56亿元，乙县28.3亿元，丙县45.6亿元。其中，甲县税收收入22.18亿元，乙县税收收入19.6亿元。",
                  "甲县一般公共预算收入32.56亿元，乙县28.3亿元。其中，甲县税收收入42.18亿元。", ["part_exceeds_whole"])


def test_places_inside_the_whole_place_are_parts() -> None:
    # Look-alike: towns of the whole county.
    assert _errors("全县完成投资186.5亿元，其中甲镇32.6亿元，乙镇28.5亿元，城区185.4亿元。") == ["parts_total"]


# 比年初增加 and 同比增长: a balance's rise since the year began and its rise over a year ago are from two levels.


def test_a_rise_since_the_year_began_is_no_base_of_a_rate_year_on_year() -> None:
    assert_quiet("截至6月末，金融机构各项存款余额612.5亿元，比年初增加26.2亿元，同比增长9.8%。",
                 "截至6月末，各项存款余额612.5亿元，同比增加54.6亿元，同比增长9.8%。")


def test_a_rise_and_a_rate_of_one_base_are_still_paired() -> None:
    assert_raises(["growth_levels"],
                  "截至6月末，金融机构各项存款余额612.5亿元，比年初增加26.2亿元，比年初增长9.8%。",
                  "年末金融机构各项存款余额586.3亿元，比年初增加52.6亿元，增长12.5%。")


# After a semicolon, an item without the end all the parts share (用水), nor one of the whole's, is another measure.


def test_another_measure_after_a_semicolon_ends_the_list() -> None:
    text = "全年供水总量3860万立方米，其中生活用水1650万立方米，工业用水{}万立方米；售水量3280万立方米。"
    assert_caught(text.format("1520"), text.format("2520"), ["parts_total"])


# An item after a semicolon opening a 其中 of its own, holding nothing of the whole's head noun, is the next whole.


def test_an_item_with_a_list_of_its_own_is_the_next_whole() -> None:
    text = "全县实有耕地98.6万亩，其中水田42.3万亩；粮食播种面积86.5万亩，其中水稻播种面积{}万亩；复种指数1.68。"
    assert_caught(text.format("52.6"), text.format("92.6"), ["part_exceeds_whole"])


def test_a_part_with_a_note_of_its_own_stays_a_part() -> None:
    # Look-alikes: 小学 holds 学 of 学校; a parenthesised 其中 is a note on the part.
    text = "全县有学校218所。其中，普通高中6所；初中28所；小学{}所，其中寄宿制小学20所；幼儿园95所（其中公办幼儿园41所）。"
    assert_caught(text.format("89"), text.format("99"), ["parts_total"])
    assert _errors("全县实有耕地98.6万亩，其中水田42.3万亩；旱地76.3万亩。") == ["parts_total"]


# 民生支出…，占一般公共预算支出的79.4%，其中教育支出…，占18.8%: after the whole's own share of a named base, a bare 占 of
# its part may be of either.


def test_a_bare_share_after_the_wholes_share_of_a_named_base_is_not_guessed() -> None:
    assert_caught("全年全县民生支出78.35亿元，占一般公共预算支出的79.4%，其中教育支出18.56亿元，占18.8%。",
                  "全年全县民生支出78.35亿元，增长5.2%，其中教育支出18.56亿元，占28.8%。", ["share_levels"])
    assert _errors("全年全县民生支出78.35亿元，增长5.2%，其中教育支出18.56亿元，占23.7%。") == []


# 其中一季度…，上半年…，前三季度…: parts of months that overlap are running totals, never added up.


def test_running_totals_by_period_are_not_added_up() -> None:
    assert_quiet("全年新增城镇就业6850人，其中一季度1560人，上半年3680人，前三季度5320人。",
                 "全年完成地区生产总值385.6亿元。分季度看，一季度88.6亿元，上半年186.3亿元，前三季度285.2亿元。")
    assert _errors("全年新增城镇就业6850人，其中一季度1560人，上半年7680人，前三季度5320人。") == ["part_exceeds_whole"]


def test_quarters_side_by_side_are_added_up() -> None:
    text = "全年规上工业实现产值568.3亿元，其中一季度128.6亿元，二季度142.3亿元，三季度146.8亿元，四季度{}亿元。"
    assert_caught(text.format("150.6"), text.format("160.6"), ["parts_total"])


# 其中男性…，女性…；其中，执业医师…: a 其中 after a semicolon may be of the list's whole as well as of its last part.


def test_a_second_list_after_a_semicolon_is_of_no_guessed_whole() -> None:
    assert _errors("全县有卫生技术人员4852人，其中男性1526人，女性3326人；其中，执业（助理）医师1953人，注册护士2106人。") == []


# 签约项目…，其中工业项目…；开工项目…，其中工业项目…: lists alike side by side, not one inside the other.


def test_lists_alike_side_by_side_are_not_nested() -> None:
    text = "全年全县签约项目86个，其中工业项目52个；开工项目68个，其中工业项目{}个；竣工项目35个，其中工业项目22个。"
    assert_caught(text.format("41"), text.format("71"), ["part_exceeds_whole"])


# 户均, 亩均, 每亩: figures per household or per mu are averages, no whole of a sum.


def test_a_figure_per_mu_is_no_whole() -> None:
    assert _errors("全年全县实施高标准农田建设5.2万亩，总投资1.04亿元，亩均投入2000元。其中，中央资金0.62亿元，省级资金0.26亿元，"
                   "县级资金0.16亿元。") == []


# 其中县本级支出…，乡镇支出…；民生支出…: once the parts add up to the whole, an item after a semicolon is the next statement.


def test_an_item_after_a_list_that_filled_its_whole_is_no_part() -> None:
    assert_quiet("全年一般公共预算支出98.72亿元，其中县本级支出82.5亿元，乡镇支出16.22亿元；民生支出78.35亿元，占79.4%。",
                 "全年债务还本支出7.7亿元，其中一般债务还本支出4.5亿元，专项债务还本支出3.2亿元；债务付息支出5.86亿元。")
    assert _errors("全年一般公共预算支出98.72亿元，其中县本级支出82.5亿元，乡镇支出16.22亿元；民生支出78.35亿元，"
                   "占89.4%。") == ["share_levels"]


def test_a_list_short_of_its_whole_goes_on_after_a_semicolon() -> None:
    # Look-alikes: 82.5 + 6.22 is short of 98.72, so the item after the semicolon is one more part; 82.5 + 26.22 overshoots.
    assert_raises(["parts_total"],
                  "全年一般公共预算支出98.72亿元，其中县本级支出82.5亿元，乡镇支出6.22亿元；教育支出26.22亿元。",
                  "全年一般公共预算支出98.72亿元，其中县本级支出82.5亿元，乡镇支出26.22亿元；民生支出78.35亿元。")


def test_cases_closed_after_the_cases_by_kind_are_no_kind() -> None:
    text = "全年共办理各类案件2568件，其中刑事案件568件，民事案件{}件，行政案件350件；结案2486件，结案率96.8%。"
    assert_caught(text.format("1650"), text.format("1750"), ["parts_total"])


def test_a_scheme_after_a_run_of_schemes_is_of_the_one_it_names() -> None:
    text = ("年末全县参加基本养老保险人数41.0万人，参加基本医疗保险人数52.8万人，参加失业保险人数6.85万人；其中，"
            "参加城镇职工基本养老保险{}万人。")
    assert_caught(text.format("12.35"), text.format("42.35"), ["part_exceeds_whole"])


# 预算收入596.86亿元，执行中完成612.38亿元，为预算的102.6%。其中，…: the parts after the budget and what was done are of what
# was done; the budget is the same account's plan, no other item 其中 could be about (found at the merge with the
# twenty-fifth pass, on set I).
_DONE_AFTER_BUDGET = "全市社会保险基金预算收入596.86亿元，执行中完成612.38亿元，为预算的102.6%。其中，企业职工基本养老保险基金收入{}亿元，城乡居民基本养老保险基金收入254.17亿元。"


def test_parts_after_a_budget_and_what_was_done_are_of_what_was_done() -> None:
    assert_caught(_DONE_AFTER_BUDGET.format("358.21"), _DONE_AFTER_BUDGET.format("378.21"), ["parts_total"])
