"""The proposal page's charts: each plan's payment month by month against what the client can
pay, and the amount paid so far.

Series are drawn on the plan's monthly grid (month 0 is today; a month without a payment is 0),
each with its own colour, dash and marker symbol; the limit is a black dotted line named with its
amount, so nothing is told by colour alone.
"""

from __future__ import annotations

from decimal import Decimal

import plotly.graph_objects as go

from charts.base import (
    YUAN_AXIS,
    base_layout,
    left_axis,
    merged,
    money_tick_width,
    plotly_text,
    series_style,
    unvalidated_figure,
)
from core.plans import Plan
from i18n import format_money, translate

#: Room under the plot for the axis title and a legend of up to six series (wrapping on a phone).
HEIGHT = 470
LEGEND = {"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0}
MARGIN = {"l": 10, "r": 10, "t": 56, "b": 150}


def monthly_payments(plan: Plan) -> list[Decimal]:
    """The plan's payments on every month of its grid, 0 where nothing is due."""
    by_period = dict(plan.payments_by_period)
    return [by_period.get(period, Decimal("0")) for period in range(plan.months + 1)]


def _running_totals(values: list[Decimal]) -> list[Decimal]:
    out, total = [], Decimal("0")
    for value in values:
        total += value
        out.append(total)
    return out


def _trace(index: int, name: str, values: list[Decimal], hover: str) -> dict:
    style = series_style(index)
    return {
        "type": "scatter",
        "x": list(range(len(values))),
        "y": [float(v) for v in values],
        "name": plotly_text(name),
        "mode": "lines+markers" if len(values) <= 25 else "lines",
        "line": {**style["line"], "shape": "hv"},
        "marker": style["marker"],
        # the name is a saved proposal's title as typed: named by the template, never in it
        "hovertemplate": f"%{{fullData.name}}<br>{plotly_text(hover)}: ¥%{{y:,.2f}}<extra></extra>",
    }


def _figure(title_key: str, y_key: str, traces: list[dict], lang: str) -> go.Figure:
    """The figure, built unvalidated (the tests check it against plotly's schema: see
    :func:`charts.base.unvalidated_figure`)."""
    base = base_layout(
        translate(title_key, lang),
        translate("proposals.chart.x", lang),
        translate(y_key, lang),
        height=HEIGHT,
    )
    extra = {"hovermode": "closest", "legend": LEGEND, "margin": MARGIN, "yaxis": YUAN_AXIS}
    highest = max((y for trace in traces for y in trace["y"]), default=0.0)
    layout = left_axis(merged(base, extra), money_tick_width(highest), titled=True)
    return unvalidated_figure(traces, layout)


def payment_chart(series: list[tuple[str, Plan]], can_pay: Decimal, lang: str) -> go.Figure:
    """Each plan's monthly payment, with the monthly limit as a dotted line (``series``: each
    plan's name, as typed, and its plan)."""
    hover = translate("proposals.chart.payment.hover", lang)
    traces = [
        _trace(index, name, monthly_payments(plan), hover)
        for index, (name, plan) in enumerate(series)
    ]
    longest = max((plan.months for _, plan in series), default=1)
    limit = translate("proposals.chart.limit", lang, amount=format_money(can_pay, lang))
    traces.append(
        {
            "type": "scatter",
            "x": [0, max(longest, 1)],
            "y": [float(can_pay)] * 2,
            "name": plotly_text(limit),
            "mode": "lines",
            "line": {"color": "#111827", "dash": "dot", "width": 2},
            "hoverinfo": "skip",
        }
    )
    return _figure("proposals.chart.payment.title", "proposals.chart.payment.y", traces, lang)


def cumulative_chart(series: list[tuple[str, Plan]], lang: str) -> go.Figure:
    """The amount paid so far under each plan, month by month."""
    hover = translate("proposals.chart.cumulative.hover", lang)
    longest = max((plan.months for _, plan in series), default=0)
    traces = []
    for index, (name, plan) in enumerate(series):
        totals = _running_totals(monthly_payments(plan))
        # a plan that ends early stays at its total, so every line can be read at any month
        totals += [totals[-1]] * (longest + 1 - len(totals))
        traces.append(_trace(index, name, totals, hover))
    return _figure("proposals.chart.cumulative.title", "proposals.chart.cumulative.y", traces, lang)
