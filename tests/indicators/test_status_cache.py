"""The cached status table changes as soon as a revision is recorded."""

from decimal import Decimal as D

import pytest

from devplan.indicators.services import find_indicator
from devplan.indicators.status import indicator_status
from devplan.indicators.status_cache import cached_status
from tests.writing import Provenance, record_figure

pytestmark = pytest.mark.django_db


def gdp_estimate(rows):
    return next(row for row in rows if row["indicator"] == "gdp")["estimate"]["value"]


def test_cached_status_equals_the_status_table(demo):
    assert cached_status(demo, 2023) == indicator_status(demo, 2023)


def test_a_new_revision_is_seen_at_once(demo):
    assert gdp_estimate(cached_status(demo, 2023)) == 600
    record_figure(demo, find_indicator("gdp"), 2023, 9, Provenance(by_name="统计局"), value=D("428.3"),
                  growth_pct=D("2.2"), estimate_value=D("605"))
    assert gdp_estimate(cached_status(demo, 2023)) == 605


def test_the_region_is_looked_up_every_time_so_reused_names_never_serve_stale_ids(demo):
    from devplan.indicators.status_cache import cached_status_json
    from devplan.lib.errors import NotFound

    assert b"gdp" in cached_status_json("430381", 2023)
    with pytest.raises(NotFound):
        cached_status_json("不存在市", 2023)
