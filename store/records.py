"""Records the store keeps around ``core`` models: a dated budget, a saved proposal.

They are frozen pydantic models like those of ``core``; ``id`` and ``version`` are the store's.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from core.affordability import Budget
from core.limits import MAX_TITLE_LENGTH
from core.money import AnnualRate, Months, PositiveMoney
from core.plans import Plan
from core.proposals import Proposal, ProposalKind, Share


class BudgetVersion(BaseModel):
    """A client's budget from ``valid_from`` on, until a later version replaces it."""

    model_config = ConfigDict(frozen=True)

    id: int | None = None
    client_id: int | None = None
    valid_from: date
    budget: Budget


class ProposalStatus(StrEnum):
    #: Worked out and kept for comparison.
    SAVED = "saved"
    #: The plan the lender agreed to; at most one per client and debt.
    AGREED = "agreed"
    #: Put to the lender and refused: kept as history, never shown to the client as the plan.
    REFUSED = "refused"


class ProposalSettings(BaseModel):
    """What the counselor chose on the Proposals page for a client's debt when saving a
    proposal: the kinds compared, the term, the waiver, the new rate, the down payment, the
    settlement and the first installment's date. Kept with the saved proposal, so the page
    opens on them again, in a later session too. Empty fields were not shown."""

    model_config = ConfigDict(frozen=True)

    kinds: tuple[ProposalKind, ...] = Field(default=(), max_length=len(ProposalKind))
    months: Months | None = None
    waiver_share: Share | None = None
    annual_rate: AnnualRate | None = None
    down_payment: PositiveMoney | None = None
    settlement_total: PositiveMoney | None = None
    settlement_dates: tuple[date, ...] = Field(default=(), max_length=3)
    first_due: date | None = None


class SavedProposal(BaseModel):
    """A proposal kept for a client (for one debt, or for all when ``debt_id`` is None)."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    id: int | None = None
    version: int = Field(default=0, ge=0)
    client_id: int | None = None
    debt_id: int | None = None
    proposal: Proposal
    title: str = Field(default="", max_length=MAX_TITLE_LENGTH)
    status: ProposalStatus = ProposalStatus.SAVED
    agreed_on: date | None = None
    plan: Plan | None = None
    settings: ProposalSettings | None = None

    @model_validator(mode="after")
    def _agreed_has_a_date(self) -> SavedProposal:
        if (self.status is ProposalStatus.AGREED) != (self.agreed_on is not None):
            raise ValueError(
                "agreed_on: an agreed proposal has the date it was agreed, and only it"
            )
        return self
