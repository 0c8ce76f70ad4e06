"""Plain text whose lines a layout wrapped (copied out of a PDF or a web post) reads as the paragraphs it was."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from devplan.reader import audit_file, audit_text
from devplan.reader.audit import AuditResult, audit_lines
from devplan.reader.segments import LayoutParagraphs, split_lines, unwrapped
from tests.reader.conftest import SEED, SHARED, need

# Invented report text: a title, a heading, paragraphs of figures and a list whose parts add up.
REPORT = """某某县2023年政府工作报告
各位代表：
现在，我代表县人民政府，向大会报告工作，请予审议，并请县政协委员和其他列席人员提出意见。
一、过去一年的工作回顾
2022年，全县地区生产总值达到186.4亿元，增长6.5%；一般公共预算收入12.5亿元，增长8.2%，占全县财政总收入的比重为62.5%。全县固定资产投资完成95.6亿元，其中工业投资40.2亿元、基础设施投资30.1亿元、民生投资25.3亿元。
城镇居民人均可支配收入达到38560元，增长5.8%；农村居民人均可支配收入达到19870元，增长7.1%。全年新增城镇就业4200人，完成年度目标的105%。
二、2023年主要目标
地区生产总值增长6.5%左右，一般公共预算收入增长7%，固定资产投资增长10%以上，城乡居民人均可支配收入分别增长6%和7%。
"""

FULL_WIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")


def wrap(text: str, width: int, full_width: bool = False, page_every: int = 0, header: str = "") -> str:
    """Cut every line at `width` characters, as a layout would; a page number (and header) every `page_every` lines."""
    out: list[str] = []
    page = 1
    for line in text.splitlines():
        for start in range(0, max(len(line), 1), width):
            piece = line[start : start + width]
            out.append(piece.translate(FULL_WIDTH) if full_width else piece)
            if page_every and len(out) % page_every == 0:
                out.extend([f"— {page} —", header] if header else [f"— {page} —"])
                page += 1
    return "\n".join(out) + "\n"


def read(result: AuditResult) -> tuple[Counter[tuple[str, ...]], Counter[tuple[str, ...]]]:
    facts = Counter((str(f.value), str(f.unit), str(f.subject), str(f.period)) for f in result.facts)
    findings = Counter((f.check, f.severity, f.message) for f in result.findings)
    return facts, findings


# Lines of one width before the lines a test looks at: what the width of the layout is read from.
LEAD = "全县新建高标准农田3万亩，改造提升中低产田2万亩，新增城\n镇就业4200人，完成年度目标的105%。\n"


def paragraphs_of(text: str) -> list[str]:
    return [paragraph for offset, paragraph in LayoutParagraphs(split_lines(LEAD + text)) if offset >= len(LEAD)]


def test_a_wrapped_report_reads_as_the_unwrapped_one() -> None:
    expected = read(audit_text(REPORT))
    assert expected[0]
    for width in (30, 33, 37, 40):
        assert read(audit_text(wrap(REPORT, width))) == expected, width


def test_full_width_digits_page_numbers_and_a_running_header_change_nothing() -> None:
    expected = read(audit_text(REPORT))
    wrapped = wrap(REPORT, 32, full_width=True, page_every=5, header="某某县2023年政府工作报告")
    assert "— 1 —" in wrapped
    assert read(audit_text(wrapped)) == expected


def test_fact_offsets_index_the_given_text() -> None:
    wrapped = wrap(REPORT, 31)
    result = audit_text(wrapped)
    assert any("\n" in wrapped[f.start : f.end] for f in result.facts)
    for fact in result.facts:
        # The text a fact's offsets slice, line breaks included; its words on one line for a listing.
        assert wrapped[fact.start : fact.end] == fact.text
        assert unwrapped(fact.text) == fact.text.replace("\n", "")


def test_a_number_cut_between_its_digits_is_one_number() -> None:
    text = LEAD + "全年全县实现的地区生产总值达到了人民币共计为18\n6.4亿元，增长6.5%。\n"
    level = next(fact for fact in audit_text(text).facts if fact.unit == "亿元")
    assert str(level.value) == "186.4"
    assert text[level.start : level.end].endswith("18\n6.4亿元")


def test_lines_that_are_paragraphs_stay_paragraphs() -> None:
    lines = split_lines(REPORT)
    assert [paragraph for _, paragraph in LayoutParagraphs(lines)] == [line.rstrip("\n") for line in lines]


def test_a_heading_without_an_end_mark_is_not_joined_to_its_text() -> None:
    text = (
        "全县地区生产总值达到186.4亿元，增长6.5%，一般公共\n"
        "预算收入12.5亿元。\n"
        "二、2023年经济社会发展主要目标\n"
        "地区生产总值增长6.5%左右，一般公共预算收入增长7%。\n"
    )
    assert paragraphs_of(text) == [
        "全县地区生产总值达到186.4亿元，增长6.5%，一般公共预算收入12.5亿元。",
        "二、2023年经济社会发展主要目标",
        "地区生产总值增长6.5%左右，一般公共预算收入增长7%。",
    ]


def test_blank_lines_and_indents_end_a_paragraph() -> None:
    text = "全县新建高标准农田3万亩，改造提升中低产田和坡耕地\n\n全县新增城镇就业4200人。\n　　全县新增城镇就业4200人，增长\n　　5%。\n"
    paragraphs = paragraphs_of(text)
    assert paragraphs[0] == "全县新建高标准农田3万亩，改造提升中低产田和坡耕地"
    assert "　　5%。" in paragraphs


def test_a_page_number_between_two_lines_of_a_sentence_is_dropped(tmp_path: Path) -> None:
    text = LEAD + "年度目标。全县地区生产总值达到186.4亿元，增长\n\n— 12 —\n\n6.5%，一般公共预算收入12.5亿元。\n"
    paragraphs = [paragraph for _, paragraph in LayoutParagraphs(split_lines(text))]
    assert paragraphs[-1] == "年度目标。全县地区生产总值达到186.4亿元，增长6.5%，一般公共预算收入12.5亿元。"
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    growth = next(fact for fact in audit_file(path).facts if fact.unit == "%" and fact.start > len(LEAD))
    assert str(growth.value) == "6.5"
    assert text[growth.start : growth.end].endswith("增长\n\n— 12 —\n\n6.5%")


def test_reports_of_the_shared_folder_read_the_same_wrapped() -> None:
    """The seed and two corpus reports, wrapped as a PDF copy would be, give the facts and findings they give whole."""
    reports = [SEED, SHARED / "corpus" / "work-reports" / "001_上海市_2003_政府工作报告.txt"]
    reports.append(SHARED / "corpus" / "work-reports" / "168_齐齐哈尔市_2021_政府工作报告.txt")
    for path, width in zip(reports, (33, 36, 40), strict=True):
        text = need(path).read_text(encoding="utf-8")
        wrapped = wrap(text, width, full_width=width % 2 == 0, page_every=40)
        assert read(audit_text(wrapped)) == read(audit_lines(split_lines(text), path.name)), path.name


def test_a_space_after_the_point_of_a_decimal_stays_inside_the_number() -> None:
    (income,) = audit_text("全县一般公共预算收入完成112. 46亿元。").facts
    assert str(income.value) == "112.46" and income.unit == "亿元"
    assert str(audit_text("农村居民人均可支配收入增长8. 5%。").facts[0].value) == "8.5"


def test_an_item_mark_before_a_year_is_no_decimal() -> None:
    assert not audit_text("附件：1. 2024年全县重点项目计划表").facts


def excerpt_paragraphs(text: str) -> list[str]:
    """Paragraphs of a text read with no lines before it to give the width of the layout."""
    return [paragraph for _, paragraph in LayoutParagraphs(split_lines(text))]


def test_a_short_excerpt_is_joined_from_its_first_line() -> None:
    text = (
        "2022年全县地区生产总值达到186.4亿元，比上年增长\n"
        "6.5%，一般公共预算收入12.5亿元，增长8.2%，占全\n"
        "县财政总收入的比重为62.5%。\n"
    )
    assert excerpt_paragraphs(text) == [
        "2022年全县地区生产总值达到186.4亿元，比上年增长6.5%，一般公共预算收入12.5亿元，增长8.2%，占全县财政总收入的比重为62.5%。"
    ]


def test_a_wrapped_excerpt_reads_as_the_unwrapped_one() -> None:
    body = REPORT.splitlines()[4]
    assert read(audit_text(wrap(body, 32))) == read(audit_text(body + "\n"))


def test_the_first_sentence_after_a_title_is_joined_but_not_the_title() -> None:
    text = (
        "某某县2023年政府工作报告\n"
        "现在我代表县人民政府向大会报告工作，请予审议，并请县政协\n"
        "委员和其他列席人员提出意见，全县地区生产总值达到186.4\n"
        "亿元。\n"
    )
    assert excerpt_paragraphs(text) == [
        "某某县2023年政府工作报告",
        "现在我代表县人民政府向大会报告工作，请予审议，并请县政协委员和其他列席人员提出意见，全县地区生产总值达到186.4亿元。",
    ]


def test_a_title_and_subtitle_of_one_length_stay_apart() -> None:
    for subtitle in ("（2023年1月5日在某某县第十八届人民代表大会上）", "某某县人民政府关于二〇二三年国民经济和社会发展计划草案"):
        text = f"某某县人民政府关于二〇二三年国民经济和社会发展计划\n{subtitle}\n各位代表：\n"
        assert excerpt_paragraphs(text) == text.splitlines(), subtitle


def test_two_lines_of_one_width_before_a_heading_stay_apart() -> None:
    # Lines without a clause mark: one with a comma and no end mark is prose left open, joined on that alone
    # (tests/reader/test_layout_evidence.py).
    text = "全县新建高标准农田三万亩和改造提升中低产田两万亩\n全县新增城镇就业四千二百人并完成了年度目标的任务\n二、2023年主要目标\n"
    assert excerpt_paragraphs(text) == text.splitlines()


def test_rows_of_a_table_of_one_width_stay_apart() -> None:
    text = "指标,单位,全年,增长(%),年计划\n规上工业增加值,亿元,40.2,6.5,45\n固定资产投资,亿元,88.4,9.5,120\n社会消费品零售总额,亿元,61.3,5.1\n"
    assert excerpt_paragraphs(text) == text.splitlines()


def test_lines_stream_through_a_window_of_the_lines_around_each() -> None:
    """Each line is judged on the lines around it, not a copy of the whole text per line (which grew as its square)."""
    from devplan.reader.segments import _in_wrapped_run, _with_neighbours

    texts = wrap(REPORT * 3, 24, page_every=7).splitlines()
    streamed = [_in_wrapped_run(near, at) for _, _, near, at in _with_neighbours(enumerate(texts))]
    assert streamed == [_in_wrapped_run(texts, at) for at in range(len(texts))]
    assert any(streamed) and not all(streamed)

    read = 0

    def counted() -> Iterator[str]:
        nonlocal read
        for line in split_lines(wrap(REPORT, 24)):
            read += 1
            yield line

    paragraphs = iter(LayoutParagraphs(counted()))
    next(paragraphs)
    assert read < 10  # the first paragraph comes out before the rest of the text is read
