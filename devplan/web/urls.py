"""The pages. Each takes the region's code and, where it matters, the year and month in the path."""

from __future__ import annotations

from django.urls import path

from devplan.web.views import (
    area,
    audit,
    auth,
    changes,
    compare,
    dashboard,
    excel,
    indicators,
    measures,
    projects,
    public,
    quality,
    replicas,
    reports,
    review,
    submission,
)

app_name = "web"

urlpatterns = [
    path("", auth.home, name="home"),
    path("login/", auth.LoginView.as_view(), name="login"),
    path("logout/", auth.LogoutView.as_view(), name="logout"),
    path("dashboard/", dashboard.dashboard_default, name="dashboard_default"),
    path("dashboard/<str:region>/<int:year>/<int:month>/", dashboard.dashboard, name="dashboard"),
    path("area/<str:region>/<int:year>/<int:month>/", area.area_page, name="area"),
    path("reported/<str:region>/<int:year>/<int:month>/", area.report_decision, name="report_decision"),
    path("indicator/<str:region>/<slug:code>/<int:year>/", indicators.indicator_page, name="indicator"),
    path("submit/", submission.submit_default, name="submit_default"),
    path("submit/<str:region>/<int:year>/<int:month>/", submission.submit_page, name="submit"),
    path("submit/<str:region>/<int:year>/<int:month>/check/<slug:code>/", submission.check_entry, name="check"),
    path("excel/<str:region>/<int:year>/<int:month>/<slug:kind>/template.xlsx", excel.download_template,
         name="excel_template"),
    path("excel/<str:region>/<int:year>/<int:month>/<slug:kind>/upload/", excel.upload_template, name="excel_upload"),
    path("projects/", projects.projects_default, name="projects_default"),
    path("projects/<str:region>/<int:year>/", projects.projects_list, name="projects"),
    path("project/<str:ref>/<int:year>/", projects.project_page, name="project"),
    *(path(f"{page}/", measures.measure_default, {"page": page}, name=f"{page}_default") for page in measures.KINDS),
    *(path(f"{page}/<str:region>/<int:year>/", measures.measure_page, {"page": page}, name=page)
      for page in measures.KINDS),
    path("progress/", submission.progress_default, name="progress_default"),
    path("progress/<str:region>/<int:year>/<int:month>/", submission.progress_page, name="progress"),
    path("progress/<str:region>/<int:year>/<int:month>/check/<str:ref>/", submission.check_progress,
         name="check_progress"),
    path("review/", review.review_default, name="review_default"),
    path("review/<str:region>/<int:year>/<int:month>/", review.review_page, name="review"),
    path("review/<str:region>/<int:year>/<int:month>/period/", review.review_period, name="review_period"),
    path("review/submission/<int:pk>/", review.review_submission, name="review_submission"),
    path("quality/<str:region>/<int:year>/<int:month>/", quality.quality_page, name="quality"),
    path("changes/", changes.changes_default, name="changes_default"),
    path("changes/<str:region>/", changes.changes_page, name="changes"),
    path("changes/<str:region>/<int:pk>/", changes.change_page, name="change"),
    path("changes/<str:region>/<int:pk>/revert/", changes.revert_change, name="revert_change"),
    path("reports/", reports.reports_default, name="reports_default"),
    path("reports/<str:region>/<int:year>/<int:month>/", reports.reports_page, name="reports"),
    path("reports/<str:region>/<int:year>/<int:month>/<str:name>", reports.report_file, name="report_file"),
    path("audit/", audit.audit_page, name="audit"),
    path("replicas/", replicas.replicas_page, name="replicas"),
    path("public/", public.public_index, name="public_index"),
    path("compare/", compare.compare_default, name="compare_default"),
    path("compare/<str:province>/<slug:indicator>/<int:year>/<int:month>/", compare.compare_page, name="compare"),
    path("public/<str:region>/", public.public_region, name="public"),
    path("public/<str:region>/<int:year>/", public.public_region, name="public_year"),
]
