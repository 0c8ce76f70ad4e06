import axes.apps
from django.apps import AppConfig


class AccountsConfig(AppConfig):
    default = True  # the app's own config; AxesConfig below is named in INSTALLED_APPS by its path
    name = "devplan.accounts"
    verbose_name = "用户与角色"
    label = "accounts"


class AxesConfig(axes.apps.AppConfig):
    """django-axes (login throttling) under a Chinese heading: it ships no Chinese translation, so the admin
    showed AXES and "Access attempts" among the Chinese headings."""

    verbose_name = "登录限制"

    def ready(self) -> None:
        super().ready()
        from axes.models import AccessAttempt, AccessAttemptExpiration, AccessFailureLog, AccessLog

        for model, name in ((AccessAttempt, "登录失败计数"), (AccessFailureLog, "登录失败记录"),
                            (AccessLog, "登录记录"), (AccessAttemptExpiration, "登录失败计数过期时间")):
            model._meta.verbose_name = model._meta.verbose_name_plural = name
