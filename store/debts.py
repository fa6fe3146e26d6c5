"""Debts: the ``core.Debt`` fields as columns, money in whole fen, plus contract number and the
lender's official service channels."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from core.calls import DebtAccount, OfficialChannel
from core.debts import Debt, LenderType
from core.rates import QuoteKind
from core.schedules import Method
from store._rows import (
    check_client,
    check_same_client,
    delete_versioned,
    get_row,
    insert,
    require,
    require_id,
    require_new,
    update_versioned,
)
from store.columns import is_whole_fen
from store.errors import InvalidDataError
from store.orm import DebtRow

if TYPE_CHECKING:
    from store.db import Store

#: Debt fields that are money, stored as ``<field>_fen``.
MONEY_FIELDS = (
    "amount_received",
    "outstanding_principal",
    "overdue_amount",
    "accrued_interest_and_penalties",
    "other_monthly_charges",
)


def to_values(account: DebtAccount) -> dict[str, Any]:
    debt = account.debt
    for field in MONEY_FIELDS:
        amount = getattr(debt, field)
        if amount is not None and not is_whole_fen(amount):
            raise InvalidDataError(field, f"{amount} is not a whole number of fen")
    return {
        "creditor": debt.creditor,
        "lender_type": debt.lender_type.value,
        "product": debt.product,
        "contract_date": debt.contract_date,
        **{f"{field}_fen": getattr(debt, field) for field in MONEY_FIELDS},
        "days_overdue": debt.days_overdue,
        "penalty_rate": debt.penalty_rate,
        "rate_quote": debt.rate_quote,
        "rate_kind": debt.rate_kind.value,
        "day_basis": debt.day_basis,
        "method": debt.method.value,
        "remaining_months": debt.remaining_months,
        "next_due_date": debt.next_due_date,
        "contract_number": account.contract_number,
        "official_channels": [
            channel.model_dump(mode="json") for channel in account.official_channels
        ],
        "notes": account.notes,
    }


def from_row(row: DebtRow) -> DebtAccount:
    debt = Debt(
        id=row.id,
        creditor=row.creditor,
        lender_type=LenderType(row.lender_type),
        product=row.product,
        contract_date=row.contract_date,
        **{field: getattr(row, f"{field}_fen") for field in MONEY_FIELDS},
        days_overdue=row.days_overdue,
        penalty_rate=row.penalty_rate,
        rate_quote=row.rate_quote,
        rate_kind=QuoteKind(row.rate_kind),
        day_basis=row.day_basis,
        method=Method(row.method),
        remaining_months=row.remaining_months,
        next_due_date=row.next_due_date,
    )
    return DebtAccount(
        id=row.id,
        version=row.version,
        client_id=row.client_id,
        debt=debt,
        contract_number=row.contract_number,
        official_channels=tuple(OfficialChannel(**item) for item in row.official_channels),
        notes=row.notes,
    )


class DebtRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def add(self, account: DebtAccount) -> DebtAccount:
        account = require(account, DebtAccount, "debt")
        require_new(account, "debt")
        values = to_values(account)
        with self._store.write() as session:
            client_id = check_client(session, account.client_id)
            row = insert(session, DebtRow(client_id=client_id, **values), self._store.clock())
            return from_row(row)

    def get(self, debt_id: int) -> DebtAccount:
        with self._store.read() as session:
            return from_row(get_row(session, DebtRow, "debt", debt_id))

    def update(self, account: DebtAccount) -> DebtAccount:
        account = require(account, DebtAccount, "debt")
        values = to_values(account)
        with self._store.write() as session:
            if account.id is not None:
                check_same_client(
                    get_row(session, DebtRow, "debt", account.id), account.client_id, "debt"
                )
            version = update_versioned(
                session, DebtRow, "debt", account.id, account.version, values, self._store.clock()
            )
        return account.model_copy(
            update={"version": version, "debt": account.debt.model_copy(update={"id": account.id})}
        )

    def delete(self, debt_id: int, *, version: int | None = None) -> None:
        """Delete a debt. Its checklist goes with it; calls, payments and proposals stay,
        no longer linked to it."""
        with self._store.write() as session:
            delete_versioned(session, DebtRow, "debt", debt_id, version)

    def list_for_client(self, client_id: int) -> list[DebtAccount]:
        client_id = require_id(client_id, "client_id")
        query = sa.select(DebtRow).where(DebtRow.client_id == client_id).order_by(DebtRow.id)
        with self._store.read() as session:
            return [from_row(row) for row in session.scalars(query)]
