"""The reports page downloads the documents devplan.reports writes; the audit page highlights facts."""

from __future__ import annotations

import re

from django.core.files.uploadedfile import SimpleUploadedFile

REPORTS = "/reports/430381/2023/10/"


def test_reports_page_offers_the_report_attachments_and_briefing(personas):
    page = personas.client("planner").get(REPORTS).content.decode()
    for name in ("report.docx", "report.pdf", "attachments.xlsx", "brief.docx"):
        assert f"{REPORTS}{name}" in page


def test_the_report_downloads_as_a_word_document(personas):
    answer = personas.client("planner").get(f"{REPORTS}report.docx")
    assert answer.status_code == 200
    assert "attachment" in answer["Content-Disposition"]
    assert b"".join(answer.streaming_content)[:2] == b"PK"


def test_reports_follow_the_region_decision(personas):
    assert personas.client("anonymous").get(REPORTS).status_code == 302
    assert personas.client("other").get(REPORTS).status_code == 200
    assert personas.client("planner").get(f"{REPORTS}secrets.txt").status_code == 404


def test_the_audit_page_highlights_facts_and_lists_findings(personas):
    text = "科技型中小企业入库254家、同比增长33.9%。\n"
    upload = SimpleUploadedFile("report.txt", text.encode("utf-8"), content_type="text/plain")
    page = personas.client("planner").post("/audit/", {"report": upload}).content.decode()
    assert '<mark id="fact-0"' in page and "254家" in page
    assert "不是整数" in page


def test_the_audit_page_refuses_other_files_in_one_sentence(personas):
    upload = SimpleUploadedFile("report.exe", b"MZ", content_type="application/octet-stream")
    page = personas.client("planner").post("/audit/", {"report": upload}).content.decode()
    assert "不是可审核的文件" in page


def test_the_audit_page_needs_a_login(personas):
    assert personas.client("anonymous").get("/audit/").status_code == 302


def test_downloads_are_named_in_chinese_and_the_report_links_to_this_site(personas):
    from urllib.parse import unquote

    answer = personas.client("planner").get(f"{REPORTS}report.pdf")
    assert "湘乡市2023年计划执行情况报告.pdf" in unquote(answer["Content-Disposition"])
    brief = personas.client("planner").get(f"{REPORTS}brief.pdf")
    assert "湘乡市2023年10月经济运行简报.pdf" in unquote(brief["Content-Disposition"])
    page = b"".join(personas.client("planner").get(f"{REPORTS}report.html").streaming_content).decode()
    assert 'href="http://testserver/indicator/430381/gdp/2023/#figure-' in page


def test_the_reports_page_offers_only_years_and_months_with_data(personas):
    page = personas.client("planner").get(REPORTS).content.decode()
    assert 'value="2023-10" selected' in page and 'value="2023-09"' in page and 'value="2024-12"' in page
    assert 'value="2022-' not in page and 'value="2023-11"' not in page
    chosen = personas.client("planner").get("/reports/?region=430381&period=2023-09")
    assert chosen.status_code == 302 and chosen["Location"] == "/reports/430381/2023/9/"
    # 2024 has a report but no monthly figure: the selector shows the month of the page, not 2024年12月
    later = personas.client("planner").get("/reports/430381/2024/3/").content.decode()
    assert 'value="2024-03" selected' in later and 'value="2024-12"' not in later


def test_a_year_without_data_offers_no_download_and_refuses_one(personas):
    page = personas.client("planner").get("/reports/430381/2022/10/").content.decode()
    assert "已按最新数据生成" not in page and "2022/10/report.pdf" not in page
    assert "湘乡市2022年没有计划目标、指标数据、报告文字或重点项目，无法生成报告" in page
    refused = personas.client("planner").get("/reports/430381/2022/10/report.pdf")
    assert refused.status_code == 404 and "无法生成报告" in refused.content.decode()


def test_the_page_promises_no_fixed_build_time_but_says_the_last_one(personas):
    """Issue 16 trial #6: the page promised "约需 5—10 秒" and the first download took 29 s. It says what the
    last build on this server took, or, before any, "可能需要半分钟左右"; a bar shows while it builds."""
    from devplan.reports.cache import built
    from devplan.web.limits import server_dir
    from devplan.web.views.reports import build_time

    (server_dir("reports") / "report.seconds").unlink(missing_ok=True)  # the folder outlives a test
    page = personas.client("planner").get(REPORTS).content.decode()
    assert "5—10 秒" not in page and "可能需要半分钟左右" in page and "<progress>" in page
    built(server_dir("reports"), "timing-test", lambda folder: None, kind="report")
    page = personas.client("planner").get(REPORTS).content.decode()
    assert "上次生成用时约 5 秒" in page
    assert (build_time(29.0), build_time(131.0)) == ("上次生成用时约 30 秒", "上次生成用时约 2 分钟")


def test_the_page_says_which_numbers_come_from_records_and_names_the_period_in_chinese(personas):
    """Trial 18: the page claimed "数字全部取自本系统的正式数据" of a report with narrative numbers no record backs
    and illustrative projects; ?period=9999-01 answered "period 的年份应在…", naming a URL parameter."""
    import html

    page = html.unescape(personas.client("planner").get(REPORTS).content.decode())
    assert "数字全部取自" not in page
    assert "取自本系统的记录" in page and "材料所述" in page and "示意数据" in page
    answer = personas.client("planner").get("/reports/?region=430381&period=9999-01")
    refused = html.unescape(answer.content.decode())
    assert "报告期的年份应在" in refused and "period 的" not in refused
    # Trial t18b: a malformed choice is the request's fault (400, "请求有误"), not a page not found (404).
    assert answer.status_code == 400 and "请求有误" in refused and "找不到页面" not in refused


def test_a_malformed_period_is_a_bad_request_on_every_switcher(personas):
    client = personas.client("planner")
    for address in ("/reports/?period=abc", "/dashboard/?region=430381&period=2023-13", "/compare/?period=２０２３-０９"):
        answer = client.get(address)
        assert answer.status_code == 400, address
        assert "应为 YYYY-MM 格式的年月" in answer.content.decode(), address


def test_a_brief_of_a_month_not_yet_come_names_the_page_s_field_not_the_command_s(personas):
    """Trial t18b: /reports/…/2099/1/brief.pdf said "--month：2099年1月还没有到", an option of the command line."""
    answer = personas.client("planner").get("/reports/430381/2099/1/brief.pdf")
    page = answer.content.decode()
    assert answer.status_code == 404 and "简报月份：2099年1月还没有到" in page and "--month" not in page


def test_a_word_file_reads_on_the_page_as_the_command_reads_it(personas, tmp_path):
    """Short paragraphs of a Word file are its paragraphs, not a layout's lines to join: the page, which audits the text
    it kept, reads them as `devplan audit` reads the file (one truth out)."""
    import io

    import docx

    from devplan.reader import audit_file, read_file

    document = docx.Document()
    for line in ("全县完成固定资产投资86.4亿", "元，增长7.2%，其中工业投资", "31.5亿元，增长9.8%，民间投资", "40.2亿元，占全部投资比重46.5%"):
        document.add_paragraph(line)
    path = tmp_path / "short.docx"
    document.save(path)
    buffer = io.BytesIO()
    document.save(buffer)
    upload = SimpleUploadedFile("short.docx", buffer.getvalue(),
                                content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    page = personas.client("planner").post("/audit/", {"report": upload}).content.decode()
    text = read_file(path).text
    marked = re.findall(r'<mark id="fact-[^>]*>(.*?)</mark>', page, flags=re.S)
    assert marked == [text[fact.start : fact.end] for fact in audit_file(path).facts]
    assert "31.5亿元" in marked  # not 其中工业投资 joined across the paragraphs
