from datetime import date
from decimal import Decimal

import numpy_financial as npf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.debts import Debt, LenderType
from core.proposals import (
    PROPOSAL_ADAPTER,
    Baseline,
    Combination,
    DownPayment,
    InterestWaiver,
    LumpSumSettlement,
    PrincipalFirst,
    ProposalKind,
    StopInterest,
    TermExtension,
    compare_proposals,
    evaluate_proposal,
    grid_period,
    minimum_payment_plan,
    parse_proposal,
)
from core.reasons import describe
from tests.strategies import debts, proposal_sets, shares

D = Decimal
AS_OF = date(2026, 3, 15)


def overdue_debt(**changes) -> Debt:
    """3,000 owed at 12 % with 3 months left, 1,000 overdue, 90 accrued, 罚息 18 %, 10 a month.

    Its baseline (worked in test_debts): 1,795.04, 690.04, 690.05 — 3,175.13 in all.
    """
    fields = dict(
        creditor="某消费金融",
        lender_type=LenderType.CONSUMER_FINANCE,
        outstanding_principal="3000",
        overdue_amount="1000",
        accrued_interest_and_penalties="90",
        penalty_rate="0.18",
        rate_quote="0.12",
        remaining_months=3,
        other_monthly_charges="10",
    )
    return Debt(**{**fields, **changes})


def seed_debt(**changes) -> Debt:
    """The seed's case: 12,000 remaining, interest-free, over 24 months."""
    return Debt(
        creditor="来分期",
        lender_type=LenderType.ONLINE_PLATFORM,
        outstanding_principal="12000",
        rate_quote="0",
        remaining_months=24,
        **changes,
    )


def payments(result) -> list[Decimal]:
    return [row.payment for row in result.plan.rows]


def irr_annual(flows) -> float:
    return float(npf.irr([float(f) for f in flows])) * 12


# --- the seed's case -----------------------------------------------------------------------


def test_the_seed_case_pays_500_a_month_within_its_800():
    result = evaluate_proposal(seed_debt(), TermExtension(months=24), "800", AS_OF)
    # 12,000 / 24 = 500.00 exactly, every month.
    assert payments(result) == [D("500.00")] * 24
    assert (result.first_payment, result.highest_payment) == (D("500.00"), D("500.00"))
    assert result.total_paid == D("12000.00")
    assert result.total_cost == 0
    assert result.affordable
    assert result.margin == D("300.00")
    assert result.annualized_rate == 0
    assert describe(result.reasons[0], "en") == (
        "The highest payment, ¥500.00, fits the ¥800.00 available, leaving ¥300.00."
    )


# --- the minimum plan ----------------------------------------------------------------------


def test_the_minimum_plan_for_12000_at_18_percent_with_800_is_18_months_at_765_67():
    debt = Debt(creditor="A", outstanding_principal=12000, rate_quote="0.18", remaining_months=12)
    plan = minimum_payment_plan(debt, "800", AS_OF)
    # r = 1.5 %: 12,000 r / (1 − 1.015^−n) is 804.96 at n = 17 (> 800) and 765.67 at n = 18.
    # Every payment of the 18-month schedule is 765.67 (the last too).
    assert (plan.fits, plan.months, plan.payment) == (True, 18, D("765.67"))
    assert plan.result.months == 18
    # At 60 months the level payment is 304.72; rounding leaves 304.82 for the last one.
    assert (plan.longest_months, plan.longest_payment) == (60, D("304.82"))
    assert plan.needed_capacity is None


def test_when_no_term_fits_the_minimum_plan_says_what_capacity_is_needed():
    debt = Debt(creditor="A", outstanding_principal=12000, rate_quote="0.18", remaining_months=12)
    plan = minimum_payment_plan(debt, "300", AS_OF)
    assert (plan.fits, plan.months, plan.payment, plan.result) == (False, None, None, None)
    assert plan.needed_capacity == D("304.82")
    assert describe(plan.reasons[0], "en") == (
        "Over the longest term, 60 months, each payment is ¥304.82: at least ¥304.82 a month "
        "is needed."
    )


@pytest.mark.parametrize(
    ("capacity", "months", "payment"),
    [
        ("800", 15, D("800.00")),  # 12,000 / 15 = 800.00 exactly
        ("799.99", 16, D("750.00")),  # 12,000 / 16
        ("12000", 1, D("12000.00")),
        ("200", 60, D("200.00")),  # 12,000 / 60
    ],
)
def test_the_minimum_plan_at_zero_rate_is_the_smallest_whole_term(capacity, months, payment):
    plan = minimum_payment_plan(seed_debt(), capacity, AS_OF)
    assert (plan.months, plan.payment) == (months, payment)


def test_the_longest_term_of_the_minimum_plan_is_a_parameter():
    plan = minimum_payment_plan(seed_debt(), "200", AS_OF, max_months=36)
    # 12,000 / 36 = 333.333… → 333.33; the last of the 36 is 333.45.
    assert plan.fits is False
    assert plan.needed_capacity == D("333.45")


# --- every kind, worked by hand on the overdue debt ------------------------------------------


def test_the_baseline_result_saves_nothing_and_costs_its_interest_and_charges():
    result = evaluate_proposal(overdue_debt(), Baseline(), "800", AS_OF)
    assert payments(result) == [D("1795.04"), D("690.04"), D("690.05")]
    assert result.total_paid == D("3175.13")
    assert result.total_cost == D("175.13")  # 3,175.13 − 3,000
    assert result.saving == 0
    assert not result.affordable
    assert result.margin == D("-995.04")  # 800 − 1,795.04
    expected = irr_annual([3090, -1795.04, -690.04, -690.05])
    assert float(result.annualized_rate) == pytest.approx(expected, abs=1e-10)


def test_a_term_extension_re_schedules_everything_and_spreads_the_accrued_interest():
    result = evaluate_proposal(overdue_debt(), TermExtension(months=6), "800", AS_OF)
    # 3,000 at 1 % over 6: level 3,000 × 0.01 × 1.01⁶ / (1.01⁶ − 1) = 517.645… → 517.65;
    # interest 30.00, 25.12, 20.20, 15.22, 10.20, 5.12; the last payment 517.61.
    # Plus 90 / 6 = 15.00 of accrued and 10.00 of charges a month.
    assert payments(result) == [D("542.65")] * 5 + [D("542.61")]
    assert result.total_paid == D("3255.86")  # 3,000 + 105.86 + 90 + 60
    assert result.saving == D("-80.73")  # 3,175.13 − 3,255.86
    assert result.affordable
    assert result.margin == D("257.35")
    assert [row.due_date for row in result.plan.rows][:2] == [date(2026, 4, 15), date(2026, 5, 15)]
    assert result.plan.rows[-1].balance == 0
    assert [r.code for r in result.reasons] == ["payment_fits", "costs_more_than_baseline"]


def test_an_interest_waiver_of_60_percent_keeps_the_term():
    result = evaluate_proposal(overdue_debt(), InterestWaiver(waiver_share="0.6"), "800", AS_OF)
    # Waived 90 × 60 % = 54.00; the other 36.00 in 3 × 12.00.
    # 3,000 at 1 % over 3: 1,020.07, 1,020.07, 1,020.06 (interest 30.00, 20.10, 10.10).
    assert result.forgiven == D("54.00")
    assert payments(result) == [D("1042.07"), D("1042.07"), D("1042.06")]
    assert result.total_paid == D("3126.20")  # 3,000 + 60.20 + 36 + 30
    assert result.saving == D("48.93")  # 3,175.13 − 3,126.20
    assert not result.affordable


def test_an_interest_waiver_can_lower_the_rate_instead():
    result = evaluate_proposal(overdue_debt(), InterestWaiver(annual_rate="0"), "800", AS_OF)
    # 3,000 / 3 = 1,000 + 90 / 3 = 30 + 10 of charges.
    assert payments(result) == [D("1040.00")] * 3


def test_stop_interest_freezes_principal_and_accrued_into_equal_months():
    proposal = StopInterest(months=12)
    result = evaluate_proposal(overdue_debt(), proposal, "800", AS_OF)
    # (3,000 + 90) / 12 = 257.50 exactly; no interest, charges stop.
    assert payments(result) == [D("257.50")] * 12
    assert result.total_paid == D("3090.00")
    assert result.saving == D("85.13")
    # The first payments clear the accrued 90 before principal (Civil Code art. 561).
    first = result.plan.rows[0]
    assert (first.arrears, first.principal) == (D("90"), D("167.50"))


def test_stop_interest_with_a_reduced_fee_charges_it_on_the_frozen_amount():
    result = evaluate_proposal(
        overdue_debt(), StopInterest(months=12, monthly_fee_rate="0.005"), "800", AS_OF
    )
    # 3,090 × 0.5 % = 15.45 a month on top of 257.50.
    assert payments(result) == [D("272.95")] * 12
    assert result.total_paid == D("3275.40")


def test_stop_interest_spreads_an_uneven_amount_with_the_rest_in_the_last_month():
    debt = overdue_debt(outstanding_principal="12345.67", overdue_amount="0")
    result = evaluate_proposal(debt, StopInterest(months=24, waiver_share="1"), "800", AS_OF)
    # 12,345.67 / 24 = 514.402… → 514.40 × 23 = 11,831.20; the last 514.47.
    assert payments(result) == [D("514.40")] * 23 + [D("514.47")]
    assert result.forgiven == D("90.00")


@pytest.mark.parametrize(
    ("lender", "months", "codes"),
    [
        (LenderType.BANK_CREDIT_CARD, 60, []),
        (LenderType.BANK_CREDIT_CARD, 72, ["card_installment_limit"]),
        (LenderType.ONLINE_PLATFORM, 36, ["case_by_case_term"]),
    ],
)
def test_stop_interest_terms_are_checked_against_what_lenders_grant(lender, months, codes):
    result = evaluate_proposal(
        overdue_debt(lender_type=lender), StopInterest(months=months), "800", AS_OF
    )
    found = [
        r.code for r in result.reasons if r.code in {"card_installment_limit", "case_by_case_term"}
    ]
    assert found == codes


def test_principal_first_repays_the_principal_then_what_is_left_of_the_interest():
    proposal = PrincipalFirst(months=4, waiver_share="0.6")
    result = evaluate_proposal(overdue_debt(), proposal, "800", AS_OF)
    # 3,000 / 4 = 750.00 × 4, then 90 − 54 = 36.00; no new interest, no charges.
    assert payments(result) == [D("750.00")] * 4 + [D("36.00")]
    assert result.months == 5
    assert result.total_paid == D("3036.00")
    assert result.saving == D("139.13")  # 3,175.13 − 3,036
    assert result.affordable


def test_principal_first_can_spread_the_interest_over_several_months():
    proposal = PrincipalFirst(months=3, interest_months=2)
    result = evaluate_proposal(overdue_debt(), proposal, "800", AS_OF)
    assert payments(result) == [D("1000.00")] * 3 + [D("45.00")] * 2


def test_a_down_payment_clears_the_accrued_interest_first_and_the_rest_is_scheduled():
    result = evaluate_proposal(overdue_debt(), DownPayment(amount="590", months=5), "600", AS_OF)
    # 590 now: 90 of accrued, 500 of principal. 2,500 at 1 % over 5:
    # level 2,500 × 0.01 × 1.01⁵ / (1.01⁵ − 1) = 515.099… → 515.10, interest 25.00, 20.10,
    # 15.15, 10.15, 5.10 (the last also 515.10), plus 10.00 of charges.
    assert payments(result) == [D("590")] + [D("525.10")] * 5
    first = result.plan.rows[0]
    assert (first.period, first.due_date, first.arrears, first.principal) == (
        0,
        AS_OF,
        D("90"),
        D("500"),
    )
    assert result.total_paid == D("3215.50")
    assert result.first_payment == D("590")
    assert result.margin == D("10")  # 600 − 590 today
    expected = irr_annual([3090 - 590] + [-525.10] * 5)
    assert float(result.annualized_rate) == pytest.approx(expected, abs=1e-10)


def test_a_down_payment_today_may_use_money_available_now():
    proposal = DownPayment(amount="2000", months=5)
    short = evaluate_proposal(overdue_debt(), proposal, "600", AS_OF)
    funded = evaluate_proposal(overdue_debt(), proposal, "600", AS_OF, available_now="1500")
    assert (short.affordable, funded.affordable) == (False, True)


def test_a_down_payment_above_what_is_owed_is_refused_naming_the_amount():
    with pytest.raises(ValueError, match="amount"):
        evaluate_proposal(overdue_debt(), DownPayment(amount="3090.01", months=5), "600", AS_OF)


def test_a_settlement_paid_today_has_no_rate_and_forgives_the_rest():
    proposal = LumpSumSettlement(parts=[{"amount": "2000", "due_date": AS_OF}])
    result = evaluate_proposal(overdue_debt(), proposal, "800", AS_OF, available_now="2000")
    assert result.annualized_rate is None  # shown as "—"
    assert result.months == 0
    assert result.total_cost == D("-1000")
    assert result.forgiven == D("1090")
    assert result.saving == D("1175.13")
    assert result.affordable


def test_a_deep_settlement_has_a_negative_rate():
    proposal = LumpSumSettlement(parts=[{"amount": "1545", "due_date": date(2026, 4, 15)}])
    result = evaluate_proposal(overdue_debt(), proposal, "2000", AS_OF)
    # Paying half of the 3,090 owed a month later: (1,545 / 3,090 − 1) × 12 = −6.
    assert result.annualized_rate == D("-6")


def test_a_settlement_in_two_parts_is_placed_on_its_months():
    proposal = LumpSumSettlement(
        parts=[
            {"amount": "1000", "due_date": date(2026, 4, 14)},
            {"amount": "1000", "due_date": date(2026, 5, 20)},
        ]
    )
    result = evaluate_proposal(overdue_debt(), proposal, "1000", AS_OF)
    assert [row.period for row in result.plan.rows] == [1, 2]
    assert [row.balance for row in result.plan.rows] == [D("1000"), D("0")]
    # 3,090 = 1,000 v + 1,000 v² → v = (−1 + √13.36) / 2, rate = (1/v − 1) × 12.
    v = (-1 + 13.36**0.5) / 2
    assert float(result.annualized_rate) == pytest.approx((1 / v - 1) * 12, abs=1e-10)


def test_a_settlement_dated_before_the_plan_is_refused_naming_the_part():
    proposal = LumpSumSettlement(parts=[{"amount": "1000", "due_date": date(2026, 3, 1)}])
    with pytest.raises(ValueError, match=r"parts\[0\]\.due_date"):
        evaluate_proposal(overdue_debt(), proposal, "1000", AS_OF)


def test_settlement_parts_must_be_one_to_three_in_date_order():
    part = {"amount": "100", "due_date": AS_OF}
    with pytest.raises(ValueError, match="parts"):
        LumpSumSettlement(parts=[part] * 4)
    with pytest.raises(ValueError, match="parts"):
        LumpSumSettlement(parts=[])
    with pytest.raises(ValueError, match="parts"):
        LumpSumSettlement(parts=[{"amount": "1", "due_date": date(2026, 5, 1)}, part])


def test_a_combination_extends_and_waives_together():
    proposal = Combination(months=6, waiver_share="1", annual_rate="0")
    result = evaluate_proposal(overdue_debt(), proposal, "800", AS_OF)
    # 3,000 / 6 = 500 + 10 of charges; all 90 accrued waived.
    assert payments(result) == [D("510.00")] * 6
    assert result.total_paid == D("3060.00")
    assert result.forgiven == D("90.00")


def test_a_new_rate_on_a_flat_fee_debt_replaces_the_fee():
    debt = Debt(
        creditor="Card",
        lender_type=LenderType.BANK_CREDIT_CARD,
        outstanding_principal="1200",
        rate_quote="0.006",
        rate_kind="monthly_fee",
        method="flat_fee",
        remaining_months=12,
    )
    kept = evaluate_proposal(debt, TermExtension(months=12), "800", AS_OF)
    replaced = evaluate_proposal(debt, Combination(months=12, annual_rate="0"), "800", AS_OF)
    assert payments(kept)[0] == D("107.20")  # 100 + 1,200 × 0.6 %
    assert payments(replaced) == [D("100.00")] * 12


@pytest.mark.parametrize(
    ("as_of", "due", "period"),
    [
        (date(2026, 3, 15), date(2026, 3, 15), 0),
        (date(2026, 3, 15), date(2026, 3, 29), 0),  # 14 days: nearer today than 4-15
        (date(2026, 3, 15), date(2026, 3, 31), 1),
        (date(2026, 3, 15), date(2026, 4, 30), 1),  # 15 days after 4-15, 15 before 5-15: earlier
        (date(2026, 1, 31), date(2026, 2, 28), 1),
        (date(2026, 3, 15), date(2027, 3, 15), 12),
    ],
)
def test_a_date_falls_on_the_nearest_month_of_the_grid(as_of, due, period):
    assert grid_period(as_of, due) == period


# --- comparing and recommending ------------------------------------------------------------


def test_the_cheapest_affordable_proposal_is_recommended():
    proposals = [
        Baseline(),
        TermExtension(months=6),
        StopInterest(months=12),
        PrincipalFirst(months=4, waiver_share="0.6"),
        InterestWaiver(waiver_share="0.6"),
    ]
    comparison = compare_proposals(overdue_debt(), proposals, "800", AS_OF)
    # Affordable: extension 3,255.86, stop-interest 3,090.00, principal-first 3,036.00.
    assert [r.affordable for r in comparison.results] == [False, True, True, True, False]
    assert comparison.recommended == 3
    # Principal first with a waiver needs the lender to give something up.
    assert comparison.reason.code == "cheapest_affordable_if_agreed"
    assert comparison.minimum_plan is not None  # a row of the table, compared too
    assert describe(comparison.reason, "zh-CN") == (
        "如果机构同意，这是还得起的方案中总还款额最低的（¥3,036.00）。"
    )


def test_when_nothing_is_affordable_the_minimum_plan_is_recommended():
    comparison = compare_proposals(
        overdue_debt(), [Baseline(), TermExtension(months=3)], "300", AS_OF
    )
    assert comparison.recommended == 2  # the minimum plan, after the two listed rows
    assert comparison.recommends_minimum
    assert comparison.reason.code == "none_affordable_minimum_plan"
    # Extension over n months pays about (3,000 + interest + 90) / n + 10; the payments
    # fall below 300 first at n = 12. n = 11: level 3,000 × 0.01 × 1.01¹¹ / (1.01¹¹ − 1)
    # = 289.36, + 90 / 11 = 8.18 + 10 → 307.54 > 300; n = 12: 266.55 + 7.50 + 10 = 284.05.
    assert comparison.minimum_plan.months == 12
    assert comparison.minimum_plan.payment == D("284.05")


def test_the_savings_are_against_the_baseline_even_when_it_is_not_listed():
    comparison = compare_proposals(overdue_debt(), [StopInterest(months=12)], "800", AS_OF)
    assert comparison.results[0].saving == D("85.13")


def test_an_empty_comparison_falls_back_to_the_minimum_plan():
    comparison = compare_proposals(seed_debt(), [], "800", AS_OF)
    assert comparison.results == ()
    assert comparison.minimum_plan.months == 15
    assert comparison.best is comparison.minimum_plan.result


def test_when_not_even_the_minimum_plan_fits_nothing_is_recommended():
    comparison = compare_proposals(seed_debt(), [TermExtension(months=24)], "100", AS_OF)
    assert comparison.recommended is None
    assert comparison.reason.code == "nothing_fits"


# --- issue 16: the guide's case -------------------------------------------------------------


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


def test_guide_case_extension_24_months_pays_661_59():
    result = evaluate_proposal(guide_debt(), TermExtension(months=24), "800", AS_OF)
    assert result.highest_payment == D("661.59")
    assert result.total_paid == D("15878.14")
    assert result.owed == D("13500")
    assert result.cost_beyond_owed == D("2378.14")
    assert result.rate_on_owed.quantize(D("0.0001")) == D("0.1609")


def test_guide_case_minimum_plan_is_recommended_over_the_extension_it_undercuts():
    """Issue 16: the extension was recommended as "the lowest total among affordable plans"
    while the affordable minimum plan in the same table repaid less."""
    proposals = [Baseline(), TermExtension(months=24), InterestWaiver(waiver_share="0.6")]
    comparison = compare_proposals(guide_debt(), proposals, "800", AS_OF)
    assert comparison.recommends_minimum
    best = comparison.best
    assert (best.months, best.highest_payment, best.total_paid) == (
        20,
        D("773.95"),
        D("15478.99"),
    )
    assert comparison.reason.code == "cheapest_affordable"
    assert comparison.reason.params["total"] == D("15478.99")
    assert comparison.results[1].total_paid == D("15878.14")


def test_guide_case_stop_interest_with_waiver_is_a_waiver_not_a_negative_rate():
    """Issue 16: 停息挂账 with the 60 % waiver showed −6.54 % as its "true annual rate"."""
    result = evaluate_proposal(
        guide_debt(), StopInterest(months=24, waiver_share="0.6"), "800", AS_OF
    )
    assert set(payments(result)) == {D("525.00")}
    assert result.total_paid == D("12600.00")
    assert result.annualized_rate < 0  # what the old column showed
    assert result.rate_on_owed is None
    assert result.waived_of_owed == D("900.00")
    assert f"{result.waived_share:.4f}" == "0.0667"
    assert result.needs_consent
    assert any(r.code == "repays_less_than_owed" for r in result.reasons)


def test_guide_case_stop_interest_is_recommended_only_if_the_lender_agrees():
    proposals = [
        Baseline(),
        TermExtension(months=24),
        InterestWaiver(waiver_share="0.6"),
        StopInterest(months=24, waiver_share="0.6"),
    ]
    comparison = compare_proposals(guide_debt(), proposals, "800", AS_OF)
    assert comparison.recommended == 3
    assert comparison.reason.code == "cheapest_affordable_if_agreed"
    assert describe(comparison.reason, "en").startswith("If the lender agrees")


def test_a_settlement_below_what_is_owed_has_no_rate_but_a_waiver():
    """Issue 16: a settlement showed −480.00 % as its rate."""
    settlement = LumpSumSettlement(parts=[{"amount": "8100", "due_date": date(2026, 4, 15)}])
    result = evaluate_proposal(guide_debt(), settlement, "800", AS_OF)
    assert result.rate_on_owed is None
    assert result.waived_of_owed == D("5400.00")
    assert result.waived_share == D("0.4")


# --- stored as data --------------------------------------------------------------------------

EVERY_KIND = [
    Baseline(label="原合同"),
    TermExtension(months=36),
    InterestWaiver(waiver_share="0.6", annual_rate="0.1"),
    StopInterest(months=60, monthly_fee_rate="0.003"),
    PrincipalFirst(months=24, waiver_share="0.6", interest_months=3),
    DownPayment(amount="1000", months=12),
    LumpSumSettlement(
        parts=[
            {"amount": "3000", "due_date": AS_OF},
            {"amount": "2000", "due_date": date(2026, 6, 1)},
        ]
    ),
    Combination(months=48, waiver_share="0.3"),
]


def test_there_is_a_model_for_every_kind():
    assert {p.kind for p in EVERY_KIND} == set(ProposalKind)


@pytest.mark.parametrize("proposal", EVERY_KIND, ids=lambda p: p.kind.value)
def test_a_proposal_comes_back_from_json_as_the_same_kind(proposal):
    text = PROPOSAL_ADAPTER.dump_json(proposal)
    assert parse_proposal(text) == proposal
    assert parse_proposal(PROPOSAL_ADAPTER.dump_python(proposal, mode="json")) == proposal


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"kind": "term_extension", "months": 0}, "months"),
        ({"kind": "interest_waiver", "waiver_share": "1.2"}, "waiver_share"),
        ({"kind": "interest_waiver"}, "waiver_share"),
        ({"kind": "stop_interest", "months": 12, "monthly_fee_rate": "0.5"}, "monthly_fee_rate"),
        ({"kind": "down_payment", "amount": "0", "months": 3}, "amount"),
        ({"kind": "haircut"}, "kind"),
    ],
)
def test_a_bad_proposal_names_its_field(data, field):
    with pytest.raises(ValueError, match=field):
        parse_proposal(data)


# --- properties ------------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(debt=debts(), low=shares, high=shares, months=st.integers(1, 60))
def test_a_larger_waiver_never_raises_the_total(debt, low, high, months):
    low, high = sorted((low, high))
    for make in (
        lambda s: Combination(months=months, waiver_share=s),
        lambda s: InterestWaiver(waiver_share=s, annual_rate=debt.annual_rate),
        lambda s: StopInterest(months=months, waiver_share=s),
        lambda s: PrincipalFirst(months=months, waiver_share=s),
    ):
        smaller, larger = (evaluate_proposal(debt, make(s), 0, AS_OF) for s in (low, high))
        assert larger.total_paid <= smaller.total_paid


@settings(max_examples=60, deadline=None)
@given(debt=debts(), share=shares)
def test_a_lower_rate_never_raises_the_total(debt, share):
    contract, halved = (
        evaluate_proposal(debt, InterestWaiver(waiver_share=share, annual_rate=rate), 0, AS_OF)
        for rate in (debt.annual_rate, debt.annual_rate / 2)
    )
    assert halved.total_paid <= contract.total_paid


@settings(max_examples=60, deadline=None)
@given(debt=debts(), months=st.integers(1, 59))
def test_a_longer_term_never_raises_the_payment(debt, months):
    shorter, longer = (
        evaluate_proposal(debt, TermExtension(months=n), 0, AS_OF) for n in (months, months + 1)
    )
    assert longer.first_payment <= shorter.first_payment


@settings(max_examples=60, deadline=None)
@given(debt=debts(), months=st.integers(1, 60), share=shares)
def test_every_plan_repays_the_principal_exactly_once(debt, months, share):
    for proposal in (
        TermExtension(months=months),
        StopInterest(months=months, waiver_share=share),
        PrincipalFirst(months=months, waiver_share=share),
        Combination(months=months, waiver_share=share),
    ):
        result = evaluate_proposal(debt, proposal, 0, AS_OF)
        assert result.plan.total_principal == debt.outstanding_principal
        assert result.plan.total_arrears + result.forgiven == debt.accrued_interest_and_penalties
        assert result.plan.rows[-1].balance == 0


def test_the_seed_household_is_recommended_the_24_month_plan_at_500():
    from core.affordability import Budget

    budget = Budget(incomes=["4000"], essential_costs={"food": "2000", "housing": "1200"})
    proposals = [TermExtension(months=12), TermExtension(months=24)]
    comparison = compare_proposals(seed_debt(), proposals, budget.capacity, AS_OF)
    # 12,000 / 12 = 1,000 > 800; 12,000 / 24 = 500 ≤ 800.
    assert [r.affordable for r in comparison.results] == [False, True]
    assert comparison.recommended == 1
    assert comparison.results[1].first_payment == D("500.00")


@pytest.mark.parametrize(("entered", "stored"), [("100.005", D("100.01")), ("590", D("590.00"))])
def test_agreed_payments_are_kept_to_the_fen(entered, stored):
    assert DownPayment(amount=entered, months=2).amount == stored
    part = LumpSumSettlement(parts=[{"amount": entered, "due_date": AS_OF}]).parts[0]
    assert part.amount == stored


def test_an_agreed_payment_below_one_fen_is_refused():
    with pytest.raises(ValueError, match="amount"):
        DownPayment(amount="0.004", months=2)


@settings(max_examples=80, deadline=None)
@given(data=st.data(), debt=debts(), capacity=st.integers(0, 500_000))
def test_the_recommendations_reason_holds_against_the_whole_table(data, debt, capacity):
    """Issue 16: the stated reason of the recommendation is checked against every row of the
    table, the minimum plan included."""
    proposals = data.draw(proposal_sets(debt))
    can_pay = Decimal(capacity) / 100
    comparison = compare_proposals(debt, proposals, can_pay, AS_OF)
    rows = comparison.rows
    code = comparison.reason.code
    if comparison.recommended is None:
        assert code == "nothing_fits"
        assert not any(row.affordable for row in rows)
        return
    best = comparison.best
    assert best.affordable
    # Nothing in the table that fits repays less.
    assert all(best.total_paid <= row.total_paid for row in rows if row.affordable)
    if code == "none_affordable_minimum_plan":
        assert comparison.recommends_minimum
        assert not any(row.affordable for row in comparison.results)
    else:
        assert code in {"cheapest_affordable", "cheapest_affordable_if_agreed"}
        assert comparison.reason.params["total"] == best.total_paid
        assert (code == "cheapest_affordable_if_agreed") == best.needs_consent
    # A plan that repays less than is owed never shows a rate, only the waiver.
    for row in rows:
        if row.total_paid < row.owed:
            assert row.rate_on_owed is None and row.waived_of_owed > 0
        if row.rate_on_owed is not None:
            assert row.rate_on_owed > 0 and row.cost_beyond_owed > 0


# --- each schedule built once (issue 19) ---------------------------------------------------


def _count_schedule_builds(monkeypatch) -> list:
    """Every schedule actually built from here on (caches emptied first), by its terms."""
    import core.schedules
    from core.memo import clear_caches

    clear_caches()
    built = []
    real = core.schedules._build_schedule

    def counting(terms):
        built.append(terms)
        return real(terms)

    monkeypatch.setattr(core.schedules, "_build_schedule", counting)
    return built


def _terms(terms) -> str:
    return terms.model_dump_json()


def test_a_comparison_builds_each_schedule_once(monkeypatch):
    """The baseline is built once (the comparison's and the contract's row), and the minimum
    plan's search reuses the term extension the table already holds (and vice versa)."""
    built = _count_schedule_builds(monkeypatch)
    # 12,000 interest-free over 24 months: at 800 a month the shortest term is 15 months.
    # Given to the fen, so the extension over 24 months has the very terms of the contract.
    debt = seed_debt().model_copy(update={"outstanding_principal": Decimal("12000.00")})
    proposals = [Baseline(), TermExtension(months=24), TermExtension(months=15, label="15")]
    comparison = compare_proposals(debt, proposals, "800", AS_OF)
    assert comparison.minimum_plan.months == 15
    assert comparison.minimum_plan.result.proposal == TermExtension(months=15)
    counted = [_terms(terms) for terms in built]
    assert len(counted) == len(set(counted)), "a schedule was built twice"
    # the contract (24 months, the listed extension's too) and the search: 60, 30, 15 (listed
    # too), 8, 12, 14
    assert sorted(terms.months for terms in built) == [8, 12, 14, 15, 24, 30, 60]


def test_the_same_comparison_again_builds_no_schedule(monkeypatch):
    """The next rerun of a page (a new debt object, equal value) reuses every schedule."""
    built = _count_schedule_builds(monkeypatch)
    proposals = [Baseline(), TermExtension(months=36), StopInterest(months=36)]
    first = compare_proposals(overdue_debt(), proposals, "500", AS_OF)
    count = len(built)
    assert count > 0
    again = compare_proposals(
        Debt.model_validate_json(overdue_debt().model_dump_json()), proposals, "500", AS_OF
    )
    assert len(built) == count
    assert again == first
    assert again.model_dump_json() == first.model_dump_json()


def test_a_new_term_builds_only_the_schedules_of_that_term(monkeypatch):
    """Moving the term slider: the baseline and the minimum plan's search are not redone."""
    built = _count_schedule_builds(monkeypatch)
    debt = overdue_debt()
    compare_proposals(debt, [Baseline(), TermExtension(months=36)], "500", AS_OF)
    before = len(built)
    compare_proposals(debt, [Baseline(), TermExtension(months=37)], "500", AS_OF)
    assert [terms.months for terms in built[before:]] == [37]


@settings(max_examples=40, deadline=None)
@given(data=st.data(), debt=debts(), capacity=st.integers(0, 500_000))
def test_a_cached_comparison_is_the_comparison_computed_afresh(data, debt, capacity):
    """Value-keyed caches change no figure: the same comparison with every cache emptied gives
    the very same result, to the last digit of every Decimal."""
    from core.memo import clear_caches

    proposals = data.draw(proposal_sets(debt))
    can_pay = Decimal(capacity) / 100
    compare_proposals(debt, proposals, can_pay, AS_OF)  # fills the caches
    cached = compare_proposals(Debt.model_validate(debt.model_dump()), proposals, can_pay, AS_OF)
    clear_caches()
    fresh = compare_proposals(debt, proposals, can_pay, AS_OF)
    assert fresh.model_dump_json() == cached.model_dump_json()
