"""The lender alias table: the ways a lender is written, each naming one lender.

Shared by the whole workspace (no client owns a row), backed up like the records. Each alias
is kept in its normal form (:func:`core.lender_history.alias_key`) and is unique.

The table is edited as a whole (a page's editor) but saved row by row at the versions shown:
:meth:`LenderAliasRepository.save_all` gets the rows the counselor saw and the rows they ended
with; an alias they removed is deleted, one whose lender they changed is updated, each at the
version shown, and a new one is added — all in one transaction, or nothing. Someone else's
change to a row shown is :class:`~store.errors.StaleRecordError`; an alias someone else added
meanwhile stays (it was not shown, so not removed), and the same alias added twice is refused.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from core.lender_history import LenderAlias
from store._rows import delete_versioned, insert, require, update_versioned
from store.errors import InvalidDataError
from store.orm import LenderAliasRow

if TYPE_CHECKING:
    from store.db import Store

__all__ = ["LenderAliasRepository", "alias_from_row"]

ENTITY = "lender_alias"


def alias_from_row(row: LenderAliasRow) -> LenderAlias:
    return LenderAlias(id=row.id, version=row.version, alias=row.alias, lender=row.lender)


def _values(alias: LenderAlias) -> dict[str, Any]:
    return {"alias": alias.alias, "lender": alias.lender}


class LenderAliasRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def list_all(self) -> list[LenderAlias]:
        """Every alias, by lender then alias (in code point order, the same on every
        database)."""
        with self._store.read() as session:
            aliases = [alias_from_row(row) for row in session.scalars(sa.select(LenderAliasRow))]
        return sorted(aliases, key=lambda alias: (alias.lender, alias.alias))

    def mapping(self) -> dict[str, str]:
        """``{alias: lender}`` in one query."""
        query = sa.select(LenderAliasRow.alias, LenderAliasRow.lender)
        with self._store.read() as session:
            return {alias: lender for alias, lender in session.execute(query)}

    def save_all(
        self, rows: Iterable[LenderAlias], *, shown: Iterable[LenderAlias]
    ) -> list[LenderAlias]:
        """Save the table as edited: ``rows`` (the aliases the editor ends with; their ids do
        not matter) against ``shown`` (the saved aliases it started from, with their ids and
        versions). Returns the whole table afterwards."""
        wanted = [require(row, LenderAlias, ENTITY) for row in rows]
        before = [require(row, LenderAlias, ENTITY) for row in shown]
        by_alias: dict[str, LenderAlias] = {}
        for row in wanted:
            if row.alias in by_alias:
                raise InvalidDataError(
                    "alias", f"{row.alias!r} is written twice", code="duplicate_alias"
                )
            by_alias[row.alias] = row
        seen = {row.alias: row for row in before}
        now = self._store.clock()
        with self._store.write() as session:
            for alias, old in seen.items():
                if alias not in by_alias:
                    delete_versioned(session, LenderAliasRow, ENTITY, old.id, old.version)
            for alias, row in by_alias.items():
                old_row = seen.get(alias)
                if old_row is None:
                    taken = session.scalar(
                        sa.select(LenderAliasRow.id).where(LenderAliasRow.alias == alias)
                    )
                    if taken is not None:
                        raise InvalidDataError(
                            "alias", f"{alias!r} is saved already", code="duplicate_alias"
                        )
                    insert(session, LenderAliasRow(**_values(row)), now)
                elif old_row.lender != row.lender:
                    update_versioned(
                        session,
                        LenderAliasRow,
                        ENTITY,
                        old_row.id,
                        old_row.version,
                        _values(row),
                        now,
                    )
        return self.list_all()
