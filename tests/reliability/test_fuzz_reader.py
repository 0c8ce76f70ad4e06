"""The report reader's `read_file` on arbitrary bytes under every extension it may be given, and on bytes
that look like a zip or a PDF: text or one named ReaderError, within the time and memory bounds."""

from __future__ import annotations

import io
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from devplan.reader import ReaderError, read_file
from tests.reliability.fuzzing import LONG, bounded, budget
from tests.reliability.record import record

SUFFIXES = [".txt", ".md", ".csv", ".docx", ".pdf", ".doc", ".xlsx", ".bin", ""]


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


member_names = st.sampled_from(["[Content_Types].xml", "word/document.xml", "_rels/.rels", "xl/workbook.xml", "x"])
files = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=500).map(lambda text: text.encode("utf-8")),
    st.binary(max_size=1000).map(lambda tail: b"%PDF-1.4\n" + tail),
    st.lists(st.tuples(member_names, st.binary(max_size=300)), max_size=4, unique_by=lambda m: m[0]).map(_zip),
)


def test_read_file_on_arbitrary_bytes_gives_text_or_a_named_error():
    outcomes: Counter[str] = Counter()

    @budget(200)
    @given(files, st.sampled_from(SUFFIXES))
    def check(content: bytes, suffix: str) -> None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"report{suffix}"
            path.write_bytes(content)
            try:
                with bounded():
                    document = read_file(path)
            except ReaderError as error:
                assert str(path) in error.sentence()
                outcomes[type(error).__name__] += 1
            else:
                assert isinstance(document.text, str)
                outcomes["read"] += 1

    check()
    record("fuzz", "reader read_file", uses_db=False, examples=sum(outcomes.values()), long=LONG,
           crashes=0, outcomes=dict(outcomes))
