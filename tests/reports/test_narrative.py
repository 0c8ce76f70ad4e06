"""Narrative blocks keep their history and cite recorded figures."""

from __future__ import annotations

import pytest

from devplan.indicators.services import Provenance
from devplan.lib.errors import DevplanError
from devplan.reports.content import Num
from devplan.reports.models import NarrativeBlock
from devplan.reports.narrative import Citations, latest_blocks, record_block


def test_an_edit_is_a_new_revision_and_the_latest_is_read(demo) -> None:  # type: ignore[no-untyped-def]
    record_block(demo, 2023, "problems", 1, "新的问题表述。", Provenance(reason="改写"))
    assert latest_blocks(demo, 2023)["problems"][0].text == "新的问题表述。"
    assert NarrativeBlock.objects.filter(region=demo, year=2023, section="problems", order=1).count() == 2


def test_demo_loading_twice_changes_nothing(demo) -> None:  # type: ignore[no-untyped-def]
    from devplan.demo.loader import load_demo

    count = NarrativeBlock.objects.count()
    load_demo()
    assert NarrativeBlock.objects.count() == count == 16


def test_citations_become_linked_numbers_and_gaps_stay_gaps(demo) -> None:  # type: ignore[no-untyped-def]
    runs = Citations(demo, 2023).runs("粮食种植面积{grain_area.value}万亩，生猪{pigs.value}万头")
    assert isinstance(runs[1], Num) and runs[1].text == "101.1" and runs[1].ref is not None
    assert "（缺数：pigs）" in runs


def test_unknown_section_is_refused(demo) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DevplanError, match="位置"):
        record_block(demo, 2023, "nowhere", 1, "文字", Provenance())
