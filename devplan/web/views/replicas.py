"""数据库副本: the read replicas, how far behind the primary each is, and whether reads go to it."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from devplan.accounts.access import replicas_access
from devplan.lib.numbers import rounded
from devplan.replicas.report import replicas_report
from devplan.web.views.common import require

READERS = "只有发改委（计划科）和系统管理员可以查看数据库只读副本的状态"


@login_required
def replicas_page(request: HttpRequest) -> HttpResponse:
    require(replicas_access(request.user).read, READERS)
    report = replicas_report()
    for replica in report["replicas"]:
        lag = replica["lag_seconds"]
        replica["lag_words"] = "—" if lag is None else f"{rounded(lag)} 秒"
    return render(request, "web/replicas.html", {**report, "primary": settings.DATABASES["default"]})
