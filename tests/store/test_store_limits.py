"""Anything the app accepts it can save, back up and restore: every text column is exactly as
long as its model's limit (``core.limits``), and any valid record round-trips save → backup →
restore unchanged, on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_samples import a_client, a_debt

from core.affordability import IncomeItem
from core.calls import (
    Call,
    Channel,
    DebtAccount,
    Direction,
    DocumentChecklist,
    DocumentItem,
    FollowUpTask,
    Outcome,
    Payment,
    TaskKind,
)
from core.case_lifecycle import CaseStage, CloseReason, StageChange
from core.clients import Client, ConsentScope
from core.debts import Debt, LenderType
from core.evidence import EvidenceFile, EvidenceKind
from core.lender_history import LenderAlias
from core.proposals import ProposalKind
from core.rates import QuoteKind
from core.rules.conduct import CollectionContact, CollectionEvent, ContactTarget
from core.rules.credit_record import Reporting
from core.rules.hardship import HardshipSituation, SituationKind
from core.rules.legal import LegalEvent, LegalStage
from core.schedules import Method
from store.backup import backup_document, backup_to_bytes, read_backup, restore_from_bytes
from store.orm import Base
from store.records import ProposalStatus, SavedProposal
from tests.strategies import (
    budgets,
    clients,
    debt_accounts,
    instants,
    money_up_to,
    proposals,
    texts,
)

# --- every text column is as long as its field ------------------------------------------------

#: Each text column and the model field whose limit it must equal.
FIELDS = {
    "clients.name": (Client, "name"),
    "clients.mobile": (Client, "mobile"),
    "clients.id_number": (Client, "id_number"),
    "clients.notes": (Client, "notes"),
    "calls.lender": (Call, "lender"),
    "calls.agent_id": (Call, "agent_id"),
    "calls.summary": (Call, "summary"),
    "calls.lender_promised": (Call, "lender_promised"),
    "calls.client_promised": (Call, "client_promised"),
    "calls.next_action": (Call, "next_action"),
    "follow_up_tasks.title": (FollowUpTask, "title"),
    "follow_up_tasks.notes": (FollowUpTask, "notes"),
    "document_checklists.notes": (DocumentChecklist, "notes"),
    "payments.reference": (Payment, "reference"),
    "collection_contacts.lender": (CollectionContact, "lender"),
    "collection_contacts.collector": (CollectionContact, "collector"),
    "collection_contacts.note": (CollectionContact, "note"),
    "debts.creditor": (Debt, "creditor"),
    "debts.product": (Debt, "product"),
    "debts.contract_number": (DebtAccount, "contract_number"),
    "debts.notes": (DebtAccount, "notes"),
    "proposals.title": (SavedProposal, "title"),
    "hardship_situations.note": (HardshipSituation, "note"),
    "lender_aliases.alias": (LenderAlias, "alias"),
    "lender_aliases.lender": (LenderAlias, "lender"),
    "legal_events.document": (LegalEvent, "document"),
    "case_stages.note": (StageChange, "note"),
    "evidence_files.file_name": (EvidenceFile, "file_name"),
    "evidence_files.sha256": (EvidenceFile, "sha256"),
}
#: Each column holding an enum's value (it must fit the longest).
CODES: dict[str, type[StrEnum]] = {
    "calls.channel": Channel,
    "calls.direction": Direction,
    "calls.outcome": Outcome,
    "follow_up_tasks.kind": TaskKind,
    "collection_contacts.channel": Channel,
    "collection_contacts.contacted": ContactTarget,
    "debts.lender_type": LenderType,
    "debts.rate_kind": QuoteKind,
    "debts.method": Method,
    "proposals.kind": ProposalKind,
    "proposals.status": ProposalStatus,
    "debts.reports_credit": Reporting,
    "hardship_situations.kind": SituationKind,
    "legal_events.stage": LegalStage,
    "case_stages.stage": CaseStage,
    "case_stages.reason": CloseReason,
    "evidence_files.item": DocumentItem,
    "evidence_files.kind": EvidenceKind,
}


def text_columns() -> list[sa.Column]:
    return [
        column
        for table in Base.metadata.sorted_tables
        if table.info.get("backup", True) is True  # records, not bookkeeping
        for column in table.columns
        if isinstance(column.type, sa.String)
    ]


def max_length(model, field: str) -> int | None:
    limits = [getattr(meta, "max_length", None) for meta in model.model_fields[field].metadata]
    return next((limit for limit in limits if limit is not None), None)


@pytest.mark.parametrize("column", text_columns(), ids=lambda c: f"{c.table.name}.{c.name}")
def test_every_text_column_is_exactly_as_long_as_its_models_limit(column):
    name = f"{column.table.name}.{column.name}"
    if name == "clients.consent_scopes":
        assert column.type.length >= len(",".join(scope.value for scope in ConsentScope))
        return
    if name in CODES:
        assert max(len(member.value) for member in CODES[name]) <= column.type.length
        return
    assert name in FIELDS, f"{name}: which model field does it hold?"
    model, field = FIELDS[name]
    limit = max_length(model, field)
    assert limit is not None, f"{model.__name__}.{field} has no length limit"
    if isinstance(column.type, sa.Text):
        return  # free text: held to the model's limit, the column has none
    assert column.type.length == limit, name


# --- any valid record round-trips --------------------------------------------------------------


@st.composite
def a_world(draw):
    """A client with debts, budgets, proposals, calls, tasks, checklists, payments and
    collection contacts, each valid and at or inside its limits; the links are left to fill."""
    from core.limits import (
        MAX_AGENT_ID_LENGTH,
        MAX_COLLECTOR_LENGTH,
        MAX_LENDER_LENGTH,
        MAX_MONEY,
        MAX_SHORT_TEXT_LENGTH,
        MAX_TEXT_LENGTH,
        MAX_TITLE_LENGTH,
    )

    most = int(MAX_MONEY * 100)
    return {
        "client": draw(clients()),
        "debts": draw(st.lists(debt_accounts(0), min_size=1, max_size=2)),
        "budget": draw(budgets()),
        "proposal": draw(proposals()),
        "title": draw(texts(MAX_TITLE_LENGTH)),
        "call": {
            "at": draw(instants()),
            "channel": draw(st.sampled_from(list(Channel))),
            "direction": draw(st.sampled_from(list(Direction))),
            "lender": draw(texts(MAX_LENDER_LENGTH, min_size=1)),
            "agent_id": draw(texts(MAX_AGENT_ID_LENGTH)),
            "summary": draw(texts(MAX_TEXT_LENGTH, min_size=1)),
            "lender_promised": draw(texts(MAX_TEXT_LENGTH)),
            "client_promised": draw(texts(MAX_TEXT_LENGTH)),
            "outcome": draw(st.sampled_from(list(Outcome))),
            "next_action": draw(texts(MAX_SHORT_TEXT_LENGTH)),
            "recorded": draw(st.booleans()),
        },
        "task": {
            "title": draw(texts(MAX_SHORT_TEXT_LENGTH, min_size=1)),
            "due": draw(instants()),
            "kind": draw(st.sampled_from(list(TaskKind))),
            "notes": draw(texts(MAX_TEXT_LENGTH)),
        },
        "payment": {
            "paid_on": draw(st.dates()),
            "amount": draw(money_up_to(most, min_fen=1)),
            "reference": draw(texts(MAX_SHORT_TEXT_LENGTH)),
        },
        "contact": {
            "event": CollectionEvent(
                at=draw(instants()),
                contacted=draw(st.sampled_from(list(ContactTarget))),
                threats=draw(st.booleans()),
                threat_to_safety=draw(st.booleans()),
                insults=draw(st.booleans()),
            ),
            "channel": draw(st.sampled_from(list(Channel))),
            "lender": draw(texts(MAX_LENDER_LENGTH, min_size=1)),
            "collector": draw(texts(MAX_COLLECTOR_LENGTH)),
            "note": draw(texts(MAX_TEXT_LENGTH)),
        },
        "checklist_notes": draw(texts(MAX_TEXT_LENGTH)),
        "valid_from": draw(st.dates()),
    }


def save(store, world) -> dict:
    """Save ``world`` through the store's own write paths; the records as saved."""
    client = store.clients.create(world["client"])
    debts = [
        store.debts.add(account.model_copy(update={"client_id": client.id}))
        for account in world["debts"]
    ]
    debt_id = debts[-1].id
    budget = store.budgets.add_version(client.id, world["valid_from"], world["budget"])
    proposal = store.proposals.save(
        SavedProposal(
            client_id=client.id, debt_id=debt_id, proposal=world["proposal"], title=world["title"]
        )
    )
    call, tasks = store.calls.add_with_tasks(
        Call(client_id=client.id, debt_id=debt_id, **world["call"]),
        [FollowUpTask(**world["task"])],
    )
    checklist = store.checklists.save(
        DocumentChecklist(client_id=client.id, debt_id=debt_id, notes=world["checklist_notes"])
    )
    payment = store.payments.record(
        Payment(client_id=client.id, debt_id=debt_id, proposal_id=proposal.id, **world["payment"])
    )
    contact = store.collections.add(
        CollectionContact(client_id=client.id, debt_id=debt_id, **world["contact"])
    )
    return {
        "client": client,
        "debts": debts,
        "budget": budget,
        "proposal": proposal,
        "call": call,
        "task": tasks[0],
        "checklist": checklist,
        "payment": payment,
        "contact": contact,
    }


def read_again(store, saved) -> dict:
    return {
        "client": store.clients.get(saved["client"].id),
        "debts": [store.debts.get(account.id) for account in saved["debts"]],
        "budget": store.budgets.get(saved["budget"].id),
        "proposal": store.proposals.get(saved["proposal"].id),
        "call": store.calls.get(saved["call"].id),
        "task": store.tasks.get(saved["task"].id),
        "checklist": store.checklists.get(saved["checklist"].id),
        "payment": store.payments.get(saved["payment"].id),
        "contact": store.collections.get(saved["contact"].id),
    }


def clear(store) -> None:
    for client in store.clients.list():
        store.clients.delete(client.id)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(world=a_world())
def test_any_valid_record_round_trips_save_backup_restore_unchanged(store, world):
    clear(store)
    saved = save(store, world)
    assert read_again(store, saved) == saved
    data = backup_to_bytes(store)
    tables = backup_document(store)["tables"]
    read_backup(data)  # the check passes: what the app made it can restore
    clear(store)
    store.clients.create(a_client(name="将被替换"))
    restore_from_bytes(store, data)
    assert read_again(store, saved) == saved
    assert backup_document(store)["tables"] == tables


def test_a_debt_at_every_limit_is_saved_backed_up_and_restored(store):
    from core.limits import MAX_CREDITOR_LENGTH, MAX_MONEY, MAX_PRODUCT_LENGTH

    client = store.clients.create(a_client())
    account = a_debt(client.id)
    debt = account.debt.model_copy(
        update={
            "creditor": "某" * MAX_CREDITOR_LENGTH,
            "product": "品" * MAX_PRODUCT_LENGTH,
            "outstanding_principal": MAX_MONEY,
            "overdue_amount": MAX_MONEY,
            "accrued_interest_and_penalties": MAX_MONEY,
        }
    )
    saved = store.debts.add(account.model_copy(update={"debt": Debt.model_validate(dict(debt))}))
    budget = store.budgets.add_version(
        client.id,
        date(2026, 3, 1),
        budgets_at_the_limit(),
    )
    data = backup_to_bytes(store)
    restore_from_bytes(store, data)
    assert store.debts.get(saved.id) == saved
    assert store.budgets.get(budget.id) == budget


def budgets_at_the_limit():
    from core.affordability import Budget
    from core.limits import MAX_LABEL_LENGTH, MAX_MONEY

    return Budget(
        incomes=(IncomeItem(label="薪" * MAX_LABEL_LENGTH, amount=MAX_MONEY),),
        living_floor=MAX_MONEY,
        buffer=MAX_MONEY,
    )
