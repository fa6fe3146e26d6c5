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

Three rates are told apart:

- :attr:`Debt.quoted_annual_rate`, the quote *as presented*: a monthly rate or fee × 12, a
  daily rate × its stated day basis, an annual rate as is. A 0.68 % monthly fee reads
  8.16 % a year;
- :attr:`Debt.true_annual_rate`, what the contract really costs from now on: the IRR of the
  contract's *regular* schedule (the current principal, i.e. the outstanding principal less
  the overdue part, against the regular installments), × 12 — never blended with the
  arrears, which are owed but lent nobody anything. When the cost depends on the original
  loan (a fee charged on the original principal, a fee deducted up front — 砍头息) and the
  debt records ``original_principal`` and ``original_months``, it is the IRR of the original
  loan instead: ``amount_received`` (the original principal when not given) against the
  original schedule. :attr:`Debt.rate_basis` says which one was used;
- :attr:`Debt.penalty_rate`, the penalty rate (罚息) on overdue principal.

Example (the guide's case): 12,000 at 18 % with 12 months left, 900 of it overdue and 1,500
of interest and penalties accrued: 11,100 against 12 × 1,017.65 → 18.00 %.

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
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from core.errors import CoreError, InvalidAmountError, InvalidRateError
from core.limits import MAX_CREDITOR_LENGTH, MAX_DAYS_OVERDUE, MAX_MONTHS, MAX_PRODUCT_LENGTH
from core.memo import Keyed, fields_key, keyed, value_cache
from core.money import (
    MAX_MONTHLY_RATE,
    ZERO_MONEY,
    AnnualRate,
    Money,
    calc_context,
    round_fen,
    to_decimal,
    to_rate,
)
from core.plans import Plan, PlanRow
from core.rates import QuoteKind, annual_rate_from, annualized_rate
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


#: Figures derived from the whole contract plan, cached on each :class:`Debt` (and computed
#: once per debt value: see :attr:`Debt.figures_key`).
DERIVED = (
    "figures_key",
    "comparable_annual_rate",
    "contract_plan",
    "monthly_demand",
    "regular_payment",
    "true_annual_rate",
    "true_rate_flows",
)
#: Fields that describe a debt without entering any of its figures: debts equal in every
#: other field share their figures (:attr:`Debt.figures_key`).
DESCRIPTIVE_FIELDS = frozenset(
    {"id", "creditor", "lender_type", "product", "contract_date", "days_overdue"}
)
#: How many debt values keep their figures (a counselor's clients' debts many times over);
#: the least recently used is dropped first.
DERIVED_CACHE_SIZE = 512


class RateBasis(StrEnum):
    """What :attr:`Debt.true_annual_rate` was computed from."""

    REGULAR_SCHEDULE = "regular_schedule"  # the contract's regular installments from now on
    ORIGINAL_LOAN = "original_loan"  # the original loan: amount received vs its schedule
    #: The cost depends on the original loan (a fee, money deducted up front) but it is not
    #: recorded: the figure from the regular schedule understates it.
    NEEDS_ORIGINAL_LOAN = "needs_original_loan"
    NONE = "none"  # nothing regular is left to pay (the whole balance is overdue)


class Debt(BaseModel):
    """One debt of a client; see the module docstring for the balances and the baseline."""

    model_config = ConfigDict(frozen=True)

    id: int | None = None
    creditor: str = Field(min_length=1, max_length=MAX_CREDITOR_LENGTH)
    lender_type: LenderType = LenderType.OTHER
    product: str = Field(default="", max_length=MAX_PRODUCT_LENGTH)
    contract_date: date | None = None
    amount_received: Money | None = None
    original_principal: Money | None = None
    original_months: int | None = Field(default=None, ge=1, le=MAX_MONTHS)
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
        if self.original_principal is not None and self.original_principal <= 0:
            raise InvalidAmountError("original_principal", "must be above 0")
        if (
            self.amount_received is not None
            and self.original_principal is not None
            and self.amount_received > self.original_principal
        ):
            raise InvalidAmountError(
                "amount_received", "more than the original principal: check both amounts"
            )
        is_fee = self.rate_kind is QuoteKind.MONTHLY_FEE
        if is_fee and self.method is not Method.FLAT_FEE and self.rate_quote != 0:
            raise InvalidRateError("method", "a monthly fee quote needs the flat_fee method")
        if self.method is Method.FLAT_FEE and not is_fee and self.annual_rate != 0:
            raise InvalidRateError(
                "rate_kind", "the flat_fee method is priced by a monthly fee quote (monthly_fee)"
            )
        return self

    # The contract's plan and the figures read from it are built once per debt value (shared
    # by equal debts through value-keyed caches) and kept on the (frozen) instance; a copy with
    # changed fields starts without them.
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
        """The quote as presented, a year's worth: a monthly rate or fee × 12, a daily rate ×
        its day basis, an annual rate as is (0.68 % a month → 8.16 %). Not a cost: see
        :attr:`true_annual_rate`."""
        if self.rate_kind is QuoteKind.MONTHLY_FEE:
            return to_rate(self.rate_quote, "rate_quote", maximum=MAX_MONTHLY_RATE) * 12
        return annual_rate_from(self.rate_quote, self.rate_kind, day_basis=self.day_basis)

    @cached_property
    def comparable_annual_rate(self) -> Decimal:
        """A nominal yearly cost to rank debts by (the avalanche order): the nominal annual
        rate, a fee quote as its annualized rate over the remaining term (an IRR: computed
        once per debt value)."""
        key = self.figures_key
        return _comparable_annual_rate(self) if key is None else _cached_comparable_rate(key)

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
    def figures_key(self) -> Keyed[Debt] | None:
        """This debt keyed by the exact value of every field its figures come from (all but
        :data:`DESCRIPTIVE_FIELDS`): equal keys share the contract plan, the payments and the
        true rate, computed once (``None`` for a value that cannot be hashed: not shared)."""
        names = [name for name in type(self).model_fields if name not in DESCRIPTIVE_FIELDS]
        return keyed(self, fields_key(self, names))

    @property
    def _contract(self) -> _Contract:
        key = self.figures_key
        return _contract_of(self) if key is None else _cached_contract(key)

    @cached_property
    def contract_plan(self) -> Plan:
        """The baseline without dates (see :func:`baseline_plan`)."""
        return self._contract.plan

    @cached_property
    def monthly_demand(self) -> Decimal:
        """What the contract demands with the next payment, overdue amounts included."""
        return self._contract.monthly_demand

    @cached_property
    def regular_payment(self) -> Decimal:
        """The contract's usual monthly payment: the highest from the second month on.

        Equal to :attr:`monthly_demand` when nothing is overdue; the first payment alone
        when the plan has only one.
        """
        return self._contract.regular_payment

    @property
    def has_original_loan(self) -> bool:
        """Whether the original loan is recorded (principal and term)."""
        return self.original_principal is not None and self.original_months is not None

    @property
    def rate_basis(self) -> RateBasis:
        """What :attr:`true_annual_rate` is computed from (see the module docstring)."""
        if self.has_original_loan:
            return RateBasis.ORIGINAL_LOAN
        if self.outstanding_principal - self.overdue_principal <= 0:
            return RateBasis.NONE
        deducted = self.amount_received is not None
        if self.monthly_fee_rate > 0 or deducted:
            return RateBasis.NEEDS_ORIGINAL_LOAN
        return RateBasis.REGULAR_SCHEDULE

    @cached_property
    def true_rate_flows(self) -> tuple[Decimal, ...]:
        """The flows :attr:`true_annual_rate` is the IRR of: what the borrower has (the
        current principal, or the amount received of the original loan), then each regular
        installment (interest, fees and other monthly charges included). Empty when there is
        no regular schedule."""
        key = self.figures_key
        return _true_rate_flows(self) if key is None else _cached_true_rate_flows(key)

    @cached_property
    def true_annual_rate(self) -> Decimal | None:
        """What the contract really costs a year from now on (see the module docstring):
        the IRR × 12 of :attr:`true_rate_flows`; ``None`` when there are none."""
        key = self.figures_key
        return _true_annual_rate(self) if key is None else _cached_true_annual_rate(key)


class _Contract(NamedTuple):
    """The contract's plan and the payments read from it."""

    plan: Plan
    monthly_demand: Decimal
    regular_payment: Decimal


def _contract_of(debt: Debt) -> _Contract:
    plan = _baseline(debt, None)
    demand = plan.first_payment
    later = plan.payments_by_period[1:]
    regular = max(total for _, total in later) if later else demand
    return _Contract(plan, demand, regular)


@value_cache(maxsize=DERIVED_CACHE_SIZE)
def _cached_contract(debt: Keyed[Debt]) -> _Contract:
    return _contract_of(debt.value)


@value_cache(maxsize=DERIVED_CACHE_SIZE)
def _cached_true_rate_flows(debt: Keyed[Debt]) -> tuple[Decimal, ...]:
    return _true_rate_flows(debt.value)


@value_cache(maxsize=DERIVED_CACHE_SIZE)
def _cached_true_annual_rate(debt: Keyed[Debt]) -> Decimal | None:
    return _true_annual_rate(debt.value)


@value_cache(maxsize=DERIVED_CACHE_SIZE)
def _cached_baseline(debt: Keyed[Debt], as_of: date) -> Plan:
    return _baseline(debt.value, as_of)


@value_cache(maxsize=DERIVED_CACHE_SIZE)
def _cached_comparable_rate(debt: Keyed[Debt]) -> Decimal:
    return _comparable_annual_rate(debt.value)


def _comparable_annual_rate(debt: Debt) -> Decimal:
    months = max(debt.remaining_months, 1)
    return annual_rate_from(
        debt.rate_quote, debt.rate_kind, day_basis=debt.day_basis, months=months
    )


def _true_rate_flows(debt: Debt) -> tuple[Decimal, ...]:
    charges = debt.other_monthly_charges
    if debt.has_original_loan:
        assert debt.original_principal is not None and debt.original_months is not None
        schedule = schedule_for(
            LoanTerms(
                principal=debt.original_principal,
                annual_rate=debt.annual_rate,
                months=debt.original_months,
                method=debt.method,
                monthly_fee_rate=debt.monthly_fee_rate,
            )
        )
        received = debt.amount_received or debt.original_principal
        return (received, *(-(row.payment + charges) for row in schedule.rows))
    current = debt.outstanding_principal - debt.overdue_principal
    if current <= 0 or debt.remaining_months == 0:
        return ()
    schedule = schedule_for(
        LoanTerms(
            principal=current,
            annual_rate=debt.annual_rate,
            months=debt.remaining_months,
            method=debt.method,
            monthly_fee_rate=debt.monthly_fee_rate,
        )
    )
    return (current, *(-(row.payment + charges) for row in schedule.rows))


def _true_annual_rate(debt: Debt) -> Decimal | None:
    flows = debt.true_rate_flows
    if not flows:
        return None
    try:
        rate = annualized_rate(list(flows))
    except CoreError:
        return None
    return abs(rate) if rate == 0 else rate


def baseline_plan(debt: Debt, as_of: date) -> Plan:
    """The contract as it stands, overdue penalties included, dated from ``as_of``.

    See the module docstring for the rule and its stated assumption. Computed once per debt
    value and date; a debt with its own ``next_due_date`` is dated by it, so its baseline is
    its :attr:`Debt.contract_plan` whatever ``as_of``.
    """
    if debt.next_due_date is not None:
        return debt.contract_plan
    key = debt.figures_key
    return _baseline(debt, as_of) if key is None else _cached_baseline(key, as_of)


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
