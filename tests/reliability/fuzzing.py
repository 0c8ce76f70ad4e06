"""The fuzzing budget and the bounds every fuzzed input must stay within: a bounded budget in `make test`,
a long one when DEVPLAN_FUZZ=long (`make fuzz`)."""

from __future__ import annotations

import os
import time
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta

from hypothesis import HealthCheck, settings

LONG = os.environ.get("DEVPLAN_FUZZ") == "long"
SECONDS_PER_INPUT = 5.0
PEAK_BYTES = 64 << 20


def budget(examples: int) -> Callable[..., object]:
    """Hypothesis settings: `examples` in a normal run, fifty times as many with DEVPLAN_FUZZ=long."""
    return settings(max_examples=examples * 50 if LONG else examples, deadline=timedelta(seconds=SECONDS_PER_INPUT),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
                    derandomize=not LONG)


@contextmanager
def bounded() -> Iterator[None]:
    """Fail when the block allocates more than PEAK_BYTES at its peak or takes longer than SECONDS_PER_INPUT."""
    tracemalloc.start()
    started = time.perf_counter()
    try:
        yield
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        elapsed = time.perf_counter() - started
    assert peak < PEAK_BYTES, f"peak memory {peak >> 20} MB"
    assert elapsed < SECONDS_PER_INPUT, f"took {elapsed:.1f} s"
