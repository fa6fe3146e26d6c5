"""Proposals to a lender, what each would cost, and which one to put forward.

PROPOSALS_DOC_PLACEHOLDER
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    model_validator,
)

from core.errors import InvalidAmountError
from core.money import AnnualRate, MonthlyRate, Months, PositiveMoney, to_rate
from core.plans import Plan
from core.reasons import Reason


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


class _Proposal(BaseModel):
    model_config = ConfigDict(frozen=True)

    label: str = ""


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
    amount: PositiveMoney
    months: Months
    annual_rate: AnnualRate | None = None
    waiver_share: Share = Decimal("0")
    waive_monthly_charges: bool = False


class SettlementPart(BaseModel):
    model_config = ConfigDict(frozen=True)

    amount: PositiveMoney
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
        return sum((part.amount for part in self.parts), Decimal("0.00"))


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

    @property
    def kind(self) -> ProposalKind:
        return self.proposal.kind


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
    """Every proposal evaluated, and the one to put forward (an index into ``results``)."""

    model_config = ConfigDict(frozen=True)

    results: tuple[ProposalResult, ...]
    recommended: int | None
    minimum_plan: MinimumPlan | None
    reason: Reason
