"""Charts of the planning pages: how income splits, and how the debts fall month by month.

Builders take what ``core`` computed and the texts already translated; they return a plotly
figure drawn with :mod:`ui.charts` (titles, axis units, hover values, series told apart by dash
and symbol as well as colour; a pattern marks the gap).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import plotly.graph_objects as go

from charts.base import STATUS_COLOURS, base_figure, series_style, yuan_axis
from core.affordability import Affordability
from core.allocation import PayoffPlan


def income_split_chart(result: Affordability, texts: dict[str, str]) -> go.Figure:
    """Two horizontal stacked bars: income (living, buffer, for debts) and demand (covered, gap).

    ``texts`` holds the translated ``title``, ``x``, ``income``, ``demand``, ``living``,
    ``buffer``, ``capacity``, ``covered`` and ``gap``; each segment is labelled on the bar,
    so its meaning never rests on colour.
    """
    fig = base_figure(texts["title"], texts["x"], "", height=300)
    income_bar, demand_bar = texts["income"], texts["demand"]
    covered = min(result.monthly_demand, result.capacity)
    living = min(result.protected, result.net_income)
    buffer = min(result.buffer, result.net_income - living)
    segments = (
        (texts["living"], income_bar, living, STATUS_COLOURS["neutral"], ""),
        (texts["buffer"], income_bar, buffer, "#9CA3AF", "."),
        (texts["capacity"], income_bar, result.capacity, STATUS_COLOURS["good"], ""),
        (texts["covered"], demand_bar, covered, "#0072B2", ""),
        (texts["gap"], demand_bar, result.shortfall, STATUS_COLOURS["bad"], "/"),
    )
    for name, bar, amount, colour, pattern in segments:
        if amount <= 0:
            continue
        fig.add_trace(
            go.Bar(
                name=name,
                y=[bar],
                x=[float(amount)],
                orientation="h",
                marker={"color": colour, "pattern": {"shape": pattern}},
                text=[name],
                textposition="inside",
                textangle=0,
                insidetextanchor="middle",
                hovertemplate=f"{name}: ¥%{{x:,.2f}}<extra></extra>",
            )
        )
    fig.update_layout(
        barmode="stack",
        hovermode="closest",
        # Labels that do not fit a segment are hidden (the legend still names it), never rotated.
        uniformtext={"minsize": 11, "mode": "hide"},
        legend={"traceorder": "normal", "y": -0.32},
        margin={"b": 20},
    )
    fig.update_yaxes(autorange="reversed")
    return yuan_axis(fig, "x")


def payoff_chart(
    plan: PayoffPlan, creditors: Sequence[str], opening: Sequence[Decimal], texts: dict[str, str]
) -> go.Figure:
    """Each debt's balance (and the total) at the start and after each month's payment.

    ``texts`` holds the translated ``title``, ``x``, ``y`` and ``total``.
    """
    fig = base_figure(texts["title"], texts["x"], texts["y"], height=440)
    fig.update_layout(legend={"y": -0.22})  # clear of the month axis title
    periods = list(range(0, plan.month_count + 1))
    for i, creditor in enumerate(creditors):
        balances = [opening[i], *(m.balances[i] for m in plan.months)]
        fig.add_trace(
            go.Scatter(
                x=periods,
                y=[float(b) for b in balances],
                name=creditor,
                mode="lines+markers" if plan.month_count <= 36 else "lines",
                **series_style(i),
            )
        )
    totals = [sum(opening, Decimal(0)), *(m.total_balance for m in plan.months)]
    fig.add_trace(
        go.Scatter(
            x=periods,
            y=[float(b) for b in totals],
            name=texts["total"],
            mode="lines",
            line={"color": "#1F2937", "width": 3.5, "dash": "solid"},
        )
    )
    # A whole number of months per tick, few enough to stay legible on a phone.
    fig.update_xaxes(rangemode="tozero", nticks=8, tickformat="d")
    fig.update_yaxes(rangemode="tozero")
    return yuan_axis(fig)
