"""A client's timeline: calls, promises, collection contacts, due dates, payments, follow-ups,
the debts' legal steps and deadlines, and when each overdue account's late-payment record would
leave the credit report.

The ``*_events`` builders turn the records (and ``core``'s verdicts on them: plan adherence,
overdue tasks, the credit-record clocks) into :class:`TimelineEvent` s; :func:`timeline_figure`
draws them as a plotly chart with one lane per kind, one marker style per outcome or status
(colour AND symbol, named in the legend) and a red ring around whatever is overdue;
:func:`event_rows` gives the list view.

The legal lane's events (``legal.step``; ``legal.deadline`` while open and not passed, else
``legal.deadline_closed``) are built by the page, which words them as Today does.

The record ends (:func:`record_end_events`) are passed in as dates, worked out by the caller
(``services.debts.credit_clocks``): nothing here reads a clock or a rule. They lie years
ahead, beyond the weeks the chart opens on, so the chart names them at the right edge of
their lane, with an arrow, until zoomed out to them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import plotly.graph_objects as go

from charts.base import STATUS_COLOURS, STATUS_TEXT, base_figure, plotly_text
from core.calls import Call, FollowUpTask, Outcome, Payment
from core.rules.adherence import Adherence, Status
from core.rules.conduct import CollectionContact
from core.rules.followups import is_overdue
from core.rules.timing import at_local, local
from i18n import enum_label, format_date, format_money, translate

LANES = ("call", "promise", "collection", "payment", "due", "task", "legal", "credit")
#: Lanes whose events are days, not moments (the list shows no time of day).
DAY_LANES = frozenset({"due", "payment", "legal", "credit"})
NOON = time(12, 0)
FOCUS_BEFORE = timedelta(days=60)
FOCUS_AFTER = timedelta(days=45)
GREY = STATUS_COLOURS["neutral"]
GOOD, WARN, BAD = STATUS_COLOURS["good"], STATUS_COLOURS["warn"], STATUS_COLOURS["bad"]
BLUE, SKY, PURPLE = "#0072B2", "#56B4E9", "#CC79A7"

#: style key -> (colour, plotly marker symbol); the legend names each with its label.
STYLES: dict[str, tuple[str, str]] = {
    "call.agreed": (GOOD, "circle"),
    "call.partly_agreed": (SKY, "diamond"),
    "call.refused": (BAD, "x"),
    "call.call_back": (WARN, "square"),
    "call.no_answer": (GREY, "triangle-down"),
    "promise.promise": (BLUE, "pentagon"),
    "collection.collection": (PURPLE, "star"),
    "payment.payment": (GOOD, "diamond"),
    "due.paid": (GOOD, "square"),
    "due.paid_late": (WARN, "square-x"),
    "due.missed": (BAD, "x"),
    "due.due_today": (BAD, "star-square"),
    "due.due_soon": (WARN, "triangle-up"),
    "due.upcoming": (GREY, "square-open"),
    "task.open": (BLUE, "triangle-right"),
    "task.done": (GOOD, "circle-open"),
    "legal.step": (BLUE, "hexagon"),
    "legal.deadline": (BAD, "hourglass"),
    "legal.deadline_closed": (GREY, "hourglass-open"),
    "credit.record_end": (PURPLE, "hourglass"),
    "credit.record_end_estimate": (GREY, "hourglass-open"),
}


@dataclass(frozen=True)
class TimelineEvent:
    at: datetime
    lane: str
    style: str
    lender: str
    title: str
    status: str
    overdue: bool = False


def _style_label(style: str, lang: str) -> str:
    lane, _, status = style.partition(".")
    if lane == "call":
        return enum_label(Outcome(status), lang)
    if lane == "due":
        return enum_label(Status(status), lang)
    return translate(f"calls.timeline.style.{style}", lang)


def call_events(calls: Iterable[Call], lang: str) -> list[TimelineEvent]:
    events = []
    for call in calls:
        events.append(
            TimelineEvent(
                at=call.at,
                lane="call",
                style=f"call.{call.outcome.value}",
                lender=call.lender,
                title=call.summary,
                status=enum_label(call.outcome, lang),
            )
        )
        for side, text in (("lender", call.lender_promised), ("client", call.client_promised)):
            if text:
                events.append(
                    TimelineEvent(
                        at=call.at,
                        lane="promise",
                        style="promise.promise",
                        lender=call.lender,
                        title=text,
                        status=translate(f"calls.timeline.promise.{side}", lang),
                    )
                )
    return events


def collection_events(contacts: Iterable[CollectionContact], lang: str) -> list[TimelineEvent]:
    return [
        TimelineEvent(
            at=contact.at,
            lane="collection",
            style="collection.collection",
            lender=contact.lender,
            title=contact.note or enum_label(contact.event.contacted, lang),
            status=enum_label(contact.event.contacted, lang),
        )
        for contact in contacts
    ]


def task_events(
    tasks: Iterable[FollowUpTask],
    lender_by_call: dict[int, str],
    now: datetime,
    lang: str,
    lender_by_proposal: dict[int, str] | None = None,
) -> list[TimelineEvent]:
    """One event per task; its lender is its call's, or (a reminder before an installment)
    its agreed plan's."""
    by_proposal = lender_by_proposal or {}
    return [
        TimelineEvent(
            at=task.due,
            lane="task",
            style="task.done" if task.done else "task.open",
            lender=lender_by_call.get(task.source_call_id or -1)
            or by_proposal.get(task.proposal_id or -1, "—"),
            title=task.title,
            status=translate(
                "calls.timeline.task.done" if task.done else "calls.timeline.task.open", lang
            ),
            overdue=is_overdue(task, now),
        )
        for task in tasks
    ]


def due_events(adherence: Adherence, lender: str, lang: str) -> list[TimelineEvent]:
    return [
        TimelineEvent(
            at=at_local(item.due_date, NOON),
            lane="due",
            style=f"due.{item.status.value}",
            lender=lender,
            title=translate(
                "calls.timeline.due_title",
                lang,
                number=item.number,
                amount=format_money(item.amount, lang),
            ),
            status=enum_label(item.status, lang),
            overdue=item.status is Status.MISSED,
        )
        for item in adherence.installments
    ]


def payment_events(
    payments: Iterable[Payment], lender_by_debt: dict[int, str], lang: str
) -> list[TimelineEvent]:
    return [
        TimelineEvent(
            at=at_local(payment.paid_on, NOON),
            lane="payment",
            style="payment.payment",
            lender=lender_by_debt.get(payment.debt_id or -1, "—"),
            title=format_money(payment.amount, lang)
            + (f" · {payment.reference}" if payment.reference else ""),
            status=translate("calls.timeline.style.payment.payment", lang),
        )
        for payment in payments
    ]


@dataclass(frozen=True)
class RecordEnd:
    """When an overdue account's late-payment record would end (the last day it may be kept),
    as the caller worked it out: ``estimate`` when the lender's reporting is not known."""

    lender: str
    ends_on: date
    estimate: bool = False
    status: str = ""


def record_end_events(ends: Iterable[RecordEnd], lang: str) -> list[TimelineEvent]:
    """One marker per account on its record's last day, in the credit lane."""
    return [
        TimelineEvent(
            at=at_local(end.ends_on, NOON),
            lane="credit",
            style="credit.record_end_estimate" if end.estimate else "credit.record_end",
            lender=end.lender,
            title=translate(
                "calls.timeline.credit_title", lang, end=format_date(end.ends_on, lang)
            ),
            status=end.status,
        )
        for end in ends
    ]


def filter_by_lender(
    events: Iterable[TimelineEvent], lenders: Sequence[str]
) -> list[TimelineEvent]:
    """The events of the chosen lenders (all when none is chosen)."""
    chosen = set(lenders)
    return [event for event in events if not chosen or event.lender in chosen]


def _wall(moment: datetime) -> datetime:
    # plotly draws naive times as given: show the Shanghai wall clock.
    return local(moment).replace(tzinfo=None)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def timeline_figure(events: Sequence[TimelineEvent], now: datetime, lang: str) -> go.Figure:
    """The chart: lanes top to bottom in :data:`LANES` order, a line at now, overdue ringed."""
    lanes = [lane for lane in LANES if any(event.lane == lane for event in events)] or ["call"]
    lane_label = {lane: translate(f"calls.timeline.lane.{lane}", lang) for lane in LANES}
    # The date axis is titled in the chart title: under the axis the legend needs the room.
    title = translate("calls.timeline.chart_title", lang)
    fig = base_figure(
        f"{title} · {translate('calls.timeline.x_title', lang)}",
        "",
        "",
        height=200 + 46 * len(lanes),
    )
    traces = []
    for style, (colour, symbol) in STYLES.items():
        chosen = [event for event in events if event.style == style]
        if not chosen:
            continue
        lane = style.partition(".")[0]
        traces.append(
            go.Scatter(
                x=[_wall(event.at) for event in chosen],
                y=[lane_label[event.lane] for event in chosen],
                mode="markers",
                name=f"{lane_label[lane]}: {_style_label(style, lang)}",
                marker={
                    "color": colour,
                    "symbol": symbol,
                    "size": 13,
                    "line": {"color": "#1F2937", "width": 1},
                },
                # what was typed (lender, summary, promise, note…) is drawn as text
                customdata=[
                    [plotly_text(event.lender), plotly_text(_short(event.title)), event.status]
                    for event in chosen
                ],
                hovertemplate="%{x|%Y-%m-%d %H:%M}<br>%{customdata[0]}<br>"
                "%{customdata[2]}<br>%{customdata[1]}<extra></extra>",
            )
        )
    overdue = [event for event in events if event.overdue]
    if overdue:
        traces.append(
            go.Scatter(
                x=[_wall(event.at) for event in overdue],
                y=[lane_label[event.lane] for event in overdue],
                mode="markers+text",
                name=translate("calls.timeline.overdue", lang),
                text=[translate("calls.timeline.overdue_mark", lang)] * len(overdue),
                textposition="top center",
                textfont={"color": STATUS_TEXT["bad"], "size": 12},
                marker={
                    "symbol": "circle-open",
                    "size": 26,
                    "color": BAD,
                    "line": {"width": 3, "color": BAD},
                },
                hoverinfo="skip",
            )
        )
    fig.add_traces(traces)  # one call: every add_trace re-validates the figure
    today = _wall(now)
    fig.add_shape(
        type="line",
        x0=today,
        x1=today,
        yref="paper",
        y0=0,
        y1=1,
        line={"color": "#374151", "dash": "dot", "width": 1.5},
    )
    fig.add_annotation(
        x=today,
        y=1,
        yref="paper",
        text=translate("calls.timeline.now", lang),
        showarrow=False,
        yanchor="bottom",
        font={"size": 11, "color": "#374151"},
    )
    # Open on the weeks around now (the rest of the plan is a zoom-out or double-click away).
    # A record's end, years ahead, does not widen them: it is named at the edge instead.
    moments = [_wall(event.at) for event in events if event.lane != "credit"] or [today]
    start = max(min(moments), today - FOCUS_BEFORE) - timedelta(days=3)
    end = min(max(moments), today + FOCUS_AFTER) + timedelta(days=3)
    _name_beyond(fig, events, end, lane_label["credit"], lang)
    fig.update_layout(
        hovermode="closest",
        showlegend=True,
        legend={"y": -0.2},
        xaxis={"range": [start, end], "nticks": 5, "tickangle": 0, "tickformat": "%m-%d"},
        yaxis={
            "categoryorder": "array",
            "categoryarray": [lane_label[lane] for lane in reversed(lanes)],
            "gridcolor": "#E5E7EB",
        },
    )
    return fig


def _name_beyond(
    fig: go.Figure, events: Sequence[TimelineEvent], end: datetime, lane: str, lang: str
) -> None:
    """Name the record ends beyond the opening range at its right edge, in their lane."""
    beyond = sorted(
        {local(e.at).date() for e in events if e.lane == "credit" and _wall(e.at) > end}
    )
    if not beyond:
        return
    dates = translate("pack.join.list", lang).join(format_date(day, lang) for day in beyond)
    fig.add_annotation(
        x=end,
        y=lane,
        xref="x",
        yref="y",
        text=translate(
            "calls.timeline.credit_beyond",
            lang,
            label=translate("credit.timeline.record_end", lang),
            date=dates,
        ),
        showarrow=False,
        xanchor="right",
        yanchor="middle",
        font={"size": 12, "color": "#4B5563"},
        bgcolor="white",
    )


def event_rows(events: Sequence[TimelineEvent], lang: str) -> list[dict[str, str]]:
    """The list view, newest first, each value already worded for the table and the CSV."""
    rows = []
    for event in sorted(events, key=lambda event: event.at, reverse=True):
        wall = local(event.at)
        when = (
            format_date(wall.date(), lang)
            if event.lane in DAY_LANES
            else f"{format_date(wall.date(), lang)} {wall:%H:%M}"
        )
        rows.append(
            {
                translate("calls.list.when", lang): when,
                translate("calls.list.kind", lang): translate(
                    f"calls.timeline.lane.{event.lane}", lang
                ),
                translate("calls.list.lender", lang): event.lender,
                translate("calls.list.status", lang): event.status,
                translate("calls.list.what", lang): event.title,
                translate("calls.list.overdue", lang): translate(
                    "calls.timeline.overdue_mark", lang
                )
                if event.overdue
                else "",
            }
        )
    return rows
