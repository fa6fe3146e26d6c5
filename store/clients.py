"""Clients: create, read, list, search, update and delete (which erases everything about them)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from core.clients import Client, Consent, ConsentScope
from store._rows import (
    delete_versioned,
    get_row,
    insert,
    like_pattern,
    require,
    require_id,
    require_new,
    update_versioned,
)
from store.orm import Base, ClientRow, DebtRow

if TYPE_CHECKING:
    from store.db import Store

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
    )


class ClientRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def create(self, client: Client) -> Client:
        client = require(client, Client, "client")
        require_new(client, "client")
        with self._store.write() as session:
            row = insert(session, ClientRow(**to_values(client)), self._store.clock())
            return from_row(row)

    def get(self, client_id: int) -> Client:
        with self._store.read() as session:
            return from_row(get_row(session, ClientRow, "client", client_id))

    def list(self, *, limit: int | None = None, offset: int = 0) -> list[Client]:
        """All clients by name (then id)."""
        query = sa.select(ClientRow).order_by(ClientRow.name, ClientRow.id)
        query = query.offset(offset).limit(limit)
        with self._store.read() as session:
            return [from_row(row) for row in session.scalars(query)]

    def count(self) -> int:
        with self._store.read() as session:
            return session.scalar(sa.select(sa.func.count()).select_from(ClientRow)) or 0

    def search(self, text: str, *, limit: int = 50) -> list[Client]:
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
        with self._store.read() as session:
            return [from_row(row) for row in session.scalars(query)]

    def update(self, client: Client) -> Client:
        """Save a changed copy; :class:`StaleRecordError` if someone saved since it was read."""
        client = require(client, Client, "client")
        with self._store.write() as session:
            version = update_versioned(
                session,
                ClientRow,
                "client",
                client.id,
                client.version,
                to_values(client),
                self._store.clock(),
            )
        return client.model_copy(update={"version": version})

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
