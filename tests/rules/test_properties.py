"""Properties of the call rules, over many generated inputs."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from core.calls import Payment
from core.plans import Plan
from core.rules.adherence import Status, plan_adherence
from core.rules.escalation import (
    LADDER,
    Attempt,
    AttemptOutcome,
    EscalationStep,
    next_escalation,
)
from core.schedules import add_months
from core.text import format_money
from i18n import format_money as ui_format_money
from tests.plan_rows import principal_row
from tests.strategies import days_late_lists, signed_amounts

SH = ZoneInfo("Asia/Shanghai")
START = date(2026, 1, 15)


@given(signed_amounts)
def test_core_money_text_is_the_uis_money_text(amount):
    assert format_money(amount) == ui_format_money(amount, "zh-CN")


@given(days_late_lists)
def test_each_payment_is_on_time_exactly_when_made_on_its_due_date(days_late):
    # A plan of 100.00 on the 15th of each month; payment i is made days_late[i] days after
    # due date i (under 28 days, so payments stay in order and each covers its own month).
    dues = [add_months(START, n) for n in range(len(days_late))]
    rows = tuple(principal_row(n + 1, due, "100") for n, due in enumerate(dues))
    payments = [
        Payment(paid_on=due + timedelta(days=late), amount="100")
        for due, late in zip(dues, days_late, strict=True)
    ]
    now = datetime.combine(dues[-1] + timedelta(days=30), time(12), tzinfo=SH)
    result = plan_adherence(Plan(opening=Decimal("100") * len(dues), rows=rows), payments, now)
    assert [item.status for item in result.installments] == [
        Status.PAID if late == 0 else Status.PAID_LATE for late in days_late
    ]
    assert [item.days_late for item in result.installments] == days_late
    assert len(result.alerts) == sum(1 for late in days_late if late)


RUNGS = [rung.step for rung in LADDER]
attempts = st.builds(
    Attempt,
    step=st.sampled_from(RUNGS),
    at=st.integers(min_value=0, max_value=90 * 24).map(
        lambda hours: datetime(2026, 1, 1, tzinfo=SH) + timedelta(hours=hours)
    ),
    outcome=st.sampled_from([AttemptOutcome.FAILED, AttemptOutcome.PENDING]),
    extended=st.booleans(),
)


@given(st.lists(attempts, min_size=1, max_size=8), st.integers(min_value=0, max_value=60))
def test_the_ladder_never_goes_down_and_is_due_exactly_from_not_before(history, days_after):
    now = max(a.at for a in history) + timedelta(days=days_after)
    step = next_escalation(history, "bank_loan", now)
    top = max(RUNGS.index(a.step) for a in history)
    assert RUNGS.index(step.step) >= top
    assert RUNGS.index(step.step) <= top + 1
    assert step.due_now is (now >= step.not_before)
    if step.step is not EscalationStep.REGULATOR:
        assert RUNGS.index(step.step) == top + 1
