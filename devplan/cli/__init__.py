"""The `devplan` console command: global options, Django set-up, then the management command.

Every command is a thin wrapper: the work happens in the apps' service modules, which the web app
calls too.
"""

from __future__ import annotations

import os
import sys

COMMANDS = {
    "init": "创建或升级数据库结构；--demo 同时载入湘乡市示例数据",
    "status": "某地区某年度主要指标完成情况表",
    "audit": "审核计划报告中的数字（文本、.docx、PDF）",
    "report": "生成计划执行情况报告（Word、PDF、HTML）及附件表（Excel）",
    "brief": "生成月度经济运行简报",
    "projects": "重点项目汇总与滞后项目",
    "tasks": "计划主要任务及进展",
    "template": "生成 Excel 填报模板",
    "import": "导入已填写的 Excel 模板",
    "import-csv": "批量导入长表 CSV",
    "synth": "生成任意规模的模拟数据",
    "user": "管理用户账户",
    "backup": "备份数据库",
    "restore": "从备份恢复数据库",
    "serve": "启动网页应用和 JSON API",
}


def _take_db_option(argv: list[str]) -> list[str]:
    """Remove a global `--db URL` (or `--db=URL`) from argv and put it in DEVPLAN_DB."""
    rest: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--db":
            if i + 1 >= len(argv):
                print("--db needs a database URL, e.g. --db sqlite:///devplan.db", file=sys.stderr)
                raise SystemExit(2)
            os.environ["DEVPLAN_DB"] = argv[i + 1]
            i += 2
            continue
        if arg.startswith("--db="):
            os.environ["DEVPLAN_DB"] = arg.split("=", 1)[1]
        else:
            rest.append(arg)
        i += 1
    return rest


def _print_help() -> None:
    print("用法: devplan [--db URL] 命令 [选项]   (devplan 命令 --help 查看各命令的选项)\n")
    for name, text in COMMANDS.items():
        print(f"  {name:<11} {text}")
    print("\n数据库: --db 或环境变量 DEVPLAN_DB，默认 sqlite:///devplan.db")


def main(argv: list[str] | None = None) -> None:
    args = _take_db_option(list(sys.argv[1:] if argv is None else argv))
    if not args or args[0] in {"-h", "--help", "help"}:
        _print_help()
        return
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "devplan.settings")
    from devplan.lib.errors import DevplanError

    try:
        import django

        django.setup()
    except DevplanError as exc:
        print(exc.sentence(), file=sys.stderr)
        raise SystemExit(exc.exit_code) from None
    from django.core.management import ManagementUtility

    ManagementUtility(["devplan", *args]).execute()
