"""Repayment schedules as Chinese lenders compute them.

Methods
-------
``equal_installment`` (等额本息)
    A level payment ``P·r / (1 − (1 + r)^−n)`` with ``r = annual_rate / 12``, rounded to the fen
    (``P / n`` when ``r = 0``). Each period's interest is the running balance × r, rounded;
    the principal repaid is the payment less that interest.
``equal_principal`` (等额本金)
    ``round(P / n)`` of principal each period plus interest on the running balance.
``interest_only`` (先息后本)
    Interest on the balance every period, the whole principal with the last payment.
``flat_fee`` (等本等息 / 手续费分期)
    ``round(P / n)`` of principal plus a fee of ``round(P × monthly_fee_rate)`` each period.
    The fee is charged on the *original* principal, so a "0.6 % monthly fee" costs about
    13 % a year; ``annual_rate`` must be 0.

A ``monthly_fee_rate`` given with another method is charged the same way (a guarantee or
service fee on the original principal) on top of the interest.

In every method the last period repays whatever principal remains, so the balance ends at
exactly 0.00 and the principal column sums to the principal. A period never repays more
principal than is left, so no amount is ever negative.

Example: 100,000 at 4.9 % over 12 months, equal installment, pays 8,556.17 a month.
"""

from __future__ import annotations

import calendar
from datetime import date
from decimal import Decimal, localcontext
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, model_validator

from core.errors import InvalidRateError
from core.memo import Keyed, fields_key, keyed, value_cache
from core.money import (
    ZERO_MONEY,
    AnnualRate,
    MonthlyRate,
    Months,
    PositiveMoney,
    calc_context,
    money_total,
    monthly_rate,
    round_fen,
    to_money,
)
from core.rates import annualized_rate


class Method(StrEnum):
    EQUAL_INSTALLMENT = "equal_installment"
    EQUAL_PRINCIPAL = "equal_principal"
    INTEREST_ONLY = "interest_only"
    FLAT_FEE = "flat_fee"


class LoanTerms(BaseModel):
    """What a schedule is computed from; validated on construction."""

    model_config = ConfigDict(frozen=True)

    principal: PositiveMoney
    annual_rate: AnnualRate = Decimal("0")
    months: Months
    method: Method = Method.EQUAL_INSTALLMENT
    monthly_fee_rate: MonthlyRate = Decimal("0")
    start_date: date | None = None

    @model_validator(mode="after")
    def _flat_fee_has_no_interest(self) -> LoanTerms:
        if self.method is Method.FLAT_FEE and self.annual_rate != 0:
            raise InvalidRateError(
                "annual_rate",
                "must be 0 for the flat_fee method: its cost is the monthly fee rate",
            )
        return self


class Installment(BaseModel):
    """One period of a schedule. ``payment = principal + interest + fee``."""

    model_config = ConfigDict(frozen=True)

    period: int
    due_date: date | None
    payment: Decimal
    principal: Decimal
    interest: Decimal
    fee: Decimal
    balance: Decimal


class Schedule(BaseModel):
    """A repayment schedule: the terms it came from and one row per period."""

    model_config = ConfigDict(frozen=True)

    terms: LoanTerms
    rows: tuple[Installment, ...]

    @property
    def months(self) -> int:
        return len(self.rows)

    @property
    def principal(self) -> Decimal:
        return self.terms.principal

    @property
    def total_payment(self) -> Decimal:
        return money_total(row.payment for row in self.rows)

    @property
    def total_interest(self) -> Decimal:
        return money_total(row.interest for row in self.rows)

    @property
    def total_fee(self) -> Decimal:
        return money_total(row.fee for row in self.rows)

    @property
    def total_cost(self) -> Decimal:
        """What is paid above the principal: interest plus fees."""
        return self.total_interest + self.total_fee

    @property
    def first_payment(self) -> Decimal:
        return self.rows[0].payment

    @property
    def highest_payment(self) -> Decimal:
        return max(row.payment for row in self.rows)

    def cash_flows(self, received: Decimal | int | str | float | None = None) -> list[Decimal]:
        """The borrower's flows: ``+received`` at period 0, then ``−payment`` each period.

        ``received`` defaults to the principal; pass less when a fee was deducted up front.
        """
        got = self.principal if received is None else to_money(received, "received", positive=True)
        return [got, *(-row.payment for row in self.rows)]

    def annualized_rate(self, received: Decimal | int | str | float | None = None) -> Decimal:
        """The true nominal annual rate of this schedule, fees included (see ``core.rates``)."""
        return annualized_rate(self.cash_flows(received))


def add_months(start: date, months: int) -> date:
    """``start`` moved ``months`` calendar months on, clamped to the end of a shorter month."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def level_payment(principal: Decimal, periodic_rate: Decimal, months: int) -> Decimal:
    """The annuity payment ``P·r / (1 − (1 + r)^−n)``, rounded to the fen; ``P / n`` at r = 0."""
    with localcontext(calc_context()):
        if periodic_rate == 0:
            return round_fen(principal / months)
        growth = (1 + periodic_rate) ** months
        return round_fen(principal * periodic_rate * growth / (growth - 1))


def amortization_schedule(
    principal: Decimal | int | str | float,
    annual_rate: Decimal | int | str | float = 0,
    months: int | Decimal | str = 12,
    method: Method | str = Method.EQUAL_INSTALLMENT,
    *,
    monthly_fee_rate: Decimal | int | str | float = 0,
    start_date: date | None = None,
) -> Schedule:
    """The repayment schedule of a loan; see the module docstring for each method.

    >>> amortization_schedule(100000, "0.049", 12).rows[0].payment
    Decimal('8556.17')
    """
    terms = LoanTerms(
        principal=principal,
        annual_rate=annual_rate,
        months=months,
        method=method,
        monthly_fee_rate=monthly_fee_rate,
        start_date=start_date,
    )
    return schedule_for(terms)


#: How many schedules are kept by the value of their terms (see :mod:`core.memo`).
SCHEDULE_CACHE_SIZE = 256


def schedule_for(terms: LoanTerms) -> Schedule:
    """The schedule of already validated :class:`LoanTerms`, built once per value of the
    terms (a schedule is immutable, so equal terms share it)."""
    key = keyed(terms, fields_key(terms, LoanTerms.model_fields))
    if key is None:
        return _build_schedule(terms)
    return _cached_schedule(key)


@value_cache(maxsize=SCHEDULE_CACHE_SIZE)
def _cached_schedule(terms: Keyed[LoanTerms]) -> Schedule:
    return _build_schedule(terms.value)


def _build_schedule(terms: LoanTerms) -> Schedule:
    n = terms.months
    rate = monthly_rate(terms.annual_rate)
    fee = round_fen(terms.principal * terms.monthly_fee_rate)
    even_principal = round_fen(terms.principal / n)
    payment = level_payment(terms.principal, rate, n)
    balance = terms.principal
    rows: list[Installment] = []
    for period in range(1, n + 1):
        interest = round_fen(balance * rate)
        if period == n:
            principal = balance
        elif terms.method is Method.EQUAL_INSTALLMENT:
            principal = min(payment - interest, balance)
        elif terms.method is Method.INTEREST_ONLY:
            principal = ZERO_MONEY
        else:  # equal_principal and flat_fee
            principal = min(even_principal, balance)
        balance -= principal
        rows.append(
            Installment(
                period=period,
                due_date=add_months(terms.start_date, period) if terms.start_date else None,
                payment=principal + interest + fee,
                principal=principal,
                interest=interest,
                fee=fee,
                balance=balance,
            )
        )
    return Schedule(terms=terms, rows=tuple(rows))
