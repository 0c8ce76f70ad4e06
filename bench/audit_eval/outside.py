"""Passages written by outside testers who never read the reader's code: plants caught and false errors.

Each file in bench/audit_eval/outside/ holds one trial's passages (texts of county and city documents written for
the trial, each arithmetically true), the relations each states and, for each relation, one plant: the same text
with one number changed so that the relation breaks beyond rounding. A plant is caught when its text raises an
error the true passage does not (same check and message); an error on a true passage is a false error.

t19d (2026-12-07): sets C and D, fifteen passages each. C was read by the sixteenth pass; D was scored blind
once (68/90, no false error) and then read by the seventeenth pass (docs/audit.md).
t19e (2026-12-07): set E, twenty passages by another tester, scored blind; only its false errors were read.
t19f (2026-12-07): set F, twenty passages by a third tester, scored blind once on the day's final reader (68/114,
three false errors); then read, with set E's misses, by the eighteenth pass (docs/audit.md).
t19g (2026-12-07): set G, twenty passages by a fourth tester; its false errors were fixed by the twentieth pass,
then its plants were read by the twenty-second pass.
t19h (2026-12-07): set H, twenty passages by a fifth tester; scored blind once, on the reader after the eighteenth
to twenty-fifth passes (85/128, no false error); then its plants were read by the twenty-seventh pass.
t19i (2026-12-07): set I, twenty passages by a sixth tester; its false errors were fixed by the twenty-fourth
pass, then its plants were read by the twenty-fifth pass.
t19j (2026-12-07): set J, twenty passages by a seventh tester; scored blind once, with set H (94/127, two false
errors); its false errors, then its plants, were read by the twenty-sixth pass.
t19k (2026-12-07): set K, twenty passages by an eighth tester (plan reports, monthly briefs, projects, investment);
scored blind on main 662c892 (85/137, one false error) and on the merge of the twenty-sixth to twenty-eighth passes
(86/137, one); its false error, then its plants, were read by the thirtieth pass.
t19l (2026-12-07): set L, twenty passages by a ninth tester (bulletins, budgets, congress reviews); scored blind on
main 662c892 (97/145, seven false errors) and on the same merge (100/145, seven); its false errors, then its plants,
were read by the thirty-first pass.
t19m (2026-12-07): set M, twenty passages by a tenth tester (township and park reports, topic reports, a 十四五 review,
a prefecture's plan report); scored blind only, figures only.
t19n (2026-12-07): set N, twenty longer passages by an eleventh tester, figures bound across sentences and paragraphs;
scored blind, then only its five false errors were read, by the thirty-fifth pass.
t19o (2026-12-07): set O, twenty passages by a twelfth tester (prefectures, provinces, the west and north-east, new
areas); scored blind only.
t19p (2026-12-07): set P, twenty passages by a thirteenth tester, written as text copied out of a PDF or a post (lines
broken by the layout, full-width digits, page numbers in mid-text); scored blind only.
t19q, t19r, t19s, t19t (2026-12-07, a later session): sets Q (county and prefecture plan reports, indicator lists as
lines), R (bulletins and monthly briefs), S (budgets, congress reviews, investment attraction and funds won) and T
(townships, parks and districts of the west, north-east and coast; full-width digits, separators), twenty passages
each by four more testers; scored blind on main 12ae09e and on the day's final reader, figures only. See
docs/audit.md for each.
t19u, t19v, t19w, t19x (2026-12-07, the fourteenth session): sets U (half-year and three-quarter analyses, 十四五
mid-term reviews and work-report reviews of prefecture- and county-level cities), V (departments' annual reports:
transport, agriculture, commerce, employment, medical insurance, tax, housing), W (bulletins and monthly statistics,
half of them Excel tables pasted as text with tabs or runs of spaces) and X (congress reviews, audit reports, special
bonds and government investment, rural revitalisation and parks), twenty passages each by four more testers; scored
blind on main 098cb1b, figures only.
t19y (2026-12-07, the fourteenth session): set Y, twenty passages by a fifth tester of the session, mostly the
annexed tables of plan reports, monthly statistics and budget tables pasted as text (tabs, runs of spaces, bars),
written while set W was opened to the pass on pasted tables; scored blind, figures only.
t19z (2026-12-07, the fourteenth session): set Z, twenty passages by a sixth tester, tables as text in as many layouts
as the tester could find (Markdown and full-width bars, tabs, aligned spaces, CSV, two header rows, a unit line, totals
first or last), written while set Y was opened to the second pass on tables; scored blind, figures only.
t19aa (2026-12-08, the fourteenth session): set AA, twenty passages by a seventh tester, half tables as a county pastes
them (attachments of a plan report, monthly statistics, budget tables, key projects, township scores) and half the prose
that restates their figures, written while set Z was opened to the third pass on tables; scored blind, figures only."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from devplan.reader import audit_text

OUTSIDE = Path(__file__).resolve().parent / "outside"
SETS = {"C": "t19d", "D": "t19d", "E": "t19e", "F": "t19f", "G": "t19g", "H": "t19h", "I": "t19i", "J": "t19j",
        "K": "t19k", "L": "t19l", "M": "t19m", "N": "t19n", "O": "t19o", "P": "t19p",
        "Q": "t19q", "R": "t19r", "S": "t19s", "T": "t19t",
        "U": "t19u", "V": "t19v", "W": "t19w", "X": "t19x", "Y": "t19y", "Z": "t19z", "AA": "t19aa"}


@dataclass
class OutsideScore:
    planted: Counter[str] = field(default_factory=Counter)
    caught: Counter[str] = field(default_factory=Counter)
    false_errors: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)


def passages(name: str) -> list[dict]:
    """The passages of set `name` (C, D, …)."""
    trial = json.loads((OUTSIDE / f"{SETS[name]}.json").read_text(encoding="utf-8"))
    return [p for p in trial["passages"] if p["set"] == name]


def _errors(text: str) -> set[tuple[str, str]]:
    return {(f.check, f.message) for f in audit_text(text).findings if f.severity == "error"}


def score_set(name: str) -> OutsideScore:
    """Every plant of set `name` run against its true passage."""
    scored = OutsideScore()
    for passage in passages(name):
        true = _errors(passage["text"])
        scored.false_errors += [f"{passage['id']} [{check}] {message}" for check, message in sorted(true)]
        for relation in passage["relations"]:
            old, new = relation["plant"]["old"], relation["plant"]["new"]
            scored.planted[relation["kind"]] += 1
            if _errors(passage["text"].replace(old, new, 1)) - true:
                scored.caught[relation["kind"]] += 1
            else:
                scored.missed.append(f"{passage['id']} {relation['id']} {relation['kind']}: 「{old}」→「{new}」")
    return scored


def outside_report(name: str, details: bool) -> list[str]:
    scored = score_set(name)
    planted, caught = sum(scored.planted.values()), sum(scored.caught.values())
    lines = [f"== outside set {name} ({SETS[name]}): {len(passages(name))} passages",
             f"planted caught {caught}/{planted} ({100 * caught / planted:.1f} %); false errors {len(scored.false_errors)}"]
    lines += [f"  {kind:14} {scored.caught[kind]}/{scored.planted[kind]}" for kind in sorted(scored.planted)]
    lines += [f"  FALSE ERROR {line}" for line in scored.false_errors]
    if details:
        lines += ["-- planted, not caught", *scored.missed]
    return lines
