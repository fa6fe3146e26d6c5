"""Payments the client made: recorded exactly, to the fen."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from core.calls import Payment
from core.money import ZERO_MONEY
from store._rows import (
    check_client,
    check_owned,
    check_same_client,
    delete_versioned,
    get_row,
    insert,
    require,
    require_id,
    require_new,
    update_versioned,
)
from store.columns import Fen
from store.orm import DebtRow, PaymentRow, ProposalRow

if TYPE_CHECKING:
    from store.db import Store


def to_values(payment: Payment) -> dict[str, Any]:
    return {
        "debt_id": payment.debt_id,
        "proposal_id": payment.proposal_id,
        "paid_on": payment.paid_on,
        "amount_fen": payment.amount,
        "reference": payment.reference,
    }


def from_row(row: PaymentRow) -> Payment:
    return Payment(
        id=row.id,
        version=row.version,
        client_id=row.client_id,
        debt_id=row.debt_id,
        proposal_id=row.proposal_id,
        paid_on=row.paid_on,
        amount=row.amount_fen,
        reference=row.reference,
    )


class PaymentRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def record(self, payment: Payment) -> Payment:
        return self.record_many([payment])[0]

    def record_many(self, payments: Iterable[Payment]) -> list[Payment]:
        """Record several payments in one transaction: all of them, or none if one is wrong."""
        payments = [require(payment, Payment, "payment") for payment in payments]
        now = self._store.clock()
        saved = []
        with self._store.write() as session:
            for payment in payments:
                require_new(payment, "payment")
                client_id = check_client(session, payment.client_id)
                check_owned(session, DebtRow, "debt", payment.debt_id, client_id)
                check_owned(session, ProposalRow, "proposal", payment.proposal_id, client_id)
                row = insert(session, PaymentRow(client_id=client_id, **to_values(payment)), now)
                saved.append(from_row(row))
        return saved

    def get(self, payment_id: int) -> Payment:
        with self._store.read() as session:
            return from_row(get_row(session, PaymentRow, "payment", payment_id))

    def update(self, payment: Payment) -> Payment:
        payment = require(payment, Payment, "payment")
        with self._store.write() as session:
            if payment.id is not None:
                row = get_row(session, PaymentRow, "payment", payment.id)
                check_same_client(row, payment.client_id, "payment")
                check_owned(session, DebtRow, "debt", payment.debt_id, row.client_id)
                check_owned(session, ProposalRow, "proposal", payment.proposal_id, row.client_id)
            version = update_versioned(
                session,
                PaymentRow,
                "payment",
                payment.id,
                payment.version,
                to_values(payment),
                self._store.clock(),
            )
        return payment.model_copy(update={"version": version})

    def delete(self, payment_id: int, *, version: int | None = None) -> None:
        with self._store.write() as session:
            delete_versioned(session, PaymentRow, "payment", payment_id, version)

    def list_for_client(self, client_id: int) -> list[Payment]:
        """The client's payments, oldest first."""
        client_id = require_id(client_id, "client_id")
        query = (
            sa.select(PaymentRow)
            .where(PaymentRow.client_id == client_id)
            .order_by(PaymentRow.paid_on, PaymentRow.id)
        )
        with self._store.read() as session:
            return [from_row(row) for row in session.scalars(query)]

    def list_for_debt(self, debt_id: int) -> list[Payment]:
        debt_id = require_id(debt_id, "debt_id")
        query = (
            sa.select(PaymentRow)
            .where(PaymentRow.debt_id == debt_id)
            .order_by(PaymentRow.paid_on, PaymentRow.id)
        )
        with self._store.read() as session:
            return [from_row(row) for row in session.scalars(query)]

    def total_for_debt(self, debt_id: int) -> Decimal:
        """The sum of the payments on a debt, added up exactly in whole fen by the database."""
        debt_id = require_id(debt_id, "debt_id")
        total = sa.func.coalesce(sa.func.sum(PaymentRow.amount_fen), 0)
        query = sa.select(sa.type_coerce(total, Fen)).where(PaymentRow.debt_id == debt_id)
        with self._store.read() as session:
            return session.scalar(query) or ZERO_MONEY
