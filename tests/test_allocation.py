from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.allocation import (
    Strategy,
    allocate_capacity,
    largest_remainder,
    payoff_plan,
)
from core.debts import Debt
from core.errors import BudgetTooLowError
from tests.strategies import debts

D = Decimal
AS_OF = date(2026, 3, 15)


def debt(creditor, principal, rate="0", months=10, **changes) -> Debt:
    return Debt(
        creditor=creditor,
        outstanding_principal=principal,
        rate_quote=rate,
        remaining_months=months,
        **changes,
    )


# 12,000 interest-free over 24 months: 500.00 a month.
SEED = debt("来分期", "12000", months=24)
# 3,000 at 24 % over 5 months: 3,000 × 0.02 × 1.02⁵ / (1.02⁵ − 1) = 636.475… → 636.48.
CARD = debt("Card", "3000", rate="0.24", months=5)


# --- largest remainder ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "weights", "parts"),
    [
        (100, [1, 1, 1], [34, 33, 33]),  # 33.33 each; the one left goes to the first tie
        (80000, [1200000, 300000], [64000, 16000]),
        (10, [0, 0], [0, 0]),
        (7, [1, 2, 4], [1, 2, 4]),
        (5, [3, 3], [3, 2]),
        (1, [1, 3], [0, 1]),  # remainders 0.25 and 0.75
    ],
)
def test_largest_remainder_splits_whole_units_in_proportion(total, weights, parts):
    assert largest_remainder(total, weights) == parts


@given(
    total=st.integers(0, 10**9),
    weights=st.lists(st.integers(0, 10**9), min_size=1, max_size=30).filter(any),
)
def test_largest_remainder_always_adds_up(total, weights):
    parts = largest_remainder(total, weights)
    assert sum(parts) == total
    assert all(p >= 0 for p in parts)


# --- allocation -------------------------------------------------------------------------------


def test_a_capacity_below_the_minimums_is_split_by_what_is_owed():
    allocation = allocate_capacity([SEED, CARD], "800")
    # 500.00 + 636.48 = 1,136.48 > 800; 800 × 12,000 / 15,000 = 640.00, × 3,000 / 15,000 = 160.00.
    assert [s.amount for s in allocation.shares] == [D("640.00"), D("160.00")]
    assert [s.minimum for s in allocation.shares] == [D("500.00"), D("636.48")]
    assert not allocation.covers_minimums
    assert allocation.reason.code == "minimums_not_covered"
    assert not allocation.shares[1].covers_minimum


@pytest.mark.parametrize(
    ("strategy", "amounts"),
    [
        # Surplus 1,500 − 1,136.48 = 363.52, split by what is left after the minimums,
        # 11,500 : 2,363.52 → 30,154.535… and 6,197.464… fen; the fen left over goes to the
        # larger remainder (0.535) → 301.55 and 61.97.
        (Strategy.PRO_RATA, [D("801.55"), D("698.45")]),
        # Highest rate first: the card takes all 363.52 of surplus.
        (Strategy.AVALANCHE, [D("500.00"), D("1000.00")]),
        # Smallest balance first: also the card (3,000 < 12,000).
        (Strategy.SNOWBALL, [D("500.00"), D("1000.00")]),
    ],
)
def test_the_surplus_goes_by_the_strategy(strategy, amounts):
    allocation = allocate_capacity([SEED, CARD], "1500", strategy)
    assert [s.amount for s in allocation.shares] == amounts
    assert allocation.allocated == D("1500")
    assert allocation.reason.code == "minimums_covered"


def test_avalanche_and_snowball_differ_when_the_cheaper_debt_is_smaller():
    small_free = debt("A", "900")  # 90.00 a month
    large_dear = debt("B", "3000", rate="0.24", months=5)  # 636.48 a month
    avalanche = allocate_capacity([small_free, large_dear], "1000", "avalanche")
    snowball = allocate_capacity([small_free, large_dear], "1000", "snowball")
    # Surplus 1,000 − 726.48 = 273.52.
    assert [s.amount for s in avalanche.shares] == [D("90.00"), D("910.00")]
    assert [s.amount for s in snowball.shares] == [D("363.52"), D("636.48")]


def test_a_capacity_above_everything_owed_leaves_the_rest_unallocated():
    allocation = allocate_capacity([debt("A", "100", months=1)], "150.55", "avalanche")
    assert allocation.shares[0].amount == D("100.00")
    assert allocation.unallocated == D("50.55")
    assert allocation.reason.code == "capacity_exceeds_debts"


def test_shares_carry_the_debt_ids_for_the_pages():
    allocation = allocate_capacity([SEED.model_copy(update={"id": 4}), CARD], "800")
    assert [(s.index, s.debt_id, s.creditor) for s in allocation.shares] == [
        (0, 4, "来分期"),
        (1, None, "Card"),
    ]


@settings(max_examples=80, deadline=None)
@given(
    items=st.lists(debts(), min_size=1, max_size=8),
    capacity_fen=st.integers(0, 10_000_000),
    strategy=st.sampled_from(list(Strategy)),
)
def test_an_allocation_adds_up_to_the_capacity_exactly(items, capacity_fen, strategy):
    capacity = D(capacity_fen) / 100
    allocation = allocate_capacity(items, capacity, strategy)
    assert allocation.allocated + allocation.unallocated == capacity
    assert all(
        s.amount >= 0 and s.amount == s.amount.quantize(D("0.01")) for s in allocation.shares
    )
    if allocation.unallocated > 0:
        assert all(s.amount >= max(s.owed, s.minimum) for s in allocation.shares)


# --- payoff -------------------------------------------------------------------------------------


def test_a_single_debt_is_paid_off_with_the_interest_on_the_falling_balance():
    plan = payoff_plan([debt("A", "1000", rate="0.12", months=2)], "600", "avalanche", AS_OF)
    # Month 1: interest 10.00, pays 600 → 410.00 left. Month 2: interest 4.10, pays 414.10.
    assert [m.payments for m in plan.months] == [(D("600.00"),), (D("414.10"),)]
    assert [m.balances for m in plan.months] == [(D("410.00"),), (D("0.00"),)]
    assert plan.total_interest == D("14.10")
    assert plan.total_paid == D("1014.10")
    assert plan.debt_free_date == date(2026, 5, 15)


@pytest.mark.parametrize(
    ("strategy", "paid", "interest", "cleared"),
    [
        # A: 900 interest-free (90.00 a month); B: 1,000 at 12 % over 10 months
        # (1,000 × 0.01 × 1.01¹⁰ / (1.01¹⁰ − 1) = 105.58). Budget 1,100.
        # Avalanche: month 1 B takes 105.58 + 904.42 = 1,010 (all of it); A 90 → 810 left,
        # paid in month 2. Interest 10.00.
        ("avalanche", [D("1100.00"), D("810.00")], D("10.00"), (2, 1)),
        # Snowball: month 1 A takes 900, B 200 → 810 left after 10 of interest; month 2
        # B pays 810 + 8.10. Interest 18.10.
        ("snowball", [D("1100.00"), D("818.10")], D("18.10"), (1, 2)),
        # Pro rata: month 1 surplus 904.42 split 810 : 904.42 → A 517.30, B 582.70; month 2
        # A 382.70, B 427.30 + 4.27 of interest. Interest 14.27.
        ("pro_rata", [D("1100.00"), D("814.27")], D("14.27"), (2, 2)),
    ],
)
def test_the_payoff_order_follows_the_strategy(strategy, paid, interest, cleared):
    debts_ = [debt("A", "900"), debt("B", "1000", rate="0.12")]
    plan = payoff_plan(debts_, "1100", strategy, AS_OF)
    assert [m.total_payment for m in plan.months] == paid
    assert plan.total_interest == interest
    assert plan.payoff_months == cleared
    assert plan.debt_free_date == date(2026, 5, 15)


def test_a_budget_that_does_not_cover_the_interest_is_a_named_error():
    # 3,000 × 24 % / 12 = 60.00 of interest in the first month.
    with pytest.raises(BudgetTooLowError, match="monthly_budget") as error:
        payoff_plan([CARD], "60", "avalanche", AS_OF)
    assert error.value.code == "budget_too_low"


def test_a_budget_below_the_minimums_still_pays_off_when_it_beats_the_interest():
    plan = payoff_plan([SEED, CARD], "800", "pro_rata", AS_OF)
    assert plan.months[-1].total_balance == 0
    assert plan.total_paid == D("15000") + plan.total_interest


@settings(max_examples=30, deadline=None)
@given(
    items=st.lists(debts(max_principal_fen=5_000_000), min_size=1, max_size=5),
    strategy=st.sampled_from(list(Strategy)),
)
def test_a_payoff_pays_principal_accrued_interest_and_fees_exactly(items, strategy):
    owed = sum(d.opening_balance for d in items)
    try:
        plan = payoff_plan(items, owed / 10 + 100, strategy, AS_OF)
    except BudgetTooLowError:
        return
    assert plan.total_paid == owed + plan.total_interest + plan.total_fees
    assert plan.months[-1].total_balance == 0
    assert all(m.total_payment <= plan.monthly_budget for m in plan.months)
