"""python -m bench.audit_eval [--labels-only | --corpus-only] [--details]"""

from __future__ import annotations

import sys

from bench.audit_eval.corpus import corpus_report, run_corpus
from bench.audit_eval.labels import documents
from bench.audit_eval.mutation import Detection, detect, detection_table
from bench.audit_eval.scoring import Score, fact_table, relation_table, score
from devplan.reader import audit_text


def main(argv: list[str]) -> int:
    details = "--details" in argv
    if "--corpus-only" not in argv:
        scored, detection = Score(), Detection()
        docs = list(documents())
        for doc in docs:
            result = audit_text(doc.text, doc.name)
            score(doc, result, scored)
            detect(doc, result, detection)
        print(f"== labelled set: {len(docs)} documents (tests/reader/labels)")
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
        print("== development corpus (../shared/corpus/work-reports)")
        print("\n".join(corpus_report(run_corpus())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
