"""The audit page: upload a report (text, .docx or .pdf) or paste its text, and see it with its facts
highlighted and the findings beside them. Reading only: nothing is stored in the database.

Bounded in time and output: the upload is checked (size, unpacked size) before it is read, a text over
DEVPLAN_AUDIT_MAX_CHARS characters (uploaded or pasted) is refused with a sentence pointing to `devplan audit`,
and the result
is shown in pages of PAGE_CHARS characters with the findings about that page. The text is kept for a day
in the server's folder, private to the user who uploaded it, so that the other pages can be shown."""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from devplan.accounts.access import region_access
from devplan.lib.bounded import TooSlow, bounded
from devplan.lib.errors import DevplanError
from devplan.lib.limits import TooLarge
from devplan.reader import audit_text, read_file
from devplan.web.audit_view import SEVERITY_WORDS, Stretch, ordered_findings, stretches
from devplan.web.limits import Busy, expensive_slot, saved_upload, server_dir, too_busy
from devplan.web.periods import home_region
from devplan.web.views.common import require

SUFFIXES = {".txt", ".docx", ".pdf"}
PAGE_CHARS = 20_000
KEEP_SECONDS = 24 * 3600
PASTED = "粘贴的文字"
SLOW_ADVICE = "请稍后再试，或在命令行用 devplan audit 审核全文"


def _status(error: DevplanError) -> int:
    """A refused request's status: the file is too large (413), the server too slow this time (503), anything
    else is wrong with what was sent (400). The page still shows the sentence."""
    if isinstance(error, TooLarge):
        return 413
    return 503 if isinstance(error, TooSlow) else 400


def _read_upload(upload: object) -> tuple[str, str, str]:
    """The upload's name, its text and its kind (text, docx or pdf: how its lines are read)."""
    name = Path(getattr(upload, "name", "") or "").name
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise DevplanError("不是可审核的文件：请上传 .txt（UTF-8）、.docx 或带文字层的 .pdf", where=name)
    with saved_upload(upload, "devplan-audit-") as path:
        document = bounded(lambda: read_file(path), name, memory_mb=settings.DEVPLAN_PARSE_MAX_MB,
                           seconds=settings.DEVPLAN_PARSE_MAX_SECONDS, advice=SLOW_ADVICE)
    return name, _within_limit(name, document.text), document.kind


def _within_limit(name: str, text: str) -> str:
    limit = settings.DEVPLAN_AUDIT_MAX_CHARS
    if len(text) > limit:
        raise TooLarge(f"正文有 {len(text)} 字，超过网页审核的上限 {limit} 字：请分章节审核，"
                           "或用命令行 devplan audit 审核全文", where=name)
    return text


def _kept(user_id: object, digest: str) -> Path:
    return server_dir("audits") / f"{user_id}-{digest}.json"


def _keep(user_id: object, name: str, text: str, kind: str) -> str:
    digest = hashlib.sha256(text.encode()).hexdigest()[:32]
    for old in server_dir("audits").glob("*.json"):
        if old.stat().st_mtime < time.time() - KEEP_SECONDS:
            old.unlink(missing_ok=True)
    _kept(user_id, digest).write_text(json.dumps({"name": name, "text": text, "kind": kind}, ensure_ascii=False), encoding="utf-8")
    return digest


def _page_of(pieces: list[Stretch], page: int) -> list[Stretch]:
    shown, position = [], 0
    for piece in pieces:
        if position // PAGE_CHARS == page - 1:
            shown.append(piece)
        position += len(piece.text)
    return shown


def _result_context(name: str, text: str, kind: str, digest: str, page: int) -> dict[str, object]:
    result = audit_text(text, source=name, layout=kind == "text")
    pages = max(1, -(-len(text) // PAGE_CHARS))
    page = min(max(page, 1), pages)
    shown = _page_of(stretches(result, text), page)
    on_page = {piece.index for piece in shown if piece.index is not None}
    findings = [(number, finding) for number, finding in ordered_findings(result)
                if on_page.intersection(finding.facts) or (page == 1 and not finding.facts)]
    return {"source": name, "counts": result.counts(), "facts": len(result.facts), "stretches": shown,
            "findings": findings, "doc": digest, "page": page, "pages": range(1, pages + 1),
            "page_count": pages}


def _page_number(text: str) -> int:
    """?page=N as an ASCII number of a few digits; anything else is the first page."""
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 6 else 1


def _posted(request: HttpRequest) -> tuple[str, str, str]:
    """The uploaded report, else the pasted text (plain text, its lines joined as a layout's are)."""
    upload = request.FILES.get("report")
    if upload is not None:
        return _read_upload(upload)
    pasted = request.POST.get("text", "").replace("\r\n", "\n")
    if not pasted.strip():
        raise DevplanError("请选择要审核的报告文件，或粘贴报告的文字")
    return PASTED, _within_limit(PASTED, pasted), "text"


def _audited(request: HttpRequest) -> dict[str, object]:
    """A posted report audited, or a page of a kept one: the expensive part of the page."""
    if request.method == "POST":
        try:
            name, text, kind = _posted(request)
        except DevplanError as exc:
            return {"error": exc.sentence(), "status": _status(exc)}
        return _result_context(name, text, kind, _keep(request.user.pk, name, text, kind), 1)
    digest = "".join(c for c in request.GET["doc"] if c in "0123456789abcdef")[:32]
    kept = _kept(request.user.pk, digest)
    if not kept.is_file():
        return {"error": "这份报告的审核结果已过期（保留一天）：请重新上传", "status": 404}
    stored = json.loads(kept.read_text(encoding="utf-8"))
    return _result_context(stored["name"], stored["text"], stored.get("kind", "text"), digest,
                           _page_number(request.GET.get("page", "")))


@login_required
def audit_page(request: HttpRequest) -> HttpResponse:
    """The form costs nothing; auditing an upload or a page of a kept one takes an expensive slot."""
    require(region_access(request.user, home_region(request.user)).read)
    context: dict[str, object] = {"severity_words": SEVERITY_WORDS, "max_chars": settings.DEVPLAN_AUDIT_MAX_CHARS}
    if request.method == "POST" and "report" not in request.FILES:
        # The pasted text stays in its box, to be corrected and audited again. The box has no maxlength: a browser
        # would cut a longer paste without a word, where the server refuses it with one sentence.
        context["pasted"] = request.POST.get("text", "")
    if request.method == "POST" or request.GET.get("doc"):
        try:
            with expensive_slot(request.user):
                context.update(_audited(request))
        except Busy as busy:
            return too_busy(request, busy)
    status = context.pop("status", 200)
    assert isinstance(status, int)
    return render(request, "web/audit.html", context, status=status)
