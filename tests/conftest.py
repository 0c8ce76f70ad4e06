"""Fixtures shared by every test folder: the seed location, the demo database, and a database URL for
command-line runs that matches the backend under test (SQLite file or a fresh PostgreSQL database)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "xiangxiang-2023-plan-report.txt"

# Servers the tests start (`devplan serve`) refuse the development key; they get a key of their own.
os.environ.setdefault("DEVPLAN_SECRET_KEY", "tests-only-secret-key-0123456789-abcdefghij-KLMNOPQRST")

# Fixtures more than one folder uses.
pytest_plugins = ["tests.scale.tree"]


@pytest.fixture
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"the seed report is not at {SEED} (../shared/ is absent)")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(autouse=True, scope="session")
def _status_always_current() -> None:
    """Tests roll data back without saving anything, which the API's one-second copy could not notice;
    tests/api/test_status_freshness.py covers that copy itself."""
    settings.DEVPLAN_STATUS_FRESH_SECONDS = 0


@pytest.fixture(autouse=True, scope="session")
def _quick_password_hashes() -> None:
    """Users are made again for every test: their passwords are hashed with tests/hashing.py's quick Argon2."""
    from django.contrib.auth.hashers import get_hashers, get_hashers_by_algorithm

    settings.PASSWORD_HASHERS = ["tests.hashing.QuickArgon2PasswordHasher", *settings.PASSWORD_HASHERS]
    get_hashers.cache_clear()
    get_hashers_by_algorithm.cache_clear()


@pytest.fixture(autouse=True)
def _own_server_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Each test has a server folder of its own (built reports, upload temporaries, the slots of expensive
    requests): two pytest-xdist workers are two servers, not two users of one, and a report one test built is
    not handed to the next, whose data may carry the same version (the demo's rows are put back as they were)."""
    settings.DEVPLAN_CACHE_DIR = str(tmp_path_factory.mktemp("server"))


@pytest.fixture(scope="session")
def _demo_rows():  # type: ignore[no-untyped-def]
    from tests.demo_rows import DemoRows

    return DemoRows()


@pytest.fixture
def demo(db, _demo_rows):  # type: ignore[no-untyped-def]
    """The demo data loaded into the test database (tests/demo_rows.py); returns 湘乡市."""
    return _demo_rows.load()


def _is_postgres() -> bool:
    return settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


@pytest.fixture
def cli_db_url(tmp_path: Path) -> Iterator[str]:
    """A database URL of the backend under test, empty and private to one test."""
    if not _is_postgres():
        yield f"sqlite:///{tmp_path / 'cli.db'}"
        return
    with _postgres_database("devplan_cli") as url:
        yield url


@contextmanager
def _postgres_database(prefix: str, template: str = "") -> Iterator[str]:
    """A new database on the PostgreSQL server under test (a copy of `template` if given), dropped after."""
    import psycopg

    base = os.environ["DEVPLAN_DB"].replace("postgres://", "postgresql://", 1)
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    copy = f' TEMPLATE "{template}"' if template else ""
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"{copy}')
    try:
        yield base.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The demo database as `devplan init --demo` makes it, built once per test process; `demo_db_url` copies
    it (a copy takes a fraction of a second, an `init --demo` several seconds)."""
    if not _is_postgres():
        url = f"sqlite:///{tmp_path_factory.getbasetemp() / 'demo-template.db'}"
        built = run_devplan("init", "--demo", db=url)
        assert built.returncode == 0, built.stderr
        yield url
        return
    with _postgres_database("devplan_demo_template") as url:
        built = run_devplan("init", "--demo", db=url)
        assert built.returncode == 0, built.stderr
        yield url


@pytest.fixture
def demo_db_url(_demo_template: str, tmp_path: Path) -> Iterator[str]:
    """A database URL of the backend under test holding the demo data (`devplan init --demo`), private to one
    test: for command-line runs on the demo."""
    if not _is_postgres():
        path = tmp_path / "cli.db"
        shutil.copyfile(_demo_template.removeprefix("sqlite:///"), path)
        yield f"sqlite:///{path}"
        return
    with _postgres_database("devplan_cli", template=_demo_template.rsplit("/", 1)[1]) as url:
        yield url


def run_devplan(*args: str, db: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run the `devplan` console command as a user would, against the database URL `db`."""
    env = {**os.environ, "DEVPLAN_DB": db}
    return subprocess.run(
        [sys.executable, "-m", "devplan", *args], capture_output=True, text=True, env=env, input=input,
        cwd=ROOT, timeout=300,
    )


STORAGE_FIXTURES = {"db", "transactional_db", "django_db_setup", "cli_db_url", "demo_db_url", "live_server"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test that touches a database as `storage`, so the PostgreSQL half selects exactly them; keep
    each `xdist_group` on one worker."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & STORAGE_FIXTURES or item.get_closest_marker("django_db"):
            item.add_marker(pytest.mark.storage)
    if getattr(config.option, "loadgroup", False):
        for item in items:
            keep_group_together(item)


def keep_group_together(item: pytest.Item) -> None:
    """Give a test of an `xdist_group` the `@group` node-ID suffix `--dist loadgroup` schedules by.

    pytest-xdist 3.8 writes the suffix to `item._nodeid`, which pytest 9.2 no longer reads (the ID now lives in
    `item._id`): the groups were silently split, and two workers built the streaming replica into one directory
    at once (CI failed twice on it). Nothing is done where xdist's own suffix took."""
    groups = sorted({str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
                     for mark in item.iter_markers("xdist_group")})
    if groups and "@" not in item.nodeid.rpartition("::")[2]:
        from _pytest.nodeid import coerce_node_id

        item._id = coerce_node_id(f"{item.nodeid}@{'_'.join(groups)}")  # type: ignore[attr-defined]
