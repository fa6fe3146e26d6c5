"""Backups and team mode: the audit trail is in every backup but a restore never replaces it
(it appends one line of its own); accounts are kept; a restored client's counselor that is no
account here comes back unassigned; a file from before either restores. SQLite, and PostgreSQL
with TEST_DATABASE_URL."""

from __future__ import annotations

import orjson
import pytest
import sqlalchemy as sa
from store_samples import a_client

from core.access import Role
from store import init_db
from store.backup import (
    BackupFileError,
    backup_document,
    backup_to_bytes,
    dump_document,
    erase_records,
    read_backup,
    restore_backup,
    restore_from_bytes,
)
from store.migrate import current_revision
from store.orm import ClientRow

HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo"


def trail(store):
    return [
        (line.actor, line.action, line.subject, line.detail)
        for line in reversed(store.audit.list(limit=None))
    ]


def assign(store, client_id, account_id):
    with store.write() as session:
        session.execute(
            sa.update(ClientRow).where(ClientRow.id == client_id).values(counselor_id=account_id)
        )


def counselor_of(store, client_id):
    with store.read() as session:
        return session.scalar(sa.select(ClientRow.counselor_id).where(ClientRow.id == client_id))


def an_account(store, username="wang.li"):
    return store.accounts.create(
        username=username, display_name="王丽", role=Role.COUNSELOR, password_hash=HASH
    )


def test_a_backup_holds_the_audit_trail_apart_from_the_records(store, clock):
    store.clients.create(a_client())
    store.audit.append(
        actor="wang.li", action="client.revealed", subject="client:1", detail={"field": "mobile"}
    )
    data = backup_to_bytes(store)
    document = orjson.loads(data)
    assert "audit_events" not in document["tables"] and "audit_events" not in document["counts"]
    assert document["audit_trail_count"] == 1
    assert document["audit_trail"] == [
        {
            "id": 1,
            "at": clock.now.isoformat(),
            "actor": "wang.li",
            "action": "client.revealed",
            "subject": "client:1",
            "detail": {"field": "mobile"},
        }
    ]
    assert data.splitlines()[-3:] == [
        b'"audit_trail": [',
        b'  {"id":1,"at":"2026-03-01T01:00:00+00:00","actor":"wang.li","action":"client.revealed",'
        b'"subject":"client:1","detail":{"field":"mobile"}}',
        b"]}",
    ]
    checked = read_backup(data)
    assert checked.trail_count == 1
    assert "audit_events" not in checked.counts  # what a restore brings back: records only


def test_a_restore_keeps_the_trail_as_it_is_and_appends_one_line(store, clock):
    client = store.clients.create(a_client())
    store.audit.append(actor="wang.li", action="client.revealed", subject=f"client:{client.id}")
    data = backup_to_bytes(store)
    made = read_backup(data).created_at
    assert read_backup(data).schema_revision == current_revision(store.engine)
    clock.advance(hours=1)
    store.audit.append(actor="zhao.min", action="client.shared", subject=f"client:{client.id}")
    store.clients.create(a_client(name="李四", mobile=None))
    clock.advance(hours=1)

    counts = restore_backup(store, read_backup(data), actor="admin")

    assert counts["clients"] == 1
    assert [c.name for c in store.clients.list()] == ["张明"]
    assert trail(store) == [
        ("wang.li", "client.revealed", f"client:{client.id}", {}),
        ("zhao.min", "client.shared", f"client:{client.id}", {}),
        (
            "admin",
            "backup.restored",
            "workspace",
            {
                "counts": dict(read_backup(data).counts),
                "backup_created_at": made.isoformat(),
                "schema_revision": read_backup(data).schema_revision,
                "unlinked": 0,
            },
        ),
    ]
    assert store.audit.list(limit=1)[0].at == clock.now


def test_the_restore_line_is_undone_with_a_restore_that_fails(store, monkeypatch):
    import store.backup as backup_module

    store.clients.create(a_client())
    data = backup_to_bytes(store)

    def fail(connection, table, rows):
        raise RuntimeError("power cut")

    monkeypatch.setattr(backup_module, "_insert_rows", fail)
    with pytest.raises(RuntimeError):
        restore_from_bytes(store, data)
    assert trail(store) == []
    assert store.clients.count() == 1


def test_a_file_without_the_trail_restores_and_a_broken_trail_is_refused(store):
    store.clients.create(a_client())
    store.audit.append(actor="local", action="client.revealed", subject="client:1")
    document = backup_document(store)
    older = {k: v for k, v in document.items() if k not in ("audit_trail", "audit_trail_count")}
    assert read_backup(dump_document(older)).trail_count == 0
    restore_from_bytes(store, dump_document(older))
    assert [line[1] for line in trail(store)] == ["client.revealed", "backup.restored"]

    document["audit_trail"][0]["at"] = "yesterday"
    with pytest.raises(BackupFileError) as caught:
        read_backup(dump_document(document))
    assert caught.value.where == "audit_trail[0].at"
    document["audit_trail"] = []
    with pytest.raises(BackupFileError) as caught:
        read_backup(dump_document(document))
    assert (caught.value.where, caught.value.reason) == ("audit_trail", "count_mismatch")
    document["audit_trail"] = {"not": "rows"}
    with pytest.raises(BackupFileError) as caught:
        read_backup(dump_document(document))
    assert (caught.value.where, caught.value.reason) == ("audit_trail", "missing_part")
    assert store.clients.count() == 1


def test_accounts_are_not_in_a_backup_and_a_restore_keeps_them(store):
    account = an_account(store)
    data = backup_to_bytes(store)
    assert "accounts" not in orjson.loads(data)["tables"]
    store.accounts.update(account.id, version=1, password_hash=HASH.replace("t=3", "t=4"))
    restore_from_bytes(store, data)
    assert store.accounts.get(account.id).version == 2
    assert store.accounts.password_hash_of(account.id) == HASH.replace("t=3", "t=4")


def test_a_restored_clients_counselor_stays_when_the_account_is_here(store):
    account = an_account(store)
    client = store.clients.create(a_client())
    assign(store, client.id, account.id)
    data = backup_to_bytes(store)
    assign(store, client.id, None)
    restore_from_bytes(store, data)
    assert counselor_of(store, client.id) == account.id
    assert store.audit.list(limit=1)[0].detail["unlinked"] == 0


def test_a_counselor_who_is_no_account_here_leaves_the_client_unassigned(
    store, database_url, settings, tmp_path
):
    account = an_account(store)
    other = an_account(store, "zhao.min")
    client = store.clients.create(a_client())
    second = store.clients.create(a_client(name="李四", mobile=None))
    assign(store, client.id, account.id)
    assign(store, second.id, other.id)
    data = backup_to_bytes(store)
    with init_db(f"sqlite:///{tmp_path / 'elsewhere.db'}", settings=settings) as elsewhere:
        kept = an_account(elsewhere)  # id 1, as wang.li's here; zhao.min's id 2 is no one's
        assert kept.id == account.id
        restore_from_bytes(elsewhere, data, actor="admin")
        assert counselor_of(elsewhere, client.id) == account.id
        assert counselor_of(elsewhere, second.id) is None
        [line] = elsewhere.audit.list(action="backup.restored")
        assert (line.actor, line.detail["unlinked"]) == ("admin", 1)


def test_a_backup_from_before_caseloads_restores_with_every_client_unassigned(store):
    store.clients.create(a_client())
    document = backup_document(store)
    document["schema_revision"] = "0009"
    for row in document["tables"]["clients"]:
        del row["counselor_id"]
    del document["audit_trail"], document["audit_trail_count"]
    restore_from_bytes(store, dump_document(document))
    assert counselor_of(store, 1) is None
    assert store.clients.count() == 1


def test_erasing_every_record_keeps_the_trail_the_accounts_and_the_settings(store):
    an_account(store)
    store.clients.create(a_client())
    store.workspace_settings.put("retention_years", 5, version=0)
    store.audit.append(actor="local", action="client.revealed", subject="client:1")
    counts = erase_records(store)
    assert counts["clients"] == 1 and set(counts.values()) <= {0, 1}
    assert store.clients.count() == 0
    assert store.accounts.count() == 1
    assert store.workspace_settings.get("retention_years").value == 5
    assert [line[1] for line in trail(store)] == ["client.revealed"]
