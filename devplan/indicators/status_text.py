"""The status table as people read it in a terminal."""

from __future__ import annotations

from typing import Any

from devplan.lib import table
from devplan.lib.numbers import json_text as num_text
from devplan.regions.models import Region

LIGHTS = {"green": "● 绿", "yellow": "● 黄", "red": "● 红", "none": "○ 无"}
KIND_WORDS = {"level": "", "growth": "增长", "ceiling": "控制在", "in_step": ""}


def _num(value: Any, suffix: str = "") -> str:
    """A JSON number of the status rows as stated (9.0 keeps its decimal; 188.2 never 188.2000)."""
    return "—" if value is None else f"{num_text(value)}{suffix}"


def _target_text(row: dict[str, Any], names: dict[str, str]) -> str:
    target = row["target"]
    if target is None:
        return "—"
    if target["kind"] == "in_step":
        text = f"与{names.get(target['step_with'], target['step_with'])}同步"
    else:
        text = f"{KIND_WORDS[target['kind']]}{target['value']}{target['unit'] or ''}{target['qualifier'] or ''}"
    return text + ("（调整后）" if target["adjusted"] else "")


def _actual_text(row: dict[str, Any]) -> str:
    actual = row["actual"]
    if actual is None:
        return "—"
    month = actual["through"].split("-")[1]
    growth = f"，增长{actual['growth_pct']}%" if actual["growth_pct"] is not None else ""
    return f"1—{int(month)}月 {_num(actual['value'], row['unit'])}{growth}"


def _estimate_text(row: dict[str, Any]) -> str:
    estimate = row["estimate"]
    if estimate is None:
        return "—"
    parts = []
    if estimate["value"] is not None:
        parts.append(f"{estimate['value']}{row['unit']}")
    if estimate["growth_pct"] is not None:
        parts.append(f"增长{estimate['growth_pct']}%")
    return "，".join(parts)


def render_status(region: Region, year: int, as_of: str | None, rows: list[dict[str, Any]], month: int = 12) -> str:
    names = {row["indicator"]: row["name"] for row in rows}
    through = f"（1—{month}月）" if month < 12 else ""
    heading = f"{region.name} {year}年主要指标完成情况{through}" + (f"（截至{as_of}已知数据）" if as_of else "")
    body = [
        [
            row["name"],
            _target_text(row, names),
            _actual_text(row),
            _estimate_text(row),
            _num(row["completion_pct"], "%"),
            row["completion_basis"] or "—",
            LIGHTS[row["light"]],
        ]
        for row in rows
    ]
    if not body:
        return heading + "\n（没有该年度的目标或数据）"
    text = table.render(["指标", "年计划", "累计完成", "全年预计", "完成率", "依据", "预警"], body,
                        numeric=[False] * 4 + [True])
    return f"{heading}\n\n{text}\n\n{BASIS_NOTE}"


# The one rule of devplan.indicators.assessment, in a sentence under the table.
BASIS_NOTE = ("依据：总量目标有全年预计时为 全年预计÷年目标（应达100%），无预计而材料写明完成率时为 材料所述，"
              "否则为 累计÷年目标（应达该数据所属月份的序时进度）；"
              "增速目标为 增速指数比 (1+增速)/(1+目标增速)，有全年预计增速时用预计增速；同步目标与所同步指标的增速比较。")
