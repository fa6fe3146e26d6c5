"""Debts: each debt as the lender quotes it, its true rate and rate lines, totals, each overdue
account's credit-record clock (征信), the capacity split between creditors and the payoff
plan."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import streamlit as st
from pydantic import ValidationError

import services
from charts.base import plotly_config
from charts.planning import payoff_chart
from core.allocation import Strategy, allocate_capacity, payoff_plan
from core.calls import DebtAccount
from core.debts import Debt, LenderType, RateBasis
from core.errors import CoreError
from core.money import MAX_MONTHLY_RATE, ZERO_MONEY
from core.rates import QuoteKind
from core.reasons import describe
from core.rules.credit_record import Reporting
from core.rules.rate_lines import describe_flag
from core.schedules import Method
from i18n import format_date, format_money, format_months, format_percent, md_escape
from services import ChangedElsewhereError, StoreError, Workspace
from ui.credit_widgets import render_credit_record
from ui.debt_import_widgets import render_import
from ui.errors import show_error
from ui.i18n import current_language, enum_label, enum_labels, t, worded
from ui.legal_widgets import read_legal, render_legal
from ui.planning_forms import (
    changed_elsewhere_notice,
    confirm_delete,
    discard_form,
    kept,
    months_input,
    open_client_page,
    open_draft,
    open_record_draft,
    show_changed_elsewhere,
)
from ui.planning_tables import (
    STRATEGY_KEY,
    PlanInputs,
    allocation_rows,
    chosen_strategy,
    debt_rows,
    flags_for,
    load_plan,
    rate_basis_text,
)
from ui.state import actor, request_for, session_memo, today
from ui.tables import fitted_table
from ui.widgets import money_input, percent_input

FORM = "debtform_"
#: Rate bases worth a line under the table (the usual one is explained once).
NOTED_BASES = (RateBasis.ORIGINAL_LOAN, RateBasis.NEEDS_ORIGINAL_LOAN)
PICK_KEY = "debts_editing"  # durable: id of the debt being edited (NEW: a new one)
#: The picker's choice for a new debt (a selectbox shows None as "nothing chosen").
NEW = 0
DELETE_KEY = "debts_confirm_delete"
FLASH_KEY = "debts_flash"
#: The largest quote, in percent, each way of quoting allows (core checks the annual result).
QUOTE_MAXIMUM = {
    QuoteKind.ANNUAL: Decimal("365"),
    QuoteKind.MONTHLY: MAX_MONTHLY_RATE * 100,
    QuoteKind.DAILY: Decimal("1"),
    QuoteKind.MONTHLY_FEE: MAX_MONTHLY_RATE * 100,
}


def money_text(amount: Decimal | None) -> str:
    return "" if amount is None else f"{amount:,.2f}"


def percent_text(rate: Decimal) -> str:
    return "" if rate == 0 else f"{(rate * 100).normalize():f}"


def render_overview(plan: PlanInputs, lang: str) -> None:
    debts = plan.debts
    if not debts:
        st.info(t("debts.none"), icon=":material/info:")
        return
    st.subheader(t("debts.list"))
    # The rows (each debt's schedule, true rate and rate lines) once per browser session for
    # the same debts and language.
    rows = session_memo("debts.rows", (plan.debts_key, lang), lambda: debt_rows(debts, lang))
    fitted_table(pd.DataFrame(rows), key="debts_list")
    st.caption(t("debts.rates_note"))
    for debt in debts:
        if debt.rate_basis in NOTED_BASES:
            st.caption(
                t(
                    "debts.basis_for",
                    creditor=md_escape(debt.creditor),
                    text=rate_basis_text(debt, lang),
                )
            )
    owed = sum((d.opening_balance for d in debts), ZERO_MONEY)
    overdue = sum((d.overdue_principal for d in debts), ZERO_MONEY)
    demand = sum((d.monthly_demand for d in debts), ZERO_MONEY)
    cols = st.columns(4)
    cols[0].metric(t("debts.total_owed"), format_money(owed, lang))
    cols[1].metric(t("debts.total_overdue"), format_money(overdue, lang))
    cols[2].metric(t("debts.total_demand"), format_money(demand, lang))
    capacity = plan.capacity
    cols[3].metric(
        t("debts.capacity"), format_money(capacity, lang) if capacity is not None else "—"
    )
    with st.expander(t("debts.flags_title"), icon=":material/gavel:"):
        for debt in debts:
            st.markdown(f"**{md_escape(debt.creditor)}** · {enum_label(debt.lender_type, lang)}")
            flags = flags_for(debt)
            lines = [f"- {describe_flag(flag, lang)}" for flag in flags]
            st.markdown("\n".join(lines) if lines else t("debts.no_flags"))


def render_picker(plan: PlanInputs) -> DebtAccount | None:
    by_id = {account.id: account for account in plan.accounts}
    if st.session_state.get(PICK_KEY) not in by_id:
        st.session_state[PICK_KEY] = NEW
    st.session_state["debts_pick"] = st.session_state[PICK_KEY]
    labels = {NEW: t("debts.pick_new")} | {i: a.debt.creditor for i, a in by_id.items()}
    st.selectbox(
        t("debts.pick"),
        [NEW, *by_id],
        key="debts_pick",
        format_func=labels.get,
        on_change=lambda: st.session_state.update({PICK_KEY: st.session_state["debts_pick"]}),
    )
    return by_id.get(st.session_state[PICK_KEY])


def render_form(store: Workspace, client_id: int, account: DebtAccount | None, lang: str) -> None:
    st.subheader(t("debts.edit_title" if account else "debts.new_title"))
    scope = f"debt:{client_id}:{account.id if account else 'new'}"
    if account is None:
        draft, seen = open_draft(FORM, scope), 0
    else:
        draft, seen = open_record_draft(FORM, scope, account.version)
        changed_elsewhere_notice(FORM, draft, account.version)
    debt = account.debt if account else None

    def keep(key, default, draw):
        return kept(draft, FORM + key, default, draw)

    def choice(key, label, options, default, container=st):
        return keep(
            key,
            default,
            lambda: container.selectbox(
                label,
                options,
                key=worded(FORM + key),
                format_func=lambda m, lang=lang: enum_label(m, lang),
            ),
        )

    def money(key, label, default, container, **kw):
        return keep(
            key,
            money_text(default),
            lambda: money_input(label, FORM + key, container=container, field=key, **kw),
        )

    st.markdown(f"**{t('debts.section.lender')}**")
    a, b = st.columns(2)
    creditor = keep(
        "creditor",
        debt.creditor if debt else "",
        lambda: a.text_input(t("debts.creditor"), key=FORM + "creditor"),
    )
    lender_type = choice(
        "lender_type",
        t("debts.lender_type"),
        list(LenderType),
        debt.lender_type if debt else LenderType.ONLINE_PLATFORM,
        b,
    )
    a, b, c = st.columns(3)
    product = keep(
        "product",
        debt.product if debt else "",
        lambda: a.text_input(t("debts.product"), key=FORM + "product"),
    )
    contract_number = keep(
        "contract_number",
        account.contract_number if account else "",
        lambda: b.text_input(t("debts.contract_number"), key=FORM + "contract_number"),
    )
    earliest = today().replace(year=today().year - 30)
    contract_date = keep(
        "contract_date",
        debt.contract_date if debt else None,
        lambda: c.date_input(
            t("debts.contract_date"),
            key=FORM + "contract_date",
            max_value=today(),
            min_value=earliest,
            format="YYYY-MM-DD",
        ),
    )

    st.markdown(f"**{t('debts.section.balance')}**")
    a, b, c = st.columns(3)
    outstanding = money(
        "outstanding_principal",
        t("debts.outstanding"),
        debt.outstanding_principal if debt else None,
        a,
    )
    received = money(
        "amount_received",
        t("debts.amount_received"),
        debt.amount_received if debt else None,
        b,
        help=t("debts.amount_received_help"),
    )
    if not st.session_state[FORM + "amount_received"].strip():
        received = None
    accrued = money(
        "accrued_interest_and_penalties",
        t("debts.accrued"),
        debt.accrued_interest_and_penalties if debt else None,
        c,
    )
    a, b, c = st.columns(3)
    original = money(
        "original_principal",
        t("debts.original_principal"),
        debt.original_principal if debt else None,
        a,
        help=t("debts.original_principal_help"),
    )
    if not st.session_state[FORM + "original_principal"].strip():
        original = None
    original_months = keep(
        "original_months",
        str(debt.original_months) if debt and debt.original_months else "",
        lambda: months_input(
            t("debts.original_months"),
            FORM + "original_months",
            container=b,
            field="original_months",
        ),
    )
    c.caption(t("debts.original_note"))
    a, b, c = st.columns(3)
    overdue = money(
        "overdue_amount", t("debts.overdue_amount"), debt.overdue_amount if debt else None, a
    )
    days_overdue = keep(
        "days_overdue",
        debt.days_overdue if debt else 0,
        lambda: b.number_input(
            t("debts.days_overdue"), min_value=0, max_value=36500, step=1, key=FORM + "days_overdue"
        ),
    )
    penalty_rate = keep(
        "penalty_rate",
        percent_text(debt.penalty_rate) if debt else "",
        lambda: percent_input(
            t("debts.penalty_rate"), FORM + "penalty_rate", container=c, field="penalty_rate"
        ),
    )
    a, b, _ = st.columns(3)
    reporting = enum_labels(Reporting, lang)
    reports_credit = keep(
        "reports_credit",
        account.reports_credit if account else Reporting.UNKNOWN,
        lambda: a.selectbox(
            t("field.reports"),
            list(reporting),
            key=worded(FORM + "reports_credit"),
            format_func=reporting.get,
            help=t("credit.reports_help"),
        ),
    )
    saved_since = account.overdue_since if account else None
    overdue_since = keep(
        "overdue_since",
        saved_since,
        lambda: b.date_input(
            t("field.overdue_since"),
            key=FORM + "overdue_since",
            # A saved day outside the usual range (after today: a date to correct) still shows.
            min_value=min(d for d in (earliest, saved_since) if d is not None),
            max_value=max(d for d in (today(), saved_since) if d is not None),
            format="YYYY-MM-DD",
            help=t("pack.debts.overdue_since_help"),
        ),
    )

    st.markdown(f"**{t('debts.section.rate')}**")
    a, b, c = st.columns(3)
    rate_kind = choice(
        "rate_kind",
        t("debts.rate_kind"),
        list(QuoteKind),
        debt.rate_kind if debt else QuoteKind.ANNUAL,
        a,
    )
    quote = keep(
        "rate_quote",
        percent_text(debt.rate_quote) if debt else "",
        lambda: percent_input(
            t("debts.rate_quote"),
            FORM + "rate_quote",
            container=b,
            field="rate_quote",
            maximum=QUOTE_MAXIMUM[rate_kind],
            help=t("debts.rate_quote_help"),
        ),
    )
    day_basis = None
    if rate_kind is QuoteKind.DAILY:
        day_basis = keep(
            "day_basis",
            (debt.day_basis if debt else None) or 360,
            lambda: c.selectbox(t("debts.day_basis"), [360, 365], key=FORM + "day_basis"),
        )
    if rate_kind is QuoteKind.MONTHLY_FEE:
        method = Method.FLAT_FEE
        c.caption(t("debts.method_fee_note"))
    else:
        methods = [m for m in Method if m is not Method.FLAT_FEE]
        default = debt.method if debt and debt.method in methods else Method.EQUAL_INSTALLMENT
        if st.session_state.get(FORM + "method") not in methods:
            st.session_state.pop(FORM + "method", None)
            draft.pop(FORM + "method", None)
        method = choice("method", t("debts.method"), methods, default, c)
    a, b, c = st.columns(3)
    months = keep(
        "remaining_months",
        str(debt.remaining_months) if debt else "",
        lambda: months_input(
            t("debts.remaining_months"),
            FORM + "remaining_months",
            container=a,
            field="remaining_months",
        ),
    )
    next_due = keep(
        "next_due_date",
        debt.next_due_date if debt else None,
        lambda: b.date_input(t("debts.next_due"), key=FORM + "next_due_date", format="YYYY-MM-DD"),
    )
    charges = money(
        "other_monthly_charges",
        t("debts.other_charges"),
        debt.other_monthly_charges if debt else None,
        c,
    )

    values = (outstanding, accrued, overdue, penalty_rate, quote, months, charges)
    typed = bool(creditor.strip() or st.session_state.get(FORM + "outstanding_principal"))
    candidate: DebtAccount | None = None
    problem: Exception | None = None
    if all(v is not None for v in values):
        try:
            candidate = DebtAccount(
                id=account.id if account else None,
                version=seen,
                client_id=client_id,
                contract_number=contract_number,
                official_channels=account.official_channels if account else (),
                notes=account.notes if account else "",
                reports_credit=reports_credit,
                overdue_since=overdue_since,
                debt=Debt(
                    id=account.id if account else None,
                    creditor=creditor,
                    lender_type=lender_type,
                    product=product,
                    contract_date=contract_date,
                    amount_received=received,
                    original_principal=original,
                    original_months=original_months,
                    outstanding_principal=outstanding,
                    overdue_amount=overdue,
                    days_overdue=int(days_overdue),
                    accrued_interest_and_penalties=accrued,
                    penalty_rate=penalty_rate,
                    rate_quote=quote,
                    rate_kind=rate_kind,
                    day_basis=day_basis,
                    other_monthly_charges=charges,
                    method=method,
                    remaining_months=months,
                    next_due_date=next_due,
                ),
            )
        except (ValidationError, CoreError) as exc:
            problem = exc
    if problem is not None and typed:
        show_error(problem)
    if candidate is not None:
        render_preview(candidate.debt, lang)
    unsaved = typed if account is None else candidate != account
    if unsaved:
        st.caption(f":orange[:material/edit: {t('debts.unsaved')}]")
    render_actions(store, account, candidate, unsaved)


def render_preview(debt: Debt, lang: str) -> None:
    with st.container(border=True):
        st.caption(t("debts.preview"))
        cols = st.columns(4)
        cols[0].metric(t("debts.preview_quoted"), format_percent(debt.quoted_annual_rate, lang))
        true_rate = debt.true_annual_rate
        cols[1].metric(
            t("debts.preview_true"),
            format_percent(true_rate, lang) if true_rate is not None else "—",
        )
        cols[2].metric(t("debts.preview_demand"), format_money(debt.monthly_demand, lang))
        cols[3].metric(t("debts.preview_regular"), format_money(debt.regular_payment, lang))
        st.caption(rate_basis_text(debt, lang))
        for flag in flags_for(debt):
            icon = ":material/warning:" if flag.above else ":material/check:"
            st.markdown(f"{icon} {describe_flag(flag, lang)}")


def saved_debt_rows(account: DebtAccount | None) -> list[tuple[str, str]]:
    """The saved debt as a refused form shows it."""
    if account is None:
        return []
    debt, lang = account.debt, current_language()
    return [
        (t("debts.creditor"), debt.creditor),
        (t("debts.product"), debt.product),
        (t("debts.outstanding"), format_money(debt.outstanding_principal, lang)),
        (t("debts.remaining_months"), format_months(debt.remaining_months, lang)),
        (t("field.reports"), enum_label(account.reports_credit, lang)),
        (
            t("field.overdue_since"),
            format_date(account.overdue_since, lang) if account.overdue_since else "—",
        ),
    ]


def render_actions(store, account, candidate, unsaved: bool) -> None:
    save_col, discard_col, delete_col = st.columns(3)
    if save_col.button(
        t("debts.save" if account else "debts.save_new"),
        key="debts_save",
        type="primary",
        icon=":material/save:",
        width="stretch",
        disabled=candidate is None,
    ):
        try:
            saved = (
                services.debts.update(store, actor(), candidate)
                if account
                else services.debts.add(
                    store, actor(), candidate, request_id=request_for("debt", candidate)
                )
            )
        except ChangedElsewhereError as exc:
            show_changed_elsewhere(exc, saved_debt_rows(exc.current))
        except (ValidationError, CoreError, StoreError) as exc:
            show_error(exc)
        else:
            st.session_state[PICK_KEY] = saved.id
            discard_form(FORM)
            st.session_state[FLASH_KEY] = "debts.saved"
            st.rerun()
    if unsaved and discard_col.button(t("debts.discard"), key="debts_discard", width="stretch"):
        discard_form(FORM)
        st.rerun()
    if account is None:
        return
    if delete_col.button(
        t("debts.delete"), key="debts_delete", icon=":material/delete:", width="stretch"
    ):
        st.session_state[DELETE_KEY] = account.id
    if st.session_state.get(DELETE_KEY) != account.id:
        return
    if confirm_delete(
        t("debts.delete_confirm", creditor=md_escape(account.debt.creditor)),
        t("debts.delete_yes"),
        t("debts.delete_no"),
        "debts_delete",
        pending_key=DELETE_KEY,
        delete=lambda: services.debts.delete(store, actor(), account.id, version=account.version),
    ):
        st.session_state[PICK_KEY] = NEW
        discard_form(FORM)
        st.session_state[FLASH_KEY] = "debts.deleted"
        st.rerun()


def render_allocation(plan: PlanInputs, lang: str) -> None:
    st.subheader(t("debts.allocation_title"))
    if plan.capacity is None:
        st.info(t("debts.no_budget"), icon=":material/info:")
        st.page_link("app_pages/affordability.py", label=t("page.affordability"))
        return
    st.session_state["debts_strategy"] = chosen_strategy()
    left, right = st.columns(2)
    strategy = left.radio(
        t("debts.strategy"),
        list(Strategy),
        key="debts_strategy",
        format_func=lambda s, lang=lang: enum_label(s, lang),
        on_change=lambda: st.session_state.update(
            {STRATEGY_KEY: st.session_state["debts_strategy"]}
        ),
    )
    draft = open_draft("debtsplit_", f"split:{plan.budget.id}")
    amount = kept(
        draft,
        "debtsplit_amount",
        money_text(plan.capacity),
        lambda: money_input(
            t("debts.budget_amount"),
            "debtsplit_amount",
            container=right,
            field="monthly_budget",
            help=t("debts.budget_amount_help"),
        ),
    )
    if amount is None:
        return
    allocation = session_memo(
        "debts.allocation",
        (plan.debts_key, str(amount), strategy),
        lambda: allocate_capacity(plan.debts, amount, strategy),
    )
    fitted_table(pd.DataFrame(allocation_rows(allocation, lang)), key="debts_allocation")
    st.caption(describe(allocation.reason, lang))
    render_payoff(plan, amount, strategy, lang)


def render_payoff(plan: PlanInputs, amount: Decimal, strategy: Strategy, lang: str) -> None:
    st.subheader(t("debts.payoff_title"))
    as_of = today()
    try:
        # Once per browser session for the same debts, amount, strategy and day.
        payoff = session_memo(
            "debts.payoff",
            (plan.debts_key, str(amount), strategy, as_of),
            lambda: payoff_plan(plan.debts, amount, strategy, as_of),
        )
    except (ValidationError, CoreError) as exc:
        show_error(exc)
        return
    cols = st.columns(3)
    cols[0].metric(t("debts.debt_free"), format_date(payoff.debt_free_date, lang))
    cols[1].metric(t("debts.payoff_months"), format_months(payoff.month_count, lang))
    cols[2].metric(
        t("debts.total_interest"), format_money(payoff.total_interest + payoff.total_fees, lang)
    )
    texts = {k: t(f"debts.chart.{k}") for k in ("title", "x", "y", "total")}
    creditors = [d.creditor for d in plan.debts]
    opening = [d.opening_balance for d in plan.debts]
    # Built once per browser session for the same debts, amount, strategy, day and language.
    key = (plan.debts_key, str(amount), strategy, as_of, lang)
    figure = session_memo(
        "debts.payoff_chart", key, lambda: payoff_chart(payoff, creditors, opening, texts)
    )
    st.plotly_chart(
        figure,
        config=plotly_config("payoff"),
        key="debts_payoff_chart",
    )


def main() -> None:
    opened = open_client_page("debts", FLASH_KEY)
    if opened is None:
        return
    store, client = opened
    lang = current_language()
    as_of = today()
    plan = load_plan(store, client.id, as_of)
    # Read before the payoff chart is drawn: the browser lays the page out once, at its end,
    # instead of drawing the chart while the legal section still waits on the store.
    legal = read_legal(store, client.id, as_of)
    render_overview(plan, lang)
    allocation = None
    if plan.debts:
        render_credit_record(plan.accounts, as_of, lang)
        allocation = st.container()  # filled last: see below
    st.divider()
    account = render_picker(plan)
    render_form(store, client.id, account, lang)
    render_legal(store, client.id, as_of, lang, legal)  # legal steps and deadlines per debt
    st.divider()
    render_import(store, client.id, lang)  # many debts at once, from a lender's export
    if allocation is not None:
        # The payoff chart is the costliest thing for the browser to draw: drawn into its
        # place last, it reaches the browser with the end of the run, so the page is laid out
        # once instead of the chart being drawn while the forms below are still coming.
        with allocation:
            render_allocation(plan, lang)


main()
