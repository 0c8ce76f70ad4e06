"""Fonts of the documents.

Word: the styles name the official fonts of GB/T 9704 from the settings (`DEVPLAN_FONT_BODY` 仿宋_GB2312,
`DEVPLAN_FONT_TITLE` 方正小标宋简体, `DEVPLAN_FONT_HEADING` 黑体, `DEVPLAN_FONT_SUBHEADING` 楷体_GB2312; page
numbers in 宋体), East Asian slot included, so an office with the licensed fonts gets them.

PDF and charts are drawn here, so they need installed files. For each official name: the font itself when
fontconfig has it; else the free font `DEVPLAN_PDF_FONTS` maps it to — by default the Fandol family
(FandolFang 仿宋, FandolKai 楷体, FandolHei 黑体, FandolSong Bold for 小标宋, FandolSong for 宋体), which
`scripts/system-deps` installs from Debian's texlive-lang-chinese; else Noto Serif/Sans CJK SC from
fonts-noto-cjk. Each of the Fandol fonts covers all of GB 2312. With no CJK font at all, `FontMissing`
says what to install.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from typing import Literal

from django.conf import settings

from devplan.lib.errors import DevplanError

Role = Literal["body", "title", "heading", "subheading", "number"]
FALLBACK = {"body": "Noto Serif CJK SC", "title": "Noto Serif CJK SC", "heading": "Noto Sans CJK SC",
            "subheading": "Noto Serif CJK SC", "number": "Noto Serif CJK SC"}
SETTING = {"body": "DEVPLAN_FONT_BODY", "title": "DEVPLAN_FONT_TITLE", "heading": "DEVPLAN_FONT_HEADING",
           "subheading": "DEVPLAN_FONT_SUBHEADING"}
# GB/T 9704 §7.5: page numbers in 4号半角宋体阿拉伯数字.
PAGE_NUMBER_FONT = "宋体"
# Latin-script text in a GB/T 9704 document: numbers and letters in a serif face.
LATIN = "Times New Roman"


class FontMissing(DevplanError):
    """No font able to draw Chinese is installed."""


def word_font(role: Role) -> str:
    """The font name the Word styles use for `role` (a setting; the office's licensed font)."""
    if role == "number":
        return PAGE_NUMBER_FONT
    return str(getattr(settings, SETTING[role]))


@dataclass(frozen=True)
class InstalledFont:
    family: str
    path: str
    index: int
    bold: bool = False

    @property
    def css_weight(self) -> str:
        return "bold" if self.bold else "normal"


def pdf_font_map() -> dict[str, tuple[str, bool]]:
    """`DEVPLAN_PDF_FONTS` as {official name: (free family, bold)}: "仿宋_GB2312=FandolFang,
    方正小标宋简体=FandolSong:bold, …"."""
    mapping: dict[str, tuple[str, bool]] = {}
    for pair in str(settings.DEVPLAN_PDF_FONTS).split(","):
        official, _, free = pair.partition("=")
        family, _, style = free.strip().partition(":")
        if official.strip() and family:
            mapping[official.strip()] = (family, style.strip().lower() == "bold")
    return mapping


@cache
def _families() -> frozenset[str]:
    if shutil.which("fc-list") is None:
        return frozenset()
    listing = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=False).stdout
    return frozenset(name.strip() for line in listing.splitlines() for name in line.split(","))


def _candidates(role: Role) -> list[tuple[str, bool]]:
    official = word_font(role)
    mapped = pdf_font_map().get(official)
    return [(official, False), *([mapped] if mapped else []), (FALLBACK[role], role == "title")]


@cache
def installed_font(role: Role) -> InstalledFont:
    """The installed font that draws `role` in the PDF and charts: the official one if fontconfig has it,
    else its free stand-in, else Noto CJK."""
    for family, bold in _candidates(role):
        if family in _families():
            return _match(family, bold)
    raise FontMissing(
        f"没有可用的中文字体（{word_font(role)}、{FALLBACK[role]} 都未安装）：请运行 scripts/system-deps，"
        "或安装 fonts-noto-cjk（Debian/Ubuntu：apt-get install fonts-noto-cjk）后重试"
    )


@cache
def fallback_font(role: Role) -> InstalledFont | None:
    """The Noto CJK font WeasyPrint turns to for a character `role`'s font lacks, if installed."""
    family = FALLBACK[role]
    return _match(family, role == "title") if family in _families() else None


def _match(family: str, bold: bool) -> InstalledFont:
    pattern = f"{family}:bold" if bold else family
    found = subprocess.run(
        ["fc-match", "-f", "%{file}\t%{index}", pattern], capture_output=True, text=True, check=False
    ).stdout
    path, _, index = found.partition("\t")
    return InstalledFont(family, path, int(index or 0), bold)


def css_family(role: Role) -> str:
    """A CSS font-family list: the installed font, Noto CJK for any character it lacks, the generic family."""
    names = dict.fromkeys([installed_font(role).family, FALLBACK[role]])
    generic = "sans-serif" if role == "heading" else "serif"
    return ", ".join([*(f'"{name}"' for name in names), generic])
