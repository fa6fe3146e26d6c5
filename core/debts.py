"""A debt as the counselor records it, and what its contract demands as it stands.

The balances
------------
``outstanding_principal`` is all principal still owed, overdue principal included.
``overdue_amount`` is the overdue part of it (shown to the client, never added a second
time); any interest inside overdue installments belongs in ``accrued_interest_and_penalties``,
the separate balance of interest and penalties accrued by ``as_of`` that waivers act on.

The rate
--------
The rate is kept as the lender quoted it (``rate_quote``, ``rate_kind``, ``day_basis``) and
turned into a nominal annual rate with :func:`core.rates.annual_rate_from`. A monthly fee
quote (月费率) is not an interest rate: it goes with the ``flat_fee`` method, where the fee is
charged on the principal every month and the interest rate is 0.

The baseline (the contract as it stands)
----------------------------------------
:func:`baseline_plan` is what the contract demands if nothing is negotiated:

- the principal not yet due is repaid by the contract's method, rate and fee over
  ``remaining_months``, the first payment on ``next_due_date`` (else a month after
  ``as_of``); ``other_monthly_charges`` are paid with every monthly payment;
- everything overdue is due now. **Stated assumption:** it is paid with the first payment, so
  the first payment also carries the overdue principal, all accrued interest and penalties,
  and one month of penalty interest (罚息) on the overdue principal:
  ``round(overdue principal × penalty_rate / 12)``. After it the account is current and no
  further penalty accrues. When ``remaining_months`` is 0 the term has ended and the whole
  principal is overdue.

Example: 12,000 at 18 % over 18 months, nothing overdue, pays 765.67 a month.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from enum import StrEnum
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from core.errors import CoreError, InvalidAmountError, InvalidRateError
from core.limits import MAX_CREDITOR_LENGTH, MAX_DAYS_OVERDUE, MAX_MONTHS, MAX_PRODUCT_LENGTH
from core.money import (
    ZERO_MONEY,
    AnnualRate,
    Money,
    calc_context,
    round_fen,
    to_decimal,
)
from core.plans import Plan, PlanRow
from core.rates import QuoteKind, annual_rate_from
from core.schedules import LoanTerms, Method, add_months, schedule_for


class LenderType(StrEnum):
    BANK_CREDIT_CARD = "bank_credit_card"  # 银行信用卡
    BANK_LOAN = "bank_loan"  # 银行贷款
    CONSUMER_FINANCE = "consumer_finance"  # 消费金融公司
    ONLINE_PLATFORM = "online_platform"  # 网络借贷平台
    MICROLOAN = "microloan"  # 小额贷款公司
    OTHER = "other"  # 其他（含民间借贷）


#: Lenders that hold a financial licence; the private-lending rate caps do not bind them.
LICENSED_LENDERS = frozenset(
    {
        LenderType.BANK_CREDIT_CARD,
        LenderType.BANK_LOAN,
        LenderType.CONSUMER_FINANCE,
        LenderType.ONLINE_PLATFORM,
        LenderType.MICROLOAN,
    }
)


#: Figures derived from the whole contract plan, cached on each :class:`Debt`.
DERIVED = ("contract_plan", "monthly_demand", "regular_payment", "true_annual_rate")


class Debt(BaseModel):
    """One debt of a client; see the module docstring for the balances and the baseline."""

    model_config = ConfigDict(frozen=True)

    id: int | None = None
    creditor: str = Field(min_length=1, max_length=MAX_CREDITOR_LENGTH)
    lender_type: LenderType = LenderType.OTHER
    product: str = Field(default="", max_length=MAX_PRODUCT_LENGTH)
    contract_date: date | None = None
    amount_received: Money | None = None
    outstanding_principal: Money
    overdue_amount: Money = ZERO_MONEY
    days_overdue: int = Field(default=0, ge=0, le=MAX_DAYS_OVERDUE)
    accrued_interest_and_penalties: Money = ZERO_MONEY
    penalty_rate: AnnualRate = Decimal("0")
    rate_quote: Decimal = Decimal("0")
    rate_kind: QuoteKind = QuoteKind.ANNUAL
    day_basis: int | None = None
    other_monthly_charges: Money = ZERO_MONEY
    method: Method = Method.EQUAL_INSTALLMENT
    remaining_months: int = Field(ge=0, le=MAX_MONTHS)
    next_due_date: date | None = None

    @field_validator("creditor", "product", mode="before")
    @classmethod
    def _strip(cls, value: object) -> object:
        return value.strip() if isinstance(value, str) else value

    @field_validator("rate_quote", mode="before")
    @classmethod
    def _quote_is_a_number(cls, value: object) -> Decimal:
        return to_decimal(value, "rate_quote")

    @model_validator(mode="after")
    def _consistent(self) -> Debt:
        if self.outstanding_principal + self.accrued_interest_and_penalties == 0:
            raise InvalidAmountError(
                "outstanding_principal", "nothing is owed: principal and accrued are both 0"
            )
        try:
            _ = self.quoted_annual_rate
        except CoreError as exc:
            field = "day_basis" if exc.field == "day_basis" else "rate_quote"
            raise type(exc)(field, exc.message, code=exc.code, params=exc.params) from None
        is_fee = self.rate_kind is QuoteKind.MONTHLY_FEE
        if is_fee and self.method is not Method.FLAT_FEE and self.rate_quote != 0:
            raise InvalidRateError("method", "a monthly fee quote needs the flat_fee method")
        if self.method is Method.FLAT_FEE and not is_fee and self.annual_rate != 0:
            raise InvalidRateError(
                "rate_kind", "the flat_fee method is priced by a monthly fee quote (monthly_fee)"
            )
        return self

    # The contract's plan and the figures read from it are built once per debt value and kept
    # on the (frozen) instance; a copy with changed fields starts without them.
    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Debt:
        copied = super().model_copy(update=update, deep=deep)
        if update:
            for name in DERIVED:
                copied.__dict__.pop(name, None)
        return copied

    # --- the rate -------------------------------------------------------------------

    @property
    def annual_rate(self) -> Decimal:
        """The nominal annual interest rate the schedule charges (0 for a monthly fee quote)."""
        if self.rate_kind is QuoteKind.MONTHLY_FEE:
            return Decimal("0")
        return annual_rate_from(self.rate_quote, self.rate_kind, day_basis=self.day_basis)

    @property
    def monthly_fee_rate(self) -> Decimal:
        """The monthly fee rate charged on the principal (0 unless quoted as a monthly fee)."""
        return self.rate_quote if self.rate_kind is QuoteKind.MONTHLY_FEE else Decimal("0")

    @property
    def quoted_annual_rate(self) -> Decimal:
        """The quote as a nominal annual rate; a fee quote as its annualized rate over the term."""
        months = max(self.remaining_months, 1)
        return annual_rate_from(
            self.rate_quote, self.rate_kind, day_basis=self.day_basis, months=months
        )

    # --- the baseline ---------------------------------------------------------------

    @property
    def overdue_principal(self) -> Decimal:
        """Principal due now: the overdue amount (at most the principal), all of it past term."""
        if self.remaining_months == 0:
            return self.outstanding_principal
        return min(self.overdue_amount, self.outstanding_principal)

    @property
    def opening_balance(self) -> Decimal:
        """What is owed at ``as_of``: principal plus accrued interest and penalties."""
        return self.outstanding_principal + self.accrued_interest_and_penalties

    @cached_property
    def contract_plan(self) -> Plan:
        """The baseline without dates (see :func:`baseline_plan`)."""
        return _baseline(self, None)

    @cached_property
    def monthly_demand(self) -> Decimal:
        """What the contract demands with the next payment, overdue amounts included."""
        return self.contract_plan.first_payment

    @cached_property
    def regular_payment(self) -> Decimal:
        """The contract's usual monthly payment: the highest from the second month on.

        Equal to :attr:`monthly_demand` when nothing is overdue; the first payment alone
        when the plan has only one.
        """
        later = self.contract_plan.payments_by_period[1:]
        if not later:
            return self.monthly_demand
        return max(total for _, total in later)

    @cached_property
    def true_annual_rate(self) -> Decimal | None:
        """The annualized rate of the remaining contract, fees and penalties included."""
        return self.contract_plan.annualized_rate()


def baseline_plan(debt: Debt, as_of: date) -> Plan:
    """The contract as it stands, overdue penalties included, dated from ``as_of``.

    See the module docstring for the rule and its stated assumption.
    """
    return _baseline(debt, as_of)


def _baseline(debt: Debt, as_of: date | None) -> Plan:
    overdue = debt.overdue_principal
    current = debt.outstanding_principal - overdue
    with_calc = calc_context()
    penalty = round_fen(with_calc.multiply(overdue, debt.penalty_rate) / 12)
    first_due = debt.next_due_date or (add_months(as_of, 1) if as_of else None)

    def due(period: int) -> date | None:
        return add_months(first_due, period - 1) if first_due else None

    charges = debt.other_monthly_charges
    rows: list[PlanRow] = []
    arrears_left = debt.accrued_interest_and_penalties
    if current > 0:
        schedule = schedule_for(
            LoanTerms(
                principal=current,
                annual_rate=debt.annual_rate,
                months=debt.remaining_months,
                method=debt.method,
                monthly_fee_rate=debt.monthly_fee_rate,
            )
        )
        for item in schedule.rows:
            extra_principal = overdue if item.period == 1 else ZERO_MONEY
            arrears = arrears_left if item.period == 1 else ZERO_MONEY
            interest = item.interest + (penalty if item.period == 1 else ZERO_MONEY)
            arrears_left -= arrears
            principal = item.principal + extra_principal
            fees = item.fee + charges
            rows.append(
                PlanRow(
                    period=item.period,
                    due_date=due(item.period),
                    payment=principal + interest + fees + arrears,
                    principal=principal,
                    interest=interest,
                    fees=fees,
                    arrears=arrears,
                    balance=item.balance,
                )
            )
    else:
        rows.append(
            PlanRow(
                period=1,
                due_date=due(1),
                payment=overdue + penalty + charges + arrears_left,
                principal=overdue,
                interest=penalty,
                fees=charges,
                arrears=arrears_left,
                balance=ZERO_MONEY,
            )
        )
    return Plan(opening=debt.opening_balance, rows=tuple(rows))
