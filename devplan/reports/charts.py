"""Charts inside the documents, drawn with matplotlib in an installed CJK font: the main indicators'
completion against time progress, project investment by category, and the monthly trend of cumulative
growth where an indicator has two months or more of figures. A chart draws only recorded numbers; a chart of
data marked illustrative says so in its caption. Figures are made without pyplot, so they render on the Agg
canvas and keep no global state; matplotlib is imported on the first chart (it takes most of a second).
Captions carry no number: the builder numbers the charts in the order they appear."""

from __future__ import annotations

import io
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING

from devplan.arithmetic.numbers import round_half_up
from devplan.indicators.models import Figure
from devplan.reports.content import Chart, Num, Table
from devplan.reports.fonts import installed_font
from devplan.reports.states import IndicatorState

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure as PlotFigure
    from matplotlib.font_manager import FontProperties

WIDTH_IN, HEIGHT_IN, DPI = 6.0, 3.2, 150
BAR, MARK, PLAN = "#2f5597", "#c00000", "#a6a6a6"
ILLUSTRATIVE = "（含示意数据）"


@cache
def _font() -> FontProperties:
    from matplotlib.font_manager import FontProperties

    return FontProperties(fname=installed_font("heading").path, size=9)


def _axes() -> tuple[PlotFigure, Axes]:
    from matplotlib.figure import Figure as PlotFigure

    figure = PlotFigure(figsize=(WIDTH_IN, HEIGHT_IN))
    axes = figure.subplots()
    axes.spines[["top", "right"]].set_visible(False)
    return figure, axes


def _png(figure: PlotFigure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight", metadata={"Software": None})
    return buffer.getvalue()


def _label_bars(axes: Axes, bars: object, texts: list[str]) -> None:
    """Each bar's number above it, as printed in the tables and paragraphs."""
    for bar, text in zip(bars, texts, strict=True):  # type: ignore[call-overload]
        axes.annotate(text, (bar.get_x() + bar.get_width() / 2, bar.get_height()), ha="center",
                      va="bottom", fontproperties=_font(), xytext=(0, 2), textcoords="offset points")


def _wrapped(labels: list[str]) -> list[str]:
    """Long names on two lines under the bars."""
    return [label if len(label) <= 6 else label[: len(label) // 2] + "\n" + label[len(label) // 2:]
            for label in labels]


def completion_chart(states: list[IndicatorState], year: int) -> Chart | None:
    """Each main indicator's completion of the year's plan against the progress expected by its data's
    date (100% for a full-year estimate); None when no indicator has a completion."""
    shown = [(state, completion) for state in states if (completion := state.completion) is not None]
    if not shown:
        return None
    labels = [state.indicator.name for state, _ in shown]
    values = [completion.value for _, completion in shown]
    marks = [round_half_up(state.assessment.expected_pct, 0) for state, _ in shown]
    figure, axes = _axes()
    positions = range(len(labels))
    bars = axes.bar(positions, [float(v) for v in values], color=BAR, width=0.55, label="完成年计划")
    axes.scatter(positions, [float(m) for m in marks], color=MARK, marker="_", s=900, linewidths=2.5,
                 label="序时进度", zorder=3)
    _label_bars(axes, bars, [f"{completion.text}%" for _, completion in shown])
    axes.set_xticks(list(positions), _wrapped(labels), fontproperties=_font())
    axes.set_ylabel("%", fontproperties=_font())
    axes.set_ylim(0, max(float(v) for v in [*values, *marks]) * 1.18)
    axes.legend(prop=_font(), loc="lower right")
    data: dict[str, list[Decimal | None]] = {"完成年计划": list(values), "序时进度": list(marks)}
    return Chart(_png(figure), f"{year}年主要指标完成年计划情况与序时进度（%）", labels, data)


def _total(table: Table, column: int) -> Num | None:
    cell = table.rows[-1].cells[column] if table.rows and table.rows[-1].kind == "total" else None
    return cell if isinstance(cell, Num) else None


def investment_chart(tables: list[Table], categories: tuple[str, ...], year: int) -> Chart | None:
    """Planned and completed investment per project category: the totals of the progress attachments
    (columns 5 and 6), so the chart reads what the tables add up to; None when no category has projects."""
    shown = [(name, table) for name, table in zip(categories, tables, strict=True) if _total(table, 5) is not None]
    if not shown:
        return None
    labels = [name for name, _ in shown]
    planned = [num for _, table in shown if (num := _total(table, 5)) is not None]
    completed = [_total(table, 6) for _, table in shown]
    done_label = shown[0][1].columns[6].header
    figure, axes = _axes()
    positions = [float(i) for i in range(len(labels))]
    plan_bars = axes.bar([p - 0.2 for p in positions], [float(n.value) for n in planned], width=0.4, color=PLAN,
                         label=f"{year}年计划投资")
    done_bars = axes.bar([p + 0.2 for p in positions], [float(n.value) if n else 0.0 for n in completed], width=0.4,
                         color=BAR, label=done_label)
    _label_bars(axes, plan_bars, [n.text for n in planned])
    _label_bars(axes, done_bars, [n.text if n else "" for n in completed])
    axes.set_xticks(positions, _wrapped(labels), fontproperties=_font())
    axes.set_ylabel("亿元", fontproperties=_font())
    illustrative = any(table.illustrative for _, table in shown)
    axes.legend(prop=_font(), loc="upper right", title=ILLUSTRATIVE if illustrative else None,
                title_fontproperties=_font())
    caption = f"{year}年重点项目分类投资完成情况（亿元）" + (ILLUSTRATIVE if illustrative else "")
    data: dict[str, list[Decimal | None]] = {f"{year}年计划投资": [n.value for n in planned],
                                             done_label: [n.value if n else None for n in completed]}
    return Chart(_png(figure), caption, labels, data)


def trend_chart(series: dict[str, list[Figure]], year: int) -> Chart | None:
    """Cumulative growth month by month (1—N月累计同比增长) of each indicator with two months or more of
    growth figures in the year; None when no indicator has."""
    shown = {name: [f for f in figures if f.growth_pct is not None] for name, figures in series.items()}
    shown = {name: figures for name, figures in shown.items() if len(figures) >= 2}
    if not shown:
        return None
    months = sorted({figure.month for figures in shown.values() for figure in figures})
    labels = [f"1—{month}月" if month > 1 else "1月" for month in months]
    figure, axes = _axes()
    data: dict[str, list[Decimal | None]] = {}
    for name, figures in shown.items():
        by_month = {f.month: Decimal(str(f.stated("growth_pct"))) for f in figures}
        data[name] = [by_month.get(month) for month in months]
        points = [(months.index(month), float(value)) for month, value in sorted(by_month.items())]
        axes.plot(*zip(*points, strict=True), marker="o", label=name)
    axes.axhline(0, color=PLAN, linewidth=0.8)
    axes.set_xticks(range(len(labels)), labels, fontproperties=_font())
    axes.set_ylabel("%", fontproperties=_font())
    axes.legend(prop=_font(), loc="best")
    return Chart(_png(figure), f"{year}年主要指标累计增长月度走势（%）", labels, data)
