"""Clients: create, read, list, search, update and delete (which erases everything about them).

In team mode each client may be assigned to one counselor (``clients.counselor_id``, NULL:
nobody's). The ``core`` :class:`~core.clients.Client` does not carry it: it is read and changed
here (:meth:`ClientRepository.counselor_of`, :meth:`ClientRepository.assign`), and lists,
searches and counts take a :class:`Caseload` to cover one counselor's clients only — a filter
in the query, never on the rows read.
"""

from __future__ import annotations

import builtins
import unicodedata
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from core.clients import Client, ClientContact, Consent, ConsentScope
from store._repository import Kind, VersionedRepository
from store._rows import delete_versioned, insert, like_pattern, require_id, require_new
from store.columns import cipher_for
from store.crypto import CONTRACT_TAIL_CHARS, PHONE_TAIL_DIGITS, FieldCipher, normalise_contract
from store.errors import NotFoundError
from store.orm import AccountRow, Base, ClientRow, DebtRow

#: A search made of digits only and at least this long also matches the end of mobile numbers.
MIN_PHONE_TAIL = PHONE_TAIL_DIGITS


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


@dataclass(frozen=True)
class Caseload:
    """The clients of one counselor (account ``counselor_id``), or with ``counselor_id``
    ``None`` the clients assigned to nobody. Where a method takes ``caseload=None``, that
    means every client.

    >>> Caseload(3), Caseload(None)
    (Caseload(counselor_id=3), Caseload(counselor_id=None))
    """

    counselor_id: int | None

    def __post_init__(self) -> None:
        if self.counselor_id is not None:
            require_id(self.counselor_id, "counselor_id")

    def condition(self) -> sa.ColumnElement[bool]:
        """The SQL condition a client row of this caseload meets."""
        if self.counselor_id is None:
            return ClientRow.counselor_id.is_(None)
        return ClientRow.counselor_id == self.counselor_id


@dataclass(frozen=True)
class Assignee:
    """What an assignment needs to know of an account: its role (``core.access.Role`` value)
    and whether it is disabled."""

    account_id: int
    role: str
    disabled: bool


def in_caseload(client_id: Any, caseload: Caseload | None) -> sa.ColumnElement[bool]:
    """A condition on ``client_id`` (a column holding a client's id): the client is in
    ``caseload`` (always true for ``None``, every client)."""
    if caseload is None:
        return sa.true()
    return client_id.in_(sa.select(ClientRow.id).where(caseload.condition()))


class ClientRepository(VersionedRepository[Client, ClientRow]):
    kind = CLIENT

    def create(self, client: Client, *, counselor_id: int | None = None) -> Client:
        """Save a new client, assigned to the account ``counselor_id`` (``None``: nobody)."""
        client = CLIENT.require(client)
        require_new(client, "client")
        if counselor_id is not None:
            require_id(counselor_id, "counselor_id")
        with self._store.write() as session:
            row = ClientRow(**CLIENT.values(client), counselor_id=counselor_id)
            return from_row(insert(session, row, self._store.clock()))

    def list(
        self, *, limit: int | None = None, offset: int = 0, caseload: Caseload | None = None
    ) -> list[Client]:
        """All clients (of ``caseload``, if given) by name (then id)."""
        query = sa.select(ClientRow).order_by(ClientRow.name, ClientRow.id)
        if caseload is not None:
            query = query.where(caseload.condition())
        return self._all(query.offset(offset).limit(limit))

    def count(self, *, caseload: Caseload | None = None) -> int:
        """How many clients there are (in ``caseload``, if given)."""
        query = sa.select(sa.func.count()).select_from(ClientRow)
        if caseload is not None:
            query = query.where(caseload.condition())
        with self._store.read() as session:
            return session.scalar(query) or 0

    # ``list`` is the method above from here on in the class body.
    def search(
        self, text: str, *, limit: int = 50, caseload: Caseload | None = None
    ) -> builtins.list[Client]:
        """Clients (of ``caseload``, if given) whose name contains ``text`` (case-insensitive),
        whose mobile ends with it (4+ digits), or who have a debt whose contract or order
        number is it or ends with it (6+ characters; blanks, dashes and case ignored).

        Mobiles and contract numbers are encrypted, so they are found through their blind
        indexes (:mod:`store.crypto`): the index narrows the rows down in SQL, then the
        decrypted value is compared. A substring in the middle of either is not found.
        """
        text = "".join(str(text).split())
        if not text:
            return []
        pattern = like_pattern(text.lower())
        matches: builtins.list[sa.ColumnElement[bool]] = [
            sa.func.lower(ClientRow.name).like(f"%{pattern}%", escape="\\"),
        ]
        with self._store.read() as session:
            cipher = cipher_for(session.get_bind().dialect)
            found = _phone_matches(session, cipher, text) | _contract_matches(session, cipher, text)
            if found:
                matches.append(ClientRow.id.in_(sorted(found)))
            query = sa.select(ClientRow).where(sa.or_(*matches))
            if caseload is not None:
                query = query.where(caseload.condition())
            query = query.order_by(ClientRow.name, ClientRow.id).limit(limit)
            return [from_row(row) for row in session.scalars(query)]

    def counselor_of(self, client_id: int) -> int | None:
        """The account the client is assigned to (``None``: nobody); :class:`NotFoundError`
        for a client that does not exist."""
        client_id = require_id(client_id, "client_id")
        query = sa.select(ClientRow.id, ClientRow.counselor_id).where(ClientRow.id == client_id)
        with self._store.read() as session:
            found = session.execute(query).first()
        if found is None:
            raise NotFoundError("client", client_id)
        return found.counselor_id

    def counselors_of(self, client_ids: builtins.list[int]) -> dict[int, int | None]:
        """Each existing client of ``client_ids`` with the account it is assigned to (one
        query; clients that do not exist are left out)."""
        ids = sorted({require_id(client_id, "client_id") for client_id in client_ids})
        query = sa.select(ClientRow.id, ClientRow.counselor_id).where(ClientRow.id.in_(ids))
        with self._store.read() as session:
            return {row.id: row.counselor_id for row in session.execute(query)}

    def assign(self, client_id: int, counselor_id: int | None) -> int | None:
        """Assign the client to the account ``counselor_id`` (``None``: to nobody) and return
        the account it was assigned to before. The client's version is unchanged: who works
        with a client is not a change to their record (an open form stays valid)."""
        client_id = require_id(client_id, "client_id")
        if counselor_id is not None:
            require_id(counselor_id, "counselor_id")
        query = (
            sa.select(ClientRow.id, ClientRow.counselor_id)
            .where(ClientRow.id == client_id)
            .with_for_update()
        )
        with self._store.write() as session:
            found = session.execute(query).first()
            if found is None:
                raise NotFoundError("client", client_id)
            if found.counselor_id != counselor_id:
                session.execute(
                    sa.update(ClientRow)
                    .where(ClientRow.id == client_id)
                    .values(counselor_id=counselor_id)
                    .execution_options(synchronize_session=False)
                )
            previous: int | None = found.counselor_id
            return previous

    def caseload_counts(self) -> dict[int | None, int]:
        """How many clients each account is assigned (``None``: assigned to nobody); accounts
        without clients are left out."""
        query = sa.select(ClientRow.counselor_id, sa.func.count()).group_by(ClientRow.counselor_id)
        with self._store.read() as session:
            return {counselor: int(n) for counselor, n in session.execute(query)}

    def assignee(self, account_id: int) -> Assignee | None:
        """The account ``account_id`` as an assignment sees it, or ``None`` if there is none."""
        account_id = require_id(account_id, "counselor_id")
        query = sa.select(AccountRow.id, AccountRow.role, AccountRow.disabled).where(
            AccountRow.id == account_id
        )
        with self._store.read() as session:
            found = session.execute(query).first()
        return None if found is None else Assignee(found.id, found.role, bool(found.disabled))

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


def _digits(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text) if c in "0123456789")


def _phone_matches(session: Session, cipher: FieldCipher, text: str) -> set[int]:
    """Clients whose mobile ends with ``text``, a search of digits only (4 or more)."""
    digits = _digits(text)
    if len(digits) < PHONE_TAIL_DIGITS or len(digits) != len(unicodedata.normalize("NFKC", text)):
        return set()
    tail = cipher.phone_tail_index(digits)
    rows = session.execute(
        sa.select(ClientRow.id, ClientRow.mobile).where(ClientRow.mobile_tail == tail)
    )
    return {row.id for row in rows if row.mobile and _digits(row.mobile).endswith(digits)}


def _contract_matches(session: Session, cipher: FieldCipher, text: str) -> set[int]:
    """Clients with a debt whose contract number is ``text``, or ends with it when it has 6
    characters or more (both normalised: :func:`store.crypto.normalise_contract`)."""
    wanted = normalise_contract(text)
    if not wanted:
        return set()
    conditions = [DebtRow.contract_index == cipher.contract_index(wanted)]
    if len(wanted) >= CONTRACT_TAIL_CHARS:
        conditions.append(DebtRow.contract_tail == cipher.contract_tail_index(wanted))
    rows = session.execute(
        sa.select(DebtRow.client_id, DebtRow.contract_number).where(sa.or_(*conditions))
    )
    return {
        row.client_id for row in rows if normalise_contract(row.contract_number).endswith(wanted)
    }


def client_tables() -> list[sa.Table]:
    """Every table with rows about a client, children before parents."""
    tables = [
        table
        for table in Base.metadata.sorted_tables
        if "client_id" in table.c and table.name != "clients"
    ]
    return list(reversed(tables))
