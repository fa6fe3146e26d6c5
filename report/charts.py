"""The report's two charts, built on the shared chart base of :mod:`ui.charts`.

- :func:`monthly_chart` — each chosen plan's payments per calendar month as stacked bars
  (each debt its own colour *and* hatching), the contracts' monthly totals as a dotted line
  and the monthly capacity as a dashed line: does the plan fit, month by month?
- :func:`cumulative_chart` — the total repaid so far under the plans and under the current
  contracts: the gap at the end is the saving.

Both take a :class:`report.plan_report.PlanReport` and a language; all figures come from it.
:func:`report_figures` builds them once per report content and language and shares them.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict, defaultdict
from datetime import date
from decimal import Decimal

import plotly.graph_objects as go

from charts.base import PALETTE, STATUS_COLOURS, base_figure, plotly_text, series_style, yuan_axis
from core.money import ZERO_MONEY
from i18n import format_money, translate
from report.plan_report import PlanReport

#: Bar hatchings paired with the palette, so stacked debts differ without colour.
PATTERNS = ("", "/", "\\", "x", ".", "+", "-", "|")


def _month_label(month: date, lang: str) -> str:
    return f"{month.year}年{month.month}月" if lang == "zh-CN" else month.strftime("%b %Y")


def _floats(values: list[Decimal]) -> list[float]:
    # Plotly draws floats; the exact figures are in the hover text and the tables.
    return [float(value) for value in values]


def monthly_chart(report: PlanReport, lang: str, *, height: int = 440) -> go.Figure:
    """From the month of ``as_of`` on: months already paid under an agreed plan are history,
    and the contracts are reckoned from ``as_of``."""
    start = report.as_of.replace(day=1)
    shown = [m for m in report.months if m.month >= start]
    months = [m.month for m in shown]
    labels = [_month_label(month, lang) for month in months]
    fig = base_figure(
        translate("report.chart.monthly.title", lang),
        translate("report.chart.month", lang),
        translate("report.chart.amount", lang),
        height=height,
    )
    for i, line in enumerate(report.debts):
        per_month: dict[date, Decimal] = defaultdict(lambda: ZERO_MONEY)
        for row in line.rows:
            if row.due_date is not None:
                per_month[row.due_date.replace(day=1)] += row.payment
        values = [per_month[month] for month in months]
        colour = PALETTE[i % len(PALETTE)]
        fig.add_bar(
            x=labels,
            y=_floats(values),
            name=plotly_text(line.creditor),
            marker={
                "color": colour,
                "pattern": {
                    "shape": PATTERNS[i % len(PATTERNS)],
                    "fgcolor": "white",
                    "bgcolor": colour,
                    "solidity": 0.25,
                },
            },
            customdata=[format_money(v, lang) for v in values],
            hovertemplate="%{fullData.name}: %{customdata}<extra></extra>",
        )
    contract = [m.contract for m in shown]
    fig.add_scatter(
        x=labels,
        y=_floats(contract),
        name=translate("report.chart.contract", lang),
        mode="lines+markers",
        line={"color": STATUS_COLOURS["neutral"], "dash": "dot", "width": 2},
        marker={"symbol": "circle-open", "size": 6, "color": STATUS_COLOURS["neutral"]},
        customdata=[format_money(v, lang) for v in contract],
        hovertemplate="%{fullData.name}: %{customdata}<extra></extra>",
    )
    if shown and shown[0].contract == report.contract_month != report.regular_month:
        # The contracts' first month includes what is overdue: say so on the chart, so the
        # spike is not read as the usual installment (the tables name both figures).
        label = translate("report.contract_month", lang)
        fig.add_annotation(
            x=labels[0],
            y=float(shown[0].contract),
            # two lines, so that it fits beside the point on a phone
            text=f"{label}<br>{format_money(shown[0].contract, lang)}",
            showarrow=True,
            arrowhead=0,
            arrowcolor=STATUS_COLOURS["neutral"],
            ax=36,
            ay=14,
            xanchor="left",
            align="left",
            font={"size": 12, "color": "#374151"},
            bgcolor="rgba(255,255,255,0.85)",
        )
    if report.capacity is not None and labels:
        fig.add_scatter(
            x=labels,
            y=[float(report.capacity)] * len(labels),
            name=translate("report.chart.capacity", lang),
            mode="lines",
            line={"color": STATUS_COLOURS["bad"], "dash": "dash", "width": 2.5},
            hovertemplate="%{fullData.name}: "
            + format_money(report.capacity, lang)
            + "<extra></extra>",
        )
    # The slanted ticks name the months themselves; an axis title under them would collide
    # with the legend on a phone.
    fig.update_layout(barmode="stack", bargap=0.25, legend={"y": -0.32})
    fig.update_xaxes(nticks=12, tickangle=-45, title_text=None)
    return yuan_axis(fig)


def cumulative_chart(report: PlanReport, lang: str, *, height: int = 400) -> go.Figure:
    labels = [_month_label(m.month, lang) for m in report.months]
    fig = base_figure(
        translate("report.chart.cumulative.title", lang),
        translate("report.chart.month", lang),
        translate("report.chart.amount", lang),
        height=height,
    )
    series = (
        ("report.chart.plan", [m.plan for m in report.months], 0),
        ("report.chart.contract", [m.contract for m in report.months], 3),
    )
    for key, values, style in series:
        running, total = [], ZERO_MONEY
        for value in values:
            total += value
            running.append(total)
        fig.add_scatter(
            x=labels,
            y=_floats(running),
            name=translate(key, lang),
            mode="lines+markers",
            customdata=[format_money(v, lang) for v in running],
            hovertemplate="%{fullData.name}: %{customdata}<extra></extra>",
            **series_style(style),
        )
    return yuan_axis(fig)


#: How many reports keep their figures (the Share page's and the PDF's, per language).
FIGURE_CACHE_SIZE = 16
_figure_lock = threading.Lock()
_figure_cache: OrderedDict[tuple[str, str], dict[str, go.Figure]] = OrderedDict()


def content_key(report: PlanReport) -> str:
    """A digest of everything in the report but the moment it was made (which no chart or
    table shows twice alike): equal for a report made again from the same records."""
    data = report.model_dump_json(exclude={"made_at"})
    return hashlib.sha256(data.encode()).hexdigest()


def report_figures(report: PlanReport, lang: str) -> dict[str, go.Figure]:
    """The report's charts by name, in the order the report shows them.

    Built once per report content (:func:`content_key`) and language, and shared: read them,
    never change them (``st.plotly_chart`` and :mod:`report.images` work on copies).
    """
    key = (content_key(report), lang)
    with _figure_lock:
        kept = _figure_cache.get(key)
        if kept is not None:
            _figure_cache.move_to_end(key)
            return dict(kept)
    figures = {
        "monthly": monthly_chart(report, lang),
        "cumulative": cumulative_chart(report, lang),
    }
    with _figure_lock:
        _figure_cache[key] = figures
        while len(_figure_cache) > FIGURE_CACHE_SIZE:
            _figure_cache.popitem(last=False)
    return dict(figures)
