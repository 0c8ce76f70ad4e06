"""Benchmark of the report reader and auditor (`devplan audit`): the seed report read and audited after
start-up (target under 100 ms), throughput on a 10 MB concatenation of reports (target at least 1 MB/s),
and peak memory, which must not grow with the input beyond the facts themselves.

    python -m bench.audit [--quick]
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from devplan.reader import audit_file

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "xiangxiang-2023-plan-report.txt"
MB = 1_000_000


def _corpus_file(folder: Path, size: int) -> Path:
    """A file of at least `size` bytes: the seed and the samples, repeated."""
    parts = [SEED.read_text(encoding="utf-8"), *(p.read_text(encoding="utf-8") for p in sorted((SHARED / "samples").glob("*.txt")))]
    block = "\n".join(parts) + "\n"
    copies = -(-size // len(block.encode()))
    path = folder / f"concatenated-{size // MB}MB.txt"
    with path.open("w", encoding="utf-8") as handle:
        for _ in range(copies):
            handle.write(block)
    return path


def _seed_ms(runs: int) -> float:
    audit_file(SEED)  # warm-up: imports, compiled patterns, the lexicon
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        audit_file(SEED)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def _throughput(path: Path) -> tuple[float, float, int, int]:
    """MB/s by the clock and by this process's CPU time (the second is steady on a busy machine)."""
    started, cpu_started = time.perf_counter(), time.process_time()
    result = audit_file(path)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    size = path.stat().st_size / MB
    return size / seconds, size / cpu_seconds, len(result.facts), len(result.findings)


def _memory(path: Path) -> dict[str, float]:
    """Peak traced memory while auditing, what the result itself holds, and the difference (working memory)."""
    tracemalloc.start()
    result = audit_file(path)
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "input_mb": round(path.stat().st_size / MB, 1),
        "facts": len(result.facts),
        "peak_mb": round(peak / MB, 1),
        "result_mb": round(held / MB, 1),
        "working_mb": round((peak - held) / MB, 2),
    }


def run(quick: bool) -> dict[str, Any]:
    if not SEED.exists():
        return {"skipped": f"{SEED} is not there (../shared beside the repo)"}
    size = 2 * MB if quick else 10 * MB
    with tempfile.TemporaryDirectory(prefix="devplan-bench-audit-") as folder:
        big = _corpus_file(Path(folder), size)
        small = _corpus_file(Path(folder), size // 4)
        seed_ms = _seed_ms(5 if quick else 30)
        mb_per_s, cpu_mb_per_s, facts, findings = _throughput(big)
        memory = [_memory(small), _memory(big)]
    return {
        "seed_audit_ms": round(seed_ms, 1),
        "throughput_mb_s": round(mb_per_s, 2),
        "throughput_cpu_mb_s": round(cpu_mb_per_s, 2),
        "input_mb": round(size / MB, 1),
        "facts": facts,
        "findings": findings,
        "memory": memory,
        "targets": {"seed_audit_ms": 100, "throughput_mb_s": 1},
    }


if __name__ == "__main__":
    print(json.dumps(run("--quick" in sys.argv[1:]), ensure_ascii=False, indent=2))
