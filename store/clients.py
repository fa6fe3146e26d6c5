"""Clients: create, read, list, search, update and delete (which erases everything about them)."""

from __future__ import annotations

import builtins
from typing import Any

import sqlalchemy as sa

from core.clients import Client, ClientContact, Consent, ConsentScope
from store._repository import Kind, VersionedRepository
from store._rows import delete_versioned, like_pattern, require_id, require_new
from store.orm import Base, ClientRow, DebtRow

#: A search made of digits only and at least this long also matches the end of mobile numbers.
MIN_PHONE_TAIL = 3


def to_values(client: Client) -> dict[str, Any]:
    consent = client.consent
    return {
        "name": client.name,
        "mobile": client.mobile,
        "id_number": client.id_number,
        "household_size": client.household_size,
        "notes": client.notes,
        "consent_given_on": consent.given_on if consent else None,
        "consent_scopes": ",".join(sorted(consent.scopes)) if consent else "",
        "contacts": [contact.model_dump(mode="json") for contact in client.contacts],
    }


def from_row(row: ClientRow) -> Client:
    consent = None
    if row.consent_given_on is not None:
        scopes = {ConsentScope(scope) for scope in row.consent_scopes.split(",") if scope}
        consent = Consent(given_on=row.consent_given_on, scopes=scopes)
    return Client(
        id=row.id,
        version=row.version,
        name=row.name,
        mobile=row.mobile,
        id_number=row.id_number,
        household_size=row.household_size,
        notes=row.notes,
        consent=consent,
        contacts=tuple(ClientContact.model_validate(item) for item in row.contacts or ()),
    )


CLIENT = Kind("client", Client, ClientRow, from_row, to_values, owned=False)


class ClientRepository(VersionedRepository[Client, ClientRow]):
    kind = CLIENT

    def create(self, client: Client) -> Client:
        client = CLIENT.require(client)
        require_new(client, "client")
        with self._store.write() as session:
            return from_row(CLIENT.insert(session, client, self._store.clock()))

    def list(self, *, limit: int | None = None, offset: int = 0) -> list[Client]:
        """All clients by name (then id)."""
        query = sa.select(ClientRow).order_by(ClientRow.name, ClientRow.id)
        return self._all(query.offset(offset).limit(limit))

    def count(self) -> int:
        with self._store.read() as session:
            return session.scalar(sa.select(sa.func.count()).select_from(ClientRow)) or 0

    # ``list`` is the method above from here on in the class body.
    def search(self, text: str, *, limit: int = 50) -> builtins.list[Client]:
        """Clients whose name contains ``text``, whose mobile ends with it (3+ digits), or who
        have a debt whose contract or order number contains it (case-insensitive)."""
        text = "".join(str(text).split())
        if not text:
            return []
        pattern = like_pattern(text.lower())
        contract = sa.select(DebtRow.id).where(
            DebtRow.client_id == ClientRow.id,
            sa.func.lower(DebtRow.contract_number).like(f"%{pattern}%", escape="\\"),
        )
        matches = [
            sa.func.lower(ClientRow.name).like(f"%{pattern}%", escape="\\"),
            contract.exists(),
        ]
        if text.isascii() and text.isdigit() and len(text) >= MIN_PHONE_TAIL:
            matches.append(ClientRow.mobile.like(f"%{pattern}", escape="\\"))
        query = (
            sa.select(ClientRow)
            .where(sa.or_(*matches))
            .order_by(ClientRow.name, ClientRow.id)
            .limit(limit)
        )
        return self._all(query)

    def update(self, client: Client) -> Client:
        """Save a changed copy; :class:`StaleRecordError` if someone saved since it was read."""
        return self._update(client)

    def delete(self, client_id: int, *, version: int | None = None) -> None:
        """Erase the client and every row about them, in one transaction.

        The foreign keys cascade; the rows are also deleted explicitly, table by table, so
        that nothing survives even on a connection where foreign keys were off.
        """
        client_id = require_id(client_id, "client_id")
        with self._store.write() as session:
            for table in client_tables():
                session.execute(sa.delete(table).where(table.c.client_id == client_id))
            delete_versioned(session, ClientRow, "client", client_id, version)


def client_tables() -> list[sa.Table]:
    """Every table with rows about a client, children before parents."""
    tables = [
        table
        for table in Base.metadata.sorted_tables
        if "client_id" in table.c and table.name != "clients"
    ]
    return list(reversed(tables))
