"""What each proposal is worth to the lender: the chart beside the comparison, and its words.

:func:`recovery_chart` draws one horizontal bar per proposal — its present value to the lender
(:func:`core.rules.recovery.recovery_for_comparison`) — and below them the no-agreement
alternative, hatched in vermillion on a pale tint so it differs from the proposals by pattern
as well as colour, each bar labelled with its amount; a note under the title says the figures
are an estimate from assumptions. Proposal names are drawn as text (:func:`charts.base.plotly_text`)
and named in the hover by ``customdata``, never pasted into a template.

:func:`recovery_panel` gives a page all of it in one call for a comparison's rows. The words —
the sentence a counselor can say (:func:`recovery_sentence_text`), one line per
row (:func:`recovery_row_text`), the break chance's source (:func:`break_source_text`) and the
assumptions (:func:`assumption_lines`) — come from the catalogue (``recovery.*``), the figures
from ``core``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import plotly.graph_objects as go

from charts.base import (
    PALETTE,
    STATUS_COLOURS,
    YUAN_AXIS,
    base_layout,
    left_axis,
    merged,
    plotly_text,
    text_width,
    unvalidated_figure,
)
from core.rules.recovery import (
    LenderRecovery,
    NoAgreementValue,
    RecoveryAssumptions,
    RecoverySentence,
    RecoveryValue,
)
from core.text import format_share, format_spoken_money
from i18n import format_money, format_months, format_percent, translate

#: The proposals' bars: the palette's first colour, solid.
PROPOSAL_COLOUR = PALETTE[0]
#: No agreement: vermillion hatching on a pale tint (the planning chart's "gap" look).
NO_AGREEMENT_TINT = "#FCE3D4"
NO_AGREEMENT_PATTERN = {
    "shape": "/",
    "fgcolor": STATUS_COLOURS["bad"],
    "bgcolor": NO_AGREEMENT_TINT,
    "fillmode": "replace",
    "solidity": 0.3,
}
#: Height of one bar's row, and of the title, axis, legend and note around the bars.
ROW_HEIGHT = 46
FRAME_HEIGHT = 190


def recovery_chart(
    rows: Sequence[tuple[str, Decimal]], no_agreement: Decimal, lang: str
) -> go.Figure:
    """Horizontal bars: each proposal's present value to the lender (``rows``: its name as
    shown or typed, and its value), the first at the top, then no agreement, hatched."""
    base = base_layout(
        translate("recovery.chart.title", lang),
        translate("recovery.chart.x", lang),
        "",
        height=FRAME_HEIGHT + ROW_HEIGHT * (len(rows) + 1),
    )
    hover = plotly_text(translate("recovery.chart.hover", lang))
    no_agreement_name = translate("recovery.chart.no_agreement", lang)
    names = [plotly_text(name) for name, _ in rows] + [plotly_text(no_agreement_name)]
    values = [value for _, value in rows]
    positions = list(range(len(names)))
    template = f"%{{customdata}}<br>{hover}: ¥%{{x:,.2f}}<extra></extra>"

    def bar(label: str, at: list[int], amounts: list[Decimal], marker: dict) -> dict:
        return {
            "type": "bar",
            "name": plotly_text(label),
            "y": at,
            "x": [float(amount) for amount in amounts],
            "orientation": "h",
            "marker": marker,
            "customdata": [names[i] for i in at],
            "text": [format_money(amount, lang) for amount in amounts],
            "textposition": "outside",
            "textfont": {"color": "#1F2937"},
            "cliponaxis": False,
            "hovertemplate": template,
        }

    traces = [
        bar(
            translate("recovery.chart.proposals", lang),
            positions[:-1],
            values,
            {"color": PROPOSAL_COLOUR, "pattern": {"shape": ""}},
        ),
        bar(
            no_agreement_name,
            positions[-1:],
            [no_agreement],
            {
                "color": NO_AGREEMENT_TINT,
                "pattern": NO_AGREEMENT_PATTERN,
                "line": {"color": STATUS_COLOURS["bad"], "width": 1.5},
            },
        ),
    ]
    highest = max([*values, no_agreement, Decimal(0)])
    layout = merged(
        base,
        {
            "hovermode": "closest",
            "bargap": 0.35,
            "showlegend": True,
            "legend": {"traceorder": "normal", "yref": "container", "y": 0, "yanchor": "bottom"},
            "margin": {"l": 10, "r": 10, "t": 76, "b": 90},
            # room on the right for the amounts written after each bar
            "xaxis": {"range": [0, float(highest) * 1.3 or 1], "rangemode": "tozero", **YUAN_AXIS},
            "yaxis": {
                "tickmode": "array",
                "tickvals": positions,
                "ticktext": names,
                "autorange": "reversed",
            },
            "title": {
                "subtitle": {
                    "text": plotly_text(translate("recovery.chart.note", lang)),
                    "font": {"size": 12, "color": "#4B5563"},
                }
            },
        },
    )
    # The bars' names as drawn (typed names escaped: a little wider, never narrower).
    layout = left_axis(layout, max(text_width(name) for name in names), titled=False)
    # Built unvalidated: the schema is checked by the tests (see charts.base.unvalidated_figure).
    return unvalidated_figure(traces, layout)


# --- words ---------------------------------------------------------------------------------


def recovery_sentence_text(sentence: RecoverySentence, lang: str) -> str:
    """The sentence to say (or, when the plan is worth no more than no agreement, the note to
    the counselor), with money as it is said: "按我们的估算，按这个方案贵司预计能收回11,843.16元…".
    """
    return translate(
        sentence.key,
        lang,
        plan=format_spoken_money(sentence.plan_value, lang),
        no_agreement=format_spoken_money(sentence.no_agreement_value, lang),
    )


def break_source_text(value: RecoveryValue, lang: str) -> str:
    """Which monthly break chance a row used and why."""
    return translate(
        f"recovery.break_source.{value.break_source.value}",
        lang,
        chance=format_share(value.break_chance),
    )


def recovery_row_text(value: RecoveryValue, lang: str) -> str:
    """One row's value for the lender in a line: its parts, its share of what is owed and the
    chance the plan is kept to the end."""
    figures = {
        "value": format_money(value.present_value, lang),
        "payments": format_money(value.from_payments, lang),
        "collection": format_money(value.from_collection, lang),
        "completion": format_percent(value.completion_chance, lang, digits=0),
    }
    if value.share_of_owed is None:
        return translate("recovery.row.nothing_owed", lang, **figures)
    share = format_percent(value.share_of_owed, lang, digits=0)
    return translate("recovery.row", lang, share=share, **figures)


def no_agreement_text(value: NoAgreementValue, lang: str) -> str:
    """The no-agreement alternative in a line: recovered, costs, delay and value today."""
    return translate(
        "recovery.no_agreement.row",
        lang,
        recovered=format_money(value.recovered, lang),
        costs=format_money(value.costs, lang),
        delay=format_months(value.delay_months, lang),
        value=format_money(value.present_value, lang),
    )


def assumption_lines(assumptions: RecoveryAssumptions, lang: str) -> list[str]:
    """Every assumption of the estimate with its value, one line each, to show beside it."""
    if assumptions.break_chance is None:
        chances = translate(
            "recovery.assumption.break_chances",
            lang,
            within=format_share(assumptions.break_within),
            beyond=format_share(assumptions.break_beyond),
        )
    else:
        chances = translate(
            "recovery.assumption.break_chance",
            lang,
            chance=format_share(assumptions.break_chance),
        )
    return [
        translate(
            "recovery.assumption.cost_of_funds", lang, rate=format_share(assumptions.cost_of_funds)
        ),
        chances,
        translate(
            "recovery.assumption.after_break",
            lang,
            share=format_share(assumptions.after_break_share),
            delay=format_months(assumptions.after_break_delay_months, lang),
            cost=format_share(assumptions.after_break_cost),
        ),
        translate(
            "recovery.assumption.no_agreement",
            lang,
            share=format_share(assumptions.no_agreement_share),
            delay=format_months(assumptions.no_agreement_delay_months, lang),
            cost=format_share(assumptions.no_agreement_cost),
            legal=format_money(assumptions.legal_costs, lang),
        ),
    ]


# --- everything a page shows, in one call ---------------------------------------------------


@dataclass(frozen=True)
class RecoveryPanel:
    """What a page shows of the lender's side of a comparison (see :func:`recovery_panel`)."""

    figure: go.Figure
    #: One line per row of the comparison, in its order: the value and the break chance used.
    rows: tuple[str, ...]
    no_agreement: str
    assumptions: tuple[str, ...]
    #: The sentence for the row asked for (``None`` when none was): to say when ``persuasive``,
    #: else a note to the counselor that the argument does not hold for that plan.
    sentence: str | None
    persuasive: bool


def recovery_panel(
    labels: Sequence[str], recovery: LenderRecovery, lang: str, *, index: int | None = None
) -> RecoveryPanel:
    """The chart, a line per row, the no-agreement line, the assumptions and the sentence for
    row ``index`` (e.g. the recommended or saved proposal) of a
    :func:`core.rules.recovery.recovery_for_comparison` result; ``labels`` name its rows as the
    comparison table does (as typed: the chart draws them as text)."""
    if len(labels) != len(recovery.rows):
        raise ValueError(f"{len(labels)} labels for {len(recovery.rows)} rows")
    figure = recovery_chart(
        [(label, value.present_value) for label, value in zip(labels, recovery.rows, strict=True)],
        recovery.no_agreement.present_value,
        lang,
    )
    separator = "" if lang == "zh-CN" else " "  # Chinese sentences run on without a space
    rows = tuple(
        separator.join((recovery_row_text(value, lang), break_source_text(value, lang)))
        for value in recovery.rows
    )
    sentence, persuasive = None, False
    if index is not None:
        said = recovery.sentence(index)
        sentence, persuasive = recovery_sentence_text(said, lang), said.persuasive
    return RecoveryPanel(
        figure=figure,
        rows=rows,
        no_agreement=no_agreement_text(recovery.no_agreement, lang),
        assumptions=tuple(assumption_lines(recovery.assumptions, lang)),
        sentence=sentence,
        persuasive=persuasive,
    )
