"""The charts built without plotly's validation (``charts.base.unvalidated_figure``) are what
plotly's validation would have built: each builder's figure, rebuilt from its own dict by a
validating ``go.Figure``, comes out the same, for both languages and several shapes of data.

A misspelt property, a wrong value type or an unknown enum value would raise here
(``ValueError`` from plotly's validators), so the schema is still checked on every change;
the pages only skip the checking on every rerun.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import plotly.graph_objects as go
import pytest

from charts.base import unvalidated_figure
from charts.outcomes import outcomes_chart
from charts.proposals import cumulative_chart, payment_chart
from charts.recovery import recovery_chart
from core.debts import Debt
from core.proposals import InterestWaiver, TermExtension, proposal_plan

LANGS = ("zh-CN", "en")


def validated(fig: go.Figure) -> dict:
    """The figure as plotly's validating constructor would build it from the same dict."""
    return go.Figure(fig.to_dict()).to_dict()


def plans(count: int):
    debt = Debt(
        creditor="招联金融",
        outstanding_principal=Decimal("12000"),
        rate_quote=Decimal("0.18"),
        remaining_months=12,
    )
    kinds = [TermExtension(months=12 + 6 * i) for i in range(count - 1)]
    kinds.append(InterestWaiver(annual_rate=Decimal("0.06")))
    return [
        (f"方案 {i}", proposal_plan(debt, kind, date(2026, 1, 1))[0])
        for i, kind in enumerate(kinds)
    ]


def test_an_invalid_property_is_refused_by_the_check():
    fig = unvalidated_figure([{"type": "scatter", "x": [1], "y": [2], "lien": {}}], {})
    with pytest.raises(ValueError, match="lien"):
        validated(fig)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("count", [1, 4, 7])
def test_the_proposal_charts_are_what_validation_builds(lang, count):
    series = plans(count)
    for fig in (payment_chart(series, Decimal("800"), lang), cumulative_chart(series, lang)):
        assert fig.to_dict() == validated(fig)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("rows", [0, 1, 6])
def test_the_recovery_chart_is_what_validation_builds(lang, rows):
    values = [(f"方案 {i}", Decimal(9000 + 250 * i)) for i in range(rows)]
    fig = recovery_chart(values, Decimal("734.65"), lang)
    assert fig.to_dict() == validated(fig)


@pytest.mark.parametrize("lang", LANGS)
def test_the_outcomes_chart_is_what_validation_builds(lang):
    groups = [
        ("张三", Decimal("12000.00"), Decimal("3400.50")),
        ("李四", Decimal("0"), Decimal("0")),
    ]
    fig = outcomes_chart(groups, lang)
    assert fig.to_dict() == validated(fig)
