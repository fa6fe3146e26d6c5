"""Is the client keeping to the agreed plan? Which payments are paid, late or missed.

A negotiated plan is fragile: lenders usually cancel it after a single missed installment,
and the old balance, interest and penalties come back. :func:`plan_adherence` reads the
plan's due dates against the payments made and says, for each due date:

``paid``        covered in full on or before the due date (plus ``grace_days``, default 0);
``paid_late``   covered in full, but after it — with the number of days late;
``missed``      the due date has passed and it is not covered in full — with the shortfall;
``due_today``   due today (or within the grace days after it) and not yet covered;
``due_soon``    due within ``warn_days`` (default 3) and not yet covered;
``upcoming``    later.

Payments are applied oldest first to the earliest due date (an overpayment carries forward),
so a due date is covered on the day the running total of payments first reaches the running
total due. Due dates are calendar days in Shanghai; a payment made on the due date is on time.
Rows of the plan that fall on the same date are one due date (one payment).

Example: 500.00 due on 1 April and 1 May; 500.00 paid on 2 April → the first is paid one day
late; on 2 May with nothing more paid, the second is missed with 500.00 short.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from core.calls import Payment
from core.errors import CoreError
from core.money import ZERO_MONEY, money_total
from core.plans import Plan
from core.proposals import ProposalResult
from core.rules.templates import Notice, notice
from core.rules.timing import local_date, require_aware
from core.schedules import Schedule
from core.text import check_language, format_date, format_money

WARN_DAYS = 3


class Due(BaseModel):
    """One due date of a plan: its number (1, 2, …, in date order) and the amount due."""

    model_config = ConfigDict(frozen=True)

    number: int
    due_date: date
    amount: Decimal


AgreedPlan = Plan | Schedule | ProposalResult


def plan_dues(plan: AgreedPlan) -> list[Due]:
    """The due dates of a plan (a :class:`Plan`, a :class:`Schedule` or an evaluated
    proposal), rows on the same date added together, numbered in date order."""
    rows = plan.plan.rows if isinstance(plan, ProposalResult) else plan.rows
    totals: dict[date, Decimal] = {}
    for row in rows:
        if row.due_date is None:
            raise CoreError("plan", "every payment of the plan needs a due date", code="no_date")
        totals[row.due_date] = totals.get(row.due_date, ZERO_MONEY) + row.payment
    return [
        Due(number=number, due_date=day, amount=totals[day])
        for number, day in enumerate(sorted(totals), start=1)
    ]


class Status(StrEnum):
    PAID = "paid"
    PAID_LATE = "paid_late"
    MISSED = "missed"
    DUE_TODAY = "due_today"
    DUE_SOON = "due_soon"
    UPCOMING = "upcoming"


class InstallmentState(BaseModel):
    """A due date and where it stands. ``paid`` is what the payments cover of it so far."""

    model_config = ConfigDict(frozen=True)

    number: int
    due_date: date
    amount: Decimal
    paid: Decimal
    status: Status
    paid_on: date | None = None
    days_late: int = 0

    @property
    def shortfall(self) -> Decimal:
        return self.amount - self.paid


class Adherence(BaseModel):
    """Every due date's state, warnings before a due date, alerts on a miss or late payment."""

    model_config = ConfigDict(frozen=True)

    installments: tuple[InstallmentState, ...]
    warnings: tuple[Notice, ...]
    alerts: tuple[Notice, ...]
    summary: Notice | None
    total_due: Decimal
    total_paid: Decimal

    @property
    def on_track(self) -> bool:
        """No due date is missed (late payments are alerts, but the plan is current)."""
        return not any(item.status is Status.MISSED for item in self.installments)

    @property
    def completed(self) -> bool:
        return all(item.paid_on is not None for item in self.installments)

    @property
    def next_due(self) -> InstallmentState | None:
        """The first due date not yet covered."""
        return next((item for item in self.installments if item.paid_on is None), None)


def plan_adherence(
    plan: AgreedPlan,
    payments: Iterable[Payment],
    now: datetime,
    *,
    language: str = "zh-CN",
    warn_days: int = WARN_DAYS,
    grace_days: int = 0,
) -> Adherence:
    """Where each due date of the agreed ``plan`` stands on ``now`` (see the module docstring).

    ``payments`` are the payments made under this plan (filter them by plan first); a payment
    dated after today is refused.
    """
    require_aware(now, "now")
    check_language(language)
    if warn_days < 0:
        raise CoreError("warn_days", f"must not be negative, got {warn_days}")
    if grace_days < 0:
        raise CoreError("grace_days", f"must not be negative, got {grace_days}")
    today = local_date(now)
    paid_list = sorted(payments, key=lambda payment: payment.paid_on)
    for payment in paid_list:
        if payment.paid_on > today:
            raise CoreError(
                "payments", f"a payment on {payment.paid_on} is after today, {today}", code="future"
            )
    total_paid = money_total(payment.amount for payment in paid_list)

    states: list[InstallmentState] = []
    warnings: list[Notice] = []
    alerts: list[Notice] = []
    due_so_far = ZERO_MONEY
    for due in plan_dues(plan):
        before = due_so_far
        due_so_far += due.amount
        covered_on = _covered_on(paid_list, due_so_far)
        paid = min(due.amount, max(ZERO_MONEY, total_paid - before))
        params = {
            "number": str(due.number),
            "amount": format_money(due.amount),
            "due": format_date(due.due_date, language),
        }
        if covered_on is not None:
            late = (covered_on - due.due_date).days
            status = Status.PAID if late <= grace_days else Status.PAID_LATE
            if status is Status.PAID_LATE:
                alerts.append(
                    notice(
                        "adherence.paid_late",
                        language,
                        **params,
                        days_late=str(late),
                        paid_on=format_date(covered_on, language),
                    )
                )
            states.append(
                InstallmentState(
                    **due.model_dump(),
                    paid=paid,
                    status=status,
                    paid_on=covered_on,
                    days_late=max(late, 0),
                )
            )
            continue
        shortfall = format_money(due.amount - paid)
        if today > due.due_date + timedelta(days=grace_days):
            status = Status.MISSED
            alerts.append(notice("adherence.missed", language, **params, shortfall=shortfall))
        elif today >= due.due_date:
            status = Status.DUE_TODAY
            warnings.append(notice("adherence.due_today", language, **params, shortfall=shortfall))
        elif (due.due_date - today).days <= warn_days:
            status = Status.DUE_SOON
            days = str((due.due_date - today).days)
            warnings.append(notice("adherence.due_soon", language, **params, days=days))
        else:
            status = Status.UPCOMING
        states.append(InstallmentState(**due.model_dump(), paid=paid, status=status))

    summary = None if alerts else notice("adherence.on_track", language)
    return Adherence(
        installments=tuple(states),
        warnings=tuple(warnings),
        alerts=tuple(alerts),
        summary=summary,
        total_due=due_so_far,
        total_paid=total_paid,
    )


def _covered_on(payments: list[Payment], amount: Decimal) -> date | None:
    """The day the running total of ``payments`` first reaches ``amount``."""
    running = ZERO_MONEY
    for payment in payments:
        running += payment.amount
        if running >= amount:
            return payment.paid_on
    return None


#: What a to-do list always shows, however far ahead it looks.
URGENT = (Status.MISSED, Status.DUE_TODAY, Status.DUE_SOON)


def installments_to_list(
    adherence: Adherence, today: date, horizon_days: int, *, show_all: bool = False
) -> list[InstallmentState]:
    """The installments of one plan a to-do list shows: all of them with ``show_all``;
    otherwise those unpaid and overdue, due within ``horizon_days`` of ``today``, or the next
    one to pay however far — each once, in date order."""
    if show_all:
        return list(adherence.installments)
    horizon = today + timedelta(days=horizon_days)
    following = adherence.next_due
    return [
        item
        for item in adherence.installments
        if item.paid_on is None
        and (
            item.status in URGENT
            or item.due_date <= horizon
            or (following is not None and item.number == following.number)
        )
    ]
