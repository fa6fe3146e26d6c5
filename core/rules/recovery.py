"""What a proposal is worth to the lender, against no agreement: the expected recovery.

A proposal succeeds when the person at the lender sees it is their best option too. This module
puts a number on it: the **present value to the lender** of a plan's payments at the lender's
cost of funds, with a monthly chance that the client breaks the plan, against the value of **no
agreement** — collection and litigation. Every figure is an estimate from
:class:`RecoveryAssumptions`, each an input with a stated default that is an assumption, not
data; the counselor can change every one.

The plan
--------
Payments are ``(date, amount)``; payments on the same date are added up. A payment ``t``
months after ``as_of`` (:func:`month_offset`: whole calendar months, then the fraction of the
next month by its days) is discounted by ``v(t) = (1 + c/12)^−t``, ``c`` the lender's annual
cost of funds compounded monthly like every rate of the package.

Each month the client may break the plan with probability ``p``, so the plan is still kept at
``t`` with probability ``S(t) = (1 − p)^t``. With the payments ``a_1 … a_n`` at
``t_1 ≤ … ≤ t_n`` (``t_0 = 0``):

- payment ``i`` counts with probability ``S(t_i)``;
- the break is noticed at the first payment missed: it happens between ``t_(i−1)`` and ``t_i``
  with probability ``S(t_(i−1)) − S(t_i)`` (on a monthly grid, ``(1 − p)^(k−1)·p`` for month
  ``k``), and the lender then still has a claim to the **balance under the plan, the sum of the
  payments not yet made**, ``R_i = a_i + … + a_n``. It collects ``after_break_share`` of it,
  ``after_break_delay_months`` later, net of ``after_break_cost`` (a share of what it
  collects).

::

    value = Σ S(t_i)·a_i·v(t_i)  +  Σ (S(t_(i−1)) − S(t_i))·k·R_i·v(t_i + D)
            k = after_break_share × (1 − after_break_cost),  D = after_break_delay_months

A payment on ``as_of`` itself (a down payment, a settlement paid today) is certain: it is made
when the plan is agreed. The balance after a break is what the plan still asks; a waiver that
the agreement revokes on a break (减免作废) is not counted back, so for waivers and settlements
the estimate is, if anything, low.

No agreement
------------
Collection and litigation recover ``no_agreement_share`` of what is owed, after
``no_agreement_delay_months``, less ``no_agreement_cost`` (a share of what is recovered) and the
fixed ``legal_costs`` of suing; a lender does not sue for less than it costs, so the net is never
below 0 (:func:`no_agreement_value`)::

    value = max(0, owed × share × (1 − cost) − legal_costs) × v(delay)

The guide's case: 13,500 owed → 4,725 recovered, 945 + 3,000 of costs, 780 net, 18 months at
4 % → **734.65** today.

The break chance
----------------
Unless the counselor sets it (``break_chance``), it comes from affordability
(:func:`chosen_break_chance`): ``break_within`` when every month's payments fit what the client
can pay (a payment on ``as_of`` may also use ``available_now``, as in
:func:`core.proposals.evaluate_proposal`), ``break_beyond`` when some month does not, and
``break_beyond`` too when what the client can pay is unknown (no budget), so an unchecked plan
is not flattered.

Properties (tested): the value never exceeds the payments added up; a lower cost of funds never
lowers it. A higher break chance never raises it when, for every payment ``i``, keeping it is
worth more than collecting it by at least what collecting the rest sooner would gain::

    a_i × (v(t_i) − k·v(t_i + D))  ≥  k × (v(t_i + D) − v(t_(i+1) + D)) × R_(i+1)

(the value is ``k·R_1·v(t_1 + D)`` plus ``S(t_i)`` times each side's difference, and every
``S(t_i)`` falls as the chance rises). At a zero cost of funds that is ``k ≤ 1``, always; with the
defaults it holds for level monthly plans of any term. It can fail when a break brings the whole
balance in *sooner*: a cent due tomorrow before one large payment years later, or almost
everything collected at once at a high cost of funds — a break noticed early is then worth more
to the lender than a plan kept.

Figures are computed in ``Decimal`` at :data:`core.money.PRECISION` digits and rounded to the
fen (:func:`core.money.round_fen`) only in the result. Words live in the catalogue
(``i18n/catalogue/recovery.py``): this module returns numbers and codes
(:func:`recovery_sentence`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal, localcontext
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict

from core.errors import InvalidAmountError, InvalidTermError
from core.money import ONE, ZERO, ZERO_MONEY, Money, calc_context, round_fen, to_decimal, to_rate
from core.plans import Plan
from core.proposals import Comparison, grid_period
from core.schedules import add_months

#: The highest cost of funds accepted (a fraction: 0.5 = 50 % a year).
MAX_COST_OF_FUNDS = Decimal("0.5")
#: The longest delay accepted before money is collected, in months (ten years).
MAX_DELAY_MONTHS = 120


def _fraction(value: Any, info: Any) -> Decimal:
    field = getattr(info, "field_name", None) or "share"
    return to_rate(value, field, maximum=ONE)


def _cost_of_funds(value: Any, info: Any) -> Decimal:
    field = getattr(info, "field_name", None) or "cost_of_funds"
    return to_rate(value, field, maximum=MAX_COST_OF_FUNDS)


def _delay(value: Any, info: Any) -> int:
    field = getattr(info, "field_name", None) or "delay"
    if isinstance(value, bool):
        raise InvalidTermError(field, f"expected a whole number of months, got {value!r}")
    try:
        number = to_decimal(value, field)
    except InvalidAmountError as exc:
        raise InvalidTermError(field, exc.message) from None
    if number != number.to_integral_value():
        raise InvalidTermError(field, f"must be a whole number of months, got {value!r}")
    if not 0 <= number <= MAX_DELAY_MONTHS:
        raise InvalidTermError(field, f"must be 0 to {MAX_DELAY_MONTHS} months, got {number}")
    return int(number)


#: A probability or a share, 0 to 1.
Fraction = Annotated[Decimal, BeforeValidator(_fraction)]
#: A lender's annual cost of funds, 0 to 50 %.
CostOfFunds = Annotated[Decimal, BeforeValidator(_cost_of_funds)]
#: A delay in whole months, 0 to 120.
DelayMonths = Annotated[int, BeforeValidator(_delay)]


class RecoveryAssumptions(BaseModel):
    """Every assumption of the estimate. Each default is an assumption, not data: a round,
    plausible figure for a Chinese consumer lender, to be changed when the counselor knows
    better.

    ``cost_of_funds`` (4 % a year)
        What the lender pays for its money: consumer-finance companies borrow from banks, on
        the interbank market and by ABS at roughly the one-year LPR (about 3–3.5 %) plus a
        margin; 4 % is a round figure for that. A bank's own cost is lower, a small online
        lender's higher.
    ``break_within`` (1 % a month), ``break_beyond`` (6 % a month)
        The chance each month that a client breaks an agreed plan whose payments fit what they
        can pay, and one whose payments do not: over 24 months about 21 % and 77 %. Chosen to
        reflect that an affordable plan is mostly kept and an unaffordable one mostly broken;
        no published rate backs the exact figures.
    ``break_chance`` (none)
        The counselor's own monthly chance, used instead of the two above.
    ``after_break_share`` (30 %), ``after_break_delay_months`` (12), ``after_break_cost`` (15 %)
        After a break the lender collects this share of the balance still due under the plan,
        this many months later, at this cost (a share of what it collects: collectors' fees).
    ``no_agreement_share`` (35 %), ``no_agreement_delay_months`` (18), ``no_agreement_cost``
    (20 %), ``legal_costs`` (¥3,000)
        Without an agreement, collection and litigation recover this share of what is owed,
        this many months later (a judgment and its enforcement take a year or more), at this
        cost of what is recovered (agencies' commission), plus the fixed cost of suing one case
        (court fee, lawyer, enforcement; lenders suing in bulk pay less).
    """

    model_config = ConfigDict(frozen=True)

    cost_of_funds: CostOfFunds = Decimal("0.04")
    break_within: Fraction = Decimal("0.01")
    break_beyond: Fraction = Decimal("0.06")
    break_chance: Fraction | None = None
    after_break_share: Fraction = Decimal("0.30")
    after_break_delay_months: DelayMonths = 12
    after_break_cost: Fraction = Decimal("0.15")
    no_agreement_share: Fraction = Decimal("0.35")
    no_agreement_delay_months: DelayMonths = 18
    no_agreement_cost: Fraction = Decimal("0.20")
    legal_costs: Money = Decimal("3000")


class BreakSource(StrEnum):
    """Where the monthly break chance used came from."""

    COUNSELOR = "counselor"  # set by the counselor (RecoveryAssumptions.break_chance)
    WITHIN_CAPACITY = "within_capacity"  # every month's payments fit what the client can pay
    BEYOND_CAPACITY = "beyond_capacity"  # some month's payments do not
    UNKNOWN_CAPACITY = "unknown_capacity"  # no budget: the higher chance, break_beyond


class RecoveryValue(BaseModel):
    """What one plan is expected to bring the lender (see the module docstring).

    ``present_value = from_payments + from_collection`` to the fen (``present_value`` and
    ``from_payments`` are each rounded half up; ``from_collection`` is the rest).
    ``scheduled`` is the plan's payments added up, undiscounted; ``completion_chance`` the
    chance the plan is kept to its last payment; ``share_of_owed`` the present value as a
    fraction of what is owed (``None`` when nothing is owed).
    """

    model_config = ConfigDict(frozen=True)

    present_value: Decimal
    from_payments: Decimal
    from_collection: Decimal
    scheduled: Decimal
    break_chance: Decimal
    break_source: BreakSource
    completion_chance: Decimal
    share_of_owed: Decimal | None


class NoAgreementValue(BaseModel):
    """What collection and litigation are expected to bring the lender without an agreement.

    ``recovered`` = owed × share and ``costs`` = recovered × cost + legal costs, undiscounted;
    ``present_value`` = max(0, recovered − costs) discounted over ``delay_months`` (each rounded
    to the fen on its own).
    """

    model_config = ConfigDict(frozen=True)

    present_value: Decimal
    recovered: Decimal
    costs: Decimal
    delay_months: int


class RecoverySentence(BaseModel):
    """The figures of the sentence a counselor can say, and the catalogue key that words them.

    ``persuasive`` when the plan is worth more to the lender than no agreement: the key is
    ``recovery.sentence.more`` ("按我们的估算……"); otherwise ``recovery.sentence.not_more``, a
    note to the counselor that this argument does not hold for the plan.
    """

    model_config = ConfigDict(frozen=True)

    key: str
    persuasive: bool
    plan_value: Decimal
    no_agreement_value: Decimal
    difference: Decimal


class LenderRecovery(BaseModel):
    """Every row of a :class:`core.proposals.Comparison` valued for the lender.

    ``rows[i]`` is the value of ``comparison.rows[i]`` (same order: the proposals, then the
    minimum plan when it fits); ``no_agreement`` is the alternative they are weighed against.
    """

    model_config = ConfigDict(frozen=True)

    rows: tuple[RecoveryValue, ...]
    no_agreement: NoAgreementValue
    owed: Decimal
    assumptions: RecoveryAssumptions

    @property
    def best(self) -> int | None:
        """The index of the row worth most to the lender (the first of equals); ``None``
        without rows."""
        if not self.rows:
            return None
        return max(range(len(self.rows)), key=lambda i: (self.rows[i].present_value, -i))

    def beats_no_agreement(self, index: int) -> bool:
        """Whether row ``index`` is worth more to the lender than no agreement."""
        return self.rows[index].present_value > self.no_agreement.present_value

    def sentence(self, index: int) -> RecoverySentence:
        """The sentence's figures for row ``index`` (:func:`recovery_sentence`)."""
        return recovery_sentence(self.rows[index], self.no_agreement)


# --- time and money ------------------------------------------------------------------------


def month_offset(as_of: date, day: date) -> Decimal:
    """How many months ``day`` is after ``as_of``: whole calendar months (as
    :func:`core.schedules.add_months` counts them), then the fraction of the next month by days.

    >>> month_offset(date(2026, 1, 15), date(2026, 4, 15))
    Decimal('3')
    >>> month_offset(date(2026, 1, 15), date(2026, 2, 1))
    Decimal('0.5483870967741935483870967741935484')
    """
    if day < as_of:
        raise InvalidTermError("due_date", f"{day} is before the date of the estimate {as_of}")
    whole = max(0, (day.year - as_of.year) * 12 + day.month - as_of.month - 1)
    while add_months(as_of, whole + 1) <= day:
        whole += 1
    start, end = add_months(as_of, whole), add_months(as_of, whole + 1)
    if day == start:
        return Decimal(whole)
    with localcontext(calc_context()):
        return Decimal(whole) + Decimal((day - start).days) / Decimal((end - start).days)


def _power(base: Decimal, exponent: Decimal) -> Decimal:
    """``base ** exponent`` for ``base`` ≥ 0 and ``exponent`` ≥ 0, with ``0 ** 0 = 1``."""
    if exponent == 0:
        return ONE
    if base == 0:
        return ZERO
    with localcontext(calc_context()):
        if exponent == exponent.to_integral_value():
            return base ** int(exponent)
        return base**exponent


def _discount(assumptions: RecoveryAssumptions, months: Decimal) -> Decimal:
    """``(1 + c/12)^−months``: what a yuan ``months`` from now is worth today to the lender."""
    with localcontext(calc_context()):
        return ONE / _power(ONE + assumptions.cost_of_funds / 12, months)


def _amount(value: Any, field: str) -> Decimal:
    amount = to_decimal(value, field)
    if amount < 0:
        raise InvalidAmountError(field, f"must not be negative, got {amount}")
    return amount


def _by_date(payments: Iterable[tuple[date, Any]], as_of: date) -> list[tuple[date, Decimal]]:
    """The payments added up per date, in date order; dates before ``as_of`` are refused."""
    totals: dict[date, Decimal] = {}
    for index, (day, value) in enumerate(payments):
        if day < as_of:
            raise InvalidTermError(
                f"payments[{index}]", f"{day} is before the date of the estimate {as_of}"
            )
        totals[day] = totals.get(day, ZERO_MONEY) + _amount(value, f"payments[{index}]")
    return sorted((day, amount) for day, amount in totals.items() if amount > 0)


def plan_payments(plan: Plan, as_of: date) -> list[tuple[date, Decimal]]:
    """A plan's payments as ``(date, amount)``: each row's due date, or its month on the grid
    from ``as_of`` when it has none; a date before ``as_of`` (a contract's overdue payment) is
    taken as due on ``as_of``."""
    out = []
    for row in plan.rows:
        day = row.due_date if row.due_date is not None else add_months(as_of, row.period)
        out.append((max(day, as_of), row.payment))
    return out


# --- the break chance ----------------------------------------------------------------------


def chosen_break_chance(
    payments: Sequence[tuple[date, Decimal]],
    can_pay: Decimal | None,
    as_of: date,
    assumptions: RecoveryAssumptions,
    *,
    available_now: Decimal = ZERO_MONEY,
) -> tuple[Decimal, BreakSource]:
    """The monthly break chance and where it came from (see the module docstring).

    Months are the plan's grid months (:func:`core.proposals.grid_period`), so a plan is
    within capacity exactly when :func:`core.proposals.evaluate_proposal` finds it affordable.
    """
    if assumptions.break_chance is not None:
        return assumptions.break_chance, BreakSource.COUNSELOR
    if can_pay is None:
        return assumptions.break_beyond, BreakSource.UNKNOWN_CAPACITY
    limit = _amount(can_pay, "can_pay")
    cash = _amount(available_now, "available_now")
    by_month: dict[int, Decimal] = {}
    for day, amount in _by_date(payments, as_of):
        period = grid_period(as_of, day)
        by_month[period] = by_month.get(period, ZERO_MONEY) + amount
    fits = all(
        amount <= (limit + cash if period == 0 else limit) for period, amount in by_month.items()
    )
    if fits:
        return assumptions.break_within, BreakSource.WITHIN_CAPACITY
    return assumptions.break_beyond, BreakSource.BEYOND_CAPACITY


# --- the values ----------------------------------------------------------------------------


def expected_recovery(
    plan_payments: Sequence[tuple[date, Decimal]],
    owed: Decimal,
    can_pay: Decimal | None,
    as_of: date,
    assumptions: RecoveryAssumptions | None = None,
    *,
    available_now: Decimal = ZERO_MONEY,
) -> RecoveryValue:
    """The expected present value to the lender of a plan's payments (see the module
    docstring for the model).

    ``plan_payments`` are ``(date, amount)`` on or after ``as_of``; ``owed`` is what is owed
    today (for :attr:`RecoveryValue.share_of_owed`); ``can_pay`` what the client can pay a
    month (``None``: unknown, no budget) and ``available_now`` what they can add on ``as_of``,
    which choose the break chance unless ``assumptions.break_chance`` is set.

    Three payments of 1,000 one, two and three months on, at 12 % a year, never broken:
    1000/1.01 + 1000/1.01² + 1000/1.01³ = 2,940.99.

    >>> days = [(date(2026, 2, 1), Decimal(1000)), (date(2026, 3, 1), Decimal(1000)),
    ...         (date(2026, 4, 1), Decimal(1000))]
    >>> never = RecoveryAssumptions(cost_of_funds=Decimal("0.12"), break_chance=Decimal(0))
    >>> expected_recovery(days, Decimal(3000), None, date(2026, 1, 1), never).present_value
    Decimal('2940.99')
    """
    assumptions = assumptions or RecoveryAssumptions()
    owed_amount = _amount(owed, "owed")
    payments = _by_date(plan_payments, as_of)
    chance, source = chosen_break_chance(
        payments, can_pay, as_of, assumptions, available_now=available_now
    )
    kept_each_month = ONE - chance
    keep = assumptions.after_break_share * (ONE - assumptions.after_break_cost)
    delay = Decimal(assumptions.after_break_delay_months)
    with localcontext(calc_context()):
        remaining = sum((amount for _, amount in payments), ZERO_MONEY)
        scheduled = remaining
        from_payments = ZERO
        from_collection = ZERO
        kept_before = ONE
        for day, amount in payments:
            months = month_offset(as_of, day)
            kept = _power(kept_each_month, months)
            broken_here = kept_before - kept
            if broken_here > 0 and keep > 0:
                from_collection += (
                    broken_here * keep * remaining * _discount(assumptions, months + delay)
                )
            from_payments += kept * amount * _discount(assumptions, months)
            remaining -= amount
            kept_before = kept
        total = from_payments + from_collection
        share = total / owed_amount if owed_amount > 0 else None
    present_value = round_fen(total)
    paid_part = round_fen(from_payments)
    return RecoveryValue(
        present_value=present_value,
        from_payments=paid_part,
        from_collection=present_value - paid_part,
        scheduled=round_fen(scheduled),
        break_chance=chance,
        break_source=source,
        completion_chance=kept_before,
        share_of_owed=share,
    )


def no_agreement_value(
    owed: Decimal, as_of: date, assumptions: RecoveryAssumptions | None = None
) -> NoAgreementValue:
    """What collection and litigation are expected to bring the lender without an agreement,
    valued on ``as_of`` (see the module docstring).

    >>> no_agreement_value(Decimal("13500"), date(2026, 1, 1)).present_value
    Decimal('734.65')
    """
    assumptions = assumptions or RecoveryAssumptions()
    owed_amount = _amount(owed, "owed")
    _ = as_of  # the value is as of this date: every delay counts from it
    with localcontext(calc_context()):
        recovered = owed_amount * assumptions.no_agreement_share
        costs = recovered * assumptions.no_agreement_cost + assumptions.legal_costs
        net = max(ZERO, recovered - costs)
        value = net * _discount(assumptions, Decimal(assumptions.no_agreement_delay_months))
    return NoAgreementValue(
        present_value=round_fen(value),
        recovered=round_fen(recovered),
        costs=round_fen(costs),
        delay_months=assumptions.no_agreement_delay_months,
    )


def recovery_for_comparison(
    comparison: Comparison,
    can_pay: Decimal | None,
    as_of: date,
    assumptions: RecoveryAssumptions | None = None,
    *,
    available_now: Decimal = ZERO_MONEY,
    owed: Decimal | None = None,
) -> LenderRecovery:
    """Every row of ``comparison`` valued for the lender, and no agreement beside them.

    ``can_pay`` and ``available_now`` as given to :func:`core.proposals.compare_proposals`
    (``can_pay=None`` when there is no budget); ``owed`` defaults to the rows' own (what the
    debt's comparison counted as owed today).
    """
    assumptions = assumptions or RecoveryAssumptions()
    rows = comparison.rows
    if owed is None:
        if not rows:
            raise InvalidAmountError("owed", "a comparison without rows needs what is owed")
        owed = rows[0].owed
    values = tuple(
        expected_recovery(
            plan_payments(row.plan, as_of),
            owed,
            can_pay,
            as_of,
            assumptions,
            available_now=available_now,
        )
        for row in rows
    )
    return LenderRecovery(
        rows=values,
        no_agreement=no_agreement_value(owed, as_of, assumptions),
        owed=round_fen(_amount(owed, "owed")),
        assumptions=assumptions,
    )


def recovery_sentence(value: RecoveryValue, no_agreement: NoAgreementValue) -> RecoverySentence:
    """The figures of the sentence for one plan against no agreement (see
    :class:`RecoverySentence`).

    >>> plan = expected_recovery([(date(2026, 2, 1), Decimal(5000))], Decimal(13500), None,
    ...                          date(2026, 1, 1))
    >>> said = recovery_sentence(plan, no_agreement_value(Decimal(13500), date(2026, 1, 1)))
    >>> said.key, said.plan_value, said.no_agreement_value
    ('recovery.sentence.more', Decimal('4757.65'), Decimal('734.65'))
    """
    persuasive = value.present_value > no_agreement.present_value
    return RecoverySentence(
        key="recovery.sentence.more" if persuasive else "recovery.sentence.not_more",
        persuasive=persuasive,
        plan_value=value.present_value,
        no_agreement_value=no_agreement.present_value,
        difference=value.present_value - no_agreement.present_value,
    )
