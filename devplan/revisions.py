"""Append-only records. Figures, targets and project progress are never updated in place or deleted: every
change is a new revision with who, when and why, and reading "as of" a time returns what was known then."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from django.db import IntegrityError, models, transaction
from django.db.models.functions import Now
from django.utils import timezone


class AppendOnlyError(Exception):
    """Raised when code tries to change or delete a stored revision."""


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError(f"{self.model.__name__} is append-only: record a new revision instead")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError(f"{self.model.__name__} is append-only: revisions are never deleted")


class AppendOnlyManager(models.Manager.from_queryset(AppendOnlyQuerySet)):  # type: ignore[misc]
    pass


class Revision(models.Model):
    """One revision of a record identified by `identity_fields`; `revision` counts from 1.

    `known_at` is when the figure became known (the date of the statistics release or of the report it came
    from), which "as of" reads filter on. Who wrote it, when, why and through which door live once per write
    in its change set (`devplan.recording.models.ChangeSet`); revisions are written only by
    `devplan.recording.service`.
    """

    identity_fields: ClassVar[tuple[str, ...]] = ()

    revision = models.PositiveIntegerField("修订号")
    # The database default lets bulk loads (COPY) leave it to the database; the ORM fills it from Python.
    known_at = models.DateTimeField("数据时点", default=timezone.now, db_default=Now())
    change_set = models.ForeignKey(
        "recording.ChangeSet", verbose_name="修改记录", on_delete=models.PROTECT, related_name="+"
    )

    objects = AppendOnlyManager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding and not kwargs.get("force_insert"):
            raise AppendOnlyError(f"{type(self).__name__} is append-only: record a new revision instead")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError(f"{type(self).__name__} is append-only: revisions are never deleted")

    @property
    def who(self) -> str:
        return self.change_set.actor_name

    @property
    def reason(self) -> str:
        return self.change_set.reason

    @property
    def recorded_at(self) -> datetime:
        return self.change_set.at

    @property
    def recorded_by(self) -> Any:
        return self.change_set.actor

    @property
    def submitted_by(self) -> str:
        """Who submitted the values that a planner's approval made this revision (`who` is then the approver);
        "" for a revision written directly."""
        submission = self.change_set.submission
        user = submission.submitted_by if submission is not None else None
        return str(user.get_full_name() or user.get_username()) if user is not None else ""


def append_revision[R: Revision](model: type[R], identity: dict[str, Any], fields: dict[str, Any]) -> R:
    """Store the next revision of the record `identity`, numbering it after the latest one.

    Two writers racing for the same number meet the unique constraint (for figures, the primary key); the
    loser retries with the next number, so every accepted write becomes its own revision and none is lost.
    Any other integrity error (a missing change set, a value the column refuses) is raised as it is."""
    for _attempt in range(20):
        latest = model.objects.filter(**identity).order_by("-revision").values_list("revision", flat=True).first()
        try:
            with transaction.atomic():
                return model.objects.create(**identity, **fields, revision=(latest or 0) + 1)
        except IntegrityError:
            now = model.objects.filter(**identity).order_by("-revision").values_list("revision", flat=True).first()
            if now == latest:
                raise
    raise IntegrityError(f"could not number a new {model.__name__} revision for {identity}")


def latest_as_of[R: Revision](queryset: models.QuerySet[R], as_of: datetime | None) -> models.QuerySet[R]:
    """Restrict to revisions known at `as_of` (all when None), newest revision first."""
    if as_of is not None:
        queryset = queryset.filter(known_at__lte=as_of)
    return queryset.order_by("-revision")
