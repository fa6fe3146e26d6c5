"""What a user typed is drawn as text by our charts (issue 18).

Plotly reads a subset of HTML in every text it draws (``<b>``, ``<a href>``, ``<br>``,
``<span style>``, entities) and template syntax (``%{...}``) in a ``hovertemplate``: a name, a
summary or a note typed by a user must reach it with ``&``, ``<`` and ``>`` as entities, and
never as a template. (The browser test ``tests/pages/test_hostile_text_browser.py`` checks that
plotly then shows them literally, with no link and no bold.)
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import plotly.graph_objects as go
import pytest
from hostile_text import MARKERS, hostile

from charts.base import plotly_text
from charts.planning import payoff_chart
from charts.proposals import cumulative_chart, payment_chart
from charts.recovery import recovery_chart
from charts.timeline import TimelineEvent, timeline_figure
from core.allocation import Strategy, payoff_plan
from core.debts import Debt
from core.proposals import TermExtension, proposal_plan

TYPED = hostile(100)


def test_plotly_text_makes_tags_and_entities_text():
    assert plotly_text('<b>b</b><a href="http://x">a</a> &amp; <br>') == (
        '&lt;b&gt;b&lt;/b&gt;&lt;a href="http://x"&gt;a&lt;/a&gt; &amp;amp; &lt;br&gt;'
    )
    assert plotly_text("张明 %{x} $x$") == "张明 %{x} $x$"  # no tag, no entity: unchanged


@pytest.mark.parametrize("marker", MARKERS)
def test_plotly_text_leaves_no_tag_or_entity(marker):
    drawn = plotly_text(marker)
    assert "<" not in drawn and ">" not in drawn
    assert drawn.replace("&lt;", "").replace("&gt;", "").replace("&amp;", "").count("&") == 0


def strings(fig: go.Figure) -> list[str]:
    """Every text the figure hands plotly: layout texts, trace names, texts, custom data and
    category labels."""
    found = [fig.layout.title.text or ""]
    found += [note.text or "" for note in fig.layout.annotations]
    for trace in fig.data:
        found.append(trace.name or "")
        for attr in ("text", "hovertext", "customdata", "x", "y"):
            values = getattr(trace, attr, None)
            if values is None or isinstance(values, str):
                found.append(values or "")
                continue
            for value in values:
                found += (
                    [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]
                )
    return found


def templates(fig: go.Figure) -> list[str]:
    return [t for trace in fig.data for t in (trace.hovertemplate, trace.texttemplate) if t]


def assert_typed_as_text(fig: go.Figure) -> None:
    drawn = strings(fig)
    assert plotly_text(TYPED) in "\n".join(drawn)  # the text is there, escaped …
    assert not any("<b>" in s or "<a href" in s or "<img" in s for s in drawn)  # … never raw
    for template in templates(fig):  # … and never the source of a template
        assert "**X**" not in template and "127.0.0.1" not in template, template


def debt(creditor: str) -> Debt:
    return Debt(
        creditor=creditor,
        outstanding_principal=Decimal("12000"),
        rate_quote=Decimal("0.18"),
        remaining_months=12,
    )


def test_recovery_chart_draws_proposal_names_as_text():
    assert_typed_as_text(recovery_chart([(TYPED, Decimal("1"))], Decimal("0"), "en"))


def test_payoff_chart_draws_creditors_as_text():
    debts = [debt(TYPED), debt("招商银行")]
    plan = payoff_plan(debts, Decimal("2000"), Strategy.PRO_RATA, date(2026, 1, 1))
    texts = {"title": "t", "x": "x", "y": "y", "total": "total"}
    fig = payoff_chart(plan, [d.creditor for d in debts], [d.opening_balance for d in debts], texts)
    assert_typed_as_text(fig)


@pytest.mark.parametrize("build", [payment_chart, cumulative_chart])
def test_proposal_charts_draw_a_saved_title_as_text(build):
    plan, _ = proposal_plan(debt("x"), TermExtension(months=12), date(2026, 1, 1))
    series = [(TYPED, plan), ("%{y} %{x}", plan)]
    fig = build(series, Decimal("800"), "en") if build is payment_chart else build(series, "en")
    assert_typed_as_text(fig)
    # the name is named by the template, not pasted into it: "%{y}" typed stays text
    assert all("%{y} %{x}" not in t for t in templates(fig))
    assert all(t.startswith("%{fullData.name}") for t in templates(fig))


def test_timeline_draws_lenders_and_notes_as_text():
    now = datetime(2026, 3, 1, 4, 0, tzinfo=UTC)
    events = [
        TimelineEvent(
            at=now - timedelta(days=1),
            lane="call",
            style="call.refused",
            lender=TYPED,
            title=TYPED,
            status="refused",
        ),
        TimelineEvent(
            at=now - timedelta(days=2),
            lane="collection",
            style="collection.collection",
            lender="招商银行",
            title=hostile(10_000),
            status="s",
        ),
    ]
    fig = timeline_figure(events, now, "zh-CN")
    assert_typed_as_text(fig)
