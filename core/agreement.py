"""The plan as agreed with the lender: which day its installments fall on.

Every proposal is worked out on a monthly grid from ``as_of`` (its first monthly payment one
month later, see :mod:`core.proposals`). Lenders reschedule onto the contract's own due day
(还款日) instead: the plan agreed on 30 November for a contract due on the 15th is paid on
15 December, 15 January … The amounts stay those the comparison showed; only the dates move.

:func:`first_due_date` is that first date by default — the debt's next due date, or, when the
one on file has passed, the next time that day of the month comes round — and
:func:`plan_starting_on` moves a plan's monthly payments onto it. A payment on the day of the
agreement (a down payment) and a settlement's parts, whose dates were agreed one by one, stay
where they are.

>>> from core.debts import Debt
>>> debt = Debt(
...     creditor="来分期", outstanding_principal="12000", remaining_months=12,
...     next_due_date=date(2026, 10, 15),
... )
>>> first_due_date(debt, date(2026, 11, 30))
datetime.date(2026, 12, 15)
"""

from __future__ import annotations

from datetime import date

from core.debts import Debt
from core.errors import InvalidTermError
from core.plans import Plan
from core.proposals import Proposal, ProposalKind
from core.schedules import add_months


def first_due_date(debt: Debt, as_of: date) -> date:
    """The first installment's date by default for a plan agreed on ``as_of``.

    The debt's ``next_due_date`` when it is ``as_of`` or later; when it has passed, the first
    date from ``as_of`` on that falls on its day of the month (the 31st is the last day of a
    shorter month); without one, a month after ``as_of``.
    """
    due = debt.next_due_date
    if due is None:
        return add_months(as_of, 1)
    if due >= as_of:
        return due
    months = (as_of.year - due.year) * 12 + as_of.month - due.month
    moved = add_months(due, months)
    return moved if moved >= as_of else add_months(due, months + 1)


def first_monthly_due(plan: Plan) -> date | None:
    """The date of the plan's first monthly payment (the first after period 0), if any."""
    return next((row.due_date for row in plan.rows if row.period >= 1), None)


def plan_starting_on(proposal: Proposal, plan: Plan, as_of: date, first_due: date) -> Plan:
    """``plan`` (worked out for ``proposal`` on ``as_of``) with its k-th monthly payment on
    ``first_due`` moved on k − 1 months; the figures are unchanged.

    A payment on ``as_of`` itself (period 0) and a settlement's parts keep their dates. A
    first date before ``as_of`` is refused (:class:`InvalidTermError`).
    """
    if first_due < as_of:
        raise InvalidTermError(
            "first_due", f"the first installment on {first_due} is before the plan's date {as_of}"
        )
    if proposal.kind is ProposalKind.LUMP_SUM_SETTLEMENT:
        return plan
    rows = tuple(
        row
        if row.period == 0
        else row.model_copy(update={"due_date": add_months(first_due, row.period - 1)})
        for row in plan.rows
    )
    return plan.model_copy(update={"rows": rows})
