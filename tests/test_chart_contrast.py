"""Every text our chart builders draw contrasts at least 4.5 : 1 (WCAG AA) with what is behind it.

Issue 17: the "缺口" label of the income split was white on orange hatching (3.9 : 1 on the
orange alone, less on its white hatch lines), and plotly's own choice of label colour is not
WCAG-safe, so a text drawn on a fill must name its colour. The ratio is worked out here from the
WCAG 2 definition, independently of :mod:`charts.base`.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import plotly.graph_objects as go
import pytest

from charts.planning import income_split_chart, payoff_chart
from charts.proposals import cumulative_chart, payment_chart
from charts.recovery import recovery_chart
from charts.timeline import STYLES, TimelineEvent, timeline_figure
from core.affordability import Budget, CostCategory, assess_affordability
from core.allocation import Strategy, payoff_plan
from core.debts import Debt, baseline_plan

AS_OF = date(2026, 12, 15)
NOW = datetime(2026, 12, 15, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
AA = 4.5
PLOTLY_DEFAULT_INK = "#444444"
NAMED = {"white": "#FFFFFF", "black": "#000000"}


def rgb(colour: str) -> tuple[int, int, int]:
    colour = NAMED.get(colour.lower(), colour)
    if match := re.fullmatch(r"rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*1(?:\.0*)?)?\)", colour):
        return tuple(int(c) for c in match.groups())  # type: ignore[return-value]
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    assert len(digits) == 6, f"not an opaque colour: {colour!r}"
    return tuple(int(digits[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


def luminance(colour: str) -> float:
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_ratio_matches_the_wcag_examples():
    assert ratio("#FFFFFF", "#000000") == pytest.approx(21)
    assert ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


# --- what a figure draws as text, and on what ------------------------------------------------


def texts_and_backgrounds(fig: go.Figure) -> list[tuple[str, str, list[str]]]:
    """(what, text colour, colours behind it) for every text the figure draws."""
    layout = fig.layout
    paper = layout.paper_bgcolor or "#FFFFFF"
    plot = layout.plot_bgcolor or "#E5ECF6"
    ink = layout.font.color or PLOTLY_DEFAULT_INK
    found = [
        ("layout font", ink, [paper, plot]),
        ("title", layout.title.font.color or ink, [paper]),
        ("legend", layout.legend.font.color or ink, [layout.legend.bgcolor or paper]),
    ]
    for name in ("xaxis", "yaxis"):
        axis = layout[name]
        found.append((f"{name} ticks", axis.tickfont.color or ink, [paper, plot]))
        found.append((f"{name} title", axis.title.font.color or ink, [paper]))
    hover = layout.hoverlabel
    # Unset, plotly colours each hover label like its series, with a text colour of its choosing.
    assert hover.bgcolor and hover.font.color, "hover label colours must be explicit"
    found.append(("hover label", hover.font.color, [hover.bgcolor]))
    for note in layout.annotations:
        found.append((f"annotation {note.text!r}", note.font.color or ink, [note.bgcolor or plot]))
    for trace in fig.data:
        if trace.text is None:
            continue
        if isinstance(trace, go.Bar) and trace.textposition in ("inside", "auto", None):
            colour = trace.insidetextfont.color or trace.textfont.color
            assert colour, f"bar {trace.name!r}: an inside label needs an explicit colour"
            behind = [trace.marker.color]
            pattern = trace.marker.pattern
            if pattern.shape:
                # The label sits on the pattern's background and on its lines alike.
                assert pattern.fgcolor, f"bar {trace.name!r}: the pattern colour must be explicit"
                behind = [pattern.bgcolor or trace.marker.color, pattern.fgcolor]
            found.append((f"bar {trace.name!r}", colour, behind))
        elif isinstance(trace, go.Scatter) and "text" in (trace.mode or ""):
            found.append((f"scatter {trace.name!r}", trace.textfont.color or ink, [plot]))
    return found


# --- every builder, with the data that draws every kind of text -------------------------------


def guide_debt() -> Debt:
    return Debt(
        creditor="来分期",
        outstanding_principal="12000",
        overdue_amount="900",
        days_overdue=30,
        accrued_interest_and_penalties="1500",
        penalty_rate="0.27",
        rate_quote="0.18",
        remaining_months=12,
    )


def budget(buffer: str = "100") -> Budget:
    return Budget(
        incomes=["4000"],
        essential_costs={CostCategory.HOUSING: "1500", CostCategory.FOOD: "1600"},
        buffer=buffer,
    )


SPLIT_TEXTS = {
    name: name
    for name in (
        "title",
        "x",
        "income",
        "demand",
        "regular",
        "living",
        "buffer",
        "capacity",
        "covered",
        "gap",
    )
}


def income_split_short():
    result = assess_affordability(budget(), [guide_debt()], AS_OF)
    return income_split_chart(result, SPLIT_TEXTS)


def small_debt() -> Debt:
    return Debt(
        creditor="某银行", outstanding_principal="2400", rate_quote="0", remaining_months=12
    )


def income_split_fits():
    debt = small_debt()
    return income_split_chart(assess_affordability(budget(), [debt], AS_OF), SPLIT_TEXTS)


def payoff():
    debts = [guide_debt(), small_debt()]
    plan = payoff_plan(debts, Decimal("1500"), Strategy.PRO_RATA, AS_OF)
    texts = {"title": "t", "x": "x", "y": "y", "total": "total"}
    return payoff_chart(
        plan, [d.creditor for d in debts], [d.opening_balance for d in debts], texts
    )


def payments(lang: str = "zh-CN"):
    plan = baseline_plan(guide_debt(), AS_OF)
    return payment_chart([("按原合同", plan)], Decimal("800"), lang)


def cumulative(lang: str = "en"):
    return cumulative_chart([("Contract", baseline_plan(guide_debt(), AS_OF))], lang)


def timeline():
    events = [
        TimelineEvent(
            at=NOW - timedelta(days=3 * i),
            lane=style.partition(".")[0],
            style=style,
            lender="来分期",
            title=style,
            status=style,
            overdue=i % 3 == 0,
        )
        for i, style in enumerate(STYLES)
    ]
    return timeline_figure(events, NOW, "zh-CN")


BUILDERS = {
    "income split, short": income_split_short,
    "income split, fits": income_split_fits,
    "payoff": payoff,
    "payments": payments,
    "cumulative": cumulative,
    "timeline": timeline,
    "recovery": lambda: recovery_chart(
        [("按原合同", Decimal("10006.34"))], Decimal("734.65"), "zh-CN"
    ),
}


@pytest.mark.parametrize("builder", sorted(BUILDERS))
def test_every_text_contrasts_at_least_4_5_to_1(builder):
    fig = BUILDERS[builder]()
    low = [
        f"{what}: {colour} on {behind} is {ratio(colour, behind):.2f} : 1"
        for what, colour, backgrounds in texts_and_backgrounds(fig)
        for behind in backgrounds
        if ratio(colour, behind) < AA
    ]
    assert not low, low


def test_the_gap_label_is_drawn_on_both_demand_bars_and_checked():
    """The guide's case has a gap this month and in a usual month: both labelled, both legible."""
    fig = income_split_short()
    gaps = [trace for trace in fig.data if trace.name == "gap"]
    assert [trace.y[0] for trace in gaps] == ["demand", "regular"]
    assert [trace.x[0] for trace in gaps] == [2637.90, 217.65]
    assert [trace.showlegend for trace in gaps] == [True, False]
