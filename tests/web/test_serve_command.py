"""`devplan serve` runs gunicorn with the app; `--demo-accounts` prints the accounts, only for the demo."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from tests.conftest import ROOT, run_devplan


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_prints_demo_accounts_and_answers_over_http(demo_db_url):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "devplan", "serve", "--port", str(port), "--workers", "1", "--demo-accounts"],
        env={**os.environ, "DEVPLAN_DB": demo_db_url}, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )
    try:
        body = ""
        for _ in range(60):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=2) as answer:
                    body, server_header = answer.read().decode(), answer.headers["Server"]
                break
            except OSError:
                time.sleep(0.5)
        assert "登录" in body and "gunicorn" in server_header
    finally:
        server.send_signal(signal.SIGTERM)
        out, _ = server.communicate(timeout=30)
    assert "用户名 planner" in out and "demo-planner-2023" in out
    assert f"http://127.0.0.1:{port}/" in out


def test_serve_refuses_demo_accounts_without_the_demo_data(cli_db_url):
    assert run_devplan("init", db=cli_db_url).returncode == 0
    done = run_devplan("serve", "--demo-accounts", "--port", str(free_port()), db=cli_db_url)
    assert done.returncode == 1
    assert "不含示例数据" in done.stderr and "Traceback" not in done.stderr


def test_serve_on_an_uninitialised_database_says_to_run_init(cli_db_url):
    done = run_devplan("serve", "--port", str(free_port()), db=cli_db_url)
    assert done.returncode == 1
    assert "devplan init" in done.stderr


def test_serve_refuses_to_run_in_production_without_a_secret_key(cli_db_url, monkeypatch):
    """Issue 17, item 6: with DEVPLAN_SECRET_KEY unset, the development key in the source would sign sessions."""
    from tests.reliability.record import record

    monkeypatch.delenv("DEVPLAN_SECRET_KEY")
    assert run_devplan("init", db=cli_db_url).returncode == 0
    done = run_devplan("serve", "--port", str(free_port()), db=cli_db_url)
    assert done.returncode == 1 and "DEVPLAN_SECRET_KEY" in done.stderr and "Traceback" not in done.stderr
    assert "\n" not in done.stderr.strip()
    record("hardening", "serve refuses production without DEVPLAN_SECRET_KEY", tried=1, held=1)
