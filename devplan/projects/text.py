"""The project summary as planners read it in a terminal. Every illustrative figure carries its mark."""

from __future__ import annotations

from typing import Any

from devplan.lib import table
from devplan.lib.numbers import json_text

LIGHTS = {"green": "● 绿", "yellow": "● 黄", "red": "● 红", "none": "○ 无"}
SEVERITY = {"error": "错误", "warning": "提示", "info": "说明"}
ILLUSTRATIVE_MARK = "（示意数据）"


def _num(value: Any, suffix: str = "") -> str:
    """A JSON number printed by the one formatter (`json_text`); text (a stated amount) as it is."""
    if value is None:
        return "—"
    return (value if isinstance(value, str) else json_text(value)) + suffix


def _total_cells(label: str, total: dict[str, Any] | None, illustrative: bool = False) -> list[str]:
    if total is None:
        return [label, "—", "—", "—", "—"]
    mark = ILLUSTRATIVE_MARK if illustrative else ""
    return [
        label,
        _num(total["project_count"]),
        _num(total["total_investment"]) + mark,
        _num(total["planned_investment"]) + mark,
        _num(total["completed_investment"]) + mark,
    ]


def _totals(summary: dict[str, Any]) -> str:
    overall = summary["totals"]["overall"]
    rows = [
        _total_cells("全部（计划所列）", overall["stated"]),
        _total_cells("全部（登记册合计）", overall["registry"], overall["registry"]["illustrative"]),
    ]
    for entry in summary["totals"]["categories"]:
        if entry["stated"] is not None:
            rows.append(_total_cells(f"{entry['name']}（计划所列）", entry["stated"]))
        rows.append(_total_cells(f"{entry['name']}（登记册）", entry["registry"], entry["registry"]["illustrative"]))
    headers = ["范围", "项目个数", "总投资（亿元）", "年计划投资（亿元）", "完成投资（亿元）"]
    return table.render(headers, rows, numeric=[False, True, True, True, True])


def _projects(rows: list[dict[str, Any]]) -> str:
    body = []
    for row in rows:
        marked = set(row["illustrative_fields"])

        def money(field: str, row: dict[str, Any] = row, marked: set[str] = marked) -> str:
            return _num(row["as_stated"][field]) + ("（示意）" if field in marked and row[field] is not None else "")

        body.append([
            row["ref"],
            row["name"] + (ILLUSTRATIVE_MARK if row["illustrative"] else ""),
            row["status"],
            money("total_investment"),
            money("planned_investment"),
            money("completed_investment"),
            # The month the row's progress is of, which may be before the asked month (as in the JSON).
            row["reported_through"] or "—",
            _num(row["completion_pct"], "%"),
            LIGHTS[row["light"]] + ("（未开工）" if row["not_started"] else "")
            + (f"（{'、'.join(row['milestones_overdue'])}逾期）" if row["milestones_overdue"] else ""),
        ])
    headers = ["编号", "项目名称", "状态", "总投资", "年计划投资", "累计完成", "数据截至", "完成率", "预警"]
    return table.render(headers, body, numeric=[False, False, False, True, True, True, False, True])


def render_summary(summary: dict[str, Any]) -> str:
    through = summary["through"]
    heading = f"{summary['region']} {summary['year']}年重点项目" + (f"（截至{through}）" if through else "（尚无进度填报）")
    if summary["category"]:
        heading += f" — {summary['category']}"
    parts = [heading, "", _totals(summary), "", "核对："]
    parts += [f"  [{SEVERITY[c['severity']]}] {c['message']}" for c in summary["checks"]] or ["  （无可核对的合计）"]
    rate = summary["start_rate"]
    if rate["due"]:
        parts += ["", f"开工率：应开工{rate['due']}个，已开工{rate['started']}个，开工率{_num(rate['rate_pct'], '%')}"]
    fai = summary["fai_comparison"]
    if fai and fai["fai_value"] is not None:
        if fai["key_projects_completed_stated"] is not None:
            completed = f"重点项目完成投资{_num(fai['key_projects_completed_stated'])}亿元（计划材料所述）"
        else:
            completed = f"登记册内重点项目完成投资{_num(fai['key_projects_completed_registry'])}亿元"
        parts += ["", f"与固定资产投资对照（{fai['through']}）：固定资产投资{_num(fai['fai_value'])}亿元，"
                  f"{completed}，比值{_num(fai['ratio_pct'], '%')}。{fai['caution']}"]
    parts += ["", f"项目（时间进度{_num(summary['time_progress_pct'], '%')}；金额单位：亿元）：", _projects(summary["projects"])
              if summary["projects"] else "（没有符合条件的项目）"]
    if summary["lagging"]:
        parts += ["", "滞后项目：" + "、".join(summary["lagging"])]
    if any(row["illustrative"] for row in summary["projects"]):
        parts += ["", f"注：标有“{ILLUSTRATIVE_MARK}”或“（示意）”的数字并非报告原文，仅为演示而设。"]
    return "\n".join(parts)
