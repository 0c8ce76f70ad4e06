"""Sentences to facts: the constructions of plan reports."""

from __future__ import annotations

from devplan.reader import extract_facts


def _one(text: str, **where: object) -> list[tuple[object, ...]]:
    return [(f.subject, f.measure, float(f.value), f.unit) for f in extract_facts(text) if all(getattr(f, k) == v for k, v in where.items())]


def test_respectively_gives_one_fact_per_subject() -> None:
    facts = extract_facts("2023年,工业、服务业投资分别增长9.3%、10.5%。")
    assert [(f.subject, float(f.value)) for f in facts] == [("工业投资", 9.3), ("服务业投资", 10.5)]


def test_city_and_countryside_split() -> None:
    facts = extract_facts("城乡居民人均可支配收入分别增长5.5%、6.8%。")
    assert [f.indicator for f in facts] == ["urban_disposable_income", "rural_disposable_income"]


def test_parts_point_at_their_whole() -> None:
    facts = extract_facts("全年争取资金10亿元,其中专项债券6亿元、一般债券4亿元。")
    assert [f.whole for f in facts] == [None, 0, 0]


def test_a_semicolon_ends_a_list_when_the_next_item_is_of_another_kind() -> None:
    facts = extract_facts("争取资金10亿元,其中专项债券6亿元;审核项目20个,申请贷款26亿元。")
    assert [f.whole for f in facts] == [None, 0, None, None]


def test_signed_growth_and_points() -> None:
    facts = extract_facts("2023年,全县税收收入下降4.2%,占比回落1.3个百分点,亏损企业减少12家。")
    assert [(f.measure, float(f.value), f.unit) for f in facts] == [
        ("growth", -4.2, "%"), ("change", -1.3, "个百分点"), ("change", -12.0, "家"),
    ]


def test_raised_to_is_a_level_not_a_growth() -> None:
    (fact,) = extract_facts("2023年,常住人口城镇化率提高到58.2%。")
    assert (fact.measure, fact.indicator) == ("actual", "urbanisation_rate")


def test_ranks() -> None:
    facts = extract_facts("2023年,全县地区生产总值增速居全省第4位,排湘潭市第一。")
    assert [(f.measure, float(f.value), f.unit) for f in facts] == [("rank", 4.0, None), ("rank", 1.0, None)]


def test_qualifiers() -> None:
    facts = extract_facts("2023年,全县实现销售额20多亿元,举办活动近30场,信息50余条,生猪存栏70万头以上。")
    assert [f.qualifier for f in facts] == ["多", "近", "余", "以上"]


def test_estimates_follow_their_marker() -> None:
    facts = extract_facts("2023年,全县地区生产总值预计完成350亿元,同比增长5%。")
    assert [f.measure for f in facts] == ["estimate", "estimate"]


def test_noise_numbers_are_not_facts() -> None:
    text = "认真执行第九届人大二次会议精神,推进“十四五”规划和《三年行动方案(2023—2025年)》,建设5G基站,落实“三个一”。"
    assert extract_facts(text) == []


def test_a_plan_section_makes_goals_targets_but_project_lists_not() -> None:
    text = "一、2023年工作回顾\n略。\n二、2024年计划安排\n新增规上企业20家以上,计划实施重点项目50个,总投资300亿元。"
    facts = extract_facts(text)
    assert [(f.measure, f.period_label()) for f in facts] == [
        ("target", "2024-01/2024-12"), ("actual", "2024-01/2024-12"), ("actual", "2024-01/2024-12"),
    ]


def test_offsets_slice_the_original_text_with_full_width_forms() -> None:
    text = "２０２３年，全县完成投资１２．５亿元（调整后）。"
    (fact,) = extract_facts(text)
    assert text[fact.start : fact.end] == fact.text
    assert fact.adjusted and float(fact.value) == 12.5
