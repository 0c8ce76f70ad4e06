"""The access decisions: one function per kind of object, used by every page and every API call.

Each returns `Access(read, write)`. Views and endpoints never improvise a permission check; they ask here
and answer 403 (or redirect to the login page for an anonymous visitor) when the answer is no.

- region (dashboard, completeness, approval queue, period lock): every member of the region reads;
  planners and admins write (approve, return, lock, reopen, set deadlines). The planners, viewers and admins
  of a prefecture or province also read every region under it (its counties' pages, indicators and projects,
  not their unpublished submissions); they write only where they are members.
- indicator (its page with the revision history, its submissions, `POST /api/observations`): planners,
  admins and viewers of the region read; a department reads and writes only the indicators it is
  responsible for in that region.
- project (the projects list, a project's page, its progress entry): every member of the region reads;
  the project owner unit (业主单位) named on an owner membership writes its own projects' progress.
- a measure series (争资争项, 招商引资, 主要任务: its page, the figures of a month): every member of the region
  reads; the department responsible for the series in that region (`MeasureResponsibility`, or the task's
  own department) writes its figures, as submissions for the planners' approval.
- submission: whoever may read its indicator or project reads it; its department or owner writes it
  while it is a draft or has been returned.
- target (an indicator's annual target, `GET/PUT /api/targets/...`): whoever reads the indicator reads it;
  the region's planners and admins, who set the plan, change it.
- a project's milestones (`GET/POST /api/projects/{ref}/milestones`): whoever reads the project reads them; the
  region's planners and admins set planned and actual dates, the owner unit reports actual ones
  (`recording.milestones`).
- a project's evidence (photos and documents attached to its monthly progress, and their thumbnails): read by the
  project's owner unit, the members of its responsible department, the region's planners, viewers and admins and
  those of the areas above — not by the region's other departments and owners, who see the project but not its
  site photos; attached by the owner unit and the region's planners and admins.
- project registry row (`GET/PUT /api/projects/{ref}`): every member of the region reads it; planners and
  admins change it (the owner unit reports progress through the collection workflow instead).
- an area (a prefecture's or province's page of the regions under it, their reporting up): the area's
  planners, viewers and admins, and those of the areas above it, read; the area's planners and admins write.
  Its departments and project owners do not: they enter their own figures, not the counties'.
- oversight (a region's change history and data-quality scorecard): its planners, viewers and admins and
  those of the areas above it read; its planners and admins revert changes.
- a month reported up (a county locks it; its prefecture accepts or returns it): whoever reads the area
  directly above reads it; that area's planners and admins accept or return it.
- a 督办 item (supervision: on a lagging indicator, project or task): every member of its region reads it, as do
  the planners, viewers and admins above; the department or project owner it is assigned to answers it; the
  region's planners and admins open, send back and close (销号) items (`supervision_access` for the answer,
  `region_access` for the rest).
- the database's read replicas (their lag, on a page and `GET /api/replicas`): the planners and admins of any
  region read it; nobody changes it here (they are configured by DEVPLAN_DB_REPLICAS).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from devplan.accounts.models import Membership, Role
from devplan.indicators.models import Indicator, Responsibility
from devplan.recording.rows import Measure
from devplan.regions.models import Department, Region

if TYPE_CHECKING:
    from devplan.collection.models import Submission
    from devplan.projects.models import Project
    from devplan.supervision.models import Item as SupervisionItem


@dataclass(frozen=True)
class Access:
    read: bool
    write: bool


NO_ACCESS = Access(read=False, write=False)
OVERSEERS = (Role.ADMIN, Role.PLANNER)
# The roles of an area (a prefecture, a province) that read every region under it.
READERS_BELOW = (Role.ADMIN, Role.PLANNER, Role.VIEWER)


def memberships(user: Any, region: Region | None = None) -> list[Membership]:
    """The user's membership rows, in one region when given; none for an anonymous or inactive user."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    rows = Membership.objects.filter(user=user).select_related("region", "department")
    if region is not None:
        rows = rows.filter(region=region)
    return list(rows)


def _roles(user: Any, region: Region) -> set[str]:
    roles = {m.role for m in memberships(user, region)}
    if getattr(user, "is_superuser", False) and user.is_active:
        roles.add(Role.ADMIN)
    return roles


def _areas_above(region: Region) -> list[int]:
    """The ids of every area the region lies under, nearest first, as deep as the tree goes (a county under a
    prefecture under a province; 伊犁州 › 塔城地区 › 县; a district under a county): three levels a query, so a
    province › prefecture › county tree takes one."""
    found: list[int] = []
    start: int | None = region.pk
    while start is not None:
        chain = (Region.objects.filter(pk=start)
                 .values_list("parent_id", "parent__parent_id", "parent__parent__parent_id").first())
        start = None
        for area in chain or ():
            if area is None or area in found:  # the top, or a loop someone made in the admin
                break
            found.append(area)
            start = area
        else:
            continue
        break
    return found


def reads_from_above(user: Any, region: Region) -> bool:
    """Whether the user is a planner, viewer or admin of an area `region` lies under, at any depth."""
    if not getattr(user, "is_authenticated", False) or not user.is_active or region.parent_id is None:
        return False
    return Membership.objects.filter(region_id__in=_areas_above(region), user=user, role__in=READERS_BELOW).exists()


def user_departments(user: Any, region: Region) -> list[Department]:
    return [m.department for m in memberships(user, region) if m.role == Role.DEPARTMENT and m.department]


def region_access(user: Any, region: Region) -> Access:
    roles = _roles(user, region)
    return Access(read=bool(roles) or reads_from_above(user, region), write=bool(roles & set(OVERSEERS)))


def indicator_access(user: Any, region: Region, indicator: Indicator) -> Access:
    roles = _roles(user, region)
    if roles & set(READERS_BELOW) or reads_from_above(user, region):
        return Access(read=True, write=False)
    if Role.DEPARTMENT not in roles:
        return NO_ACCESS
    owns = Responsibility.objects.filter(
        region=region, indicator=indicator, department__in=user_departments(user, region)
    ).exists()
    return Access(read=owns, write=owns)


def project_access(user: Any, project: Project) -> Access:
    rows = memberships(user, project.region)
    owns = any(m.role == Role.OWNER and m.owner_unit == project.owner for m in rows)
    reads = bool(rows) or (getattr(user, "is_superuser", False) and user.is_active)
    return Access(read=reads or reads_from_above(user, project.region), write=owns)


def evidence_access(user: Any, project: Project) -> Access:
    """A project's photos and documents: its owner unit, its responsible department and the region's overseers
    read them; the owner unit and the region's planners and admins attach them."""
    rows = memberships(user, project.region)
    roles = _roles(user, project.region)
    owns = any(m.role == Role.OWNER and m.owner_unit == project.owner for m in rows)
    responsible = project.department_id is not None and any(
        m.role == Role.DEPARTMENT and m.department_id == project.department_id for m in rows)
    oversees = bool(roles & set(READERS_BELOW)) or reads_from_above(user, project.region)
    return Access(read=owns or responsible or oversees, write=owns or bool(roles & set(OVERSEERS)))


def target_access(user: Any, region: Region, indicator: Indicator) -> Access:
    return Access(read=indicator_access(user, region, indicator).read, write=region_access(user, region).write)


def project_edit_access(user: Any, project: Project) -> Access:
    return Access(read=project_access(user, project).read, write=region_access(user, project.region).write)


def submission_access(user: Any, submission: Submission) -> Access:
    """A submission is not yet published: it is read only by the department or owner it belongs to and by the
    region's planners and admins (who decide it); its writer may still change it while it is editable."""
    if submission.project is not None:
        own = project_access(user, submission.project).write
    elif submission.measure_kind:
        own = measure_access(user, submission.region, submission_measure(submission)).write
    else:
        own = indicator_access(user, submission.region, submission.subject).write  # type: ignore[arg-type]
    decides = region_access(user, submission.region).write
    return Access(read=own or decides, write=own and submission.is_editable)


def submission_measure(submission: Submission) -> Measure:
    """The measure series a measure submission is about, with the department now responsible for it."""
    kind = submission.kind
    assert kind is not None
    return Measure(submission.measure_kind, submission.measure, submission.stage, submission.chain,
                   kind.department_id(submission.region, submission.year, submission.measure))


def measure_department(submission: Submission) -> Department | None:
    """The department now responsible for a measure submission's series (its reporter), if any."""
    found = submission_measure(submission).department_id
    return None if found is None else Department.objects.filter(pk=found).first()


def supervision_access(user: Any, item: SupervisionItem) -> Access:
    """Whoever reads the region reads the item; its assignee — a member of its department, or a project owner
    of its owner unit — answers it."""
    rows = memberships(user, item.region)
    answers = any((m.role == Role.DEPARTMENT and item.department_id is not None and m.department_id == item.department_id)
                  or (m.role == Role.OWNER and item.owner_unit and m.owner_unit == item.owner_unit) for m in rows)
    return Access(read=region_access(user, item.region).read, write=answers)


def area_access(user: Any, area: Region) -> Access:
    """An area's view of the regions under it: its planners, viewers and admins (and those of the areas above
    it) read; its planners and admins write."""
    roles = _roles(user, area)
    return Access(read=bool(roles & set(READERS_BELOW)) or reads_from_above(user, area),
                  write=bool(roles & set(OVERSEERS)))


def oversight_access(user: Any, region: Region) -> Access:
    """What the region's planners watch over (its change history, its data-quality scorecard): its planners,
    viewers and admins and those of the areas above it read; its planners and admins write (revert)."""
    roles = _roles(user, region)
    return Access(read=bool(roles & set(READERS_BELOW)) or reads_from_above(user, region),
                  write=bool(roles & set(OVERSEERS)))


def report_access(user: Any, region: Region) -> Access:
    """A month `region` reported up (by locking it): the area directly above reads it (`area_access`); its
    planners and admins accept or return it."""
    if region.parent is None:
        return NO_ACCESS
    return area_access(user, region.parent)


def replicas_access(user: Any) -> Access:
    """The read replicas' state: planners and admins of any region (and superusers) read it."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return Access(read=True, write=False)
    return Access(read=any(m.role in OVERSEERS for m in memberships(user)), write=False)


OFFICIAL, PENDING = "official", "pending"


def measure_access(user: Any, region: Region, subject: Measure) -> Access:
    """A series of 争资争项, 招商引资 or 主要任务: every member of the region reads it (its page); the department
    responsible for it there (`Measure.department_id`, from the region's data) writes its figures."""
    departments = {d.pk for d in user_departments(user, region)}
    return Access(read=region_access(user, region).read,
                  write=subject.department_id is not None and subject.department_id in departments)


def write_right(user: Any, region: Region, subject: Indicator | Project | Measure | None) -> str | None:
    """How a write by `user` into `region` is taken (the approval policy of every door): OFFICIAL for the
    region's planners and admins (a new revision at once); PENDING for a department writing an indicator or a
    measure series it is responsible for, or a project owner writing its own project's progress (a
    submission that a planner approves or returns); None when the user may not write it. `subject` None:
    targets and other records of the region, which only planners and admins write."""
    roles = _roles(user, region)
    if roles & set(OVERSEERS):
        return OFFICIAL
    if subject is None:
        return None
    if isinstance(subject, Indicator):
        return PENDING if indicator_access(user, region, subject).write else None
    if isinstance(subject, Measure):
        return PENDING if measure_access(user, region, subject).write else None
    return PENDING if project_access(user, subject).write else None


def regions_of(user: Any) -> list[Region]:
    """The regions the user is a member of (every county for a superuser), for navigation."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return list(Region.objects.filter(level=Region.Level.COUNTY))
    seen: dict[int, Region] = {}
    for membership in memberships(user):
        seen.setdefault(membership.region_id, membership.region)
        if membership.role in READERS_BELOW:
            for below in _regions_below(membership.region):
                seen.setdefault(below.pk, below)
    return list(seen.values())


def _regions_below(area: Region) -> list[Region]:
    """Every region under `area`, nearest first (a province's prefectures, then their counties)."""
    found: list[Region] = []
    level = [area.pk]
    while level:
        children = list(Region.objects.filter(parent_id__in=level).order_by("code"))
        found.extend(children)
        level = [child.pk for child in children]
    return found


def is_submitter(user: Any, region: Region) -> bool:
    return bool(user_departments(user, region))
