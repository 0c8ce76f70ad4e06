"""Charts inside the documents, drawn with matplotlib in an installed CJK font (黑体's stand-in):

- key projects' completion of the year's planned investment month by month against time progress — the
  pace of the year, which the text does not give;
- the monthly trend of cumulative growth, where an indicator has two months or more of figures;
- project investment by attachment category (the totals of 附件2–5, so chart and tables agree).

A chart draws only recorded numbers; a chart of data marked illustrative says so in its caption. Legends
stand under the plot and labels are placed clear of the lines and of each other (`collisions` finds any
that are not; the tests draw every chart and ask it). Figures are made without pyplot, so they render on
the Agg canvas and keep no global state; matplotlib is imported on the first chart (it takes most of a
second). Captions carry no number: the builder numbers the charts in the order they appear."""

from __future__ import annotations

import io
import itertools
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, partial
from typing import TYPE_CHECKING

from devplan.arithmetic.numbers import HUNDRED, round_half_up
from devplan.indicators.models import Figure
from devplan.reports.content import Chart, Num, Table
from devplan.reports.fonts import installed_font
from devplan.reports.projects import MonthTotal

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure as PlotFigure
    from matplotlib.font_manager import FontProperties
    from matplotlib.transforms import Bbox

WIDTH_IN, HEIGHT_IN, DPI = 6.0, 3.4, 150
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


def _legend_below(axes: Axes, columns: int) -> None:
    """The legend under the plot, outside it: it can cover no bar, line or label."""
    axes.legend(prop=_font(), loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=columns, frameon=False)


def _png(figure: PlotFigure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight", metadata={"Software": None})
    return buffer.getvalue()


@dataclass
class Drawn:
    """A drawn figure with what it shows, before it becomes a PNG."""

    figure: PlotFigure
    caption: str
    labels: list[str]
    data: dict[str, list[Decimal | None]]

    def chart(self) -> Chart:
        return Chart(partial(_png, self.figure), self.caption, self.labels, self.data)


def _chart(drawn: Drawn | None) -> Chart | None:
    return drawn.chart() if drawn is not None else None


def collisions(figure: PlotFigure) -> list[str]:
    """The texts of a drawn figure that overlap the legend, another text, or a line they do not label:
    empty when every label reads clear. Lines are sampled along their segments in display coordinates."""
    import numpy as np
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)
    canvas.draw()  # lays every text out as the PNG has it
    renderer = canvas.get_renderer()
    problems = []
    for axes in figure.axes:
        texts = [t for t in axes.texts if t.get_text()]
        boxes = [t.get_window_extent(renderer).expanded(1.02, 1.05) for t in texts]
        legend = axes.get_legend()
        legend_box: Bbox | None = legend.get_window_extent(renderer) if legend else None
        for index, (text, box) in enumerate(zip(texts, boxes, strict=True)):
            if legend_box is not None and box.overlaps(legend_box):
                problems.append(f"“{text.get_text()}”压在图例上")
            problems += [f"“{text.get_text()}”与“{other.get_text()}”重叠"
                         for other, other_box in zip(texts[index + 1:], boxes[index + 1:], strict=True)
                         if box.overlaps(other_box)]
            for line in axes.lines:
                points = line.get_transform().transform(line.get_xydata())
                for start, end in itertools.pairwise(points):
                    samples = start + np.linspace(0, 1, 50)[:, None] * (end - start)
                    if any(box.contains(x, y) for x, y in samples):
                        problems.append(f"“{text.get_text()}”压在线上")
                        break
    return problems


def progress_chart(totals: list[MonthTotal], year: int) -> Chart | None:
    return _chart(draw_progress(totals, year))


def draw_progress(totals: list[MonthTotal], year: int) -> Drawn | None:
    """Key projects' completion of the year's planned investment, month by month, against time progress
    (m/12): where the year's work stands and how its pace has gone. None without two months of reports."""
    shown = [total for total in totals if total.planned > 0]
    if len(shown) < 2:
        return None
    months = [total.month for total in shown]
    pct = [round_half_up(total.completed / total.planned * HUNDRED, 1) for total in shown]
    pace = [round_half_up(Decimal(month) / 12 * HUNDRED, 1) for month in months]
    figure, axes = _axes()
    axes.plot(months, [float(v) for v in pace], color=PLAN, linestyle="--", linewidth=1.5, label="序时进度")
    axes.plot(months, [float(v) for v in pct], color=BAR, marker="o", markersize=4, linewidth=2,
              label="完成年计划投资")
    last, last_pace = pct[-1], pace[-1]
    # The latest value beside its point, on the side away from the time-progress line.
    above = last >= last_pace
    axes.annotate(f"{last}%", (months[-1], float(last)), xytext=(6, 8 if above else -14),
                  textcoords="offset points", fontproperties=_font(), color=BAR)
    axes.set_xticks(months, [f"{month}月" for month in months], fontproperties=_font())
    axes.set_xlim(months[0] - 0.5, months[-1] + 1.2)
    axes.set_ylim(0, max(float(v) for v in [*pct, *pace]) * 1.2)
    _unit(axes, "%")
    axes.grid(axis="y", color="#e0e0e0", linewidth=0.6)
    _legend_below(axes, 2)
    illustrative = ILLUSTRATIVE if any(total.illustrative for total in shown) else ""
    caption = f"{year}年重点项目投资完成进度（%）{illustrative}"
    labels = [f"{month}月" for month in months]
    return Drawn(figure, caption, labels, {"完成年计划投资": list(pct), "序时进度": list(pace)})


def _label_bars(axes: Axes, bars: object, texts: list[str]) -> None:
    """Each bar's number above it, as printed in the tables."""
    for bar, text in zip(bars, texts, strict=True):  # type: ignore[call-overload]
        axes.annotate(text, (bar.get_x() + bar.get_width() / 2, bar.get_height()), ha="center",
                      va="bottom", fontproperties=_font(), xytext=(0, 2), textcoords="offset points")


WORD_ENDINGS = ("投资项目", "建设项目", "项目")


def _wrapped(labels: list[str]) -> list[str]:
    """Long names on two lines under the bars, broken before the word they end with ("国省湘潭市/投资项目",
    not "国省湘潭/市投资项目"), else in the middle."""
    wrapped = []
    for label in labels:
        ending = next((word for word in WORD_ENDINGS if label.endswith(word) and len(label) > len(word)), None)
        if len(label) <= 6:
            wrapped.append(label)
        elif ending is not None:
            wrapped.append(label[: -len(ending)] + "\n" + ending)
        else:
            wrapped.append(label[: len(label) // 2] + "\n" + label[len(label) // 2:])
    return wrapped


def _unit(axes: Axes, unit: str) -> None:
    """The axis's unit upright above it (a sideways "亿元" reads badly in Chinese)."""
    axes.set_ylabel(unit, fontproperties=_font(), rotation=0, ha="right", va="bottom")
    axes.yaxis.set_label_coords(-0.01, 1.02)


def _total(table: Table, header: str) -> Num | None:
    """The 合计 row's number in the column whose header starts with `header`."""
    index = next((i for i, column in enumerate(table.columns) if column.header.startswith(header)), None)
    if index is None or not table.rows or table.rows[-1].kind != "total":
        return None
    cell = table.rows[-1].cells[index]
    return cell if isinstance(cell, Num) else None


def investment_chart(tables: list[Table], categories: tuple[str, ...], year: int) -> Chart | None:
    return _chart(draw_investment(tables, categories, year))


def draw_investment(tables: list[Table], categories: tuple[str, ...], year: int) -> Drawn | None:
    """Planned and completed investment per project category: the 合计 rows of the progress attachments,
    so the chart reads what the tables add up to; None when no table has a 合计 (no projects, or a
    registry that does not add up to the plan's totals), or when nothing has been completed yet (a plan year
    without progress: the tables then leave their 完成投资 out, and a chart of completion would show only
    the plan)."""
    planned_header = f"{year}年计划投资"
    shown = [(name, table) for name, table in zip(categories, tables, strict=True)
             if _total(table, planned_header) is not None]
    done_header = next((c.header for _, table in shown for c in table.columns if c.header.endswith("完成投资")), None)
    if not shown or done_header is None:
        return None
    labels = [name for name, _ in shown]
    planned = [num for _, table in shown if (num := _total(table, planned_header)) is not None]
    completed = [_total(table, done_header) for _, table in shown]
    figure, axes = _axes()
    positions = [float(i) for i in range(len(labels))]
    plan_bars = axes.bar([p - 0.2 for p in positions], [float(n.value) for n in planned], width=0.4, color=PLAN,
                         label=planned_header)
    done_bars = axes.bar([p + 0.2 for p in positions], [float(n.value) if n else 0.0 for n in completed], width=0.4,
                         color=BAR, label=done_header)
    _label_bars(axes, plan_bars, [n.text for n in planned])
    _label_bars(axes, done_bars, [n.text if n else "" for n in completed])
    axes.set_xticks(positions, _wrapped(labels), fontproperties=_font())
    _unit(axes, "亿元")
    axes.set_ylim(0, max(float(n.value) for n in planned) * 1.18)
    _legend_below(axes, 2)
    illustrative = any(table.illustrative for _, table in shown)
    caption = f"{year}年重点项目分类投资完成情况（亿元）" + (ILLUSTRATIVE if illustrative else "")
    data: dict[str, list[Decimal | None]] = {planned_header: [n.value for n in planned],
                                             done_header: [n.value if n else None for n in completed]}
    return Drawn(figure, caption, labels, data)


def trend_chart(series: dict[str, list[Figure]], year: int) -> Chart | None:
    return _chart(draw_trend(series, year))


def draw_trend(series: dict[str, list[Figure]], year: int) -> Drawn | None:
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
    _unit(axes, "%")
    _legend_below(axes, min(len(shown), 3))
    return Drawn(figure, f"{year}年主要指标累计增长月度走势（%）", labels, data)
