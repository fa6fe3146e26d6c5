"""Charts of the planning pages: how income splits, and how the debts fall month by month.

Builders take what ``core`` computed and the texts already translated; they return a plotly
figure drawn with :mod:`charts.base` (titles, axis units, hover values, series told apart by dash
and symbol as well as colour; a pattern marks the gap).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import plotly.graph_objects as go

from charts.base import (
    STATUS_COLOURS,
    base_figure,
    left_axis,
    money_tick_width,
    plotly_text,
    series_style,
    text_on,
    text_width,
    yuan_axis,
)
from core.affordability import Affordability
from core.allocation import PayoffPlan

#: The gap: vermillion hatching on a pale tint, so a black label reads on both (≥ 4.5 : 1).
GAP_TINT = "#FCE3D4"
GAP_PATTERN = {
    "shape": "/",
    "fgcolor": STATUS_COLOURS["bad"],
    "bgcolor": GAP_TINT,
    "fillmode": "replace",
    "solidity": 0.2,
}
BUFFER_COLOUR = "#9CA3AF"
BUFFER_PATTERN = {"shape": ".", "fgcolor": "#FFFFFF", "bgcolor": BUFFER_COLOUR, "solidity": 0.2}


def _segment(name: str, bar: str, amount: Decimal, colour: str, pattern: dict | None) -> go.Bar:
    backgrounds = (pattern["fgcolor"], pattern["bgcolor"]) if pattern else (colour,)
    label = plotly_text(name)
    return go.Bar(
        name=label,
        legendgroup=name,
        y=[plotly_text(bar)],
        x=[float(amount)],
        orientation="h",
        marker={"color": colour, "pattern": pattern or {"shape": ""}},
        text=[label],
        textposition="inside",
        textangle=0,
        insidetextanchor="middle",
        textfont={"color": text_on(*backgrounds)},
        hovertemplate="%{fullData.name}: ¥%{x:,.2f}<extra></extra>",
    )


def income_split_chart(result: Affordability, texts: dict[str, str]) -> go.Figure:
    """Three horizontal stacked bars: income (living, buffer, for debts), this month's demand
    and a usual month's demand (each split into what the capacity covers and the gap).

    ``texts`` holds the translated ``title``, ``x``, ``income``, ``demand``, ``regular``,
    ``living``, ``buffer``, ``capacity``, ``covered`` and ``gap``; each segment is labelled on
    the bar in black or white, whichever contrasts more, so its meaning never rests on colour.
    A usual month is drawn only when it differs from this month (arrears to catch up).
    """
    fig = base_figure(texts["title"], texts["x"], "", height=330)
    income_bar = texts["income"]
    living = min(result.protected, result.net_income)
    buffer = min(result.buffer, result.net_income - living)
    segments = [
        (texts["living"], income_bar, living, STATUS_COLOURS["neutral"], None),
        (texts["buffer"], income_bar, buffer, BUFFER_COLOUR, BUFFER_PATTERN),
        (texts["capacity"], income_bar, result.capacity, STATUS_COLOURS["good"], None),
    ]
    demands = [(texts["demand"], result.monthly_demand, result.shortfall)]
    if result.regular_demand != result.monthly_demand:
        demands.append((texts["regular"], result.regular_demand, result.regular_shortfall))
    for bar, demand, shortfall in demands:
        segments += [
            (texts["covered"], bar, min(demand, result.capacity), "#0072B2", None),
            (texts["gap"], bar, shortfall, STATUS_COLOURS["bad"], GAP_PATTERN),
        ]
    named: set[str] = set()
    traces = []
    for name, bar, amount, colour, pattern in segments:
        if amount <= 0:
            continue
        trace = _segment(name, bar, amount, colour, pattern)
        trace.showlegend = name not in named  # one legend entry for both demand bars
        named.add(name)
        traces.append(trace)
    fig.add_traces(traces)
    fig.update_layout(
        barmode="stack",
        hovermode="closest",
        # Labels that do not fit a segment are hidden (the legend still names it), never rotated.
        uniformtext={"minsize": 11, "mode": "hide"},
        legend={"traceorder": "normal", "y": -0.3},
        margin={"b": 20},
        yaxis={"autorange": "reversed"},
    )
    bars = [income_bar, *(bar for bar, _, _ in demands)]
    fig.update_layout(left_axis({}, max(text_width(plotly_text(b)) for b in bars), titled=False))
    return yuan_axis(fig, "x")


def payoff_chart(
    plan: PayoffPlan, creditors: Sequence[str], opening: Sequence[Decimal], texts: dict[str, str]
) -> go.Figure:
    """Each debt's balance (and the total) at the start and after each month's payment.

    ``creditors`` are the names as typed (drawn as text); ``texts`` holds the translated
    ``title``, ``x``, ``y`` and ``total``.
    """
    fig = base_figure(texts["title"], texts["x"], texts["y"], height=440)
    periods = list(range(0, plan.month_count + 1))
    traces = []
    for i, creditor in enumerate(creditors):
        balances = [opening[i], *(m.balances[i] for m in plan.months)]
        traces.append(
            go.Scatter(
                x=periods,
                y=[float(b) for b in balances],
                name=plotly_text(creditor),
                mode="lines+markers" if plan.month_count <= 36 else "lines",
                **series_style(i),
            )
        )
    totals = [sum(opening, Decimal(0)), *(m.total_balance for m in plan.months)]
    traces.append(
        go.Scatter(
            x=periods,
            y=[float(b) for b in totals],
            name=texts["total"],
            mode="lines",
            line={"color": "#1F2937", "width": 3.5, "dash": "solid"},
        )
    )
    # One call each (every add_trace or update re-validates the figure).
    fig.add_traces(traces)
    fig.update_layout(
        legend={"y": -0.22},  # clear of the month axis title
        # A whole number of months per tick, few enough to stay legible on a phone.
        xaxis={"rangemode": "tozero", "nticks": 8, "tickformat": "d"},
        yaxis={"rangemode": "tozero"},
    )
    highest = float(max(totals))
    fig.update_layout(left_axis({}, money_tick_width(highest), titled=bool(texts["y"])))
    return yuan_axis(fig)
