"""The data of a client's plan report: what the share view, the PDF and the HTML show.

Two steps, so that the figures can be tested without a database:

- :func:`load_inputs` reads a client's records from the store (client, debts, saved
  proposals, current budget, calls) into :class:`ReportInputs`;
- :func:`build_report` turns them into a :class:`PlanReport` — pure: the day of the figures
  (``as_of``) and the moment the report is made (``made_at``) are parameters.

The chosen plan of each debt is the proposal agreed with the lender; failing that, the latest
proposal saved for that debt (the one to put to the lender); failing that, the contract as it
stands. An agreed proposal is evaluated from the day it was agreed, and its payments are those
of the schedule saved with the agreement when there is one (its first on the contract's due
day, say: the dates the reminders follow), the others from ``as_of``. Every figure of a debt
comes from :func:`core.proposals.evaluate_proposal`; the report only adds them up, per
calendar month and in total. Proposals saved for all debts at once (no ``debt_id``) are not shown.

What reaches the client's copy (the share view, the chart images, the PDF and the HTML all
read this report, so they cannot differ):

- never the counselor's own words: a saved proposal's title and its proposal's label (the plan
  is named by its kind and terms, see :attr:`DebtLine.terms`), the notes of the client and of
  a debt (never read), a call's next action (the counselor's own task, never read);
- a call's summary and what each side promised: they are the record of what the lender said,
  so they are kept, but, when masked, scrubbed for the client (:func:`core.privacy.scrub`
  with :attr:`core.privacy.Audience.CLIENT` and the record's :class:`core.privacy.Known`:
  the client's and the contacts' names, mobile, ID, contract and staff numbers), as are the
  other texts a counselor typed that the copy shows — creditor, product and lender names;
- masking (on unless asked otherwise), one rule per field: the name is shortened (张*明); the
  mobile, the ID number, contract numbers and agents' staff numbers are left out entirely (an
  empty field here; ``***`` inside free text); a contact's name is shortened like the
  client's. Unmasked, every field is shown whole, and so the same in every output.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

import services
from core.affordability import Budget
from core.calls import Call, Channel, DebtAccount, Direction, Outcome
from core.clients import Client, MaskKind, mask
from core.debts import LenderType, baseline_plan
from core.money import ZERO_MONEY, money_total
from core.plans import PlanRow
from core.privacy import Audience, Known, scrub
from core.proposals import Baseline, Proposal, ProposalKind, evaluate_proposal
from services import LOCAL_USER, Actor, ProposalStatus, SavedProposal


class PlanStatus(StrEnum):
    #: The lender agreed to the plan (on ``agreed_on``).
    AGREED = "agreed"
    #: A saved proposal, still to be put to the lender.
    PROPOSED = "proposed"
    #: Nothing saved yet: the contract as it stands.
    CONTRACT = "contract"


class ReportInputs(BaseModel):
    """A client's records as the store keeps them."""

    model_config = ConfigDict(frozen=True)

    client: Client
    debts: tuple[DebtAccount, ...] = ()
    proposals: tuple[SavedProposal, ...] = ()
    budget: Budget | None = None
    calls: tuple[Call, ...] = ()


class DebtLine(BaseModel):
    """One debt, its contract as it stands and the plan chosen for it."""

    model_config = ConfigDict(frozen=True)

    debt_id: int | None
    creditor: str
    product: str
    lender_type: LenderType
    #: Empty when masked.
    contract_number: str
    owed_now: Decimal
    #: What the contract asks with its next payment, overdue amounts included.
    contract_monthly: Decimal
    #: The contract's usual installment (:attr:`core.debts.Debt.regular_payment`).
    regular_monthly: Decimal
    contract_total: Decimal
    status: PlanStatus
    agreed_on: date | None
    kind: ProposalKind
    #: The plan's terms without the counselor's label: what the plan is named by.
    terms: Proposal
    first_payment: Decimal
    highest_payment: Decimal
    months: int
    total_paid: Decimal
    total_cost: Decimal
    forgiven: Decimal
    saving: Decimal
    annualized_rate: Decimal | None
    rows: tuple[PlanRow, ...]
    contract_rows: tuple[PlanRow, ...]


class MonthTotal(BaseModel):
    """What all the debts ask in one calendar month (``month`` is its first day)."""

    model_config = ConfigDict(frozen=True)

    month: date
    plan: Decimal
    contract: Decimal


class DueLine(BaseModel):
    """One payment date of a chosen plan."""

    model_config = ConfigDict(frozen=True)

    due_date: date
    creditor: str
    amount: Decimal
    status: PlanStatus


class CallLine(BaseModel):
    """A call as the client may read it: scrubbed when masked, without the counselor's task."""

    model_config = ConfigDict(frozen=True)

    at: datetime
    lender: str
    channel: Channel
    direction: Direction
    #: Empty when masked.
    agent_id: str
    outcome: Outcome
    summary: str
    lender_promised: str
    client_promised: str


class PlanReport(BaseModel):
    """Everything a report shows, already masked (unless ``masked`` is False)."""

    model_config = ConfigDict(frozen=True)

    client_id: int | None
    client_label: str
    #: Empty when masked (left out of every output).
    mobile: str
    #: Empty when masked (left out of every output).
    id_number: str
    masked: bool
    as_of: date
    made_at: datetime
    capacity: Decimal | None
    debts: tuple[DebtLine, ...]
    months: tuple[MonthTotal, ...]
    dues: tuple[DueLine, ...]
    calls: tuple[CallLine, ...]

    @property
    def total_plan(self) -> Decimal:
        return money_total(line.total_paid for line in self.debts)

    @property
    def total_contract(self) -> Decimal:
        return money_total(line.contract_total for line in self.debts)

    @property
    def saving(self) -> Decimal:
        return money_total(line.saving for line in self.debts)

    @property
    def total_cost(self) -> Decimal:
        return money_total(line.total_cost for line in self.debts)

    @property
    def first_month(self) -> Decimal:
        """The plans' total in the month of the next payment due on or after ``as_of`` (0 if
        none): what the client pays next, not what an agreed plan asked months ago."""
        upcoming = [
            row.due_date
            for line in self.debts
            for row in line.rows
            if row.due_date is not None and row.due_date >= self.as_of
        ]
        if not upcoming:
            return ZERO_MONEY
        month = min(upcoming).replace(day=1)
        return next((m.plan for m in self.months if m.month == month), ZERO_MONEY)

    @property
    def highest_month(self) -> Decimal:
        return max((m.plan for m in self.months), default=ZERO_MONEY)

    @property
    def contract_month(self) -> Decimal:
        """What the contracts demand with their next payment, overdue amounts included."""
        return money_total(line.contract_monthly for line in self.debts)

    @property
    def regular_month(self) -> Decimal:
        """The contracts' usual installments, without what is overdue."""
        return money_total(line.regular_monthly for line in self.debts)

    @property
    def months_over_capacity(self) -> tuple[MonthTotal, ...]:
        if self.capacity is None:
            return ()
        return tuple(m for m in self.months if m.plan > self.capacity)

    @property
    def largest_gap(self) -> Decimal:
        return max((m.plan - self.capacity for m in self.months_over_capacity), default=ZERO_MONEY)

    @property
    def agreed_dues(self) -> tuple[DueLine, ...]:
        return tuple(due for due in self.dues if due.status is PlanStatus.AGREED)


# --- reading the store ---------------------------------------------------------------------


def load_inputs(store, client_id: int, *, actor: Actor = LOCAL_USER) -> ReportInputs:
    """The client's records; :class:`store.NotFoundError` when there is no such client."""
    client = services.clients.get(store, actor, client_id)
    budget = services.budgets.current(store, actor, client_id)
    return ReportInputs(
        client=client,
        debts=tuple(services.debts.list_for_client(store, actor, client_id)),
        proposals=tuple(services.proposals.list_for_client(store, actor, client_id)),
        budget=budget.budget if budget is not None else None,
        calls=tuple(services.calls.list_for_client(store, actor, client_id, newest_first=True)),
    )


# --- building the report -------------------------------------------------------------------


def chosen_proposal(proposals: tuple[SavedProposal, ...], debt_id: int | None):
    """The agreed proposal of a debt, else its latest saved one (never one the lender refused),
    else None."""
    mine = [
        p
        for p in proposals
        if p.debt_id is not None and p.debt_id == debt_id and p.status is not ProposalStatus.REFUSED
    ]
    agreed = [p for p in mine if p.status is ProposalStatus.AGREED]
    if agreed:
        return agreed[-1]
    return max(mine, key=lambda p: p.id or 0, default=None)


def build_report(
    inputs: ReportInputs, *, as_of: date, made_at: datetime, masked: bool = True
) -> PlanReport:
    """The report of ``inputs`` (see the module docstring)."""
    client = inputs.client
    capacity = inputs.budget.capacity if inputs.budget is not None else None
    known = known_of(inputs)

    def text(value: str) -> str:
        return scrub(value, Audience.CLIENT, known) if masked else value

    lines = tuple(
        _debt_line(account, inputs.proposals, capacity or ZERO_MONEY, as_of, masked, text)
        for account in inputs.debts
    )
    return PlanReport(
        client_id=client.id,
        client_label=mask(MaskKind.NAME, client.name) if masked else client.name,
        mobile=_hide(client.mobile or "", masked),
        id_number=_hide(client.id_number or "", masked),
        masked=masked,
        as_of=as_of,
        made_at=made_at,
        capacity=capacity,
        debts=lines,
        months=month_totals(lines),
        dues=_dues(lines),
        calls=tuple(_call_line(call, masked, text) for call in inputs.calls),
    )


def _hide(value: str, masked: bool) -> str:
    """The rule for the mobile, ID and contract numbers and agents' IDs: left out when masked."""
    return "" if masked else value


def known_of(inputs: ReportInputs) -> Known:
    """What the client's record holds, to be found in free text even when it matches no
    pattern: the client's and contacts' names, mobile, ID, contract and staff numbers."""
    return Known.of(
        inputs.client,
        contract_numbers=(account.contract_number for account in inputs.debts),
        agent_ids=(call.agent_id for call in inputs.calls),
    )


def _debt_line(
    account: DebtAccount,
    proposals: tuple[SavedProposal, ...],
    capacity: Decimal,
    as_of: date,
    masked: bool,
    text: Callable[[str], str],
) -> DebtLine:
    debt = account.debt
    saved = chosen_proposal(proposals, account.id)
    if saved is None:
        status, start, proposal = PlanStatus.CONTRACT, as_of, Baseline()
    else:
        agreed = saved.status is ProposalStatus.AGREED
        status = PlanStatus.AGREED if agreed else PlanStatus.PROPOSED
        start = saved.agreed_on if agreed and saved.agreed_on else as_of
        proposal = saved.proposal  # its title is the counselor's own: left behind
    contract = baseline_plan(debt, as_of)
    result = evaluate_proposal(
        debt, proposal, capacity, start, baseline=contract if start == as_of else None
    )
    rows = result.plan.rows
    if status is PlanStatus.AGREED and saved is not None and saved.plan is not None:
        # The schedule as agreed (on the contract's due day, say), which the reminders follow
        # too; the figures are the same, only the dates may differ from the worked-out plan.
        rows = saved.plan.rows
    return DebtLine(
        debt_id=account.id,
        creditor=text(debt.creditor),
        product=text(debt.product),
        lender_type=debt.lender_type,
        contract_number=_hide(account.contract_number, masked),
        owed_now=debt.opening_balance,
        contract_monthly=contract.first_payment,
        regular_monthly=debt.regular_payment,
        contract_total=contract.total_paid,
        status=status,
        agreed_on=saved.agreed_on if saved is not None else None,
        kind=proposal.kind,
        terms=proposal.model_copy(update={"label": ""}),
        first_payment=result.first_payment,
        highest_payment=result.highest_payment,
        months=result.months,
        total_paid=result.total_paid,
        total_cost=result.total_cost,
        forgiven=result.forgiven,
        saving=result.saving,
        annualized_rate=result.annualized_rate,
        rows=rows,
        contract_rows=contract.rows,
    )


def _month(day: date) -> date:
    return day.replace(day=1)


def month_totals(lines: tuple[DebtLine, ...]) -> tuple[MonthTotal, ...]:
    """Payments of all chosen plans and of all contracts, per calendar month, every month
    from the first payment to the last (months without a payment show 0)."""
    plan: dict[date, Decimal] = defaultdict(lambda: ZERO_MONEY)
    contract: dict[date, Decimal] = defaultdict(lambda: ZERO_MONEY)
    for line in lines:
        for row in line.rows:
            if row.due_date is not None:
                plan[_month(row.due_date)] += row.payment
        for row in line.contract_rows:
            if row.due_date is not None:
                contract[_month(row.due_date)] += row.payment
    months = sorted(plan.keys() | contract.keys())
    if not months:
        return ()
    result, month = [], months[0]
    while month <= months[-1]:
        result.append(MonthTotal(month=month, plan=plan[month], contract=contract[month]))
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return tuple(result)


def _dues(lines: tuple[DebtLine, ...]) -> tuple[DueLine, ...]:
    """Every payment date of the chosen plans (not of plain contracts), in date order."""
    dues: list[DueLine] = []
    for line in lines:
        if line.status is PlanStatus.CONTRACT:
            continue
        by_date: dict[date, Decimal] = defaultdict(lambda: ZERO_MONEY)
        for row in line.rows:
            if row.due_date is not None:
                by_date[row.due_date] += row.payment
        dues.extend(
            DueLine(due_date=day, creditor=line.creditor, amount=amount, status=line.status)
            for day, amount in by_date.items()
        )
    return tuple(sorted(dues, key=lambda due: (due.due_date, due.creditor)))


def _call_line(call: Call, masked: bool, text: Callable[[str], str]) -> CallLine:
    return CallLine(
        at=call.at,
        lender=text(call.lender),
        channel=call.channel,
        direction=call.direction,
        agent_id=_hide(call.agent_id, masked),
        outcome=call.outcome,
        summary=text(call.summary),
        lender_promised=text(call.lender_promised),
        client_promised=text(call.client_promised),
    )
