"""Writing the blind indexes beside the encrypted columns they index (issue 23).

A blind-index column says in its ``info`` what it indexes: ``{"index_of": ("mobile",
"phone_tail")}`` — the column of the same table whose plain text it hashes, and the kind of
index (:meth:`store.crypto.FieldCipher.blind_index`). Every write that sets such a source
column sets its indexes in the same statement, through the helpers here: an ORM row before it
is added (:func:`fill_row`), the values of an UPDATE (:func:`with_indexes`), rows restored from a
backup or encrypted by the migration (the same :func:`with_indexes`). So an index can never lag
behind its column, and a backup need not carry them: they are made again under the key of the
database a backup is restored into.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

import sqlalchemy as sa

from store.crypto import FieldCipher


@cache
def index_columns(table: sa.Table) -> tuple[tuple[str, str, str], ...]:
    """``(index column, source column, kind)`` for each blind index of ``table``."""
    found = []
    for column in table.columns:
        index_of = column.info.get("index_of")
        if index_of is not None:
            source, kind = index_of
            found.append((column.name, source, kind))
    return tuple(found)


def is_index_column(column: sa.Column[Any]) -> bool:
    return "index_of" in column.info


def with_indexes(table: sa.Table, values: Mapping[str, Any], cipher: FieldCipher) -> dict[str, Any]:
    """``values`` (column → plain value) with the blind indexes of every source column they
    set; an index whose source is not among them is left as it is."""
    result = dict(values)
    for name, source, kind in index_columns(table):
        if source in values:
            result[name] = cipher.blind_index(kind, values[source])
    return result


def fill_row(row: Any, cipher: FieldCipher) -> None:
    """Set the blind indexes of an ORM ``row`` from its source attributes."""
    for name, source, kind in index_columns(row.__table__):
        setattr(row, name, cipher.blind_index(kind, getattr(row, source)))
