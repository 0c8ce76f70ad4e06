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
    # Trial t18b: Python's int() took full-width digits and underscores, so these built the 2023 report.
    (("report", "--region", "湘乡市", "--year", "２０２３", "--out", "x"), "--year 应为半角数字的整数，而不是“２０２３”"),
    (("report", "--region", "湘乡市", "--year", "2_023", "--out", "x"), "--year 应为半角数字的整数，而不是“2_023”"),
    (("serve", "--port", "８０００"), "--port 应为半角数字的整数，而不是“８０００”"),
])
def test_a_wrong_or_missing_option_is_one_chinese_sentence(tmp_path: Path, args: tuple[str, ...], said: str) -> None:
    answer = run_devplan(*args, db=f"sqlite:///{tmp_path / 'none.db'}")
    assert answer.returncode == 2
    assert answer.stderr.startswith(said) and len(answer.stderr.strip().splitlines()) == 1, answer.stderr
    assert "usage:" not in answer.stderr and "invalid" not in answer.stderr


def test_an_as_of_day_in_full_width_digits_is_refused() -> None:
    """`--as-of ２０２３-１２-０１` built a brief where `--month ２０２３-１１` was refused (trial t18b)."""
    from devplan.lib.errors import UsageError
    from devplan.lib.periods import parse_as_of

    with pytest.raises(UsageError, match="--as-of 应为 YYYY-MM-DD 格式的日期"):
        parse_as_of("２０２３-１２-０１")
