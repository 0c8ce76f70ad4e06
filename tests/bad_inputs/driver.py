"""Runs many `devplan` command lines in one process, as `devplan.cli.main` would, and reports for each the
exit status, what went to stderr, any traceback, and whether every table's content stayed the same.

One Django start-up for a whole corpus keeps the test fast; `python -m tests.bad_inputs.driver` reads
`[[name, [args...]], ...]` as JSON on stdin and prints `{name: outcome}` for the database in DEVPLAN_DB."""

from __future__ import annotations

import io
import json
import os
import sys
import time
import traceback
from contextlib import redirect_stderr, redirect_stdout
from typing import Any


def run_one(args: list[str]) -> dict[str, Any]:
    from devplan.backup.hashing import database_state
    from devplan.cli import main

    before = database_state()
    out, err = io.StringIO(), io.StringIO()
    started, code, trace = time.perf_counter(), 0, ""
    with redirect_stdout(out), redirect_stderr(err):
        try:
            main(args)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except Exception:
            code, trace = -1, traceback.format_exc()
    return {"exit": code, "stderr": err.getvalue().strip(), "traceback": trace, "stdout": out.getvalue()[-2000:],
            "unchanged": database_state() == before, "seconds": round(time.perf_counter() - started, 2)}


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "devplan.settings")
    import django

    django.setup()
    cases = json.load(sys.stdin)
    print(json.dumps({name: run_one(args) for name, args in cases}, ensure_ascii=False))
