"""Plan rows for the tests of core: payments of principal only, so every figure is the payment."""

from datetime import date
from decimal import Decimal

from core.plans import PlanRow


def principal_row(period: int, due_date: date | None, payment: str | Decimal) -> PlanRow:
    """A row that pays ``payment`` of principal, with no interest, fees or arrears."""
    amount = Decimal(payment)
    zero = Decimal("0")
    return PlanRow(
        period=period,
        due_date=due_date,
        payment=amount,
        principal=amount,
        interest=zero,
        fees=zero,
        arrears=zero,
        balance=zero,
    )
