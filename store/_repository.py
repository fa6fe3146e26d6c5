"""What every repository does the same way, stated once.

A :class:`Kind` describes one kind of record: its model, its row, how one becomes the other and
which other records of the same client it may point to. :class:`Repository` gives each kind
``get``, ``update``, ``delete`` and ``list_for_client``; a repository states only what differs
(its order, its filters, its own operations).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

import sqlalchemy as sa
from pydantic import BaseModel
from sqlalchemy.orm import Session

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
from store.errors import NotFoundError
from store.orm import Versioned

if TYPE_CHECKING:
    from store.db import Store

ModelT = TypeVar("ModelT", bound=BaseModel)
RowT = TypeVar("RowT", bound=Versioned)


@dataclass(frozen=True)
class Parent:
    """A record another one may point to (``field``), which must belong to the same client."""

    row_type: type[Any]
    entity: str
    field: str


@dataclass(frozen=True)
class Kind(Generic[ModelT, RowT]):
    """One kind of record: ``entity`` names it in errors ("call", "debt" …)."""

    entity: str
    model: type[ModelT]
    row_type: type[RowT]
    from_row: Callable[[RowT], ModelT]
    to_values: Callable[[ModelT], dict[str, Any]] | None = None
    parents: tuple[Parent, ...] = ()
    #: Whether its rows belong to a client (``client_id``); only clients themselves do not.
    owned: bool = True

    def require(self, record: object) -> ModelT:
        return require(record, self.model, self.entity)

    def values(self, record: ModelT) -> dict[str, Any]:
        if self.to_values is None:
            raise TypeError(f"{self.entity} records are not written from a model")
        return self.to_values(record)

    def insert(
        self, session: Session, record: ModelT, now: datetime, client_id: int | None = None
    ) -> RowT:
        """Insert a new row for ``record`` after checking its client (unless ``client_id`` was
        checked already) and that what it points to is that client's."""
        values = self.values(record)
        if self.owned:
            if client_id is None:
                client_id = check_client(session, getattr(record, "client_id", None))
            self.check_parents(session, record, client_id)
            values = {"client_id": client_id, **values}
        return insert(session, self.row_type(**values), now)

    def update(self, session: Session, record: ModelT, now: datetime) -> tuple[int, RowT | None]:
        """Save ``record`` over its row if nobody changed it since it was read.

        Returns the new version and, for a record of a client, the row as it was (its
        ``client_id`` is the one that counts: a record never moves to another client).
        """
        values = self.values(record)
        record_id = getattr(record, "id", None)
        row = None
        if self.owned and record_id is not None:
            row = get_row(session, self.row_type, self.entity, record_id)
            client_id = check_same_client(row, getattr(record, "client_id", None), self.entity)
            self.check_parents(session, record, client_id)
        version = update_versioned(
            session,
            self.row_type,
            self.entity,
            record_id,
            getattr(record, "version", 0),
            values,
            now,
        )
        return version, row

    def update_owned(self, session: Session, record: ModelT, now: datetime) -> tuple[int, RowT]:
        """:meth:`update` for a record of a client: the new version and the row as it was."""
        version, row = self.update(session, record, now)
        if row is None:
            raise TypeError(f"{self.entity} records do not belong to a client")
        return version, row

    def check_parents(self, session: Session, record: ModelT, client_id: int) -> None:
        for parent in self.parents:
            check_owned(
                session, parent.row_type, parent.entity, getattr(record, parent.field), client_id
            )


class Repository(Generic[ModelT, RowT]):
    """Reading records of one kind; subclasses set :attr:`kind`."""

    kind: ClassVar[Kind[Any, Any]]

    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, record_id: int) -> ModelT:
        kind = self.kind
        with self._store.read() as session:
            return kind.from_row(get_row(session, kind.row_type, kind.entity, record_id))

    def client_of(self, record_id: int) -> int:
        """The id of the client the record belongs to (one column read), or
        :class:`NotFoundError` when there is no such record."""
        kind = self.kind
        if not kind.owned:
            raise TypeError(f"{kind.entity} records do not belong to a client")
        row_type: Any = kind.row_type
        record_id = require_id(record_id, f"{kind.entity}_id")
        with self._store.read() as session:
            client_id = session.scalar(
                sa.select(row_type.client_id).where(row_type.id == record_id)
            )
        if client_id is None:
            raise NotFoundError(kind.entity, record_id)
        return int(client_id)

    def _of_client(self, client_id: object) -> sa.Select[Any]:
        """The client's rows (``client_id`` checked to be an id), to filter and order further."""
        row_type: Any = self.kind.row_type
        return sa.select(row_type).where(row_type.client_id == require_id(client_id, "client_id"))

    def _all(self, query: sa.Select[Any]) -> list[ModelT]:
        with self._store.read() as session:
            return [self.kind.from_row(row) for row in session.scalars(query)]

    def _first(self, query: sa.Select[Any]) -> ModelT | None:
        with self._store.read() as session:
            row = session.scalar(query.limit(1))
            return self.kind.from_row(row) if row is not None else None


class VersionedRepository(Repository[ModelT, RowT]):
    """Records saved with a version number, changed and deleted only if nobody else has."""

    def delete(self, record_id: int, *, version: int | None = None) -> None:
        with self._store.write() as session:
            delete_versioned(session, self.kind.row_type, self.kind.entity, record_id, version)

    def _update(self, record: ModelT) -> ModelT:
        """Save a changed copy; :class:`StaleRecordError` if someone saved since it was read."""
        record = self.kind.require(record)
        with self._store.write() as session:
            version, _ = self.kind.update(session, record, self._store.clock())
        return record.model_copy(update={"version": version})
