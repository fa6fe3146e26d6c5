"""Migration 0011 in the store: the lender alias table (saved row by row at the versions shown,
backed up and restored, absent from an older backup) and the proposal a call put
(``calls.proposal_id``). SQLite, and PostgreSQL with TEST_DATABASE_URL."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import sqlalchemy as sa
from store_samples import a_call, a_client, a_debt, a_proposal

from core.lender_history import LenderAlias
from store import InvalidDataError, NotFoundError, StaleRecordError, Store, init_db
from store.backup import backup_document, dump_document, restore_from_bytes
from store.engine import make_engine
from store.lender_aliases import LenderAliasRepository
from store.migrate import current_revision, head_revision, upgrade


def pairs(aliases) -> list[tuple[str, str]]:
    return [(alias.alias, alias.lender) for alias in aliases]


# --- aliases --------------------------------------------------------------------------------


def test_aliases_are_kept_in_normal_form_and_listed_by_lender(store):
    repo = LenderAliasRepository(store)
    saved = repo.save_all(
        [
            LenderAlias(alias=" ＬＦＱ ", lender="来分期"),
            LenderAlias(alias="来分期APP", lender="来分期"),
            LenderAlias(alias="CMB", lender="招商银行"),
        ],
        shown=[],
    )
    assert pairs(saved) == [("cmb", "招商银行"), ("lfq", "来分期"), ("来分期app", "来分期")]
    assert [alias.version for alias in saved] == [1, 1, 1]  # by lender: 招 (U+62DB) < 来
    assert repo.mapping() == {"lfq": "来分期", "来分期app": "来分期", "cmb": "招商银行"}


def test_an_edit_updates_deletes_and_adds_at_the_versions_shown(store):
    repo = LenderAliasRepository(store)
    shown = repo.save_all(
        [LenderAlias(alias="LFQ", lender="来分期"), LenderAlias(alias="招行", lender="招商")],
        shown=[],
    )
    after = repo.save_all(
        [LenderAlias(alias="招行", lender="招商银行"), LenderAlias(alias="分期乐", lender="乐信")],
        shown=shown,
    )
    assert pairs(after) == [("分期乐", "乐信"), ("招行", "招商银行")]
    by_alias = {alias.alias: alias for alias in after}
    # the changed row kept its id and moved on a version; the new one starts at 1
    assert by_alias["招行"].id == next(a.id for a in shown if a.alias == "招行")
    assert (by_alias["招行"].version, by_alias["分期乐"].version) == (2, 1)


def test_a_save_over_someone_elses_change_is_refused_and_writes_nothing(store):
    repo = LenderAliasRepository(store)
    shown = repo.save_all([LenderAlias(alias="LFQ", lender="来分期")], shown=[])
    repo.save_all([LenderAlias(alias="LFQ", lender="来分期金融")], shown=shown)
    with pytest.raises(StaleRecordError):
        repo.save_all(
            [LenderAlias(alias="LFQ", lender="乐信"), LenderAlias(alias="新", lender="新的")],
            shown=shown,
        )
    assert pairs(repo.list_all()) == [("lfq", "来分期金融")]
    # a removal of a row someone else changed is refused too
    with pytest.raises(StaleRecordError):
        repo.save_all([], shown=shown)
    assert pairs(repo.list_all()) == [("lfq", "来分期金融")]


def test_an_alias_written_twice_or_already_saved_is_refused(store):
    repo = LenderAliasRepository(store)
    with pytest.raises(InvalidDataError) as caught:
        repo.save_all(
            [LenderAlias(alias="LFQ", lender="来分期"), LenderAlias(alias="lfq ", lender="乐信")],
            shown=[],
        )
    assert caught.value.code == "duplicate_alias"
    repo.save_all([LenderAlias(alias="LFQ", lender="来分期")], shown=[])
    # a second editor that did not see it adds the same alias
    with pytest.raises(InvalidDataError) as caught:
        repo.save_all([LenderAlias(alias="ＬＦＱ", lender="乐信")], shown=[])
    assert caught.value.code == "duplicate_alias"
    assert pairs(repo.list_all()) == [("lfq", "来分期")]


def test_aliases_are_backed_up_and_restored(store):
    repo = LenderAliasRepository(store)
    repo.save_all([LenderAlias(alias="LFQ", lender="来分期")], shown=[])
    document = backup_document(store)
    assert [
        (row["alias"], row["lender"], row["version"])
        for row in document["tables"]["lender_aliases"]
    ] == [("lfq", "来分期", 1)]
    repo.save_all([], shown=repo.list_all())
    assert repo.list_all() == []
    restore_from_bytes(store, dump_document(document))
    assert pairs(repo.list_all()) == [("lfq", "来分期")]


def test_a_backup_written_before_0011_restores_without_aliases_and_call_links(store):
    client = store.clients.create(a_client())
    debt = store.debts.add(a_debt(client.id))
    proposal = store.proposals.save(a_proposal(client.id, debt.id))
    store.calls.add(a_call(client.id, debt_id=debt.id, proposal_id=proposal.id))
    LenderAliasRepository(store).save_all([LenderAlias(alias="LFQ", lender="来分期")], shown=[])
    document = backup_document(store)
    document["schema_revision"] = "0010"
    del document["tables"]["lender_aliases"]
    del document["counts"]["lender_aliases"]
    for row in document["tables"]["calls"]:
        del row["proposal_id"]
    restore_from_bytes(store, dump_document(document))
    assert LenderAliasRepository(store).list_all() == []
    (call,) = store.calls.list_for_client(client.id)
    assert call.proposal_id is None


# --- a call's proposal ----------------------------------------------------------------------


def test_a_call_names_the_proposal_it_put_and_loses_it_when_the_proposal_goes(store):
    client = store.clients.create(a_client())
    debt = store.debts.add(a_debt(client.id))
    proposal = store.proposals.save(a_proposal(client.id, debt.id))
    call = store.calls.add(a_call(client.id, debt_id=debt.id, proposal_id=proposal.id))
    assert store.calls.get(call.id).proposal_id == proposal.id
    store.proposals.delete(proposal.id)
    assert store.calls.get(call.id).proposal_id is None


def test_a_call_may_not_name_another_debts_or_clients_proposal(store):
    client = store.clients.create(a_client())
    debt = store.debts.add(a_debt(client.id))
    other_debt = store.debts.add(a_debt(client.id, contract_number="HT-2"))
    proposal = store.proposals.save(a_proposal(client.id, other_debt.id))
    with pytest.raises(InvalidDataError):
        store.calls.add(a_call(client.id, debt_id=debt.id, proposal_id=proposal.id))
    other = store.clients.create(a_client(name="李四", mobile="13900001111"))
    theirs_debt = store.debts.add(a_debt(other.id))
    theirs = store.proposals.save(a_proposal(other.id, theirs_debt.id))
    with pytest.raises((InvalidDataError, NotFoundError)):
        store.calls.add(a_call(client.id, debt_id=theirs_debt.id, proposal_id=theirs.id))
    call = store.calls.add(a_call(client.id, debt_id=debt.id))
    with pytest.raises(InvalidDataError):
        store.calls.update(call.model_copy(update={"proposal_id": proposal.id}))
    assert store.calls.get(call.id).proposal_id is None


def test_proposals_put_reads_the_first_call_and_the_calls_links(store):
    client = store.clients.create(a_client())
    debt = store.debts.add(a_debt(client.id))
    put = store.proposals.save(a_proposal(client.id, debt.id))
    kept = store.proposals.save(a_proposal(client.id, debt.id, title="只比较"))
    store.proposals.save(a_proposal(client.id, None, title="不属于某笔债务"))
    early = datetime(2026, 3, 1, 2, 0, tzinfo=UTC)
    later = datetime(2026, 3, 5, 2, 0, tzinfo=UTC)
    store.calls.add(
        a_call(client.id, at=later, debt_id=debt.id, next_action_on=None, next_action="")
    )
    store.calls.add(a_call(client.id, at=early, debt_id=debt.id, proposal_id=put.id))
    rows = store.calls.proposals_put()
    assert [(row.proposal_id, row.put_on_call, row.first_call_at) for row in rows] == [
        (put.id, True, early),
        (kept.id, False, early),
    ]
    assert (rows[0].creditor, rows[0].kind, rows[0].status) == ("来分期", "stop_interest", "saved")


# --- the migration --------------------------------------------------------------------------


def test_a_database_at_0010_is_upgraded_with_its_calls_kept_and_not_linked(database_url, settings):
    engine = make_engine(database_url, settings)
    try:
        upgrade(engine, "0010")
        with Store(engine, settings):
            assert current_revision(engine) == "0010"
        now = "2026-02-01 08:00:00"
        with engine.begin() as connection:
            # raw SQL: today's models write columns that 0010 does not have
            connection.execute(
                sa.text(
                    "INSERT INTO clients (id, version, created_at, updated_at, name, mobile,"
                    " id_number, household_size, notes, consent_given_on, consent_scopes,"
                    " contacts, counselor_id) VALUES (1, 1, :now, :now, '张明', NULL, NULL, 1,"
                    " '', NULL, '', '[]', NULL)"
                ),
                {"now": now},
            )
            connection.execute(
                sa.text(
                    "INSERT INTO calls (id, version, created_at, updated_at, client_id, debt_id,"
                    " at, channel, direction, lender, agent_id, summary, lender_promised,"
                    " client_promised, outcome, next_action, next_action_on, recorded,"
                    " agent_told_of_recording) VALUES (5, 1, :now, :now, 1, NULL, :now,"
                    " 'phone', 'outgoing', '来分期', 'A1', '申请停息挂账', '', '', 'call_back', '',"
                    " NULL, :no, :no)"
                ),
                {"now": now, "no": False},
            )
    finally:
        engine.dispose()
    with init_db(database_url, settings=settings) as store:
        assert current_revision(store.engine) == head_revision()
        call = store.calls.get(5)
        assert (call.proposal_id, call.summary, call.version) == (None, "申请停息挂账", 1)
        assert call.at == datetime(2026, 2, 1, 8, 0, tzinfo=UTC)
        assert LenderAliasRepository(store).list_all() == []
        # and the new column takes a link from now on
        debt = store.debts.add(a_debt(1))
        proposal = store.proposals.save(a_proposal(1, debt.id))
        linked = store.calls.update(
            call.model_copy(update={"debt_id": debt.id, "proposal_id": proposal.id})
        )
        assert store.calls.get(5).proposal_id == proposal.id == linked.proposal_id
        assert date(2026, 2, 1) == call.at.date()
