"""The form a user sets their own channels with."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings

from devplan.notifications.models import Channels
from devplan.notifications.senders import allowed_host


class ChannelsForm(forms.ModelForm):
    address = forms.EmailField(label="电子邮箱地址", required=False, max_length=254)

    class Meta:
        model = Channels
        fields = ["email", "address", "digest", "webhook_kind", "webhook_url", "webhook_secret"]
        widgets = {"webhook_secret": forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["address"].initial = self.instance.user.email
        if self.instance.webhook_secret:
            self.fields["webhook_secret"].help_text = "已设置；留空则保持不变"

    def clean_webhook_url(self) -> str:
        url = self.cleaned_data["webhook_url"].strip()
        if url and not allowed_host(url):
            raise forms.ValidationError(
                f"群机器人地址应是钉钉或企业微信机器人的地址（允许的主机：{'、'.join(settings.DEVPLAN_WEBHOOK_HOSTS)}）。")
        return url

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("email") and not data.get("address"):
            self.add_error("address", "要接收电子邮件，请填写电子邮箱地址。")
        return data

    def save(self, commit: bool = True) -> Channels:
        channels = super().save(commit=False)
        if not channels.webhook_url:
            channels.webhook_secret = ""
        elif not self.cleaned_data["webhook_secret"] and self.initial.get("webhook_secret"):
            channels.webhook_secret = self.initial["webhook_secret"]  # left empty: kept
        channels.user.email = self.cleaned_data["address"]
        channels.user.save(update_fields=["email"])
        channels.save()
        return channels
