"""The ways out: e-mail through Django's mail framework, and the group-chat robots' webhooks — DingTalk
(`markdown`, signed with HMAC-SHA256 of "timestamp\\nsecret" when the robot uses 加签) and WeCom (`markdown`).
A send either returns or raises `SendError` with one sentence; it never retries (`delivery.py` does)."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage

from devplan.notifications.messages import Message
from devplan.notifications.models import Channels

TIMEOUT_SECONDS = 10


class SendError(Exception):
    """A channel refused or could not be reached; the message says how."""


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A robot answers where it was asked: a redirect could lead the server to an address nobody allowed."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def allowed_host(url: str) -> bool:
    """Whether a webhook address is http(s) on a host of DEVPLAN_WEBHOOK_HOSTS."""
    parts = urllib.parse.urlsplit(url)
    return parts.scheme in ("http", "https") and (parts.hostname or "") in settings.DEVPLAN_WEBHOOK_HOSTS


def send_email(address: str, message: Message) -> None:
    if not address:
        raise SendError("用户没有填写电子邮箱地址")
    try:
        EmailMessage(message.title, message.text(), settings.DEFAULT_FROM_EMAIL, [address]).send()
    except OSError as exc:  # smtplib's errors are OSErrors, as are refused and timed-out connections
        raise SendError(f"邮件发送失败：{exc}") from exc


def dingtalk_sign(secret: str, timestamp_ms: int) -> str:
    """DingTalk's 加签: base64 of HMAC-SHA256 over "timestamp\\nsecret" keyed by the secret (not yet quoted)."""
    digest = hmac.new(secret.encode(), f"{timestamp_ms}\n{secret}".encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def robot_request(channels: Channels, message: Message, timestamp_ms: int) -> tuple[str, dict[str, Any]]:
    """The address (signed when a DingTalk secret is set) and the JSON body of one robot message."""
    url = channels.webhook_url
    if channels.webhook_kind == Channels.Robot.WECOM:
        return url, {"msgtype": "markdown", "markdown": {"content": message.markdown()}}
    if channels.webhook_secret:
        query = urllib.parse.urlencode({"timestamp": timestamp_ms,
                                        "sign": dingtalk_sign(channels.webhook_secret, timestamp_ms)})
        url += ("&" if "?" in url else "?") + query
    return url, {"msgtype": "markdown", "markdown": {"title": message.title, "text": message.markdown()}}


def send_webhook(channels: Channels, message: Message) -> None:
    if not allowed_host(channels.webhook_url):
        raise SendError("群机器人地址不在 DEVPLAN_WEBHOOK_HOSTS 允许的主机之内")
    url, body = robot_request(channels, message, int(time.time() * 1000))
    request = urllib.request.Request(url, data=json.dumps(body, ensure_ascii=False).encode(), method="POST",
                                     headers={"Content-Type": "application/json; charset=utf-8"})
    try:
        with _opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            answer = response.read(10_000)
    except (urllib.error.URLError, OSError) as exc:  # HTTPError (4xx, 5xx, a redirect) is a URLError
        raise SendError(f"群机器人接口无法送达：{exc}") from exc
    try:
        errcode = json.loads(answer).get("errcode", 0)
    except (ValueError, AttributeError):
        errcode = 0  # a robot that answers 200 without JSON has taken the message
    if errcode != 0:
        raise SendError(f"群机器人拒收消息：{answer.decode(errors='replace')[:300]}")
