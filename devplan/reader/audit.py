"""The auditor: runs every rule over the facts of each sentence as the document is read."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from devplan.reader.checks.ages import check_age_groups
from devplan.reader.checks.averages import check_averages, check_named_ratios, check_pair_percents
from devplan.reader.checks.balance import (
    check_balance,
    check_budget_totals,
    check_rolling_balance,
    check_year_end_balance,
)
from devplan.reader.checks.bounds import check_bounds, check_known_floors
from devplan.reader.checks.common import in_sub_area
from devplan.reader.checks.completion import check_completion
from devplan.reader.checks.cross import (
    check_named_within,
    check_part_of,
    check_running_kinds,
    check_running_totals,
    check_targets,
)
from devplan.reader.checks.days import check_day_shares
from devplan.reader.checks.differences import check_differences
from devplan.reader.checks.examples import check_examples
from devplan.reader.checks.gaps import check_gaps
from devplan.reader.checks.growth import check_growth_levels, check_implied_base
from devplan.reader.checks.kinds import check_kinds
from devplan.reader.checks.memory import Memory
from devplan.reader.checks.months import check_months_add_up
from devplan.reader.checks.multiples import check_multiples
from devplan.reader.checks.parts import check_classes, check_industries, check_parts
from devplan.reader.checks.per_head import check_per_head
from devplan.reader.checks.population import check_population
from devplan.reader.checks.progress import check_progress_classes
from devplan.reader.checks.rates import check_state_rates
from devplan.reader.checks.registry import check_registry
from devplan.reader.checks.shares import check_shares
from devplan.reader.checks.stages import check_plan_stages
from devplan.reader.extract import Extractor, Sentence
from devplan.reader.facts import Fact
from devplan.reader.findings import SEVERITIES, Finding
from devplan.reader.lexicon import Lexicon, default_lexicon
from devplan.reader.segments import LayoutParagraphs, iter_paragraphs, split_lines
from devplan.reader.sources import is_plain_text, iter_lines


@dataclass
class AuditResult:
    """Every fact and finding of one document, in the shape of `devplan audit --json`."""

    source: str
    facts: list[Fact]
    findings: list[Finding]

    def counts(self) -> dict[str, int]:
        counted = Counter(f.severity for f in self.findings)
        return {severity: counted.get(severity, 0) for severity in SEVERITIES}

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "facts": [fact.to_json() for fact in self.facts],
            "findings": [finding.to_json() for finding in self.findings],
            "summary": {"facts": len(self.facts), **self.counts()},
        }

    def to_json_text(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=1)


class Auditor:
    """Feed paragraphs in order; facts and findings accumulate, nothing else grows with the input."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or default_lexicon()
        self.extractor = Extractor(self.lexicon)
        self.memory = Memory(self.lexicon)
        self.facts: list[Fact] = []
        self.findings: list[Finding] = []
        # The sentences before in the paragraph (the paragraph's first: the one before it), for a sentence that goes on
        # from their figure (加上级补助收入…，收入总计…).
        self.earlier: list[Sentence] = []

    def feed(self, offset: int, paragraph: str) -> None:
        self.earlier = self.earlier[-1:]
        for sentence in self.extractor.feed(offset, paragraph):
            self.facts.extend(sentence.facts)
            self.findings.extend(self._check(sentence))
            self.earlier.append(sentence)
            for fact in sentence.facts:
                if not in_sub_area(sentence.text, sentence.start, fact) and not fact.elsewhere:
                    self.memory.remember(fact)

    def _check(self, sentence: Sentence) -> list[Finding]:
        if not sentence.facts:
            # A sentence closing a table's lists has no facts of its own, only the parts it carries.
            return check_parts(sentence, self.lexicon, self.earlier) if sentence.closes else check_registry(sentence)
        findings = [
            *check_registry(sentence),
            *check_parts(sentence, self.lexicon, self.earlier),
            *check_classes(sentence, self.memory, self.lexicon),
            *check_balance(sentence),
            *check_differences(sentence),
            *check_budget_totals(sentence, self.earlier),
            *check_rolling_balance(sentence),
            *check_months_add_up(sentence, self.memory),
            *check_year_end_balance(sentence, self.memory),
            *check_industries(sentence, self.memory, self.lexicon),
            *check_completion(sentence, self.memory),
            *check_shares(sentence, self.memory, self.lexicon),
            *check_day_shares(sentence),
            *check_progress_classes(sentence),
            *check_state_rates(sentence, self.memory),
            *check_population(sentence),
            *check_age_groups(sentence),
            *check_implied_base(sentence),
            *check_growth_levels(sentence, self.memory, self.lexicon),
            *check_multiples(sentence, self.memory),
            *check_part_of(sentence, self.memory, self.lexicon),
            *check_running_totals(sentence, self.memory),
            *check_running_kinds(sentence, self.memory, self.lexicon),
            *check_targets(sentence, self.memory),
            *check_bounds(sentence),
            *check_known_floors(sentence, self.memory, self.lexicon),
            *check_kinds(sentence, self.lexicon),
            *check_gaps(sentence, self.memory, self.lexicon),
            *check_named_within(sentence, self.memory),
            *check_examples(sentence),
            *check_plan_stages(sentence),
            *check_per_head(sentence, self.memory, self.lexicon),
            *check_averages(sentence),
            *check_named_ratios(sentence),
            *check_pair_percents(sentence, self.memory),
        ]
        # Two rules may relate the same figures (a named part and a lexicon part of GDP): the first finding speaks for both.
        seen: set[tuple[str, tuple[int, ...]]] = set()
        kept = []
        for finding in findings:
            key = (finding.check, tuple(sorted(finding.facts)))
            if key not in seen:
                seen.add(key)
                kept.append(finding)
        return kept

    def result(self, source: str) -> AuditResult:
        return AuditResult(source, self.facts, self.findings)


def audit_lines(lines: Iterable[str], source: str, lexicon: Lexicon | None = None, layout: bool = False) -> AuditResult:
    """Audit a report given as lines (line ends included), one paragraph at a time; with `layout`, the lines may be a
    layout's (plain text copied out of a PDF) and are read as the paragraphs they were (`LayoutParagraphs`)."""
    auditor = Auditor(lexicon)
    if not layout:
        for offset, paragraph in iter_paragraphs(lines):
            auditor.feed(offset, paragraph)
        return auditor.result(source)
    paragraphs = LayoutParagraphs(lines)
    for offset, paragraph in paragraphs:
        auditor.feed(offset, paragraph)
    # Facts were read in joined paragraphs; their offsets index the given text again.
    for fact in auditor.facts:
        fact.text = paragraphs.given(fact.text, fact.start)
        fact.start, fact.end = paragraphs.real(fact.start), paragraphs.real(fact.end - 1) + 1
    return auditor.result(source)


def audit_text(text: str, source: str = "<text>", lexicon: Lexicon | None = None, layout: bool = True) -> AuditResult:
    """Audit a report held in a string; fact offsets index into `text`. A string is taken for plain text, whose lines
    may be a layout's; pass `layout=False` for the text of a Word or PDF file (`Document.kind`), whose lines are already
    its paragraphs, so that it reads as `audit_file` reads the file."""
    return audit_lines(split_lines(text), source, lexicon, layout=layout)


def audit_file(path: str | Path, lexicon: Lexicon | None = None) -> AuditResult:
    """Audit a report file (UTF-8 text, .docx or .pdf); text files are streamed line by line."""
    return audit_lines(iter_lines(path), str(path), lexicon, layout=is_plain_text(path))
