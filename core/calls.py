"""What happened with a lender and what comes next: calls, follow-up tasks, documents, payments.

These are the records a counselor keeps over weeks of negotiation. They are plain data with
their own consistency rules; the rules that *derive* things from them (follow-ups, escalation,
plan adherence) live in ``core/rules/``.

Every point in time is a timezone-aware ``datetime``: a call made at 21:30 in Shanghai and the
same instant written in UTC are equal. ``id``, ``version`` and ``client_id`` are set by the
store; a model built on a page has ``id=None`` and ``version=0`` until it is saved.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_validator, model_validator

from core.debts import Debt
from core.errors import CoreError, InvalidAmountError
from core.limits import (
    MAX_AGENT_ID_LENGTH,
    MAX_CONTRACT_NUMBER_LENGTH,
    MAX_LENDER_LENGTH,
    MAX_SHORT_TEXT_LENGTH,
    MAX_TEXT_LENGTH,
)
from core.money import PositiveMoney, round_fen
from core.rules.credit_record import Reporting


class Channel(StrEnum):
    PHONE = "phone"
    IN_APP_CHAT = "in_app_chat"
    EMAIL = "email"
    LETTER = "letter"
    REGULATOR = "regulator"


class Direction(StrEnum):
    #: The client (or counselor) contacted the lender.
    OUTGOING = "outgoing"
    #: The lender or its collector contacted the client.
    INCOMING = "incoming"


class Outcome(StrEnum):
    AGREED = "agreed"
    PARTLY_AGREED = "partly_agreed"
    REFUSED = "refused"
    CALL_BACK = "call_back"
    NO_ANSWER = "no_answer"


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    id: int | None = None
    version: int = Field(default=0, ge=0)
    client_id: int | None = None


class Call(_Record):
    """One contact with a lender: a phone call, a chat, an email, a letter or a regulator case.

    ``agent_id`` is the lender agent's staff number (工号), quoted in later calls ("I spoke to
    agent A123 on 3 March"). ``next_action_on`` may not be before the day of the call, read in
    the call's own timezone.
    """

    at: AwareDatetime
    channel: Channel
    direction: Direction = Direction.OUTGOING
    lender: str = Field(min_length=1, max_length=MAX_LENDER_LENGTH)
    debt_id: int | None = None
    #: The saved proposal this call put to the lender (one of the debt's), if any.
    proposal_id: int | None = None
    agent_id: str = Field(default="", max_length=MAX_AGENT_ID_LENGTH)
    summary: str = Field(min_length=1, max_length=MAX_TEXT_LENGTH)
    lender_promised: str = Field(default="", max_length=MAX_TEXT_LENGTH)
    client_promised: str = Field(default="", max_length=MAX_TEXT_LENGTH)
    outcome: Outcome
    next_action: str = Field(default="", max_length=MAX_SHORT_TEXT_LENGTH)
    next_action_on: date | None = None
    recorded: bool = False
    agent_told_of_recording: bool = False

    @model_validator(mode="after")
    def _check_consistency(self) -> Call:
        if self.proposal_id is not None and self.debt_id is None:
            raise CoreError(
                "proposal_id",
                "a proposal put on a call is one of the call's debt: name the debt too",
                code="missing",
            )
        if self.next_action_on is not None:
            if self.next_action_on < self.at.date():
                raise CoreError(
                    "next_action_on",
                    f"{self.next_action_on} is before the call on {self.at.date()}",
                    code="date_before_call",
                )
            if not self.next_action:
                raise CoreError(
                    "next_action", "a next-action date needs the action itself", code="missing"
                )
        if self.agent_told_of_recording and not self.recorded:
            raise CoreError(
                "agent_told_of_recording",
                "the agent can only be told of a recording that was made",
                code="inconsistent",
            )
        return self


class TaskKind(StrEnum):
    """Why a follow-up exists; rules in ``core/rules/`` create the non-custom kinds."""

    CUSTOM = "custom"
    CHECK_PLAN_IN_APP = "check_plan_in_app"
    REQUEST_WRITTEN_CONFIRMATION = "request_written_confirmation"
    INSTALLMENT_REMINDER = "installment_reminder"
    RETRY_NEGOTIATION = "retry_negotiation"
    ESCALATE = "escalate"


class FollowUpTask(_Record):
    """Something to do by a deadline, often arising from a call (``source_call_id``).

    A reminder before an installment of an agreed plan names the plan (``proposal_id``, the
    agreed proposal) and the installment's due date (``installment_due_on``): a plan has one
    reminder per due date (see ``core.rules.followups.installment_reminders``). The due date
    stays when the plan is deleted, so a reminder done before remains as history.
    """

    title: str = Field(min_length=1, max_length=MAX_SHORT_TEXT_LENGTH)
    due: AwareDatetime
    kind: TaskKind = TaskKind.CUSTOM
    done: bool = False
    done_at: AwareDatetime | None = None
    source_call_id: int | None = None
    proposal_id: int | None = None
    installment_due_on: date | None = None
    notes: str = Field(default="", max_length=MAX_TEXT_LENGTH)

    @model_validator(mode="after")
    def _done_at_only_when_done(self) -> FollowUpTask:
        if self.done_at is not None and not self.done:
            raise CoreError("done_at", "an open task has no completion time", code="inconsistent")
        if self.installment_due_on is not None and self.kind is not TaskKind.INSTALLMENT_REMINDER:
            raise CoreError(
                "installment_due_on",
                "only a reminder before an installment has an installment's due date",
                code="inconsistent",
            )
        if self.proposal_id is not None and self.installment_due_on is None:
            raise CoreError(
                "installment_due_on",
                "a reminder of an agreed plan names the installment's due date",
                code="missing",
            )
        return self

    @property
    def plan_key(self) -> tuple[int, date] | None:
        """``(proposal_id, installment_due_on)`` for a reminder of an agreed plan, else None."""
        if self.proposal_id is None or self.installment_due_on is None:
            return None
        return self.proposal_id, self.installment_due_on


class DocumentItem(StrEnum):
    """The papers to have at hand before calling a lender."""

    CONTRACT_NUMBER = "contract_number"
    ID_CARD_PHOTOS = "id_card_photos"
    INCOME_PROOF = "income_proof"
    DEBT_LIST = "debt_list"
    HARDSHIP_PROOF = "hardship_proof"
    WRITTEN_PROPOSAL = "written_proposal"
    POWER_OF_ATTORNEY = "power_of_attorney"


class DocumentChecklist(_Record):
    """Which documents are ready for one client (and, optionally, one debt).

    ``income_proof`` is the last three months' income proof; ``debt_list`` a list of all the
    client's current debts; ``hardship_proof`` evidence of the hardship (job loss, illness);
    ``power_of_attorney`` the signed letter authorising a counselor to negotiate for the client
    (``core.rules.attorney``).
    """

    debt_id: int | None = None
    contract_number: bool = False
    id_card_photos: bool = False
    income_proof: bool = False
    debt_list: bool = False
    hardship_proof: bool = False
    written_proposal: bool = False
    power_of_attorney: bool = False
    notes: str = Field(default="", max_length=MAX_TEXT_LENGTH)

    def missing(self, *, on_behalf: bool = False) -> list[DocumentItem]:
        """The items not ready yet, in the order of :class:`DocumentItem`.

        The power of attorney is needed only when someone negotiates ``on_behalf`` of the
        client (a counselor); a client calling for themselves does not miss it.
        """
        return [item for item in self.needed(on_behalf=on_behalf) if not getattr(self, item.value)]

    @staticmethod
    def needed(*, on_behalf: bool = False) -> list[DocumentItem]:
        """The items a call needs: all of them, the power of attorney only ``on_behalf``."""
        return [
            item for item in DocumentItem if on_behalf or item is not DocumentItem.POWER_OF_ATTORNEY
        ]

    @property
    def complete(self) -> bool:
        """Ready for a client calling for themselves (see :meth:`missing`)."""
        return not self.missing()


class Payment(_Record):
    """Money the client paid a lender: on which debt, under which agreed plan (if any).

    The amount is exact to the fen: a payment of 1,000.005 cannot have been made.
    """

    paid_on: date
    amount: PositiveMoney
    debt_id: int | None = None
    proposal_id: int | None = None
    reference: str = Field(default="", max_length=MAX_SHORT_TEXT_LENGTH)

    @field_validator("amount")
    @classmethod
    def _whole_fen(cls, amount: Decimal) -> Decimal:
        if round_fen(amount) != amount:
            raise InvalidAmountError("amount", f"a payment is a whole number of fen, got {amount}")
        return amount


class ServiceChannelKind(StrEnum):
    """Where a lender can be reached officially (as opposed to a number found in an ad)."""

    HOTLINE = "hotline"
    APP = "app"
    WEBSITE = "website"
    EMAIL = "email"
    WECHAT = "wechat"
    WEIBO = "weibo"
    COMPLAINT = "complaint"
    OTHER = "other"


class OfficialChannel(BaseModel):
    """One official way to reach a lender: its hotline, app, website, email or complaint line."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    kind: ServiceChannelKind
    value: str = Field(min_length=1, max_length=MAX_SHORT_TEXT_LENGTH)
    note: str = Field(default="", max_length=MAX_SHORT_TEXT_LENGTH)


class DebtAccount(_Record):
    """A client's debt as the counselor keeps it: the :class:`~core.debts.Debt`, the contract or
    order number (合同编号 / 订单号) that lets the lender find the account, and the lender's
    official service channels (from its app or website, never from a search ad).

    For the credit-record clock (:mod:`core.rules.credit_record`): ``reports_credit``, whether
    the lender reports the account to the PBoC credit system (unknown until the counselor
    finds out), and ``overdue_since``, the day the account first went overdue as the counselor
    entered it (``None``: not known, or not overdue). It cannot be before the contract's date.

    ``id`` is the store's; ``debt.id`` is kept equal to it when read back.
    """

    debt: Debt
    contract_number: str = Field(default="", max_length=MAX_CONTRACT_NUMBER_LENGTH)
    official_channels: tuple[OfficialChannel, ...] = ()
    notes: str = Field(default="", max_length=MAX_TEXT_LENGTH)
    reports_credit: Reporting = Reporting.UNKNOWN
    overdue_since: date | None = None

    @field_validator("contract_number", mode="before")
    @classmethod
    def _no_inner_spaces(cls, value: object) -> object:
        return "".join(value.split()) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _overdue_after_the_contract(self) -> DebtAccount:
        signed = self.debt.contract_date
        if self.overdue_since is not None and signed is not None and self.overdue_since < signed:
            raise CoreError(
                "overdue_since",
                f"{self.overdue_since} is before the contract date {signed}",
                code="before_contract",
            )
        return self
