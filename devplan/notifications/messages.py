"""The text of what is sent: one notification, or a user's daily digest of several, as plain text (e-mail)
and as Markdown (the group-chat robots). Links need DEVPLAN_SITE_URL (a chat or mail client cannot follow a
path of the site): without it, messages name the page's path in words. Text users wrote (a 督办 reason, a
return comment) is shown as text in Markdown: its markup characters become their full-width forms, so nobody
can plant a link or a heading in the bureau's group chat."""

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
        return "\n\n".join(f"{n.subject}\n{n.body}" + (f"\n{_where(n.link)}" if n.link else "") for n in self.items)

    def markdown(self) -> str:
        lines = [f"### {_plain(self.title)}"]
        for n in self.items:
            subject, body = _plain(n.subject), _plain(n.body)
            site = settings.DEVPLAN_SITE_URL.rstrip("/")
            title = f"[{subject}]({site}{n.link})" if n.link and site else subject
            lines.append(f"- **{title}**：{body}" if len(self.items) > 1 else f"{body}\n\n{title}")
        return "\n\n".join(lines)


# Markdown's markup characters, as their full-width forms (which read naturally in Chinese text).
_MARKUP = str.maketrans("[]()*_`#<>!|\\~", "［］（）＊＿｀＃＜＞！｜＼～")


def _plain(text: str) -> str:
    return text.translate(_MARKUP)


def _where(link: str) -> str:
    """The page as an address when the site's is configured, else its path in words."""
    site = settings.DEVPLAN_SITE_URL.rstrip("/")
    return site + link if site else f"（登录 devplan 后打开 {link}）"


def of_notification(notification: Notification) -> Message:
    return Message(notification.subject, [notification])


def of_digest(digest: Digest) -> Message:
    items = list(digest.notifications.order_by("created_at", "pk"))
    return Message(f"devplan 通知汇总（{digest.day.month}月{digest.day.day}日，{len(items)} 条）", items)
