"""The audit page: upload a report (text, .docx or .pdf) and see it with its facts highlighted and the
findings beside them. Reading only: nothing is stored."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from devplan.accounts.access import region_access
from devplan.lib.errors import DevplanError
from devplan.reader import audit_text, read_file
from devplan.web.audit_view import SEVERITY_WORDS, ordered_findings, stretches
from devplan.web.periods import home_region
from devplan.web.views.common import require

SUFFIXES = {".txt", ".docx", ".pdf"}
MAX_BYTES = 20 * 1024 * 1024


def _read_upload(upload: object) -> tuple[str, str]:
    name = Path(getattr(upload, "name", "") or "").name
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        raise DevplanError(f"“{name}”不是可审核的文件：请上传 .txt（UTF-8）、.docx 或带文字层的 .pdf")
    if getattr(upload, "size", 0) > MAX_BYTES:
        raise DevplanError(f"“{name}”超过 20 MB，请上传报告正文")
    with tempfile.TemporaryDirectory(prefix="devplan-audit-") as folder:
        path = Path(folder) / name
        with path.open("wb") as out:
            for chunk in upload.chunks():  # type: ignore[attr-defined]
                out.write(chunk)
        return name, read_file(path).text


@login_required
def audit_page(request: HttpRequest) -> HttpResponse:
    require(region_access(request.user, home_region(request.user)).read)
    context: dict[str, object] = {"severity_words": SEVERITY_WORDS}
    upload = request.FILES.get("report") if request.method == "POST" else None
    if request.method == "POST" and upload is None:
        context["error"] = "请选择要审核的报告文件"
    elif upload is not None:
        try:
            name, text = _read_upload(upload)
        except DevplanError as exc:
            context["error"] = exc.sentence()
        else:
            result = audit_text(text, source=name)
            context.update({
                "source": name, "counts": result.counts(), "facts": len(result.facts),
                "stretches": stretches(result, text), "findings": ordered_findings(result),
            })
    return render(request, "web/audit.html", context)
