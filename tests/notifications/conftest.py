"""A real SMTP server (aiosmtpd) and a group-chat robot receiver (http.server) on free local ports, and an
overdue month: 2024-05's deadline was yesterday and 统计局 (the `owner` persona) and 财政局 (`other`) have
not reported."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import socket
import threading
import time
import urllib.parse
from collections.abc import Iterator
from datetime import timedelta
from email import message_from_bytes, policy
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone

from devplan.collection.models import Deadline
from devplan.notifications.models import Channels
from tests.accounts.personas import Personas, personas  # noqa: F401  (the shared personas)

SECRET = "SECtest-dingtalk-secret-0123456789"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


@pytest.fixture
def smtp(settings: Any) -> Iterator[Inbox]:
    inbox, port = Inbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                                    "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 5}}}
    yield inbox
    controller.stop()


class Receiver:
    """Records every POST (path, query, JSON body, whether a DingTalk signature is valid) and answers with
    the status set for its path (200 and errcode 0 unless told otherwise), after `delay` seconds."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []
        self.status: dict[str, int] = {}
        self.delay = 0.0
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                parts = urllib.parse.urlsplit(self.path)
                query = dict(urllib.parse.parse_qsl(parts.query))
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                receiver.calls.append({"path": parts.path, "query": query, "body": body,
                                       "signed": signed(query)})
                time.sleep(receiver.delay)
                status = receiver.status.get(parts.path, 200)
                self.send_response(status)
                self.end_headers()
                self.wfile.write(json.dumps({"errcode": 0 if status == 200 else 500, "errmsg": "ok"}).encode())

            def log_message(self, *args: Any) -> None:
                pass

        return Handler

    def at(self, path: str) -> list[dict[str, Any]]:
        return [call for call in self.calls if call["path"] == path]


def signed(query: dict[str, str]) -> bool:
    """DingTalk's check: sign == base64(HMAC-SHA256(secret, "timestamp\\nsecret")), within an hour."""
    if "timestamp" not in query:
        return False
    mac = hmac.new(SECRET.encode(), f"{query['timestamp']}\n{SECRET}".encode(), hashlib.sha256).digest()
    fresh = abs(int(query["timestamp"]) - timezone.now().timestamp() * 1000) < 3600_000
    return fresh and hmac.compare_digest(base64.b64encode(mac).decode(), query.get("sign", ""))


@pytest.fixture
def receiver(settings: Any) -> Iterator[Receiver]:
    receiver = Receiver()
    thread = threading.Thread(target=receiver.server.serve_forever, daemon=True)
    thread.start()
    settings.DEVPLAN_WEBHOOK_HOSTS = ["127.0.0.1"]
    yield receiver
    receiver.server.shutdown()
    receiver.server.server_close()


@pytest.fixture
def overdue(personas: Personas, settings: Any) -> Personas:  # noqa: F811  (the fixture imported above)
    """2024-05 due yesterday; 统计局 wants e-mail and a signed DingTalk robot, 财政局 only a WeCom robot; both
    the daily digest (sent from midnight here)."""
    settings.DEVPLAN_DIGEST_HOUR = 0
    settings.DEVPLAN_SITE_URL = "http://devplan.test"
    Deadline.objects.create(region=personas.region, year=2024, month=5, due=timezone.localdate() - timedelta(days=1))
    personas.owner.email = "tongji@example.cn"
    personas.owner.save()
    return personas


def robots(personas: Personas, url: str) -> None:  # noqa: F811
    Channels.objects.create(user=personas.owner, webhook_url=f"{url}/ding?access_token=t1", webhook_secret=SECRET)
    Channels.objects.create(user=personas.other, email=False, webhook_kind=Channels.Robot.WECOM,
                            webhook_url=f"{url}/wecom?key=k1")
