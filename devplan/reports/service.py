"""Writing the documents into a folder: what `devplan report` and `devplan brief` (and the web app) call."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from devplan.lib.collector import collector_paused
from devplan.lib.errors import DevplanError, os_reason
from devplan.reports.content import Document
from devplan.reports.docx_render import render_docx
from devplan.reports.html_render import render_html
from devplan.reports.pdf_render import write_pdf
from devplan.reports.xlsx_render import render_xlsx


def _folder(out: Path) -> Path:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DevplanError(f"无法创建输出目录 {out}：{os_reason(exc)}；请换一个可写的目录") from exc
    return out


def _check_writable(paths: list[Path]) -> None:
    """Refuse before any work a file name taken by a directory ("out/report.docx/"): the rename at the end
    failed with a traceback after the whole build (trial t18b)."""
    for path in paths:
        if path.is_dir():
            raise DevplanError(f"无法写入 {path}：已有同名的目录；请换一个输出目录，或移走该目录")


def write_documents(document: Document, out: Path, *, html: bool = True, xlsx: bool = True,
                    site_url: str | None = None) -> list[Path]:
    """Write `<name>.docx`, `<name>.pdf`, optionally `<name>.html` (its links to the web app at `site_url`,
    default `DEVPLAN_SITE_URL`) and `attachments.xlsx`; return the paths."""
    site = settings.DEVPLAN_SITE_URL if site_url is None else site_url
    with collector_paused():
        return _write(document, _folder(out), html=html, xlsx=xlsx, site_url=site)


def _partial(path: Path) -> Path:
    return path.with_name(f".{path.name}.partial")


def _write(document: Document, folder: Path, *, html: bool, xlsx: bool, site_url: str) -> list[Path]:
    """Every file is written under a hidden temporary name and renamed only when all are complete, so a
    run that is killed half-way never leaves a truncated file under a finished name."""
    stem = folder / document.name
    final = [stem.with_suffix(".docx"), stem.with_suffix(".pdf")]
    if html:
        final.append(stem.with_suffix(".html"))
    if xlsx:
        final.append(folder / "attachments.xlsx")
    partial = [_partial(path) for path in final]
    _check_writable(final + partial)
    try:
        def the_others() -> None:  # while the PDF's later pages are laid out in a second process
            render_docx(document, partial[0])
            if html:
                partial[2].write_text(render_html(document, site_url), encoding="utf-8")
            if xlsx:
                render_xlsx(document.attachments, partial[-1])

        write_pdf(document, partial[1], meanwhile=the_others)
        for temporary, path in zip(partial, final, strict=True):
            try:
                temporary.replace(path)
            except OSError as exc:  # the folder changed under the build: one sentence, not a traceback
                raise DevplanError(f"无法写入 {path}：{os_reason(exc)}；请换一个可写的目录") from exc
    finally:
        for temporary in partial:
            temporary.unlink(missing_ok=True)
    return final
