"""Coverage-guided fuzzing of the auditor with atheris (libFuzzer): mutated report text goes through
`audit_text` and must come back as findings, never as an exception, within the libFuzzer time and memory
limits. Hypothesis (test_fuzz_reader.py) generates inputs blindly; atheris steers toward new branches of
the number, unit and period parsers, starting from lines of real reports.

    python -m tests.reliability.atheris_audit CORPUS_DIR -max_total_time=60 -timeout=5 -rss_limit_mb=1024

Run through test_fuzz_atheris.py (a short budget in `make test`, a long one in `make fuzz`).
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    from devplan.reader import audit_text


def one_input(data: bytes) -> None:
    # Decoded as UTF-8 (not through FuzzedDataProvider) so that the corpus of real report lines mutates as
    # the text it is.
    text = data.decode("utf-8", errors="replace")
    result = audit_text(text, source="fuzz")
    result.to_json()


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
