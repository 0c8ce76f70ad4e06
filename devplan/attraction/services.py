"""Investment attraction: the measure kind's declaration and status."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from devplan.attraction.models import UNITS, AttractionFigure, AttractionTarget, Measure, Stage
from devplan.measures.status import Declaration, Series, status
from devplan.regions.models import Region

SERIES = [Series(m.value, m.label, UNITS[m]) for m in Measure]
ATTRACTION = Declaration("招商引资", AttractionFigure, AttractionTarget,
                         {"value": "数值（到位资金）", "count": "项目个数", "total": "合同引资"}, dict(Stage.choices),
                         key="attraction", series=lambda region, year: SERIES)


def attraction_status(region: Region, year: int, month: int | None = None, as_of: datetime | None = None
                      ) -> dict[str, Any]:
    """Each measure's year to date up to `month` against its target, and the pipeline by stage and chain."""
    return status(ATTRACTION, region, year, SERIES, month, as_of)
