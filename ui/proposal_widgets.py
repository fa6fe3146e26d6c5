"""Pieces of the proposal comparison page: the parameter inputs, the table and the labels.

Inputs are read into core proposal models (:func:`proposal_inputs`); a bad value shows an inline
message under its field and leaves that proposal out. Figures in the table come from
``core.proposals`` unchanged, formatted by ``ui.format``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pandas as pd
import streamlit as st
from pydantic import ValidationError

from core.agreement import first_due_date, plan_starting_on
from core.calls import DebtAccount
from core.errors import CoreError
from core.money import to_rate
from core.plans import Plan, spread_evenly
from core.proposals import (
    Combination,
    Comparison,
    DownPayment,
    InterestWaiver,
    LumpSumSettlement,
    MinimumPlan,
    PrincipalFirst,
    Proposal,
    ProposalKind,
    ProposalResult,
    StopInterest,
    TermExtension,
)
from core.rules.credit_record import (
    CreditClock,
    Reporting,
    amount_past_due,
    clock_for_plan,
)
from core.schedules import add_months
from i18n import format_date, format_money, format_months, format_percent, md_escape, translate
from services import ProposalSettings
from ui.errors import show_error
from ui.i18n import t, worded

#: The kinds a counselor can pick; the contract itself (baseline) is always compared.
KIND_CHOICES = (
    ProposalKind.TERM_EXTENSION,
    ProposalKind.INTEREST_WAIVER,
    ProposalKind.LUMP_SUM_SETTLEMENT,
    ProposalKind.COMBINATION,
    ProposalKind.STOP_INTEREST,
    ProposalKind.PRINCIPAL_FIRST,
    ProposalKind.DOWN_PAYMENT,
)
DEFAULT_KINDS = KIND_CHOICES[:3]
MAX_TERM = 60
MAX_PARTS = 3
_USES_WAIVER = {
    ProposalKind.INTEREST_WAIVER,
    ProposalKind.COMBINATION,
    ProposalKind.STOP_INTEREST,
    ProposalKind.PRINCIPAL_FIRST,
}
_USES_RATE = {ProposalKind.INTEREST_WAIVER, ProposalKind.COMBINATION}


def kind_label(kind: ProposalKind | str, lang: str) -> str:
    return translate(f"proposals.kind.{ProposalKind(kind).value}", lang)


def debt_label(account: DebtAccount, lang: str) -> str:
    debt = account.debt
    name = f"{debt.creditor} · {debt.product}" if debt.product else debt.creditor
    return f"{name} · {format_money(debt.opening_balance, lang)}"


def proposal_label(proposal: Proposal, lang: str) -> str:
    """The kind and its main parameters, e.g. "Term extension · 36 months"."""
    details = []
    months = getattr(proposal, "months", None)
    if months is not None:
        details.append(format_months(months, lang))
    share = getattr(proposal, "waiver_share", Decimal("0"))
    if share > 0:
        details.append(
            translate("proposals.detail.waiver", lang, share=format_percent(share, lang, 0))
        )
    if isinstance(proposal, DownPayment):
        details.append(
            translate("proposals.detail.down", lang, amount=format_money(proposal.amount, lang))
        )
    if isinstance(proposal, LumpSumSettlement):
        details.append(format_money(proposal.total, lang))
        if len(proposal.parts) > 1:
            details.append(translate("proposals.detail.parts", lang, n=len(proposal.parts)))
    return " · ".join([kind_label(proposal.kind, lang), *details])


# --- inputs ---------------------------------------------------------------------------


def _waiver_input(column) -> Decimal | None:
    st.session_state.setdefault("proposals.waiver", "50")
    text = column.text_input(
        t("proposals.input.waiver"), key="proposals.waiver", help=t("proposals.help.waiver")
    )
    try:
        return to_rate(text or "0", "waiver_share", maximum=Decimal("100")) / 100
    except CoreError:
        column.error(t("proposals.error.waiver"), icon=":material/error:")
        return None


def _rate_input(column) -> tuple[bool, Decimal | None]:
    """A new annual rate, optional: ``(True, None)`` when left empty, ``(False, _)`` if invalid."""
    text = column.text_input(
        t("proposals.input.rate"),
        key="proposals.rate",
        placeholder=t("proposals.placeholder.rate"),
        help=t("proposals.help.rate"),
    )
    if not (text or "").strip():
        return True, None
    try:
        return True, to_rate(text, "annual_rate", maximum=Decimal("100")) / 100
    except CoreError:
        column.error(t("proposals.error.rate"), icon=":material/error:")
        return False, None


def _money_field(column, label: str, key: str, default: Decimal) -> Decimal | None:
    from core.money import to_money

    if key not in st.session_state:
        st.session_state[key] = f"{default:,.2f}"
    text = column.text_input(label, key=key)
    try:
        return to_money(text or "0", "amount", positive=True)
    except CoreError:
        column.error(t("proposals.error.amount"), icon=":material/error:")
        return None


def _settlement_parts(column, total: Decimal | None, as_of: date) -> list[dict] | None:
    count = column.radio(
        t("proposals.input.parts"),
        options=list(range(1, MAX_PARTS + 1)),
        key="proposals.settle_parts",
        horizontal=True,
    )
    days = []
    ok = True
    for i in range(count):
        key = f"proposals.settle_date.{i}"
        st.session_state.setdefault(key, add_months(as_of, i + 1))
        day = column.date_input(t("proposals.input.part_date", n=i + 1), key=key)
        if day < as_of:
            column.error(t("proposals.error.past_date"), icon=":material/error:")
            ok = False
        days.append(day)
    if ok and days != sorted(days):
        column.error(t("proposals.error.date_order"), icon=":material/error:")
        ok = False
    if not ok or total is None:
        return None
    amounts = spread_evenly(total, count)
    return [{"amount": a, "due_date": d} for a, d in zip(amounts, days, strict=True)]


def default_term(account: DebtAccount) -> int:
    return max(12, min(MAX_TERM, 2 * account.debt.remaining_months))


# --- settings remembered per client and debt -----------------------------------------------

#: Durable key: the client and debt ("client:debt") the inputs were last seeded for.
SETTINGS_SCOPE_KEY = "proposals_settings_scope"
#: Durable key: the scope whose saved settings filled the inputs (a caption says so).
SETTINGS_RESTORED_KEY = "proposals_settings_restored"
FIRST_DUE_KEY = "proposals.first_due"
#: The widget keys the settings fill.
SETTING_KEYS = (
    "proposals.kinds",
    "proposals.months",
    "proposals.waiver",
    "proposals.rate",
    "proposals.down",
    "proposals.settle_amount",
    "proposals.settle_parts",
    *(f"proposals.settle_date.{i}" for i in range(MAX_PARTS)),
    FIRST_DUE_KEY,
)


def _percent_text(share: Decimal) -> str:
    """``0.6`` as the text a counselor types for 60 %: ``"60"``."""
    return format((share * 100).normalize(), "f")


def setting_seeds(settings: ProposalSettings, as_of: date) -> dict[str, object]:
    """The widget values ``settings`` stand for; a date already past is left to its default."""
    seeds: dict[str, object] = {}
    kinds = [kind.value for kind in settings.kinds if kind in KIND_CHOICES]
    if kinds:
        seeds["proposals.kinds"] = kinds
    if settings.months is not None:
        seeds["proposals.months"] = max(1, min(MAX_TERM, settings.months))
    if settings.waiver_share is not None:
        seeds["proposals.waiver"] = _percent_text(settings.waiver_share)
    if settings.annual_rate is not None:
        seeds["proposals.rate"] = _percent_text(settings.annual_rate)
    if settings.down_payment is not None:
        seeds["proposals.down"] = f"{settings.down_payment:,.2f}"
    if settings.settlement_total is not None:
        seeds["proposals.settle_amount"] = f"{settings.settlement_total:,.2f}"
    dates = settings.settlement_dates
    if dates and all(day >= as_of for day in dates):
        seeds["proposals.settle_parts"] = len(dates)
        seeds.update({f"proposals.settle_date.{i}": day for i, day in enumerate(dates)})
    if settings.first_due is not None and settings.first_due >= as_of:
        seeds[FIRST_DUE_KEY] = settings.first_due
    return seeds


def restore_settings(saved: ProposalSettings | None, scope: str, as_of: date) -> bool:
    """Fill the inputs with the settings saved for ``scope`` (the client and debt), in a new
    session too; another client or debt starts again from its own. An input already drawn
    keeps what the counselor set. True when saved settings are in use."""
    state = st.session_state
    if state.get(SETTINGS_SCOPE_KEY) != scope:
        for key in SETTING_KEYS:
            state.pop(key, None)
        state[SETTINGS_SCOPE_KEY] = scope
        state.pop(SETTINGS_RESTORED_KEY, None)
    if saved is None:
        return False
    for key, value in setting_seeds(saved, as_of).items():
        if key not in state:
            state[key] = value
            state[SETTINGS_RESTORED_KEY] = scope
    return state.get(SETTINGS_RESTORED_KEY) == scope


def _first_due_input(column, account: DebtAccount, as_of: date) -> date:
    """The first installment's date: the contract's due day by default, editable."""
    default = first_due_date(account.debt, as_of)
    kept = st.session_state.get(FIRST_DUE_KEY)
    if not isinstance(kept, date) or kept < as_of:
        st.session_state[FIRST_DUE_KEY] = default
    lang = _lang()
    help_text = (
        t("followups.first_due_help", date=format_date(default, lang))
        if account.debt.next_due_date is not None
        else t("followups.first_due_help_none")
    )
    chosen = column.date_input(
        t("followups.first_due"),
        key=FIRST_DUE_KEY,
        min_value=as_of,
        format="YYYY-MM-DD",
        help=help_text,
    )
    return chosen if isinstance(chosen, date) else default


def proposal_inputs(account: DebtAccount, as_of: date) -> tuple[list[Proposal], ProposalSettings]:
    """Draw the kind picker and the parameters the picked kinds need; return the valid proposals
    and the settings as they stand (kept with a proposal when it is saved)."""
    debt = account.debt
    lang = _lang()  # bound now: format_func may be called outside the script run
    kinds_col, months_col = st.columns([3, 2])
    st.session_state.setdefault("proposals.kinds", [kind.value for kind in DEFAULT_KINDS])
    kinds = kinds_col.multiselect(
        t("proposals.input.kinds"),
        options=[kind.value for kind in KIND_CHOICES],
        key=worded("proposals.kinds"),
        format_func=lambda kind: translate(f"proposals.kind.{kind}", lang),
        placeholder=t("proposals.input.kinds_placeholder"),
        select_all=False,  # its label is English only
    )
    kinds = [ProposalKind(kind) for kind in kinds]
    st.session_state.setdefault("proposals.months", default_term(account))
    months = months_col.slider(
        t("proposals.input.months"),
        min_value=1,
        max_value=MAX_TERM,
        key="proposals.months",
        help=t("proposals.help.months"),
    )
    first_due = _first_due_input(months_col, account, as_of)
    rates_col, amounts_col, parts_col = st.columns(3)
    waiver = _waiver_input(rates_col) if _USES_WAIVER & set(kinds) else Decimal("0")
    rate_ok, rate = _rate_input(rates_col) if _USES_RATE & set(kinds) else (True, None)
    down = None
    if ProposalKind.DOWN_PAYMENT in kinds:
        default = (debt.opening_balance / 10).quantize(Decimal("1"))
        down = _money_field(amounts_col, t("proposals.input.down"), "proposals.down", default)
    parts = None
    total = None
    if ProposalKind.LUMP_SUM_SETTLEMENT in kinds:
        default = (debt.opening_balance * Decimal("0.6")).quantize(Decimal("1"))
        total = _money_field(
            amounts_col, t("proposals.input.settle_amount"), "proposals.settle_amount", default
        )
        parts = _settlement_parts(parts_col, total, as_of)
    settings = _settings(
        kinds,
        months,
        waiver if _USES_WAIVER & set(kinds) else None,
        rate,
        down,
        total,
        parts,
        first_due,
    )

    builders = {
        ProposalKind.TERM_EXTENSION: lambda: TermExtension(months=months),
        ProposalKind.INTEREST_WAIVER: lambda: InterestWaiver(waiver_share=waiver, annual_rate=rate),
        ProposalKind.COMBINATION: lambda: Combination(
            months=months, waiver_share=waiver, annual_rate=rate
        ),
        ProposalKind.STOP_INTEREST: lambda: StopInterest(months=months, waiver_share=waiver),
        ProposalKind.PRINCIPAL_FIRST: lambda: PrincipalFirst(months=months, waiver_share=waiver),
        ProposalKind.DOWN_PAYMENT: lambda: DownPayment(amount=down, months=months),
        ProposalKind.LUMP_SUM_SETTLEMENT: lambda: LumpSumSettlement(parts=parts),
    }
    proposals: list[Proposal] = []
    for kind in kinds:
        if kind in _USES_WAIVER and waiver is None:
            continue
        if kind in _USES_RATE and not rate_ok:
            continue
        if kind is ProposalKind.DOWN_PAYMENT and down is None:
            continue
        if kind is ProposalKind.LUMP_SUM_SETTLEMENT and parts is None:
            continue
        try:
            proposals.append(builders[kind]())
        except (ValidationError, CoreError) as exc:
            st.markdown(f"**{kind_label(kind, _lang())}**")
            show_error(exc)
    return proposals, settings


def _settings(
    kinds: list[ProposalKind],
    months: int,
    waiver: Decimal | None,
    rate: Decimal | None,
    down: Decimal | None,
    total: Decimal | None,
    parts: list[dict] | None,
    first_due: date,
) -> ProposalSettings:
    """The settings drawn now; a value left out (invalid, or of a kind not picked) is None."""
    try:
        return ProposalSettings(
            kinds=tuple(kinds),
            months=months,
            waiver_share=waiver,
            annual_rate=rate,
            down_payment=down,
            settlement_total=total,
            settlement_dates=tuple(part["due_date"] for part in parts or ()),
            first_due=first_due,
        )
    except (ValidationError, CoreError):
        return ProposalSettings(kinds=tuple(kinds), first_due=first_due)


def _lang() -> str:
    from ui.i18n import current_language

    return current_language()


# --- results --------------------------------------------------------------------------


def rows_compared(
    comparison: Comparison, minimum: MinimumPlan | None = None
) -> list[tuple[ProposalResult, bool]]:
    """The rows to show (core's ``Comparison.rows``), each with whether it is the minimum plan
    (always shown, last, when it fits)."""
    listed = len(comparison.results)
    return [(result, index == listed) for index, result in enumerate(comparison.rows)]


def row_label(result: ProposalResult, is_minimum: bool, lang: str) -> str:
    if is_minimum:
        return translate("proposals.minimum_label", lang, months=format_months(result.months, lang))
    return proposal_label(result.proposal, lang)


def cost_text(result: ProposalResult, lang: str) -> str:
    """What the plan costs beyond what is owed today; a waiver when it repays less."""
    if result.waived_of_owed > 0:
        return translate(
            "proposals.cost.waiver",
            lang,
            amount=format_money(result.waived_of_owed, lang),
            share=format_percent(result.waived_share, lang),
        )
    return format_money(result.cost_beyond_owed, lang)


def against_contract_text(result: ProposalResult, lang: str) -> str:
    """Against the contract as it stands: "少还 ¥X", or "多还 ¥X" — never a negative saving."""
    if result.kind is ProposalKind.BASELINE:
        return "—"
    if result.saving < 0:
        return translate("proposals.vs.more", lang, amount=format_money(-result.saving, lang))
    return translate("proposals.vs.less", lang, amount=format_money(result.saving, lang))


def results_table(comparison: Comparison, minimum: MinimumPlan | None, lang: str) -> pd.DataFrame:
    """One row per proposal with core's figures, formatted; the recommended one starred."""
    records = []
    for index, (result, is_minimum) in enumerate(rows_compared(comparison, minimum)):
        name = row_label(result, is_minimum, lang)
        if index == comparison.recommended:
            name = f"★ {name}"
        rate = result.rate_on_owed
        records.append(
            {
                translate("proposals.col.proposal", lang): name,
                translate("proposals.col.payment", lang): format_money(
                    result.highest_payment, lang
                ),
                translate("proposals.col.months", lang): result.months,
                translate("proposals.col.total", lang): format_money(result.total_paid, lang),
                translate("proposals.col.cost", lang): cost_text(result, lang),
                translate("proposals.col.rate", lang): "—"
                if rate is None
                else format_percent(rate, lang),
                translate("proposals.col.saving", lang): against_contract_text(result, lang),
                translate("proposals.col.affordable", lang): translate(
                    "proposals.yes" if result.affordable else "proposals.no", lang
                ),
            }
        )
    return pd.DataFrame.from_records(records)


# --- the credit-record clock under each plan -------------------------------------------------


def is_overdue(account: DebtAccount) -> bool:
    """Whether the debt is overdue, as its clock on the Debts page counts it
    (:func:`services.debts.credit_clock`): a day it went overdue was entered, or days or an
    amount overdue are recorded (:func:`core.rules.credit_record.overdue_since`)."""
    debt = account.debt
    return account.overdue_since is not None or debt.days_overdue > 0 or debt.overdue_amount > 0


def past_due_waived(kind: ProposalKind | str, forgiven: Decimal) -> Decimal:
    """What a plan waives of the amount past due, given what it forgives of what is owed.

    A waiver of interest and penalties (interest waiver, 停息挂账, principal first…) forgives
    accrued amounts, which are past due: all of it comes off. A settlement forgives what is
    left once its payments are made; as payments clear the oldest amounts first (the rule of
    :mod:`core.rules.credit_record`), what it forgives is the newest, not what is past due:
    nothing comes off, and the overdue ends with the payment that reaches it (or, paying less,
    with its last one).
    """
    if ProposalKind(kind) is ProposalKind.LUMP_SUM_SETTLEMENT:
        return Decimal("0")
    return forgiven


def plan_clock(
    account: DebtAccount, plan: Plan, waived: Decimal, kind: ProposalKind | str | None = None
) -> CreditClock | None:
    """Under ``plan`` (of a proposal of ``kind`` forgiving ``waived`` of what is owed), when
    the overdue would be cleared and its record end: :func:`core.rules.credit_record.
    clock_for_plan` with what is past due on the debt less what the plan waives of it
    (:func:`past_due_waived`). ``None`` when the debt is not overdue or its lender does not
    report; a plan whose clearing payment has no date is core's ``CoreError``."""
    if not is_overdue(account):
        return None
    if kind is not None:
        waived = past_due_waived(kind, waived)
    past_due = amount_past_due(account.debt, waived)
    return clock_for_plan(account.reports_credit, plan, past_due, account.overdue_since)


def clock_text(clock: CreditClock, lang: str, *, flag_unknown: bool = True) -> str:
    """The estimate in words (dates only: no user text); when the lender's reporting is not
    known and ``flag_unknown``, followed by the sentence saying the date is only a guide."""
    words = translate(
        "credit.clock.under_plan",
        lang,
        cleared=format_date(clock.overdue_ends_on, lang),
        end=format_date(clock.record_ends_on, lang),
    )
    if flag_unknown and clock.reports is Reporting.UNKNOWN:
        gap = "" if lang == "zh-CN" else " "
        words = f"{words}{gap}{translate('credit.clock.reporting_unknown', lang)}"
    return words


def result_plan(result: ProposalResult, as_of: date | None, first_due: date | None) -> Plan:
    """The plan of ``result`` as it would be saved: its monthly payments from ``first_due``
    when one is chosen (the contract itself keeps its own dates)."""
    if first_due is None or as_of is None or result.kind is ProposalKind.BASELINE:
        return result.plan
    return plan_starting_on(result.proposal, result.plan, as_of, first_due)


def credit_line(
    account: DebtAccount,
    result: ProposalResult,
    lang: str,
    *,
    as_of: date | None = None,
    first_due: date | None = None,
    flag_unknown: bool = True,
) -> str | None:
    """The estimated end of the late-payment record under one proposal, in words; ``None``
    when the debt is not overdue or its lender does not report. Pass ``as_of`` and
    ``first_due`` (the page's first installment date) to date the plan as it would be saved.
    """
    try:
        plan = result_plan(result, as_of, first_due)
        clock = plan_clock(account, plan, result.forgiven, result.kind)
    except CoreError:
        return translate("credit_plan.undated", lang)
    if clock is None:
        return None
    return clock_text(clock, lang, flag_unknown=flag_unknown)


def credit_lines(
    account: DebtAccount,
    comparison: Comparison,
    minimum: MinimumPlan | None,
    lang: str,
    *,
    as_of: date | None = None,
    first_due: date | None = None,
) -> list[str]:
    """One Markdown line per row of the comparison: its label (escaped) and its estimate."""
    lines = []
    for result, is_minimum in rows_compared(comparison, minimum):
        words = credit_line(
            account, result, lang, as_of=as_of, first_due=first_due, flag_unknown=False
        )
        if words is not None:
            label = md_escape(row_label(result, is_minimum, lang))
            lines.append(translate("credit_plan.line", lang, plan=f"**{label}**", clock=words))
    return lines


def show_credit_clocks(
    account: DebtAccount,
    comparison: Comparison,
    minimum: MinimumPlan | None,
    lang: str,
    *,
    as_of: date | None = None,
    first_due: date | None = None,
) -> None:
    """Under the comparison: when the late-payment record would end under each proposal, how
    that is estimated, and that it is only a guide while the lender's reporting is unknown.
    Nothing when the debt is not overdue or its lender does not report."""
    lines = credit_lines(account, comparison, minimum, lang, as_of=as_of, first_due=first_due)
    if not lines:
        return
    with st.container(border=True, key="proposals_credit_clocks"):
        st.markdown(f"**{translate('credit_plan.title', lang)}**")
        st.markdown("\n".join(f"- {line}" for line in lines))
        if account.reports_credit is Reporting.UNKNOWN:
            st.caption(translate("credit.clock.reporting_unknown", lang))
        st.caption(translate("credit.clock.under_plan_basis", lang))
