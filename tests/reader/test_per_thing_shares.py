"""A share said right after an average per thing (平均每个园区…，占全县…的…%) is the total's, whose subject the average took:
nothing is divided by the average (the forty-sixth pass's merge, docs/audit.md)."""

from __future__ import annotations

from tests.reader.shapes import assert_quiet


def test_a_share_after_an_average_per_thing_is_quiet() -> None:
    assert_quiet(
        "全县5个省级园区共实现规模以上工业总产值400.0亿元，平均每个园区80.0亿元，占全县规上工业总产值的50.0%（全县800.0亿元）。",
        "全市4个市级园区共完成规模以上工业总产值360.0亿元，平均每个园区90.0亿元，占全市规上工业总产值的60.0%（全市600.0亿元）。",
    )
