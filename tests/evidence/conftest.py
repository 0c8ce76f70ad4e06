from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.accounts.personas import personas  # noqa: F401  (the shared permission-test personas)


@pytest.fixture(autouse=True)
def files_dir(settings: Any, tmp_path: Path) -> Path:
    """Each test keeps its evidence in a folder of its own."""
    settings.DEVPLAN_FILES_DIR = str(tmp_path / "files")
    return tmp_path / "files"
