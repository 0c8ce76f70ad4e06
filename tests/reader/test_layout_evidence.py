"""Lines a layout cut at uneven widths (a post, a hand-copied PDF) are joined on what the text itself says: a number
cut at a line end, a line that stops inside a sentence, a line the next one goes on from. Invented passages."""

from __future__ import annotations

from devplan.reader import audit_text
from devplan.reader.segments import LayoutParagraphs, split_lines
from tests.reader.shapes import errors


def paragraphs(text: str) -> list[str]:
    return [paragraph for _, paragraph in LayoutParagraphs(split_lines(text))]


def test_a_ratio_cut_at_a_line_end_is_read_whole() -> None:
    true = (
        "五年来全区发展取得新成效。\n"
        "全区地区生产总值由2019年的96.2亿元增加到2024年的131.5亿元，三次产业结构由2019年的12.5:41.3\n"
        ":46.2调整为2024年的10.4:42.8:46.8。\n"
    )
    assert "structure_ratio_sum" not in errors(true)
    assert "structure_ratio_sum" in errors(true.replace(":46.2", ":48.2"))


def test_a_number_cut_between_its_digits_or_before_its_unit_goes_on() -> None:
    text = "上半年全区经济运行稳中有进。\n全区一般公共预算收入完成12\n.46亿元，同比增长4.3%，税收收入8.35亿\n元，增长3.1%，占比为67.1%。\n"
    assert (
        paragraphs(text)[1]
        == "全区一般公共预算收入完成12.46亿元，同比增长4.3%，税收收入8.35亿元，增长3.1%，占比为67.1%。"
    )
    income = next(fact for fact in audit_text(text).facts if fact.unit == "亿元")
    assert str(income.value) == "12.46"


def test_a_row_of_cells_ending_on_a_number_stays_a_row() -> None:
    text = "指标名称 单位 目标 完成\n地区生产总值 亿元 120.0 121.6\n固定资产投资 亿元 80.0 78.2\n"
    assert paragraphs(text) == text.splitlines()


def test_a_short_excerpt_of_uneven_widths_reads_as_the_whole_one() -> None:
    whole = "全镇一般公共预算收入完成3.46亿元，同比增长5.2%，其中税收收入2.41亿元，占69.7%；全镇固定资产投资完成86.4亿元，增长7.5%。\n"
    wrapped = "全镇一般公共预算收入完成3.46亿元，同比增长5.2%，其中\n税收收入2.41亿元，占69.7%；全镇固定资产投资完成86.4亿\n元，增长7.5%。\n"
    assert paragraphs(wrapped) == [whole.rstrip("\n")]
    read = [(str(f.value), f.unit, f.subject) for f in audit_text(wrapped).facts]
    assert read == [(str(f.value), f.unit, f.subject) for f in audit_text(whole, layout=False).facts]


def test_prose_left_open_goes_on_but_a_title_does_not() -> None:
    text = (
        "某某镇2024年经济运行情况\n"
        "今年以来，全镇上下坚持稳中求进工作总基调，经济运行总体平稳。初步核算，全镇地\n"
        "区生产总值完成38.6亿元，同比增长5.9%。\n"
    )
    assert paragraphs(text) == [
        "某某镇2024年经济运行情况",
        "今年以来，全镇上下坚持稳中求进工作总基调，经济运行总体平稳。初步核算，全镇地区生产总值完成38.6亿元，同比增长5.9%。",
    ]


def test_a_heading_with_a_comma_stays_apart_from_its_text() -> None:
    text = (
        "（二）坚持创新驱动发展，加快建设现代化产业体系\n"
        "全镇规模以上工业增加值增长8.1%，高新技术企业达到26家。\n"
        "（三）坚持教育优先发展、科技自立自强、人才引领驱动，加快构建全\n"
        "过程创新生态链，打造高水平人才高地\n"
        "推进基础教育优质均衡发展，新增学位1200个。\n"
    )
    result = paragraphs(text)
    assert result[:2] == text.splitlines()[:2]
    assert result[-1] == "推进基础教育优质均衡发展，新增学位1200个。"


def test_a_bare_share_after_the_whole_s_own_bare_share_is_not_guessed() -> None:
    # The 65岁 share is of 常住人口 (8.16 / 41.2), as the 60岁 one before it; of the 60岁 group it would be 70.6 %.
    text = "年末全镇常住人口41.2万人。全镇常住人口中60周岁及以上人口11.56万人，占28.1%，其中65周岁及以上人口8.16万人，占19.8%。\n"
    assert "share_levels" not in errors(text)


def test_a_space_inside_the_whole_part_of_a_decimal_stays_inside_the_number() -> None:
    true = "全年规模以上工业企业实现营业收入31 8.5亿元，利润总额19.11亿元，营业收入利润率为6.0%。\n"
    (revenue,) = [fact for fact in audit_text(true).facts if fact.text.endswith("31 8.5亿元")]
    assert str(revenue.value) == "318.5"
    assert "rate" not in " ".join(errors(true))
    assert errors(true.replace("6.0%", "7.0%"))
    assert str(audit_text("表1 2.5亿元以上项目名单\n").facts[0].value) == "2.5"


def test_a_dash_item_holding_a_sentence_end_is_prose_and_goes_on() -> None:
    text = (
        "——创新动能持续增强。全区高新技术企业由41家增加到77家，净增\n"
        "36家；科技型中小企业达到152家。\n"
        "——城乡面貌深刻变化。常住人口城镇化率由48.5%提高到53.1%，提高\n"
        "4.6个百分点。\n"
    )
    assert paragraphs(text) == [
        "——创新动能持续增强。全区高新技术企业由41家增加到77家，净增36家；科技型中小企业达到152家。",
        "——城乡面貌深刻变化。常住人口城镇化率由48.5%提高到53.1%，提高4.6个百分点。",
    ]
    assert "difference" not in " ".join(errors(text))


def test_the_first_paragraph_after_a_short_heading_goes_on() -> None:
    text = "一、2024年计划执行情况\n2024年，面对复杂多变的外部环境，全区上下坚持稳中求进工作总基\n调，经济运行总体平稳。\n"
    assert paragraphs(text) == [
        "一、2024年计划执行情况",
        "2024年，面对复杂多变的外部环境，全区上下坚持稳中求进工作总基调，经济运行总体平稳。",
    ]


def test_prose_with_spaces_around_its_numbers_is_no_row() -> None:
    text = "——城镇化率由 48.5%提高到 53.1%;城乡居民人均可支配收入年均增长 8.8%和\n10.2%;民生支出占比由 76.5%提高到 80.3%。\n"
    assert len(paragraphs(text)) == 1


def test_a_size_class_between_two_bounds_is_no_part_of_the_list() -> None:
    text = "全年新签约项目48个，签约总额126.5亿元。其中，10亿元以上项目4个，5亿至10亿元项目7个。签约项目中，已开工建设30个，开工率62.5%。\n"
    assert "rate" not in " ".join(errors(text)) and "share_levels" not in errors(text)
    assert "share_levels" in errors(text.replace("62.5%", "68.5%"))
