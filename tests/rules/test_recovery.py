"""What a proposal is worth to the lender (issue 24): present values worked by hand to the fen,
the edges, the properties the model promises, and its assumptions checked as inputs."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from core.debts import Debt, LenderType
from core.proposals import Baseline, StopInterest, compare_proposals
from core.rules.recovery import (
    BreakSource,
    RecoveryAssumptions,
    chosen_break_chance,
    expected_recovery,
    month_offset,
    no_agreement_value,
    plan_payments,
    recovery_for_comparison,
    recovery_sentence,
)
from core.schedules import add_months

D = Decimal
AS_OF = date(2026, 1, 1)


def monthly(*amounts: int | str, start: int = 1) -> list[tuple[date, Decimal]]:
    """``amounts`` due one a month from ``start`` months after AS_OF."""
    return [(add_months(AS_OF, start + i), D(a)) for i, a in enumerate(amounts)]


def at(**changes) -> RecoveryAssumptions:
    return RecoveryAssumptions(**changes)


THREE = monthly(1000, 1000, 1000)
TWELVE_PERCENT = {"cost_of_funds": D("0.12")}


# --- present values by hand ---------------------------------------------------------------


def test_three_payments_never_broken_are_discounted_at_one_percent_a_month():
    # 1000/1.01 + 1000/1.01² + 1000/1.01³ = 990.0990 + 980.2960 + 970.5901 = 2940.9852
    value = expected_recovery(THREE, D(3000), None, AS_OF, at(**TWELVE_PERCENT, break_chance=0))
    assert value.present_value == D("2940.99")
    assert value.from_payments == D("2940.99")
    assert value.from_collection == D("0.00")
    assert value.scheduled == D("3000.00")
    assert value.completion_chance == 1
    assert value.break_source is BreakSource.COUNSELOR
    assert value.share_of_owed is not None
    assert value.share_of_owed.quantize(D("0.000001")) == D("0.980328")  # 2940.9852 / 3000


def test_a_ten_percent_break_chance_weights_payments_and_collects_after_a_break():
    # kept: 0.9, 0.81, 0.729 → 1000·(0.9/1.01 + 0.81/1.01² + 0.729/1.01³)
    #        = 891.0891 + 794.0398 + 707.5602 = 2392.6891
    # broken in month 1, 2, 3 with 0.1, 0.09, 0.081 on 3000, 2000, 1000 still due; 30 % of it
    # collected 12 months later at 15 % cost (k = 0.255):
    #   0.1·0.255·3000/1.01¹³ + 0.09·0.255·2000/1.01¹⁴ + 0.081·0.255·1000/1.01¹⁵
    #   = 67.2177 + 39.9326 + 17.7899 = 124.9402
    value = expected_recovery(THREE, D(3000), None, AS_OF, at(**TWELVE_PERCENT, break_chance="0.1"))
    assert value.from_payments == D("2392.69")
    assert value.present_value == D("2517.63")  # 2392.6891 + 124.9402 = 2517.6293
    assert value.from_collection == D("124.94")
    assert value.completion_chance == D("0.729")
    assert value.break_chance == D("0.1")


def test_a_certain_break_leaves_only_the_collection_on_everything_due():
    # broken in month 1 for sure: 0.255 × 3000 / 1.01¹³ = 765 / 1.138093 = 672.18
    value = expected_recovery(THREE, D(3000), None, AS_OF, at(**TWELVE_PERCENT, break_chance=1))
    assert (value.present_value, value.from_payments) == (D("672.18"), D("0.00"))
    assert value.completion_chance == 0


def test_a_payment_on_the_day_is_certain_and_a_zero_delay_collects_at_the_break():
    # 500 today is paid whatever happens; broken in month 1 for sure: 0.255 × 2000 / 1.01
    payments = [(AS_OF, D(500)), *monthly(1000, 1000)]
    assumptions = at(**TWELVE_PERCENT, break_chance=1, after_break_delay_months=0)
    value = expected_recovery(payments, D(2500), None, AS_OF, assumptions)
    assert value.from_payments == D("500.00")
    assert value.present_value == D("1004.95")  # 500 + 504.9505


def test_one_payment_with_the_default_assumptions_and_no_budget():
    # no budget: the higher chance, 6 %; at 4 % a year (1/300 a month):
    # 0.94 × 5000 / (1 + 1/300) = 4684.3854; 0.06 × 0.255 × 5000 / (1 + 1/300)¹³ = 73.2611
    value = expected_recovery(monthly(5000), D(13500), None, AS_OF)
    assert (value.break_chance, value.break_source) == (D("0.06"), BreakSource.UNKNOWN_CAPACITY)
    assert value.from_payments == D("4684.39")
    assert value.present_value == D("4757.65")  # 4757.6465


def test_without_cost_of_funds_or_breaks_the_value_is_the_payments_added_up():
    payments = monthly("333.33", "333.33", "333.34")
    value = expected_recovery(payments, D(1000), None, AS_OF, at(cost_of_funds=0, break_chance=0))
    assert value.present_value == value.scheduled == D("1000.00")
    assert value.share_of_owed == 1


def test_payments_on_the_same_day_are_one_payment():
    twice = [(add_months(AS_OF, 1), D(400)), (add_months(AS_OF, 1), D(600))]
    once = monthly(1000)
    assumptions = at(break_chance="0.2")
    assert expected_recovery(twice, D(1000), None, AS_OF, assumptions) == expected_recovery(
        once, D(1000), None, AS_OF, assumptions
    )


def test_a_date_between_months_is_discounted_by_its_fraction_of_a_month():
    # 17 days of the 31 from 15 Jan to 15 Feb: 1000 / 1.01^(17/31) = 994.5583
    as_of = date(2026, 1, 15)
    assert month_offset(as_of, date(2026, 2, 1)) == D("0.5483870967741935483870967741935484")
    assert month_offset(as_of, date(2026, 4, 15)) == 3
    assert month_offset(date(2026, 1, 31), date(2026, 2, 28)) == 1  # the end of a short month
    value = expected_recovery(
        [(date(2026, 2, 1), D(1000))], D(1000), None, as_of, at(**TWELVE_PERCENT, break_chance=0)
    )
    assert value.present_value == D("994.56")


# --- edges ---------------------------------------------------------------------------------


def test_nothing_owed_and_nothing_to_pay_is_worth_nothing():
    value = expected_recovery([], D(0), D(800), AS_OF)
    assert (value.present_value, value.scheduled, value.share_of_owed) == (
        D("0.00"),
        D("0.00"),
        None,
    )
    assert value.completion_chance == 1
    assert no_agreement_value(D(0), AS_OF).present_value == D("0.00")


def test_a_payment_before_the_date_or_a_negative_amount_is_refused():
    with pytest.raises(ValueError, match=r"payments\[0\]"):
        expected_recovery([(date(2025, 12, 31), D(100))], D(100), None, AS_OF)
    with pytest.raises(ValueError, match=r"payments\[1\]"):
        expected_recovery([*monthly(100), (AS_OF, D(-1))], D(100), None, AS_OF)
    with pytest.raises(ValueError, match="owed"):
        expected_recovery(monthly(100), D(-1), None, AS_OF)
    with pytest.raises(ValueError, match="due_date"):
        month_offset(AS_OF, date(2025, 12, 1))


# --- the break chance ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("can_pay", "available_now", "expected"),
    [
        (D(1000), D(0), (D("0.01"), BreakSource.WITHIN_CAPACITY)),  # 1000 a month fits exactly
        (D("999.99"), D(500), (D("0.06"), BreakSource.BEYOND_CAPACITY)),  # month 1 is a fen over
        (None, D(0), (D("0.06"), BreakSource.UNKNOWN_CAPACITY)),
    ],
)
def test_the_break_chance_follows_what_the_client_can_pay(can_pay, available_now, expected):
    payments = monthly(1000, 1000)
    assert (
        chosen_break_chance(payments, can_pay, AS_OF, at(), available_now=available_now) == expected
    )


def test_a_payment_today_may_use_what_is_available_now():
    payments = [(AS_OF, D(1500)), *monthly(800)]
    assert chosen_break_chance(payments, D(800), AS_OF, at(), available_now=D(700)) == (
        D("0.01"),
        BreakSource.WITHIN_CAPACITY,
    )
    assert chosen_break_chance(payments, D(800), AS_OF, at(), available_now=D("699.99"))[1] is (
        BreakSource.BEYOND_CAPACITY
    )


def test_the_counselors_break_chance_and_defaults_are_used_as_given():
    payments = monthly(5000)
    assert chosen_break_chance(payments, D(100), AS_OF, at(break_chance="0.03")) == (
        D("0.03"),
        BreakSource.COUNSELOR,
    )
    assert chosen_break_chance(payments, D(100), AS_OF, at(break_beyond="0.2")) == (
        D("0.2"),
        BreakSource.BEYOND_CAPACITY,
    )
    assert chosen_break_chance(payments, D(5000), AS_OF, at(break_within="0.02")) == (
        D("0.02"),
        BreakSource.WITHIN_CAPACITY,
    )


# --- no agreement --------------------------------------------------------------------------


def test_no_agreement_for_the_guides_case_by_hand():
    # 13,500 × 35 % = 4,725 recovered; 945 (20 %) + 3,000 legal costs; 780 net,
    # 18 months at 4 %: 780 / (1 + 1/300)¹⁸ = 780 / 1.061728 = 734.65
    value = no_agreement_value(D(13500), AS_OF)
    assert (value.recovered, value.costs, value.present_value, value.delay_months) == (
        D("4725.00"),
        D("3945.00"),
        D("734.65"),
        18,
    )


def test_no_agreement_never_goes_below_nothing():
    # 5,000 × 35 % = 1,750; 350 + 3,000 of costs: the lender would not sue
    value = no_agreement_value(D(5000), AS_OF)
    assert (value.recovered, value.costs, value.present_value) == (
        D("1750.00"),
        D("3350.00"),
        D("0.00"),
    )


def test_no_agreement_without_delay_or_costs_is_the_share_recovered():
    assumptions = at(no_agreement_delay_months=0, no_agreement_cost=0, legal_costs=0)
    assert no_agreement_value(D("10000.01"), AS_OF, assumptions).present_value == D("3500.00")


# --- the comparison and the sentence -------------------------------------------------------


def guide_debt() -> Debt:
    """来分期: 12,000 at 18 %, 12 months left, 900 overdue 30 days, 1,500 accrued, 罚息 27 %."""
    return Debt(
        creditor="来分期",
        lender_type=LenderType.ONLINE_PLATFORM,
        outstanding_principal="12000",
        overdue_amount="900",
        days_overdue=30,
        accrued_interest_and_penalties="1500",
        penalty_rate="0.27",
        rate_quote="0.18",
        remaining_months=12,
    )


def test_every_row_of_the_guides_comparison_is_valued_beside_no_agreement():
    debt = guide_debt()
    comparison = compare_proposals(debt, [Baseline(), StopInterest(months=24)], "800", AS_OF)
    recovery = recovery_for_comparison(comparison, D(800), AS_OF)
    assert len(recovery.rows) == len(comparison.rows) == 3  # contract, 停息挂账, minimum plan
    for row, value in zip(comparison.rows, recovery.rows, strict=True):
        assert value == expected_recovery(
            plan_payments(row.plan, AS_OF), D(13500), D(800), AS_OF, RecoveryAssumptions()
        )
    contract, frozen, _ = recovery.rows
    # the contract asks 3,437.90 this month, beyond 800: 6 % a month
    assert contract.break_source is BreakSource.BEYOND_CAPACITY
    # 停息挂账: 24 × 562.50 within 800, 1 % a month, at 4 %, 30 % collected after a break
    assert (frozen.break_source, frozen.scheduled) == (BreakSource.WITHIN_CAPACITY, D("13500.00"))
    assert (frozen.present_value, frozen.from_payments) == (D("11843.16"), D("11470.14"))
    assert recovery.no_agreement.present_value == D("734.65")
    assert recovery.owed == D("13500.00")
    assert recovery.beats_no_agreement(1)
    said = recovery.sentence(1)
    assert (said.key, said.persuasive, said.plan_value, said.no_agreement_value) == (
        "recovery.sentence.more",
        True,
        D("11843.16"),
        D("734.65"),
    )
    assert said.difference == D("11108.51")


def test_the_best_row_is_the_one_worth_most_to_the_lender():
    debt = guide_debt()
    comparison = compare_proposals(
        debt, [StopInterest(months=60), StopInterest(months=24)], 800, AS_OF
    )
    recovery = recovery_for_comparison(comparison, D(800), AS_OF)
    sixty, twenty_four, minimum = (value.present_value for value in recovery.rows)
    assert twenty_four > sixty  # the same 13,500, sooner
    # the minimum plan keeps the contract's 18 % over the shortest term that fits: worth most
    assert minimum > twenty_four
    assert recovery.best == 2


def test_a_comparison_without_rows_needs_what_is_owed():
    debt = guide_debt()
    comparison = compare_proposals(debt, [], "1", AS_OF, max_months=1)
    assert comparison.rows == ()
    with pytest.raises(ValueError, match="owed"):
        recovery_for_comparison(comparison, D(1), AS_OF)
    recovery = recovery_for_comparison(comparison, D(1), AS_OF, owed=D(13500))
    assert (recovery.rows, recovery.best) == ((), None)


def test_a_plan_worth_no_more_than_no_agreement_is_not_an_argument():
    value = expected_recovery(monthly(700), D(13500), None, AS_OF, at(break_chance=1))
    said = recovery_sentence(value, no_agreement_value(D(13500), AS_OF))
    assert (said.key, said.persuasive) == ("recovery.sentence.not_more", False)
    assert said.difference == value.present_value - D("734.65") < 0


# --- assumptions are checked inputs --------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("cost_of_funds", "0.51"),
        ("cost_of_funds", "-0.01"),
        ("break_within", "1.01"),
        ("break_beyond", "-0.1"),
        ("break_chance", "2"),
        ("after_break_share", "1.5"),
        ("after_break_cost", "-1"),
        ("no_agreement_share", "abc"),
        ("no_agreement_cost", "1.0001"),
        ("after_break_delay_months", -1),
        ("after_break_delay_months", 121),
        ("no_agreement_delay_months", "1.5"),
        ("no_agreement_delay_months", True),
        ("legal_costs", "-1"),
        ("legal_costs", "100000001"),
    ],
)
def test_an_assumption_out_of_range_is_refused_naming_it(field, value):
    with pytest.raises(ValueError, match=field):
        RecoveryAssumptions(**{field: value})


def test_assumptions_at_their_limits_are_accepted():
    edge = RecoveryAssumptions(
        cost_of_funds="0.5",
        break_within=0,
        break_beyond=1,
        break_chance="1",
        after_break_share=1,
        after_break_cost=0,
        after_break_delay_months=120,
        no_agreement_delay_months="0",
        legal_costs=0,
    )
    assert (edge.cost_of_funds, edge.after_break_delay_months, edge.no_agreement_delay_months) == (
        D("0.5"),
        120,
        0,
    )
    with pytest.raises(ValueError, match="frozen"):
        edge.cost_of_funds = D("0.1")  # type: ignore[misc]


def test_the_defaults_are_the_stated_assumptions():
    defaults = RecoveryAssumptions()
    assert defaults.model_dump() == {
        "cost_of_funds": D("0.04"),
        "break_within": D("0.01"),
        "break_beyond": D("0.06"),
        "break_chance": None,
        "after_break_share": D("0.30"),
        "after_break_delay_months": 12,
        "after_break_cost": D("0.15"),
        "no_agreement_share": D("0.35"),
        "no_agreement_delay_months": 18,
        "no_agreement_cost": D("0.20"),
        "legal_costs": D("3000"),
    }


# --- properties ----------------------------------------------------------------------------

fen_amounts = st.integers(min_value=0, max_value=2_000_000).map(lambda fen: D(fen) / 100)
fractions = st.integers(min_value=0, max_value=1000).map(lambda x: D(x) / 1000)
cost_rates = st.integers(min_value=0, max_value=500).map(lambda x: D(x) / 1000)
delays = st.integers(min_value=0, max_value=120)


@st.composite
def plans(draw, max_months: int = 120) -> list[tuple[date, Decimal]]:
    """Payments on a few days within ``max_months`` months of AS_OF (some on the same day)."""
    count = draw(st.integers(min_value=0, max_value=30))
    days = st.integers(min_value=0, max_value=max_months * 31)
    return [
        (date.fromordinal(AS_OF.toordinal() + draw(days)), draw(fen_amounts)) for _ in range(count)
    ]


@st.composite
def assumptions(draw) -> RecoveryAssumptions:
    return RecoveryAssumptions(
        cost_of_funds=draw(cost_rates),
        break_chance=draw(fractions),
        after_break_share=draw(fractions),
        after_break_cost=draw(fractions),
        after_break_delay_months=draw(delays),
    )


@settings(max_examples=150, deadline=None)
@given(plans(), assumptions())
def test_the_value_never_exceeds_the_payments_added_up(payments, chosen):
    value = expected_recovery(payments, D(1000), None, AS_OF, chosen)
    assert D(0) <= value.present_value <= value.scheduled
    assert value.present_value == value.from_payments + value.from_collection
    assert value.from_payments >= 0 and value.from_collection >= 0


@settings(max_examples=150, deadline=None)
@given(plans(), assumptions(), cost_rates, cost_rates)
def test_a_lower_cost_of_funds_never_lowers_the_value(payments, chosen, low, high):
    low, high = sorted((low, high))
    cheaper = chosen.model_copy(update={"cost_of_funds": low})
    dearer = chosen.model_copy(update={"cost_of_funds": high})
    assert (
        expected_recovery(payments, D(1000), None, AS_OF, cheaper).present_value
        >= expected_recovery(payments, D(1000), None, AS_OF, dearer).present_value
    )


@settings(max_examples=150, deadline=None)
@given(plans(), assumptions(), fractions, fractions)
def test_without_cost_of_funds_a_higher_break_chance_never_raises_the_value(
    payments, chosen, low, high
):
    low, high = sorted((low, high))
    base = chosen.model_copy(update={"cost_of_funds": D(0)})
    safer = base.model_copy(update={"break_chance": low})
    riskier = base.model_copy(update={"break_chance": high})
    assert (
        expected_recovery(payments, D(1000), None, AS_OF, riskier).present_value
        <= expected_recovery(payments, D(1000), None, AS_OF, safer).present_value
    )


def keeping_outweighs_sooner_collection(
    payments: list[tuple[date, Decimal]], chosen: RecoveryAssumptions
) -> bool:
    """The module's condition for a higher break chance never to raise the value:
    a_i·(v(t_i) − k·v(t_i + D)) ≥ k·(v(t_i + D) − v(t_(i+1) + D))·R_(i+1) for every payment."""
    totals: dict[date, Decimal] = {}
    for day, amount in payments:
        totals[day] = totals.get(day, D(0)) + amount
    dated = sorted((day, amount) for day, amount in totals.items() if amount > 0)
    growth = 1 + chosen.cost_of_funds / 12
    k = chosen.after_break_share * (1 - chosen.after_break_cost)
    delay = chosen.after_break_delay_months

    def v(months: Decimal) -> Decimal:
        return 1 / growth**months

    offsets = [month_offset(AS_OF, day) for day, _ in dated]
    rest = sum((amount for _, amount in dated), D(0))
    for i, (_, amount) in enumerate(dated):
        rest -= amount
        later = v(offsets[i + 1] + delay) if i + 1 < len(dated) else D(0)
        kept_over_collected = amount * (v(offsets[i]) - k * v(offsets[i] + delay))
        if kept_over_collected < k * (v(offsets[i] + delay) - later) * rest:
            return False
    return True


@settings(max_examples=150, deadline=None)
@given(plans(), assumptions(), fractions, fractions)
def test_a_higher_break_chance_never_raises_the_value_when_keeping_outweighs(
    payments, chosen, low, high
):
    assume(keeping_outweighs_sooner_collection(payments, chosen))
    low, high = sorted((low, high))
    safer = chosen.model_copy(update={"break_chance": low})
    riskier = chosen.model_copy(update={"break_chance": high})
    assert (
        expected_recovery(payments, D(1000), None, AS_OF, riskier).present_value
        <= expected_recovery(payments, D(1000), None, AS_OF, safer).present_value
    )


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=1, max_value=600),
    st.integers(min_value=1, max_value=10_000_000).map(lambda fen: D(fen) / 100),
    fractions,
    fractions,
)
def test_with_the_defaults_a_higher_break_chance_never_raises_a_level_plans_value(
    months, payment, low, high
):
    payments = monthly(*([payment] * months))
    assert keeping_outweighs_sooner_collection(payments, at())
    low, high = sorted((low, high))
    assert (
        expected_recovery(payments, D(1000), None, AS_OF, at(break_chance=high)).present_value
        <= expected_recovery(payments, D(1000), None, AS_OF, at(break_chance=low)).present_value
    )


def test_a_break_noticed_early_can_be_worth_more_than_a_plan_kept():
    # A cent tomorrow, then 819.12 forty months on. A certain break is noticed tomorrow and
    # 0.255 × 819.13 collected 12 months later: 208.8782 / (1 + 1/300)^(12 + 1/31) = 200.68;
    # at 50 % a month it is mostly noticed forty months on, and worth less.
    payments = [(date(2026, 1, 2), D("0.01")), (date(2029, 5, 26), D("819.12"))]
    assert not keeping_outweighs_sooner_collection(payments, at())
    half = expected_recovery(payments, D(1000), None, AS_OF, at(break_chance="0.5"))
    certain = expected_recovery(payments, D(1000), None, AS_OF, at(break_chance=1))
    assert (half.present_value, certain.present_value) == (D("175.79"), D("200.68"))


def test_a_quick_full_collection_at_a_high_cost_of_funds_can_make_a_break_worth_more():
    # The stated limit of the monotony: everything collected at once, at 50 % a year, brings
    # 60 × 100 / (1 + 0.5/12) = 5,760 at a certain break against an annuity of 2,192.75 kept
    # (100 × (1 − 1.041667⁻⁶⁰) / 0.041667).
    payments = monthly(*([100] * 60))
    fast = {"cost_of_funds": D("0.5"), "after_break_share": 1, "after_break_cost": 0}
    kept = expected_recovery(payments, D(6000), None, AS_OF, at(**fast, break_chance=0))
    broken = expected_recovery(
        payments, D(6000), None, AS_OF, at(**fast, break_chance=1, after_break_delay_months=0)
    )
    assert (kept.present_value, broken.present_value) == (D("2192.75"), D("5760.00"))
