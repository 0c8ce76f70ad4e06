"""`make audit-eval`: the report reader and auditor scored against the hand-labelled set of issue 19
(tests/reader/labels/), errors planted at its labelled relations, and the whole development corpus
(../shared/corpus/work-reports/) with a verdict kept for every error it raises."""
