"""The audit trail's service: recording an event, reading the trail filtered by user, client and
time (supervisors and administrators only), and its CSV export, which is audited too.
SQLite, and PostgreSQL with TEST_DATABASE_URL.

(No conftest.py here: the store's database fixtures are imported.)
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from core.access import Role
from i18n import translate
from services import LOCAL_USER, data
from services import audit as service
from services.actor import Actor
from services.errors import InvalidDataError, NotAllowedError, NotYoursError
from store.audit import AuditRepository
from tests.store.conftest import _drop_run_schema, clock, database_url, settings, store
from tests.store.store_samples import a_call, a_client

COUNSELOR = Actor("wang.li", "王丽", Role.COUNSELOR, 2)
SUPERVISOR = Actor("zhao.min", "赵敏", Role.SUPERVISOR, 3)
ADMIN = Actor("admin", "管理员", Role.ADMIN, 1)


@pytest.fixture
def ws(store):
    return store


def lines(ws):
    return [
        (line.actor, line.action, line.subject, line.detail)
        for line in reversed(ws.audit.list(limit=None))
    ]


def test_an_event_is_recorded_about_a_client_or_the_workspace(ws, clock):
    service.record(ws, COUNSELOR, "client.shared", client_id=7, detail={"format": "pdf"})
    service.record(ws, LOCAL_USER, "data.exported")
    assert lines(ws) == [
        ("wang.li", "client.shared", "client:7", {"format": "pdf"}),
        ("local", "data.exported", "workspace", {}),
    ]
    assert ws.audit.list(limit=1)[0].at == clock.now


@pytest.mark.parametrize("client_id", ["7", True, 7.0])
def test_a_client_named_other_than_by_its_id_is_refused(ws, client_id):
    with pytest.raises(InvalidDataError) as caught:
        service.record(ws, COUNSELOR, "client.shared", client_id=client_id)
    assert caught.value.field == "client_id"
    assert lines(ws) == []


def test_the_trail_can_be_appended_to_and_read_but_offers_no_change_or_deletion():
    public = {name for name in dir(AuditRepository) if not name.startswith("_")}
    assert public == {"append", "list", "search", "count"}


@pytest.fixture
def day(ws, clock):
    """Five lines an hour apart from 2026-03-01 01:00 UTC."""
    start = clock.now
    events = [
        (COUNSELOR, "client.revealed", 7),
        (SUPERVISOR, "client.assigned", 7),
        (COUNSELOR, "access.refused", 8),
        (ADMIN, "backup.created", None),
        (COUNSELOR, "client.shared", 7),
    ]
    for acting, action, client_id in events:
        service.record(ws, acting, action, client_id=client_id)
        clock.advance(hours=1)
    return start


def actions(events):
    return [event.action for event in events]


def test_a_supervisor_reads_the_trail_newest_first_filtered(ws, day):
    everything = service.trail(ws, SUPERVISOR)
    assert actions(everything) == [
        "client.shared",
        "backup.created",
        "access.refused",
        "client.assigned",
        "client.revealed",
    ]
    assert actions(service.trail(ws, SUPERVISOR, user_id="wang.li")) == [
        "client.shared",
        "access.refused",
        "client.revealed",
    ]
    assert actions(service.trail(ws, ADMIN, client_id=7)) == [
        "client.shared",
        "client.assigned",
        "client.revealed",
    ]
    assert actions(service.trail(ws, SUPERVISOR, user_id="wang.li", client_id=7)) == [
        "client.shared",
        "client.revealed",
    ]
    assert actions(service.trail(ws, LOCAL_USER, limit=2)) == ["client.shared", "backup.created"]


def test_since_is_inclusive_and_until_exclusive_in_any_zone(ws, day):
    shanghai = day.astimezone(timezone(timedelta(hours=8)))
    window = service.trail(
        ws, SUPERVISOR, since=shanghai + timedelta(hours=1), until=day + timedelta(hours=3)
    )
    assert actions(window) == ["access.refused", "client.assigned"]
    assert [event.at for event in window] == [day + timedelta(hours=2), day + timedelta(hours=1)]


def test_a_time_without_its_zone_is_refused(ws, day):
    with pytest.raises(InvalidDataError) as caught:
        service.trail(ws, SUPERVISOR, since=datetime(2026, 3, 1, 9))
    assert caught.value.field == "since"


def test_a_counselor_may_not_read_or_export_the_trail(ws, day):
    before = lines(ws)
    for attempt in (
        lambda: service.trail(ws, COUNSELOR),
        lambda: service.trail_csv(ws, COUNSELOR),
    ):
        with pytest.raises(NotAllowedError) as caught:
            attempt()
        assert caught.value.permission == "read_audit"
    assert lines(ws) == before


def test_the_trail_exports_as_csv_with_bom_and_the_export_is_audited(ws, day, clock):
    service.record(ws, COUNSELOR, "=cmd|' /C calc'!A0", client_id=7, detail={"field": "mobile"})
    data = service.trail_csv(ws, SUPERVISOR, client_id=7, since=day + timedelta(hours=1), limit=2)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").split("\r\n") == [
        "at,actor,action,subject,detail",
        f"{clock.now.isoformat()},wang.li,'=cmd|' /C calc'!A0,client:7,"
        + '"{""field"":""mobile""}"',
        "2026-03-01T05:00:00+00:00,wang.li,client.shared,client:7,{}",
        "",
    ]
    assert lines(ws)[-1] == (
        "zhao.min",
        "audit.exported",
        "workspace",
        {"lines": 2, "filters": {"client_id": 7, "since": "2026-03-01T02:00:00+00:00"}},
    )


def test_the_csv_headers_are_worded_by_the_caller(ws):
    data = service.trail_csv(
        ws, ADMIN, header=lambda column: translate(f"audit.csv.{column}", "zh-CN")
    )
    assert data.decode("utf-8-sig") == "时间（UTC）,操作人,操作,对象,详情\r\n"
    assert lines(ws) == [("admin", "audit.exported", "workspace", {"lines": 0, "filters": {}})]


# --- backups, restores, exports and deleting everything --------------------------------------


def a_case(ws, counselor_id=None):
    client = ws.clients.create(a_client())
    ws.calls.add(a_call(client.id))
    if counselor_id is not None:
        ws.clients.assign(client.id, counselor_id)
    return client


def test_a_backup_is_audited_with_its_counts(ws):
    a_case(ws)
    data.backup(ws, ADMIN, passphrase=None)
    [line] = lines(ws)
    assert line[:3] == ("admin", "backup.created", "workspace")
    assert (line[3]["counts"]["clients"], line[3]["counts"]["calls"]) == (1, 1)


def test_a_restore_through_the_service_names_its_actor_and_keeps_the_trail(ws):
    a_case(ws)
    checked = data.read(ADMIN, data.backup(ws, ADMIN, passphrase=None))
    ws.clients.create(a_client(name="李四", mobile=None))
    assert data.restore(ws, ADMIN, checked)["clients"] == 1
    assert [line[:3] for line in lines(ws)] == [
        ("admin", "backup.created", "workspace"),
        ("admin", "backup.restored", "workspace"),
    ]
    assert lines(ws)[-1][3]["counts"]["clients"] == 1


def test_deleting_everything_is_audited_and_keeps_the_trail(ws):
    a_case(ws)
    service.record(ws, COUNSELOR, "client.shared", client_id=1)
    deleted = data.delete_all(ws, LOCAL_USER)
    assert (deleted["clients"], deleted["calls"]) == (1, 1)
    assert ws.clients.count() == 0
    assert [line[:3] for line in lines(ws)] == [
        ("wang.li", "client.shared", "client:1"),
        ("local", "data.deleted_all", "workspace"),
    ]
    assert lines(ws)[-1][3]["counts"]["calls"] == 1


@pytest.mark.parametrize("acting", [COUNSELOR, SUPERVISOR])
def test_backup_restore_whole_exports_and_delete_all_are_an_administrators(ws, acting):
    a_case(ws)
    checked = data.read(ADMIN, data.backup(ws, ADMIN, passphrase=None))
    before = lines(ws)
    for attempt, permission in (
        (lambda: data.backup(ws, acting, passphrase=None), "backup"),
        (lambda: data.read(acting, b"{}"), "restore"),
        (lambda: data.restore(ws, acting, checked), "restore"),
        (lambda: data.delete_all(ws, acting), "delete_all"),
        (lambda: data.export(ws, acting, "calls", language="en"), "backup"),
    ):
        with pytest.raises(NotAllowedError) as caught:
            attempt()
        assert caught.value.permission == permission
    assert ws.clients.count() == 1
    assert lines(ws) == before


HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo"


def test_one_clients_export_is_for_whoever_may_open_the_client_and_audited(ws):
    for username in ("admin", "wang.li", "li.na"):  # ids 1, 2 (COUNSELOR's), 3
        ws.accounts.create(
            username=username, display_name=username, role=Role.COUNSELOR, password_hash=HASH
        )
    mine = a_case(ws, counselor_id=COUNSELOR.account_id)
    other = a_case(ws, counselor_id=3)
    csv_bytes = data.export(ws, COUNSELOR, "calls", language="en", client_id=mine.id, audit=True)
    assert csv_bytes.startswith(b"\xef\xbb\xbf")
    with pytest.raises(NotYoursError):
        data.export(ws, COUNSELOR, "calls", language="en", client_id=other.id)
    data.export(ws, LOCAL_USER, "payments", language="en", mask_names=False, audit=True)
    assert lines(ws) == [
        ("wang.li", "data.exported", f"client:{mine.id}", {"kind": "calls", "masked": True}),
        ("wang.li", "access.refused", f"client:{other.id}", {"via": "data.export"}),
        ("local", "data.exported", "workspace", {"kind": "payments", "masked": False}),
    ]


def test_an_export_prepared_for_a_download_is_audited_when_handed_over(ws):
    a_case(ws)
    prepared = data.export(ws, ADMIN, "tasks", language="zh-CN")
    assert prepared.startswith(b"\xef\xbb\xbf")
    assert lines(ws) == []
    data.exported(ws, ADMIN, "tasks")
    assert lines(ws) == [("admin", "data.exported", "workspace", {"kind": "tasks", "masked": True})]
