"""Hostile backup files: a record pointing at another client's debt, call or proposal, a value
beyond the limits, a file too large, broken JSON. Each is refused by the check — saying where, in
the user's language — and the database is exactly as it was."""

from __future__ import annotations

import io
import os

import pytest
from store_samples import a_client
from test_backup import contents, edited, fill, set_in

import store.backup as backup_module
from cli.store import REFUSED, main
from i18n import translate
from store.backup import (
    MAX_BACKUP_BYTES,
    BackupFileError,
    backup_document,
    backup_to_bytes,
    read_backup,
    read_backup_file,
    restore_from_bytes,
)
from ui.errors import error_messages

# --- links across clients -------------------------------------------------------------------

#: Each link a record may hold, and the table it points into.
LINKS = [
    ("calls", "debt_id", "debts"),
    ("follow_up_tasks", "source_call_id", "calls"),
    ("payments", "debt_id", "debts"),
    ("payments", "proposal_id", "proposals"),
    ("proposals", "debt_id", "debts"),
    ("document_checklists", "debt_id", "debts"),
    ("collection_contacts", "debt_id", "debts"),
]


def row_of(document, table: str, client_id: int) -> tuple[int, dict]:
    rows = document["tables"][table]
    index = next(i for i, row in enumerate(rows) if row["client_id"] == client_id)
    return index, rows[index]


@pytest.mark.parametrize(("table", "column", "target"), LINKS)
def test_a_record_pointing_at_another_clients_record_is_refused(store, table, column, target):
    records = fill(store)
    zhang, li = records["zhang"]["client"].id, records["li"]["client"].id
    document = backup_document(store)
    index, row = row_of(document, table, zhang)
    _, theirs = row_of(document, target, li)
    row[column] = theirs["id"]
    data = backup_module.dump_document(document)
    before = contents(store)

    with pytest.raises(BackupFileError) as caught:
        restore_from_bytes(store, data, source="hostile.json")

    error = caught.value
    assert error.code == "backup_invalid"
    assert error.where == f"tables.{table}[{index}].{column}"
    assert error.reason == "other_clients_record"
    assert error.params["client"] == zhang and error.params["other_client"] == li
    assert contents(store) == before
    for lang in ("zh-CN", "en"):
        lines = error_messages(error, lang)
        assert lines[0] == translate("error.backup_invalid", lang)
        assert str(li) in lines[1] and str(theirs["id"]) in lines[1]


def test_the_hostile_call_for_client_1_on_client_2s_debt_is_refused(store):
    records = fill(store)
    document = backup_document(store)
    call = document["tables"]["calls"][0]
    call["debt_id"] = records["li"]["debt"].id
    assert call["client_id"] == records["zhang"]["client"].id
    before = contents(store)
    with pytest.raises(BackupFileError, match=r"tables\.calls\[0\]\.debt_id"):
        restore_from_bytes(store, backup_module.dump_document(document))
    assert contents(store) == before


@pytest.mark.parametrize(("table", "column", "target"), LINKS)
def test_a_record_pointing_at_a_record_not_in_the_file_is_refused(store, table, column, target):
    fill(store)
    document = backup_document(store)
    document["tables"][table][0][column] = 999_999
    before = contents(store)
    with pytest.raises(BackupFileError) as caught:
        restore_from_bytes(store, backup_module.dump_document(document))
    assert caught.value.where == f"tables.{table}[0].{column}"
    assert caught.value.reason == "missing_record"
    assert contents(store) == before


def test_a_record_of_a_client_not_in_the_file_is_refused_by_the_check(store):
    fill(store)
    data = edited(store, set_in("calls", 0, "client_id", 999_999))
    before = contents(store)
    with pytest.raises(BackupFileError) as caught:
        restore_from_bytes(store, data)
    assert caught.value.where == "tables.calls[0].client_id"
    assert contents(store) == before


# --- values beyond the limits -----------------------------------------------------------------


def budget_income(value):
    def change(document):
        document["tables"]["budget_versions"][0]["payload"]["incomes"][0]["amount"] = value

    return change


def agreed_plan(**changes):
    """The agreed proposal's plan, as a file could hold it, with ``changes`` to its row."""
    row = {"period": 1, "due_date": "2026-04-01", "payment": "100.00", "principal": "100.00"}
    row |= {"interest": "0", "fees": "0", "arrears": "0", "balance": "0"}

    def change(document):
        agreed = next(r for r in document["tables"]["proposals"] if r["status"] == "agreed")
        agreed["plan"] = {"opening": "100.00", "rows": [{**row, **changes}]}

    return change


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (agreed_plan(payment="1E+27"), "tables.proposals["),
        (agreed_plan(period=10**9), "tables.proposals["),
        (budget_income("1E+27"), "tables.budget_versions[0] (id "),
        (budget_income("NaN"), "tables.budget_versions[0] (id "),
        (budget_income("1" * 10_000), "tables.budget_versions[0] (id "),
        (budget_income("-1"), "tables.budget_versions[0] (id "),
        (set_in("payments", 0, "amount_fen", 2**62), "tables.payments[0]"),
        (set_in("debts", 0, "outstanding_principal_fen", 10**10 + 1), "tables.debts[0] (id "),
        (set_in("debts", 0, "creditor", "某" * 101), "tables.debts[0].creditor"),
        (set_in("debts", 0, "days_overdue", 10**12), "tables.debts[0]"),
        (set_in("calls", 0, "version", 2**40), "tables.calls[0].version"),
        (set_in("debts", 0, "rate_quote", "1E+999999"), "tables.debts[0]"),
        (set_in("debts", 0, "rate_quote", "NaN"), "tables.debts[0].rate_quote"),
    ],
)
def test_a_value_beyond_the_limits_is_refused_with_its_record_path(store, change, where):
    fill(store)
    data = edited(store, change)
    before = contents(store)
    with pytest.raises(BackupFileError) as caught:
        restore_from_bytes(store, data, source="hostile.json")
    assert caught.value.code == "backup_invalid"
    assert caught.value.where.startswith(where)
    assert contents(store) == before


def test_an_income_of_1e27_is_worded_in_the_users_language(store):
    fill(store)
    with pytest.raises(BackupFileError) as caught:
        read_backup(edited(store, budget_income("1E+27")))
    lines = error_messages(caught.value, "zh-CN")
    assert lines[0] == translate("error.backup_invalid", "zh-CN")
    assert "budget_versions" in lines[1]
    assert translate("error.too_large", "zh-CN", max="¥100,000,000.00") in lines[1]
    assert "Value error" not in lines[1] and "must" not in lines[1]


# --- too large --------------------------------------------------------------------------------


def test_the_limit_is_the_data_pages_upload_limit():
    import tomllib
    from pathlib import Path

    config = tomllib.loads((Path(__file__).parents[2] / ".streamlit/config.toml").read_text())
    assert config["server"]["maxUploadSize"] * 1024 * 1024 == MAX_BACKUP_BYTES


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_data_page_states_the_limit(lang):
    assert f"{backup_module.MAX_BACKUP_MB} MB" in translate("data.restore.body", lang)


def test_a_file_beyond_the_limit_is_refused_before_it_is_read(store, tmp_path, monkeypatch):
    fill(store)
    path = tmp_path / "huge.json"
    with path.open("wb") as out:
        out.write(backup_to_bytes(store))
        out.truncate(MAX_BACKUP_BYTES + 1)  # sparse: no disk used
    monkeypatch.setattr(
        type(path), "read_bytes", lambda self: pytest.fail("the whole file was read")
    )
    before = contents(store)
    with pytest.raises(BackupFileError) as caught:
        read_backup_file(path)
    assert caught.value.reason == "too_large"
    lines = error_messages(caught.value, "zh-CN")
    assert f"{backup_module.MAX_BACKUP_MB} MB" in lines[1]
    assert contents(store) == before


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_an_endless_file_is_read_no_further_than_the_limit():
    with pytest.raises(BackupFileError) as caught:
        read_backup_file("/dev/zero")  # its size says 0; reading it never ends
    assert caught.value.reason == "too_large"


def test_bytes_beyond_a_given_limit_are_refused_too(store):
    with pytest.raises(BackupFileError) as caught:
        read_backup(b" " * (MAX_BACKUP_BYTES + 1), max_bytes=MAX_BACKUP_BYTES)
    assert caught.value.reason == "too_large"
    assert caught.value.params == {"mb": str(backup_module.MAX_BACKUP_MB)}


def test_the_command_line_refuses_a_file_beyond_the_limit(store, database_url, tmp_path):
    fill(store)
    path = tmp_path / "huge.json"
    with path.open("wb") as out:
        out.truncate(MAX_BACKUP_BYTES + 1)
    before = contents(store)
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["--database", database_url, "restore", str(path), "--yes"],
        stdin=io.StringIO(""),
        stdout=out,
        stderr=err,
    )
    assert code == REFUSED
    assert (
        f"{backup_module.MAX_BACKUP_MB} MB" in err.getvalue() and "Traceback" not in err.getvalue()
    )
    assert contents(store) == before
    assert os.path.getsize(path) > MAX_BACKUP_BYTES

    err = io.StringIO()  # raised knowingly for one restore: read, then refused for its content
    code = main(
        [
            "--database",
            database_url,
            "restore",
            str(path),
            "--yes",
            "--max-mb",
            str(backup_module.MAX_BACKUP_MB + 1),
        ],
        stdin=io.StringIO(""),
        stdout=io.StringIO(),
        stderr=err,
    )
    assert code == REFUSED and "MB" not in err.getvalue()
    assert contents(store) == before


def test_a_backup_beyond_the_limit_is_written_and_says_how_to_restore_it(
    store, database_url, tmp_path, monkeypatch
):
    import cli.store

    fill(store)
    monkeypatch.setattr(cli.store, "MAX_BACKUP_BYTES", 1000)  # as if the database were large
    path = tmp_path / "large.json"
    out = io.StringIO()
    code = main(
        ["--database", database_url, "backup", str(path), "--plain"],
        stdout=out,
        stderr=io.StringIO(),
    )
    assert code == 0
    assert "--max-mb 1" in out.getvalue()
    before = contents(store)
    code = main(
        ["--database", database_url, "restore", str(path), "--yes", "--max-mb", "1"],
        stdin=io.StringIO(""),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    assert code == 0
    assert contents(store) == before


# --- broken JSON, worded -------------------------------------------------------------------


BROKEN = b'{"format": "repaytalk-backup",\n "format_version": 1,\n "counts": {,}}'


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_broken_json_is_worded_with_its_line_and_column_in_the_users_language(store, lang):
    store.clients.create(a_client())
    with pytest.raises(BackupFileError) as caught:
        restore_from_bytes(store, BROKEN)
    error = caught.value
    assert error.reason == "not_json"
    assert error.params == {"line": 3, "column": 13}
    lines = error_messages(error, lang)
    assert lines[1] == translate(
        "error.where",
        lang,
        where=translate("error.backup.at_line", lang, line=3, column=13),
        problem=translate("error.backup.not_json", lang),
    )
    assert "Expecting" not in " ".join(lines) and "JSON:" not in " ".join(lines)
    assert store.clients.count() == 1


def test_a_truncated_file_says_so_in_chinese(store):
    fill(store)
    cut = backup_to_bytes(store)[:-40]
    with pytest.raises(BackupFileError) as caught:
        read_backup(cut)
    assert caught.value.reason == "truncated"
    text = " ".join(error_messages(caught.value, "zh-CN"))
    assert translate("error.backup.truncated", "zh-CN") in text
    assert "line" not in text and "truncated" not in text


def test_the_command_line_words_a_refusal_in_the_chosen_language(store, database_url, tmp_path):
    path = tmp_path / "broken.json"
    path.write_bytes(BROKEN)
    err = io.StringIO()
    code = main(
        ["--database", database_url, "restore", "--language", "zh-CN", str(path), "--yes"],
        stdin=io.StringIO(""),
        stdout=io.StringIO(),
        stderr=err,
    )
    assert code == REFUSED
    message = err.getvalue()
    assert translate("error.backup_invalid", "zh-CN") in message
    assert translate("error.backup.at_line", "zh-CN", line=3, column=13) in message
    assert "Expecting" not in message


# --- a backup the app made can always be restored -------------------------------------------


def test_a_150_character_creditor_never_reaches_a_backup(store):
    from pydantic import ValidationError

    from core.debts import Debt

    with pytest.raises(ValidationError):
        Debt(creditor="某" * 150, outstanding_principal="1000", remaining_months=12)
    fill(store)
    read_backup(backup_to_bytes(store))
