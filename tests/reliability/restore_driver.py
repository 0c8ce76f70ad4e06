"""Restores many backup files in one process (`python -m tests.reliability.restore_driver FILE…` with
DEVPLAN_DB set) and prints, as JSON, each file's outcome: "restored", or the refusal's sentence, or the
traceback of anything that is not a BackupError. One process saves a second of start-up per file."""

from __future__ import annotations

import json
import os
import sys
import traceback
from pathlib import Path

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "devplan.settings")
    import django

    django.setup()
    from devplan.backup.errors import BackupError
    from devplan.backup.service import restore_database

    outcomes: dict[str, str] = {}
    for name in sys.argv[1:]:
        try:
            restore_database(Path(name), replace=True)
            outcomes[name] = "restored"
        except BackupError as exc:
            outcomes[name] = "refused: " + exc.sentence()
        except Exception:  # the test reports it as the bug it is
            outcomes[name] = "crashed: " + traceback.format_exc()
    print(json.dumps(outcomes, ensure_ascii=False))
