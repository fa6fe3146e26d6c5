"""services.legal for the call pages (issue 25): the legal side of the debts a page has read in
one query whatever their number, a debt dated ahead of the day keeping its status without
deadlines; the statuses of stalled negotiations' debts over the caseload in one query.

(No conftest.py here: the store's database fixtures are imported.)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

import services
from core.calls import Call, Channel, Outcome
from core.rules.escalation import EscalationStep
from core.rules.legal import DeadlineKind, LegalEvent, LegalStage
from services import LOCAL_USER
from services.legal import SavedLegalEvent
from tests.services.test_access_services import (
    _drop_run_schema,
    clock,
    database_url,
    settings,
    store,
)
from tests.store.store_samples import a_client, a_debt

__all__ = ["_drop_run_schema", "clock", "database_url", "settings", "store"]

ME = LOCAL_USER
L = LegalStage
AS_OF = date(2026, 3, 20)


@pytest.fixture
def ws(store):
    return store


@contextmanager
def selects(ws) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    sa.event.listen(ws.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        sa.event.remove(ws.engine, "before_cursor_execute", count)


def add(ws, client_id, debt_id, stage, on, **fields):
    event = LegalEvent(stage=stage, on=on, **fields)
    services.legal.add(ws, ME, SavedLegalEvent(client_id=client_id, debt_id=debt_id, event=event))


def test_the_debts_a_page_read_get_their_legal_side_in_the_same_number_of_queries(ws):
    client = services.clients.create(ws, ME, a_client(name="王建国", mobile=None))
    sued = services.debts.add(ws, ME, a_debt(client.id, "HT-1"))
    add(ws, client.id, sued.id, L.SUIT_FILED, date(2026, 3, 2))
    add(ws, client.id, sued.id, L.SERVED, date(2026, 3, 10))
    accounts = services.debts.list_for_client(ws, ME, client.id)
    with selects(ws) as few:
        found = services.legal.for_accounts(ws, ME, client.id, accounts, as_of=AS_OF)
    (legal,) = found.values()
    assert legal.status.stage is L.SERVED
    assert [(d.kind, d.due) for d in legal.deadlines] == [(DeadlineKind.DEFENCE, date(2026, 3, 25))]

    ahead = services.debts.add(ws, ME, a_debt(client.id, "HT-2"))
    add(ws, client.id, ahead.id, L.LAWYER_LETTER, date(2026, 3, 25))  # after AS_OF
    quiet = services.debts.add(ws, ME, a_debt(client.id, "HT-3"))
    accounts = services.debts.list_for_client(ws, ME, client.id)
    with selects(ws) as more:
        found = services.legal.for_accounts(ws, ME, client.id, accounts, as_of=AS_OF)
    assert len(more) == len(few)
    assert found[ahead.id].status.stage is L.LAWYER_LETTER and found[ahead.id].deadlines == ()
    assert found[quiet.id].status.stage is L.NONE and found[quiet.id].events == ()


def test_a_stalled_negotiation_with_a_sued_lender_goes_through_the_court(ws):
    client = services.clients.create(ws, ME, a_client(name="王建国", mobile=None))
    account = services.debts.add(ws, ME, a_debt(client.id))
    ws.calls.add(
        Call(
            client_id=client.id,
            debt_id=account.id,
            lender=account.debt.creditor,
            at=datetime(2026, 3, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")),
            channel=Channel.PHONE,
            summary="refused",
            outcome=Outcome.REFUSED,
        )
    )
    now = datetime(2026, 3, 20, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    clients = services.clients.list_all(ws, ME)
    ((_, _, before),) = services.negotiations.stalled(ws, ME, clients, now, "en")
    assert before.step is EscalationStep.RETRY and before.legal == ()
    add(ws, client.id, account.id, L.SUIT_FILED, date(2026, 3, 2))
    add(ws, client.id, account.id, L.SERVED, date(2026, 3, 10))
    add(ws, client.id, account.id, L.JUDGMENT, date(2026, 3, 18))
    ((_, _, after),) = services.negotiations.stalled(ws, ME, clients, now, "en")
    assert after.step is EscalationStep.EXECUTION_SETTLEMENT
    assert [note.code for note in after.legal] == [
        "legal.advice.execution_settlement",
        "legal.advice.disclaimer",
        "legal.advice.legal_aid",
    ]
    assert services.legal.statuses_of(ws, ME, [client.id + 1000]) == {}
