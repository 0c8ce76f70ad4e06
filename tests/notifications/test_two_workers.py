"""Two `devplan worker --once` processes at once (a systemd service and a cron job, say) on the same database
still tell each user once per channel."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

from tests.conftest import ROOT
from tests.notifications.conftest import SECRET, Inbox, Receiver

SETUP = f"""
import django
django.setup()
from datetime import timedelta
from django.utils import timezone
from devplan.accounts.models import Role
from devplan.accounts.services import add_user
from devplan.collection.models import Deadline
from devplan.notifications.models import Channels
from devplan.regions.models import Region
region = Region.objects.get(name="湘乡市")
Deadline.objects.create(region=region, year=2024, month=5, due=timezone.localdate() - timedelta(days=1))
tongji = add_user("tongji", Role.DEPARTMENT, "correct-horse-battery-staple", region, department="统计局")
tongji.email = "tongji@example.cn"
tongji.save()
Channels.objects.create(user=tongji, webhook_url="{{url}}/ding", webhook_secret="{SECRET}")
"""


def test_two_worker_processes_at_once_send_each_message_once(demo_db_url: str, smtp: Inbox, receiver: Receiver,
                                                              settings: Any) -> None:
    port = settings.MAILERS["default"]["OPTIONS"]["port"]
    env = {**os.environ, "DEVPLAN_DB": demo_db_url, "DJANGO_SETTINGS_MODULE": "devplan.settings",
           "DEVPLAN_EMAIL_HOST": "127.0.0.1", "DEVPLAN_EMAIL_PORT": str(port), "DEVPLAN_DIGEST_HOUR": "0",
           "DEVPLAN_WEBHOOK_HOSTS": "127.0.0.1"}
    subprocess.run([sys.executable, "-c", SETUP.replace("{url}", receiver.url)], env=env, cwd=ROOT, check=True)
    workers = [subprocess.Popen([sys.executable, "-m", "devplan", "worker", "--once"], env=env, cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outcomes = [worker.communicate(timeout=300) for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0], outcomes
    assert [err for _, err in outcomes] == ["", ""]  # nothing for cron to mail
    assert [m["To"] for m in smtp.messages] == ["tongji@example.cn"]
    assert len(receiver.at("/ding")) == 1 and receiver.at("/ding")[0]["signed"]
