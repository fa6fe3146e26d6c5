"""What the planning pages load and tabulate: a client's debts and budget, the capacity split.

The Proposals page reuses :func:`load_plan` and :func:`allocated_share` for "this debt's
allocated share of the capacity".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cached_property

import streamlit as st

import services
from core.allocation import Allocation, Strategy, allocate_capacity
from core.calls import DebtAccount
from core.debts import Debt, RateBasis
from core.rates import QuoteKind
from core.rules.rate_lines import RateFlag, debt_rate_flags
from i18n import format_money, format_percent, translate
from services import BudgetVersion, Workspace
from ui.state import actor

#: Durable key: the allocation strategy chosen on the Debts page (a ``Strategy`` value).
STRATEGY_KEY = "allocation_strategy"


@dataclass(frozen=True)
class PlanInputs:
    """A client's debts, their budget in force on ``as_of`` and the capacity it leaves."""

    accounts: tuple[DebtAccount, ...]
    budget: BudgetVersion | None

    @property
    def debts(self) -> list[Debt]:
        return [account.debt for account in self.accounts]

    @property
    def capacity(self) -> Decimal | None:
        return self.budget.budget.capacity if self.budget else None

    @cached_property
    def debts_key(self) -> tuple[str, ...]:
        """The debts as they stand, as a memo key (what they are worth; not their ids)."""
        return tuple(debt.model_dump_json() for debt in self.debts)


def load_plan(store: Workspace, client_id: int, as_of: date) -> PlanInputs:
    accounts = tuple(services.debts.list_for_client(store, actor(), client_id))
    return PlanInputs(
        accounts=accounts, budget=services.budgets.current(store, actor(), client_id, on=as_of)
    )


def chosen_strategy() -> Strategy:
    return Strategy(st.session_state.get(STRATEGY_KEY, Strategy.PRO_RATA))


def allocated_share(plan: PlanInputs, debt_id: int, capacity: Decimal | None = None) -> Decimal:
    """The share of the capacity (or ``capacity``) that goes to ``debt_id`` by the chosen split."""
    amount = plan.capacity if capacity is None else capacity
    if amount is None:
        return Decimal("0.00")
    allocation = allocate_capacity(plan.debts, amount, chosen_strategy())
    return next(share.amount for share in allocation.shares if share.debt_id == debt_id)


def flags_for(debt: Debt) -> tuple[RateFlag, ...]:
    """The rate lines that apply to ``debt``'s true annualized rate and its penalty rate."""
    return debt_rate_flags(debt)


def rate_basis_text(debt: Debt, lang: str) -> str:
    """What the true annualized rate was computed from, in a sentence."""
    params = {}
    if debt.rate_basis is RateBasis.ORIGINAL_LOAN:
        principal = debt.original_principal or Decimal("0")
        params = {
            "principal": format_money(principal, lang),
            "n": debt.original_months,
            "received": format_money(debt.amount_received or principal, lang),
        }
    elif debt.rate_basis is RateBasis.REGULAR_SCHEDULE:
        params = {
            "current": format_money(debt.outstanding_principal - debt.overdue_principal, lang),
            "n": debt.remaining_months,
            "payment": format_money(debt.regular_payment, lang),
        }
    return translate(f"debts.basis.{debt.rate_basis.value}", lang, **params)


def flag_summary(flags: tuple[RateFlag, ...], lang: str) -> str:
    """One cell: each rate above its line ("⚠ 罚息超过 24.00%"), else within / unknown."""
    above = [
        translate(
            "debts.flag.above",
            lang,
            what=translate(f"debts.flag.what.{f.subject.value}", lang),
            line=format_percent(f.threshold, lang),
        )
        for f in flags
        if f.above and f.threshold is not None
    ]
    if above:
        return translate("debts.flag.separator", lang).join(above)
    if any(f.above is None for f in flags):
        return translate("debts.flag.unknown", lang)
    return translate("debts.flag.within" if flags else "debts.flag.none", lang)


def quote_text(debt: Debt, lang: str) -> str:
    """The rate as the lender quoted it: "日利率 0.065%（365 天）"."""
    digits = 3 if debt.rate_kind is QuoteKind.DAILY else 2
    rate = format_percent(debt.rate_quote, lang, digits=digits)
    return translate(f"debts.quote.{debt.rate_kind.value}", lang, rate=rate, basis=debt.day_basis)


def debt_rows(debts: list[Debt], lang: str) -> list[dict]:
    col = {
        name: translate(f"debts.col.{name}", lang)
        for name in (
            "creditor",
            "owed",
            "overdue",
            "quoted",
            "quoted_annual",
            "true_rate",
            "flag",
            "demand",
            "months",
        )
    }
    rows = []
    for debt in debts:
        true_rate = debt.true_annual_rate
        overdue = "—"
        if debt.overdue_principal > 0:
            overdue = translate(
                "debts.overdue_days",
                lang,
                amount=format_money(debt.overdue_principal, lang),
                n=debt.days_overdue,
            )
        rows.append(
            {
                col["creditor"]: debt.creditor,
                col["owed"]: format_money(debt.opening_balance, lang),
                col["overdue"]: overdue,
                col["quoted"]: quote_text(debt, lang),
                col["quoted_annual"]: format_percent(debt.quoted_annual_rate, lang),
                col["true_rate"]: format_percent(true_rate, lang) if true_rate is not None else "—",
                col["flag"]: flag_summary(flags_for(debt), lang),
                col["demand"]: format_money(debt.monthly_demand, lang),
                col["months"]: debt.remaining_months,
            }
        )
    return rows


def allocation_rows(allocation: Allocation, lang: str) -> list[dict]:
    col = {n: translate(f"debts.col.{n}", lang) for n in ("creditor", "minimum", "share", "covers")}
    return [
        {
            col["creditor"]: share.creditor,
            col["minimum"]: format_money(share.minimum, lang),
            col["share"]: format_money(share.amount, lang),
            col["covers"]: translate(
                "debts.covers.yes" if share.covers_minimum else "debts.covers.no", lang
            ),
        }
        for share in allocation.shares
    ]
