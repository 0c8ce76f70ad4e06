"""python -m bench.audit_eval [--labels-only | --corpus-only] [--details] [--held-out] [--pdf]

Without --held-out: the development part of the labelled set and corpus (details on request).
With --held-out: the documents held out of development (bench/audit_eval/holdout.py), figures only,
and the corpus errors found in them listed for judging. With --pdf: also a sample of corpus reports
printed to PDF in three layouts and read back (bench/audit_eval/pdf.py)."""

from __future__ import annotations

import sys

from bench.audit_eval.corpus import CORPUS, corpus_report, run_corpus
from bench.audit_eval.holdout import held_out_label, held_out_report
from bench.audit_eval.labels import documents
from bench.audit_eval.mutation import Detection, detect, detection_table
from bench.audit_eval.pdf import pdf_report
from bench.audit_eval.scoring import Score, fact_table, relation_table, score
from devplan.reader import audit_text

# Every twelfth development report of the corpus, from the first.
PDF_SAMPLE = [path.stem for path in sorted(CORPUS.glob("*.txt")) if not held_out_report(path)][::12]


def main(argv: list[str]) -> int:
    held_out = "--held-out" in argv
    details = "--details" in argv and not held_out
    part = "held out of development" if held_out else "development part"
    if "--corpus-only" not in argv:
        scored, detection = Score(), Detection()
        docs = [doc for doc in documents() if held_out_label(doc.name) == held_out]
        for doc in docs:
            result = audit_text(doc.text, doc.name)
            score(doc, result, scored)
            detect(doc, result, detection)
        print(f"== labelled set, {part}: {len(docs)} documents (tests/reader/labels)")
        print("\n".join(fact_table(scored)))
        print()
        print("\n".join(relation_table(scored)))
        print()
        print("== errors planted at the labelled relations")
        print("\n".join(detection_table(detection)))
        if details:
            for title, items in (("missed facts", scored.missed_facts), ("wrong facts", scored.wrong_facts),
                                 ("missed relations", scored.missed_relations), ("planted, not caught", detection.missed)):
                print(f"\n-- {title} ({len(items)})")
                print("\n".join(items))
    if "--labels-only" not in argv:
        print()
        print(f"== development corpus (../shared/corpus/work-reports), {part}")
        print("\n".join(corpus_report(run_corpus(held_out))))
    if "--pdf" in argv:
        print()
        print("== corpus reports printed to PDF and read back, against their text")
        print("\n".join(pdf_report(PDF_SAMPLE)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
