"""The letter to the lender: an application to reschedule (协商还款申请 / 个性化分期申请) filled
from a saved proposal, in Chinese to send and in English for the counselor to read.

Lenders weigh such a request on four things: who asks and for which contract, why the client
cannot pay as contracted (with papers that back it), what the household really has each month,
and a concrete plan. The letter states them in that order, then asks for the answer in writing
through the lender's official channels, and ends with the date and a line to sign.

Three steps, so that the figures can be tested without a database and the two files cannot
differ:

- :func:`load_letter_inputs` reads what the letter needs through :mod:`services` (client, the
  debt and the client's other debts, the saved proposal, the budget in force, the hardship
  situations and the proof gathered) into :class:`LetterInputs`;
- :func:`build_letter` turns them into a :class:`Letter` — pure: the day of the figures and of
  the letter (``as_of``) is a parameter;
- :func:`compose` words a letter in one language as a list of blocks (paragraphs, headings,
  tables) that :mod:`report.letter_docx` and :mod:`report.letter_pdf` lay out as they are.

The figures of the plan are the saved proposal's own (``SavedProposal.plan``, the schedule the
counselor saved, dates moved onto the contract's due day when chosen): each installment, their
number, the first and last dates, the total. What is waived is what the plan does not repay of
what was owed when it starts: its opening balance less the principal and past interest its
payments clear (a settlement's forgiven rest, a waived share of the accrued interest).
A proposal saved without its plan (older records) is worked out again from the day it was
agreed, or from ``as_of``, as the plan report does.

What the lender reads of the client (:mod:`core.privacy`, :attr:`Audience.LENDER`): the full
name and the contract number, the ID and mobile numbers by their last four characters only
(``****1233``); every text a counselor typed (a situation's note, the creditor's and product's
names, an income's label) scrubbed for the lender with what the record holds, and read as plain
text (control characters dropped, nothing interpreted as markup).

The letter is made only with the client's consent to contact lenders
(:attr:`ConsentScope.CONTACT_LENDERS`); without it, as without a budget or a saved proposal,
:class:`LetterError` says so (worded by the catalogue: ``error.letter_*``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict

import services
from core.affordability import Budget, CostCategory
from core.calls import DebtAccount
from core.clients import Client, ConsentScope
from core.debts import LenderType, baseline_plan
from core.errors import CoreError
from core.money import ZERO_MONEY, money_total
from core.plans import Plan
from core.privacy import TAIL_MARK, Audience, Known, scrub
from core.proposals import (
    Combination,
    DownPayment,
    InterestWaiver,
    LumpSumSettlement,
    PrincipalFirst,
    Proposal,
    ProposalKind,
    StopInterest,
    proposal_plan,
)
from core.rules.hardship import HardshipSituation, ProofItem, SituationKind
from core.text import format_share
from i18n import enum_label, format_date, format_money, format_percent, translate
from report.plan_report import chosen_proposal
from services import LOCAL_USER, Actor, ProposalStatus, SavedProposal

__all__ = [
    "Block",
    "ContractFigures",
    "Installment",
    "Letter",
    "LetterError",
    "LetterInputs",
    "Terms",
    "build_letter",
    "compose",
    "file_title",
    "letter_file_name",
    "load_letter_inputs",
    "make_letter",
    "require_consent",
]

#: The field every refusal of the letter names (``field.letter``).
FIELD = "letter"
#: Income labels the Affordability page saves, worded by the catalogue.
WORDED_INCOMES = ("salary", "other")


class LetterError(CoreError):
    """The letter cannot be made; ``code`` says why (``error.<code>`` in the catalogue)."""

    code = "letter_unavailable"


def require_consent(client: Client) -> None:
    """:class:`LetterError` unless the client agreed that lenders may be contacted for them."""
    if client.consent is None or not client.consent.covers(ConsentScope.CONTACT_LENDERS):
        raise LetterError(
            FIELD,
            "the client has not agreed that lenders may be contacted for them",
            code="letter_needs_consent",
        )


# --- what the letter is made from ----------------------------------------------------------


class LetterInputs(BaseModel):
    """What the letter needs, as the services return it."""

    model_config = ConfigDict(frozen=True)

    client: Client
    #: The debt the letter is about.
    account: DebtAccount
    #: Every debt of the client, that one included (what the contracts ask in all).
    accounts: tuple[DebtAccount, ...]
    saved: SavedProposal
    budget: Budget | None
    situations: tuple[HardshipSituation, ...] = ()
    #: The proof gathered, in the evidence list's order
    #: (:func:`core.rules.hardship.enclosures`).
    enclosures: tuple[ProofItem, ...] = ()


def load_letter_inputs(
    ws,
    client_id: int,
    debt_id: int,
    *,
    proposal_id: int | None = None,
    as_of: date | None = None,
    actor: Actor = LOCAL_USER,
) -> LetterInputs:
    """The records of ``client_id``'s letter about ``debt_id``.

    The proposal is ``proposal_id`` or else the one the plan report shows for the debt (the one
    agreed, else the latest saved, never a refused one); the budget the one in force on
    ``as_of`` (the latest when none is). Refused without consent to contact lenders before
    anything else is read; :class:`LetterError` when the debt or a proposal is missing; the
    services' own errors (no such client, the database) pass through.
    """
    client = services.clients.get(ws, actor, client_id)
    require_consent(client)
    accounts = tuple(services.debts.list_for_client(ws, actor, client_id))
    account = next((a for a in accounts if a.id == debt_id), None)
    if account is None:
        raise LetterError(FIELD, f"client {client_id} has no debt {debt_id}", code="letter_no_debt")
    proposals = tuple(services.proposals.list_for_client(ws, actor, client_id))
    if proposal_id is None:
        saved = chosen_proposal(proposals, debt_id)
        if saved is None:
            raise LetterError(
                FIELD, f"debt {debt_id} has no saved proposal", code="letter_needs_proposal"
            )
    else:
        saved = next((p for p in proposals if p.id == proposal_id and p.debt_id == debt_id), None)
        if saved is None:
            raise LetterError(
                FIELD,
                f"debt {debt_id} has no saved proposal {proposal_id}",
                code="letter_no_proposal",
            )
    version = services.budgets.current(ws, actor, client_id, as_of)
    if version is None and as_of is not None:
        version = services.budgets.current(ws, actor, client_id)
    evidence = services.hardship.evidence(ws, actor, client_id)
    return LetterInputs(
        client=client,
        account=account,
        accounts=accounts,
        saved=saved,
        budget=version.budget if version is not None else None,
        situations=evidence.situations,
        enclosures=evidence.enclosures,
    )


def make_letter(
    ws,
    client_id: int,
    debt_id: int,
    *,
    as_of: date,
    proposal_id: int | None = None,
    actor: Actor = LOCAL_USER,
) -> Letter:
    """The letter of ``client_id`` about ``debt_id`` on ``as_of``: :func:`load_letter_inputs`
    then :func:`build_letter` (what a page's download button or the command line calls)."""
    inputs = load_letter_inputs(
        ws, client_id, debt_id, proposal_id=proposal_id, as_of=as_of, actor=actor
    )
    return build_letter(inputs, as_of=as_of)


def letter_file_name(letter: Letter, lang: str, suffix: str) -> str:
    """A file name naming no one: ``letter-3-7-2026-11-30.docx`` (``-en`` for the reading
    copy)."""
    copy = "" if lang == "zh-CN" else f"-{lang}"
    return f"letter-{letter.client_id}-{letter.debt_id}-{letter.dated.isoformat()}{copy}{suffix}"


# --- the letter's content --------------------------------------------------------------------


class SituationLine(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: SituationKind
    started_on: date
    ended_on: date | None
    #: The counselor's note, scrubbed for the lender.
    note: str


class IncomeLine(BaseModel):
    model_config = ConfigDict(frozen=True)

    #: ``salary`` or ``other`` (worded by the catalogue), else empty.
    key: str
    #: A label typed by hand (scrubbed for the lender), when ``key`` is empty.
    label: str
    amount: Decimal


class CostLine(BaseModel):
    model_config = ConfigDict(frozen=True)

    category: CostCategory
    amount: Decimal


class ContractFigures(BaseModel):
    """The debt as the record stands on the letter's day."""

    model_config = ConfigDict(frozen=True)

    creditor: str
    product: str
    lender_type: LenderType
    #: In full: the lender needs it to find the account.
    contract_number: str
    principal: Decimal
    overdue: Decimal
    days_overdue: int
    accrued: Decimal
    owed: Decimal
    #: The contract's true annual rate (``None`` when it cannot be worked out).
    annual_rate: Decimal | None
    remaining_months: int
    #: What the contract asks with its next payment, overdue amounts included.
    demand_now: Decimal
    #: Its usual installment after that.
    regular: Decimal


class Installment(BaseModel):
    """One payment of the plan: ``number`` 0 is a down payment on the plan's first day."""

    model_config = ConfigDict(frozen=True)

    number: int
    due_date: date | None
    amount: Decimal


class PaymentRun(BaseModel):
    """Installments ``first`` to ``last`` (numbers), each of ``amount``."""

    model_config = ConfigDict(frozen=True)

    first: int
    last: int
    amount: Decimal


class Terms(BaseModel):
    """The plan asked for, every figure the saved plan's."""

    model_config = ConfigDict(frozen=True)

    kind: ProposalKind
    #: The proposal's terms without the counselor's label.
    proposal: Proposal
    down_payment: Installment | None
    #: The installments after the down payment (a settlement: its parts), numbered from 1.
    installments: tuple[Installment, ...]
    runs: tuple[PaymentRun, ...]
    total: Decimal
    waived: Decimal
    #: What was owed when the plan starts (principal and past interest).
    opening: Decimal

    @property
    def monthly(self) -> Decimal:
        """The first installment's amount (the regular one; see :attr:`runs` for the others)."""
        return self.installments[0].amount if self.installments else ZERO_MONEY

    @property
    def count(self) -> int:
        return len(self.installments)

    @property
    def first_due(self) -> date | None:
        return self.installments[0].due_date if self.installments else None

    @property
    def last_due(self) -> date | None:
        return self.installments[-1].due_date if self.installments else None

    @property
    def highest(self) -> Decimal:
        """The largest installment (the down payment left out: it may come from savings)."""
        return max((i.amount for i in self.installments), default=ZERO_MONEY)

    @property
    def schedule(self) -> tuple[Installment, ...]:
        down = (self.down_payment,) if self.down_payment is not None else ()
        return (*down, *self.installments)


class Letter(BaseModel):
    """Everything the letter says, already scrubbed for the lender; see :func:`compose`."""

    model_config = ConfigDict(frozen=True)

    client_id: int | None
    debt_id: int | None
    proposal_id: int | None
    #: The day of the figures and of the letter.
    dated: date
    name: str
    #: ``****`` and the last four characters, empty when not on record.
    id_tail: str
    mobile_tail: str
    contract: ContractFigures
    situations: tuple[SituationLine, ...]
    household_size: int
    incomes: tuple[IncomeLine, ...]
    costs: tuple[CostLine, ...]
    living_floor: Decimal
    buffer: Decimal
    capacity: Decimal
    #: How many debts the client has, this one included, and what they ask together.
    debts_count: int
    demand_all_now: Decimal
    demand_all_regular: Decimal
    terms: Terms
    enclosures: tuple[ProofItem, ...]
    agreed_on: date | None

    @property
    def net_income(self) -> Decimal:
        return money_total(line.amount for line in self.incomes)

    @property
    def essential_total(self) -> Decimal:
        return money_total(line.amount for line in self.costs)

    @property
    def gap_now(self) -> Decimal:
        return max(ZERO_MONEY, self.demand_all_now - self.capacity)

    @property
    def gap_regular(self) -> Decimal:
        return max(ZERO_MONEY, self.demand_all_regular - self.capacity)

    @property
    def plan_fits(self) -> bool:
        return bool(self.terms.installments) and self.terms.highest <= self.capacity


def _tail(value: str | None) -> str:
    value = (value or "").strip()
    return f"{TAIL_MARK}{value[-4:]}" if value else ""


def plain(text: str) -> str:
    """Typed text as plain text for a document: line breaks and tabs kept, every other control
    character (and anything XML cannot hold) dropped, spaces at either end trimmed.

    >>> plain("逾期\\x00 30天\\r\\n\\x1b[1m说明")
    '逾期 30天\\n[1m说明'
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept = []
    for char in text:
        if char in "\n\t":
            kept.append(char)
        elif unicodedata.category(char) in {"Cc", "Cs"} or char in "\ufffe\uffff":
            continue
        else:
            kept.append(char)
    return "".join(kept).strip()


def build_letter(inputs: LetterInputs, *, as_of: date) -> Letter:
    """The letter of ``inputs`` on ``as_of`` (see the module docstring)."""
    client = inputs.client
    require_consent(client)
    if inputs.budget is None:
        raise LetterError(FIELD, "the client has no budget", code="letter_needs_budget")
    saved = inputs.saved
    if saved.debt_id != inputs.account.id:
        raise LetterError(
            FIELD,
            f"proposal {saved.id} is not about debt {inputs.account.id}",
            code="letter_no_proposal",
        )
    known = Known.of(client, contract_numbers=(a.contract_number for a in inputs.accounts))

    def said(text: str) -> str:
        return plain(scrub(plain(text), Audience.LENDER, known))

    budget = inputs.budget
    account = inputs.account
    return Letter(
        client_id=client.id,
        debt_id=account.id,
        proposal_id=saved.id,
        dated=as_of,
        name=plain(client.name),
        id_tail=_tail(client.id_number),
        mobile_tail=_tail(client.mobile),
        contract=_contract(account, as_of, said),
        situations=tuple(
            SituationLine(
                kind=s.kind, started_on=s.started_on, ended_on=s.ended_on, note=said(s.note)
            )
            for s in sorted(inputs.situations, key=lambda s: (s.started_on, s.ended_on or as_of))
        ),
        household_size=budget.household_size,
        incomes=tuple(
            IncomeLine(
                key=item.label if item.label in WORDED_INCOMES else "",
                label="" if item.label in WORDED_INCOMES else said(item.label),
                amount=item.amount,
            )
            for item in budget.incomes
            if item.amount
        ),
        costs=tuple(
            CostLine(category=category, amount=budget.essential_costs[category])
            for category in CostCategory
            if budget.essential_costs.get(category)
        ),
        living_floor=budget.living_floor,
        buffer=budget.buffer,
        capacity=budget.capacity,
        debts_count=len(inputs.accounts),
        demand_all_now=money_total(
            baseline_plan(a.debt, as_of).first_payment for a in inputs.accounts
        ),
        demand_all_regular=money_total(a.debt.regular_payment for a in inputs.accounts),
        terms=_terms(account, saved, as_of),
        enclosures=tuple(inputs.enclosures),
        agreed_on=saved.agreed_on if saved.status is ProposalStatus.AGREED else None,
    )


def _contract(account: DebtAccount, as_of: date, said) -> ContractFigures:
    debt = account.debt
    return ContractFigures(
        creditor=said(debt.creditor),
        product=said(debt.product),
        lender_type=debt.lender_type,
        contract_number=plain(account.contract_number),
        principal=debt.outstanding_principal,
        overdue=debt.overdue_amount,
        days_overdue=debt.days_overdue,
        accrued=debt.accrued_interest_and_penalties,
        owed=debt.opening_balance,
        annual_rate=debt.true_annual_rate,
        remaining_months=debt.remaining_months,
        demand_now=baseline_plan(debt, as_of).first_payment,
        regular=debt.regular_payment,
    )


def saved_plan(account: DebtAccount, saved: SavedProposal, as_of: date) -> Plan:
    """The plan saved with the proposal; one saved without it worked out again from the day it
    was agreed (else ``as_of``)."""
    if saved.plan is not None:
        return saved.plan
    start = saved.agreed_on if saved.status is ProposalStatus.AGREED and saved.agreed_on else as_of
    return proposal_plan(account.debt, saved.proposal, start)[0]


def _terms(account: DebtAccount, saved: SavedProposal, as_of: date) -> Terms:
    plan = saved_plan(account, saved, as_of)
    proposal = saved.proposal
    settlement = proposal.kind is ProposalKind.LUMP_SUM_SETTLEMENT
    down_rows = [] if settlement else [row for row in plan.rows if row.period == 0]
    later = plan.rows if settlement else [row for row in plan.rows if row.period >= 1]
    down = None
    if down_rows:
        down = Installment(
            number=0,
            due_date=down_rows[0].due_date,
            amount=money_total(row.payment for row in down_rows),
        )
    installments = tuple(
        Installment(number=n, due_date=row.due_date, amount=row.payment)
        for n, row in enumerate(later, start=1)
    )
    cleared = plan.total_principal + plan.total_arrears
    return Terms(
        kind=proposal.kind,
        proposal=proposal.model_copy(update={"label": ""}),
        down_payment=down,
        installments=installments,
        runs=_runs(installments),
        total=plan.total_paid,
        waived=max(ZERO_MONEY, plan.opening - cleared),
        opening=plan.opening,
    )


def _runs(installments: tuple[Installment, ...]) -> tuple[PaymentRun, ...]:
    runs: list[PaymentRun] = []
    for item in installments:
        if runs and runs[-1].amount == item.amount:
            runs[-1] = runs[-1].model_copy(update={"last": item.number})
        else:
            runs.append(PaymentRun(first=item.number, last=item.number, amount=item.amount))
    return tuple(runs)


# --- the letter worded: blocks both files lay out ----------------------------------------------

#: How a block is laid out: ``line`` is a paragraph without room after it (the addressee and
#: applicant lines); ``closing`` starts the closing lines, kept on one page with the signature
#: that follows (indented by two characters in Chinese: 此致); ``signature`` and ``right`` sit
#: on the right, ``signature`` with room above it to sign.
Style = Literal[
    "title",
    "subtitle",
    "note",
    "line",
    "heading",
    "body",
    "item",
    "closing",
    "signature",
    "right",
    "table",
]


@dataclass(frozen=True)
class Block:
    """One piece of the letter. ``text`` for a paragraph (``marker`` before an item); a table
    has ``rows`` (the first the ``header`` when given) and which columns hold figures."""

    style: Style
    text: str = ""
    marker: str = ""
    header: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    #: Per column: True when it holds figures (right-aligned, never broken).
    figures: tuple[bool, ...] = ()
    #: Relative column widths.
    weights: tuple[int, ...] = field(default=())
    #: Starts a new page (the annex).
    new_page: bool = False
    #: Indented by two characters (此致).
    indent: bool = False


def _t(key: str, lang: str, **params) -> str:
    return translate(key, lang, **params)


def _money(amount: Decimal, lang: str) -> str:
    return format_money(amount, lang)


def _date(day: date | None, lang: str) -> str:
    return format_date(day, lang) if day is not None else "—"


def _pairs(rows: list[tuple[str, str]]) -> Block:
    """A two-column table: what, and its figure."""
    return Block(style="table", rows=tuple(rows), figures=(False, True), weights=(62, 38))


def file_title(letter: Letter, lang: str) -> str:
    """The document's title (its metadata and a download's name)."""
    return _t("letter.file_title", lang, creditor=letter.contract.creditor)


def compose(letter: Letter, lang: str) -> tuple[Block, ...]:
    """The letter in ``lang`` (zh-CN: the letter to send; en: the counselor's reading copy)."""
    blocks: list[Block] = [
        Block("title", _t("letter.title", lang)),
        Block("subtitle", _t("letter.subtitle", lang)),
    ]
    if lang != "zh-CN":
        blocks.append(Block("note", _t("letter.reading_copy", lang)))
    blocks += _parties(letter, lang)
    blocks += _loan(letter, lang)
    blocks += _hardship(letter, lang)
    blocks += _budget(letter, lang)
    blocks += _demand(letter, lang)
    blocks += _proposal(letter, lang)
    blocks += _enclosures(letter, lang)
    blocks += _request(letter, lang)
    blocks += _closing(letter, lang)
    blocks += _schedule(letter, lang)
    return tuple(blocks)


def kind_name(kind: ProposalKind, lang: str) -> str:
    return _t(f"letter.kind.{kind.value}", lang)


def _parties(letter: Letter, lang: str) -> list[Block]:
    contract = letter.contract
    lines = [_t("letter.to", lang, creditor=contract.creditor)]
    lines.append(_t("letter.applicant", lang, name=letter.name))
    if letter.id_tail:
        lines.append(_t("letter.id_tail", lang, tail=letter.id_tail))
    if letter.mobile_tail:
        lines.append(_t("letter.mobile_tail", lang, tail=letter.mobile_tail))
    if contract.contract_number:
        lines.append(_t("letter.contract", lang, number=contract.contract_number))
    else:
        lines.append(_t("letter.contract_missing", lang))
    if contract.product:
        lines.append(_t("letter.product", lang, product=contract.product))
    blocks = [Block("line", line) for line in lines]
    blocks.append(Block("body", _t("letter.greeting", lang, creditor=contract.creditor)))
    kind = kind_name(letter.terms.kind, lang)
    blocks.append(Block("body", _t("letter.opening", lang, name=letter.name, kind=kind)))
    return blocks


def _loan(letter: Letter, lang: str) -> list[Block]:
    c = letter.contract
    rows = [(_t("letter.loan.principal", lang), _money(c.principal, lang))]
    if c.overdue > 0:
        label = (
            _t("letter.loan.overdue", lang, days=c.days_overdue)
            if c.days_overdue
            else _t("letter.loan.overdue_no_days", lang)
        )
        rows.append((label, _money(c.overdue, lang)))
    if c.accrued > 0:
        rows.append((_t("letter.loan.accrued", lang), _money(c.accrued, lang)))
    rows.append((_t("letter.loan.owed", lang), _money(c.owed, lang)))
    if c.annual_rate is not None:
        rows.append((_t("letter.loan.rate", lang), format_percent(c.annual_rate, lang)))
    rows.append(
        (
            _t("letter.loan.remaining", lang),
            _t("letter.plan.count_value", lang, n=c.remaining_months),
        )
    )
    return [
        Block("heading", _t("letter.section.loan", lang)),
        Block("body", _t("letter.loan.as_of", lang, date=_date(letter.dated, lang))),
        _pairs(rows),
    ]


def _hardship(letter: Letter, lang: str) -> list[Block]:
    blocks = [Block("heading", _t("letter.section.hardship", lang))]
    if not letter.situations:
        return [*blocks, Block("body", _t("letter.hardship.none", lang))]
    for number, s in enumerate(letter.situations, start=1):
        kind = enum_label(s.kind, lang)
        if s.ended_on is None:
            text = _t("letter.hardship.ongoing", lang, start=_date(s.started_on, lang), kind=kind)
        else:
            text = _t(
                "letter.hardship.ended",
                lang,
                start=_date(s.started_on, lang),
                end=_date(s.ended_on, lang),
                kind=kind,
            )
        if s.note:
            text += "\n" + _t("letter.hardship.note", lang, note=s.note)
        blocks.append(Block("item", text, marker=f"{number}."))
    return blocks


def _income_label(line: IncomeLine, lang: str) -> str:
    if line.key:
        return _t(f"letter.budget.income.{line.key}", lang)
    if line.label:
        return _t("letter.budget.income.named", lang, label=line.label)
    return _t("letter.budget.income.unnamed", lang)


def _budget(letter: Letter, lang: str) -> list[Block]:
    rows = [(_income_label(line, lang), _money(line.amount, lang)) for line in letter.incomes]
    rows.append((_t("letter.budget.income.total", lang), _money(letter.net_income, lang)))
    rows += [
        (
            _t("letter.budget.cost", lang, category=enum_label(c.category, lang)),
            _money(c.amount, lang),
        )
        for c in letter.costs
    ]
    rows.append((_t("letter.budget.cost.total", lang), _money(letter.essential_total, lang)))
    if letter.living_floor > 0:
        rows.append((_t("letter.budget.floor", lang), _money(letter.living_floor, lang)))
    if letter.buffer > 0:
        rows.append((_t("letter.budget.buffer", lang), _money(letter.buffer, lang)))
    rows.append((_t("letter.budget.capacity", lang), _money(letter.capacity, lang)))
    return [
        Block("heading", _t("letter.section.budget", lang)),
        Block("body", _t("letter.budget.household", lang, n=letter.household_size)),
        _pairs(rows),
    ]


def _demand(letter: Letter, lang: str) -> list[Block]:
    c = letter.contract
    rows = [
        (_t("letter.demand.this_now", lang), _money(c.demand_now, lang)),
        (_t("letter.demand.this_regular", lang), _money(c.regular, lang)),
    ]
    if letter.debts_count > 1:
        n = letter.debts_count
        rows += [
            (_t("letter.demand.all_now", lang, n=n), _money(letter.demand_all_now, lang)),
            (_t("letter.demand.all_regular", lang, n=n), _money(letter.demand_all_regular, lang)),
        ]
    rows.append((_t("letter.demand.capacity", lang), _money(letter.capacity, lang)))
    if letter.gap_now > 0:
        rows.append((_t("letter.demand.gap_now", lang), _money(letter.gap_now, lang)))
    if letter.gap_regular > 0:
        rows.append((_t("letter.demand.gap_regular", lang), _money(letter.gap_regular, lang)))
    blocks = [Block("heading", _t("letter.section.demand", lang)), _pairs(rows)]
    if letter.gap_now > 0:
        blocks.append(
            Block("body", _t("letter.demand.short", lang, gap=_money(letter.gap_now, lang)))
        )
    else:
        blocks.append(Block("body", _t("letter.demand.fits", lang)))
    return blocks


def terms_text(terms: Terms, lang: str) -> str:
    """What the plan asks for, in words (its figures are in the table below it)."""
    p = terms.proposal
    if isinstance(p, LumpSumSettlement):
        total = _money(terms.total, lang)
        if terms.count > 1:
            return _t("letter.terms.settlement_parts", lang, n=terms.count, total=total)
        return _t("letter.terms.settlement_one", lang, total=total)
    if isinstance(p, DownPayment):
        amount = terms.down_payment.amount if terms.down_payment else p.amount
        text = _t(
            "letter.terms.down_payment", lang, amount=_money(amount, lang), months=terms.count
        )
    elif isinstance(p, PrincipalFirst):
        if terms.count > p.months:
            text = _t(
                "letter.terms.principal_first",
                lang,
                months=p.months,
                interest_months=terms.count - p.months,
            )
        else:
            text = _t("letter.terms.principal_only", lang, months=terms.count)
    else:
        text = _t(f"letter.terms.{p.kind.value}", lang, months=terms.count)
    sentences = [text]
    share = getattr(p, "waiver_share", Decimal("0"))
    if share > 0:
        sentences.append(_t("letter.terms.waiver", lang, share=format_share(share)))
    rate = getattr(p, "annual_rate", None)
    if isinstance(p, InterestWaiver | Combination | DownPayment) and rate is not None:
        sentences.append(_t("letter.terms.new_rate", lang, rate=format_share(rate)))
    if isinstance(p, StopInterest) and p.monthly_fee_rate > 0:
        sentences.append(_t("letter.terms.fee", lang, rate=format_share(p.monthly_fee_rate)))
    return ("" if lang == "zh-CN" else " ").join(sentences)


def _proposal(letter: Letter, lang: str) -> list[Block]:
    terms = letter.terms
    settlement = terms.kind is ProposalKind.LUMP_SUM_SETTLEMENT
    kind = kind_name(terms.kind, lang)
    rows = [(_t("letter.plan.kind", lang), kind[:1].upper() + kind[1:])]
    if terms.down_payment is not None:
        label = _t("letter.plan.down", lang, date=_date(terms.down_payment.due_date, lang))
        rows.append((label, _money(terms.down_payment.amount, lang)))
    if terms.installments:
        if not settlement:
            rows.append((_t("letter.plan.monthly", lang), _money(terms.monthly, lang)))
        if len(terms.runs) > 1 or settlement:
            rows.append((_t("letter.plan.runs", lang), _runs_text(terms, lang)))
        if settlement:
            rows.append(
                (_t("letter.plan.parts", lang), _t("letter.plan.parts_value", lang, n=terms.count))
            )
            rows.append((_t("letter.plan.first_part", lang), _date(terms.first_due, lang)))
        else:
            rows.append(
                (_t("letter.plan.count", lang), _t("letter.plan.count_value", lang, n=terms.count))
            )
            rows.append((_t("letter.plan.first_due", lang), _date(terms.first_due, lang)))
            rows.append((_t("letter.plan.last_due", lang), _date(terms.last_due, lang)))
    waived = (
        _money(terms.waived, lang) if terms.waived > 0 else _t("letter.plan.nothing_waived", lang)
    )
    rows.append((_t("letter.plan.waived", lang), waived))
    rows.append((_t("letter.plan.total", lang), _money(terms.total, lang)))
    rows.append((_t("letter.plan.owed", lang), _money(terms.opening, lang)))
    blocks = [
        Block("heading", _t("letter.section.proposal", lang)),
        Block("body", terms_text(terms, lang)),
        _pairs(rows),
    ]
    if letter.plan_fits:
        blocks.append(
            Block("body", _t("letter.plan.fits", lang, capacity=_money(letter.capacity, lang)))
        )
    if terms.schedule:
        blocks.append(Block("body", _t("letter.schedule.see", lang)))
    return blocks


def _schedule(letter: Letter, lang: str) -> list[Block]:
    """Every payment of the plan: an annex after the signature."""
    rows = tuple(
        (
            _t("letter.schedule.down", lang) if item.number == 0 else str(item.number),
            _date(item.due_date, lang),
            _money(item.amount, lang),
        )
        for item in letter.terms.schedule
    )
    if not rows:
        return []
    header = (
        _t("letter.schedule.number", lang),
        _t("letter.schedule.date", lang),
        _t("letter.schedule.amount", lang),
    )
    return [
        Block("heading", _t("letter.schedule.title", lang), new_page=True),
        Block(
            "line",
            _t(
                "letter.schedule.for",
                lang,
                name=letter.name,
                number=letter.contract.contract_number or "—",
            ),
        ),
        Block("table", header=header, rows=rows, figures=(True, False, True), weights=(16, 44, 40)),
    ]


def _runs_text(terms: Terms, lang: str) -> str:
    parts = []
    for run in terms.runs:
        amount = _money(run.amount, lang)
        if run.first == run.last:
            parts.append(_t("letter.plan.run_one", lang, first=run.first, amount=amount))
        else:
            parts.append(
                _t("letter.plan.run_many", lang, first=run.first, last=run.last, amount=amount)
            )
    return "\n".join(parts)


def _enclosures(letter: Letter, lang: str) -> list[Block]:
    blocks = [Block("heading", _t("letter.section.enclosures", lang))]
    if not letter.enclosures:
        return [*blocks, Block("body", _t("letter.enclosures.none", lang))]
    blocks.append(Block("body", _t("letter.enclosures.intro", lang)))
    blocks += [
        Block("item", enum_label(item, lang), marker=f"{n}.")
        for n, item in enumerate(letter.enclosures, start=1)
    ]
    return blocks


def _request(letter: Letter, lang: str) -> list[Block]:
    blocks = [Block("heading", _t("letter.section.request", lang))]
    if letter.agreed_on is not None:
        blocks.append(
            Block("body", _t("letter.request.agreed_on", lang, date=_date(letter.agreed_on, lang)))
        )
    blocks.append(Block("body", _t("letter.request.written", lang)))
    blocks.append(Block("body", _t("letter.request.more", lang)))
    return blocks


def _closing(letter: Letter, lang: str) -> list[Block]:
    # Chinese closes on two lines: "此致" indented by two characters, then "敬礼！" flush left.
    regards = _t("letter.closing.regards", lang).split("\n")
    blocks = [Block("closing", regards[0], indent=len(regards) > 1)]
    blocks += [Block("body", line) for line in regards[1:]]
    blocks += [
        Block("signature", _t("letter.closing.signature", lang)),
        Block("right", _t("letter.closing.name", lang, name=letter.name)),
        Block("right", _t("letter.closing.date", lang, date=_date(letter.dated, lang))),
    ]
    return blocks
