"""Append-only records. Figures, targets and project progress are never updated in place or deleted: every
change is a new revision with who, when and why, and reading "as of" a time returns what was known then."""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from django.conf import settings
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

    `recorded_at` is when devplan stored it; `known_at` is when the figure became known (the date of the
    statistics release or of the report it came from), which "as of" reads filter on.
    """

    identity_fields: ClassVar[tuple[str, ...]] = ()

    # The database defaults let bulk loads (COPY) leave every column they do not fill to the database; the
    # ORM still fills them from Python.
    revision = models.PositiveIntegerField("修订号")
    recorded_at = models.DateTimeField("录入时间", default=timezone.now, db_default=Now())
    known_at = models.DateTimeField("数据时点", default=timezone.now, db_default=Now())
    # No constraint in the database: bulk imports write millions of revisions, whose per-row foreign-key
    # checks cost more than the rest of the load; Django's PROTECT still refuses to delete a user with records.
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="录入人", null=True, blank=True, on_delete=models.PROTECT,
        related_name="+", db_index=False, db_constraint=False,
    )
    recorded_by_name = models.CharField("录入人（名称）", max_length=100, blank=True, db_default="")
    reason = models.CharField("修订原因", max_length=500, blank=True, db_default="")

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
        if self.recorded_by_name:
            return self.recorded_by_name
        return self.recorded_by.get_username() if self.recorded_by else ""


def append_revision[R: Revision](model: type[R], identity: dict[str, Any], fields: dict[str, Any]) -> R:
    """Store the next revision of the record `identity`, numbering it after the latest one.

    Two writers racing for the same number meet the unique constraint (for figures, the primary key); the
    loser retries with the next number, so every accepted write becomes its own revision and none is lost.
    """
    for _attempt in range(20):
        latest = model.objects.filter(**identity).order_by("-revision").values_list("revision", flat=True).first()
        try:
            with transaction.atomic():
                return model.objects.create(**identity, **fields, revision=(latest or 0) + 1)
        except IntegrityError:
            continue
    raise IntegrityError(f"could not number a new {model.__name__} revision for {identity}")


def latest_as_of[R: Revision](queryset: models.QuerySet[R], as_of: datetime | None) -> models.QuerySet[R]:
    """Restrict to revisions known at `as_of` (all when None), newest revision first."""
    if as_of is not None:
        queryset = queryset.filter(known_at__lte=as_of)
    return queryset.order_by("-revision")
