"""A repayment plan: dated payments on a monthly grid, and what they add up to.

Every plan the engine shows — a debt's contract as it stands and every proposal to the
lender — is a :class:`Plan`. Its rows sit on a monthly grid counted from ``as_of``:
period 0 is ``as_of`` itself (a payment made today), period k the k-th month after it.
Several rows may share a period (two parts of a settlement in the same month).

Each row splits its payment into what it pays for::

    payment = principal + interest + fees + arrears

``interest`` is interest (or penalty interest) charged under the plan, ``fees`` are fee-rate
fees and other monthly charges, ``arrears`` is the interest and penalties already accrued at
``as_of`` that this payment clears. ``balance`` is what the plan still requires after the row
(principal + arrears left; for a settlement, the agreed amount not yet paid).

The plan's annualized rate uses the package's sign convention: the borrower "receives" the
``opening`` balance (principal + accrued interest and penalties at ``as_of``) at period 0 and
pays each period's payments; payments made at period 0 are netted against it.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from core.errors import NoRateError
from core.limits import MAX_PLAN_AMOUNT, MAX_PLAN_PERIODS
from core.money import FEN, ZERO_MONEY, money_total, round_fen
from core.rates import annualized_rate

#: A figure of a plan: within ±MAX_PLAN_AMOUNT (checked by pydantic's own, fast bounds).
PlanAmount = Annotated[Decimal, Field(ge=-MAX_PLAN_AMOUNT, le=MAX_PLAN_AMOUNT)]


class PlanRow(BaseModel):
    """One payment of a plan."""

    model_config = ConfigDict(frozen=True)

    period: int = Field(ge=0, le=MAX_PLAN_PERIODS)
    due_date: date | None
    payment: PlanAmount
    principal: PlanAmount
    interest: PlanAmount
    fees: PlanAmount
    arrears: PlanAmount
    balance: PlanAmount


class Plan(BaseModel):
    """Rows in period order and the balance they start from (see the module docstring).

    Its figures and periods are within ``core.limits`` (``MAX_PLAN_AMOUNT``,
    ``MAX_PLAN_PERIODS``), so a plan read back from a file is one the engine could have made.
    """

    model_config = ConfigDict(frozen=True)

    opening: PlanAmount
    rows: tuple[PlanRow, ...]

    @property
    def payments_by_period(self) -> tuple[tuple[int, Decimal], ...]:
        """``(period, total paid in it)`` for every period that has a payment, in order."""
        totals: dict[int, Decimal] = {}
        for row in self.rows:
            totals[row.period] = totals.get(row.period, ZERO_MONEY) + row.payment
        return tuple(sorted(totals.items()))

    @property
    def months(self) -> int:
        """The period of the last payment: how many months the plan runs."""
        return self.rows[-1].period if self.rows else 0

    @property
    def first_payment(self) -> Decimal:
        return self.payments_by_period[0][1] if self.rows else ZERO_MONEY

    @property
    def highest_payment(self) -> Decimal:
        return max((total for _, total in self.payments_by_period), default=ZERO_MONEY)

    @property
    def total_paid(self) -> Decimal:
        return money_total(row.payment for row in self.rows)

    @property
    def total_principal(self) -> Decimal:
        return money_total(row.principal for row in self.rows)

    @property
    def total_interest(self) -> Decimal:
        return money_total(row.interest for row in self.rows)

    @property
    def total_fees(self) -> Decimal:
        return money_total(row.fees for row in self.rows)

    @property
    def total_arrears(self) -> Decimal:
        return money_total(row.arrears for row in self.rows)

    def cash_flows(self) -> list[Decimal]:
        """The borrower's flows on the grid: ``opening − paid at 0``, then ``−paid`` each month."""
        flows = [ZERO_MONEY] * (self.months + 1)
        for period, total in self.payments_by_period:
            flows[period] -= total
        flows[0] += self.opening
        return flows

    def annualized_rate(self) -> Decimal | None:
        """The plan's nominal annualized rate; ``None`` when no rate exists.

        There is none when everything is paid at once on ``as_of`` (one flow), and none when
        the flows never change sign.
        """
        if self.months == 0:
            return None
        try:
            rate = annualized_rate(self.cash_flows())
        except NoRateError:
            return None
        return abs(rate) if rate == 0 else rate


def spread_evenly(amount: Decimal, months: int) -> list[Decimal]:
    """``amount`` in ``months`` fen parts: ``round(amount / months)`` each, the last the rest.

    The way card issuers split an installment: 1,000.00 over 3 months is 333.33, 333.33,
    333.34. When rounding up would leave the last part negative (a few fen over many
    months) the parts are rounded down instead. The parts always add up to ``amount``.
    """
    if months < 1:
        raise ValueError("months must be at least 1")
    if amount == 0:
        return [ZERO_MONEY] * months
    part = round_fen(amount / months)
    if part * (months - 1) > amount:
        part = (amount / months).quantize(FEN, rounding="ROUND_DOWN")
    return [part] * (months - 1) + [amount - part * (months - 1)]
