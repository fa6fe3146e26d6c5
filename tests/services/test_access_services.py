"""Every service that opens a client's records checks the acting user (team mode, issue 21).

One table: each service function that takes a client, or a record of one, by id or in a model.
Another counselor than the client's gets :class:`NotYoursError`, exactly one ``access.refused``
line in the audit trail naming the function, and nothing else in the database changes; the
client's own counselor, a supervisor and the single local user succeed.

(No conftest.py here: the store's database fixtures are imported.)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pytest
import sqlalchemy as sa

import services
from core.access import Role
from core.calls import Call, DebtAccount, DocumentChecklist, FollowUpTask, Payment
from core.clients import Client
from core.rules.conduct import CollectionContact
from core.rules.hardship import HardshipSituation, ProofItem, SituationKind
from services import LOCAL_USER, NotFoundError, caseload
from services.access import REFUSED
from services.actor import Actor
from services.errors import NotYoursError
from services.workspace import BudgetVersion, ProposalStatus, SavedProposal
from store.orm import AccountRow, Base
from tests.store.conftest import _drop_run_schema, clock, database_url, settings, store
from tests.store.store_samples import (
    a_budget,
    a_call,
    a_checklist,
    a_client,
    a_collection_contact,
    a_debt,
    a_payment,
    a_proposal,
    a_task,
)

__all__ = [
    "_drop_run_schema",
    "clock",
    "database_url",
    "settings",
    "store",
]

NOW = datetime(2026, 3, 1, 1, 0, tzinfo=UTC)
LATER = datetime(2026, 3, 10, 1, 0, tzinfo=UTC)


def add_account(ws, username: str, role: Role, *, disabled: bool = False) -> int:
    """An account row written with plain SQL (the accounts store is another module's)."""
    values = {
        "version": 1,
        "created_at": NOW,
        "updated_at": NOW,
        "username": username,
        "display_name": username,
        "role": role.value,
        "password_hash": None,
        "disabled": disabled,
        "failed_sign_ins": 0,
    }
    with ws.engine.begin() as connection:
        result = connection.execute(sa.insert(AccountRow.__table__).values(**values))
        return int(result.inserted_primary_key[0])


@dataclass(frozen=True)
class Team:
    counselor_a: Actor
    counselor_b: Actor
    supervisor: Actor
    admin: Actor
    #: An account that is disabled, and one that is a supervisor's (neither can have clients).
    disabled_id: int
    supervisor_id: int


def make_team(ws) -> Team:
    a = add_account(ws, "counselor.a", Role.COUNSELOR)
    b = add_account(ws, "counselor.b", Role.COUNSELOR)
    s = add_account(ws, "supervisor.s", Role.SUPERVISOR)
    admin = add_account(ws, "admin.root", Role.ADMIN)
    disabled = add_account(ws, "counselor.gone", Role.COUNSELOR, disabled=True)
    return Team(
        counselor_a=Actor("counselor.a", "A", Role.COUNSELOR, a),
        counselor_b=Actor("counselor.b", "B", Role.COUNSELOR, b),
        supervisor=Actor("supervisor.s", "S", Role.SUPERVISOR, s),
        admin=Actor("admin.root", "Root", Role.ADMIN, admin),
        disabled_id=disabled,
        supervisor_id=s,
    )


def out_of_work(client_id: int) -> HardshipSituation:
    return HardshipSituation(
        client_id=client_id,
        kind=SituationKind.UNEMPLOYMENT,
        started_on=date(2025, 6, 1),
        note="工厂关闭，失业",
    )


@dataclass(frozen=True)
class Case:
    """One client with a record of every kind, made in single-user mode."""

    client: Client
    debt: DebtAccount
    budget: BudgetVersion
    proposal: SavedProposal
    call: Call
    task: FollowUpTask
    checklist: DocumentChecklist
    payment: Payment
    contact: CollectionContact
    situation: HardshipSituation
    counselor_id: int | None

    @property
    def id(self) -> int:
        assert self.client.id is not None
        return self.client.id


def make_case(ws, name: str, contract: str, counselor_id: int | None) -> Case:
    me = LOCAL_USER
    client = services.clients.create(ws, me, a_client(name=name))
    assert client.id is not None
    debt = services.debts.add(ws, me, a_debt(client.id, contract_number=contract))
    budget = services.budgets.save_version(ws, me, client.id, date(2026, 1, 1), a_budget())
    proposal = services.proposals.save(ws, me, a_proposal(client.id, debt.id))
    call, (task,) = services.calls.log(
        ws, me, a_call(client.id, debt_id=debt.id), [a_task(client.id)], now=NOW
    )
    checklist = services.checklists.save(ws, me, a_checklist(client.id, debt.id))
    payment = services.payments.record(ws, me, a_payment(client.id, debt_id=debt.id))
    contact = services.collections.add(ws, me, a_collection_contact(client.id, debt_id=debt.id))
    situation = services.hardship.add(ws, me, out_of_work(client.id))
    ws.clients.assign(client.id, counselor_id)
    return Case(
        client,
        debt,
        budget,
        proposal,
        call,
        task,
        checklist,
        payment,
        contact,
        situation,
        counselor_id,
    )


def snapshot(ws) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the audit trail, in key order."""
    rows = {}
    with ws.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if table.name == "audit_events":
                continue
            order = list(table.primary_key.columns)
            rows[table.name] = [
                tuple(r) for r in connection.execute(table.select().order_by(*order))
            ]
    return rows


def refusals(ws) -> list[tuple[str, str, dict[str, Any]]]:
    return [(e.actor, e.subject, e.detail) for e in ws.audit.list(action=REFUSED, limit=None)]


@dataclass(frozen=True)
class Op:
    """A service call on the case ``r`` and what its result must be when allowed."""

    via: str
    call: Callable[[Any, Actor, Case], Any]
    expect: Callable[[Any, Case], Any]


def _ids(records) -> list[int | None]:
    return [record.id for record in records]


OPS: dict[str, Op] = {
    op_id: op
    for op_id, op in [
        # clients
        (
            "clients.get",
            Op(
                "clients.get",
                lambda ws, a, r: services.clients.get(ws, a, r.id),
                lambda got, r: got == r.client,
            ),
        ),
        (
            "clients.update",
            Op(
                "clients.update",
                lambda ws, a, r: services.clients.update(
                    ws, a, r.client.model_copy(update={"notes": "改过"})
                ),
                lambda got, r: (got.notes, got.version) == ("改过", 2),
            ),
        ),
        (
            "clients.delete",
            Op(
                "clients.delete",
                lambda ws, a, r: services.clients.delete(ws, a, r.id, version=1),
                lambda got, r: got is None,
            ),
        ),
        (
            "clients.reveal",
            Op(
                "clients.reveal",
                lambda ws, a, r: services.clients.reveal(ws, a, r.id, "mobile"),
                lambda got, r: got == "13812345678",
            ),
        ),
        # budgets
        (
            "budgets.current",
            Op(
                "budgets.current",
                lambda ws, a, r: services.budgets.current(ws, a, r.id, date(2026, 3, 1)),
                lambda got, r: got.id == r.budget.id,
            ),
        ),
        (
            "budgets.history",
            Op(
                "budgets.history",
                lambda ws, a, r: services.budgets.history(ws, a, r.id),
                lambda got, r: _ids(got) == [r.budget.id],
            ),
        ),
        (
            "budgets.save_version",
            Op(
                "budgets.save_version",
                lambda ws, a, r: services.budgets.save_version(
                    ws, a, r.id, date(2026, 4, 1), a_budget()
                ),
                lambda got, r: got.valid_from == date(2026, 4, 1),
            ),
        ),
        # calls
        (
            "calls.list_for_client",
            Op(
                "calls.list_for_client",
                lambda ws, a, r: services.calls.list_for_client(ws, a, r.id),
                lambda got, r: _ids(got) == [r.call.id],
            ),
        ),
        (
            "calls.get",
            Op(
                "calls.get",
                lambda ws, a, r: services.calls.get(ws, a, r.call.id),
                lambda got, r: got == r.call,
            ),
        ),
        (
            "calls.log",
            Op(
                "calls.log",
                lambda ws, a, r: services.calls.log(ws, a, a_call(r.id), [a_task(r.id)], now=NOW),
                lambda got, r: (got[0].client_id, got[1][0].client_id) == (r.id, r.id),
            ),
        ),
        (
            "calls.log_one",
            Op(
                "calls.log_one",
                lambda ws, a, r: services.calls.log_one(ws, a, a_call(r.id)),
                lambda got, r: got.client_id == r.id,
            ),
        ),
        (
            "calls.update",
            Op(
                "calls.update",
                lambda ws, a, r: services.calls.update(
                    ws, a, r.call.model_copy(update={"summary": "改过"})
                ),
                lambda got, r: got.version == 2,
            ),
        ),
        (
            "calls.delete",
            Op(
                "calls.delete",
                lambda ws, a, r: services.calls.delete(ws, a, r.call.id, version=1),
                lambda got, r: got is None,
            ),
        ),
        # checklists
        (
            "checklists.for_client",
            Op(
                "checklists.for_client",
                lambda ws, a, r: services.checklists.for_client(ws, a, r.id, r.debt.id),
                lambda got, r: got == r.checklist,
            ),
        ),
        (
            "checklists.save",
            Op(
                "checklists.save",
                lambda ws, a, r: services.checklists.save(
                    ws, a, r.checklist.model_copy(update={"notes": "改过"})
                ),
                lambda got, r: got.version == 2,
            ),
        ),
        (
            "checklists.save-new",
            Op(
                "checklists.save",
                lambda ws, a, r: services.checklists.save(ws, a, a_checklist(r.id)),
                lambda got, r: (got.client_id, got.debt_id) == (r.id, None),
            ),
        ),
        # collection contacts
        (
            "collections.list_for_client",
            Op(
                "collections.list_for_client",
                lambda ws, a, r: services.collections.list_for_client(ws, a, r.id),
                lambda got, r: _ids(got) == [r.contact.id],
            ),
        ),
        (
            "collections.add",
            Op(
                "collections.add",
                lambda ws, a, r: services.collections.add(ws, a, a_collection_contact(r.id)),
                lambda got, r: got.client_id == r.id,
            ),
        ),
        # debts
        (
            "debts.list_for_client",
            Op(
                "debts.list_for_client",
                lambda ws, a, r: services.debts.list_for_client(ws, a, r.id),
                lambda got, r: got == [r.debt],
            ),
        ),
        (
            "debts.get",
            Op(
                "debts.get",
                lambda ws, a, r: services.debts.get(ws, a, r.debt.id),
                lambda got, r: got == r.debt,
            ),
        ),
        (
            "debts.add",
            Op(
                "debts.add",
                lambda ws, a, r: services.debts.add(ws, a, a_debt(r.id, contract_number="NEW-1")),
                lambda got, r: got.client_id == r.id,
            ),
        ),
        (
            "debts.update",
            Op(
                "debts.update",
                lambda ws, a, r: services.debts.update(
                    ws, a, r.debt.model_copy(update={"notes": "改过"})
                ),
                lambda got, r: got.version == 2,
            ),
        ),
        (
            "debts.delete",
            Op(
                "debts.delete",
                lambda ws, a, r: services.debts.delete(ws, a, r.debt.id, version=1),
                lambda got, r: got is None,
            ),
        ),
        (
            "debts.credit_clocks",
            Op(
                "debts.credit_clocks",
                lambda ws, a, r: services.debts.credit_clocks(ws, a, r.id, as_of=date(2026, 3, 1)),
                lambda got, r: [c.account for c in got] == [r.debt],
            ),
        ),
        # hardship
        (
            "hardship.list_for_client",
            Op(
                "hardship.list_for_client",
                lambda ws, a, r: services.hardship.list_for_client(ws, a, r.id),
                lambda got, r: got == [r.situation],
            ),
        ),
        (
            "hardship.get",
            Op(
                "hardship.get",
                lambda ws, a, r: services.hardship.get(ws, a, r.situation.id),
                lambda got, r: got == r.situation,
            ),
        ),
        (
            "hardship.add",
            Op(
                "hardship.add",
                lambda ws, a, r: services.hardship.add(
                    ws, a, out_of_work(r.id).model_copy(update={"started_on": date(2025, 7, 1)})
                ),
                lambda got, r: got.client_id == r.id,
            ),
        ),
        (
            "hardship.update",
            Op(
                "hardship.update",
                lambda ws, a, r: services.hardship.update(
                    ws, a, r.situation.model_copy(update={"note": "改过"})
                ),
                lambda got, r: got.version == 2,
            ),
        ),
        (
            "hardship.delete",
            Op(
                "hardship.delete",
                lambda ws, a, r: services.hardship.delete(ws, a, r.situation.id, version=1),
                lambda got, r: got is None,
            ),
        ),
        (
            "hardship.gathered",
            Op(
                "hardship.gathered",
                lambda ws, a, r: services.hardship.gathered(ws, a, r.id),
                lambda got, r: (got.items, got.version) == ((), 0),
            ),
        ),
        (
            "hardship.set_gathered",
            Op(
                "hardship.set_gathered",
                lambda ws, a, r: services.hardship.set_gathered(
                    ws, a, r.id, [ProofItem.UNEMPLOYMENT_CERTIFICATE], version=0
                ),
                lambda got, r: got.items == (ProofItem.UNEMPLOYMENT_CERTIFICATE,),
            ),
        ),
        (
            "hardship.evidence",
            Op(
                "hardship.evidence",
                lambda ws, a, r: services.hardship.evidence(ws, a, r.id),
                lambda got, r: got.situations == (r.situation,),
            ),
        ),
        # negotiations
        (
            "negotiations.stalled",
            Op(
                "negotiations.stalled",
                lambda ws, a, r: services.negotiations.stalled(ws, a, [r.client], LATER, "zh-CN"),
                lambda got, r: [(c.id, lender) for c, lender, _ in got] == [(r.id, "来分期")],
            ),
        ),
        # payments
        (
            "payments.list_for_client",
            Op(
                "payments.list_for_client",
                lambda ws, a, r: services.payments.list_for_client(ws, a, r.id),
                lambda got, r: got == [r.payment],
            ),
        ),
        (
            "payments.record",
            Op(
                "payments.record",
                lambda ws, a, r: services.payments.record(ws, a, a_payment(r.id, amount="10.00")),
                lambda got, r: got.client_id == r.id,
            ),
        ),
        # proposals
        (
            "proposals.list_for_client",
            Op(
                "proposals.list_for_client",
                lambda ws, a, r: services.proposals.list_for_client(ws, a, r.id),
                lambda got, r: got == [r.proposal],
            ),
        ),
        (
            "proposals.agreed",
            Op(
                "proposals.agreed",
                lambda ws, a, r: services.proposals.agreed(ws, a, r.id, r.debt.id),
                lambda got, r: got is None,
            ),
        ),
        (
            "proposals.settings_for",
            Op(
                "proposals.settings_for",
                lambda ws, a, r: services.proposals.settings_for(ws, a, r.id, r.debt.id),
                lambda got, r: got is None,
            ),
        ),
        (
            "proposals.save",
            Op(
                "proposals.save",
                lambda ws, a, r: services.proposals.save(
                    ws, a, r.proposal.model_copy(update={"title": "改过"}), now=NOW
                ),
                lambda got, r: (got.title, got.version) == ("改过", 2),
            ),
        ),
        (
            "proposals.save-new",
            Op(
                "proposals.save",
                lambda ws, a, r: services.proposals.save(
                    ws, a, a_proposal(r.id, r.debt.id), now=NOW
                ),
                lambda got, r: got.client_id == r.id,
            ),
        ),
        (
            "proposals.agree",
            Op(
                "proposals.agree",
                lambda ws, a, r: services.proposals.agree(
                    ws, a, r.proposal, date(2026, 3, 1), now=NOW
                ),
                lambda got, r: got.status is ProposalStatus.AGREED,
            ),
        ),
        (
            "proposals.refuse",
            Op(
                "proposals.refuse",
                lambda ws, a, r: services.proposals.refuse(ws, a, r.proposal, now=NOW),
                lambda got, r: got.status is ProposalStatus.REFUSED,
            ),
        ),
        (
            "proposals.delete",
            Op(
                "proposals.delete",
                lambda ws, a, r: services.proposals.delete(
                    ws, a, r.proposal.id, version=1, now=NOW
                ),
                lambda got, r: got is None,
            ),
        ),
        # tasks
        (
            "tasks.list_for_client",
            Op(
                "tasks.list_for_client",
                lambda ws, a, r: services.tasks.list_for_client(ws, a, r.id),
                lambda got, r: got == [r.task],
            ),
        ),
        (
            "tasks.get",
            Op(
                "tasks.get",
                lambda ws, a, r: services.tasks.get(ws, a, r.task.id),
                lambda got, r: got == r.task,
            ),
        ),
        (
            "tasks.add",
            Op(
                "tasks.add",
                lambda ws, a, r: services.tasks.add(ws, a, [a_task(r.id, title="再打一次")]),
                lambda got, r: [t.client_id for t in got] == [r.id],
            ),
        ),
        (
            "tasks.complete",
            Op(
                "tasks.complete",
                lambda ws, a, r: services.tasks.complete(ws, a, r.task, NOW),
                lambda got, r: (got.done, got.done_at) == (True, NOW),
            ),
        ),
        (
            "tasks.reopen",
            Op(
                "tasks.reopen",
                lambda ws, a, r: services.tasks.reopen(
                    ws, a, r.task.model_copy(update={"notes": "再看"})
                ),
                lambda got, r: got.version == 2,
            ),
        ),
        # caseload
        (
            "caseload.counselor_of",
            Op(
                "caseload.counselor_of",
                lambda ws, a, r: caseload.counselor_of(ws, a, r.id),
                lambda got, r: got == r.counselor_id,
            ),
        ),
    ]
}


@pytest.fixture
def ws(store):
    return store


@pytest.fixture
def team(ws) -> Team:
    return make_team(ws)


@pytest.fixture
def theirs(ws, team) -> Case:
    """Counselor B's client (the one counselor A asks for), next to one of A's own."""
    make_case(ws, "张一", "MINE-001", team.counselor_a.account_id)
    case = make_case(ws, "张二", "THEIRS-002", team.counselor_b.account_id)
    return case


@pytest.mark.parametrize("op_id", OPS)
def test_another_counselor_is_refused_audited_and_nothing_changes(ws, team, theirs, op_id):
    op = OPS[op_id]
    before = snapshot(ws)
    with pytest.raises(NotYoursError) as caught:
        op.call(ws, team.counselor_a, theirs)
    assert (caught.value.code, caught.value.client_id) == ("not_yours", theirs.id)
    assert caught.value.actor == "counselor.a"
    assert refusals(ws) == [("counselor.a", f"client:{theirs.id}", {"via": op.via})]
    assert snapshot(ws) == before


@pytest.mark.parametrize("who", ["assigned counselor", "supervisor", "admin", "local user"])
@pytest.mark.parametrize("op_id", OPS)
def test_the_clients_counselor_a_supervisor_and_the_local_user_succeed(
    ws, team, theirs, op_id, who
):
    actor = {
        "assigned counselor": team.counselor_b,
        "supervisor": team.supervisor,
        "admin": team.admin,
        "local user": LOCAL_USER,
    }[who]
    op = OPS[op_id]
    got = op.call(ws, actor, theirs)
    assert op.expect(got, theirs)
    assert refusals(ws) == []


# A crafted request: a model naming the counselor's own client, carrying the id of a record of
# another's. The record's client in the database decides.
CRAFTED: dict[str, tuple[str, Callable[[Any, Actor, Case, int], Any]]] = {
    "debts.update": (
        "debts.update",
        lambda ws, a, r, mine: services.debts.update(
            ws, a, r.debt.model_copy(update={"client_id": mine})
        ),
    ),
    "calls.update": (
        "calls.update",
        lambda ws, a, r, mine: services.calls.update(
            ws, a, r.call.model_copy(update={"client_id": mine})
        ),
    ),
    "tasks.complete": (
        "tasks.complete",
        lambda ws, a, r, mine: services.tasks.complete(
            ws, a, r.task.model_copy(update={"client_id": mine}), NOW
        ),
    ),
    "proposals.agree": (
        "proposals.agree",
        lambda ws, a, r, mine: services.proposals.agree(
            ws, a, r.proposal.model_copy(update={"client_id": mine}), date(2026, 3, 1), now=NOW
        ),
    ),
    "checklists.save": (
        "checklists.save",
        lambda ws, a, r, mine: services.checklists.save(
            ws, a, r.checklist.model_copy(update={"client_id": mine})
        ),
    ),
    "hardship.update": (
        "hardship.update",
        lambda ws, a, r, mine: services.hardship.update(
            ws, a, r.situation.model_copy(update={"client_id": mine})
        ),
    ),
    "tasks.add": (
        "tasks.add",
        lambda ws, a, r, mine: services.tasks.add(ws, a, [a_task(mine), a_task(r.id)]),
    ),
}


@pytest.mark.parametrize("op_id", CRAFTED)
def test_a_record_of_another_client_in_a_model_naming_ones_own_is_refused(ws, team, theirs, op_id):
    via, call = CRAFTED[op_id]
    (mine,) = [c.id for c in ws.clients.list() if c.name == "张一"]
    before = snapshot(ws)
    with pytest.raises(NotYoursError) as caught:
        call(ws, team.counselor_a, theirs, mine)
    assert caught.value.client_id == theirs.id
    assert refusals(ws) == [("counselor.a", f"client:{theirs.id}", {"via": via})]
    assert snapshot(ws) == before


def test_an_unassigned_client_is_nobodys_own(ws, team, theirs):
    ws.clients.assign(theirs.id, None)
    with pytest.raises(NotYoursError):
        services.debts.get(ws, team.counselor_b, theirs.debt.id)
    assert services.debts.get(ws, team.supervisor, theirs.debt.id) == theirs.debt
    assert refusals(ws) == [("counselor.b", f"client:{theirs.id}", {"via": "debts.get"})]


@pytest.mark.parametrize(
    "call",
    [
        lambda ws, a: services.clients.get(ws, a, 999),
        lambda ws, a: services.debts.list_for_client(ws, a, 999),
        lambda ws, a: services.debts.get(ws, a, 999),
        lambda ws, a: services.calls.delete(ws, a, 999),
        lambda ws, a: services.tasks.get(ws, a, 999),
    ],
    ids=["clients.get", "debts.list_for_client", "debts.get", "calls.delete", "tasks.get"],
)
def test_a_missing_record_is_not_found_for_a_counselor_and_not_audited(ws, team, theirs, call):
    with pytest.raises(NotFoundError):
        call(ws, team.counselor_a)
    assert refusals(ws) == []


def test_each_refusal_is_its_own_line(ws, team, theirs):
    for _ in range(2):
        with pytest.raises(NotYoursError):
            services.clients.get(ws, team.counselor_a, theirs.id)
    with pytest.raises(NotYoursError):
        services.calls.get(ws, team.counselor_a, theirs.call.id)
    assert refusals(ws) == [
        ("counselor.a", f"client:{theirs.id}", {"via": "calls.get"}),
        ("counselor.a", f"client:{theirs.id}", {"via": "clients.get"}),
        ("counselor.a", f"client:{theirs.id}", {"via": "clients.get"}),
    ]


def test_reveal_audits_the_reveal_for_the_clients_counselor(ws, team, theirs):
    value = services.clients.reveal(ws, team.counselor_b, theirs.id, "id_number")
    assert value == "11010519491231002X"
    lines = [
        (e.actor, e.subject, e.detail) for e in ws.audit.list(action="client.revealed", limit=None)
    ]
    assert lines == [("counselor.b", f"client:{theirs.id}", {"field": "id_number"})]
