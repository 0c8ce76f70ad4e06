"""The thirty-second pass (docs/audit.md): the misses of the outside sets C to J read by root cause, and the three
causes fixed where they arise — months that open a paragraph, an amount carried past a sentence that only counts,
and the two terms of a merged-pair ratio stated in the sentence before it. Invented sentences of the same shapes."""

from __future__ import annotations

from devplan.reader import extract_facts
from tests.reader.shapes import assert_caught, assert_quiet, errors
from tests.reader.shapes import fact_ending as fact

# 1—9月，…。民间投资21.3亿元，占…的比重为40.6%: months a sentence opens with are the paragraph's, for the figures of its
# later sentences that name none.

_OPENED = "1—9月，全县完成固定资产投资52.4亿元，增长6.1%。民间投资21.3亿元，占固定资产投资的比重为{}%。"


def test_months_opening_a_paragraph_hold_for_its_later_sentences() -> None:
    facts = extract_facts(_OPENED.format("40.6"))
    assert (fact(facts, "21.3亿元").period.first, fact(facts, "21.3亿元").period.last) == (1, 9)
    assert_caught(_OPENED.format("40.6"), _OPENED.format("46.6"), ["share_levels"])


def test_months_end_with_the_paragraph() -> None:
    # Look-alike: the next paragraph is not of the months unless it says so; nothing is paired across the periods.
    text = "1—9月，全县完成固定资产投资52.4亿元，增长6.1%。\n民间投资21.3亿元，占固定资产投资的比重为46.6%。"
    assert fact(extract_facts(text), "21.3亿元").period.last == 12
    assert errors(text) == []


def test_a_sentence_naming_its_own_months_keeps_them() -> None:
    facts = extract_facts("1—9月，全县完成固定资产投资52.4亿元。全年民间投资预计30.0亿元，上半年完成15.2亿元。")
    assert fact(facts, "15.2亿元").period.last == 6


def test_a_part_of_the_months_does_not_become_the_paragraphs() -> None:
    # 其中，1—8月…，9月当月…: the months of a part (a 其中 sentence) leave the paragraph's months as they were.
    facts = extract_facts("1—9月，全县社会消费品零售总额86.4亿元。其中，1—8月累计76.1亿元，9月当月10.3亿元。"
                          "限额以上单位消费品零售额32.5亿元。")
    assert fact(facts, "32.5亿元").period.last == 9


# 累计完成投资84.2亿元…。新开工项目已开工52个…。分类别看，…完成投资…: the amount carries past one sentence that only counts.

_PAST_COUNTS = ("1—10月，重点项目累计完成投资84.2亿元，完成年度计划的85.9%。新开工项目已开工52个，开工率85.2%。"
                "分类别看，产业项目完成投资41.2亿元，基础设施项目完成投资{}亿元，社会民生项目完成投资15.4亿元。")


def test_parts_by_an_aspect_of_the_amount_before_a_sentence_of_counts() -> None:
    assert_caught(_PAST_COUNTS.format("27.6"), _PAST_COUNTS.format("37.6"), ["parts_total"])


def test_the_amount_carries_one_sentence_only() -> None:
    # Look-alike: two sentences of counts between; what the parts are of is no longer said.
    assert_quiet("1—10月，重点项目累计完成投资84.2亿元，完成年度计划的85.9%。新开工项目已开工52个，开工率85.2%。"
                 "竣工项目18个，竣工率60.0%。分类别看，产业项目完成投资41.2亿元，基础设施项目完成投资37.6亿元，"
                 "社会民生项目完成投资15.4亿元。")


# 从项目类型看: parts by the type of project, of the amount before (as 分类别看).

_BY_TYPE = ("截至9月底，重点项目累计完成投资48.6亿元，完成年度计划的77.8%。\n"
            "从项目类型看，续建项目26个，完成投资{}亿元；新开工项目34个，完成投资19.3亿元。")


def test_parts_by_the_type_of_project() -> None:
    assert_caught(_BY_TYPE.format("29.3"), _BY_TYPE.format("39.3"), ["parts_total"])


# …农村居民人均可支配收入20500元，增长6.5%。城乡居民收入比为2.11: the two incomes in the sentence before the ratio.

_RATIO_AFTER = ("城镇居民人均可支配收入43200元，增长4.6%；农村居民人均可支配收入20500元，增长6.5%。"
                "城乡居民收入比为{}，比上年缩小0.04。")


def test_a_pair_ratio_of_the_two_levels_in_the_sentence_before() -> None:
    assert_caught(_RATIO_AFTER.format("2.11"), _RATIO_AFTER.format("2.31"), ["share_levels"])


def test_a_pair_ratio_is_left_when_the_sentence_before_names_one_twice() -> None:
    # Look-alike: the urban income of two years (由…增至…); which one the ratio is of is not guessed.
    assert_quiet("城镇居民人均可支配收入由38200元增至43200元，农村居民人均可支配收入20500元。城乡居民收入比为2.31。")


def test_a_pair_ratio_inside_a_sentence_is_read_as_before() -> None:
    # The ratio after other figures of its sentence takes its terms from that sentence alone.
    assert_quiet("农村居民人均可支配收入20500元。城镇居民人均可支配收入43200元，城乡居民收入比为2.31。")


# …经费支出236.8亿元，…，相当于全市地区生产总值的2.71%: a share of the whole named after 相当于, the figure before its part.

_AS_MUCH_AS = ("全年全市地区生产总值6420.5亿元，增长5.1%。\n"
               "全年研究与试验发展经费支出158.3亿元，增长9.4%，相当于全市地区生产总值的{}%。")


def test_a_share_said_as_much_as_a_whole() -> None:
    facts = extract_facts(_AS_MUCH_AS.format("2.47"))
    share = fact(facts, "2.47%")
    assert (share.kind, share.share_of) == ("share", "全市地区生产总值")
    assert (share.subject or "").endswith("经费支出")
    assert_caught(_AS_MUCH_AS.format("2.47"), _AS_MUCH_AS.format("2.87"), ["share_levels"])


def test_as_much_as_a_whole_not_stated_is_left() -> None:
    # Look-alike: 去年同期 states no figure here; nothing is checked.
    assert errors("全年研究与试验发展经费支出158.3亿元，相当于去年同期的108.2%。") == []
