"""Fonts of the documents.

Word: the styles name the configured fonts (`DEVPLAN_FONT_BODY` 仿宋_GB2312, `DEVPLAN_FONT_TITLE`
方正小标宋简体, `DEVPLAN_FONT_HEADING` 黑体, `DEVPLAN_FONT_SUBHEADING` 楷体_GB2312), East Asian slot included,
so an office with the licensed fonts gets them; Word and WPS substitute their own fonts elsewhere.

PDF and charts are drawn here, so they need installed files: the configured font when fontconfig has it,
otherwise the free fallback of the same role (Noto Serif CJK SC for 仿宋/宋/楷, Noto Sans CJK SC for 黑体,
from Debian's fonts-noto-cjk). With no CJK font at all, `FontMissing` says which package to install.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from functools import cache
from typing import Literal

from django.conf import settings

from devplan.lib.errors import DevplanError

Role = Literal["body", "title", "heading", "subheading"]
FALLBACK = {"body": "Noto Serif CJK SC", "title": "Noto Serif CJK SC", "heading": "Noto Sans CJK SC",
            "subheading": "Noto Serif CJK SC"}
SETTING = {"body": "DEVPLAN_FONT_BODY", "title": "DEVPLAN_FONT_TITLE", "heading": "DEVPLAN_FONT_HEADING",
           "subheading": "DEVPLAN_FONT_SUBHEADING"}
# Latin-script text in a GB/T 9704 document: numbers and letters in a serif face.
LATIN = "Times New Roman"


class FontMissing(DevplanError):
    """No font able to draw Chinese is installed."""


def word_font(role: Role) -> str:
    """The font name the Word styles use for `role` (a setting; the office's licensed font)."""
    return str(getattr(settings, SETTING[role]))


@dataclass(frozen=True)
class InstalledFont:
    family: str
    path: str
    index: int


@cache
def _families() -> frozenset[str]:
    if shutil.which("fc-list") is None:
        return frozenset()
    listing = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=False).stdout
    return frozenset(name.strip() for line in listing.splitlines() for name in line.split(","))


@cache
def installed_font(role: Role) -> InstalledFont:
    """The installed font that draws `role`: the configured one if fontconfig has it, else the fallback."""
    for family in (word_font(role), FALLBACK[role]):
        if family in _families():
            return _match(family)
    raise FontMissing(
        f"没有可用的中文字体（{word_font(role)} 或 {FALLBACK[role]}）：请安装 fonts-noto-cjk"
        "（Debian/Ubuntu：apt-get install fonts-noto-cjk）后重试"
    )


def _match(family: str) -> InstalledFont:
    found = subprocess.run(
        ["fc-match", "-f", "%{file}\t%{index}", family], capture_output=True, text=True, check=False
    ).stdout
    path, _, index = found.partition("\t")
    return InstalledFont(family, path, int(index or 0))


def css_family(role: Role) -> str:
    """A CSS font-family list: the configured font, the installed one, then the generic family."""
    names = dict.fromkeys([word_font(role), installed_font(role).family])
    generic = "sans-serif" if role == "heading" else "serif"
    return ", ".join([*(f'"{name}"' for name in names), generic])
