"""The status table as people read it in a terminal."""

from __future__ import annotations

from typing import Any

from devplan.indicators.models import Figure
from devplan.indicators.status import stated_figures
from devplan.indicators.wording import in_step_words
from devplan.lib import table
from devplan.lib.numbers import json_text as num_text
from devplan.lib.periods import month_span
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
        text = in_step_words(target["step_with"], names.get(target["step_with"]))
    else:
        text = f"{KIND_WORDS[target['kind']]}{target['value']}{target['unit'] or ''}{target['qualifier'] or ''}"
    return text + ("（调整后）" if target["adjusted"] else "")


def _stated(figure: Figure, key: str, suffix: str = "") -> str | None:
    text = figure.stated(key)
    return None if text is None else f"{text}{suffix}"


def _actual_text(row: dict[str, Any], figure: Figure | None) -> str:
    if row["actual"] is None or figure is None:
        return "—"
    growth = f"，增长{text}" if (text := _stated(figure, "growth_pct", "%")) else ""
    return f"{month_span(figure.month)} {_stated(figure, 'value', row['unit']) or '—'}{growth}"


def _estimate_text(row: dict[str, Any], figure: Figure | None) -> str:
    if row["estimate"] is None or figure is None:
        return "—"
    parts = [_stated(figure, "estimate_value", row["unit"]), _stated(figure, "estimate_growth_pct", "%")]
    if parts[1]:
        parts[1] = f"增长{parts[1]}"
    return "，".join(part for part in parts if part)


def render_status(region: Region, year: int, as_of: str | None, rows: list[dict[str, Any]], month: int = 12) -> str:
    """The table, each figure printed as stated (`stated_figures`), the month span as 1月 or 1—M月."""
    names = {row["indicator"]: row["name"] for row in rows}
    figures = stated_figures(region, rows)
    through = f"（{month_span(month)}）" if month < 12 else ""
    heading = f"{region.name} {year}年主要指标完成情况{through}" + (f"（截至{as_of}已知数据）" if as_of else "")
    body = [
        [
            row["name"],
            _target_text(row, names),
            _actual_text(row, figures.get(row["indicator"])),
            _estimate_text(row, figures.get(row["indicator"])),
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
