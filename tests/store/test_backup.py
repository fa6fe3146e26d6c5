"""Backups: every record in one versioned JSON file; restoring is all or nothing, keeps the ids,
and refuses a broken file saying where, leaving the database exactly as it was."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import orjson
import pytest
from store_samples import (
    RECORD_TABLES,
    a_budget,
    a_call,
    a_checklist,
    a_client,
    a_collection_contact,
    a_debt,
    a_payment,
    a_proposal,
    a_settlement,
    a_task,
)

import store.backup as backup_module
from cli.store import CANCELLED, FAILED, OK, REFUSED, USAGE, main
from store import init_db
from store.backup import (
    FORMAT_VERSION,
    BackupFileError,
    BackupVersionError,
    backup_document,
    backup_to_bytes,
    read_backup,
    restore_backup,
    restore_from_bytes,
    write_backup_file,
)
from store.crypto import is_sealed

ROOT = Path(__file__).resolve().parents[2]


def fill(store) -> dict:
    """Two clients with one of everything (and a second proposal, an agreed plan); returns the
    saved records by name."""
    saved = {}
    for key, client in (("zhang", a_client()), ("li", a_client(name="李四", mobile=None))):
        client = store.clients.create(client)
        debt = store.debts.add(a_debt(client.id))
        budget = store.budgets.add_version(client.id, date(2026, 3, 1), a_budget())
        proposal = store.proposals.save(a_proposal(client.id, debt.id))
        agreed = store.proposals.agree(proposal, date(2026, 3, 5))
        settlement = store.proposals.save(a_settlement(client.id))
        call, tasks = store.calls.add_with_tasks(a_call(client.id, debt_id=debt.id), [a_task(None)])
        checklist = store.checklists.save(a_checklist(client.id, debt.id))
        payment = store.payments.record(
            a_payment(client.id, debt_id=debt.id, proposal_id=proposal.id)
        )
        contact = store.collections.add(a_collection_contact(client.id, debt_id=debt.id))
        saved[key] = {
            "client": client,
            "debt": debt,
            "budget": budget,
            "agreed": agreed,
            "settlement": settlement,
            "call": call,
            "task": tasks[0],
            "checklist": checklist,
            "payment": payment,
            "contact": contact,
        }
    return saved


def reload(store, records: dict) -> dict:
    """The same records read again from ``store``."""
    return {
        key: {
            "client": store.clients.get(r["client"].id),
            "debt": store.debts.get(r["debt"].id),
            "budget": store.budgets.get(r["budget"].id),
            "agreed": store.proposals.get(r["agreed"].id),
            "settlement": store.proposals.get(r["settlement"].id),
            "call": store.calls.get(r["call"].id),
            "task": store.tasks.get(r["task"].id),
            "checklist": store.checklists.get(r["checklist"].id),
            "payment": store.payments.get(r["payment"].id),
            "contact": store.collections.get(r["contact"].id),
        }
        for key, r in records.items()
    }


def contents(store) -> dict:
    """Every row of every table, as the backup writes them (its header aside)."""
    return backup_document(store)["tables"]


def mess_up(store, records) -> None:
    """Changes a restore must undo."""
    zhang = records["zhang"]
    store.clients.update(zhang["client"].model_copy(update={"notes": "changed after"}))
    store.calls.add(a_call(zhang["client"].id, summary="a call after the backup"))
    store.clients.delete(records["li"]["client"].id)
    store.clients.create(a_client(name="王五", mobile="13700001111"))


# --- what a backup holds ---------------------------------------------------------------------


def test_a_backup_holds_every_table_with_ids_money_in_fen_and_utc_instants(store):
    records = fill(store)
    document = orjson.loads(backup_to_bytes(store))
    assert document["format"] == "repaytalk-backup"
    assert document["format_version"] == FORMAT_VERSION == 1
    assert document["schema_revision"] == "0015"
    # 0009's tables are in every backup too (filled in tests/store/test_hardship_store.py), and
    # 0011's lender aliases (tests/store/test_lender_aliases_store.py), 0013's legal steps
    # and case stages (tests/store/test_legal_and_cases_store.py), 0015's proof documents
    # (tests/store/test_evidence_store.py)
    assert set(document["tables"]) == RECORD_TABLES | {
        "hardship_situations",
        "client_proofs",
        "lender_aliases",
        "legal_events",
        "case_stages",
        "evidence_files",
    }
    assert document["counts"] == {
        "clients": 2,
        "debts": 2,
        "budget_versions": 2,
        "proposals": 4,
        "calls": 2,
        "follow_up_tasks": 2,
        "document_checklists": 2,
        "payments": 2,
        "collection_contacts": 2,
        "hardship_situations": 0,
        "client_proofs": 0,
        "lender_aliases": 0,
        "legal_events": 0,
        "case_stages": 0,
        "evidence_files": 0,
    }
    payment = document["tables"]["payments"][0]
    assert payment["id"] == records["zhang"]["payment"].id
    assert payment["amount_fen"] == 107201  # 1072.01 yuan, exactly
    debt = document["tables"]["debts"][0]
    assert (debt["rate_quote"], debt["penalty_rate"]) == ("0.000658", "0.36")
    assert debt["outstanding_principal_fen"] == 1234567
    # 21:30 in Shanghai (UTC+8) is 13:30 UTC.
    assert document["tables"]["calls"][0]["at"] == "2026-03-01T13:30:00+00:00"
    assert document["tables"]["clients"][0]["name"] == "张明"
    assert next(iter(document["tables"]["clients"][0])) == "id"


def test_each_row_is_on_its_own_line(store):
    fill(store)
    lines = backup_to_bytes(store).splitlines()
    call_lines = [line for line in lines if b'"summary"' in line]
    assert len(call_lines) == 2


# --- restoring -------------------------------------------------------------------------------


def test_restoring_brings_back_every_record_exactly_with_its_id(store):
    records = fill(store)
    data = backup_to_bytes(store)
    before = contents(store)
    mess_up(store, records)
    assert contents(store) != before

    counts = restore_from_bytes(store, data)

    assert counts["calls"] == 2 and counts["clients"] == 2
    assert contents(store) == before
    assert reload(store, records) == records
    assert [client.name for client in store.clients.list()] == ["张明", "李四"]


def test_records_added_after_a_restore_get_new_ids(store):
    records = fill(store)
    data = backup_to_bytes(store)
    restore_from_bytes(store, data)
    newest = max(r["call"].id for r in records.values())
    call = store.calls.add(a_call(records["zhang"]["client"].id))
    assert call.id > newest
    client = store.clients.create(a_client(name="赵六", mobile="13600002222"))
    assert client.id > max(r["client"].id for r in records.values())


def test_a_backup_restores_into_another_database_even_of_another_kind(store, tmp_path, settings):
    records = fill(store)
    data = backup_to_bytes(store)
    with init_db(f"sqlite:///{tmp_path / 'elsewhere.db'}", settings=settings) as other:
        other.clients.create(a_client(name="将被替换"))
        restore_from_bytes(other, data)
        assert reload(other, records) == records
        assert contents(other) == contents(store)


def test_an_empty_database_backs_up_and_restores_to_empty(store):
    data = backup_to_bytes(store)
    assert read_backup(data).counts == dict.fromkeys(read_backup(data).counts, 0)
    fill(store)
    restore_from_bytes(store, data)
    assert store.clients.count() == 0
    assert all(rows == [] for rows in contents(store).values())


def test_a_failure_half_way_through_a_restore_changes_nothing(store, monkeypatch):
    records = fill(store)
    data = backup_to_bytes(store)
    mess_up(store, records)
    before = contents(store)
    real_insert = backup_module._insert_rows
    inserted = []

    def insert_then_fail(connection, table, rows):
        real_insert(connection, table, rows)
        inserted.append(table.name)
        if table.name == "calls":
            raise RuntimeError("power cut half-way through the restore")

    monkeypatch.setattr(backup_module, "_insert_rows", insert_then_fail)
    with pytest.raises(RuntimeError):
        restore_from_bytes(store, data)
    assert "clients" in inserted  # it really was half-way
    assert contents(store) == before


def test_a_backup_pointing_at_a_missing_client_is_refused_by_the_check(store):
    fill(store)
    document = backup_document(store)
    document["tables"]["calls"][0]["client_id"] = 999_999
    data = backup_module.dump_document(document)
    before = contents(store)
    with pytest.raises(BackupFileError) as caught:
        restore_from_bytes(store, data)
    assert caught.value.where == "tables.calls[0].client_id"
    assert contents(store) == before


# --- refusing a broken file, saying where ----------------------------------------------------


def edited(store, change) -> bytes:
    document = backup_document(store)
    change(document)
    return backup_module.dump_document(document)


def set_in(table: str, index: int, column: str, value):
    def change(document):
        document["tables"][table][index][column] = value

    return change


def set_top(key: str, value):
    def change(document):
        document[key] = value

    return change


def drop_table(table: str):
    def change(document):
        del document["tables"][table]
        del document["counts"][table]

    return change


def drop_row(table: str):
    def change(document):
        document["tables"][table].pop()

    return change


def rename_column(table: str, old: str, new: str):
    def change(document):
        row = document["tables"][table][0]
        row[new] = row.pop(old)

    return change


def duplicate_row(table: str):
    def change(document):
        document["tables"][table].append(dict(document["tables"][table][0]))
        document["counts"][table] += 1

    return change


@pytest.mark.parametrize(
    ("change", "where", "problem"),
    [
        (set_top("format", "something-else"), "format", "not a RepayTalk backup"),
        (set_top("created_at", "yesterday"), "created_at", "ISO 8601"),
        (set_top("counts", []), "counts", "not an object"),
        (drop_table("payments"), "tables.payments", "missing"),
        (drop_row("calls"), "tables.calls", "has 1 rows but the header counts 2"),
        (set_in("calls", 1, "at", "2026-13-01T00:00:00+00:00"), "tables.calls[1].at", "ISO"),
        (set_in("calls", 0, "at", "2026-03-01T13:30:00"), "tables.calls[0].at", "UTC offset"),
        (set_in("payments", 0, "amount_fen", 1072.01), "tables.payments[0].amount_fen", "whole"),
        (set_in("payments", 1, "paid_on", "20/03/2026"), "tables.payments[1].paid_on", "date"),
        (set_in("debts", 0, "rate_quote", 0.000658), "tables.debts[0].rate_quote", "as text"),
        (set_in("calls", 0, "recorded", "yes"), "tables.calls[0].recorded", "true or false"),
        (set_in("calls", 0, "summary", None), "tables.calls[0].summary", "null"),
        (set_in("clients", 0, "household_size", True), "tables.clients[0].household_size", ""),
        (set_in("clients", 0, "name", "x" * 51), "tables.clients[0].name", "50 characters"),
        (set_in("clients", 1, "mobile", "12345"), "tables.clients[1] (id ", "mobile"),
        (set_in("calls", 0, "outcome", "won"), "tables.calls[0] (id ", "won"),
        (
            set_in("collection_contacts", 0, "contacted", "neighbour"),
            "tables.collection_contacts[0] (id ",
            "neighbour",
        ),
        (set_in("proposals", 0, "payload", {"kind": "magic"}), "tables.proposals[0]", ""),
        (rename_column("calls", "lender", "bank"), "tables.calls[0]", "missing column(s) lender"),
        (duplicate_row("debts"), "tables.debts[2].id", "appears twice"),
    ],
)
def test_a_wrong_file_is_refused_naming_where_and_the_database_is_untouched(
    store, change, where, problem
):
    fill(store)
    data = edited(store, change)
    before = contents(store)
    with pytest.raises(BackupFileError) as caught:
        restore_from_bytes(store, data, source="backup.json")
    message = str(caught.value)
    assert caught.value.code == "backup_invalid"
    assert caught.value.where.startswith(where)
    assert message.startswith(f"backup.json: {where}")
    assert problem in message
    assert contents(store) == before


def test_another_format_version_is_refused_by_its_own_code(store):
    fill(store)
    data = edited(store, set_top("format_version", 2))
    with pytest.raises(BackupVersionError) as caught:
        restore_from_bytes(store, data)
    assert caught.value.code == "backup_version"
    assert caught.value.where == "format_version"
    assert "version 2 cannot be read; this program reads version 1" in str(caught.value)
    assert store.clients.count() == 2


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, 0.999])
def test_a_truncated_file_is_refused_as_truncated_with_its_line(store, keep):
    fill(store)
    data = backup_to_bytes(store)
    cut = data[: int(len(data) * keep)]
    line = cut.count(b"\n") + 1
    before = contents(store)
    with pytest.raises(BackupFileError) as caught:
        restore_from_bytes(store, cut)
    assert "truncated" in str(caught.value)
    assert caught.value.where.startswith(f"line {line}, ")
    assert contents(store) == before


@pytest.mark.parametrize(
    ("data", "where", "problem"),
    [
        (b"", "", "empty"),
        (b"   \n", "", "empty"),
        (b"not json at all", "line 1, column 1", "not valid JSON"),
        (b'{"format": "repaytalk-backup",\n "format_version": 1,,}', "line 2, column", "JSON"),
        (b"[1, 2, 3]", "", "expected a JSON object"),
        (b'{"format": "repaytalk-backup", "x": "\xff"}', "line 1, byte 38", "not UTF-8"),
    ],
)
def test_a_file_that_is_not_a_backup_is_refused(store, data, where, problem):
    store.clients.create(a_client())
    with pytest.raises(BackupFileError) as caught:
        restore_from_bytes(store, data)
    assert caught.value.where == where or caught.value.where.startswith(where)
    assert problem in str(caught.value)
    assert store.clients.count() == 1


def test_restore_backup_wants_a_checked_backup(store):
    with pytest.raises(Exception, match="expected a Backup"):
        restore_backup(store, {"tables": {}})


# --- files -----------------------------------------------------------------------------------


def test_a_backup_file_is_written_whole_and_readable_only_by_its_owner(store, tmp_path):
    fill(store)
    (tmp_path / "backups").mkdir()
    path = tmp_path / "backups" / "backup.json"
    path.write_text("an older backup")
    written = write_backup_file(store, path)
    assert written.counts["clients"] == 2
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert read_backup(path.read_bytes()).counts == written.counts
    assert [p.name for p in path.parent.iterdir()] == ["backup.json"]  # no temporary left


def test_a_backup_into_a_missing_folder_fails_cleanly(store, tmp_path):
    with pytest.raises(Exception) as caught:
        write_backup_file(store, tmp_path / "no" / "such" / "backup.json")
    assert getattr(caught.value, "code", None) == "backup_io"


# --- the command line ------------------------------------------------------------------------


def run_cli(*argv: str, answer: str = ""):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(answer), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def passphrase_file(tmp_path, passphrase: str, name: str = "passphrase") -> str:
    path = tmp_path / name
    path.write_text(passphrase + "\n", encoding="utf-8")
    path.chmod(0o600)
    return str(path)


def test_the_command_line_backs_up_and_restores_after_confirmation(store, database_url, tmp_path):
    records = fill(store)
    path = str(tmp_path / "backup.rtbk")
    secret = passphrase_file(tmp_path, "月光 光 照地堂")
    code, out, err = run_cli(
        "--database", database_url, "backup", path, "--passphrase-file", secret
    )
    assert (code, err) == (OK, "")
    assert "2 clients" in out and "2 calls" in out
    assert is_sealed((tmp_path / "backup.rtbk").read_bytes())
    before = contents(store)
    mess_up(store, records)
    after_mess = contents(store)

    restore = ("--database", database_url, "restore", path, "--passphrase-file", secret)
    code, out, _ = run_cli(*restore, answer="no\n")
    assert code == CANCELLED
    assert "replaces ALL data" in out and "nothing was changed" in out
    assert contents(store) == after_mess

    code, out, _ = run_cli(*restore, answer="yes\n")
    assert code == OK and "restored" in out
    assert contents(store) == before

    mess_up(store, records)
    code, _, _ = run_cli(*restore, "--yes")
    assert code == OK
    assert contents(store) == before


def test_a_wrong_passphrase_is_refused_and_changes_nothing(store, database_url, tmp_path):
    records = fill(store)
    path = str(tmp_path / "backup.rtbk")
    right = passphrase_file(tmp_path, "correct horse battery")
    wrong = passphrase_file(tmp_path, "correct horse battery!", "wrong")
    assert run_cli("--database", database_url, "backup", path, "--passphrase-file", right)[0] == OK
    mess_up(store, records)
    before = contents(store)
    code, out, err = run_cli(
        "--database", database_url, "restore", path, "--passphrase-file", wrong, "--yes"
    )
    assert code == REFUSED and out == ""
    assert "passphrase does not open this backup" in err and "Traceback" not in err
    assert contents(store) == before
    code, _, err = run_cli(
        "--database",
        database_url,
        "restore",
        path,
        "--passphrase-file",
        wrong,
        "--yes",
        "--language",
        "zh-CN",
    )
    assert code == REFUSED and "口令不对" in err
    assert contents(store) == before


def test_the_command_line_writes_a_plain_backup_only_when_asked_and_warns(
    store, database_url, tmp_path
):
    fill(store)
    path = tmp_path / "plain.json"
    code, _, err = run_cli("--database", database_url, "backup", str(path), "--plain")
    assert code == OK and "NOT encrypted" in err
    assert path.read_bytes().startswith(b"{")
    short = passphrase_file(tmp_path, "seven77")
    code, _, err = run_cli(
        "--database", database_url, "backup", str(tmp_path / "b.rtbk"), "--passphrase-file", short
    )
    assert code == REFUSED and "at least 8 characters" in err
    assert not (tmp_path / "b.rtbk").exists()
    exposed = passphrase_file(tmp_path, "long enough here", "exposed")
    os.chmod(exposed, 0o644)
    code, _, err = run_cli(
        "--database", database_url, "backup", str(tmp_path / "b.rtbk"), "--passphrase-file", exposed
    )
    assert code == FAILED and "chmod 600" in err
    assert not (tmp_path / "b.rtbk").exists()


def test_the_command_line_refuses_a_broken_file_before_asking(store, database_url, tmp_path):
    fill(store)
    path = tmp_path / "broken.json"
    path.write_bytes(backup_to_bytes(store)[:-40])
    code, out, err = run_cli("--database", database_url, "restore", str(path), answer="yes\n")
    assert code == REFUSED
    assert out == ""
    assert "the database is unchanged" in err and "truncated" in err and str(path) in err
    assert "Traceback" not in err
    code, _, err = run_cli("--database", database_url, "restore", str(tmp_path / "none.json"))
    assert code == REFUSED and "cannot be read" in err
    assert store.clients.count() == 2


def test_the_command_line_names_a_database_it_cannot_open():
    code, _, err = run_cli("--database", "postgresql://u:secret@127.0.0.1:1/x", "backup", "b.json")
    assert code == FAILED
    assert err.startswith("error: ") and "secret" not in err and "Traceback" not in err


def test_the_command_line_explains_its_usage():
    assert run_cli()[0] == USAGE
    assert run_cli("restore")[0] == USAGE


def test_python_m_store_runs_without_a_traceback(tmp_path):
    env = {**os.environ, "REPAYTALK_DATABASE_URL": f"sqlite:///{tmp_path / 'r.db'}"}
    backup = tmp_path / "b.json"
    done = subprocess.run(
        [sys.executable, "-m", "store", "backup", str(backup), "--plain"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    backup.write_text('{"format": "repaytalk-backup", "format_version": 9}')
    refused = subprocess.run(
        [sys.executable, "-m", "store", "restore", str(backup), "--yes"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode == REFUSED
    assert "format_version" in refused.stderr and "Traceback" not in refused.stderr
