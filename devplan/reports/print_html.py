"""WeasyPrint's HTML document with a user-agent stylesheet trimmed of six rules no document of devplan uses.

WeasyPrint's default stylesheet (html5_ua.css) gives every element six pseudo-elements — ::marker,
::footnote-call, ::footnote-marker, ::note-call, ::note-marker, ::note-callback — and computes a style for
each of them element by element, without sharing: for the demo report's thousands of table cells, tens of
thousands of styles nothing draws (the documents have no list items, footnotes or notes). Without those six
rules the attachments' piece is printed about 5 % faster (2.17 -> 2.04 s CPU), and the pages are the same
(`tests/reports/test_print_html.py`). WeasyPrint has no option for its user-agent stylesheet, so `Page`
overrides the method that returns it (`HTML._ua_stylesheets`, WeasyPrint 70, pinned in pyproject.toml); the
test fails should an upgrade rename it or drop the rules.
"""

from __future__ import annotations

import functools
import re

from weasyprint import CSS, HTML
from weasyprint.css.counters import CounterStyle
from weasyprint.html import UA

UNUSED = re.compile(r"^::(?:marker|footnote-call|footnote-marker|note-call|note-marker|note-callback) \{[^}]*\}\n",
                    re.MULTILINE)


@functools.cache
def user_agent_stylesheet() -> CSS:
    # Its @counter-style rules are WeasyPrint's own, already known to every page (`HTML._ua_counter_style`);
    # read here into a store of their own, they would be refused as redefinitions.
    return CSS(string=UNUSED.sub("", UA), counter_style=CounterStyle())


class Page(HTML):  # type: ignore[misc]
    """An HTML page to print (`weasyprint.HTML`), styled by `user_agent_stylesheet()`."""

    def _ua_stylesheets(self, forms: bool = False) -> list[CSS]:
        return [user_agent_stylesheet()]
