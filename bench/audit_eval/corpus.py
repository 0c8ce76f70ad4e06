"""The whole development corpus: errors and warnings per 100,000 characters, each error with its verdict.

Verdicts are kept in tests/reader/error_verdicts.json, one entry per error (file, rule, sentence),
judged by a person reading the sentence: `true` when the report's own figures really disagree,
`false` when the reader misread them, with the reason."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from bench.audit_eval.holdout import Part, report_part
from bench.audit_eval.labels import ROOT, SHARED
from devplan.reader import audit_file

CORPUS = SHARED / "corpus" / "work-reports"
VERDICTS = ROOT / "tests" / "reader" / "error_verdicts.json"


@dataclass
class CorpusRun:
    characters: int = 0
    documents: int = 0
    warnings: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)


def run_corpus(part: Part = "development") -> CorpusRun:
    """The corpus reports of one part (bench/audit_eval/holdout.py)."""
    run = CorpusRun()
    for path in sorted(CORPUS.glob("*.txt")):
        if report_part(path) != part:
            continue
        run.documents += 1
        run.characters += len(path.read_text(encoding="utf-8"))
        result = audit_file(path)
        for finding in result.findings:
            if finding.severity == "warning":
                run.warnings += 1
            elif finding.severity == "error":
                run.errors.append({
                    "file": path.name, "check": finding.check,
                    "sentence": (finding.sentence or "").strip(), "message": finding.message,
                })
    return run


def verdicts() -> dict[tuple[str, str, str], dict[str, Any]]:
    if not VERDICTS.exists():
        return {}
    entries = json.loads(VERDICTS.read_text(encoding="utf-8"))
    return {(e["file"], e["check"], e["sentence"]): e for e in entries}


def corpus_report(run: CorpusRun) -> list[str]:
    per = 100_000 / run.characters if run.characters else 0
    judged = verdicts()
    true = false = unjudged = 0
    lines = []
    for error in run.errors:
        verdict = judged.get((error["file"], error["check"], error["sentence"]))
        if verdict is None:
            unjudged += 1
            mark = "unjudged"
        elif verdict["verdict"]:
            true += 1
            mark = f"TRUE ({verdict['reason']})"
        else:
            false += 1
            mark = f"FALSE ({verdict['reason']})"
        lines.append(f"  {error['file']} {error['check']}: {error['message']}\n    «{error['sentence'][:160]}» → {mark}")
    head = [
        f"{run.documents} documents, {run.characters:,} characters",
        f"errors {len(run.errors)} ({len(run.errors) * per:.2f} per 100,000 characters): "
        f"{true} true, {false} false ({false * per:.2f} false per 100,000 characters), {unjudged} unjudged",
        f"warnings {run.warnings} ({run.warnings * per:.2f} per 100,000 characters)",
    ]
    return head + lines
