"""Debts: the ``core.Debt`` fields as columns, money in whole fen, plus contract number, the
lender's official service channels, whether it reports to the credit system and the day the
account went overdue."""

from __future__ import annotations

from typing import Any

from core.calls import DebtAccount, OfficialChannel
from core.debts import Debt, LenderType
from core.rates import QuoteKind
from core.rules.credit_record import Reporting
from core.schedules import Method
from store._repository import Kind, VersionedRepository
from store._rows import require_new
from store.columns import is_whole_fen
from store.errors import InvalidDataError
from store.orm import DebtRow

#: Debt fields that are money, stored as ``<field>_fen``.
MONEY_FIELDS = (
    "amount_received",
    "original_principal",
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
        "original_months": debt.original_months,
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
        "reports_credit": account.reports_credit.value,
        "overdue_since": account.overdue_since,
    }


def from_row(row: DebtRow) -> DebtAccount:
    debt = Debt(
        id=row.id,
        creditor=row.creditor,
        lender_type=LenderType(row.lender_type),
        product=row.product,
        contract_date=row.contract_date,
        **{field: getattr(row, f"{field}_fen") for field in MONEY_FIELDS},
        original_months=row.original_months,
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
        reports_credit=Reporting(row.reports_credit),
        overdue_since=row.overdue_since,
    )


DEBT = Kind("debt", DebtAccount, DebtRow, from_row, to_values)


class DebtRepository(VersionedRepository[DebtAccount, DebtRow]):
    kind = DEBT

    def add(self, account: DebtAccount) -> DebtAccount:
        account = DEBT.require(account)
        require_new(account, "debt")
        with self._store.write() as session:
            return from_row(DEBT.insert(session, account, self._store.clock()))

    def update(self, account: DebtAccount) -> DebtAccount:
        account = self._update(account)
        return account.model_copy(
            update={"debt": account.debt.model_copy(update={"id": account.id})}
        )

    def delete(self, debt_id: int, *, version: int | None = None) -> None:
        """Delete a debt. Its checklist goes with it; calls, payments and proposals stay,
        no longer linked to it."""
        super().delete(debt_id, version=version)

    def list_for_client(self, client_id: int) -> list[DebtAccount]:
        return self._all(self._of_client(client_id).order_by(DebtRow.id))
