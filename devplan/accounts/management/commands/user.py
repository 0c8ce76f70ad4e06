"""`devplan user add NAME --role ROLE [--department NAME] [--owner NAME] [--region R] --password-stdin`."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import CommandParser

from devplan.accounts.models import Role
from devplan.accounts.services import add_user
from devplan.cli.base import DevplanCommand
from devplan.lib.errors import UsageError
from devplan.regions.lookup import find_region
from devplan.regions.models import Region


def _default_region() -> Region:
    """The one county that has departments; with several, the user must say which."""
    counties = list(Region.objects.filter(departments__isnull=False).distinct()[:2])
    if len(counties) != 1:
        raise UsageError("请用 --region 指明用户所属的行政区（名称或行政区划代码）")
    return counties[0]


class Command(DevplanCommand):
    help = "管理用户账户：devplan user add 用户名 --role 角色 --password-stdin"

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="新建用户（密码从标准输入读取）")
        add.add_argument("name", help="用户名")
        add.add_argument("--role", required=True, choices=Role.values, help="角色")
        add.add_argument("--department", help="所属部门（department 角色）")
        add.add_argument("--owner", help="项目业主单位（owner 角色）")
        add.add_argument("--region", help="所属行政区（默认：唯一有部门的行政区）")
        add.add_argument("--password-stdin", action="store_true", help="从标准输入读取密码")

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["password_stdin"]:
            raise UsageError("请用 --password-stdin 从标准输入提供密码（不要把密码写在命令行上）")
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise UsageError("标准输入中没有密码")
        region = find_region(options["region"]) if options["region"] else _default_region()
        user = add_user(
            options["name"], options["role"], password, region,
            department=options["department"], owner=options["owner"],
        )
        self.stdout.write(f"已创建用户 {user.get_username()}（{Role(options['role']).label}，{region.name}）。")
