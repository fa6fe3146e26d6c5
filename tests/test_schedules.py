from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import amortization_schedule
from core.schedules import Method, add_months
from tests.strategies import (
    annual_rates,
    loan_principals,
    methods,
    monthly_fee_rates,
    principals,
    terms,
)

D = Decimal


def fen_half_up(x: Fraction) -> Fraction:
    """Round a non-negative exact fraction to the fen, half up — independent of Decimal."""
    cents = x * 100
    whole = cents.numerator // cents.denominator
    if cents - whole >= Fraction(1, 2):
        whole += 1
    return Fraction(whole, 100)


def reference_level_payment(principal: Fraction, annual: Fraction, n: int) -> Fraction:
    r = annual / 12
    if r == 0:
        return fen_half_up(principal / n)
    growth = (1 + r) ** n  # exact rational power
    return fen_half_up(principal * r * growth / (growth - 1))


def as_d(x: Fraction) -> Decimal:
    return D(x.numerator) / D(x.denominator)


# --- known answers, worked by hand -----------------------------------------------------------


def test_the_classic_example_pays_8556_17_a_month():
    s = amortization_schedule(100000, "0.049", 12)
    assert [row.payment for row in s.rows[:11]] == [D("8556.17")] * 11
    first = s.rows[0]
    # 100,000 × 0.049 / 12 = 408.333… → 408.33; 8,556.17 − 408.33 = 8,147.84.
    assert (first.interest, first.principal, first.balance) == (
        D("408.33"),
        D("8147.84"),
        D("91852.16"),
    )
    last = s.rows[-1]
    assert (last.principal, last.interest, last.payment, last.balance) == (
        D("8521.32"),
        D("34.80"),
        D("8556.12"),
        D("0.00"),
    )
    assert s.total_payment == D("102673.99")
    assert s.total_interest == D("2673.99")
    assert s.total_fee == D("0.00")
    assert s.months == 12


def test_equal_principal_repays_a_twelfth_and_interest_falls_by_the_same_step():
    s = amortization_schedule(120000, "0.06", 12, "equal_principal")
    # Balance falls 10,000 a month; interest is 0.5 % of it: 600, 550, …, 50.
    assert [row.principal for row in s.rows] == [D("10000.00")] * 12
    assert [row.interest for row in s.rows] == [D(600 - 50 * k) for k in range(12)]
    assert s.rows[0].payment == D("10600.00")
    assert s.rows[-1].payment == D("10050.00")
    assert s.total_interest == D("3900.00")


def test_equal_principal_puts_the_rounding_remainder_in_the_last_period():
    s = amortization_schedule(1000, 0, 3, "equal_principal")
    assert [row.principal for row in s.rows] == [D("333.33"), D("333.33"), D("333.34")]


def test_interest_only_repays_everything_at_the_end():
    s = amortization_schedule(10000, "0.12", 3, "interest_only")
    assert [row.payment for row in s.rows] == [D("100.00"), D("100.00"), D("10100.00")]
    assert [row.balance for row in s.rows] == [D("10000"), D("10000"), D("0")]


def test_flat_fee_charges_the_fee_on_the_original_principal():
    s = amortization_schedule(12000, 0, 12, "flat_fee", monthly_fee_rate="0.006")
    assert {row.payment for row in s.rows} == {D("1072.00")}
    assert {row.fee for row in s.rows} == {D("72.00")}
    assert s.total_fee == D("864.00")
    assert s.total_interest == D("0.00")


def test_zero_rate_equal_installment_divides_the_principal():
    s = amortization_schedule(12000, 0, 24)
    assert {row.payment for row in s.rows} == {D("500.00")}


def test_zero_rate_with_an_uneven_split_settles_in_the_last_month():
    s = amortization_schedule(100, 0, 3)
    assert [row.payment for row in s.rows] == [D("33.33"), D("33.33"), D("33.34")]


def test_a_fee_on_top_of_interest_is_added_to_each_payment():
    s = amortization_schedule(10000, "0.12", 2, "equal_principal", monthly_fee_rate="0.001")
    assert [(r.principal, r.interest, r.fee, r.payment) for r in s.rows] == [
        (D("5000.00"), D("100.00"), D("10.00"), D("5110.00")),
        (D("5000.00"), D("50.00"), D("10.00"), D("5060.00")),
    ]


def test_tiny_principals_never_go_negative():
    s = amortization_schedule("0.10", 0, 12, "equal_principal")
    assert all(row.principal >= 0 and row.balance >= 0 for row in s.rows)
    assert sum(row.principal for row in s.rows) == D("0.10")


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 1, 31), 2, date(2026, 3, 31)),
        (date(2027, 12, 31), 2, date(2028, 2, 29)),
        (date(2026, 11, 25), 14, date(2028, 1, 25)),
    ],
)
def test_due_dates_clamp_to_the_end_of_short_months(start, months, expected):
    assert add_months(start, months) == expected


def test_due_dates_count_from_the_start_not_from_the_previous_due_date():
    s = amortization_schedule(3000, 0, 3, start_date=date(2026, 1, 31))
    assert [row.due_date for row in s.rows] == [
        date(2026, 2, 28),
        date(2026, 3, 31),
        date(2026, 4, 30),
    ]


def test_without_a_start_date_there_are_no_due_dates():
    assert {row.due_date for row in amortization_schedule(3000, 0, 3).rows} == {None}


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"principal": "abc"}, "principal"),
        ({"principal": -5}, "principal"),
        ({"principal": 0}, "principal"),
        ({"principal": float("nan")}, "principal"),
        ({"principal": float("inf")}, "principal"),
        ({"months": 0}, "months"),
        ({"months": -12}, "months"),
        ({"annual_rate": 5}, "annual_rate"),
        ({"annual_rate": "-0.01"}, "annual_rate"),
        ({"method": "flat_fee", "annual_rate": "0.05"}, "annual_rate"),
        ({"monthly_fee_rate": "0.5"}, "monthly_fee_rate"),
        ({"method": "balloon"}, "method"),
    ],
)
def test_bad_input_raises_a_value_error_naming_the_field(kwargs, field):
    args = {"principal": 1000, "annual_rate": "0.05", "months": 12} | kwargs
    with pytest.raises(ValueError, match=field):
        amortization_schedule(**args)


def test_schedules_are_immutable():
    s = amortization_schedule(1000, "0.05", 2)
    with pytest.raises(ValueError):
        s.rows[0].payment = D("1")  # type: ignore[misc]


# --- against an independent exact calculation --------------------------------------------


def reference_equal_installment(principal, annual, n):
    p, a = Fraction(principal), Fraction(annual)
    payment = reference_level_payment(p, a, n)
    balance, rows = p, []
    for k in range(1, n + 1):
        interest = fen_half_up(balance * a / 12)
        principal_part = balance if k == n else min(payment - interest, balance)
        balance -= principal_part
        rows.append((principal_part + interest, interest, balance))
    return rows


@pytest.mark.parametrize(
    ("principal", "annual", "n"),
    [
        ("100000", "0.049", 12),
        ("12000", "0.18", 18),
        ("350000", "0.0415", 360),
        ("5000", "0.36", 6),
        ("888.88", "0.2399", 7),
        ("1000000", "0.0325", 240),
    ],
)
def test_equal_installment_matches_an_exact_rational_calculation(principal, annual, n):
    s = amortization_schedule(principal, annual, n)
    expected = reference_equal_installment(principal, annual, n)
    assert [(r.payment, r.interest, r.balance) for r in s.rows] == [
        (as_d(p), as_d(i), as_d(b)) for p, i, b in expected
    ]


def test_the_minimum_plan_example_from_the_guide():
    # 12,000 at 18 % over 18 months: 765.67 a month (annuity factor worked exactly above).
    assert amortization_schedule(12000, "0.18", 18).rows[0].payment == D("765.67")


# --- properties -----------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(principal=principals, rate=annual_rates, months=terms, method=methods, fee=monthly_fee_rates)
def test_principal_sums_exactly_and_the_balance_ends_at_zero(principal, rate, months, method, fee):
    if method is Method.FLAT_FEE:
        rate = D(0)
    s = amortization_schedule(principal, rate, months, method, monthly_fee_rate=fee)
    assert sum(row.principal for row in s.rows) == principal
    assert s.rows[-1].balance == 0
    assert len(s.rows) == months
    for row in s.rows:
        assert min(row.payment, row.principal, row.interest, row.fee, row.balance) >= 0
        assert row.payment == row.principal + row.interest + row.fee
        assert row.payment == row.payment.quantize(D("0.01"))
    assert s.total_payment == principal + s.total_interest + s.total_fee


@settings(max_examples=200, deadline=None)
@given(principal=loan_principals, rate=annual_rates, months=st.integers(1, 359))
def test_a_longer_term_never_raises_the_monthly_payment(principal, rate, months):
    shorter = amortization_schedule(principal, rate, months).rows[0].payment
    longer = amortization_schedule(principal, rate, months + 1).rows[0].payment
    assert longer <= shorter


@settings(max_examples=200, deadline=None)
@given(principal=loan_principals, rate=annual_rates, months=terms)
def test_equal_installment_payments_are_level_but_for_the_last(principal, rate, months):
    s = amortization_schedule(principal, rate, months)
    level = s.rows[0].payment
    # Only a payment rounded up on a tiny balance can run out before the last period.
    assert all(row.payment == level or row.balance == 0 for row in s.rows[:-1])
