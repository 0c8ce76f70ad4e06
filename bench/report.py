"""The benchmark table: printed, and written to docs/benchmarks.md with the machine it ran on."""

from __future__ import annotations

import json
import os
import platform
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any

import django


def _cpu() -> str:
    for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor()


def _postgres_version() -> str:
    try:
        out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-tAc", "SHOW server_version"],
                             capture_output=True, text=True, timeout=10).stdout.strip()
    except OSError:
        return "not found"
    return out or "not running"


def machine() -> dict[str, str]:
    return {
        "cpu": f"{_cpu()} × {os.cpu_count()}",
        "memory": f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB",
        "os": platform.platform(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "postgresql": _postgres_version(),
        "sqlite": sqlite3.sqlite_version,
        "load_before": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "date": datetime.now().strftime("%Y-%m-%d %H:%M"),
    }


def _fmt(value: Any, unit: str = "") -> str:
    return "—" if value is None else f"{value}{unit}"


def _document(reports: dict[str, Any], name: str) -> str:
    """Elapsed seconds of building a document, with the CPU seconds of this process and of the children that
    laid out its PDF (on a shared machine the elapsed time grows with the others' load)."""
    cpu, children = reports.get(f"{name}_cpu_s"), reports.get(f"{name}_children_cpu_s")
    said = f" (CPU {cpu} s + {children} s in children)" if cpu is not None and children is not None else ""
    return _fmt(reports.get(f"{name}_s"), " s") + said


def _scale_rows(name: str, data: dict[str, Any], postgres: bool) -> list[list[str]]:
    prepared, imported, queries = data["prepare"], data["import"], data["queries"]
    size = f"{prepared['rows']:,} figures"
    floor = imported.get("floor_seconds")
    revert = data.get("revert", {})
    return [
        [f"import {name}: devplan vs raw loader", size,
         f"{imported['devplan_seconds']} s vs {imported['raw_seconds']} s", "reference" if postgres else "≤ 1.8×",
         _fmt(imported["ratio"], "×"), _fmt(imported["process_peak_mb"])],
        [f"import {name}: raw loader into a table with the figure key", size,
         f"{imported.get('keyed_seconds')} s vs {imported['raw_seconds']} s", "reference",
         _fmt(imported.get("keyed_ratio"), "×"), "—"],
        *([[f"import {name}: the figure table's floor (devplan's converted rows COPYed in) vs raw loader", size,
            f"{floor} s vs {imported['raw_seconds']} s (key kept {imported.get('floor_key_kept_seconds')} s, "
            f"dropped and rebuilt {imported.get('floor_key_rebuilt_seconds')} s)", "≤ 2.5×",
            _fmt(imported["floor_ratio"], "×"), "—"],
           [f"import {name}: devplan vs the figure table's floor", size,
            f"{imported['devplan_seconds']} s vs {floor} s", "≤ 1.1×",
            _fmt(round(imported["devplan_seconds"] / floor, 2) if floor else None, "×"), "″"]] if floor is not None else []),
        [f"import {name}: revisions of stored figures (staged path)", f"{imported.get('revision_rows', 0):,} figures",
         f"{imported.get('revisions_seconds')} s", "—", "—", "″"],
        [f"revert {name}: one change set", f"{revert.get('rows', 0):,} figures",
         f"{revert.get('revert_seconds')} s (as-of tables unchanged: {revert.get('as_of_unchanged')}, "
         f"values restored: {revert.get('restored')})", "< 10 s (100,000 figures)" if postgres else "—", "—",
         _fmt(revert.get("process_peak_mb"))],
        [f"province ranking {name}", f"{queries['province_counties']} counties",
         f"{queries['ranking_ms']} ms vs {queries['hand_ranking_ms']} ms (same answer: {queries['same_ranking']})",
         "< 20 ms, ≤ 1.5×" if postgres else "—", _fmt(queries["ranking_ratio"], "×"), _fmt(queries["process_peak_mb"])],
        [f"national prefecture roll-up {name}", f"{queries['prefectures']} prefectures",
         f"{queries['rollup_ms']} ms vs {queries['hand_rollup_ms']} ms (same answer: {queries['same_rollup']})",
         "< 200 ms, ≤ 1.5×" if postgres else "—", _fmt(queries["rollup_ratio"], "×"), "″"],
        [f"province planner's area page {name} (server time)", f"{queries['province_counties']} counties",
         f"{queries.get('area_page_ms')} ms", "< 300 ms" if postgres else "—", "—", "″"],
        [f"cross-level check, every prefecture and province {name}", f"{queries['prefectures']} prefectures",
         f"{queries.get('level_checks_ms')} ms", "< 200 ms" if postgres else "—", "—", "″"],
    ]


def _api_rows(api: dict[str, Any]) -> list[list[str]]:
    if "skipped" in api:
        return [["/api/status under load", "—", api["skipped"], "—", "—", "—"]]
    status, bare = api["status"], api["bare"]
    return [[
        "/api/status under load (wrk)", f"{api['connections']} connections, {api['seconds']} s",
        f"{status['rps']} req/s (p50 {status['p50_ms']} / p95 {status['p95_ms']} / p99 {status['p99_ms']} ms, "
        f"errors {status['errors'] + status['non2xx']}) vs bare {bare['rps']} req/s",
        "≥ 0.5× bare, p95 < 50 ms", _fmt(api["throughput_ratio"], "×"), _fmt(api["process_peak_mb"]),
    ]]


def _load_rows(load: dict[str, Any] | None) -> list[list[str]]:
    if not load:
        return []
    status = load["status"]
    errors = {name: load[name]["server_errors"] + load[name]["connection_errors"]
              for name in ("status", "login", "download", "audit")}
    return [[
        "/api/status while reports and audits run (bench.load)",
        f"{load['users']['status_connections']} connections (each pausing {load['users']['status_pause_ms']} ms) + "
        f"{load['workers']} workers, {load['users']['report']} report users + "
        f"{load['users']['audit']} audit users, {load['seconds']} s",
        f"p50 {status['p50_ms']} / p95 {status['p95_ms']} / p99 {status['p99_ms']} ms, {status['count']} answers "
        f"({status['rps']}/s); "
        f"downloads {load['download']['count']}, audits {load['audit']['count']}, logins {load['login']['count']}; "
        f"5xx+connection errors {sum(errors.values())}, 429 {sum(load[n].get('limited_429', 0) for n in errors)}, "
        f"worker killed: {load['worker_killed']}",
        "p95 < 100 ms, no 5xx, no worker killed" + ("" if load["goal_met"] else " (missed)"), "—",
        _fmt(load.get("process_peak_mb")),
    ]]


def rows(results: dict[str, Any]) -> list[list[str]]:
    audit, reports = results["audit"], results["reports"]
    table = [
        ["audit of the seed (after start-up)", "30 KB", _fmt(audit.get("seed_audit_ms"), " ms"), "< 100 ms", "—",
         _fmt(audit.get("process_peak_mb"))],
        ["audit throughput", f"{audit.get('input_mb')} MB", _fmt(audit.get("throughput_mb_s"), " MB/s"),
         "≥ 1 MB/s", "—", "″"],
        ["report, demo region (docx+pdf+html+xlsx)", "湘乡市", _document(reports, "demo_report"), "< 3 s", "—",
         _fmt(reports.get("process_peak_mb"))],
        ["report, many projects", f"{reports.get('projects')} projects", _document(reports, "large_report"),
         "< 10 s (500 projects)", "—", "″"],
        ["monthly brief (docx+pdf)", "湘乡市 2023-10", _document(reports, "brief"), "< 1 s", "—", "″"],
    ]
    table += _scale_rows("PostgreSQL", results["postgresql"], postgres=True)
    table += _scale_rows("SQLite", results["sqlite"], postgres=False)
    table += _api_rows(results["api"])
    table += _load_rows(results.get("load"))
    return table


def _notes(path: Path) -> list[str]:
    """The dated sections written by hand between the table and "## Machine" of the file being replaced:
    measurements with their circumstances, kept when the table is written anew."""
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").split("\n")
    first = next((i for i, line in enumerate(lines) if line.startswith("## ")), None)
    if first is None or lines[first] == "## Machine":
        return []
    end = lines.index("## Machine") if "## Machine" in lines else len(lines)
    return [*lines[first:end]]


def write_markdown(results: dict[str, Any], path: Path) -> str:
    header = ["benchmark", "size", "measured", "limit / goal", "ratio", "peak MB"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows(results)]
    table = "\n".join(lines)
    info = results["machine"]
    kind = "`make bench-quick` (small sizes: checks the benchmarks run, not their times)" if results["quick"] else "`make bench`"
    text = "\n".join([
        "# Benchmarks",
        "",
        f"Written by {kind} on {info['date']}, in {results['total_seconds']} s. Medians of several runs; each benchmark "
        "runs in its own process, so its peak memory is its own. Ratios are devplan against the limit beside it "
        "(the database's own bulk loader, a hand-written SQL query, a bare endpoint of the same server).",
        "",
        table,
        "",
        *_notes(path),
        "## Machine",
        "",
        *[f"- {key}: {value}" for key, value in info.items()],
        "",
        "## How to read it",
        "",
        "- *import*: `devplan import-csv` of the synthetic figures (long CSV) into an empty figure table, against "
        "`COPY` of the same file into a bare table (PostgreSQL) or `executemany` in one transaction (SQLite). Both in "
        "a transaction that is rolled back after the checks a commit would run (`SET CONSTRAINTS ALL IMMEDIATE`), "
        "the dead rows vacuumed between runs, so every run starts alike. A file of new figures takes the direct "
        "path (straight into the figure table); the *revisions* row times the second file, figures already stored, "
        "which takes the staged path. The *reference* row loads the same file the same "
        "way into a table whose only addition is a primary key on (region, indicator, period): the cost of the one "
        "index any store of revisions needs, which bounds how close to the bare loader an import can come "
        "(PostgreSQL: the faster of the key declared with the table and the key added after the COPY). The "
        "*converted rows* row (PostgreSQL) streams the very rows devplan's COPY sends, written out beforehand, "
        "into the figure table: what the table itself (its key and its columns of provenance) costs the database "
        "with no reading or checking in Python, the floor of any import into it — the faster of the two ways to "
        "load them: the key kept (every row a new entry) or dropped before the COPY and built again after it in "
        "the same transaction, as devplan's import does into a table smaller than the file.",
        "- *revert*: `devplan changes --revert` of one change set correcting that many stored figures (imported "
        "just before): the revert appends the old values as new revisions under a new change set. The status "
        "tables of three counties as of a moment before the revert, and before the import, are compared before "
        "and after it (*as-of tables unchanged*), and today's tables with those before the import (*restored*).",
        "- *ranking*: all counties of the first province on GDP for one month, ranked by growth with completion and "
        "light; *roll-up*: every prefecture's GDP total with growth from summed levels. Against hand-written SQL "
        "computing the same answer (checked equal).",
        "- *API*: wrk from a second process on loopback (50 connections asking back to back) against gunicorn "
        "(2 sync workers) serving the demo database on PostgreSQL; the bare endpoint `/api/health` returns a "
        "constant.",
        "- *bench.load*: `devplan serve` (gunicorn, its default 2 × cores + 1 sync workers) on the demo database on "
        "PostgreSQL; from second processes, for the stated time, 10 users (logged in before the window) download "
        "`report.pdf` and `brief.docx`, 5 users upload the seed report (30 KB) to the audit page, and 50 wrk "
        "connections read `/api/status`, each asking again 100 ms after its answer (back to back, 50 connections "
        "measure throughput — the row above — not latency: mean latency = connections ÷ requests a second). The "
        "report and brief are built once before the window (served from the cache inside it). A 429 is the "
        "per-user or server-wide limit on expensive requests answering, not a failure; "
        "*worker killed* means a `WORKER TIMEOUT` or a "
        "new `Booting worker` in the server's log during the window.",
        "",
        "Raw results: `bench/results/latest.json`.",
        "",
    ])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    results_dir = Path(__file__).resolve().parent / "results"
    results_dir.mkdir(parents=True, exist_ok=True)
    (results_dir / "latest.json").write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    return table
