"""The demo report, generated once for the test package into a temporary folder (the database changes made to
generate it are rolled back afterwards). Modules using it mark their tests `django_db`, so that pytest-django
sets the test database up."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import transaction

from devplan.reports.content import Document
from tests.accounts.personas import personas  # noqa: F401  (the shared permission-test personas)


@dataclass
class Generated:
    document: Document
    folder: Path

    def path(self, name: str) -> Path:
        return self.folder / name


@pytest.fixture(scope="package")
def generated(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[Generated]:  # type: ignore[no-untyped-def]
    from devplan.demo.loader import load_demo
    from devplan.reports.execution import build_report
    from devplan.reports.service import write_documents

    folder = tmp_path_factory.mktemp("report")
    with django_db_blocker.unblock(), transaction.atomic():
        document = build_report(load_demo(), 2023)
        write_documents(document, folder)
        transaction.set_rollback(True)
    yield Generated(document, folder)
