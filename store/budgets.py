"""Budgets as dated versions: a new version is added whenever the budget changes."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import sqlalchemy as sa

from core.affordability import Budget
from store._rows import check_client, get_row, insert, require, require_id
from store.errors import InvalidDataError
from store.orm import BudgetVersionRow
from store.records import BudgetVersion

if TYPE_CHECKING:
    from store.db import Store


def from_row(row: BudgetVersionRow) -> BudgetVersion:
    return BudgetVersion(
        id=row.id,
        client_id=row.client_id,
        valid_from=row.valid_from,
        budget=Budget.model_validate({**row.payload, "id": row.id}),
    )


class BudgetRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def add_version(self, client_id: int, valid_from: date, budget: Budget) -> BudgetVersion:
        """Keep ``budget`` as the client's budget from ``valid_from`` on."""
        budget = require(budget, Budget, "budget")
        if not isinstance(valid_from, date):
            raise InvalidDataError("valid_from", f"expected a date, got {valid_from!r}")
        payload = budget.model_dump(mode="json", exclude={"id"})
        with self._store.write() as session:
            client_id = check_client(session, client_id)
            row = BudgetVersionRow(client_id=client_id, valid_from=valid_from, payload=payload)
            return from_row(insert(session, row, self._store.clock()))

    def get(self, version_id: int) -> BudgetVersion:
        with self._store.read() as session:
            return from_row(get_row(session, BudgetVersionRow, "budget", version_id))

    def current(self, client_id: int, on: date | None = None) -> BudgetVersion | None:
        """The version in force on ``on`` (the latest when None): the newest ``valid_from``
        not after it, the later-saved one when two share a date."""
        client_id = require_id(client_id, "client_id")
        query = sa.select(BudgetVersionRow).where(BudgetVersionRow.client_id == client_id)
        if on is not None:
            query = query.where(BudgetVersionRow.valid_from <= on)
        query = query.order_by(BudgetVersionRow.valid_from.desc(), BudgetVersionRow.id.desc())
        with self._store.read() as session:
            row = session.scalar(query.limit(1))
            return from_row(row) if row is not None else None

    def history(self, client_id: int) -> list[BudgetVersion]:
        """Every version, oldest first."""
        client_id = require_id(client_id, "client_id")
        query = (
            sa.select(BudgetVersionRow)
            .where(BudgetVersionRow.client_id == client_id)
            .order_by(BudgetVersionRow.valid_from, BudgetVersionRow.id)
        )
        with self._store.read() as session:
            return [from_row(row) for row in session.scalars(query)]
