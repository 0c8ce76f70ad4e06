"""Set H of trial t19h: its missed rates, each as a rule of the reader's grammar with invented sentences of the same
shape — the true sentence quiet, a planted error caught, and a look-alike that must stay quiet."""

from __future__ import annotations

from devplan.reader import audit_text
from tests.reader.shapes import assert_caught, assert_quiet
from tests.reader.shapes import errors as _errors

# A state's count naming its things before the verb (新建项目已投产12个) is of the part of a list stated further back
# for the year under those words; the things named are the whole even when they are named by a stage themselves.


def test_a_state_count_of_a_part_listed_sentences_before() -> None:
    text = ("2026年，全县安排重点项目60个。其中，新建项目40个，续建项目20个。\n截至9月底，完成投资50.0亿元。"
            "新建项目已投产{}个，投产率30.0%；续建项目已竣工5个，竣工率25.0%。")
    assert_caught(text.format("12"), text.format("16"), ["share_levels"])


def test_a_stage_named_by_its_own_stage_is_its_whole() -> None:
    text = "2026年，全县安排重点项目50个，其中新开工项目25个、续建项目25个。\n新开工项目已开工{}个，开工率80.0%。"
    assert_caught(text.format("20"), text.format("22"), ["share_levels"])


def test_a_state_count_naming_no_listed_things_is_not_paired() -> None:
    # Look-alike: 技改项目 is no part listed before; of what the rate is, is not said.
    assert_quiet("2026年，全县安排重点项目60个。其中，新建项目40个，续建项目20个。\n技改项目已投产12个，投产率50.0%。")


# The year's plan and the months done in the same sentence (全年计划新建项目40个，上半年已开工30个，开工率75.0%).


def test_a_rate_of_the_months_over_the_years_plan() -> None:
    text = "2026年全县计划新建项目40个，上半年已开工{}个，开工率75.0%。"
    assert_caught(text.format("30"), text.format("34"), ["share_levels"])


def test_a_count_of_another_year_is_no_plan_of_these_months() -> None:
    # Look-alike: last year's count is not what this half year's starts are over.
    assert _errors("2025年全县新建项目40个，2026年上半年已开工34个，开工率75.0%。") == []


# 按…N计算，X率P%: the rate is the figure before that clause, named by the rate's verb, over the clause's figure.


def test_a_rate_counted_on_the_people_named() -> None:
    text = "全区累计建档立卡随访{}万人，按辖区慢病患者5.00万人计算，随访率80.0%。"
    assert_caught(text.format("4.00"), text.format("4.40"), ["share_levels"])


def test_a_rate_counted_on_people_of_another_verb_is_not_paired() -> None:
    # Look-alike: 覆盖率 is no verb of the figure before; what it covers is not said.
    assert _errors("全区累计建档立卡随访4.40万人，按辖区慢病患者5.00万人计算，覆盖率80.0%。") == []


# The things due a verb (应参保人数) beside those it was done for (参保人数): the rate of the verb is one over the other.


def test_a_rate_over_the_things_due() -> None:
    text = "全市失业保险参保人数{}万人，应参保人数50.0万人，参保率90.0%。"
    assert_caught(text.format("45.0"), text.format("47.0"), ["share_levels"])
    text = "全市应征兵员1200人，实际征集{}人，征集率95.0%。"
    assert_caught(text.format("1140"), text.format("1180"), ["share_levels"])


def test_things_not_done_beside_the_due_are_not_paired() -> None:
    # Look-alike: the people not insured are not those the rate is of.
    assert _errors("全市未参保人数5.0万人，应参保人数50.0万人，参保率92.0%。") == []


# A share's whole said with its scope short (规上 for 规模以上) is the level so spelled out in its sentence or the one before,
# when every level so named there says the same.


def test_a_whole_said_with_its_scope_short() -> None:
    text = "全年实现规模以上工业总产值800.0亿元，同比增长6.0%。四大主导产业实现产值600.0亿元，占规上工业总产值的{}%。"
    assert_caught(text.format("75.0"), text.format("70.0"), ["share_levels"])


def test_a_scope_short_beside_two_levels_so_named_is_not_paired() -> None:
    # Look-alike: the park's and the county's 规模以上工业总产值 both stand before; which is meant is not guessed.
    assert_quiet("园区实现规模以上工业总产值400.0亿元，占全县规模以上工业总产值（800.0亿元）的50.0%。"
                 "园区高新技术产业产值200.0亿元，占规上工业总产值的比重为50.0%。")


# 其中税收收入…、非税收入…，税收占比…: a share naming no whole, after a list, is of the one listed part its words open.


def test_a_bare_share_of_the_listed_part_its_words_open() -> None:
    text = "全区一般公共预算收入40.00亿元，其中税收收入30.00亿元、非税收入10.00亿元，税收占比{}%。"
    assert_caught(text.format("75.0"), text.format("70.0"), ["share_levels"])


def test_a_bare_share_naming_two_listed_parts_is_not_paired() -> None:
    # Look-alike: 工业 opens two parts' names; which one the share is of is not said.
    assert_quiet("全区完成投资40.00亿元，其中工业投资20.00亿元、工业技改投资8.00亿元、其他投资12.00亿元，工业占比40.0%。")


# 计划改造…N，实际完成M，完成年度计划的P%: a clause opening with the plan and its work, then what was done.


def test_a_plan_opening_its_clause_then_what_was_done() -> None:
    text = "计划新建村级卫生室50个，实际完成{}个，完成年度计划的110.0%，服务群众2.1万人。"
    assert_caught(text.format("55"), text.format("60"), ["completion_level_target"])


def test_a_plan_not_opening_its_clause_is_not_read_as_one() -> None:
    # Look-alike: the 50 are villages the plan covers, said inside the clause; what the 110.0% is of is not said.
    assert _errors("全县纳入计划的村50个，实际完成60个，完成年度计划的110.0%。") == []


# A plan stated in parentheses after its name, its year or a few words before the figure (规划目标（五年累计600亿元）,
# 规划目标值（2025年20000元）), then 的 and the completion; a total listed by years is what was done, not its last year.


def test_a_plan_in_parentheses_after_words_of_its_own() -> None:
    text = ("四年累计完成交通投资{}亿元，其中2022年100.0亿元、2023年110.0亿元、2024年120.0亿元、2025年150.0亿元，"
            "完成规划目标（五年累计600亿元）的80.0%。")
    assert_caught(text.format("480.0"),
                  text.format("420.0").replace("2025年150.0", "2025年90.0"), ["completion_level_target"])


def test_a_plan_in_parentheses_after_its_year() -> None:
    text = "城镇居民人均可支配收入达到{}元，已达到规划目标值（2025年50000元）的90.0%。"
    assert_caught(text.format("45000"), text.format("42000"), ["completion_level_target"])


def test_a_year_in_parentheses_is_no_plan() -> None:
    # Look-alike: the figure in parentheses is a count of another thing, not the plan the percentage is of.
    assert _errors("全县累计完成投资90.0亿元，达到规划目标（2025年新建项目30个）的75.0%。") == []


# 由A增至B，是2020年的N倍: right after a level risen to, a multiple of a year is of the level it rose from, its year unsaid.


def test_a_multiple_of_the_year_risen_from() -> None:
    text = "全县省级专精特新企业由40家增至{}家，是2020年的2.5倍。"
    assert_caught(text.format("100"), text.format("120"), ["growth_levels"])


def test_a_multiple_of_output_risen_to_is_not_paired() -> None:
    # Look-alike: output over years may be put at comparable prices, said or not.
    assert _errors("全县地区生产总值由200亿元增至300亿元，是2020年的1.8倍。") == []


# 较序时进度（N%）快M个百分点, 比年度目标（N%）高M个百分点: the gap between the rate right before and the one in parentheses.


def test_a_gap_to_the_schedule_in_parentheses() -> None:
    text = "全县重点项目累计完成投资90.0亿元，完成年度计划的75.0%，较序时进度（66.7%）快{}个百分点。"
    assert_caught(text.format("8.3"), text.format("9.3"), ["point_gap"])


def test_a_gap_to_the_plan_in_parentheses() -> None:
    text = "全县适龄儿童疫苗接种率96.5%，比年度目标（95%）高{}个百分点。"
    assert_caught(text.format("1.5"), text.format("2.5"), ["point_gap"])


def test_a_gap_to_a_bound_of_the_plan_is_not_paired() -> None:
    # Look-alike: a plan of 95% or more is no single rate to measure a gap from.
    assert _errors("全县适龄儿童疫苗接种率96.5%，比年度目标（95%以上）高2.5个百分点。") == []


# A budget's 支出合计 (收入合计) is its 支出总计, and 年终结转结余 after 收支相抵 is the year-end balance.


def test_a_spending_total_said_with_heji() -> None:
    text = "一般公共预算支出40.00亿元，为预算42.00亿元的95.2%。加上解支出1.00亿元、债务还本支出{}亿元，支出合计43.00亿元。"
    assert_caught(text.format("2.00"), text.format("2.50"), ["parts_total"])


def test_a_balance_carried_at_the_years_end() -> None:
    text = ("一般公共预算收入20.00亿元。加上级补助收入25.00亿元，收入总计45.00亿元。\n"
            "一般公共预算支出40.00亿元。加上解支出3.00亿元，支出合计43.00亿元。收支相抵，年终结转结余{}亿元。")
    assert_caught(text.format("2.00"), text.format("2.40"), ["parts_total"])


def test_a_total_said_with_heji_without_adding_is_not_summed() -> None:
    # Look-alike: no 加 before the figures, so they are not what the total adds up.
    assert _errors("一般公共预算支出40.00亿元，上解支出1.00亿元，支出合计45.00亿元。") == []


# A goal of keeping pace is said with 与…同步; work done alongside (同步新建停车位) says nothing of the goal.


def test_work_done_alongside_is_no_goal_of_keeping_pace() -> None:
    alongside = audit_text("全年完成农村危房改造120户，完成年度计划的100.0%，同步新建停车位30个。").findings
    assert not any("同步" in f.message for f in alongside)
    in_step = audit_text("城乡居民人均可支配收入增长5.5%，完成年度目标的100%，与经济增长同步。").findings
    assert any("与经济增长同步" in f.message for f in in_step)
