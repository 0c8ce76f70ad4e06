"""通知设置: a signed-in user chooses how devplan tells them — only their own row, never anyone else's."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from devplan.notifications.delivery import channels_of
from devplan.notifications.forms import ChannelsForm

RECENT = 20


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request: HttpRequest) -> HttpResponse:
    form = ChannelsForm(request.POST or None, instance=channels_of(request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "通知设置已保存。")
        return redirect("notifications:settings")
    recent = request.user.notifications.prefetch_related("deliveries")[:RECENT]  # type: ignore[union-attr]
    return render(request, "notifications/settings.html",
                  {"form": form, "recent": recent, "remind_days": settings.DEVPLAN_REMIND_DAYS})
