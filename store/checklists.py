"""Document checklists: which papers are ready for a client (optionally for one debt)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from core.calls import DocumentChecklist, DocumentItem
from store._rows import (
    check_client,
    check_owned,
    check_same_client,
    delete_versioned,
    get_row,
    insert,
    require,
    require_id,
    update_versioned,
)
from store.orm import DebtRow, DocumentChecklistRow

if TYPE_CHECKING:
    from store.db import Store


def to_values(checklist: DocumentChecklist) -> dict[str, Any]:
    values: dict[str, Any] = {item.value: getattr(checklist, item.value) for item in DocumentItem}
    return {**values, "debt_id": checklist.debt_id, "notes": checklist.notes}


def from_row(row: DocumentChecklistRow) -> DocumentChecklist:
    return DocumentChecklist(
        id=row.id,
        version=row.version,
        client_id=row.client_id,
        debt_id=row.debt_id,
        notes=row.notes,
        **{item.value: getattr(row, item.value) for item in DocumentItem},
    )


class ChecklistRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def save(self, checklist: DocumentChecklist) -> DocumentChecklist:
        """Add a new checklist (``id`` None) or save changes to an existing one."""
        checklist = require(checklist, DocumentChecklist, "checklist")
        now = self._store.clock()
        with self._store.write() as session:
            if checklist.id is None:
                client_id = check_client(session, checklist.client_id)
                check_owned(session, DebtRow, "debt", checklist.debt_id, client_id)
                row = DocumentChecklistRow(client_id=client_id, **to_values(checklist))
                return from_row(insert(session, row, now))
            row = get_row(session, DocumentChecklistRow, "checklist", checklist.id)
            check_same_client(row, checklist.client_id, "checklist")
            check_owned(session, DebtRow, "debt", checklist.debt_id, row.client_id)
            version = update_versioned(
                session,
                DocumentChecklistRow,
                "checklist",
                checklist.id,
                checklist.version,
                to_values(checklist),
                now,
            )
        return checklist.model_copy(update={"version": version, "client_id": row.client_id})

    def get(self, checklist_id: int) -> DocumentChecklist:
        with self._store.read() as session:
            return from_row(get_row(session, DocumentChecklistRow, "checklist", checklist_id))

    def for_client(self, client_id: int, debt_id: int | None = None) -> DocumentChecklist | None:
        """The client's checklist for ``debt_id`` (the general one when None), if any."""
        client_id = require_id(client_id, "client_id")
        debt_match = (
            DocumentChecklistRow.debt_id.is_(None)
            if debt_id is None
            else DocumentChecklistRow.debt_id == debt_id
        )
        query = (
            sa.select(DocumentChecklistRow)
            .where(DocumentChecklistRow.client_id == client_id, debt_match)
            .order_by(DocumentChecklistRow.id.desc())
            .limit(1)
        )
        with self._store.read() as session:
            row = session.scalar(query)
            return from_row(row) if row is not None else None

    def list_for_client(self, client_id: int) -> list[DocumentChecklist]:
        client_id = require_id(client_id, "client_id")
        query = (
            sa.select(DocumentChecklistRow)
            .where(DocumentChecklistRow.client_id == client_id)
            .order_by(DocumentChecklistRow.id)
        )
        with self._store.read() as session:
            return [from_row(row) for row in session.scalars(query)]

    def delete(self, checklist_id: int, *, version: int | None = None) -> None:
        with self._store.write() as session:
            delete_versioned(session, DocumentChecklistRow, "checklist", checklist_id, version)
