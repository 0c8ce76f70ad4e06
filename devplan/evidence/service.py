"""Attaching a photo or document to a project's month: who may (`accounts.access.evidence_access`), how
large (DEVPLAN_EVIDENCE_MAX_MB, checked before the content is read), what is kept (`content.kept`), where
(`store.put`, by content hash) — and the audit log. The same content attached twice to the same month is one
attachment."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction

from devplan.accounts.access import evidence_access
from devplan.evidence import store
from devplan.evidence.content import kept
from devplan.evidence.models import Attachment
from devplan.lib.errors import DevplanError
from devplan.lib.limits import MB
from devplan.projects.models import Project
from devplan.recording import parse
from devplan.recording.actors import Actor
from devplan.recording.audit import log
from devplan.recording.periods import WorkflowError, is_locked
from devplan.recording.rules import Broken
from devplan.recording.service import Forbidden

NAME_MAX = 200


def check_size(name: str, size: int) -> None:
    """Refuse a file over DEVPLAN_EVIDENCE_MAX_MB before reading it."""
    limit = settings.DEVPLAN_EVIDENCE_MAX_MB
    if size > limit * MB:
        raise DevplanError(f"“{name}”有 {size / MB:.1f} MB，超过了照片和文件 {limit} MB 的上限：请压缩或缩小后再上传")
    if size == 0:
        raise DevplanError(f"“{name}”是空文件，请重新选择要上传的照片或文件")


@transaction.atomic
def attach(actor: Actor, project: Project, year: int, month: int, name: str, data: bytes,
           caption: str = "") -> tuple[Attachment, bool]:
    """Keep `data` (uploaded as `name`) as evidence of `project`'s progress in `year`-`month`; returns the
    attachment and whether it is new."""
    if not (actor.operator or evidence_access(actor.user, project).write):
        raise Forbidden("只有该项目的业主单位和本行政区的发改局（计划科）可以上传形象进度照片和文件")
    name = (name.replace("\\", "/").rsplit("/", 1)[-1].strip() or "未命名")[:NAME_MAX]
    if not settings.DEVPLAN_YEAR_MIN <= year <= settings.DEVPLAN_YEAR_MAX or not 1 <= month <= 12:
        raise DevplanError(f"没有 {year} 年 {month} 月这个月份，请选择项目进度所属的月份")
    if is_locked(project.region, year, month):
        raise WorkflowError(f"{project.region.name}{year}年{month}月已锁定：该月的形象进度照片和文件不能再上传，"
                            "如需补充请联系发改局重新开启该月")
    try:
        caption = parse.text(caption, "caption", "说明", 200)
    except Broken as broken:
        raise DevplanError(broken.problem.message) from None
    check_size(name, len(data))
    content = kept(data, name, project.keeps_location)
    digest = store.put(content.content)
    thumbnail = store.put(content.thumbnail) if content.thumbnail else ""
    attachment, created = Attachment.objects.get_or_create(
        project=project, year=year, month=month, sha256=digest,
        defaults={
            "kind": Attachment.Kind.PHOTO if content.photo else Attachment.Kind.DOCUMENT, "name": name,
            "caption": caption, "content_type": content.content_type, "size": len(content.content),
            "thumbnail": thumbnail, "keeps_location": project.keeps_location and content.photo,
            "by": actor.user if actor.user_id is not None else None, "by_name": actor.name,
        },
    )
    if created:
        log(actor, "evidence.attach", attachment, {"project": project.ref, "year": year, "month": month,
                                                   "sha256": digest, "name": name})
    return attachment, created
