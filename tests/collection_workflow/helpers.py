"""Acting as a user through the one door, as the pages do: an actor from a request carrying the user."""

from __future__ import annotations

from typing import Any

from django.test import RequestFactory

from devplan.collection.models import Submission
from devplan.recording.actors import Actor
from devplan.recording.models import Door
from devplan.recording.rows import FigureRow, ProgressRow
from devplan.recording.service import write


def actor(user: Any) -> Actor:
    request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.7", HTTP_USER_AGENT="pytest")
    request.user = user
    return Actor.of_request(request, Door.WEB)


def send(user: Any, region: Any, subject: Any, year: int, month: int, *, draft: bool = False, **raw: Any) -> Submission:
    """A department's figure (subject an Indicator) or an owner's progress (a Project) saved as the web form
    saves it; returns the submission."""
    row = (ProgressRow(subject, year, month, raw) if hasattr(subject, "ref")
           else FigureRow(region, subject, year, month, raw))
    outcome = write(actor(user), [row], draft=draft)
    assert outcome.submissions, outcome
    return outcome.submissions[0]
