"""Collection contacts: what a lender's collectors did, as the counselor logged it."""

from __future__ import annotations

from typing import Any

from core.calls import Channel
from core.rules.conduct import CollectionContact, CollectionEvent, ContactTarget
from store._repository import Kind, Parent, VersionedRepository
from store._rows import require_new
from store.orm import CollectionContactRow, DebtRow


def to_values(contact: CollectionContact) -> dict[str, Any]:
    event = contact.event
    return {
        "debt_id": contact.debt_id,
        "at": event.at,
        "channel": contact.channel.value,
        "contacted": event.contacted.value,
        "threats": event.threats,
        "threat_to_safety": event.threat_to_safety,
        "insults": event.insults,
        "lender": contact.lender,
        "collector": contact.collector,
        "note": contact.note,
    }


def from_row(row: CollectionContactRow) -> CollectionContact:
    return CollectionContact(
        id=row.id,
        version=row.version,
        client_id=row.client_id,
        debt_id=row.debt_id,
        event=CollectionEvent(
            at=row.at,
            contacted=ContactTarget(row.contacted),
            threats=row.threats,
            threat_to_safety=row.threat_to_safety,
            insults=row.insults,
        ),
        channel=Channel(row.channel),
        lender=row.lender,
        collector=row.collector,
        note=row.note,
    )


COLLECTION_CONTACT = Kind(
    "collection_contact",
    CollectionContact,
    CollectionContactRow,
    from_row,
    to_values,
    (Parent(DebtRow, "debt", "debt_id"),),
)


class CollectionContactRepository(VersionedRepository[CollectionContact, CollectionContactRow]):
    kind = COLLECTION_CONTACT

    def add(self, contact: CollectionContact) -> CollectionContact:
        """Save a new contact for ``contact.client_id`` (and, if given, that client's debt)."""
        contact = COLLECTION_CONTACT.require(contact)
        require_new(contact, "collection_contact")
        with self._store.write() as session:
            return from_row(COLLECTION_CONTACT.insert(session, contact, self._store.clock()))

    def list_for_client(
        self, client_id: int, *, newest_first: bool = True
    ) -> list[CollectionContact]:
        """The client's contacts in time order, newest first unless asked otherwise."""
        row = CollectionContactRow
        order = (row.at.desc(), row.id.desc()) if newest_first else (row.at.asc(), row.id)
        return self._all(self._of_client(client_id).order_by(*order))
