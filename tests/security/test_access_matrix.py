"""Every role × every page and API endpoint (collected from the URL resolver) × own/other's object, with
the answer each must get, run in full through Django's test client. The same requests carry the
direct-object-reference attempts (another department's indicator or submission id, another owner's
project ref in the URL or the body), and every answer is searched for secrets — and, for the anonymous
visitor, for the values still waiting for approval (unpublished)."""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from PIL import Image

from devplan.collection.models import Submission
from devplan.evidence.service import attach
from devplan.projects.models import Project
from devplan.recording.actors import Actor
from devplan.recording.models import ChangeSet, Door
from tests.reliability.record import record
from tests.security.conftest import ROLES, client_of, leaks, secrets

R, ELSEWHERE, UNKNOWN = "430381", "430382", "999999"  # 湘乡市 (the personas' county), 韶山市, none
LOGIN, ADMIN_LOGIN, AWAY = "302 → /login/", "302 → /admin/login/", "302 elsewhere"
PREFECTURE = "430300"  # 湘潭市, the area above the personas' county
MEASURES = ("funds", "attraction", "tasks")  # the pages of the measure kinds, and what a test enters on each
ENTERED = {"funds": "central_budget", "attraction": "fdi", "tasks": "no_such_task"}
# Values no page shows otherwise (searched for in every answer); far above the months before, so each says why.
PENDING = {"value_retail_sales": "9876.54", "value_fiscal_revenue": "8765.43", "invest_XX-003": "7654.32"}
WHY = "测试数据：按新口径统计"


@dataclass(frozen=True)
class Case:
    route: str  # the resolver's pattern this request exercises
    path: str
    expect: dict[str, int | str]
    method: str = "get"
    body: dict[str, Any] = field(default_factory=dict)
    json: bool = False
    reference: bool = False  # a direct-object-reference attempt: an id or code in the URL or the body

    def send(self, client: Client) -> Any:
        if self.method == "get":
            return client.get(self.path)
        kind = {"content_type": "application/json"} if self.json else {}
        return getattr(client, self.method)(self.path, self.body, **kind)


def expect(default: int | str, anonymous: int | str = LOGIN, **roles: int | str) -> dict[str, int | str]:
    """`default` for every signed-in role unless named; the anonymous visitor goes to the login page."""
    return {"anonymous": anonymous, **{role: roles.get(role, default) for role in ROLES[1:]}}


def public(answer: int | str) -> dict[str, int | str]:
    return expect(answer, anonymous=answer)


def observation(indicator: str) -> dict[str, Any]:
    return {"region": "湘乡市", "indicator": indicator, "through": "2023-12", "value": 600, "growth_pct": 4.5,
            "note": "测试数据：按新口径统计"}


def measure_figure(source: str) -> dict[str, Any]:
    return {"region": "湘乡市", "kind": "funds", "measure": source, "through": "2023-12", "value": 1.5}


def progress_report(ref: str) -> dict[str, Any]:
    return {"project": ref, "through": "2023-12", "completed": 1.5, "narrative": "主体施工", "explanation": "测试数据：按月推进"}


def target_edit(base_revision: int) -> dict[str, Any]:
    return {"base_revision": base_revision, "kind": "level", "value": 620, "unit": "亿元", "reason": "调整"}


def cases(own: int, others: int, project: int, change: int = 1, photo: int = 1) -> list[Case]:
    """The submissions waiting for review: `own` is the owner department's (统计局), `others` another
    department's (财政局), `project` the project owner's; `change` a change set of the region; `photo` a photo
    the project owner attached to XX-003 (its responsible department is 住建局, none of the personas')."""
    figures = f"/api/indicators/{{}}/figures?region={R}&year=2023"
    target = "api/targets/<region>/<indicator>/<year>"
    compare = "compare/<str:province>/<slug:indicator>/<int:year>/<int:month>/"
    return [
        Case("favicon.ico", "/favicon.ico", public(301)),
        *(Case(route, f"/{route}", public(200)) for route in ("openapi.json", "api/openapi.json", "api/docs")),
        Case("api/", "/api/", public(404)),
        Case("api/health", "/api/health", public(200)),
        Case("api/status", f"/api/status?region={R}&year=2023", public(200)),
        Case("api/status", f"/api/status?region={UNKNOWN}&year=2023", public(404)),
        Case("api/status", f"/api/status?region={R}&year=2023", public(405), method="post"),
        Case("api/rollup", "/api/rollup?indicator=gdp&period=2023-09", public(200)),
        Case("api/rollup", "/api/rollup?indicator=no_such_code&period=2023-09", public(404)),
        Case("api/ranking", "/api/ranking?province=430000&indicator=gdp&period=2023-09", public(200)),
        Case("api/ranking", f"/api/ranking?province={R}&indicator=gdp&period=2023-09", public(422)),
        Case("api/login", "/api/login", public(405)),
        Case("api/logout", "/api/logout", public(405)),
        Case("api/observations", "/api/observations", public(405)),
        # A department's figures wait for the bureau (202); the bureau's own are official at once (201).
        Case("api/observations", "/api/observations", expect(403, anonymous=401, owner=202, planner=201, admin=201),
             method="post", body=observation("gdp"), json=True),
        Case("api/observations", "/api/observations", expect(403, anonymous=401, other=202, planner=201, admin=201),
             method="post", body=observation("fiscal_revenue"), json=True, reference=True),
        Case("api/observations", "/api/observations", expect(404, anonymous=401), method="post",
             body={**observation("gdp"), "region": UNKNOWN}, json=True, reference=True),
        # A series of 争资争项 waits for the bureau when its department (财政局 for the bonds) sends it.
        Case("api/measures", "/api/measures", public(405)),
        Case("api/measures", "/api/measures", expect(403, anonymous=401, other=202, planner=201, admin=201),
             method="post", body=measure_figure("special_bonds"), json=True),
        Case("api/measures", "/api/measures", expect(403, anonymous=401, planner=201, admin=201),
             method="post", body=measure_figure("central_budget"), json=True, reference=True),
        Case("api/measures", "/api/measures", expect(404, anonymous=401), method="post",
             body={**measure_figure("special_bonds"), "region": UNKNOWN}, json=True, reference=True),
        Case("api/indicators", f"/api/indicators?region={R}", expect(200, anonymous=401)),
        Case("api/indicators/<code>/figures", figures.format("gdp"), expect(200, anonymous=401, other=403, builder=403)),
        Case("api/indicators/<code>/figures", figures.format("fiscal_revenue"),
             expect(200, anonymous=401, owner=403, builder=403), reference=True),
        Case("api/indicators/<code>/figures", figures.format("no_such_code"), expect(404, anonymous=401)),
        Case(target, f"/api/targets/{R}/gdp/2023", expect(200, anonymous=401, other=403, builder=403)),
        Case(target, f"/api/targets/{R}/fiscal_revenue/2023", expect(200, anonymous=401, owner=403, builder=403),
             reference=True),
        Case(target, f"/api/targets/{R}/no_such_code/2023", expect(404, anonymous=401)),
        Case(target, f"/api/targets/{ELSEWHERE}/gdp/2023", expect(403, anonymous=401, admin=404), reference=True),
        Case(target, f"/api/targets/{R}/gdp/2023", public(405), method="post"),
        Case(target, f"/api/targets/{R}/gdp/2023", expect(403, anonymous=401, planner=200, admin=200), method="put",
             body=target_edit(1), json=True),
        Case(target, f"/api/targets/{ELSEWHERE}/gdp/2023", expect(403, anonymous=401, admin=409), method="put",
             body=target_edit(1), json=True, reference=True),
        Case(target, f"/api/targets/{R}/no_such_code/2023", expect(404, anonymous=401), method="put",
             body=target_edit(1), json=True),
        Case("api/projects/<ref>", "/api/projects/XX-003", expect(200, anonymous=401)),
        Case("api/projects/<ref>", "/api/projects/XX-999", expect(404, anonymous=401)),
        Case("api/projects/<ref>", "/api/projects/XX-003", public(405), method="post"),
        Case("api/projects/<ref>", "/api/projects/XX-003", expect(403, anonymous=401, planner=200, admin=200),
             method="put", body={"version": 1, "note": "改"}, json=True),
        Case("api/projects/<ref>", "/api/projects/XX-001", expect(403, anonymous=401, planner=200, admin=200),
             method="put", body={"version": 1, "note": "改"}, json=True, reference=True),
        Case("api/projects/<ref>", "/api/projects/XX-999", expect(404, anonymous=401), method="put",
             body={"version": 1, "note": "改"}, json=True, reference=True),
        Case("api/projects/<ref>/milestones", "/api/projects/XX-003/milestones", expect(200, anonymous=401)),
        Case("api/projects/<ref>/milestones", "/api/projects/XX-003/milestones",
             expect(403, anonymous=401, builder=200, planner=200, admin=200), method="post",
             body={"dates": {"land": {"actual": "2022-10-09"}}}, json=True),
        Case("api/projects/<ref>/milestones", "/api/projects/XX-001/milestones",
             expect(403, anonymous=401, planner=200, admin=200), method="post",
             body={"dates": {"land": {"actual": "2022-10-09"}}}, json=True, reference=True),
        Case("project/<str:ref>/<int:year>/milestones/", "/project/XX-003/2023/milestones/", expect(405)),
        Case("project/<str:ref>/<int:year>/milestones/", "/project/XX-003/2023/milestones/",
             expect(403, builder=AWAY, planner=AWAY, admin=AWAY), method="post", body={"land.actual": "2022-10-09"}),
        Case("project/<str:ref>/<int:year>/milestones/", "/project/XX-001/2023/milestones/",
             expect(403, planner=AWAY, admin=AWAY), method="post", body={"land.actual": "2022-10-09"},
             reference=True),
        Case("project/<str:ref>/<int:year>/evidence/", "/project/XX-003/2023/evidence/", expect(405)),
        Case("project/<str:ref>/<int:year>/evidence/", "/project/XX-003/2023/evidence/",
             expect(403, builder=AWAY, planner=AWAY, admin=AWAY), method="post", body={"month": "10"}),
        Case("project/<str:ref>/<int:year>/evidence/", "/project/XX-001/2023/evidence/",
             expect(403, planner=AWAY, admin=AWAY), method="post", body={"month": "10"}, reference=True),
        # A project's photos: its owner unit, its responsible department and the bureau — not other departments.
        *(Case(route, path.format(photo), expect(403, builder=200, planner=200, admin=200, viewer=200), reference=True)
          for route, path in (("evidence/<int:pk>/", "/evidence/{}/"),
                              ("evidence/<int:pk>/thumbnail/", "/evidence/{}/thumbnail/"))),
        Case("evidence/<int:pk>/", "/evidence/999999/", expect(404)),
        Case("compare/", "/compare/", public(AWAY)),
        Case(compare, "/compare/430000/gdp/2023/9/", public(200)),
        Case(compare, f"/compare/{R}/gdp/2023/9/", public(404)),
        Case("", "/", expect(AWAY, owner=200, other=200, builder=200)),
        Case("login/", "/login/", expect(AWAY, anonymous=200)),
        Case("logout/", "/logout/", public(405)),
        *(Case(f"{page}/", f"/{page}/", expect(AWAY)) for page in ("dashboard", "submit", "projects", "progress",
                                                                    "review", "reports", *MEASURES)),
        *(case for page in MEASURES for case in (
            Case(f"{page}/<str:region>/<int:year>/", f"/{page}/{R}/2023/", expect(200)),
            Case(f"{page}/<str:region>/<int:year>/", f"/{page}/{ELSEWHERE}/2023/", expect(403, admin=200),
                 reference=True),
            Case(f"{page}/<str:region>/<int:year>/", f"/{page}/{UNKNOWN}/2023/", expect(404)),
            Case(f"{page}/<str:region>/<int:year>/", f"/{page}/{R}/2023/", expect(403, planner=AWAY, admin=AWAY),
                 method="post", body={"month": "12", "measure": ENTERED[page], "value": "1"}),
            Case(f"{page}/<str:region>/<int:year>/", f"/{page}/{ELSEWHERE}/2023/", expect(403, admin=AWAY),
                 method="post", body={"month": "12", "measure": ENTERED[page], "value": "1"}, reference=True))),
        Case("dashboard/<str:region>/<int:year>/<int:month>/", f"/dashboard/{R}/2023/10/", expect(200)),
        Case("dashboard/<str:region>/<int:year>/<int:month>/", f"/dashboard/{ELSEWHERE}/2023/10/",
             expect(403, admin=200), reference=True),
        Case("dashboard/<str:region>/<int:year>/<int:month>/", f"/dashboard/{UNKNOWN}/2023/10/", expect(404)),
        Case("indicator/<str:region>/<slug:code>/<int:year>/", f"/indicator/{R}/gdp/2023/",
             expect(200, other=403, builder=403)),
        Case("indicator/<str:region>/<slug:code>/<int:year>/", f"/indicator/{R}/fiscal_revenue/2023/",
             expect(200, owner=403, builder=403), reference=True),
        Case("indicator/<str:region>/<slug:code>/<int:year>/", f"/indicator/{R}/no_such_code/2023/", expect(404)),
        Case("submit/<str:region>/<int:year>/<int:month>/", f"/submit/{R}/2023/11/", expect(403, owner=200, other=200)),
        # December's figures were already submitted through the API above: the page says they wait (200).
        Case("submit/<str:region>/<int:year>/<int:month>/", f"/submit/{R}/2023/12/", expect(403, owner=200),
             method="post", body={"value_gdp": "610", "action": "save"}),
        Case("submit/<str:region>/<int:year>/<int:month>/", f"/submit/{R}/2023/12/", expect(403, other=200),
             method="post", body={"value_fiscal_revenue": "30", "action": "save"}, reference=True),
        Case("submit/<str:region>/<int:year>/<int:month>/check/<slug:code>/", f"/submit/{R}/2023/11/check/gdp/",
             expect(405)),
        Case("submit/<str:region>/<int:year>/<int:month>/check/<slug:code>/", f"/submit/{R}/2023/11/check/gdp/",
             expect(403, owner=200), method="post", body={"value_gdp": "610"}),
        Case("submit/<str:region>/<int:year>/<int:month>/check/<slug:code>/",
             f"/submit/{R}/2023/11/check/fiscal_revenue/", expect(403, other=200), method="post",
             body={"value_fiscal_revenue": "30"}, reference=True),
        Case("excel/<str:region>/<int:year>/<int:month>/<slug:kind>/template.xlsx",
             f"/excel/{R}/2023/11/figures/template.xlsx", expect(403, owner=200, other=200)),
        Case("excel/<str:region>/<int:year>/<int:month>/<slug:kind>/template.xlsx",
             f"/excel/{R}/2023/11/projects/template.xlsx", expect(403, builder=200)),
        Case("excel/<str:region>/<int:year>/<int:month>/<slug:kind>/upload/", f"/excel/{R}/2023/11/figures/upload/",
             expect(405)),
        Case("excel/<str:region>/<int:year>/<int:month>/<slug:kind>/upload/", f"/excel/{R}/2023/11/figures/upload/",
             expect(403, owner=AWAY, other=AWAY), method="post"),
        Case("projects/<str:region>/<int:year>/", f"/projects/{R}/2023/", expect(200)),
        Case("projects/<str:region>/<int:year>/", f"/projects/{ELSEWHERE}/2023/", expect(403, admin=200),
             reference=True),
        Case("project/<str:ref>/<int:year>/", "/project/XX-003/2023/", expect(200)),
        Case("project/<str:ref>/<int:year>/", "/project/XX-001/2023/", expect(200)),
        Case("project/<str:ref>/<int:year>/", "/project/XX-999/2023/", expect(404)),
        Case("progress/<str:region>/<int:year>/<int:month>/", f"/progress/{R}/2023/11/", expect(403, builder=200)),
        Case("progress/<str:region>/<int:year>/<int:month>/", f"/progress/{R}/2023/12/", expect(403, builder=AWAY),
             method="post", body={"invest_XX-003": "50", "explain_XX-003": "测试数据：按月推进", "action": "save"}),
        Case("progress/<str:region>/<int:year>/<int:month>/", f"/progress/{R}/2023/12/", expect(403),
             method="post", body={"invest_XX-001": "50", "action": "save"}, reference=True),
        Case("review/<str:region>/<int:year>/<int:month>/", f"/review/{R}/2023/11/", expect(200)),
        Case("review/<str:region>/<int:year>/<int:month>/", f"/review/{ELSEWHERE}/2023/11/", expect(403, admin=200),
             reference=True),
        Case("review/<str:region>/<int:year>/<int:month>/period/", f"/review/{R}/2023/1/period/", expect(405)),
        Case("review/<str:region>/<int:year>/<int:month>/period/", f"/review/{R}/2023/1/period/",
             expect(403, planner=AWAY, admin=AWAY), method="post", body={"action": "lock"}),
        Case("review/submission/<int:pk>/", f"/review/submission/{own}/", expect(405)),
        *(Case("review/submission/<int:pk>/", f"/review/submission/{pk}/", expect(403, planner=AWAY, admin=AWAY),
               method="post", body={"action": "return", "comment": "请核实"}, reference=True)
          for pk in (own, others, project)),
        Case("review/submission/<int:pk>/", "/review/submission/999999/", expect(404), method="post",
             body={"action": "approve"}, reference=True),
        Case("reports/<str:region>/<int:year>/<int:month>/", f"/reports/{R}/2023/10/", expect(200)),
        Case("reports/<str:region>/<int:year>/<int:month>/", f"/reports/{ELSEWHERE}/2023/10/", expect(403, admin=200),
             reference=True),
        Case("reports/<str:region>/<int:year>/<int:month>/<str:name>", f"/reports/{R}/2023/10/brief.docx", expect(200)),
        Case("reports/<str:region>/<int:year>/<int:month>/<str:name>", f"/reports/{R}/2023/10/secret.txt", expect(404)),
        Case("progress/<str:region>/<int:year>/<int:month>/check/<str:ref>/", f"/progress/{R}/2023/11/check/XX-003/",
             expect(405)),
        Case("progress/<str:region>/<int:year>/<int:month>/check/<str:ref>/", f"/progress/{R}/2023/11/check/XX-003/",
             expect(403, builder=200), method="post", body={"invest_XX-003": "1.5"}),
        Case("progress/<str:region>/<int:year>/<int:month>/check/<str:ref>/", f"/progress/{R}/2023/11/check/XX-001/",
             expect(403), method="post", body={"invest_XX-001": "1.5"}, reference=True),
        Case("api/progress", "/api/progress", public(405)),
        Case("api/progress", "/api/progress", expect(403, anonymous=401, builder=202, planner=201, admin=201),
             method="post", body=progress_report("XX-003"), json=True),
        Case("api/progress", "/api/progress", expect(403, anonymous=401, planner=201, admin=201), method="post",
             body=progress_report("XX-001"), json=True, reference=True),
        Case("api/submissions", f"/api/submissions?region={R}&status=submitted",
             expect(403, anonymous=401, planner=200, admin=200)),
        Case("api/submissions", f"/api/submissions?region={ELSEWHERE}&status=submitted",
             expect(403, anonymous=401, admin=200), reference=True),
        Case("api/submissions/<id>/approve", "/api/submissions/999999/approve", expect(404, anonymous=401),
             method="post", json=True, reference=True),
        Case("api/submissions/<id>/approve", f"/api/submissions/{others}/approve", public(405)),
        # Returned on the review page above: decided once, so 409 now.
        Case("api/submissions/<id>/return", f"/api/submissions/{own}/return",
             expect(403, anonymous=401, planner=409, admin=409), method="post", body={"comment": "请核实"}, json=True,
             reference=True),
        # Reporting up: the county's people are not the prefecture's (only the superuser admin is).
        Case("area/<str:region>/<int:year>/<int:month>/", f"/area/{R}/2023/11/", expect(404)),
        Case("area/<str:region>/<int:year>/<int:month>/", f"/area/{PREFECTURE}/2023/11/", expect(403, admin=200),
             reference=True),
        Case("reported/<str:region>/<int:year>/<int:month>/", f"/reported/{R}/2023/11/", expect(405)),
        Case("reported/<str:region>/<int:year>/<int:month>/", f"/reported/{R}/2023/11/", expect(403, admin=AWAY),
             method="post", body={"action": "accept"}, reference=True),
        Case("api/reporting", f"/api/reporting?area={PREFECTURE}&period=2023-11",
             expect(403, anonymous=401, admin=200)),
        Case("api/reporting/<region>/<period>/accept", f"/api/reporting/{R}/2023-11/accept",
             expect(403, anonymous=401, admin=409), method="post", json=True, reference=True),
        Case("api/reporting/<region>/<period>/return", f"/api/reporting/{R}/2023-11/return",
             expect(403, anonymous=401, admin=409), method="post", body={"comment": "请核实"}, json=True,
             reference=True),
        Case("quality/<str:region>/<int:year>/<int:month>/", f"/quality/{R}/2023/11/",
             expect(403, planner=200, admin=200, viewer=200)),
        Case("quality/<str:region>/<int:year>/<int:month>/", f"/quality/{PREFECTURE}/2023/11/", expect(403, admin=200),
             reference=True),
        Case("changes/", "/changes/", expect(AWAY)),
        Case("changes/<str:region>/", f"/changes/{R}/", expect(403, planner=200, admin=200, viewer=200)),
        Case("changes/<str:region>/", f"/changes/{ELSEWHERE}/", expect(403, admin=200), reference=True),
        Case("changes/<str:region>/<int:pk>/", f"/changes/{R}/{change}/", expect(403, planner=200, admin=200, viewer=200)),
        Case("changes/<str:region>/<int:pk>/", f"/changes/{R}/999999/", expect(403, planner=404, admin=404, viewer=404)),
        Case("changes/<str:region>/<int:pk>/revert/", f"/changes/{R}/{change}/revert/", expect(405)),
        Case("changes/<str:region>/<int:pk>/revert/", f"/changes/{R}/999999/revert/", expect(403, planner=404, admin=404),
             method="post", body={"reason": "测试"}, reference=True),
        Case("audit/", "/audit/", expect(200)),
        # 督办: every member of the region reads; the planners open (a form without a subject: told so, AWAY).
        Case("supervision/", "/supervision/", expect(AWAY)),
        Case("supervision/<str:region>/<int:year>/", f"/supervision/{R}/2023/", expect(200)),
        Case("supervision/<str:region>/<int:year>/", f"/supervision/{ELSEWHERE}/2023/", expect(403, admin=200),
             reference=True),
        Case("supervision/<str:region>/<int:year>/", f"/supervision/{R}/2023/",
             expect(403, planner=AWAY, admin=AWAY), method="post", body={"reason": "测试督办事由"}),
        Case("supervision/item/<int:pk>/", "/supervision/item/999999/", expect(404)),
        Case("supervision/file/<int:pk>", "/supervision/file/999999", expect(404)),
        Case("api/supervision", f"/api/supervision?region={R}&year=2023", expect(200, anonymous=401)),
        Case("api/supervision", f"/api/supervision?region={ELSEWHERE}&year=2023", expect(403, anonymous=401, admin=200),
             reference=True),
        *(Case(f"api/supervision/<pk>/{step}", f"/api/supervision/999999/{step}", expect(404, anonymous=401),
               method="post", body={"text": "测试反馈内容"}, json=True) for step in ("answer", "return", "close")),
        # The read replicas' state: any region's planners and admins (none configured here: an empty list).
        Case("replicas/", "/replicas/", expect(403, planner=200, admin=200)),
        Case("api/replicas", "/api/replicas", expect(403, anonymous=401, planner=200, admin=200)),
        # 通知设置: every signed-in user reads and changes only their own (no id in the path to try).
        Case("notifications/", "/notifications/", expect(200)),
        Case("notifications/", "/notifications/", expect(200), method="post",
             body={"address": "", "webhook_kind": "wecom", "webhook_url": "http://10.0.0.1/hook"}),
        Case("public/", "/public/", public(200)),
        Case("public/<str:region>/", f"/public/{R}/", public(AWAY)),
        Case("public/<str:region>/<int:year>/", f"/public/{R}/2023/", public(200)),
        Case("public/<str:region>/<int:year>/", f"/public/{UNKNOWN}/2023/", public(404)),
        *(Case("admin/", path, expect(ADMIN_LOGIN, anonymous=ADMIN_LOGIN, admin=200)) for path in admin_pages()),
        # Last, since they end the session the cases above share.
        Case("api/logout", "/api/logout", expect(200, anonymous=401), method="post"),
        Case("logout/", "/logout/", public(LOGIN), method="post"),
    ]


def admin_pages() -> list[str]:
    """The admin's index and the list page of every registered model (the rest of the admin needs a staff
    session to reach at all, which only admins have)."""
    lists = [f"/admin/{model._meta.app_label}/{model._meta.model_name}/" for model in admin.site._registry]
    return ["/admin/", *lists]


def routes(patterns: list[Any] | None = None, prefix: str = "") -> list[str]:
    """Every URL pattern the site answers, as a route string; the admin's own URLs count as one, `admin/`."""
    found: list[str] = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if route == "admin/":
            found.append(route)
        elif isinstance(pattern, URLResolver):
            found += routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            found.append(route)
    return found


def answer(response: Any) -> int | str:
    if response.status_code != 302:
        return response.status_code
    location = response["Location"]
    return LOGIN if location.startswith("/login/") else ADMIN_LOGIN if location.startswith("/admin/login/") else AWAY


def body(response: Any) -> str:
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    return raw.decode("utf-8", errors="replace")


def _photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 48), "orange").save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def submissions(cast: dict[str, Any], settings: Any, tmp_path: Any) -> tuple[int, int, int, int, int]:
    """Waiting submissions (unpublished) from the owner department, another department and the project owner."""
    client_of(cast["owner"]).post(f"/submit/{R}/2023/11/", {"value_retail_sales": PENDING["value_retail_sales"],
                                                             "note_retail_sales": WHY, "action": "submit"})
    client_of(cast["other"]).post(f"/submit/{R}/2023/11/", {"value_fiscal_revenue": PENDING["value_fiscal_revenue"],
                                                             "note_fiscal_revenue": WHY, "action": "submit"})
    client_of(cast["builder"]).post(f"/progress/{R}/2023/11/", {"invest_XX-003": PENDING["invest_XX-003"], "explain_XX-003": "测试数据：按月推进",
                                                                 "action": "submit"})
    waiting = Submission.objects.filter(status=Submission.Status.SUBMITTED)
    assert waiting.count() == 3
    own, others = (waiting.get(indicator__code=code).pk for code in ("retail_sales", "fiscal_revenue"))
    change = ChangeSet.objects.filter(region__code=R).order_by("pk").first()
    assert change is not None
    settings.DEVPLAN_FILES_DIR = str(tmp_path / "files")
    photo, _ = attach(Actor(cast["builder"], "builder", Door.WEB), Project.objects.get(ref="XX-003"), 2023, 10,
                      "site.jpg", _photo())
    return own, others, waiting.get(project__ref="XX-003").pk, change.pk, photo.pk


def test_every_route_of_the_site_has_cases_in_the_matrix():
    covered = {case.route for case in cases(1, 2, 3)}
    assert set(routes()) - covered == set()
    assert covered - set(routes()) == set()


def failures(case: Case, response: Any, role: str, forbidden: list[str]) -> list[str]:
    """What went wrong with one request: an unexpected answer, or something secret in the response."""
    found = [f"{answer(response)}, expected {case.expect[role]}"] if answer(response) != case.expect[role] else []
    found += [f"shows {secret!r}" for secret in leaks(body(response), forbidden)]
    return [f"{case.method.upper()} {case.path} {case.body or ''}: {problem}" for problem in found]


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_the_expected_answer_from_every_page_and_endpoint(cast, submissions, role, caplog):
    caplog.set_level(logging.DEBUG)
    # The anonymous visitor must not see a waiting value in any format: searched by its whole part.
    forbidden = secrets() + ([value.split(".")[0] for value in PENDING.values()] if role == "anonymous" else [])
    matrix = cases(*submissions)
    client = client_of(cast[role])
    outcomes = [failures(case, case.send(client), role, forbidden) for case in matrix]
    references = [problems for case, problems in zip(matrix, outcomes, strict=True) if case.reference]
    logged = leaks(caplog.text, secrets())
    record("access", role, tried=len(matrix), held=outcomes.count([]),
           references_tried=len(references), references_held=references.count([]),
           log_records_searched=len(caplog.records), log_leaks=len(logged))
    found = [problem for problems in outcomes for problem in problems]
    assert found == [], "\n".join(found)
    assert logged == []
