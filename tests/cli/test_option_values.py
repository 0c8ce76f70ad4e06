"""An option given a value of the wrong type, or left out, is one Chinese sentence for every command (trial 18:
`devplan report --year abc` printed argparse's usage and "invalid int value: 'abc'")."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_devplan


@pytest.mark.parametrize(("args", "said"), [
    (("report", "--region", "湘乡市", "--year", "abc", "--out", "x"), "--year 应为半角数字的整数，而不是“abc”"),
    (("tasks", "--region", "湘乡市", "--year", "2024", "--month", "十"), "--month 应为半角数字的整数，而不是“十”"),
    (("report", "--region", "湘乡市", "--out", "x"), "缺少必填选项 --year"),
])
def test_a_wrong_or_missing_option_is_one_chinese_sentence(tmp_path: Path, args: tuple[str, ...], said: str) -> None:
    answer = run_devplan(*args, db=f"sqlite:///{tmp_path / 'none.db'}")
    assert answer.returncode == 2
    assert answer.stderr.startswith(said) and len(answer.stderr.strip().splitlines()) == 1, answer.stderr
    assert "usage:" not in answer.stderr and "invalid" not in answer.stderr
