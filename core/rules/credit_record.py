"""The credit-record clock (征信): when a late-payment record leaves the credit report.

The rule
--------
《征信业管理条例》 art. 16: a credit bureau keeps negative information about a person for
5 years **from the day the negative behaviour or event ends**, and deletes it after that. For
an overdue account the behaviour ends the day the overdue amount is paid off — not the day the
loan is finally repaid, and not the day the account went overdue.

The 5 years are counted as the Civil Code counts periods (《民法典》 arts. 201–202): from the day
after the overdue ended, ending on the same day of the month 5 years later, or on the last day
of that month when it has no such day. An overdue that ended on 29 Feb 2024 is kept until
28 Feb 2029 (:func:`record_end`); the record should be gone the day after.

Only a lender that reports to the credit system leaves a record there: per debt the counselor
records :class:`Reporting` — yes, no, or unknown. Unknown still shows a date, flagged as an
estimate; no shows none.

The clocks
----------
- :func:`clock_for_debt`: if the overdue ended *today*, when would the record end?
- :func:`clock_for_plan`: under a proposal's plan, when is the last overdue amount cleared,
  and so when would the record end? **Stated assumption:** each payment clears the oldest
  amounts owed first — the overdue part before the rest, as lenders apply money to an overdue
  account — so the overdue ends on the due date of the payment that brings the plan's
  payments up to the amount overdue. A plan that pays less than the amount overdue (part of
  it waived in a settlement) ends the overdue with its last payment. Always an estimate: the
  lender decides how it reports a rescheduled account.

What "settled" (结清) means for the record, and the warning that paid "credit repair"
(征信修复) is a scam, are fixed notes in the catalogue (:data:`NOTES`).

>>> record_end(date(2024, 2, 29))
datetime.date(2029, 2, 28)
>>> clock = clock_for_debt(Reporting.YES, date(2025, 11, 3), as_of=date(2026, 1, 15))
>>> clock.record_ends_on, clock.is_estimate
(datetime.date(2031, 1, 15), False)
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, model_validator

from core.debts import Debt
from core.errors import CoreError
from core.money import ZERO_MONEY, to_money
from core.plans import Plan

#: Years a negative record is kept after the overdue ends (征信业管理条例 art. 16).
RETENTION_YEARS = 5

#: The fixed notes shown with every clock (catalogue keys, ``i18n/catalogue/credit_record.py``):
#: the rule itself, what settling changes, and that paid credit repair is a scam.
NOTES = ("credit.note.rule", "credit.note.settled", "credit.note.repair_scam")


class Reporting(StrEnum):
    """Whether a lender reports the account to the PBoC credit system. Stored as the value."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class ClockBasis(StrEnum):
    #: The overdue is assumed to end on the day the clock is read ("if it ended today").
    IF_CLEARED_TODAY = "if_cleared_today"
    #: The overdue ends when a plan's payments clear it.
    UNDER_PLAN = "under_plan"


class CreditClock(BaseModel):
    """When an overdue ends and when its record would leave the credit report."""

    model_config = ConfigDict(frozen=True)

    reports: Reporting
    basis: ClockBasis
    overdue_since: date | None = None
    overdue_ends_on: date
    record_ends_on: date

    @model_validator(mode="after")
    def _consistent(self) -> CreditClock:
        if self.reports is Reporting.NO:
            raise CoreError("reports", "a lender that does not report leaves no record")
        if self.record_ends_on != record_end(self.overdue_ends_on):
            raise CoreError("record_ends_on", "the record ends 5 years after the overdue")
        return self

    @property
    def is_estimate(self) -> bool:
        """An estimate when reporting is not known or the end depends on a plan being kept."""
        return self.reports is Reporting.UNKNOWN or self.basis is ClockBasis.UNDER_PLAN


def record_end(overdue_ended_on: date) -> date:
    """The last day a negative record may be kept: 5 years after the overdue ended.

    The same day of the month 5 years on, or the month's last day when there is none.

    >>> record_end(date(2025, 7, 31)), record_end(date(2028, 2, 29))
    (datetime.date(2030, 7, 31), datetime.date(2033, 2, 28))
    """
    year = overdue_ended_on.year + RETENTION_YEARS
    last_day = calendar.monthrange(year, overdue_ended_on.month)[1]
    return date(year, overdue_ended_on.month, min(overdue_ended_on.day, last_day))


def clock_for_debt(
    reports: Reporting, overdue_since: date | None, as_of: date
) -> CreditClock | None:
    """If the overdue ended on ``as_of`` (today, passed in): when its record would end.

    ``None`` when the debt is not overdue (``overdue_since`` is ``None``) or the lender does
    not report. An overdue cannot have started after ``as_of``.
    """
    reports = Reporting(reports)
    if overdue_since is None or reports is Reporting.NO:
        return None
    if overdue_since > as_of:
        raise CoreError("overdue_since", f"{overdue_since} is after {as_of}", code="future")
    return CreditClock(
        reports=reports,
        basis=ClockBasis.IF_CLEARED_TODAY,
        overdue_since=overdue_since,
        overdue_ends_on=as_of,
        record_ends_on=record_end(as_of),
    )


def overdue_since(debt: Debt, recorded_on: date) -> date | None:
    """The day ``debt`` went overdue, from its ``days_overdue`` as recorded on ``recorded_on``;
    ``None`` when it is not overdue. Overdue with no days recorded counts from ``recorded_on``
    (overdue by then at the latest).

    >>> d = Debt(creditor="来分期", outstanding_principal="12000", overdue_amount="900",
    ...          days_overdue=30, remaining_months=12)
    >>> overdue_since(d, date(2026, 3, 15))
    datetime.date(2026, 2, 13)
    """
    if debt.days_overdue > 0:
        return recorded_on - timedelta(days=debt.days_overdue)
    if debt.overdue_amount > 0:
        return recorded_on
    return None


def amount_past_due(debt: Debt, waived: Decimal | int | str = ZERO_MONEY) -> Decimal:
    """What is past due on ``debt`` — its overdue principal and the interest and penalties
    accrued — less what a proposal waives (the second value of
    :func:`core.proposals.proposal_plan`); never below 0.

    >>> d = Debt(creditor="来分期", outstanding_principal="12000", overdue_amount="900",
    ...          accrued_interest_and_penalties="1500", remaining_months=12)
    >>> amount_past_due(d), amount_past_due(d, "900.00")
    (Decimal('2400.00'), Decimal('1500.00'))
    """
    owed = debt.overdue_principal + debt.accrued_interest_and_penalties
    return max(ZERO_MONEY, owed - to_money(waived, "waived"))


def overdue_cleared_on(plan: Plan, overdue_amount: Decimal | int | str) -> date | None:
    """The due date of the payment that clears ``overdue_amount`` under ``plan`` (oldest
    amounts first; see the module docstring); ``None`` when nothing is overdue.

    A plan that never pays as much as the amount overdue clears it with its last payment.
    A plan whose clearing payment has no due date cannot be dated: a ``CoreError``
    (``no_date``), as is a plan without any payment.
    """
    owed = to_money(overdue_amount, "overdue_amount")
    if owed == 0:
        return None
    rows = [row for row in plan.rows if row.payment > 0]
    if not rows:
        raise CoreError("plan", "the plan has no payment to clear the overdue", code="no_date")
    paid = ZERO_MONEY
    clearing = rows[-1]
    for row in sorted(rows, key=lambda row: row.period):  # stable: same-period rows keep order
        paid += row.payment
        if paid >= owed:
            clearing = row
            break
    if clearing.due_date is None:
        raise CoreError(
            "due_date", f"the payment of period {clearing.period} has no date", code="no_date"
        )
    return clearing.due_date


def clock_for_plan(
    reports: Reporting,
    plan: Plan,
    overdue_amount: Decimal | int | str,
    overdue_since: date | None = None,
) -> CreditClock | None:
    """Under ``plan``: when the last overdue amount is cleared and when the record would end.

    ``None`` when nothing is overdue or the lender does not report. Always an estimate.

    >>> from core.plans import PlanRow
    >>> def row(period, day, payment):
    ...     return PlanRow(period=period, due_date=day, payment=payment, principal=payment,
    ...                    interest=0, fees=0, arrears=0, balance=0)
    >>> plan = Plan(opening=1500, rows=(row(1, date(2026, 2, 15), 500),
    ...                                 row(2, date(2026, 3, 15), 500),
    ...                                 row(3, date(2026, 4, 15), 500)))
    >>> clock = clock_for_plan(Reporting.YES, plan, "900")
    >>> clock.overdue_ends_on, clock.record_ends_on
    (datetime.date(2026, 3, 15), datetime.date(2031, 3, 15))
    """
    reports = Reporting(reports)
    if reports is Reporting.NO:
        return None
    cleared = overdue_cleared_on(plan, overdue_amount)
    if cleared is None:
        return None
    return CreditClock(
        reports=reports,
        basis=ClockBasis.UNDER_PLAN,
        overdue_since=overdue_since,
        overdue_ends_on=cleared,
        record_ends_on=record_end(cleared),
    )
