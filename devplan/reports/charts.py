"""Charts inside the documents, drawn with matplotlib in an installed CJK font. A chart draws only recorded
numbers; a chart of data marked illustrative says so in its caption. Figures are made without pyplot, so
they render on the Agg canvas and keep no global state."""

from __future__ import annotations

import io
from decimal import Decimal

from matplotlib import font_manager
from matplotlib.figure import Figure

from devplan.arithmetic.numbers import round_half_up
from devplan.reports.content import Chart
from devplan.reports.fonts import installed_font
from devplan.reports.states import IndicatorState

WIDTH_IN, HEIGHT_IN, DPI = 6.0, 3.2, 150
BAR, MARK = "#2f5597", "#c00000"


def _font() -> font_manager.FontProperties:
    font = installed_font("heading")
    return font_manager.FontProperties(fname=font.path, size=9)


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight", metadata={"Software": None})
    return buffer.getvalue()


def _bars(labels: list[str], values: list[Decimal], marks: list[Decimal], legend: tuple[str, str]) -> bytes:
    font = _font()
    figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN))
    axes = figure.subplots()
    positions = range(len(labels))
    bars = axes.bar(positions, [float(v) for v in values], color=BAR, width=0.55, label=legend[0])
    axes.scatter(positions, [float(m) for m in marks], color=MARK, marker="_", s=900, linewidths=2.5,
                 label=legend[1], zorder=3)
    for bar, value in zip(bars, values, strict=True):
        axes.annotate(f"{value}%", (bar.get_x() + bar.get_width() / 2, bar.get_height()), ha="center",
                      va="bottom", fontproperties=font, xytext=(0, 2), textcoords="offset points")
    axes.set_xticks(list(positions), labels, fontproperties=font)
    axes.set_ylabel("%", fontproperties=font)
    axes.set_ylim(0, max(float(v) for v in [*values, *marks]) * 1.18)
    axes.legend(prop=font, loc="lower right")
    axes.spines[["top", "right"]].set_visible(False)
    return _png(figure)


def completion_chart(states: list[IndicatorState], year: int) -> Chart | None:
    """Each main indicator's completion of the year's plan against the progress expected by its data's
    date (100% for a full-year estimate); None when no indicator has a completion."""
    shown = [(state, state.completion) for state in states if state.completion is not None]
    if not shown:
        return None
    labels = [state.indicator.name for state, _ in shown]
    values = [completion.value for _, completion in shown if completion is not None]
    marks = [round_half_up(state.assessment.expected_pct, 0) for state, _ in shown]
    png = _bars(_wrapped(labels), values, marks, ("完成年计划", "序时进度"))
    data: dict[str, list[Decimal | None]] = {"完成年计划": list(values), "序时进度": list(marks)}
    return Chart(png, f"图1 {year}年主要指标完成年计划情况与序时进度（%）", labels, data)


def _wrapped(labels: list[str]) -> list[str]:
    """Long indicator names on two lines under the bars."""
    return [label if len(label) <= 6 else label[: len(label) // 2] + "\n" + label[len(label) // 2:]
            for label in labels]
