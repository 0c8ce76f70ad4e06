"""From notifications to messages sent. `plan` gives each new notification its deliveries — at once for a
user who wants every event, or gathered into the user's one digest of the day (from DEVPLAN_DIGEST_HOUR on;
later ones wait for the next day's) — and `send_due` sends what is due. A failed send is tried again after
1, 5, 25 and 125 minutes, then given up (`last_error` keeps why); each delivery is sent on its own, so a
failing channel never holds another."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from devplan.notifications.messages import Message, of_digest, of_notification
from devplan.notifications.models import Channels, Delivery, Digest, Notification
from devplan.notifications.senders import SendError, send_email, send_webhook

MAX_ATTEMPTS = 5
BACKOFF = [timedelta(minutes=5**n) for n in range(MAX_ATTEMPTS - 1)]  # after attempt 1, 2, 3, 4
# A claimed delivery is not claimed again for this long: a worker that dies mid-send leaves it to a later pass.
LEASE = timedelta(minutes=5)


def channels_of(user: Any) -> Channels:
    """The user's choice, or the defaults (e-mail, daily digest) when never set."""
    return Channels.objects.filter(user=user).first() or Channels(user=user)


def _deliveries(channels: Channels, now: datetime, **message: Any) -> list[Delivery]:
    wanted = ([Delivery.Channel.EMAIL] if channels.email and channels.user.email else []) + (
        [Delivery.Channel.WEBHOOK] if channels.webhook_url else [])
    return [Delivery(channel=channel, next_attempt_at=now, **message) for channel in wanted]


@transaction.atomic
def plan(now: datetime | None = None) -> int:
    """Deliveries for the notifications not yet planned; the number of deliveries made."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    digest_time = timezone.localtime(now).hour >= settings.DEVPLAN_DIGEST_HOUR
    made: list[Delivery] = []
    waiting = Notification.objects.select_for_update().filter(planned=False).select_related("recipient")
    by_user: dict[int, list[Notification]] = {}
    for notification in waiting.order_by("pk"):
        by_user.setdefault(notification.recipient_id, []).append(notification)
    for notifications in by_user.values():
        channels = channels_of(notifications[0].recipient)
        if not channels.digest:
            for notification in notifications:
                made += _deliveries(channels, now, notification=notification)
            Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(planned=True)
            continue
        if not digest_time:
            continue
        try:
            with transaction.atomic():
                digest = Digest.objects.create(recipient=channels.user, day=today, created_at=now)
        except IntegrityError:
            continue  # today's digest has gone out: these wait for tomorrow's
        Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(planned=True, digest=digest)
        made += _deliveries(channels, now, digest=digest)
    Delivery.objects.bulk_create(made)
    return len(made)


def _claim(now: datetime) -> list[Delivery]:
    """The due deliveries, each taken by this worker alone: attempted once more, not due again before LEASE."""
    with transaction.atomic():
        due = Delivery.objects.select_for_update(skip_locked=True).filter(sent_at__isnull=True,
                                                                          next_attempt_at__lte=now)
        ids = list(due.values_list("pk", flat=True)[:500])
        Delivery.objects.filter(pk__in=ids).update(attempts=F("attempts") + 1, next_attempt_at=now + LEASE)
    return list(Delivery.objects.filter(pk__in=ids).select_related(
        "notification__recipient", "digest__recipient").order_by("pk"))


def _message(delivery: Delivery) -> tuple[Any, Message]:
    if delivery.notification is not None:
        return delivery.notification.recipient, of_notification(delivery.notification)
    assert delivery.digest is not None
    return delivery.digest.recipient, of_digest(delivery.digest)


def _send(delivery: Delivery) -> None:
    user, message = _message(delivery)
    if delivery.channel == Delivery.Channel.EMAIL:
        send_email(user.email, message)
    else:
        send_webhook(channels_of(user), message)


def send_due(now: datetime | None = None) -> tuple[int, int]:
    """Send every due delivery; (sent, failed this time)."""
    now = now or timezone.now()
    sent = failed = 0
    for delivery in _claim(now):
        try:
            _send(delivery)
        except SendError as exc:
            failed += 1
            retry = delivery.attempts < MAX_ATTEMPTS
            Delivery.objects.filter(pk=delivery.pk).update(
                last_error=str(exc)[:500], next_attempt_at=now + BACKOFF[delivery.attempts - 1] if retry else None)
        else:
            sent += 1
            Delivery.objects.filter(pk=delivery.pk).update(sent_at=timezone.now(), last_error="",
                                                           next_attempt_at=None)
    return sent, failed
