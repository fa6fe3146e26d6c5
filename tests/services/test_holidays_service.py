"""services.holidays: the workspace's public holiday calendar saved at the version shown, by
whoever may manage settings, audited without the days; legal deadlines counted with it.

(No conftest.py here: the store's database fixtures are imported.)
"""

from __future__ import annotations

from datetime import date

import pytest

import services
from core.rules.holidays import HolidayCalendar, parse_days
from core.rules.legal import LegalEvent, LegalStage
from services import LOCAL_USER, StaleRecordError
from services.errors import NotAllowedError
from services.legal import SavedLegalEvent
from tests.services.test_access_services import (
    _drop_run_schema,
    clock,
    database_url,
    make_team,
    settings,
    store,
)
from tests.store.store_samples import a_client, a_debt

__all__ = ["_drop_run_schema", "clock", "database_url", "settings", "store"]

ME = LOCAL_USER
NATIONAL_DAY = HolidayCalendar(
    holidays=frozenset(parse_days("2026-10-01..2026-10-07")),
    working_days=frozenset({date(2026, 10, 10)}),
    source="国务院办公厅关于2026年部分节假日安排的通知",
)


@pytest.fixture
def ws(store):
    return store


def test_the_calendar_is_empty_until_saved_then_read_back(ws):
    assert services.holidays.calendar(ws, ME) == services.holidays.SavedCalendar(
        HolidayCalendar(), 0
    )
    saved = services.holidays.save(ws, ME, NATIONAL_DAY, version=0)
    assert saved.version == 1
    assert services.holidays.calendar(ws, ME) == saved
    assert saved.calendar == NATIONAL_DAY
    (line,) = [e for e in ws.audit.list() if e.action == services.holidays.SAVED]
    assert line.detail == {"years": [2026], "holidays": 7, "working_days": 1}


def test_a_save_over_a_calendar_changed_meanwhile_is_refused_and_nothing_written(ws):
    services.holidays.save(ws, ME, NATIONAL_DAY, version=0)
    with pytest.raises(StaleRecordError):
        services.holidays.save(ws, ME, HolidayCalendar(), version=0)
    assert services.holidays.calendar(ws, ME).calendar == NATIONAL_DAY
    assert len([e for e in ws.audit.list() if e.action == services.holidays.SAVED]) == 1


def test_only_who_manages_settings_saves_it_and_everyone_reads_it(ws):
    team = make_team(ws)
    with pytest.raises(NotAllowedError):
        services.holidays.save(ws, team.counselor_a, NATIONAL_DAY, version=0)
    services.holidays.save(ws, team.admin, NATIONAL_DAY, version=0)
    assert services.holidays.calendar(ws, team.counselor_a).calendar == NATIONAL_DAY


def test_a_value_this_version_cannot_read_counts_as_no_calendar(ws):
    ws.workspace_settings.put(services.holidays.SETTING_KEY, {"holidays": ["not a day"]}, version=0)
    assert services.holidays.calendar(ws, ME) == services.holidays.SavedCalendar(
        HolidayCalendar(), 1
    )


def test_legal_deadlines_are_counted_with_the_saved_calendar(ws):
    client = services.clients.create(ws, ME, a_client(name="王建国", mobile=None))
    debt = services.debts.add(ws, ME, a_debt(client.id))
    for stage, on in (
        (LegalStage.SUIT_FILED, date(2026, 9, 15)),
        (LegalStage.SERVED, date(2026, 9, 16)),
    ):
        services.legal.add(
            ws,
            ME,
            SavedLegalEvent(
                client_id=client.id, debt_id=debt.id, event=LegalEvent(stage=stage, on=on)
            ),
        )

    def defence() -> date:
        (legal,) = services.legal.deadlines_for_client(ws, ME, client.id, as_of=date(2026, 9, 20))
        return legal.deadlines[0].due

    assert defence() == date(2026, 10, 1)  # no calendar: Thursday 1 October stays
    services.holidays.save(ws, ME, NATIONAL_DAY, version=0)
    assert defence() == date(2026, 10, 8)
    (item,) = services.legal.upcoming(ws, ME, as_of=date(2026, 9, 20))
    assert item.deadline.due == date(2026, 10, 8)
    accounts = services.debts.list_for_client(ws, ME, client.id)
    legal = services.legal.for_accounts(ws, ME, client.id, accounts, as_of=date(2026, 9, 20))
    assert legal[debt.id].deadlines[0].due == date(2026, 10, 8)
    # a caller's own days still win
    (own,) = services.legal.deadlines_for_client(
        ws, ME, client.id, as_of=date(2026, 9, 20), holidays=(), working_days=()
    )
    assert own.deadlines[0].due == date(2026, 10, 1)
