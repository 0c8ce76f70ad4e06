"""Peer ranking (排湘潭市第一): competition ranking, so ties share a place and the next place is skipped."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from decimal import Decimal


def rank[K: Hashable](values: Mapping[K, Decimal | None], *, descending: bool = True) -> dict[K, int | None]:
    """Rank 1 for the best; peers without a value get None and take no place."""
    present = [(key, value) for key, value in values.items() if value is not None]
    present.sort(key=lambda item: item[1], reverse=descending)
    places: dict[K, int | None] = dict.fromkeys(values)
    previous: Decimal | None = None
    place = 0
    for position, (key, value) in enumerate(present, start=1):
        if value != previous:
            place = position
            previous = value
        places[key] = place
    return places
