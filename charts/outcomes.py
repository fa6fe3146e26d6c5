"""The Outcomes page's chart: each group's monthly payments before and after agreement.

:func:`outcomes_chart` draws two bars per group (a counselor, a lender or a month, named as
the page shows it): the contract's demand before, solid, and the agreed plans' payment after,
hatched — so the two differ by pattern as well as colour. Group names may be typed text (a
lender, a counselor's name): they go through :func:`charts.base.plotly_text`, and the hover
names them by ``customdata``, never inside a template. The figures are ``core.outcomes``'s;
plotly draws them as floats, the hover shows them to the fen.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import plotly.graph_objects as go

from charts.base import PALETTE, YUAN_AXIS, base_layout, merged, plotly_text, unvalidated_figure
from i18n import format_money, translate

#: After agreement: hatched, so it reads without colour.
AFTER_PATTERN = {"shape": "/", "fgcolor": PALETTE[2], "solidity": 0.35}


def outcomes_chart(groups: Sequence[tuple[str, Decimal, Decimal]], lang: str) -> go.Figure:
    """Grouped bars: for each ``(name, before, after)`` the monthly payments before and after,
    in the order given."""
    names = [plotly_text(name) for name, _, _ in groups]
    series: list[tuple[str, list[Decimal], dict[str, Any]]] = [
        (
            translate("outcomes.chart.before", lang),
            [before for _, before, _ in groups],
            {"color": PALETTE[0]},
        ),
        (
            translate("outcomes.chart.after", lang),
            [after for _, _, after in groups],
            {
                "color": "white",
                "line": {"color": PALETTE[2], "width": 1.5},
                "pattern": AFTER_PATTERN,
            },
        ),
    ]
    traces = [
        {
            "type": "bar",
            "name": label,
            "x": names,
            "y": [float(amount) for amount in amounts],
            "customdata": [
                [name, format_money(amount, lang)]
                for name, amount in zip(names, amounts, strict=True)
            ],
            "hovertemplate": "%{customdata[0]}: %{customdata[1]}<extra>"
            + plotly_text(label)
            + "</extra>",
            "marker": marker,
        }
        for label, amounts, marker in series
    ]
    base = base_layout(
        translate("outcomes.chart.title", lang), "", translate("outcomes.chart.amount", lang)
    )
    extra_layout = {"barmode": "group", "yaxis": YUAN_AXIS, "hovermode": "closest"}
    return unvalidated_figure(traces, merged(base, extra_layout))
