"""services.legal: a debt's legal steps recorded, changed and deleted at the version shown, in
an order the rules allow (refusals carry their codes for the page to word), each change in
the audit trail without the document's text; the deadlines of a client's debts as of a day and
the upcoming ones across the actor's caseload for Today.

(No conftest.py here: the store's database fixtures are imported.)
"""

from __future__ import annotations

from datetime import date

import pytest

import services
from core.errors import CoreError
from core.rules.legal import AdviceKey, DeadlineKind, LegalEvent, LegalStage
from i18n import translate
from services import LOCAL_USER, ChangedElsewhereError
from services.errors import NotYoursError
from services.legal import SavedLegalEvent
from tests.services.test_access_services import (
    Team,
    _drop_run_schema,
    clock,
    database_url,
    make_team,
    settings,
    store,
)
from tests.store.store_samples import a_client, a_debt
from ui.errors import error_messages

__all__ = ["_drop_run_schema", "clock", "database_url", "settings", "store"]

ME = LOCAL_USER
L = LegalStage


@pytest.fixture
def ws(store):
    return store


@pytest.fixture
def team(ws) -> Team:
    return make_team(ws)


@pytest.fixture
def client(ws):
    return services.clients.create(ws, ME, a_client(name="王建国", mobile=None))


@pytest.fixture
def debt(ws, client):
    return services.debts.add(ws, ME, a_debt(client.id))


def step(client_id, debt_id, stage, on, **fields) -> SavedLegalEvent:
    return SavedLegalEvent(
        client_id=client_id, debt_id=debt_id, event=LegalEvent(stage=stage, on=on, **fields)
    )


def lines(ws, prefix="legal."):
    return [e for e in ws.audit.search(limit=100) if e.action.startswith(prefix)]


def test_recording_a_suit_and_its_service_gives_the_defence_deadline(ws, client, debt):
    services.legal.add(ws, ME, step(client.id, debt.id, L.SUIT_FILED, date(2026, 3, 2)))
    services.legal.add(
        ws,
        ME,
        step(client.id, debt.id, L.SERVED, date(2026, 3, 10), document="（2026）沪0115民初1号"),
    )
    (legal,) = services.legal.deadlines_for_client(ws, ME, client.id, as_of=date(2026, 3, 20))
    assert legal.debt_id == debt.id and legal.status.stage is L.SERVED
    (deadline,) = legal.deadlines
    assert (deadline.kind, deadline.due, deadline.days_left, deadline.source.article) == (
        DeadlineKind.DEFENCE,
        date(2026, 3, 25),
        5,
        128,
    )
    assert legal.advice[-2:] == (AdviceKey.DISCLAIMER, AdviceKey.LEGAL_AID)
    recorded = lines(ws)
    assert [line.action for line in recorded] == ["legal.recorded", "legal.recorded"]
    assert all("沪0115" not in str(line.detail) for line in recorded)


def test_a_holiday_moves_the_deadline_on(ws, client, debt):
    services.legal.add(ws, ME, step(client.id, debt.id, L.SUIT_FILED, date(2026, 9, 15)))
    services.legal.add(ws, ME, step(client.id, debt.id, L.SERVED, date(2026, 9, 16)))
    national_day = [date(2026, 10, d) for d in range(1, 8)]
    (legal,) = services.legal.deadlines_for_client(
        ws, ME, client.id, as_of=date(2026, 9, 20), holidays=national_day
    )
    assert legal.deadlines[0].nominal == date(2026, 10, 1)
    assert legal.deadlines[0].due == date(2026, 10, 8)


def test_an_order_the_rules_refuse_is_worded_and_nothing_saved(ws, client, debt):
    services.legal.add(ws, ME, step(client.id, debt.id, L.SUIT_FILED, date(2026, 3, 2)))
    with pytest.raises(CoreError) as caught:
        services.legal.add(ws, ME, step(client.id, debt.id, L.SERVED, date(2026, 3, 1)))
    assert caught.value.code == "legal_order"
    assert error_messages(caught.value, "en")[0].endswith(translate("error.legal_order", "en"))
    assert translate("error.legal_order", "zh-CN") in error_messages(caught.value, "zh-CN")[0]
    assert len(services.legal.events_for_debt(ws, ME, debt.id)) == 1


def test_a_change_and_a_delete_at_the_version_shown(ws, client, debt):
    filed = services.legal.add(ws, ME, step(client.id, debt.id, L.SUIT_FILED, date(2026, 3, 2)))
    moved = filed.model_copy(
        update={"event": filed.event.model_copy(update={"on": date(2026, 3, 3)})}
    )
    saved = services.legal.update(ws, ME, moved)
    with pytest.raises(ChangedElsewhereError):
        services.legal.update(ws, ME, moved)
    with pytest.raises(ChangedElsewhereError):
        services.legal.delete(ws, ME, filed.id, version=1)
    services.legal.delete(ws, ME, filed.id, version=saved.version)
    assert services.legal.events_for_debt(ws, ME, debt.id) == []
    assert [line.action for line in lines(ws)] == [
        "legal.deleted",
        "legal.changed",
        "legal.recorded",
    ]


def test_deleting_the_judgment_under_an_appeal_is_refused(ws, client, debt):
    judged = services.legal.add(ws, ME, step(client.id, debt.id, L.JUDGMENT, date(2026, 5, 6)))
    services.legal.add(ws, ME, step(client.id, debt.id, L.APPEAL, date(2026, 5, 10)))
    with pytest.raises(CoreError) as caught:
        services.legal.delete(ws, ME, judged.id, version=1)
    assert caught.value.code == "legal_missing"
    assert len(services.legal.events_for_debt(ws, ME, debt.id)) == 2


def test_a_double_submit_is_recorded_once(ws, client, debt):
    letter = step(client.id, debt.id, L.LAWYER_LETTER, date(2026, 1, 2))
    first = services.legal.add(ws, ME, letter, request_id="form-0001")
    again = services.legal.add(ws, ME, letter, request_id="form-0001")
    assert first == again and len(services.legal.events_for_debt(ws, ME, debt.id)) == 1


def test_upcoming_deadlines_across_the_caseload_for_today(ws, team, client, debt):
    ws.clients.assign(client.id, team.counselor_a.account_id)
    other = services.clients.create(ws, ME, a_client(name="李四", mobile=None))
    theirs = services.debts.add(ws, ME, a_debt(other.id))
    ws.clients.assign(other.id, team.counselor_b.account_id)
    services.legal.add(ws, ME, step(client.id, debt.id, L.SUIT_FILED, date(2026, 3, 2)))
    services.legal.add(ws, ME, step(client.id, debt.id, L.SERVED, date(2026, 3, 10)))
    services.legal.add(
        ws,
        ME,
        step(other.id, theirs.id, L.JUDGMENT, date(2026, 3, 12), perform_by=date(2026, 3, 22)),
    )
    everyone = services.legal.upcoming(ws, team.supervisor, as_of=date(2026, 3, 20))
    assert [(u.client_id, u.deadline.kind, u.deadline.due) for u in everyone] == [
        (client.id, DeadlineKind.DEFENCE, date(2026, 3, 25)),
        (other.id, DeadlineKind.APPEAL_JUDGMENT, date(2026, 3, 27)),
        (other.id, DeadlineKind.ENFORCEMENT, date(2028, 3, 22)),
    ]
    assert everyone[0].creditor == "来分期"
    mine = services.legal.upcoming(ws, team.counselor_a, as_of=date(2026, 3, 20))
    assert [u.client_id for u in mine] == [client.id]
    # passed: no longer upcoming
    assert services.legal.upcoming(ws, team.counselor_a, as_of=date(2026, 3, 26)) == []


def test_another_counselors_debt_is_refused(ws, team, client, debt):
    ws.clients.assign(client.id, team.counselor_a.account_id)
    with pytest.raises(NotYoursError):
        services.legal.add(
            ws, team.counselor_b, step(client.id, debt.id, L.LAWYER_LETTER, date(2026, 1, 2))
        )
    with pytest.raises(NotYoursError):
        services.legal.events_for_debt(ws, team.counselor_b, debt.id)
    with pytest.raises(NotYoursError):
        services.legal.deadlines_for_client(ws, team.counselor_b, client.id, as_of=date(2026, 1, 3))
