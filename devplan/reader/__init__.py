"""The report reader and auditor: finds every quantitative statement in a Chinese plan report and
checks its arithmetic. Framework-free: nothing here imports Django or another devplan app.

    from devplan.reader import audit_file, audit_text, extract_facts, read_file
    result = audit_file("report.docx")
    result.to_json()          # the `devplan audit --json` shape
"""

from __future__ import annotations

from devplan.reader.audit import Auditor, AuditResult, audit_file, audit_lines, audit_text
from devplan.reader.errors import NoTextLayer, ReaderError, UnreadableFile, UnsupportedFormat
from devplan.reader.extract import extract_facts
from devplan.reader.facts import Fact
from devplan.reader.findings import RULES, Finding, Rule
from devplan.reader.html import render_html
from devplan.reader.lexicon import Lexicon, default_lexicon, lexicon_from_dict
from devplan.reader.render import render_text
from devplan.reader.sources import Document, check_readable, read_file, read_stream

__all__ = [
    "RULES",
    "AuditResult",
    "Auditor",
    "Document",
    "Fact",
    "Finding",
    "Lexicon",
    "NoTextLayer",
    "ReaderError",
    "Rule",
    "UnreadableFile",
    "UnsupportedFormat",
    "audit_file",
    "audit_lines",
    "audit_text",
    "check_readable",
    "default_lexicon",
    "extract_facts",
    "lexicon_from_dict",
    "read_file",
    "read_stream",
    "render_html",
    "render_text",
]
