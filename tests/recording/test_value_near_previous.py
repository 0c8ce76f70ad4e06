"""A figure far from the last one of the year — 1,000,000,000 亿元 of fixed investment after 188.20 (issue 16
trial) — is most likely a unit typed wrong: every door asks for a reason in the note, and takes it with one."""

from __future__ import annotations

import json

import pytest

from devplan.indicators.models import Indicator
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from devplan.recording.rows import FigureRow
from devplan.recording.rules import Rejected
from devplan.recording.service import write

pytestmark = pytest.mark.django_db


def _row(region, month: int, **raw: str) -> FigureRow:  # type: ignore[no-untyped-def]
    return FigureRow(region, Indicator.objects.get(code="fai"), 2023, month, raw)


def test_a_value_many_times_the_last_one_needs_a_reason(demo) -> None:  # type: ignore[no-untyped-def]
    operator = Actor.of_system("测试", Door.CLI)
    with pytest.raises(Rejected) as refused:
        write(operator, [_row(demo, 11, value="1000000000")])
    (problem,) = [p for p in refused.value.problems if p.rule == "value_near_previous"]
    assert "1—11月累计 1000000000亿元 是1—10月累计 170.6亿元按月推算值的" in problem.message
    assert "请在备注中写明原因" in problem.message
    outcome = write(operator, [_row(demo, 11, value="600", note="含新纳统的三个大项目一次性入库")])
    assert [w.rule for w in outcome.warnings] == ["value_near_previous"]


def test_a_value_near_the_months_share_passes_without_a_word(demo) -> None:  # type: ignore[no-untyped-def]
    outcome = write(Actor.of_system("测试", Door.CLI), [_row(demo, 11, value="188.20", growth_pct="7.8")])
    assert not [w for w in outcome.warnings if w.rule == "value_near_previous"]


def test_the_api_asks_the_same(personas) -> None:  # type: ignore[no-untyped-def]
    body = {"region": "湘乡市", "indicator": "fai", "through": "2023-11", "value": 18820}
    answer = personas.client("planner").post("/api/observations", json.dumps(body), content_type="application/json")
    assert answer.status_code == 422 and "按月推算值的" in answer.json()["detail"]


@pytest.mark.parametrize("rows", [
    # Plain new figures, the earlier month in the file (the screen compares while streaming) …
    "430381,fai,2022-01,10,,\n430381,fai,2022-02,1000,,\n",
    # … revisions of stored figures (the candidates' SQL) …
    "430381,fai,2023-09,150,,\n430381,fai,2023-10,15000,,\n",
    # … and a new month whose earlier month is in the table (looked up after the COPY).
    "430381,fai,2023-11,18820,,\n",
], ids=["new-series", "revisions", "stored"])
def test_the_bulk_door_refuses_the_same_jump(demo, tmp_path, rows: str) -> None:  # type: ignore[no-untyped-def]
    from devplan.lib.errors import DevplanError
    from tests.writing import import_figures_csv

    path = tmp_path / "jump.csv"
    path.write_text("region,indicator,period,value,growth_pct,note\n" + rows, encoding="utf-8")
    with pytest.raises(DevplanError, match="按月推算值的"):
        import_figures_csv(path)
