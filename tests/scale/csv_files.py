"""Long-format CSV files for the import tests: the header of a format, then the lines a test gives."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path


def csv_writer(columns: Sequence[str], default_name: str) -> Callable[..., Path]:
    """A function (tmp_path, body, name=default_name) → the path of a file holding the header and `body`."""
    header = ",".join(columns) + "\n"

    def write(tmp_path: Path, body: str, name: str = default_name) -> Path:
        path = tmp_path / name
        path.write_text(header + body, encoding="utf-8")
        return path

    return write
