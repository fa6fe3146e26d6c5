"""Plan adherence: paid, late, missed; warnings before a due date and alerts after."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from core.calls import Payment
from core.debts import Debt
from core.errors import CoreError
from core.plans import Plan
from core.proposals import DownPayment, TermExtension, evaluate_proposal
from core.rules.adherence import Status, plan_adherence, plan_dues
from core.schedules import amortization_schedule
from tests.plan_rows import principal_row

SH = ZoneInfo("Asia/Shanghai")
D = Decimal


# Three payments of 500.00 on the 1st of April, May and June 2026.
PLAN = Plan(
    opening=D("1500"),
    rows=(
        principal_row(1, date(2026, 4, 1), "500"),
        principal_row(2, date(2026, 5, 1), "500"),
        principal_row(3, date(2026, 6, 1), "500"),
    ),
)


def at(day, clock=time(10, 0)):
    return datetime.combine(day, clock, tzinfo=SH)


def paid(day, amount="500"):
    return Payment(paid_on=day, amount=amount)


def statuses(payments, now, **kwargs):
    result = plan_adherence(PLAN, payments, now, **kwargs)
    return [item.status for item in result.installments]


P, L, M, T, S, U = (
    Status.PAID,
    Status.PAID_LATE,
    Status.MISSED,
    Status.DUE_TODAY,
    Status.DUE_SOON,
    Status.UPCOMING,
)


@pytest.mark.parametrize(
    ("payments", "now", "expected"),
    [
        # Before anything is due.
        ([], date(2026, 3, 1), [U, U, U]),
        # Warnings: 4 days before is upcoming, 3 days before is due soon, then due today.
        ([], date(2026, 3, 28), [U, U, U]),
        ([], date(2026, 3, 29), [S, U, U]),
        ([], date(2026, 4, 1), [T, U, U]),
        # A miss starts the day after the due date.
        ([], date(2026, 4, 2), [M, U, U]),
        # Paid on the due date is on time; one day late is late.
        ([paid(date(2026, 4, 1))], date(2026, 4, 2), [P, U, U]),
        ([paid(date(2026, 4, 2))], date(2026, 4, 2), [L, U, U]),
        # Paid early, in one go for two months: both on time.
        ([paid(date(2026, 3, 20), "1000")], date(2026, 5, 29), [P, P, S]),
        # The last installment: due, then missed, then paid in full.
        ([paid(date(2026, 4, 1)), paid(date(2026, 5, 1))], date(2026, 6, 1), [P, P, T]),
        ([paid(date(2026, 4, 1)), paid(date(2026, 5, 1))], date(2026, 6, 2), [P, P, M]),
        (
            [paid(date(2026, 4, 1)), paid(date(2026, 5, 1)), paid(date(2026, 6, 1))],
            date(2026, 6, 2),
            [P, P, P],
        ),
        # A gap: April skipped, caught up in May with 1,000.
        ([paid(date(2026, 5, 1), "1000")], date(2026, 5, 2), [L, P, U]),
    ],
)
def test_each_due_date_is_paid_late_missed_or_to_come(payments, now, expected):
    assert statuses(payments, at(now)) == expected


def test_a_plan_paid_one_day_late_is_alerted_with_the_days_late():
    result = plan_adherence(PLAN, [paid(date(2026, 4, 2))], at(date(2026, 4, 10)), language="en")
    (first, *_) = result.installments
    assert (first.status, first.paid_on, first.days_late) == (L, date(2026, 4, 2), 1)
    assert [alert.code for alert in result.alerts] == ["adherence.paid_late"]
    assert result.alerts[0].text == (
        "Payment 1 was paid in full but late (due 1 Apr 2026, paid 2 Apr 2026; days late: 1). "
        "Check with the lender that the negotiated plan still stands."
    )
    assert result.on_track
    assert result.summary is None


def test_a_grace_period_makes_one_day_late_on_time():
    assert statuses([paid(date(2026, 4, 2))], at(date(2026, 4, 2)), grace_days=1)[0] is P
    assert statuses([], at(date(2026, 4, 2)), grace_days=1)[0] is T
    assert statuses([], at(date(2026, 4, 3)), grace_days=1)[0] is M


def test_a_partial_payment_leaves_a_shortfall_and_a_miss_alert():
    result = plan_adherence(
        PLAN, [paid(date(2026, 4, 1), "300")], at(date(2026, 4, 2)), language="zh-CN"
    )
    first = result.installments[0]
    assert (first.status, first.paid, first.shortfall) == (M, D("300"), D("200"))
    assert not result.on_track
    (alert,) = result.alerts
    assert alert.code == "adherence.missed"
    assert alert.params == {
        "number": "1",
        "amount": "¥500.00",
        "due": "2026年4月1日",
        "shortfall": "¥200.00",
    }
    assert "逾期一期就会失效" in alert.text


def test_an_overpayment_carries_forward_to_the_next_due_date():
    result = plan_adherence(PLAN, [paid(date(2026, 4, 1), "700")], at(date(2026, 4, 2)))
    second = result.installments[1]
    assert (second.paid, second.status) == (D("200"), U)
    assert result.next_due is second


def test_a_warning_comes_before_the_due_date_with_the_days_left():
    result = plan_adherence(PLAN, [], at(date(2026, 3, 30)), language="en")
    assert [w.text for w in result.warnings] == [
        "Payment 1 of ¥500.00 is due on 1 Apr 2026 (days left: 2) and not paid yet."
    ]
    assert result.alerts == ()
    assert result.summary.code == "adherence.on_track"


def test_due_today_is_read_on_the_shanghai_clock():
    # 17:00 UTC on 31 March is 01:00 on 1 April in Shanghai.
    now = datetime(2026, 3, 31, 17, 0, tzinfo=ZoneInfo("UTC"))
    assert statuses([], now)[0] is T


def test_a_completed_plan_has_no_next_due():
    payments = [paid(date(2026, 4, 1)), paid(date(2026, 5, 1)), paid(date(2026, 6, 1))]
    result = plan_adherence(PLAN, payments, at(date(2026, 6, 1)))
    assert result.completed and result.next_due is None
    assert (result.total_due, result.total_paid) == (D("1500"), D("1500"))


def test_rows_on_the_same_date_are_one_due_date():
    plan = Plan(
        opening=D("900"),
        rows=(
            principal_row(0, date(2026, 3, 1), "100"),
            principal_row(0, date(2026, 3, 1), "200"),
            principal_row(1, date(2026, 4, 1), "600"),
        ),
    )
    dues = plan_dues(plan)
    assert [(d.number, d.due_date, d.amount) for d in dues] == [
        (1, date(2026, 3, 1), D("300")),
        (2, date(2026, 4, 1), D("600")),
    ]


def test_an_evaluated_proposal_and_a_schedule_are_plans_too():
    # Seed case: 12,000 at 0 % over 24 months from 1 March → 500.00 from 1 April.
    debt = Debt(creditor="来分期", outstanding_principal="12000", remaining_months=12)
    result = evaluate_proposal(debt, TermExtension(months=24), "800", date(2026, 3, 1))
    dues = plan_dues(result)
    assert (len(dues), dues[0].due_date, dues[-1].due_date) == (
        24,
        date(2026, 4, 1),
        date(2028, 3, 1),
    )
    assert {d.amount for d in dues} == {D("500.00")}
    schedule = amortization_schedule("1200", 0, 3, start_date=date(2026, 1, 31))
    assert [d.due_date for d in plan_dues(schedule)] == [
        date(2026, 2, 28),
        date(2026, 3, 31),
        date(2026, 4, 30),
    ]


def test_a_down_payment_due_on_the_day_of_agreement_is_the_first_due_date():
    debt = Debt(creditor="来分期", outstanding_principal="12000", remaining_months=12)
    result = evaluate_proposal(debt, DownPayment(amount="2000", months=10), "800", date(2026, 3, 1))
    adherence = plan_adherence(result, [], at(date(2026, 3, 2)))
    first = adherence.installments[0]
    assert (first.due_date, first.amount, first.status) == (date(2026, 3, 1), D("2000.00"), M)


def test_bad_input_is_refused_naming_the_field():
    with pytest.raises(CoreError) as error:
        plan_adherence(PLAN, [], datetime(2026, 4, 1, 10, 0))
    assert error.value.field == "now"
    with pytest.raises(CoreError) as error:
        plan_adherence(PLAN, [paid(date(2026, 4, 2))], at(date(2026, 4, 1)))
    assert error.value.field == "payments"
    with pytest.raises(CoreError) as error:
        plan_adherence(PLAN, [], at(date(2026, 4, 1)), warn_days=-1)
    assert error.value.field == "warn_days"
    undated = Plan(opening=D("1"), rows=(principal_row(1, None, "1"),))
    with pytest.raises(CoreError) as error:
        plan_adherence(undated, [], at(date(2026, 4, 1)))
    assert error.value.field == "plan"


def test_the_day_boundary_is_midnight_in_shanghai():
    assert statuses([], at(date(2026, 4, 1), time(23, 59)))[0] is T
    assert statuses([], at(date(2026, 4, 1), time(23, 59)) + timedelta(minutes=1))[0] is M


def test_a_to_do_list_shows_the_overdue_the_near_and_the_next_installment_once():
    """Today's rule: unpaid installments overdue or due within the horizon, plus the next one
    however far; everything with show_all."""
    from core.rules.adherence import installments_to_list

    dues = (date(2026, 12, 15), date(2027, 1, 15), date(2027, 2, 15))
    rows = [principal_row(n, day, "500") for n, day in enumerate(dues, start=1)]
    plan = Plan(opening=D("1500"), rows=tuple(rows))
    adherence = plan_adherence(plan, [], datetime(2026, 11, 30, 9, 0, tzinfo=SH))
    today = date(2026, 11, 30)
    assert [i.number for i in installments_to_list(adherence, today, 7)] == [1]
    assert [i.number for i in installments_to_list(adherence, today, 50)] == [1, 2]
    assert [i.number for i in installments_to_list(adherence, today, 7, show_all=True)] == [1, 2, 3]
