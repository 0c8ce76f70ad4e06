"""Arbitrary text and arbitrary bytes never crash the reader: facts, or one named error."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devplan.reader import ReaderError, audit_file, audit_text

REPORT_ALPHABET = st.sampled_from(
    list("0123456789０１２３.,，。;；:：、%％‰—-～()（）“”《》其中分别占比重增长下降预计年计划完成亿万元个家第一二三两〇季度月上半全排居位以上左右约近多余\n ")
)
report_like = st.text(alphabet=REPORT_ALPHABET, max_size=300)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), report_like))
def test_any_text_gives_facts_whose_offsets_slice_it(text: str) -> None:
    result = audit_text(text)
    for fact in result.facts:
        assert text[fact.start : fact.end] == fact.text
    for finding in result.findings:
        assert all(0 <= i < len(result.facts) for i in finding.facts)
    result.to_json_text()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400), st.sampled_from([".txt", ".docx", ".pdf", ".doc", ".bin", ""]))
def test_any_bytes_as_a_file_give_facts_or_one_named_error(content: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"report{suffix}"
        path.write_bytes(content)
        try:
            audit_file(path)
        except ReaderError as exc:
            assert str(path) in exc.sentence()
            assert "\n" not in exc.sentence()
