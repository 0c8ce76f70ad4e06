"""devplan.reader runs without Django: importing and using it loads no Django module."""

from __future__ import annotations

import subprocess
import sys


def test_reader_imports_nothing_from_django() -> None:
    code = (
        "import sys; from devplan.reader import audit_text; audit_text('全县完成投资12亿元。'); "
        "print(sorted(m for m in sys.modules if m == 'django' or m.startswith(('django.', 'devplan.')) "
        "and not m.startswith(('devplan.reader', 'devplan.lib'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.strip() == "[]"
