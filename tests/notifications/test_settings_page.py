"""通知设置: a signed-in user sets their own channels, and only their own."""

from __future__ import annotations

from typing import Any

from devplan.notifications.models import Channels


def test_a_user_sets_email_robot_and_digest_and_the_secret_is_kept_unshown(personas: Any, settings: Any) -> None:
    client = personas.client("owner")
    page = client.get("/notifications/")
    assert page.status_code == 200 and "通知设置" in page.content.decode()
    url = "https://oapi.dingtalk.com/robot/send?access_token=abc"
    answer = client.post("/notifications/", {"email": "on", "address": "tj@example.cn", "webhook_kind": "dingtalk",
                                             "webhook_url": url, "webhook_secret": "SECabc123"})
    assert answer.status_code == 302
    mine = Channels.objects.get(user=personas.owner)
    assert (mine.email, mine.digest, mine.webhook_url, mine.webhook_secret) == (True, False, url, "SECabc123")
    personas.owner.refresh_from_db()
    assert personas.owner.email == "tj@example.cn"
    again = client.get("/notifications/").content.decode()
    assert "SECabc123" not in again and "已设置" in again
    client.post("/notifications/", {"email": "on", "address": "tj@example.cn", "digest": "on",
                                    "webhook_kind": "dingtalk", "webhook_url": url, "webhook_secret": ""})
    assert Channels.objects.get(user=personas.owner).webhook_secret == "SECabc123"


def test_the_page_changes_only_ones_own_settings(personas: Any) -> None:
    personas.client("other").post("/notifications/", {"user": personas.owner.pk, "address": "x@example.cn",
                                                      "webhook_kind": "wecom"})
    assert not Channels.objects.filter(user=personas.owner).exists()
    assert Channels.objects.get(user=personas.other).webhook_kind == "wecom"
    personas.owner.refresh_from_db()
    assert personas.owner.email == ""


def test_a_robot_address_elsewhere_is_refused_in_one_sentence(personas: Any) -> None:
    page = personas.client("owner").post("/notifications/", {"address": "", "webhook_kind": "wecom",
                                                             "webhook_url": "http://10.0.0.1/hook"})
    assert page.status_code == 200
    assert "群机器人地址应是钉钉或企业微信机器人的地址（允许的主机：oapi.dingtalk.com、qyapi.weixin.qq.com）。" in page.content.decode()
    assert not Channels.objects.filter(user=personas.owner).exists()


def test_visitors_are_sent_to_the_login_page(client: Any, db: Any) -> None:
    assert client.get("/notifications/")["Location"].startswith("/login/")
