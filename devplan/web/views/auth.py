"""Logging in and out (Django's views with devplan's templates), and the home page that sends each role
where its work is: submitters to their reminders, everyone else to the dashboard."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db.models import Q
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from devplan.accounts.access import submission_access, user_departments
from devplan.accounts.audit import record_action
from devplan.collection.completeness import reminders
from devplan.collection.models import PeriodState, Submission
from devplan.web.entry import owner_units
from devplan.web.periods import default_period, entry_period, home_region


class LoginView(auth_views.LoginView):
    template_name = "web/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    next_page = "web:login"


def _via(request: HttpRequest) -> dict[str, str]:
    return {"via": "api" if request.path.startswith("/api/") else "web"}


@receiver(user_logged_in)
def _log_login(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None:
        record_action(request, "login", user, _via(request))


@receiver(user_logged_out)
def _log_logout(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None and user is not None:
        record_action(request, "logout", user, _via(request), user=user)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Submitters (departments, project owners) see their reminders and returned submissions; everyone
    else goes to the dashboard."""
    region = home_region(request.user)
    departments = user_departments(request.user, region)
    units = owner_units(request.user, region)
    if not departments and not units:
        # The dashboard's own default month (`default_period`), as /dashboard/ opens on: not the entry month.
        shown = default_period(region)
        return redirect("web:dashboard", region=region.code, year=shown[0], month=shown[1])
    year, month = entry_period(region)
    returned = list(Submission.objects.filter(
        Q(indicator__responsibility__department__in=departments) | Q(project__owner__in=units),
        region=region, status=Submission.Status.RETURNED,
    ).select_related("indicator", "project", "reviewed_by"))
    # A returned measure figure (争资争项, 招商引资, 主要任务) is its responsible department's to correct.
    returned += [s for s in Submission.objects.filter(region=region, status=Submission.Status.RETURNED)
                 .exclude(measure_kind="").select_related("region", "reviewed_by")
                 if submission_access(request.user, s).write]
    return render(request, "web/home.html", {
        "region": region,
        "parties": [d.name for d in departments] + units,
        "departments": departments,
        "units": units,
        "reminders": reminders(region, departments, timezone.localdate(), units),
        "returned": returned,
        # A returned submission of a month locked since cannot be changed: the page says so instead of a link.
        "locked": set(PeriodState.objects.filter(region=region, locked=True).values_list("year", "month")),
        "year": year,
        "month": month,
    })
