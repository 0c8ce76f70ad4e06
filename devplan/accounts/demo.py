"""Demo accounts, one per role, for `devplan serve --demo-accounts`: only in a database holding the demo."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model

from devplan.accounts.models import Role
from devplan.accounts.services import add_user
from devplan.demo.loader import DEMO_REGION_CODE, LOADED_BY
from devplan.indicators.models import Figure
from devplan.lib.errors import DevplanError
from devplan.regions.models import Region


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str
    department: str | None = None
    owner: str | None = None

    @property
    def label(self) -> str:
        return Role(self.role).label + (f"（{self.department or self.owner}）" if self.department or self.owner else "")


DEMO_ACCOUNTS = (
    DemoAccount("admin", "demo-admin-2023", Role.ADMIN),
    DemoAccount("planner", "demo-planner-2023", Role.PLANNER),
    DemoAccount("tongji", "demo-tongji-2023", Role.DEPARTMENT, department="统计局"),
    DemoAccount("caizheng", "demo-caizheng-2023", Role.DEPARTMENT, department="财政局"),
    DemoAccount("shangwu", "demo-shangwu-2023", Role.DEPARTMENT, department="商务局"),
    DemoAccount("owner", "demo-owner-2023", Role.OWNER, owner="湘乡市城市发展集团有限公司"),
    DemoAccount("leader", "demo-leader-2023", Role.VIEWER),
)


def demo_region() -> Region | None:
    """湘乡市 when the database holds the bundled demo data (its figures were loaded by the demo loader)."""
    region = Region.objects.filter(code=DEMO_REGION_CODE).first()
    if region is None or not Figure.objects.filter(region=region, change_set__actor_name=LOADED_BY).exists():
        return None
    return region


def ensure_demo_accounts() -> tuple[DemoAccount, ...]:
    """Create the demo accounts that do not exist yet; refuse in a database without the demo data."""
    region = demo_region()
    if region is None:
        raise DevplanError("此数据库不含示例数据，不能创建示例账户：请先运行 devplan init --demo，或去掉 --demo-accounts")
    existing = set(get_user_model().objects.values_list("username", flat=True))
    for account in DEMO_ACCOUNTS:
        if account.username not in existing:
            add_user(
                account.username, account.role, account.password, region,
                department=account.department, owner=account.owner, check_password=False,
            )
    return DEMO_ACCOUNTS
