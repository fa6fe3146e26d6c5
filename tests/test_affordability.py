from datetime import date
from decimal import Decimal

import pytest

from core.affordability import (
    AffordabilityStatus,
    Budget,
    CostCategory,
    assess_affordability,
    living_floor_for,
)
from core.debts import Debt
from core.reasons import describe

D = Decimal
AS_OF = date(2026, 3, 15)


def seed_budget(**changes) -> Budget:
    """The seed's household: 4,000 a month of income, 800 of it available for debts."""
    fields = dict(
        incomes=[{"label": "salary", "amount": "4000"}],
        essential_costs={
            CostCategory.HOUSING: "1200",
            CostCategory.FOOD: "1500",
            CostCategory.TRANSPORT: "300",
            CostCategory.UTILITIES: "200",
        },
    )
    return Budget(**{**fields, **changes})


def level_debt(principal="12000", rate="0", months=24, **changes) -> Debt:
    return Debt(
        creditor="来分期",
        outstanding_principal=principal,
        rate_quote=rate,
        remaining_months=months,
        **changes,
    )


# --- capacity -------------------------------------------------------------------------------


def test_the_seed_household_has_800_a_month_for_its_debts():
    budget = seed_budget()
    # 4,000 − (1,200 + 1,500 + 300 + 200) = 800.
    assert (budget.net_income, budget.essential_total, budget.capacity) == (
        D("4000"),
        D("3200"),
        D("800"),
    )


@pytest.mark.parametrize(
    ("income", "costs", "floor", "buffer", "capacity"),
    [
        # max(essential, floor) is protected, then the buffer:
        ("5000", "2000", "3000", "200", "1800"),  # 5,000 − 3,000 − 200
        ("5000", "3500", "3000", "200", "1300"),  # 5,000 − 3,500 − 200
        ("5000", "3500", "0", "0", "1500"),
        ("1000", "2000", "0", "0", "0"),  # never negative
        ("3000", "2900", "0", "500", "0"),
    ],
)
def test_capacity_is_income_less_the_larger_of_costs_and_floor_less_the_buffer(
    income, costs, floor, buffer, capacity
):
    budget = Budget(
        incomes=[income],
        essential_costs={CostCategory.OTHER: costs},
        living_floor=floor,
        buffer=buffer,
    )
    assert budget.capacity == D(capacity)


def test_the_living_floor_is_the_local_standard_times_the_household():
    assert living_floor_for("1000", 3) == D("3000")


def test_income_items_add_up_and_plain_amounts_are_accepted():
    budget = Budget(incomes=["3000.50", {"label": "pension", "amount": 999.5}])
    assert budget.net_income == D("4000.00")


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"incomes": ["-1"]}, "amount"),
        ({"essential_costs": {"food": "x"}}, "food"),
        ({"essential_costs": {"luxury": "1"}}, "essential_costs"),
        ({"household_size": 0}, "household_size"),
        ({"buffer": "-5"}, "buffer"),
    ],
)
def test_bad_budget_input_names_its_field(changes, field):
    with pytest.raises(ValueError, match=field):
        seed_budget(**changes)


def test_a_budget_round_trips_through_json_for_the_store():
    budget = seed_budget(id=3, household_size=2, living_floor="1600", buffer="100")
    assert Budget.model_validate_json(budget.model_dump_json()) == budget


# --- the assessment --------------------------------------------------------------------------


def test_the_seed_case_is_affordable_with_300_to_spare():
    result = assess_affordability(seed_budget(), [level_debt()], AS_OF)
    # 12,000 / 24 = 500.00 a month; 500 / 4,000 = 12.5 %.
    assert result.monthly_demand == D("500.00")
    assert result.spare == D("300.00")
    assert result.shortfall == 0
    assert result.debt_service_ratio == D("0.125")
    assert result.status is AffordabilityStatus.AFFORDABLE
    assert [r.code for r in result.reasons] == ["within_capacity"]


def test_a_demand_close_to_the_capacity_is_stretched():
    # 12,000 at 18 % over 18 months: 765.67, above 90 % of 800 (720).
    result = assess_affordability(seed_budget(), [level_debt(rate="0.18", months=18)], AS_OF)
    assert result.status is AffordabilityStatus.STRETCHED
    assert result.spare == D("34.33")
    assert [r.code for r in result.reasons] == ["little_headroom"]


def test_a_demand_above_the_capacity_is_unaffordable_by_the_shortfall():
    debts = [level_debt(), level_debt(principal="6000", months=12)]
    result = assess_affordability(seed_budget(), debts, AS_OF)
    # 500.00 + 6,000 / 12 = 1,000.00 against 800: 200.00 short.
    assert result.monthly_demand == D("1000.00")
    assert result.shortfall == D("200.00")
    assert result.status is AffordabilityStatus.UNAFFORDABLE
    assert result.reasons[0].code == "demand_above_capacity"


def test_a_high_debt_service_ratio_is_stretched_even_within_capacity():
    budget = Budget(incomes=["4000"])
    result = assess_affordability(budget, [level_debt(principal="2400", months=1)], AS_OF)
    # 2,400 / 4,000 = 60 % > 50 %; 2,400 ≤ 90 % of 4,000.
    assert result.debt_service_ratio == D("0.6")
    assert result.status is AffordabilityStatus.STRETCHED
    assert [r.code for r in result.reasons] == ["dsr_above"]


def test_the_thresholds_are_parameters():
    budget = Budget(incomes=["4000"])
    debts = [level_debt(principal="2400", months=1)]
    result = assess_affordability(budget, debts, AS_OF, dsr_limit="0.7", headroom="0")
    assert result.status is AffordabilityStatus.AFFORDABLE


def test_overdue_amounts_count_in_this_months_demand():
    debt = level_debt(
        principal="3000",
        rate="0.12",
        months=3,
        overdue_amount="1000",
        accrued_interest_and_penalties="90",
        penalty_rate="0.18",
        other_monthly_charges="10",
    )
    result = assess_affordability(seed_budget(), [debt], AS_OF)
    # The first payment of the baseline worked in test_debts: 1,795.04.
    assert result.monthly_demand == D("1795.04")
    assert result.shortfall == D("995.04")


def test_without_income_there_is_no_ratio_and_any_demand_is_unaffordable():
    result = assess_affordability(Budget(), [level_debt()], AS_OF)
    assert result.debt_service_ratio is None
    assert result.status is AffordabilityStatus.UNAFFORDABLE


def test_no_debts_is_affordable():
    result = assess_affordability(seed_budget(), [], AS_OF)
    assert result.monthly_demand == 0
    assert result.status is AffordabilityStatus.AFFORDABLE


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "This month the contracts demand ¥1,000.00, above the ¥800.00 available a month: "
            "¥200.00 short.",
        ),
        ("zh-CN", "本月合同应还 ¥1,000.00，超出每月可还款额 ¥800.00，缺口 ¥200.00。"),
    ],
)
def test_the_reasons_are_worded_in_both_languages(language, text):
    debts = [level_debt(), level_debt(principal="6000", months=12)]
    result = assess_affordability(seed_budget(), debts, AS_OF)
    assert describe(result.reasons[0], language) == text


# --- the regular installment beside this month's ---------------------------------------------


def guide_debt() -> Debt:
    """The guide's case: 来分期, 12,000 at 18 % over 12 months, 900 overdue for 30 days,
    1,500 of interest and penalties accrued, penalty rate 27 %."""
    return Debt(
        creditor="来分期",
        outstanding_principal="12000",
        overdue_amount="900",
        days_overdue=30,
        accrued_interest_and_penalties="1500",
        penalty_rate="0.27",
        rate_quote="0.18",
        remaining_months=12,
    )


def test_the_guide_case_is_short_this_month_and_on_the_regular_installment():
    """Issue 17: only this month's total (arrears included) was assessed; the usual installment
    and its gap were never shown (failed before: no regular_demand)."""
    result = assess_affordability(seed_budget(), [guide_debt()], AS_OF)
    assert result.capacity == D("800")
    assert (result.monthly_demand, result.shortfall, result.spare) == (
        D("3437.90"),
        D("2637.90"),
        D("0"),
    )
    assert (result.regular_demand, result.regular_shortfall, result.regular_spare) == (
        D("1017.65"),
        D("217.65"),
        D("0"),
    )


def test_without_arrears_the_regular_demand_is_this_months_and_what_is_left_is_spare():
    result = assess_affordability(seed_budget(), [level_debt()], AS_OF)
    assert result.regular_demand == result.monthly_demand == D("500.00")
    assert (result.regular_shortfall, result.regular_spare) == (D("0"), D("300.00"))


def test_no_debts_demand_nothing_regularly_either():
    result = assess_affordability(seed_budget(), [], AS_OF)
    assert (result.regular_demand, result.regular_shortfall, result.regular_spare) == (
        D("0"),
        D("0"),
        D("800"),
    )
