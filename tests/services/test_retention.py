"""Retention: the period, the clients past it, and purging them — every row erased, one anonymous
audit line left, in one unit of work; on SQLite and PostgreSQL.

(No conftest.py here: the store's database fixtures are imported.)
"""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa

import services
from cli.store import CANCELLED, OK, REFUSED, main
from core.clients import ClientContact
from services import LOCAL_USER, ChangedElsewhereError, InvalidDataError, StaleRecordError
from services.retention import (
    DEFAULT_YEARS,
    PURGED,
    ClientRetention,
    NotPastRetentionError,
    cutoff,
    kept_until,
)
from store.clients import client_tables
from tests.store.conftest import _drop_run_schema, clock, database_url, settings, store
from tests.store.store_samples import (
    SHANGHAI,
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

ME = LOCAL_USER
OLD = datetime(2022, 3, 1, 2, 0, tzinfo=UTC)  # 2022-03-01 in Shanghai
NOW = date(2026, 11, 30)


@pytest.fixture
def ws(store):
    return store


def a_full_record(ws, clock, name="张小明", *, contract="AXCF-2024-0091277"):
    """A client made in March 2022 with a row in every table of client rows."""
    clock.now = OLD
    client = services.clients.create(
        ws,
        ME,
        a_client(
            name=name,
            mobile="13912345678",
            id_number="110101199003077651",
            contacts=(ClientContact(name="李强", relation="spouse"),),
            notes=f"{name}的丈夫李强",
        ),
        request_id=f"create-{name}-request",  # a processed_requests row
    )
    debt = ws.debts.add(a_debt(client.id, contract_number=contract))
    ws.budgets.add_version(client.id, date(2022, 3, 1), a_budget())
    proposal = ws.proposals.save(a_proposal(client.id, debt.id))
    ws.proposals.agree(proposal, date(2022, 3, 1))
    at = datetime(2022, 3, 1, 10, 0, tzinfo=SHANGHAI)
    ws.calls.add_with_tasks(
        a_call(client.id, at=at, debt_id=debt.id, next_action_on=None, next_action=""),
        [a_task(None, due=at)],
    )
    ws.checklists.save(a_checklist(client.id, debt.id))
    ws.payments.record(a_payment(client.id, paid_on=date(2022, 3, 1), debt_id=debt.id))
    ws.collections.add(a_collection_contact(client.id, at=at, debt_id=debt.id))
    return ws.clients.get(client.id)


def rows_of(ws, client_id) -> dict[str, int]:
    """How many rows every table of client rows holds for ``client_id`` (the client's own too)."""
    with ws.engine.connect() as connection:
        counts = {
            table.name: connection.scalar(
                sa.select(sa.func.count()).select_from(table).where(table.c.client_id == client_id)
            )
            for table in client_tables()
        }
        counts["clients"] = connection.scalar(
            sa.text("SELECT count(*) FROM clients WHERE id = :id"), {"id": client_id}
        )
    return counts


#: The tables a_full_record fills (every table of client rows at migration 0008).
FILLED = {
    "clients",
    "debts",
    "budget_versions",
    "proposals",
    "calls",
    "follow_up_tasks",
    "document_checklists",
    "payments",
    "collection_contacts",
    "processed_requests",
}


def test_the_full_record_has_a_row_in_each_table_it_fills(ws, clock):
    """A table added later is still checked to be empty after a purge (every table of client
    rows is, below); filling it here too makes that check bite."""
    client = a_full_record(ws, clock)
    assert {name for name, count in rows_of(ws, client.id).items() if count} == FILLED


# --- the period ---------------------------------------------------------------------------------


def test_the_period_is_three_years_until_saved_otherwise(ws):
    assert services.retention.setting(ws, ME) == services.retention.RetentionSetting(3, 0)
    assert DEFAULT_YEARS == 3
    saved = services.retention.save_years(ws, ME, 5, version=0)
    assert saved == services.retention.RetentionSetting(5, 1)
    assert services.retention.setting(ws, ME) == saved


@pytest.mark.parametrize("years", [0, 31, -1, True, "3", 2.5, None])
def test_a_period_out_of_range_is_refused_and_nothing_saved(ws, years):
    with pytest.raises(InvalidDataError) as caught:
        services.retention.save_years(ws, ME, years, version=0)
    assert (caught.value.field, caught.value.code) == ("retention_years", "retention_years")
    assert services.retention.setting(ws, ME).version == 0


@pytest.mark.parametrize("years", [1, 30])
def test_the_ends_of_the_range_are_allowed(ws, years):
    assert services.retention.save_years(ws, ME, years, version=0).years == years


def test_a_period_changed_elsewhere_is_refused(ws):
    services.retention.save_years(ws, ME, 5, version=0)
    with pytest.raises(StaleRecordError):
        services.retention.save_years(ws, ME, 7, version=0)  # the tab still showed the default
    assert services.retention.setting(ws, ME).years == 5


def test_a_saved_value_this_version_cannot_use_reads_as_the_default(ws):
    ws.workspace_settings.put("retention_years", "forever", version=0)
    assert services.retention.setting(ws, ME) == services.retention.RetentionSetting(3, 1)


@pytest.mark.parametrize(
    ("as_of", "years", "last_day"),
    [
        (date(2026, 3, 1), 3, date(2023, 3, 1)),
        (date(2026, 2, 28), 3, date(2023, 2, 28)),
        (date(2027, 2, 28), 3, date(2024, 2, 29)),  # kept until 28 Feb 2027: past on that day
        (date(2028, 2, 29), 4, date(2024, 2, 29)),
        (date(2026, 1, 1), 1, date(2025, 1, 1)),
    ],
)
def test_the_last_day_of_activity_past_retention(as_of, years, last_day):
    assert cutoff(as_of, years) == last_day
    assert kept_until(last_day, years) <= as_of
    assert kept_until(date.fromordinal(last_day.toordinal() + 1), years) > as_of


# --- the list -----------------------------------------------------------------------------------


def test_the_clients_past_retention_are_listed_masked_least_recent_first(ws, clock):
    old = a_full_record(ws, clock, "张小明")
    clock.now = datetime(2021, 6, 1, 2, 0, tzinfo=UTC)
    older = services.clients.create(ws, ME, a_client(name="欧阳小明"))
    clock.now = datetime(2024, 1, 1, 2, 0, tzinfo=UTC)
    services.clients.create(ws, ME, a_client(name="王五"))  # recent: not listed
    due = services.retention.due(ws, ME, as_of=NOW)
    assert due == [
        ClientRetention(older.id, 1, "欧**明", date(2021, 6, 1), date(2024, 6, 1), True),
        ClientRetention(old.id, old.version, "张*明", date(2022, 3, 1), date(2025, 3, 1), True),
    ]
    assert services.retention.due(ws, ME, as_of=date(2025, 2, 28)) == due[:1]
    assert services.retention.due(ws, ME, as_of=NOW, years=6) == []
    services.retention.save_years(ws, ME, 5, version=0)
    assert [
        (item.client_id, item.kept_until) for item in services.retention.due(ws, ME, as_of=NOW)
    ] == [(older.id, date(2026, 6, 1))]
    assert services.retention.due(ws, ME, as_of=date(2026, 5, 31)) == []


def test_status_names_clients_past_retention_or_not(ws, clock):
    old = a_full_record(ws, clock)
    clock.now = datetime(2025, 1, 1, 2, 0, tzinfo=UTC)
    new = services.clients.create(ws, ME, a_client(name="王五"))
    found = services.retention.status(ws, ME, [new.id, old.id, 424242], as_of=NOW)
    assert [(item.client_id, item.past) for item in found] == [(old.id, True), (new.id, False)]


# --- purging ------------------------------------------------------------------------------------


def test_purging_erases_every_row_of_the_client_and_nothing_of_others(ws, clock):
    gone = a_full_record(ws, clock, "张小明")
    kept = a_full_record(ws, clock, "李四", contract="HT-9")
    kept_rows = rows_of(ws, kept.id)
    listed = services.retention.due(ws, ME, as_of=NOW)[0]
    assert listed.client_id == gone.id

    result = services.retention.purge(ws, ME, [(listed.client_id, listed.version)], as_of=NOW)

    assert rows_of(ws, gone.id) == {name: 0 for name in rows_of(ws, gone.id)}
    assert set(rows_of(ws, gone.id)) == {table.name for table in client_tables()} | {"clients"}
    assert rows_of(ws, kept.id) == kept_rows
    assert result.gone == ()
    (purged,) = result.purged
    assert purged.last_activity == "2022-03"
    assert set(purged.rows) == FILLED
    assert purged.rows == {
        "budget_versions": 1,
        "calls": 1,
        "clients": 1,
        "collection_contacts": 1,
        "debts": 1,
        "document_checklists": 1,
        "follow_up_tasks": 1,
        "payments": 1,
        "processed_requests": 1,
        "proposals": 1,
    }


def test_the_audit_line_of_a_purge_says_nothing_about_the_person(ws, clock):
    client = a_full_record(ws, clock, "张小明")
    clock.now = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)
    result = services.retention.purge(ws, ME, [(client.id, client.version)], as_of=NOW)

    (line,) = ws.audit.list()
    assert (line.action, line.actor, line.at) == (PURGED, "local", clock.now)
    assert re.fullmatch(r"client:anon-[0-9a-f]{16}", line.subject)
    assert line.subject == result.purged[0].subject
    assert line.detail == {
        "last_activity": "2022-03",
        "retention_years": 3,
        "forced": False,
        "rows": result.purged[0].rows,
    }
    written = json.dumps([line.actor, line.action, line.subject, line.detail], ensure_ascii=False)
    for personal in (
        "张小明",
        "张",
        "李强",
        "13912345678",
        "5678",
        "110101199003077651",
        "7651",
        "AXCF",
        "0091277",
        "FD2035",
        f"client:{client.id}",
    ):
        assert personal not in written, personal


def test_two_purges_of_one_client_leave_two_different_anonymous_subjects(ws, clock):
    first = a_full_record(ws, clock, "张小明")
    second = a_full_record(ws, clock, "李四", contract="HT-9")
    result = services.retention.purge(
        ws, ME, [(first.id, first.version), (second.id, second.version)], as_of=NOW
    )
    subjects = {line.subject for line in ws.audit.list()}
    assert subjects == {purged.subject for purged in result.purged}
    assert len(subjects) == 2


def test_a_double_purge_is_harmless(ws, clock):
    client = a_full_record(ws, clock)
    other = a_full_record(ws, clock, "李四", contract="HT-9")
    seen = [(client.id, client.version)]
    services.retention.purge(ws, ME, seen, as_of=NOW)
    other_rows = rows_of(ws, other.id)

    again = services.retention.purge(ws, ME, seen, as_of=NOW)  # the second click

    assert again == services.retention.PurgeResult(purged=(), gone=(client.id,))
    assert ws.audit.count(action=PURGED) == 1
    assert rows_of(ws, other.id) == other_rows


def test_a_client_changed_since_it_was_listed_is_not_purged(ws, clock):
    client = a_full_record(ws, clock)
    (listed,) = services.retention.due(ws, ME, as_of=NOW)
    before = rows_of(ws, client.id)
    # Another counselor edits the client meanwhile (an old edit date: still past retention).
    changed = services.clients.update(ws, ME, client.model_copy(update={"notes": "改了"}))

    with pytest.raises(ChangedElsewhereError) as caught:
        services.retention.purge(ws, ME, [(listed.client_id, listed.version)], as_of=NOW)

    assert (caught.value.seen, caught.value.actual) == (listed.version, changed.version)
    assert caught.value.current == changed
    assert rows_of(ws, client.id) == before
    assert ws.audit.count() == 0


def test_a_client_active_since_it_was_listed_is_not_purged(ws, clock):
    """A call logged after the list was shown leaves the client's version as it was."""
    client = a_full_record(ws, clock)
    (listed,) = services.retention.due(ws, ME, as_of=NOW)
    clock.now = datetime(2026, 11, 29, 2, 0, tzinfo=UTC)
    services.calls.log(
        ws,
        ME,
        a_call(
            client.id,
            at=datetime(2026, 11, 29, 10, 0, tzinfo=SHANGHAI),
            next_action="",
            next_action_on=None,
        ),
    )
    before = rows_of(ws, client.id)

    with pytest.raises(NotPastRetentionError) as caught:
        services.retention.purge(ws, ME, [(listed.client_id, listed.version)], as_of=NOW)

    assert caught.value.code == "not_past_retention"
    assert (caught.value.client_id, caught.value.last_active_on) == (client.id, date(2026, 11, 29))
    assert rows_of(ws, client.id) == before
    assert ws.audit.count() == 0


def test_several_clients_are_purged_all_together_or_not_at_all(ws, clock):
    first = a_full_record(ws, clock, "张小明")
    second = a_full_record(ws, clock, "李四", contract="HT-9")
    services.clients.update(ws, ME, second.model_copy(update={"notes": "改了"}))
    before = (rows_of(ws, first.id), rows_of(ws, second.id))
    with pytest.raises(ChangedElsewhereError):
        services.retention.purge(
            ws, ME, [(first.id, first.version), (second.id, second.version)], as_of=NOW
        )
    assert (rows_of(ws, first.id), rows_of(ws, second.id)) == before
    assert ws.audit.count() == 0


def test_a_client_not_past_retention_is_purged_only_when_forced(ws, clock):
    clock.now = datetime(2026, 1, 1, 2, 0, tzinfo=UTC)
    client = services.clients.create(ws, ME, a_client())
    with pytest.raises(NotPastRetentionError) as caught:
        services.retention.purge(ws, ME, [(client.id, client.version)], as_of=NOW)
    assert caught.value.kept_until == date(2029, 1, 1)
    result = services.retention.purge(ws, ME, [(client.id, client.version)], as_of=NOW, force=True)
    assert [purged.rows for purged in result.purged] == [{"clients": 1}]
    (line,) = ws.audit.list()
    assert line.detail["forced"] is True


@pytest.mark.parametrize("seen", [[("1", 1)], [(1, None)], [(True, 1)]])
def test_a_bad_purge_request_is_named(ws, seen):
    with pytest.raises(InvalidDataError):
        services.retention.purge(ws, ME, seen, as_of=NOW)


def test_purging_needs_an_actor(ws, clock):
    from services.actor import NotAnActorError

    client = a_full_record(ws, clock)
    with pytest.raises(NotAnActorError):
        services.retention.purge(ws, None, [(client.id, client.version)], as_of=NOW)
    assert rows_of(ws, client.id)["clients"] == 1


# --- the command line ---------------------------------------------------------------------------


def run(database_url, *args, answer=""):
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["--database", database_url, "retention", *args],
        stdin=io.StringIO(answer),
        stdout=out,
        stderr=err,
    )
    return code, out.getvalue(), err.getvalue()


def test_the_command_line_lists_the_clients_past_retention_masked(ws, clock, database_url):
    client = a_full_record(ws, clock, "张小明")
    code, out, err = run(database_url, "list", "--as-of", "2026-11-30")
    assert (code, err) == (OK, "")
    assert out.splitlines() == [
        "1 client past the retention period (3 years) on 2026-11-30:",
        "      ID  CLIENT        LAST ACTIVE  KEPT UNTIL",
        f"{client.id:>8}  张*明" + " " * 7 + "  2022-03-01   2025-03-01",  # 张 and 明: 2 columns
    ]
    assert "张小明" not in out
    code, out, _ = run(database_url, "list", "--as-of", "2025-02-28")
    assert out == "no client is past the retention period (3 years) on 2025-02-28\n"


def test_the_command_line_purges_after_a_yes(ws, clock, database_url):
    client = a_full_record(ws, clock)
    code, out, _ = run(
        database_url, "purge", str(client.id), "--as-of", "2026-11-30", answer="no\n"
    )
    assert code == CANCELLED
    assert out.endswith("Type yes to purge: cancelled: nothing was purged\n")
    assert rows_of(ws, client.id)["clients"] == 1

    code, out, err = run(
        database_url, "purge", str(client.id), "--as-of", "2026-11-30", answer="yes\n"
    )
    assert (code, err) == (OK, "")
    (line,) = ws.audit.list()
    assert out.splitlines()[-1] == (
        "Type yes to purge: purged 1 client, 10 records erased; the audit trail keeps one"
        f" anonymous line each ({line.subject})"
    )
    assert sum(rows_of(ws, client.id).values()) == 0

    code, _, err = run(database_url, "purge", str(client.id), "--yes")  # again: harmless
    assert code == REFUSED
    assert err == (
        f"error: no client with id {client.id} (purged or deleted already?); nothing was purged\n"
    )
    assert ws.audit.count() == 1


def test_the_command_line_refuses_a_client_not_past_retention_unless_forced(
    ws, clock, database_url
):
    clock.now = datetime(2026, 1, 1, 2, 0, tzinfo=UTC)
    client = services.clients.create(ws, ME, a_client())
    code, out, err = run(database_url, "purge", str(client.id), "--yes", "--as-of", "2026-11-30")
    assert (code, out) == (REFUSED, "")
    assert err == (
        f"error: not past the retention period on 2026-11-30: {client.id} (kept until"
        " 2029-01-01); nothing was purged. --force purges them all the same\n"
    )
    code, _, _ = run(database_url, "purge", str(client.id), "--yes", "--force")
    assert code == OK
    assert ws.audit.list()[0].detail["forced"] is True


@pytest.mark.parametrize("args", [["purge"], ["purge", "x"], ["list", "--as-of", "30/11/2026"], []])
def test_a_wrong_retention_command_is_a_usage_error(ws, database_url, args):
    code, _, _ = run(database_url, *args)
    assert code == 2
