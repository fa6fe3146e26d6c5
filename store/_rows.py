"""Helpers the repositories share: versioned insert/update/delete and ownership checks."""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

import sqlalchemy as sa
from pydantic import BaseModel
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session

from store.blind_indexes import fill_row, index_columns, with_indexes
from store.columns import cipher_for
from store.errors import InvalidDataError, NotFoundError, StaleRecordError
from store.orm import ClientRow, Versioned

RowT = TypeVar("RowT", bound=Versioned)
ModelT = TypeVar("ModelT", bound=BaseModel)


def require(value: object, model: type[ModelT], field: str) -> ModelT:
    """``value`` if it is a ``model``; a named error for a dict, a wrong model or None."""
    if not isinstance(value, model):
        raise InvalidDataError(
            field, f"expected a {model.__name__}, got {type(value).__name__}", code="wrong_type"
        )
    return value


def require_id(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidDataError(field, f"expected a record id, got {value!r}", code="wrong_type")
    return value


def require_new(model: BaseModel, entity: str) -> None:
    if getattr(model, "id", None) is not None:
        raise InvalidDataError("id", f"this {entity} is already saved; update it instead")


def insert(session: Session, row: RowT, now: datetime) -> RowT:
    table: Any = getattr(row, "__table__", None)
    if table is not None and index_columns(table):
        fill_row(row, cipher_for(session.get_bind().dialect))
    row.version = 1
    row.created_at = now
    row.updated_at = now
    session.add(row)
    session.flush()
    return row


def get_row(session: Session, row_type: type[RowT], entity: str, record_id: object) -> RowT:
    row = session.get(row_type, require_id(record_id, f"{entity}_id"))
    if row is None:
        raise NotFoundError(entity, record_id)
    return row


def _rowcount(session: Session, statement: sa.Update | sa.Delete) -> int:
    """How many rows an UPDATE or DELETE matched.

    The session returns a :class:`CursorResult` for these, though its signature promises only a
    ``Result`` (it cannot for every statement).
    """
    result = session.execute(statement)
    if not isinstance(result, CursorResult):
        raise TypeError(f"an UPDATE or DELETE gave a {type(result).__name__}, not a CursorResult")
    return result.rowcount


def update_versioned(
    session: Session,
    row_type: type[Any],
    entity: str,
    record_id: int | None,
    version: int,
    values: dict[str, Any],
    now: datetime,
) -> int:
    """Update the row if it is still at ``version``; return the new version.

    One ``UPDATE ... WHERE id = :id AND version = :version``: a copy read before someone
    else's save matches nothing and raises :class:`StaleRecordError`.
    """
    if record_id is None:
        raise InvalidDataError("id", f"this {entity} was never saved; add it first")
    table: Any = row_type.__table__
    if index_columns(table):
        values = with_indexes(table, values, cipher_for(session.get_bind().dialect))
    statement = (
        sa.update(row_type)
        .where(row_type.id == record_id, row_type.version == version)
        .values(**values, version=version + 1, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    if _rowcount(session, statement) != 1:
        actual = session.scalar(sa.select(row_type.version).where(row_type.id == record_id))
        if actual is None:
            raise NotFoundError(entity, record_id)
        raise StaleRecordError(entity, record_id, version, actual)
    return version + 1


def delete_versioned(
    session: Session, row_type: type[Any], entity: str, record_id: object, version: int | None
) -> None:
    """Delete the row; when ``version`` is given, only if nobody has changed it since."""
    record_id = require_id(record_id, f"{entity}_id")
    statement = sa.delete(row_type).where(row_type.id == record_id)
    if version is not None:
        statement = statement.where(row_type.version == version)
    if _rowcount(session, statement.execution_options(synchronize_session=False)) != 1:
        actual = session.scalar(sa.select(row_type.version).where(row_type.id == record_id))
        if actual is None:
            raise NotFoundError(entity, record_id)
        raise StaleRecordError(entity, record_id, version or 0, actual)


def check_client(session: Session, client_id: object) -> int:
    """The id of an existing client, or :class:`NotFoundError`."""
    if client_id is None:
        raise InvalidDataError("client_id", "the record does not say which client it is about")
    client_id = require_id(client_id, "client_id")
    if session.scalar(sa.select(ClientRow.id).where(ClientRow.id == client_id)) is None:
        raise NotFoundError("client", client_id)
    return client_id


def check_owned(
    session: Session, row_type: type[Any], entity: str, record_id: int | None, client_id: int
) -> None:
    """``record_id`` (if given) exists and belongs to ``client_id``."""
    if record_id is None:
        return
    owner = session.scalar(sa.select(row_type.client_id).where(row_type.id == record_id))
    if owner is None:
        raise NotFoundError(entity, record_id)
    if owner != client_id:
        raise InvalidDataError(f"{entity}_id", f"{entity} {record_id} belongs to another client")


def check_same_client(row: Any, client_id: int | None, entity: str) -> int:
    """The client ``row`` belongs to; an error if ``client_id`` (when given) is another."""
    owner: int = row.client_id
    if client_id is not None and owner != client_id:
        raise InvalidDataError("client_id", f"a {entity} cannot move to another client")
    return owner


def like_pattern(text: str) -> str:
    """``text`` for a LIKE ... ESCAPE '\\' match, its wildcards taken literally."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
