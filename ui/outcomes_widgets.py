"""The Outcomes page (工作成效): what the work achieved over a period — cases by stage, debts
agreed, monthly payments before and after, what lenders gave up, time to agreement — in total
and per counselor, lender or month (:func:`services.cases.outcomes`, :mod:`core.outcomes`),
with a chart (:func:`charts.outcomes.outcomes_chart`), a table and a CSV file.

In team mode the page is listed for supervisors and administrators (``app.py``); the service
itself limits anyone else to their own caseload. The CSV is made when its button is clicked,
and writes ``outcomes.exported`` to the audit trail (``ui.state.audited_download``); it holds
figures and lender names only, no client.
"""

from __future__ import annotations

import csv
import io
from datetime import date

import pandas as pd
import streamlit as st

import services
import services.accounts as accounts
from charts.base import plotly_config
from charts.outcomes import outcomes_chart
from core.access import Permission
from core.case_lifecycle import CaseStage
from core.errors import CoreError
from core.outcomes import Dimension, Figures, Key
from i18n import format_money
from services import StoreError
from services.cases import Outcomes
from ui.errors import show_error
from ui.i18n import current_language, enum_labels, t, worded
from ui.state import actor, audited_download, get_store, session_memo, today
from ui.tables import fitted_table

EXPORTED = "outcomes.exported"
#: How far back the period starts by default: the start of the month a year ago.
DEFAULT_MONTHS = 11
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def default_start(day: date) -> date:
    """The first day of the month ``DEFAULT_MONTHS`` months before ``day``'s.

    >>> default_start(date(2026, 11, 30))
    datetime.date(2025, 12, 1)
    """
    months = day.year * 12 + day.month - 1 - DEFAULT_MONTHS
    return date(months // 12, months % 12 + 1, 1)


def group_label(key: Key, by: Dimension, names: dict[int, str]) -> str:
    """How a group is named on the page and in the file."""
    if by is Dimension.MONTH and isinstance(key, date):
        return f"{key.year}-{key.month:02d}"
    if by is Dimension.COUNSELOR:
        if key is None:
            return t("outcomes.nobody")
        return names.get(key, str(key)) if isinstance(key, int) else str(key)
    return str(key) if key else t("outcomes.no_lender")


def mean_text(figures: Figures) -> str:
    mean = figures.mean_months
    return t("outcomes.none") if mean is None else f"{mean}"


def stage_rows(found: Outcomes, names: dict[int, str]) -> list[dict[str, str]]:
    """Cases by stage: one row per group, then the total (each case once)."""
    stages = enum_labels(CaseStage)
    rows = []
    for label, figures in (
        *((group_label(f.key, found.by, names), f) for f in found.rows),
        (t("outcomes.all"), found.total),
    ):
        row = {t("outcomes.col.group"): label, t("outcomes.col.cases"): str(figures.case_count)}
        row |= {stages[stage]: str(figures.cases[stage]) for stage in CaseStage}
        rows.append(row)
    return rows


def money_rows(found: Outcomes, names: dict[int, str], lang: str) -> list[dict[str, str]]:
    """Agreements and payments: one row per group, then the total."""
    return [
        {
            t("outcomes.col.group"): label,
            t("outcomes.col.negotiated"): str(figures.debts_negotiated),
            t("outcomes.col.before"): format_money(figures.before, lang),
            t("outcomes.col.after"): format_money(figures.after, lang),
            t("outcomes.col.forgiven"): format_money(figures.forgiven, lang),
            t("outcomes.col.months"): mean_text(figures),
        }
        for label, figures in (
            *((group_label(f.key, found.by, names), f) for f in found.rows),
            (t("outcomes.all"), found.total),
        )
    ]


def _cell(value: str) -> str:
    """A text cell a spreadsheet will not run as a formula."""
    return f"'{value}" if value.startswith(_FORMULA_STARTS) else value


def outcomes_csv(found: Outcomes, names: dict[int, str], lang: str) -> bytes:
    """The table as CSV (UTF-8 with BOM): one row per group and a total row; money as plain
    decimals to the fen."""
    stages = enum_labels(CaseStage, lang)
    header = [
        t("outcomes.col.group"),
        t("outcomes.col.cases"),
        *(stages[stage] for stage in CaseStage),
        t("outcomes.col.negotiated"),
        t("outcomes.col.before"),
        t("outcomes.col.after"),
        t("outcomes.col.forgiven"),
        t("outcomes.col.months"),
    ]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)

    def line(label: str, figures: Figures) -> list[str]:
        mean = figures.mean_months
        return [
            _cell(label),
            str(figures.case_count),
            *(str(figures.cases[stage]) for stage in CaseStage),
            str(figures.debts_negotiated),
            f"{figures.before:.2f}",
            f"{figures.after:.2f}",
            f"{figures.forgiven:.2f}",
            "" if mean is None else str(mean),
        ]

    for figures in found.rows:
        writer.writerow(line(group_label(figures.key, found.by, names), figures))
    writer.writerow(line(t("outcomes.all"), found.total))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def counselor_names(store, acting) -> dict[int, str]:
    """Account names by id, for those who may list the accounts (else none)."""
    if acting.role is None or not acting.allows(Permission.ASSIGN_CLIENTS):
        return {}
    try:
        return {a.id: a.display_name or a.username for a in accounts.list_accounts(store, acting)}
    except StoreError:
        return {}


def render_filters(found_counselors, found_lenders, names) -> dict:
    first, second, third = st.columns(3)
    start = first.date_input(
        t("outcomes.start"), value=default_start(today()), key="outcomes_start", format="YYYY-MM-DD"
    )
    end = second.date_input(
        t("outcomes.end"), value=today(), key="outcomes_end", format="YYYY-MM-DD"
    )
    dimensions = enum_labels(Dimension)
    by = third.selectbox(
        t("outcomes.by"),
        list(Dimension),
        format_func=dimensions.__getitem__,
        key=worded("outcomes_by"),
    )
    left, right = st.columns(2)
    counselor_labels = {
        c: (t("outcomes.nobody") if c is None else names.get(c, str(c))) for c in found_counselors
    }
    counselors = left.multiselect(
        t("outcomes.counselors"),
        list(found_counselors),
        format_func=counselor_labels.__getitem__,
        key=worded("outcomes_counselors"),
        placeholder=t("outcomes.all"),
    )
    lender_labels = {lender: lender or t("outcomes.no_lender") for lender in found_lenders}
    lenders = right.multiselect(
        t("outcomes.lenders"),
        list(found_lenders),
        format_func=lender_labels.__getitem__,
        key="outcomes_lenders",
        placeholder=t("outcomes.all"),
    )
    return {
        "start": start,
        "end": end,
        "by": by,
        "counselors": counselors or None,
        "lenders": lenders or None,
    }


def render_totals(total: Figures, lang: str) -> None:
    first = st.columns(3)
    first[0].metric(t("outcomes.metric.cases"), total.case_count)
    first[1].metric(t("outcomes.metric.negotiated"), total.debts_negotiated)
    mean = total.mean_months
    first[2].metric(
        t("outcomes.metric.months"),
        t("outcomes.none") if mean is None else t("outcomes.months_value", n=mean),
    )
    second = st.columns(3)
    second[0].metric(t("outcomes.metric.before"), format_money(total.before, lang))
    second[1].metric(t("outcomes.metric.after"), format_money(total.after, lang))
    second[2].metric(t("outcomes.metric.forgiven"), format_money(total.forgiven, lang))


def main() -> None:
    st.title(t("page.outcomes"), anchor=False)
    st.caption(t("outcomes.caption"))
    store = get_store()
    if store is None:
        return
    lang = current_language()
    acting = actor()
    names = counselor_names(store, acting)
    as_of = today()
    try:
        everything = services.cases.outcomes(
            store, acting, start=as_of, end=as_of, by=Dimension.COUNSELOR
        )
    except (CoreError, StoreError) as exc:
        show_error(exc)
        return
    filters = render_filters(everything.counselors, everything.lenders, names)
    if not isinstance(filters["start"], date) or not isinstance(filters["end"], date):
        return
    try:
        found = services.cases.outcomes(store, acting, **filters)
    except (CoreError, StoreError) as exc:
        show_error(exc)
        return
    if found.total.case_count == 0 and found.total.debts_negotiated == 0:
        st.info(t("outcomes.empty"), icon=":material/info:")
        return
    render_totals(found.total, lang)
    groups = [
        (group_label(f.key, found.by, names), f.before, f.after)
        for f in found.rows
        if f.debts_negotiated
    ]
    if groups:
        figure = session_memo(
            "outcomes.chart", (tuple(groups), lang), lambda: outcomes_chart(groups, lang)
        )
        st.plotly_chart(
            figure, width="stretch", config=plotly_config("outcomes"), key="outcomes_chart"
        )
    fitted_table(pd.DataFrame(money_rows(found, names, lang)), key="outcomes_table")
    st.markdown(f"**{t('outcomes.stages')}**")
    fitted_table(pd.DataFrame(stage_rows(found, names)), key="outcomes_stages")
    st.download_button(
        t("outcomes.download"),
        data=audited_download(
            store,
            EXPORTED,
            None,  # about no one client
            lambda: outcomes_csv(found, names, lang),
            by=found.by.value,
            start=found.start.isoformat(),
            end=found.end.isoformat(),
        ),
        file_name=f"repaytalk-outcomes-{found.start.isoformat()}-{found.end.isoformat()}.csv",
        mime="text/csv",
        key="outcomes_download",
        icon=":material/download:",
    )
    st.caption(t("outcomes.notes"))
