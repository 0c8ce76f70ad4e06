"""A synthetic region tree with China's real proportions: 31 provinces, 333 prefectures, 2,844 counties."""

from __future__ import annotations

import random
from dataclasses import dataclass

from devplan.regions.models import Region

PROVINCES, PREFECTURES, COUNTIES = 31, 333, 2844


@dataclass(frozen=True)
class TreeSize:
    provinces: int
    prefectures: int
    counties: int

    @classmethod
    def for_counties(cls, counties: int) -> TreeSize:
        """Scale the real proportions down (or up) to the number of counties asked for."""
        provinces = max(1, min(PROVINCES, round(PROVINCES * counties / COUNTIES)))
        prefectures = max(provinces, round(PREFECTURES * counties / COUNTIES))
        return cls(provinces, min(prefectures, counties), counties)


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """`total` items over `parts` groups, at least one each, unevenly as in reality."""
    weights = [rng.uniform(0.5, 1.5) for _ in range(parts)]
    scale = (total - parts) / sum(weights)
    sizes = [1 + int(w * scale) for w in weights]
    for i in range(total - sum(sizes)):
        sizes[i % parts] += 1
    return sizes


def build_tree(size: TreeSize, rng: random.Random, prefix: str = "9") -> list[Region]:
    """Create the regions and return the counties. Codes start with 9, which no real province code does."""
    provinces = Region.objects.bulk_create(
        Region(code=f"{prefix}{p:02d}", name=f"模拟省{p:02d}", level=Region.Level.PROVINCE)
        for p in range(1, size.provinces + 1)
    )
    per_province = _split(size.prefectures, size.provinces, rng)
    prefectures = Region.objects.bulk_create(
        Region(code=f"{province.code}{k:03d}", name=f"{province.name}市{k:02d}",
               level=Region.Level.PREFECTURE, parent=province)
        for province, count in zip(provinces, per_province, strict=True)
        for k in range(1, count + 1)
    )
    per_prefecture = _split(size.counties, len(prefectures), rng)
    return Region.objects.bulk_create(
        (
            Region(code=f"{prefecture.code}{c:02d}", name=f"{prefecture.name}县{c:02d}",
                   level=Region.Level.COUNTY, parent=prefecture)
            for prefecture, count in zip(prefectures, per_prefecture, strict=True)
            for c in range(1, count + 1)
        ),
        batch_size=2000,
    )
