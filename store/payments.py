"""Payments the client made: recorded exactly, to the fen."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import sqlalchemy as sa

from core.calls import Payment
from core.money import ZERO_MONEY
from store._repository import Kind, Parent, VersionedRepository
from store._rows import require_id, require_new
from store.columns import Fen
from store.orm import DebtRow, PaymentRow, ProposalRow


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


PAYMENT = Kind(
    "payment",
    Payment,
    PaymentRow,
    from_row,
    to_values,
    (Parent(DebtRow, "debt", "debt_id"), Parent(ProposalRow, "proposal", "proposal_id")),
)


class PaymentRepository(VersionedRepository[Payment, PaymentRow]):
    kind = PAYMENT

    def record(self, payment: Payment) -> Payment:
        return self.record_many([payment])[0]

    def record_many(self, payments: Iterable[Payment]) -> list[Payment]:
        """Record several payments in one transaction: all of them, or none if one is wrong."""
        payments = [PAYMENT.require(payment) for payment in payments]
        now = self._store.clock()
        saved = []
        with self._store.write() as session:
            for payment in payments:
                require_new(payment, "payment")
                saved.append(from_row(PAYMENT.insert(session, payment, now)))
        return saved

    def update(self, payment: Payment) -> Payment:
        return self._update(payment)

    def list_for_client(self, client_id: int) -> list[Payment]:
        """The client's payments, oldest first."""
        return self._all(self._of_client(client_id).order_by(PaymentRow.paid_on, PaymentRow.id))

    def list_for_debt(self, debt_id: int) -> list[Payment]:
        debt_id = require_id(debt_id, "debt_id")
        query = (
            sa.select(PaymentRow)
            .where(PaymentRow.debt_id == debt_id)
            .order_by(PaymentRow.paid_on, PaymentRow.id)
        )
        return self._all(query)

    def total_for_debt(self, debt_id: int) -> Decimal:
        """The sum of the payments on a debt, added up exactly in whole fen by the database."""
        debt_id = require_id(debt_id, "debt_id")
        total = sa.func.coalesce(sa.func.sum(PaymentRow.amount_fen), 0)
        query = sa.select(sa.type_coerce(total, Fen)).where(PaymentRow.debt_id == debt_id)
        with self._store.read() as session:
            return session.scalar(query) or ZERO_MONEY
