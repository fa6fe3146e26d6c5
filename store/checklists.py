"""Document checklists: which papers are ready for a client (optionally for one debt)."""

from __future__ import annotations

from typing import Any

from core.calls import DocumentChecklist, DocumentItem
from store._repository import Kind, Parent, VersionedRepository
from store.orm import DebtRow, DocumentChecklistRow


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


CHECKLIST = Kind(
    "checklist",
    DocumentChecklist,
    DocumentChecklistRow,
    from_row,
    to_values,
    (Parent(DebtRow, "debt", "debt_id"),),
)


class ChecklistRepository(VersionedRepository[DocumentChecklist, DocumentChecklistRow]):
    kind = CHECKLIST

    def save(self, checklist: DocumentChecklist) -> DocumentChecklist:
        """Add a new checklist (``id`` None) or save changes to an existing one."""
        checklist = CHECKLIST.require(checklist)
        now = self._store.clock()
        with self._store.write() as session:
            if checklist.id is None:
                return from_row(CHECKLIST.insert(session, checklist, now))
            version, row = CHECKLIST.update_owned(session, checklist, now)
        return checklist.model_copy(update={"version": version, "client_id": row.client_id})

    def for_client(self, client_id: int, debt_id: int | None = None) -> DocumentChecklist | None:
        """The client's checklist for ``debt_id`` (the general one when None), if any."""
        debt_match = (
            DocumentChecklistRow.debt_id.is_(None)
            if debt_id is None
            else DocumentChecklistRow.debt_id == debt_id
        )
        query = self._of_client(client_id).where(debt_match)
        return self._first(query.order_by(DocumentChecklistRow.id.desc()))

    def list_for_client(self, client_id: int) -> list[DocumentChecklist]:
        return self._all(self._of_client(client_id).order_by(DocumentChecklistRow.id))
