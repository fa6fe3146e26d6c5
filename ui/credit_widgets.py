"""The Debts page's credit-record section (征信): for each overdue account, whether the lender
reports, since when it is overdue and until when its late-payment record would be kept if the
overdue ended today (as :func:`services.debts.credit_clocks` gives it), with the fixed notes of
:data:`core.rules.credit_record.NOTES`.

The day is passed in (``as_of``): the page reads the clock once (``ui.state.today``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

import services
from core.calls import DebtAccount
from core.rules.credit_record import NOTES, Reporting, overdue_since, record_end
from i18n import format_date, md_escape
from services.debts import DebtClock
from ui.i18n import enum_label, t
from ui.tables import fitted_table


@dataclass(frozen=True)
class CreditRow:
    """One overdue account as the section shows it."""

    creditor: str
    reports: Reporting
    since: date | None
    since_estimated: bool
    record_ends_on: date | None
    estimate: bool
    future: bool


def credit_rows(clocks: list[DebtClock], as_of: date) -> list[CreditRow]:
    """The overdue accounts among ``clocks`` (in their order): those with a clock, a date to
    correct, or overdue at a lender that does not report."""
    rows = []
    for item in clocks:
        account = item.account
        clock = item.clock
        if clock is not None:
            since, estimated = clock.overdue_since, item.since_estimated
        else:
            since = account.overdue_since
            estimated = since is None
            if since is None:
                since = overdue_since(account.debt, as_of)
            if since is None and item.problem is None:
                continue  # not overdue
        rows.append(
            CreditRow(
                creditor=account.debt.creditor,
                reports=account.reports_credit,
                since=since,
                since_estimated=estimated,
                record_ends_on=clock.record_ends_on if clock else None,
                estimate=clock.is_estimate if clock else False,
                future=item.problem == "future",
            )
        )
    return rows


def table_rows(rows: list[CreditRow], lang: str) -> list[dict[str, str]]:
    """The rows for the grid (cells are text; the creditor as typed)."""

    def since_cell(row: CreditRow) -> str:
        if row.since is None:
            return "—"
        day = format_date(row.since, lang)
        return t("pack.credit.since_estimated", date=day) if row.since_estimated else day

    def end_cell(row: CreditRow) -> str:
        if row.future:
            return t("pack.credit.future_cell")
        if row.record_ends_on is None:
            return t("pack.credit.no_record")
        day = format_date(row.record_ends_on, lang)
        return t("pack.credit.estimate", date=day) if row.estimate else day

    return [
        {
            t("debts.col.creditor"): row.creditor,
            t("pack.credit.col.reports"): enum_label(row.reports, lang),
            t("pack.credit.col.since"): since_cell(row),
            t("credit.col.record_end"): end_cell(row),
        }
        for row in rows
    ]


def render_notes() -> None:
    """The fixed notes: the 5-year rule and what settling means as captions, the credit-repair
    scam as a warning."""
    rule, settled, scam = NOTES
    st.caption(t(rule))
    st.caption(t(settled))
    st.warning(t(scam), icon=":material/gpp_maybe:")


def render_credit_record(accounts: Sequence[DebtAccount], as_of: date, lang: str) -> None:
    """The section for the client's debts ``accounts``, as the page read them (once a run):
    each one's clock as :func:`services.debts.credit_clocks` gives it, without reading them
    again."""
    st.subheader(t("pack.credit.title"))
    clocks = [services.debts.credit_clock(account, as_of) for account in accounts]
    rows = credit_rows(clocks, as_of)
    if not rows:
        st.info(t("pack.credit.none"), icon=":material/verified:")
        with st.expander(t("pack.credit.notes_title"), icon=":material/info:"):
            render_notes()
        return
    if any(row.record_ends_on for row in rows):
        st.caption(
            t(
                "credit.clock.if_cleared_today",
                cleared=format_date(as_of, lang),
                end=format_date(record_end(as_of), lang),
            )
        )
    fitted_table(pd.DataFrame(table_rows(rows, lang)), key="debts_credit_record")
    for row in rows:
        if row.future and row.since is not None:
            st.error(
                t(
                    "pack.credit.future",
                    creditor=md_escape(row.creditor),
                    date=format_date(row.since, lang),
                ),
                icon=":material/event_busy:",
            )
    if any(row.estimate for row in rows):
        st.caption(t("pack.credit.estimate_note"))
    if any(row.since_estimated and not row.future for row in rows):
        st.caption(t("pack.credit.since_note"))
    for row in rows:
        if row.reports is Reporting.NO:
            st.caption(
                t(
                    "pack.credit.not_reporting",
                    creditor=md_escape(row.creditor),
                    text=t("credit.clock.not_reporting"),
                )
            )
    render_notes()
