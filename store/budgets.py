"""Budgets as dated versions: a new version is added whenever the budget changes."""

from __future__ import annotations

from datetime import date

from core.affordability import Budget
from store._repository import Kind, Repository
from store._rows import check_client, insert, require
from store.errors import InvalidDataError
from store.orm import BudgetVersionRow
from store.records import BudgetVersion


def from_row(row: BudgetVersionRow) -> BudgetVersion:
    return BudgetVersion(
        id=row.id,
        client_id=row.client_id,
        valid_from=row.valid_from,
        budget=Budget.model_validate({**row.payload, "id": row.id}),
    )


BUDGET = Kind("budget", BudgetVersion, BudgetVersionRow, from_row)


class BudgetRepository(Repository[BudgetVersion, BudgetVersionRow]):
    kind = BUDGET

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

    def current(self, client_id: int, on: date | None = None) -> BudgetVersion | None:
        """The version in force on ``on`` (the latest when None): the newest ``valid_from``
        not after it, the later-saved one when two share a date."""
        query = self._of_client(client_id)
        if on is not None:
            query = query.where(BudgetVersionRow.valid_from <= on)
        return self._first(
            query.order_by(BudgetVersionRow.valid_from.desc(), BudgetVersionRow.id.desc())
        )

    def history(self, client_id: int) -> list[BudgetVersion]:
        """Every version, oldest first."""
        return self._all(
            self._of_client(client_id).order_by(BudgetVersionRow.valid_from, BudgetVersionRow.id)
        )
