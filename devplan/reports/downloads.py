"""The documents the reports page offers, built once per data version (`devplan.reports.cache`) into the
server's folder: the page's downloads and `devplan worker`'s brief of a month just locked are the same files,
so a brief the worker built is sent at once."""

from __future__ import annotations

import hashlib
from pathlib import Path

from devplan.lib.runtime import server_dir
from devplan.regions.models import Region
from devplan.reports.brief import build_brief
from devplan.reports.cache import building, built, last_build_seconds, ready
from devplan.reports.execution import build_report
from devplan.reports.service import write_documents


def _folder() -> Path:
    return server_dir("reports")


def _key(place: Region, year: int, month: int, is_brief: bool, site_url: str = "") -> str:
    """The name of a built document. The report's HTML links its numbers to the site it was asked from, so
    its copies are kept per site: one requester's Host never ends up in another's file."""
    if is_brief:
        return f"brief-{place.pk}-{year}-{month}"
    return f"report-{place.pk}-{year}-{hashlib.sha256(site_url.encode()).hexdigest()[:12]}"


def is_built(place: Region, year: int, month: int, is_brief: bool, site_url: str = "") -> bool:
    """Whether the brief on month M (or the year's report for `site_url`) is built at the current data version."""
    return ready(_folder(), _key(place, year, month, is_brief, site_url)) is not None


def is_building(place: Region, year: int, month: int, is_brief: bool, site_url: str = "") -> bool:
    """Whether the brief on month M (or the year's report for `site_url`) is being built right now."""
    return building(_folder(), _key(place, year, month, is_brief, site_url))


def last_seconds(kind: str) -> float | None:
    """How long the last build of a "brief" or "report" took on this server."""
    return last_build_seconds(_folder(), kind)


def brief_files(place: Region, year: int, month: int) -> Path:
    """The folder with brief.docx and brief.pdf on month M at the current data version, built if missing."""
    def build(folder: Path) -> None:
        write_documents(build_brief(place, year, month), folder, html=False, xlsx=False)

    return built(_folder(), _key(place, year, month, True), build, kind="brief")


def report_files(place: Region, year: int, site_url: str) -> Path:
    """The folder with the year's report (docx, pdf, html, attachments.xlsx), built if missing; the HTML links
    its numbers to pages of `site_url`."""
    def build(folder: Path) -> None:
        write_documents(build_report(place, year), folder, site_url=site_url)

    return built(_folder(), _key(place, year, 0, False, site_url), build, kind="report")
