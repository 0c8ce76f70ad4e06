"""Scale benchmarks: bulk import against the database's own loader, and ranking / roll-up queries against
hand-written SQL giving the same answer. Each step runs in its own process so its peak memory is its own:

    python -m bench.scale prepare --backend postgresql --size full   → JSON with the database URL and CSV
    python -m bench.scale import  --db URL --csv FILE --runs 3
    python -m bench.scale revert  --db URL --csv FILE --rows 100000
    python -m bench.scale queries --db URL --runs 30
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import tempfile
from contextlib import nullcontext
from decimal import Decimal
from pathlib import Path
from typing import Any

from bench.common import DB_PREFIX, fresh_postgres, median_seconds, peak_mb, setup_django, timed

SIZES = {"full": (2844, 50, 3), "medium": (600, 50, 3), "quick": (60, 10, 2)}
FIRST_YEAR = 2022
WORK = Path(tempfile.gettempdir()) / "devplan-bench"


def prepare(backend: str, size: str) -> dict[str, Any]:
    counties, indicators, years = SIZES[size]
    WORK.mkdir(exist_ok=True)
    if backend == "postgresql":
        url = fresh_postgres(f"{DB_PREFIX}_{size}")
    else:
        path = WORK / f"bench-{size}.db"
        for leftover in WORK.glob(f"bench-{size}.db*"):
            leftover.unlink()
        url = f"sqlite:///{path}"
    setup_django(url)
    from django.core.management import call_command
    from django.db import transaction

    from devplan.scale.synth import SynthSpec, generate

    call_command("migrate", verbosity=0)
    folder = WORK / f"{backend}-{size}"
    folder.mkdir(exist_ok=True)
    spec = SynthSpec(counties, indicators, years, FIRST_YEAR, seed=7)
    with transaction.atomic():
        seconds = timed(lambda: generate(spec, folder, progress=False))
    rows = sum(1 for _ in (folder / "figures.csv").open(encoding="utf-8")) - 1
    return {"db": url, "csv": str(folder / "figures.csv"), "revisions_csv": str(folder / "revisions.csv"),
            "rows": rows, "generate_seconds": round(seconds, 2), "peak_mb": peak_mb()}


BARE_TABLE = "(region text, indicator text, period text, value numeric, growth_pct numeric, note text)"
# The same rows with the one thing any store of revisions needs: a unique key on the figure's identity.
# Not a goal of its own: it shows how much of devplan's time is the key that every loader would pay.
KEYED_TABLE = BARE_TABLE[:-1] + ", PRIMARY KEY (region, indicator, period))"


def _raw_postgres(path: Path, table: str = BARE_TABLE, key_after: str = "") -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE bench_raw {table}")
        with path.open("rb") as handle, cursor.copy("COPY bench_raw FROM STDIN WITH (FORMAT csv, HEADER true)") as copy:
            while chunk := handle.read(1 << 20):
                copy.write(chunk)
        if key_after:
            cursor.execute(f"ALTER TABLE bench_raw ADD PRIMARY KEY ({key_after})")


def _floor_postgres(rows: Path, sql: str, rebuild: bool) -> None:
    """COPY devplan's own rows, already converted, into the figure table, streamed as `_raw_postgres` streams
    the file: what the figure table costs PostgreSQL with no reading or checking in Python. With `rebuild`, the
    table's key is dropped before and built again after, as devplan's import does into an empty table."""
    from django.db import connection

    from devplan.scale.csv_direct import key_built_after

    with (connection.cursor() as cursor, key_built_after(cursor) if rebuild else nullcontext(),
          rows.open("rb") as handle, cursor.copy(sql) as copy):
        while chunk := handle.read(1 << 20):
            copy.write(chunk)


def _converted_rows(path: Path) -> tuple[Path, str]:
    """The file converted by devplan's direct path into the rows its COPY sends, written beside it, and that
    COPY statement."""
    from devplan.scale.csv_direct import Batch, copy_sql, copy_text

    batch = Batch(0, None)  # the change set's id is a number like any other: the floor checks no key on it
    rows = path.with_name(path.stem + "-converted.csv")
    with rows.open("w", encoding="utf-8") as out:
        out.writelines(copy_text(path, batch))
    return rows, copy_sql(batch)


def _raw_sqlite(path: Path, table: str = BARE_TABLE) -> None:
    from django.db import connection

    connection.ensure_connection()
    raw = connection.connection
    raw.execute(f"CREATE TABLE bench_raw {table}")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        raw.executemany("INSERT INTO bench_raw VALUES (?, ?, ?, ?, ?, ?)", reader)


def _rolled_back_seconds(work: Any, runs: int) -> float:
    """Median time of `work` in a transaction that is rolled back, counting the checks a commit would run
    (deferred constraints); the dead rows are vacuumed away between runs, untimed, so every run starts from
    the same table."""
    from django.db import connection, transaction

    def run() -> None:
        with transaction.atomic():
            work()
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            transaction.set_rollback(True)

    def clean() -> None:
        if connection.vendor == "postgresql":  # SQLite's rollback leaves no dead rows
            with connection.cursor() as cursor:
                cursor.execute("VACUUM indicators_figure")

    seconds = []
    for _ in range(runs):
        seconds.append(timed(run))
        clean()
    return statistics.median(seconds)


def _interleaved_seconds(contenders: dict[str, Any], runs: int) -> dict[str, float]:
    """Median time of each of `contenders` over `runs` rounds, each round running every one in turn (each
    rolled back as `_rolled_back_seconds` does): a change of the machine's load during the benchmark then
    touches every contender alike, not the one that happened to run at that time."""
    seconds: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(runs):
        for name, work in contenders.items():
            seconds[name].append(_rolled_back_seconds(work, 1))
    return {name: statistics.median(times) for name, times in seconds.items()}


def bench_import(db: str, csv_path: str, revisions_csv: str, runs: int) -> dict[str, Any]:
    setup_django(db)
    from django.db import connection, transaction

    from devplan.recording.actors import Actor
    from devplan.recording.models import Door
    from devplan.scale.csv_import import import_csv

    def import_figures_csv(file: Path) -> None:
        import_csv(file, Actor.of_operator(Door.CLI_CSV, "bench"))

    path = Path(csv_path)
    raw = _raw_postgres if connection.vendor == "postgresql" else _raw_sqlite
    contenders: dict[str, Any] = {"raw": lambda: raw(path), "devplan": lambda: import_figures_csv(path)}
    rows = None
    if connection.vendor == "postgresql":
        rows, sql = _converted_rows(path)
        # The floor is the best load of the same rows into the same table: here the key dropped and built
        # again (devplan's way into an empty table); the key kept (every row a new entry) is timed once below.
        contenders["floor"] = lambda: _floor_postgres(rows, sql, rebuild=True)
    seconds = _interleaved_seconds(contenders, runs)
    raw_seconds, devplan_seconds = seconds["raw"], seconds["devplan"]
    # References, not goals: one run each keeps `make bench` within its time.
    keyed_seconds = _rolled_back_seconds(lambda: raw(path, KEYED_TABLE), 1)
    floor_seconds = floor_kept = floor_rebuilt = None
    if rows is not None:
        # A key built after the load: the usual way to bulk-load an empty table, for the reference as well.
        keyed_seconds = min(keyed_seconds, _rolled_back_seconds(
            lambda: _raw_postgres(path, BARE_TABLE, "region, indicator, period"), 1))
        floor_rebuilt = seconds["floor"]
        floor_kept = _rolled_back_seconds(lambda: _floor_postgres(rows, sql, rebuild=False), 1)
        floor_seconds = min(floor_kept, floor_rebuilt)
        rows.unlink()
    with transaction.atomic():
        import_figures_csv(path)
    # Revisions of figures already stored take the staged path (numbered revisions).
    revisions_seconds = timed(lambda: import_figures_csv(Path(revisions_csv)))
    with Path(revisions_csv).open(encoding="utf-8") as handle:
        revision_rows = sum(1 for _ in handle) - 1
    return {"raw_seconds": round(raw_seconds, 2), "devplan_seconds": round(devplan_seconds, 2),
            "ratio": round(devplan_seconds / raw_seconds, 2), "keyed_seconds": round(keyed_seconds, 2),
            "keyed_ratio": round(keyed_seconds / raw_seconds, 2),
            "floor_seconds": None if floor_seconds is None else round(floor_seconds, 2),
            "floor_ratio": None if floor_seconds is None else round(floor_seconds / raw_seconds, 2),
            "floor_key_kept_seconds": None if floor_kept is None else round(floor_kept, 2),
            "floor_key_rebuilt_seconds": None if floor_rebuilt is None else round(floor_rebuilt, 2),
            "revisions_seconds": round(revisions_seconds, 2),
            "revision_rows": revision_rows, "peak_mb": peak_mb()}


def _corrections(figures_csv: Path, rows: int) -> Path:
    """A file correcting the first `rows` stored figures (each value up by 1 %): one wrong import to revert."""
    out = figures_csv.with_name(f"corrections-{rows}.csv")
    with figures_csv.open(encoding="utf-8", newline="") as source, out.open("w", encoding="utf-8", newline="") as target:
        reader, writer = csv.reader(source), csv.writer(target)
        writer.writerow(next(reader))
        for count, row in enumerate(reader):
            if count == rows:
                break
            row[3] = str((Decimal(row[3]) * Decimal("1.01")).quantize(Decimal("0.01")))
            row[5] = "基准测试：整批修正"
            writer.writerow(row)
    return out


def bench_revert(db: str, csv_path: str, rows: int) -> dict[str, Any]:
    """Import `rows` corrections as one change set, then revert it: the time of the revert, and whether the
    status tables as of a moment before the revert (and before the import) read the same afterwards."""
    setup_django(db)
    from django.utils import timezone

    from devplan.indicators.status import indicator_status
    from devplan.recording.actors import Actor
    from devplan.recording.changes import revert
    from devplan.recording.models import Door
    from devplan.regions.models import Region
    from devplan.scale.csv_import import import_csv

    actor = Actor.of_operator(Door.CLI_CSV, "bench")
    corrections = _corrections(Path(csv_path), rows)
    with corrections.open(encoding="utf-8") as handle:
        next(handle)
        codes = list(dict.fromkeys(line.split(",", 1)[0] for line in handle))[:3]
    counties = list(Region.objects.filter(code__in=codes))
    years = range(FIRST_YEAR, FIRST_YEAR + 3)

    def tables(as_of: Any) -> list[Any]:
        return [indicator_status(county, year, as_of) for county in counties for year in years]

    def values(table: Any) -> Any:  # restored values come back as new revisions: compare all but the number
        if isinstance(table, dict):
            return {key: values(value) for key, value in table.items() if key != "revision"}
        return [values(item) for item in table] if isinstance(table, list) else table

    before_import = timezone.now()
    _kind, change_set = import_csv(corrections, actor)
    assert change_set is not None
    before_revert = timezone.now()
    as_of_import, as_of_revert = tables(before_import), tables(before_revert)
    seconds = timed(lambda: revert(actor, change_set, "基准测试：撤销整批修正"))
    corrections.unlink()
    return {"rows": change_set.rows, "revert_seconds": round(seconds, 2),
            "as_of_unchanged": tables(before_revert) == as_of_revert and tables(before_import) == as_of_import,
            "restored": values(tables(None)) == values(as_of_import), "peak_mb": peak_mb()}


HAND_RANKING = """
    SELECT code, RANK() OVER (ORDER BY growth_pct DESC) AS place, completion,
        CASE WHEN completion IS NULL THEN 'none' WHEN expected - completion <= 0 THEN 'green'
             WHEN expected - completion <= 5 THEN 'yellow' ELSE 'red' END
    FROM (
        SELECT c.code, f.growth_pct,
            CASE t.kind WHEN 'level' THEN f.value / t.value * 100
                        WHEN 'growth' THEN (100 + f.growth_pct) / (100 + t.value) * 100
                        WHEN 'ceiling' THEN CASE WHEN f.value <= t.value THEN 100 ELSE t.value / f.value * 100 END
            END AS completion,
            CASE WHEN t.kind = 'level' THEN f.month * 100.0 / 12 ELSE 100 END AS expected
        FROM regions_region c
        JOIN regions_region p ON p.id = c.parent_id
        JOIN indicators_figure f ON f.region_id = c.id AND f.indicator_id = %s AND f.year = %s AND f.month = %s
        LEFT JOIN indicators_target t ON t.region_id = c.id AND t.indicator_id = %s AND t.year = %s
            AND t.revision = (SELECT MAX(u.revision) FROM indicators_target u WHERE u.region_id = t.region_id
                              AND u.indicator_id = t.indicator_id AND u.year = t.year)
        WHERE c.level = 'county' AND %s IN (p.id, p.parent_id)  -- a prefecture's county or the province's own
          AND f.revision = (SELECT MAX(g.revision) FROM indicators_figure g WHERE g.region_id = f.region_id
                            AND g.indicator_id = f.indicator_id AND g.year = f.year AND g.month = f.month)
    ) judged
    ORDER BY place, code
"""

HAND_ROLLUP = """
    SELECT p.code, COUNT(f.value), SUM(f.value), SUM(CASE WHEN l.value IS NOT NULL THEN f.value END), SUM(l.value),
           SUM(CASE WHEN t.kind = 'level' THEN t.value
                    WHEN t.kind = 'growth' AND d.value IS NOT NULL THEN d.value * (100 + t.value) / 100 END),
           SUM(CASE WHEN t.kind = 'growth' AND l.value IS NOT NULL THEN l.value * t.value END)
    FROM regions_region p JOIN regions_region c ON c.parent_id = p.id
    JOIN indicators_figure f ON f.region_id = c.id AND f.indicator_id = %s AND f.year = %s AND f.month = %s
    LEFT JOIN indicators_figure l ON l.region_id = c.id AND l.indicator_id = %s AND l.year = %s AND l.month = %s
        AND l.revision = (SELECT MAX(h.revision) FROM indicators_figure h WHERE h.region_id = l.region_id
                          AND h.indicator_id = l.indicator_id AND h.year = l.year AND h.month = l.month)
    LEFT JOIN indicators_figure d ON d.region_id = c.id AND d.indicator_id = %s AND d.year = %s AND d.month = 12
        AND d.revision = (SELECT MAX(k.revision) FROM indicators_figure k WHERE k.region_id = d.region_id
                          AND k.indicator_id = d.indicator_id AND k.year = d.year AND k.month = d.month)
    LEFT JOIN indicators_target t ON t.region_id = c.id AND t.indicator_id = %s AND t.year = %s
        AND t.revision = (SELECT MAX(u.revision) FROM indicators_target u WHERE u.region_id = t.region_id
                          AND u.indicator_id = t.indicator_id AND u.year = t.year)
    WHERE p.level = 'prefecture'
      AND f.revision = (SELECT MAX(g.revision) FROM indicators_figure g WHERE g.region_id = f.region_id
                        AND g.indicator_id = f.indicator_id AND g.year = f.year AND g.month = f.month)
    GROUP BY p.code ORDER BY p.code
"""


def _hand(sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _close(ours: Decimal | None, theirs: Any) -> bool:
    """Equal to a hundredth: SQLite sums NUMERIC columns as floats, so the last digits may differ."""
    return ours is not None and theirs is not None and abs(ours - Decimal(str(theirs))) <= Decimal("0.01")


def _round(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.1"))


def bench_queries(db: str, runs: int) -> dict[str, Any]:
    setup_django(db)
    from devplan.indicators.models import Indicator
    from devplan.regions.models import Region
    from devplan.scale.rollups import prefecture_rollup, province_ranking

    gdp = Indicator.objects.get(code="gdp")
    province = Region.objects.filter(level="province").order_by("code").first()
    assert province is not None
    year, month = FIRST_YEAR + 1, 9
    ranking = province_ranking(province, gdp, year, month)
    ranking_params = [gdp.pk, year, month, gdp.pk, year, province.pk]
    hand = _hand(HAND_RANKING, ranking_params)
    same_ranking = [(r.code, r.place, _round(r.completion_pct), r.light) for r in ranking] == [
        (code, place, _round(completion), light) for code, place, completion, light in hand
    ]
    rollup = prefecture_rollup(gdp, year, month)
    rollup_params = [gdp.pk, year, month, gdp.pk, year - 1, month, gdp.pk, year - 1, gdp.pk, year]
    hand_rollup = _hand(HAND_ROLLUP, rollup_params)
    same_rollup = [(t.code, t.counties) for t in rollup] == [(row[0], row[1]) for row in hand_rollup] and all(
        _close(t.value, row[2]) and (t.target_basis != "sum of county targets" or _close(t.target_value, row[5]))
        for t, row in zip(rollup, hand_rollup, strict=True))
    ranking_ms = median_seconds(lambda: province_ranking(province, gdp, year, month), runs) * 1000
    hand_ranking_ms = median_seconds(
        lambda: _hand(HAND_RANKING, ranking_params), runs) * 1000
    rollup_ms = median_seconds(lambda: prefecture_rollup(gdp, year, month), max(3, runs // 3)) * 1000
    hand_rollup_ms = median_seconds(
        lambda: _hand(HAND_ROLLUP, rollup_params), max(3, runs // 3)) * 1000
    area_ms, checks_ms = _area_and_checks(province, gdp, year, month, runs)
    return {
        "area_page_ms": round(area_ms, 2), "level_checks_ms": round(checks_ms, 2),
        "province_counties": len(ranking), "prefectures": len(rollup),
        "ranking_ms": round(ranking_ms, 2), "hand_ranking_ms": round(hand_ranking_ms, 2),
        "ranking_ratio": round(ranking_ms / hand_ranking_ms, 2), "same_ranking": same_ranking,
        "rollup_ms": round(rollup_ms, 2), "hand_rollup_ms": round(hand_rollup_ms, 2),
        "rollup_ratio": round(rollup_ms / hand_rollup_ms, 2), "same_rollup": same_rollup,
        "peak_mb": peak_mb(),
    }


def _area_and_checks(province: Any, indicator: Any, year: int, month: int, runs: int) -> tuple[float, float]:
    """Server time of the province planner's area page (its prefectures' reporting, every county × the main
    indicators, the cross-level checks), and the cross-level check alone of every prefecture and province for
    one indicator and month."""
    from django.contrib.auth import get_user_model
    from django.test import RequestFactory

    from devplan.scale.level_checks import level_checks
    from devplan.scale.rollups import area_totals
    from devplan.web.views.area import area_page

    user = get_user_model().objects.filter(username="bench-admin").first() or \
        get_user_model().objects.create_superuser("bench-admin", password="bench-admin-password-0")
    request = RequestFactory().get(f"/area/{province.code}/{year}/{month}/")
    request.user = user

    def page() -> None:
        answer = area_page(request, province.code, year, month)
        assert answer.status_code == 200

    def checks() -> None:
        for level in ("prefecture", "province"):
            level_checks(level, area_totals(level, indicator, year, month), indicator, year)

    return (median_seconds(page, max(3, runs // 3)) * 1000, median_seconds(checks, max(3, runs // 3)) * 1000)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.scale")
    sub = parser.add_subparsers(dest="step", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("--backend", choices=["postgresql", "sqlite"], required=True)
    p.add_argument("--size", choices=list(SIZES), default="quick")
    i = sub.add_parser("import")
    i.add_argument("--db", required=True)
    i.add_argument("--csv", required=True)
    i.add_argument("--revisions-csv", required=True)
    i.add_argument("--runs", type=int, default=3)
    r = sub.add_parser("revert")
    r.add_argument("--db", required=True)
    r.add_argument("--csv", required=True)
    r.add_argument("--rows", type=int, default=100_000)
    q = sub.add_parser("queries")
    q.add_argument("--db", required=True)
    q.add_argument("--runs", type=int, default=30)
    args = parser.parse_args(argv)
    if args.step == "prepare":
        result = prepare(args.backend, args.size)
    elif args.step == "import":
        result = bench_import(args.db, args.csv, args.revisions_csv, args.runs)
    elif args.step == "revert":
        result = bench_revert(args.db, args.csv, args.rows)
    else:
        result = bench_queries(args.db, args.runs)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
