"""What is wrong in a filled template, cell by cell; any problem rejects the whole file."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from devplan.lib.errors import DevplanError


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int | None
    column: str | None
    field: str
    message: str

    def sentence(self) -> str:
        where = f"工作表“{self.sheet}”"
        if self.row is not None:
            where += f"第{self.row}行"
        if self.column is not None:
            where += f"{self.column}列"
        return f"{where}（{self.field}）：{self.message}"

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


class ImportRejected(DevplanError):
    """The file has problems; nothing was written. Lists every problem by sheet, row, column and reason."""

    def __init__(self, filename: str, problems: list[Problem]) -> None:
        self.filename = filename
        self.problems = problems
        lines = "\n".join(f"  {n}. {p.sentence()}" for n, p in enumerate(problems, start=1))
        super().__init__(
            f"文件“{filename}”有{len(problems)}处问题，未导入任何数据（数据库没有改动）；请改正后重新导入：\n{lines}"
        )
