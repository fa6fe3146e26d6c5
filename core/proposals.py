"""Proposals to a lender, what each would cost, and which one to put forward.

Each proposal is a frozen model with a ``kind``; :data:`Proposal` is their union, discriminated
on ``kind``, so a stored dict or JSON comes back as the right model (:func:`parse_proposal`).
Every proposal becomes a :class:`core.plans.Plan` dated from ``as_of`` (first monthly payment
one month after it):

``baseline``
    The contract as it stands, overdue penalties included (:func:`core.debts.baseline_plan`).
``term_extension``
    The whole principal (overdue included) re-scheduled over ``months`` at the contract's
    rate, fee and method; penalty interest stops.
``interest_waiver``
    ``waiver_share`` of the accrued interest and penalties waived and/or a lower
    ``annual_rate`` from now on, over the contract's remaining term.
``combination``
    A term extension and an interest waiver together.
``stop_interest`` (停息挂账)
    Principal + accrued (less any waiver) frozen at ``as_of`` and repaid in equal months
    with no further interest; an optional reduced ``monthly_fee_rate`` on the frozen amount.
    Card issuers grant such 个性化分期 for up to 60 months; other lenders decide case by
    case — both are reported as reasons, not refused.
``principal_first`` (先还本金)
    The principal in ``months`` equal parts without new interest, then what is left of the
    accrued interest after the waiver in ``interest_months`` equal parts.
``down_payment``
    ``amount`` paid on ``as_of`` (period 0), the rest over ``months`` at the contract's or a
    new rate.
``lump_sum_settlement``
    An agreed total in one payment or 2–3 parts on stated dates; the rest is forgiven.
    For the rate each part is placed on the nearest month of the grid (:func:`grid_period`).

Shared rules: what is left of the accrued interest and penalties is never charged interest
and, unless the kind says otherwise, is spread evenly over the plan; a payment clears
accrued interest before principal (Civil Code art. 561); ``other_monthly_charges`` go on with
the contract's pricing (extension, waiver, combination, down payment) and stop when the
account is frozen (stop-interest, principal-first, settlement) — ``waive_monthly_charges``
overrides either default.

Explanations are :class:`core.reasons.Reason` codes with parameters (see ``core.reasons``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    model_validator,
)

from core.debts import Debt, LenderType, baseline_plan
from core.errors import InvalidAmountError, InvalidTermError
from core.limits import MAX_LABEL_LENGTH, MAX_MONTHS
from core.memo import Keyed, fields_key, keyed, value_cache
from core.money import (
    ZERO_MONEY,
    AnnualRate,
    MonthlyRate,
    Months,
    PositiveMoney,
    calc_context,
    money_total,
    round_fen,
    to_money,
    to_rate,
)
from core.plans import Plan, PlanRow, spread_evenly
from core.reasons import Reason
from core.schedules import LoanTerms, Method, add_months, schedule_for


class ProposalKind(StrEnum):
    BASELINE = "baseline"  # 按原合同
    TERM_EXTENSION = "term_extension"  # 延期 / 展期
    INTEREST_WAIVER = "interest_waiver"  # 减免息费
    STOP_INTEREST = "stop_interest"  # 停息挂账
    PRINCIPAL_FIRST = "principal_first"  # 先还本金
    DOWN_PAYMENT = "down_payment"  # 首付 + 分期
    LUMP_SUM_SETTLEMENT = "lump_sum_settlement"  # 一次性（或分 2–3 笔）结清
    COMBINATION = "combination"  # 延期 + 减免


def _share_validator(value: Any, info: Any) -> Decimal:
    return to_rate(value, getattr(info, "field_name", None) or "share", maximum=Decimal("1"))


#: A fraction from 0 to 1: ``Decimal("0.6")`` waives 60 %.
Share = Annotated[Decimal, BeforeValidator(_share_validator)]


def _fen_amount_validator(value: Decimal, info: Any) -> Decimal:
    amount = round_fen(value)
    if amount == 0:
        field = getattr(info, "field_name", None) or "amount"
        raise InvalidAmountError(field, "must be at least one fen")
    return amount


#: An agreed payment: positive, rounded to the fen (it is money paid).
FenAmount = Annotated[PositiveMoney, AfterValidator(_fen_amount_validator)]


class _Proposal(BaseModel):
    model_config = ConfigDict(frozen=True)

    label: str = Field(default="", max_length=MAX_LABEL_LENGTH)


class Baseline(_Proposal):
    """The contract as it stands, overdue penalties included (see ``core.debts``)."""

    kind: Literal[ProposalKind.BASELINE] = ProposalKind.BASELINE


class TermExtension(_Proposal):
    """The whole balance re-scheduled over ``months`` at the contract's rate and method."""

    kind: Literal[ProposalKind.TERM_EXTENSION] = ProposalKind.TERM_EXTENSION
    months: Months
    waive_monthly_charges: bool = False


class InterestWaiver(_Proposal):
    """A share of the accrued interest and penalties waived and/or a lower rate from now on.

    The term stays the contract's remaining term.
    """

    kind: Literal[ProposalKind.INTEREST_WAIVER] = ProposalKind.INTEREST_WAIVER
    waiver_share: Share = Decimal("0")
    annual_rate: AnnualRate | None = None
    waive_monthly_charges: bool = False

    @model_validator(mode="after")
    def _waives_something(self) -> InterestWaiver:
        if self.waiver_share == 0 and self.annual_rate is None:
            raise InvalidAmountError(
                "waiver_share", "give a share of accrued interest to waive or a lower annual_rate"
            )
        return self


class StopInterest(_Proposal):
    """停息挂账: principal + accrued frozen at ``as_of``, no further interest, equal months.

    An optional reduced ``monthly_fee_rate`` is charged on the frozen amount each month.
    """

    kind: Literal[ProposalKind.STOP_INTEREST] = ProposalKind.STOP_INTEREST
    months: Months
    monthly_fee_rate: MonthlyRate = Decimal("0")
    waiver_share: Share = Decimal("0")
    waive_monthly_charges: bool = True


class PrincipalFirst(_Proposal):
    """Principal repaid first in ``months`` equal parts without new interest, then the
    accrued interest left after the waiver in ``interest_months`` equal parts."""

    kind: Literal[ProposalKind.PRINCIPAL_FIRST] = ProposalKind.PRINCIPAL_FIRST
    months: Months
    waiver_share: Share = Decimal("0")
    interest_months: Months = 1
    waive_monthly_charges: bool = True


class DownPayment(_Proposal):
    """``amount`` paid on ``as_of``, the rest over ``months`` at the contract's (or a new) rate."""

    kind: Literal[ProposalKind.DOWN_PAYMENT] = ProposalKind.DOWN_PAYMENT
    amount: FenAmount
    months: Months
    annual_rate: AnnualRate | None = None
    waiver_share: Share = Decimal("0")
    waive_monthly_charges: bool = False


class SettlementPart(BaseModel):
    model_config = ConfigDict(frozen=True)

    amount: FenAmount
    due_date: date


class LumpSumSettlement(_Proposal):
    """An agreed amount that settles the debt, in one payment or in 2–3 parts on stated dates."""

    kind: Literal[ProposalKind.LUMP_SUM_SETTLEMENT] = ProposalKind.LUMP_SUM_SETTLEMENT
    parts: tuple[SettlementPart, ...] = Field(min_length=1, max_length=3)

    @model_validator(mode="after")
    def _dates_in_order(self) -> LumpSumSettlement:
        dates = [part.due_date for part in self.parts]
        if dates != sorted(dates):
            raise InvalidAmountError("parts", "the parts' due dates must be in order")
        return self

    @property
    def total(self) -> Decimal:
        return money_total(part.amount for part in self.parts)


class Combination(_Proposal):
    """A term extension and an interest waiver together."""

    kind: Literal[ProposalKind.COMBINATION] = ProposalKind.COMBINATION
    months: Months
    waiver_share: Share = Decimal("0")
    annual_rate: AnnualRate | None = None
    waive_monthly_charges: bool = False


Proposal = Annotated[
    Baseline
    | TermExtension
    | InterestWaiver
    | StopInterest
    | PrincipalFirst
    | DownPayment
    | LumpSumSettlement
    | Combination,
    Field(discriminator="kind"),
]

PROPOSAL_ADAPTER: TypeAdapter[Proposal] = TypeAdapter(Proposal)


def parse_proposal(data: Any) -> Proposal:
    """A proposal from a dict or JSON string (e.g. as stored), chosen by its ``kind``."""
    if isinstance(data, str | bytes):
        return PROPOSAL_ADAPTER.validate_json(data)
    return PROPOSAL_ADAPTER.validate_python(data)


class ProposalResult(BaseModel):
    """What a proposal means for the client; see :func:`evaluate_proposal`."""

    model_config = ConfigDict(frozen=True)

    proposal: Proposal
    plan: Plan
    months: int
    first_payment: Decimal
    highest_payment: Decimal
    total_paid: Decimal
    total_cost: Decimal
    forgiven: Decimal
    saving: Decimal
    annualized_rate: Decimal | None
    capacity: Decimal
    affordable: bool
    margin: Decimal
    reasons: tuple[Reason, ...]
    owed: Decimal = ZERO_MONEY

    @property
    def kind(self) -> ProposalKind:
        return self.proposal.kind

    @property
    def cost_beyond_owed(self) -> Decimal:
        """What the plan costs beyond what is owed today (principal + accrued interest and
        penalties); negative when it repays less than is owed."""
        return self.total_paid - self.owed

    @property
    def waived_of_owed(self) -> Decimal:
        """How much of what is owed today the plan does not repay (0 when it repays it all)."""
        return max(ZERO_MONEY, self.owed - self.total_paid)

    @property
    def waived_share(self) -> Decimal:
        """:attr:`waived_of_owed` as a fraction of what is owed (0.0667 for 900 of 13,500)."""
        if self.owed <= 0:
            return Decimal("0")
        return self.waived_of_owed / self.owed

    @property
    def rate_on_owed(self) -> Decimal | None:
        """The annualized rate the plan charges on what is owed today — only when the plan
        costs more than is owed; a plan that repays less is a waiver, not a negative rate."""
        rate = self.annualized_rate
        if self.cost_beyond_owed <= 0 or rate is None or rate <= 0:
            return None
        return rate

    @property
    def needs_consent(self) -> bool:
        """Whether the plan needs the lender to give something up (a waiver, a lower rate,
        停息挂账, principal first, a settlement): recommended "if the lender agrees"."""
        return needs_lender_consent(self.proposal) or self.forgiven > 0


class MinimumPlan(BaseModel):
    """The shortest term that fits the capacity, and the payment at the longest allowed term."""

    model_config = ConfigDict(frozen=True)

    fits: bool
    months: int | None
    payment: Decimal | None
    result: ProposalResult | None
    longest_months: int
    longest_payment: Decimal
    needed_capacity: Decimal | None
    reasons: tuple[Reason, ...]


class Comparison(BaseModel):
    """Every proposal evaluated, the minimum plan, and the row to put forward.

    ``rows`` are the ``results`` in the order given, then the minimum plan when it fits;
    ``recommended`` is an index into ``rows`` (``len(results)``: the minimum plan).
    """

    model_config = ConfigDict(frozen=True)

    results: tuple[ProposalResult, ...]
    recommended: int | None
    minimum_plan: MinimumPlan
    reason: Reason

    @property
    def rows(self) -> tuple[ProposalResult, ...]:
        """The results, then the minimum plan's result when it fits."""
        minimum = self.minimum_plan.result
        return self.results if minimum is None else (*self.results, minimum)

    @property
    def best(self) -> ProposalResult | None:
        """The recommended row, if any."""
        return None if self.recommended is None else self.rows[self.recommended]

    @property
    def recommends_minimum(self) -> bool:
        return self.recommended is not None and self.recommended == len(self.results)


def needs_lender_consent(proposal: Proposal) -> bool:
    """Whether the lender must give something up for ``proposal``: a waiver, a lower rate,
    stopping interest (停息挂账), principal first, or a settlement."""
    if isinstance(proposal, StopInterest | PrincipalFirst | LumpSumSettlement):
        return True
    if getattr(proposal, "waiver_share", Decimal("0")) > 0:
        return True
    return getattr(proposal, "annual_rate", None) is not None


# --- building each proposal's plan ---------------------------------------------------

#: The longest personalised installment (个性化分期) card issuers grant, in months.
CARD_INSTALLMENT_LIMIT = 60


class _Pricing(BaseModel):
    """How new principal is charged under a plan: rate, fee rate and method."""

    model_config = ConfigDict(frozen=True)

    annual_rate: Decimal
    monthly_fee_rate: Decimal
    method: Method


def _pricing(debt: Debt, new_rate: Decimal | None) -> _Pricing:
    """The contract's pricing, or a new annual rate in its place.

    A new rate replaces a flat fee too: the plan becomes equal installments at that rate.
    """
    if new_rate is None:
        return _Pricing(
            annual_rate=debt.annual_rate, monthly_fee_rate=debt.monthly_fee_rate, method=debt.method
        )
    method = Method.EQUAL_INSTALLMENT if debt.method is Method.FLAT_FEE else debt.method
    return _Pricing(annual_rate=new_rate, monthly_fee_rate=Decimal("0"), method=method)


def _waived(debt: Debt, share: Decimal) -> Decimal:
    return round_fen(calc_context().multiply(debt.accrued_interest_and_penalties, share))


def _installments(
    principal: Decimal,
    arrears: Decimal,
    months: int,
    pricing: _Pricing,
    charges: Decimal,
    as_of: date,
) -> list[PlanRow]:
    """Principal scheduled by ``pricing``, arrears spread evenly interest-free, charges monthly."""
    arrears_parts = spread_evenly(arrears, months)
    if principal > 0:
        rows = schedule_for(
            LoanTerms(
                principal=principal,
                annual_rate=pricing.annual_rate,
                months=months,
                method=pricing.method,
                monthly_fee_rate=pricing.monthly_fee_rate,
            )
        ).rows
        parts = [(r.principal, r.interest, r.fee, r.balance) for r in rows]
    else:
        parts = [(ZERO_MONEY, ZERO_MONEY, ZERO_MONEY, ZERO_MONEY)] * months
    out = []
    arrears_left = arrears
    for period, ((paid_principal, interest, fee, balance), paid_arrears) in enumerate(
        zip(parts, arrears_parts, strict=True), start=1
    ):
        arrears_left -= paid_arrears
        fees = fee + charges
        out.append(
            PlanRow(
                period=period,
                due_date=add_months(as_of, period),
                payment=paid_principal + interest + fees + paid_arrears,
                principal=paid_principal,
                interest=interest,
                fees=fees,
                arrears=paid_arrears,
                balance=balance + arrears_left,
            )
        )
    return out


def _charges(debt: Debt, waive: bool) -> Decimal:
    return ZERO_MONEY if waive else debt.other_monthly_charges


def _rescheduled(
    debt: Debt,
    months: int,
    waiver_share: Decimal,
    new_rate: Decimal | None,
    waive_charges: bool,
    as_of: date,
) -> tuple[Plan, Decimal]:
    waived = _waived(debt, waiver_share)
    rows = _installments(
        debt.outstanding_principal,
        debt.accrued_interest_and_penalties - waived,
        months,
        _pricing(debt, new_rate),
        _charges(debt, waive_charges),
        as_of,
    )
    return Plan(opening=debt.opening_balance, rows=tuple(rows)), waived


def _stop_interest(debt: Debt, p: StopInterest, as_of: date) -> tuple[Plan, Decimal]:
    waived = _waived(debt, p.waiver_share)
    frozen = debt.opening_balance - waived
    fee = round_fen(frozen * p.monthly_fee_rate) + _charges(debt, p.waive_monthly_charges)
    arrears_left = debt.accrued_interest_and_penalties - waived
    principal_left = debt.outstanding_principal
    rows = []
    for period, part in enumerate(spread_evenly(frozen, p.months), start=1):
        # Civil Code art. 561: a payment clears interest before principal.
        paid_arrears = min(part, arrears_left)
        paid_principal = part - paid_arrears
        arrears_left -= paid_arrears
        principal_left -= paid_principal
        rows.append(
            PlanRow(
                period=period,
                due_date=add_months(as_of, period),
                payment=part + fee,
                principal=paid_principal,
                interest=ZERO_MONEY,
                fees=fee,
                arrears=paid_arrears,
                balance=principal_left + arrears_left,
            )
        )
    return Plan(opening=debt.opening_balance, rows=tuple(rows)), waived


def _principal_first(debt: Debt, p: PrincipalFirst, as_of: date) -> tuple[Plan, Decimal]:
    waived = _waived(debt, p.waiver_share)
    arrears = debt.accrued_interest_and_penalties - waived
    charges = _charges(debt, p.waive_monthly_charges)
    principal = debt.outstanding_principal
    pieces = []  # (principal, arrears) per period
    if principal > 0:
        pieces += [(part, ZERO_MONEY) for part in spread_evenly(principal, p.months)]
    if arrears > 0:
        pieces += [(ZERO_MONEY, part) for part in spread_evenly(arrears, p.interest_months)]
    rows = []
    left = principal + arrears
    for period, (paid_principal, paid_arrears) in enumerate(pieces, start=1):
        left -= paid_principal + paid_arrears
        rows.append(
            PlanRow(
                period=period,
                due_date=add_months(as_of, period),
                payment=paid_principal + paid_arrears + charges,
                principal=paid_principal,
                interest=ZERO_MONEY,
                fees=charges,
                arrears=paid_arrears,
                balance=left,
            )
        )
    return Plan(opening=debt.opening_balance, rows=tuple(rows)), waived


def _down_payment(debt: Debt, p: DownPayment, as_of: date) -> tuple[Plan, Decimal]:
    waived = _waived(debt, p.waiver_share)
    arrears = debt.accrued_interest_and_penalties - waived
    owed = debt.outstanding_principal + arrears
    if p.amount > owed:
        raise InvalidAmountError("amount", f"{p.amount} is more than is owed ({owed})")
    paid_arrears = min(p.amount, arrears)
    paid_principal = p.amount - paid_arrears
    principal_left = debt.outstanding_principal - paid_principal
    arrears_left = arrears - paid_arrears
    now = PlanRow(
        period=0,
        due_date=as_of,
        payment=p.amount,
        principal=paid_principal,
        interest=ZERO_MONEY,
        fees=ZERO_MONEY,
        arrears=paid_arrears,
        balance=principal_left + arrears_left,
    )
    rows = [now]
    if principal_left + arrears_left > 0:
        rows += _installments(
            principal_left,
            arrears_left,
            p.months,
            _pricing(debt, p.annual_rate),
            _charges(debt, p.waive_monthly_charges),
            as_of,
        )
    return Plan(opening=debt.opening_balance, rows=tuple(rows)), waived


def grid_period(as_of: date, due: date) -> int:
    """The month on the plan's grid nearest to ``due``: 0 for ``as_of``, k for k months on.

    A date half-way between two grid dates goes to the earlier one.
    """
    if due < as_of:
        raise InvalidTermError("due_date", f"{due} is before the date of the plan {as_of}")
    guess = (due.year - as_of.year) * 12 + due.month - as_of.month
    candidates = [k for k in (guess - 1, guess, guess + 1) if k >= 0]
    return min(candidates, key=lambda k: (abs((add_months(as_of, k) - due).days), k))


def _settlement(debt: Debt, p: LumpSumSettlement, as_of: date) -> tuple[Plan, Decimal]:
    arrears_left = debt.accrued_interest_and_penalties
    principal_left = debt.outstanding_principal
    still_due = p.total
    rows = []
    for index, part in enumerate(p.parts):
        if part.due_date < as_of:
            raise InvalidTermError(
                f"parts[{index}].due_date", f"{part.due_date} is before the plan's date {as_of}"
            )
        paid_arrears = min(part.amount, arrears_left)
        paid_principal = min(part.amount - paid_arrears, principal_left)
        above_balance = part.amount - paid_arrears - paid_principal
        arrears_left -= paid_arrears
        principal_left -= paid_principal
        still_due -= part.amount
        rows.append(
            PlanRow(
                period=grid_period(as_of, part.due_date),
                due_date=part.due_date,
                payment=part.amount,
                principal=paid_principal,
                interest=above_balance,
                fees=ZERO_MONEY,
                arrears=paid_arrears,
                balance=still_due,
            )
        )
    forgiven = max(ZERO_MONEY, debt.opening_balance - p.total)
    return Plan(opening=debt.opening_balance, rows=tuple(rows)), forgiven


#: How many proposal plans are kept by the value of the debt, the terms and the date.
PLAN_CACHE_SIZE = 512


def terms_key(proposal: Proposal) -> Keyed[Proposal] | None:
    """``proposal`` keyed by the exact value of its terms: every field but its ``label``
    (which names the plan but changes none of it)."""
    names = [name for name in type(proposal).model_fields if name != "label"]
    return keyed(proposal, (type(proposal).__name__, fields_key(proposal, names)))


def proposal_plan(debt: Debt, proposal: Proposal, as_of: date) -> tuple[Plan, Decimal]:
    """The plan a proposal amounts to, and how much of what is owed it forgives.

    Built once per value of the debt (:attr:`core.debts.Debt.figures_key`), the proposal's
    terms (:func:`terms_key`) and ``as_of``: a comparison, the minimum plan's search and the
    next rerun of a page share it.
    """
    debt_key = debt.figures_key
    proposal_key = terms_key(proposal)
    if debt_key is None or proposal_key is None:
        return _proposal_plan(debt, proposal, as_of)
    return _cached_plan(debt_key, proposal_key, as_of)


@value_cache(maxsize=PLAN_CACHE_SIZE)
def _cached_plan(debt: Keyed[Debt], proposal: Keyed[Proposal], as_of: date) -> tuple[Plan, Decimal]:
    return _proposal_plan(debt.value, proposal.value, as_of)


def _proposal_plan(debt: Debt, proposal: Proposal, as_of: date) -> tuple[Plan, Decimal]:
    match proposal:
        case Baseline():
            return baseline_plan(debt, as_of), ZERO_MONEY
        case TermExtension():
            return _rescheduled(
                debt, proposal.months, Decimal("0"), None, proposal.waive_monthly_charges, as_of
            )
        case InterestWaiver():
            return _rescheduled(
                debt,
                max(debt.remaining_months, 1),
                proposal.waiver_share,
                proposal.annual_rate,
                proposal.waive_monthly_charges,
                as_of,
            )
        case Combination():
            return _rescheduled(
                debt,
                proposal.months,
                proposal.waiver_share,
                proposal.annual_rate,
                proposal.waive_monthly_charges,
                as_of,
            )
        case StopInterest():
            return _stop_interest(debt, proposal, as_of)
        case PrincipalFirst():
            return _principal_first(debt, proposal, as_of)
        case DownPayment():
            return _down_payment(debt, proposal, as_of)
        case LumpSumSettlement():
            return _settlement(debt, proposal, as_of)
    raise TypeError(f"not a proposal: {proposal!r}")


# --- evaluating and comparing ----------------------------------------------------------


def evaluate_proposal(
    debt: Debt,
    proposal: Proposal,
    capacity: Decimal | int | str,
    as_of: date,
    *,
    available_now: Decimal | int | str = 0,
    baseline: Plan | None = None,
) -> ProposalResult:
    """What ``proposal`` would mean for the client, given ``capacity`` a month.

    - ``total_cost`` = total paid − outstanding principal (negative when a settlement forgives
      part of the principal); ``saving`` = the baseline's total paid − this total paid.
    - ``annualized_rate``: the plan's rate (see :mod:`core.plans`), flow 0 = principal +
      accrued at ``as_of``; ``None`` ("—") when everything is paid at once on ``as_of``.
    - Affordable when no month's payments exceed ``capacity``; a payment on ``as_of`` itself
      may also use ``available_now`` (savings, family help). ``margin`` is the smallest room
      left in any month, negative by the amount it is short.

    Pass the debt's ``baseline`` plan when evaluating many proposals to compute it once.
    """
    monthly = to_money(capacity, "capacity")
    cash = to_money(available_now, "available_now")
    plan, forgiven = proposal_plan(debt, proposal, as_of)
    base = plan if isinstance(proposal, Baseline) else baseline or baseline_plan(debt, as_of)
    margin, tightest_payment, tightest_limit = None, ZERO_MONEY, monthly
    for period, paid in plan.payments_by_period:
        limit = monthly + cash if period == 0 else monthly
        if margin is None or limit - paid < margin:
            margin, tightest_payment, tightest_limit = limit - paid, paid, limit
    margin = monthly if margin is None else margin
    affordable = margin >= 0
    reasons = []
    if affordable:
        reasons.append(
            Reason.of(
                "payment_fits", payment=tightest_payment, capacity=tightest_limit, margin=margin
            )
        )
    else:
        reasons.append(
            Reason.of(
                "payment_above_capacity",
                payment=tightest_payment,
                limit_amount=tightest_limit,
                gap=-margin,
            )
        )
    if isinstance(proposal, StopInterest):
        if debt.lender_type is LenderType.BANK_CREDIT_CARD:
            if proposal.months > CARD_INSTALLMENT_LIMIT:
                reasons.append(
                    Reason.of(
                        "card_installment_limit",
                        limit_months=CARD_INSTALLMENT_LIMIT,
                        months=proposal.months,
                    )
                )
        else:
            reasons.append(Reason.of("case_by_case_term", months=proposal.months))
    saving = base.total_paid - plan.total_paid
    owed = debt.opening_balance
    if plan.total_paid < owed:
        reasons.append(
            Reason.of(
                "repays_less_than_owed",
                waived=owed - plan.total_paid,
                share=(owed - plan.total_paid) / owed,
            )
        )
    if not isinstance(proposal, Baseline):
        if saving >= 0:
            reasons.append(Reason.of("saves_against_baseline", saving=saving))
        else:
            reasons.append(Reason.of("costs_more_than_baseline", extra=-saving))
    return ProposalResult(
        proposal=proposal,
        plan=plan,
        months=plan.months,
        first_payment=plan.first_payment,
        highest_payment=plan.highest_payment,
        total_paid=plan.total_paid,
        total_cost=plan.total_paid - debt.outstanding_principal,
        forgiven=forgiven,
        saving=saving,
        annualized_rate=plan.annualized_rate(),
        capacity=monthly,
        affordable=affordable,
        margin=margin,
        reasons=tuple(reasons),
        owed=owed,
    )


def compare_proposals(
    debt: Debt,
    proposals: list[Proposal] | tuple[Proposal, ...],
    capacity: Decimal | int | str,
    as_of: date,
    *,
    available_now: Decimal | int | str = 0,
    max_months: int = 60,
) -> Comparison:
    """Evaluate every proposal and the minimum plan, and recommend one row.

    Every affordable row is a candidate, the minimum plan (:func:`minimum_payment_plan`)
    included: the recommendation is the one with the lowest total paid (ties: the lower
    highest payment, then the shorter plan, then the first listed, the minimum plan last).
    Its reason holds against the whole table:

    - ``cheapest_affordable`` (``cheapest_affordable_if_agreed`` when the lender must give
      something up): no affordable row repays less;
    - ``none_affordable_minimum_plan``: no listed proposal is affordable; the minimum plan is;
    - ``nothing_fits`` (no recommendation): not even the minimum plan at ``max_months`` fits.
    """
    baseline = baseline_plan(debt, as_of)
    results = tuple(
        evaluate_proposal(debt, p, capacity, as_of, available_now=available_now, baseline=baseline)
        for p in proposals
    )
    minimum = minimum_payment_plan(debt, capacity, as_of, max_months=max_months, baseline=baseline)
    rows = results if minimum.result is None else (*results, minimum.result)
    affordable = [i for i, r in enumerate(rows) if r.affordable]
    if not affordable:
        reason = Reason.of(
            "nothing_fits",
            months=minimum.longest_months,
            payment=minimum.longest_payment,
            capacity=to_money(capacity, "capacity"),
        )
        return Comparison(results=results, recommended=None, minimum_plan=minimum, reason=reason)
    best = min(
        affordable,
        key=lambda i: (rows[i].total_paid, rows[i].highest_payment, rows[i].months, i),
    )
    chosen = rows[best]
    if all(not r.affordable for r in results):
        reason = Reason.of(
            "none_affordable_minimum_plan", months=minimum.months, payment=minimum.payment
        )
    else:
        code = "cheapest_affordable_if_agreed" if chosen.needs_consent else "cheapest_affordable"
        reason = Reason.of(code, total=chosen.total_paid, kind=chosen.kind.value)
    return Comparison(results=results, recommended=best, minimum_plan=minimum, reason=reason)


def minimum_payment_plan(
    debt: Debt,
    capacity: Decimal | int | str,
    as_of: date,
    max_months: int = 60,
    *,
    baseline: Plan | None = None,
) -> MinimumPlan:
    """The shortest term whose payments all fit ``capacity``, at the debt's own rate.

    Each term n is the debt re-scheduled over n months as a :class:`TermExtension` (the
    contract's rate, method and charges; accrued interest spread evenly without interest).
    Payments fall as the term grows, so the shortest fitting term is found by bisection.

    Example: 12,000 at 18 %, 800 a month → 18 months at 765.67 (17 months would need
    804.96); at 60 months the payment would be 304.82. When even ``max_months`` does not
    fit, ``fits`` is false and ``needed_capacity`` is the payment at ``max_months``.
    """
    monthly = to_money(capacity, "capacity")
    if not 1 <= max_months <= MAX_MONTHS:
        raise InvalidTermError("max_months", f"must be 1 to {MAX_MONTHS}, got {max_months}")
    if baseline is None:
        baseline = baseline_plan(debt, as_of)
    tried: dict[int, ProposalResult] = {}

    def at(months: int) -> ProposalResult:
        if months not in tried:
            tried[months] = evaluate_proposal(
                debt, TermExtension(months=months), monthly, as_of, baseline=baseline
            )
        return tried[months]

    longest = at(max_months)
    if not longest.affordable:
        return MinimumPlan(
            fits=False,
            months=None,
            payment=None,
            result=None,
            longest_months=max_months,
            longest_payment=longest.highest_payment,
            needed_capacity=longest.highest_payment,
            reasons=(
                Reason.of(
                    "needs_capacity",
                    months=max_months,
                    payment=longest.highest_payment,
                    needed=longest.highest_payment,
                ),
            ),
        )
    low, high = 1, max_months  # high always fits
    while low < high:
        middle = (low + high) // 2
        if at(middle).affordable:
            high = middle
        else:
            low = middle + 1
    best = at(high)
    return MinimumPlan(
        fits=True,
        months=high,
        payment=best.highest_payment,
        result=best,
        longest_months=max_months,
        longest_payment=longest.highest_payment,
        needed_capacity=None,
        reasons=(Reason.of("shortest_term_fits", months=high, payment=best.highest_payment),),
    )
