"""The web audit page's refusals after an outside trial: one sentence in the command line's form (name: what),
a 4xx status where the request was bad, the paste box, and a Chinese page for a missing security token."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

CSRF_SENTENCE = "页面已过期或缺少安全令牌，请刷新页面后重试"


def test_refusals_name_the_file_alike_and_answer_400(personas):
    client = personas.client("planner")
    for name, content, words in [("empty.txt", b"", "empty.txt: 文件是空的"),
                                 ("binary.bin", b"\0\1", "binary.bin: 不是可审核的文件"),
                                 ("bad.docx", b"PK\3\4 broken", "bad.docx: 无法作为 Word 文档打开")]:
        answer = client.post("/audit/", {"report": SimpleUploadedFile(name, content)})
        page = answer.content.decode()
        assert answer.status_code == 400 and words in page, (name, page)
        assert "Error）" not in page and "Exception" not in page


def test_pasted_text_is_audited_as_plain_text(personas):
    client = personas.client("planner")
    answer = client.post("/audit/", {"text": "科技型中小企业入库254家、同比增长33.9%。\r\n"})
    page = answer.content.decode()
    assert answer.status_code == 200 and "《粘贴的文字》" in page and "254家" in page and "不是整数" in page
    # Findings are numbered from 1, as `devplan audit --html` numbers them.
    assert "· 发现 1</p>" in page and "· 发现 0</p>" not in page
    nothing = client.post("/audit/", {"text": "  "})
    assert nothing.status_code == 400 and "请选择要审核的报告文件，或粘贴报告的文字" in nothing.content.decode()


def test_pasted_text_stays_in_its_box_and_the_box_cuts_nothing(personas, settings):
    settings.DEVPLAN_AUDIT_MAX_CHARS = 1000
    client = personas.client("planner")
    assert "maxlength" not in client.get("/audit/").content.decode()
    page = client.post("/audit/", {"text": "入库254家、<b>同比</b>增长33.9%。"}).content.decode()
    assert '<textarea name="text" rows="6" cols="60">入库254家、&lt;b&gt;同比&lt;/b&gt;增长33.9%。</textarea>' in page
    refused = client.post("/audit/", {"text": "字" * 1001})
    assert refused.status_code == 413 and "字" * 1001 + "</textarea>" in refused.content.decode()


def test_pasted_text_has_the_same_character_limit(personas, settings):
    settings.DEVPLAN_AUDIT_MAX_CHARS = 1000
    answer = personas.client("planner").post("/audit/", {"text": "字" * 1001})
    assert answer.status_code == 413 and "粘贴的文字: 正文有 1001 字，超过网页审核的上限 1000 字" in answer.content.decode()


def test_a_missing_security_token_is_a_chinese_page_or_the_login(personas):
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas.planner)
    answer = client.post("/audit/", {"text": "GDP 617亿元"})
    page = answer.content.decode()
    assert answer.status_code == 403 and CSRF_SENTENCE in page and "verification failed" not in page
    anonymous = Client(enforce_csrf_checks=True).post("/audit/", {"text": "GDP 617亿元"})
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/login/?next=/audit/")
