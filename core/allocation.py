"""Sharing one monthly capacity between several debts, and paying them all off.

Allocation (:func:`allocate_capacity`)
-------------------------------------
1. Every debt's minimum is what its contract demands this month
   (:attr:`core.debts.Debt.monthly_demand`).
2. When the capacity is below the sum of the minimums it is split **pro rata** by what is
   owed (principal + accrued), the way debt advisers split an offer between creditors.
3. Otherwise every minimum is paid and the surplus goes by ``strategy``:
   ``pro_rata`` in proportion to what each debt still owes after its minimum; ``avalanche``
   to the highest rate first (the quoted rate as an annual rate, a fee quote as its
   annualized rate); ``snowball`` to the smallest balance first. No debt receives more than
   it would take to clear it this month (the larger of what is owed and its demand); what
   is left over is ``unallocated``.

Proportional splits are made in whole fen by the largest-remainder method (each share rounded
down, the fen left over going to the largest remainders, ties to the earlier debt), so the
amounts always add up to the capacity exactly.

Payoff (:func:`payoff_plan`)
---------------------------
Month by month, each open debt is charged interest on its principal (``round(P × annual /
12)``), its fee and its other monthly charges; the budget is allocated as above with each
minimum being the contract's regular payment, and a payment clears the month's charges,
then accrued interest, then principal (Civil Code art. 561). Charges left unpaid join the
accrued balance, which bears no interest. The plan runs until every balance is 0.
It is computed once per value of its inputs (the debts' figures, the budget, the strategy and
the date; see :mod:`core.memo`): a page's rerun with the same debts reuses it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from core.debts import Debt
from core.errors import BudgetTooLowError, InvalidAmountError
from core.memo import Keyed, exact, keyed, value_cache
from core.money import FEN, MAX_MONTHS, calc_context, money_total, round_fen, to_money
from core.reasons import Reason
from core.schedules import add_months


class Strategy(StrEnum):
    PRO_RATA = "pro_rata"  # 按比例
    AVALANCHE = "avalanche"  # 先还利率最高的
    SNOWBALL = "snowball"  # 先还余额最小的


class AllocationShare(BaseModel):
    model_config = ConfigDict(frozen=True)

    index: int
    debt_id: int | None
    creditor: str
    minimum: Decimal
    owed: Decimal
    amount: Decimal

    @property
    def covers_minimum(self) -> bool:
        return self.amount >= self.minimum


class Allocation(BaseModel):
    """Each debt's share of the capacity; ``shares`` + ``unallocated`` = ``capacity``."""

    model_config = ConfigDict(frozen=True)

    strategy: Strategy
    capacity: Decimal
    shares: tuple[AllocationShare, ...]
    unallocated: Decimal
    covers_minimums: bool
    reason: Reason

    @property
    def allocated(self) -> Decimal:
        return money_total(share.amount for share in self.shares)


# --- splitting in fen -------------------------------------------------------------------


def _fen(amount: Decimal) -> int:
    return int(round_fen(amount) / FEN)


def _money(fen: int) -> Decimal:
    return Decimal(fen) * FEN


def largest_remainder(total: int, weights: Sequence[int]) -> list[int]:
    """``total`` split in proportion to ``weights``, in whole units that add up to ``total``.

    Each part is ``total × w / Σw`` rounded down; the units left over go one each to the
    largest remainders (ties to the earlier weight). All-zero weights get nothing.

    >>> largest_remainder(100, [1, 1, 1])
    [34, 33, 33]
    """
    weight_sum = sum(weights)
    if total <= 0 or weight_sum <= 0:
        return [0] * len(weights)
    parts = [total * w // weight_sum for w in weights]
    remainders = [total * w % weight_sum for w in weights]
    left = total - sum(parts)
    for i in sorted(range(len(weights)), key=lambda i: (-remainders[i], i))[:left]:
        parts[i] += 1
    return parts


def _split(
    capacity: int,
    minimums: Sequence[int],
    caps: Sequence[int],
    priority: Sequence[int],
    strategy: Strategy,
) -> list[int]:
    """The allocation rule of the module docstring, on whole fen.

    ``caps`` is what would clear each debt; ``priority`` orders debts for avalanche/snowball.
    """
    minimums = [min(m, c) for m, c in zip(minimums, caps, strict=True)]
    if capacity < sum(minimums):
        return largest_remainder(capacity, caps)
    amounts = list(minimums)
    surplus = capacity - sum(minimums)
    room = [c - m for c, m in zip(caps, minimums, strict=True)]
    if strategy is Strategy.PRO_RATA:
        extra = largest_remainder(min(surplus, sum(room)), room)
        return [a + e for a, e in zip(amounts, extra, strict=True)]
    for i in priority:
        give = min(surplus, room[i])
        amounts[i] += give
        surplus -= give
        if surplus == 0:
            break
    return amounts


def _priority(rates: Sequence[Decimal], balances: Sequence[int], strategy: Strategy) -> list[int]:
    indexes = range(len(rates))
    if strategy is Strategy.SNOWBALL:
        return sorted(indexes, key=lambda i: (balances[i], -rates[i], i))
    return sorted(indexes, key=lambda i: (-rates[i], balances[i], i))


def allocate_capacity(
    debts: Sequence[Debt],
    capacity: Decimal | int | str,
    strategy: Strategy | str = Strategy.PRO_RATA,
) -> Allocation:
    """Each debt's share of ``capacity`` this month; see the module docstring.

    Example: 12,000 interest-free over 24 months (500.00 a month) and 3,000 at 24 % over 5
    months (636.48): 800 is below the 1,136.48 of minimums, so it is split 12,000 : 3,000
    → 640.00 and 160.00.
    """
    strategy = Strategy(strategy)
    total = _fen(to_money(capacity, "capacity"))
    minimums = [_fen(debt.monthly_demand) for debt in debts]
    owed = [_fen(debt.opening_balance) for debt in debts]
    caps = [max(o, m) for o, m in zip(owed, minimums, strict=True)]
    rates = [debt.comparable_annual_rate for debt in debts]
    amounts = _split(total, minimums, caps, _priority(rates, owed, strategy), strategy)
    unallocated = total - sum(amounts)
    covers = total >= sum(minimums)
    if not covers:
        reason = Reason.of("minimums_not_covered", minimums=_money(sum(minimums)))
    elif unallocated > 0:
        reason = Reason.of("capacity_exceeds_debts", unallocated=_money(unallocated))
    else:
        reason = Reason.of("minimums_covered", surplus=_money(total - sum(minimums)))
    shares = tuple(
        AllocationShare(
            index=i,
            debt_id=debt.id,
            creditor=debt.creditor,
            minimum=_money(minimums[i]),
            owed=_money(owed[i]),
            amount=_money(amounts[i]),
        )
        for i, debt in enumerate(debts)
    )
    return Allocation(
        strategy=strategy,
        capacity=_money(total),
        shares=shares,
        unallocated=_money(unallocated),
        covers_minimums=covers,
        reason=reason,
    )


# --- paying everything off ----------------------------------------------------------------


class PayoffMonth(BaseModel):
    """One month of a payoff plan; tuples follow the order of the debts given."""

    model_config = ConfigDict(frozen=True)

    period: int
    due_date: date
    payments: tuple[Decimal, ...]
    interest: tuple[Decimal, ...]
    fees: tuple[Decimal, ...]
    balances: tuple[Decimal, ...]

    @property
    def total_payment(self) -> Decimal:
        return money_total(self.payments)

    @property
    def total_balance(self) -> Decimal:
        return money_total(self.balances)


class PayoffPlan(BaseModel):
    model_config = ConfigDict(frozen=True)

    strategy: Strategy
    monthly_budget: Decimal
    months: tuple[PayoffMonth, ...]
    debt_free_date: date
    total_interest: Decimal
    total_fees: Decimal
    total_paid: Decimal
    payoff_months: tuple[int, ...]  # the month each debt is cleared, in the debts' order

    @property
    def month_count(self) -> int:
        return len(self.months)


#: How many payoff plans are kept by the value of their inputs.
PAYOFF_CACHE_SIZE = 64


def payoff_plan(
    debts: Sequence[Debt],
    monthly_budget: Decimal | int | str,
    strategy: Strategy | str,
    as_of: date,
) -> PayoffPlan:
    """Month-by-month balances of every debt until all are paid; see the module docstring.

    Raises :class:`BudgetTooLowError` (field ``monthly_budget``) when the budget does not
    cover the first month's interest and fees, so the debts would never fall.
    """
    strategy = Strategy(strategy)
    debt_keys = [debt.figures_key for debt in debts]
    key = None
    if all(k is not None for k in debt_keys):
        figures = tuple(k.key for k in debt_keys if k is not None)
        inputs = (tuple(debts), monthly_budget, strategy, as_of)
        key = keyed(inputs, (figures, exact(monthly_budget), strategy, as_of))
    if key is None:
        return _payoff_plan(debts, monthly_budget, strategy, as_of)
    return _cached_payoff(key)


@value_cache(maxsize=PAYOFF_CACHE_SIZE)
def _cached_payoff(
    inputs: Keyed[tuple[tuple[Debt, ...], Decimal | int | str, Strategy, date]],
) -> PayoffPlan:
    return _payoff_plan(*inputs.value)


def _payoff_plan(
    debts: Sequence[Debt],
    monthly_budget: Decimal | int | str,
    strategy: Strategy,
    as_of: date,
) -> PayoffPlan:
    budget = _fen(to_money(monthly_budget, "monthly_budget"))
    if not debts:
        raise InvalidAmountError("debts", "no debts to pay off")
    context = calc_context()
    n = len(debts)
    principal = [_fen(d.outstanding_principal) for d in debts]
    arrears = [_fen(d.accrued_interest_and_penalties) for d in debts]
    monthly_rates = [context.divide(d.annual_rate, 12) for d in debts]
    fixed_fees = [
        _fen(d.outstanding_principal * d.monthly_fee_rate) + _fen(d.other_monthly_charges)
        for d in debts
    ]
    regular = [_fen(d.regular_payment) for d in debts]
    rates = [d.comparable_annual_rate for d in debts]
    cleared = [0] * n
    months: list[PayoffMonth] = []
    total_interest = total_fees = total_paid = 0
    for period in range(1, MAX_MONTHS + 1):
        open_ = [principal[i] + arrears[i] > 0 for i in range(n)]
        interest = [
            _fen(Decimal(principal[i]) * FEN * monthly_rates[i]) if open_[i] else 0
            for i in range(n)
        ]
        fees = [fixed_fees[i] if open_[i] else 0 for i in range(n)]
        charges = [interest[i] + fees[i] for i in range(n)]
        if period == 1 and budget <= sum(charges):
            raise BudgetTooLowError(
                "monthly_budget",
                f"{_money(budget)} does not cover the first month's interest and fees "
                f"({_money(sum(charges))})",
            )
        owed = [principal[i] + arrears[i] + charges[i] for i in range(n)]
        minimums = [min(regular[i], owed[i]) for i in range(n)]
        balances = [principal[i] + arrears[i] for i in range(n)]
        paid = _split(budget, minimums, owed, _priority(rates, balances, strategy), strategy)
        for i in range(n):
            left = paid[i]
            to_charges = min(left, charges[i])
            left -= to_charges
            arrears[i] += charges[i] - to_charges
            to_arrears = min(left, arrears[i])
            arrears[i] -= to_arrears
            principal[i] -= left - to_arrears
            if open_[i] and principal[i] + arrears[i] == 0:
                cleared[i] = period
        total_interest += sum(interest)
        total_fees += sum(fees)
        total_paid += sum(paid)
        months.append(
            PayoffMonth(
                period=period,
                due_date=add_months(as_of, period),
                payments=tuple(_money(p) for p in paid),
                interest=tuple(_money(x) for x in interest),
                fees=tuple(_money(x) for x in fees),
                balances=tuple(_money(principal[i] + arrears[i]) for i in range(n)),
            )
        )
        if all(principal[i] + arrears[i] == 0 for i in range(n)):
            break
    else:
        raise BudgetTooLowError(
            "monthly_budget", f"{_money(budget)} does not clear the debts in {MAX_MONTHS} months"
        )
    return PayoffPlan(
        strategy=strategy,
        monthly_budget=_money(budget),
        months=tuple(months),
        debt_free_date=months[-1].due_date,
        total_interest=_money(total_interest),
        total_fees=_money(total_fees),
        total_paid=_money(total_paid),
        payoff_months=tuple(cleared),
    )
