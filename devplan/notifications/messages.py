"""The text of what is sent: one notification, or a user's daily digest of several, as plain text (e-mail)
and as Markdown (the group-chat robots). Links are absolute when DEVPLAN_SITE_URL is set."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings

from devplan.notifications.models import Digest, Notification


@dataclass(frozen=True)
class Message:
    title: str
    items: Sequence[Notification]

    def text(self) -> str:
        return "\n\n".join(f"{n.subject}\n{n.body}" + (f"\n{_url(n.link)}" if n.link else "") for n in self.items)

    def markdown(self) -> str:
        lines = [f"### {self.title}"]
        for n in self.items:
            title = f"[{n.subject}]({_url(n.link)})" if n.link else n.subject
            lines.append(f"- **{title}**：{n.body}" if len(self.items) > 1 else f"{n.body}\n\n{title}")
        return "\n\n".join(lines)


def _url(link: str) -> str:
    return settings.DEVPLAN_SITE_URL.rstrip("/") + link


def of_notification(notification: Notification) -> Message:
    return Message(notification.subject, [notification])


def of_digest(digest: Digest) -> Message:
    items = list(digest.notifications.order_by("created_at", "pk"))
    return Message(f"devplan 通知汇总（{digest.day.month}月{digest.day.day}日，{len(items)} 条）", items)
