"""Problems found in an input file, each with where it is, and the error that carries all of them."""

from __future__ import annotations

from dataclasses import dataclass

from devplan.lib.errors import DevplanError

MAX_LISTED = 50


@dataclass(frozen=True)
class Problem:
    line: int
    column: str
    reason: str

    def sentence(self) -> str:
        """Line 0 means the problem concerns the file as a whole."""
        if self.line == 0:
            return self.reason
        if self.column == "—":
            return f"第{self.line}行：{self.reason}"
        return f"第{self.line}行“{self.column}”列：{self.reason}"


class ImportRejected(DevplanError):
    """The file has problems; nothing of it was written. Lists up to MAX_LISTED problems."""

    def __init__(self, path: str, problems: list[Problem], total: int | None = None) -> None:
        self.problems = problems
        self.valid_rows_stored = False  # the file's valid rows were written (to list the stored rows' rules too)
        self.total = total if total is not None else len(problems)
        listed = "；".join(p.sentence() for p in problems[:MAX_LISTED])
        more = f"；另有{self.total - MAX_LISTED}处问题未列出" if self.total > MAX_LISTED else ""
        super().__init__(f"发现{self.total}处问题，整个文件未导入：{listed}{more}", where=path)
