"""Migration 0014 in the store: the document checklist's power of attorney line is saved and
read back, a checklist saved before 0014 reads "not in place", and a backup written before
0014 restores with it off. SQLite, and PostgreSQL with TEST_DATABASE_URL."""

from __future__ import annotations

import sqlalchemy as sa
from store_samples import a_client

from core.calls import DocumentChecklist, DocumentItem
from store import init_db
from store.backup import backup_document, dump_document, restore_from_bytes
from store.engine import make_engine
from store.migrate import current_revision, head_revision, upgrade


def test_the_power_of_attorney_line_is_saved_and_read_back(store):
    client = store.clients.create(a_client())
    saved = store.checklists.save(DocumentChecklist(client_id=client.id, power_of_attorney=True))
    assert store.checklists.for_client(client.id).power_of_attorney is True
    store.checklists.save(saved.model_copy(update={"power_of_attorney": False}))
    assert store.checklists.for_client(client.id).power_of_attorney is False


def test_a_backup_from_before_0014_restores_with_the_line_off(store):
    client = store.clients.create(a_client())
    store.checklists.save(
        DocumentChecklist(client_id=client.id, contract_number=True, power_of_attorney=True)
    )
    document = backup_document(store)
    assert document["tables"]["document_checklists"][0]["power_of_attorney"] is True
    old = {**document, "schema_revision": "0013"}
    old["tables"] = {
        **document["tables"],
        "document_checklists": [
            {k: v for k, v in row.items() if k != "power_of_attorney"}
            for row in document["tables"]["document_checklists"]
        ],
    }
    restore_from_bytes(store, dump_document(old), source="old.json")
    restored = store.checklists.for_client(client.id)
    assert (restored.contract_number, restored.power_of_attorney) == (True, False)
    assert restored.missing(on_behalf=True)[-1] is DocumentItem.POWER_OF_ATTORNEY


def test_a_checklist_saved_before_0014_reads_not_in_place_after_the_upgrade(database_url, settings):
    engine = make_engine(database_url, settings)
    try:
        upgrade(engine, "0011")  # before 0012 encrypts the notes
        now = "2026-02-01 08:00:00"
        with engine.begin() as connection:
            connection.execute(
                sa.text(
                    "INSERT INTO clients (id, version, created_at, updated_at, name, mobile,"
                    " id_number, household_size, notes, consent_given_on, consent_scopes)"
                    " VALUES (7, 1, :now, :now, '李四', NULL, NULL, 2, '', NULL, '')"
                ),
                {"now": now},
            )
            connection.execute(
                sa.text(
                    "INSERT INTO document_checklists (id, version, created_at, updated_at,"
                    " client_id, debt_id, contract_number, id_card_photos, income_proof,"
                    " debt_list, hardship_proof, written_proposal, notes) VALUES"
                    " (3, 1, :now, :now, 7, NULL, true, false, false, false, false, true, '')"
                ),
                {"now": now},
            )
    finally:
        engine.dispose()
    with init_db(database_url, settings=settings) as store:
        assert current_revision(store.engine) == head_revision() == "0015"
        checklist = store.checklists.for_client(7)
        assert (checklist.contract_number, checklist.written_proposal) == (True, True)
        assert checklist.power_of_attorney is False
