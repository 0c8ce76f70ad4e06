"""Funds won in the 湘乡市 demo: the seed's 1-11月 figures by source."""

from __future__ import annotations

from devplan.funds.models import FundFigure, FundTarget
from devplan.funds.services import record_fund_figure, record_fund_target
from devplan.projects.demo_files import decimal_or_none, demo_file, demo_provenance
from devplan.regions.models import Region


def load_funds_demo(region: Region) -> None:
    data = demo_file("funds.json")
    for row in data["figures"]:
        identity = {"region": region, "year": row["year"], "month": row["month"], "source": row["source"]}
        if FundFigure.objects.filter(**identity).exists():
            continue
        record_fund_figure(
            region, row["year"], row["month"], row["source"], demo_provenance(data, row["source_text"]),
            amount=decimal_or_none(row, "amount"), project_count=row.get("project_count"),
            project_investment=decimal_or_none(row, "project_investment"), note=row.get("note", ""),
        )
    for row in data["targets"]:
        if FundTarget.objects.filter(region=region, year=row["year"], source=row["source"]).exists():
            continue
        record_fund_target(
            region, row["year"], row["source"], demo_provenance(data, row["source_text"]),
            amount=decimal_or_none(row, "amount"), qualifier=row.get("qualifier", ""),
        )
