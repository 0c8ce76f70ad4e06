"""通知与提醒: what devplan tells a user (a `Notification`, once per event or per day), how the user wants to
be told (`Channels`: e-mail, a group-chat robot, a daily digest), and each message's way out (`Delivery`,
retried with back-off). Written by `producers.py` and `delivery.py` in the worker, never in a request."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Channels(models.Model):
    """How one user wants to be told; a user without a row gets the defaults (e-mail, daily digest)."""

    class Robot(models.TextChoices):
        DINGTALK = "dingtalk", "钉钉群机器人"
        WECOM = "wecom", "企业微信群机器人"

    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name="用户", on_delete=models.CASCADE,
                                related_name="channels")
    email = models.BooleanField("发送电子邮件", default=True)
    webhook_url = models.URLField("群机器人地址（Webhook）", max_length=500, blank=True)
    webhook_kind = models.CharField("群机器人类型", max_length=10, choices=Robot.choices, default=Robot.DINGTALK)
    webhook_secret = models.CharField("钉钉加签密钥", max_length=200, blank=True,
                                      help_text="钉钉机器人安全设置选“加签”时填写（以 SEC 开头）")
    digest = models.BooleanField("每日汇总", default=True, help_text="每天一条消息汇总当天的通知，而不是每件事一条")

    class Meta:
        verbose_name = verbose_name_plural = "通知方式"

    def __str__(self) -> str:
        return f"{self.user} 的通知方式"


class Digest(models.Model):
    """One user's daily message listing the notifications gathered since the previous one."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="收件人", on_delete=models.CASCADE,
                                  related_name="+")
    day = models.DateField("日期")
    created_at = models.DateTimeField("生成时间", default=timezone.now)

    class Meta:
        verbose_name = verbose_name_plural = "每日汇总"
        constraints = [models.UniqueConstraint(fields=["recipient", "day"], name="one_digest_per_user_day")]

    def __str__(self) -> str:
        return f"{self.recipient} {self.day:%Y-%m-%d} 汇总"


class Notification(models.Model):
    """One thing a user is told. `key` names the event (and, for reminders, the day): the same event
    notifies a user once, however often the producers run."""

    class Kind(models.TextChoices):
        DEADLINE_SOON = "deadline_soon", "报送即将截止"
        OVERDUE = "overdue", "报送已逾期"
        RETURNED = "returned", "填报被退回"
        SUPERVISION = "supervision", "督办事项"
        BRIEF = "brief", "月度简报已生成"

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="收件人", on_delete=models.CASCADE,
                                  related_name="notifications")
    kind = models.CharField("类别", max_length=15, choices=Kind.choices)
    subject = models.CharField("标题", max_length=200)
    body = models.TextField("内容")
    link = models.CharField("链接", max_length=300, blank=True)
    key = models.CharField("去重键", max_length=200)
    created_at = models.DateTimeField("时间", default=timezone.now)
    digest = models.ForeignKey(Digest, verbose_name="所在汇总", null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="notifications")
    planned = models.BooleanField("已安排发送", default=False)

    class Meta:
        verbose_name = verbose_name_plural = "通知"
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["recipient", "key"], name="one_notification_per_event")]

    def __str__(self) -> str:
        return f"{self.recipient}：{self.subject}"


class Delivery(models.Model):
    """One message (a notification, or a digest) on one channel: attempted until sent or out of attempts."""

    class Channel(models.TextChoices):
        EMAIL = "email", "电子邮件"
        WEBHOOK = "webhook", "群机器人"

    notification = models.ForeignKey(Notification, null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="deliveries")
    digest = models.ForeignKey(Digest, null=True, blank=True, on_delete=models.CASCADE, related_name="deliveries")
    channel = models.CharField("渠道", max_length=10, choices=Channel.choices)
    attempts = models.PositiveSmallIntegerField("已尝试次数", default=0)
    next_attempt_at = models.DateTimeField("下次尝试", null=True, blank=True, default=timezone.now)
    sent_at = models.DateTimeField("发送时间", null=True, blank=True)
    last_error = models.CharField("最近错误", max_length=500, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "发送记录"
        constraints = [
            models.CheckConstraint(condition=models.Q(notification__isnull=True) ^ models.Q(digest__isnull=True),
                                   name="delivery_of_notification_or_digest"),
            models.UniqueConstraint(fields=["notification", "channel"], name="one_delivery_per_notification_channel"),
            models.UniqueConstraint(fields=["digest", "channel"], name="one_delivery_per_digest_channel"),
        ]
        indexes = [models.Index(fields=["sent_at", "next_attempt_at"], name="delivery_due")]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} · {self.notification or self.digest}"


class Cursor(models.Model):
    """Up to when the producers have read events (returned submissions, 督办 steps)."""

    name = models.CharField("名称", max_length=40, unique=True)
    at = models.DateTimeField("读到")

    class Meta:
        verbose_name = verbose_name_plural = "通知读取位置"

    def __str__(self) -> str:
        return f"{self.name} {self.at:%Y-%m-%d %H:%M}"
