from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.plans import Plan, PlanRow, spread_evenly
from tests.plan_rows import principal_row
from tests.strategies import small_amounts

D = Decimal


def row(period: int, payment: str) -> PlanRow:
    return principal_row(period, date(2026, 3, 15), payment)


@pytest.mark.parametrize(
    ("amount", "months", "parts"),
    [
        ("1000", 3, ["333.33", "333.33", "333.34"]),
        ("12345.67", 24, ["514.40"] * 23 + ["514.47"]),
        ("0.05", 10, ["0.00"] * 9 + ["0.05"]),  # rounding up would leave the last negative
        ("0.10", 3, ["0.03", "0.03", "0.04"]),
        ("0", 2, ["0.00", "0.00"]),
        ("1", 2, ["0.50", "0.50"]),
    ],
)
def test_an_amount_is_spread_in_fen_with_the_rest_in_the_last_part(amount, months, parts):
    assert spread_evenly(D(amount), months) == [D(p) for p in parts]


@given(amount=small_amounts, months=st.integers(1, 120))
def test_the_parts_always_add_up_and_none_is_negative(amount, months):
    parts = spread_evenly(amount, months)
    assert sum(parts) == amount
    assert all(p >= 0 for p in parts)


def test_payments_in_the_same_month_are_added_together():
    plan = Plan(opening=D("3000"), rows=(row(0, "500"), row(1, "700"), row(1, "800")))
    assert plan.payments_by_period == ((0, D("500")), (1, D("1500")))
    assert (plan.first_payment, plan.highest_payment, plan.months) == (
        D("500"),
        D("1500"),
        1,
    )
    # 3,000 received less 500 paid today, then 1,500 a month later.
    assert plan.cash_flows() == [D("2500"), D("-1500")]


def test_a_plan_paid_in_full_today_has_no_rate():
    plan = Plan(opening=D("3000"), rows=(row(0, "2000"),))
    assert plan.annualized_rate() is None


def test_a_plan_whose_flows_never_change_sign_has_no_rate():
    plan = Plan(opening=D("1000"), rows=(row(0, "1000"), row(1, "10")))
    assert plan.annualized_rate() is None


def test_an_interest_free_plan_has_a_rate_of_exactly_zero():
    plan = Plan(opening=D("1000"), rows=(row(1, "500"), row(2, "500")))
    rate = plan.annualized_rate()
    assert rate == 0
    assert not rate.is_signed()
