"""The demo case: a consenting client, four kinds of lender, a budget, all dated from as_of."""

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest

from core.affordability import CostCategory
from core.clients import ConsentScope
from core.debts import LenderType
from core.examples import example_case
from core.rates import QuoteKind
from core.schedules import Method

AS_OF = date(2025, 3, 10)


@pytest.fixture
def case():
    return example_case(AS_OF)


def by_type(case, lender_type):
    return [account.debt for account in case.debts if account.debt.lender_type is lender_type]


def test_the_client_consented_to_keeping_personal_data_before_as_of(case):
    consent = case.client.consent
    assert consent.covers(ConsentScope.STORE_PERSONAL_DATA)
    assert consent.given_on == AS_OF - timedelta(days=7)
    assert case.client.mobile == "13800138000"
    assert case.client.id_number == "320582198706144536"


def test_the_case_has_an_online_loan_a_card_a_consumer_finance_loan_and_a_bank_loan(case):
    assert [a.debt.lender_type for a in case.debts] == [
        LenderType.ONLINE_PLATFORM,
        LenderType.BANK_CREDIT_CARD,
        LenderType.CONSUMER_FINANCE,
        LenderType.BANK_LOAN,
    ]
    assert all(a.contract_number for a in case.debts)
    assert all(a.official_channels for a in case.debts)


def test_the_online_loan_is_overdue_with_accrued_penalties(case):
    (loan,) = by_type(case, LenderType.ONLINE_PLATFORM)
    assert loan.overdue_amount == Decimal("1450.00")
    assert loan.days_overdue == 45
    assert loan.accrued_interest_and_penalties == Decimal("386.40")
    # 0.065 % a day on a 365-day year: 0.00065 × 365 = 0.23725
    assert loan.annual_rate == Decimal("0.23725")


def test_the_consumer_finance_loan_is_quoted_as_a_monthly_fee(case):
    (loan,) = by_type(case, LenderType.CONSUMER_FINANCE)
    assert (loan.rate_kind, loan.method) == (QuoteKind.MONTHLY_FEE, Method.FLAT_FEE)
    # 9,000 / 15 = 600.00 of principal + 9,000 × 0.68 % = 61.20 of fee
    assert loan.monthly_demand == Decimal("661.20")


def test_the_card_installment_pays_the_level_payment_at_eighteen_percent(case):
    (card,) = by_type(case, LenderType.BANK_CREDIT_CARD)
    # independent level payment: P·r / (1 − (1+r)^−n), r = 0.05 % × 360 / 12 = 1.5 %
    r, n, principal = Decimal("0.015"), 12, Decimal("15200")
    level = (principal * r / (1 - (1 + r) ** -n)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    assert card.monthly_demand == level == Decimal("1393.54")


def test_the_budget_leaves_eight_hundred_a_month(case):
    # income 3,600 + 400 = 4,000; costs 1,200 + 1,100 + 200 + 250 + 150 + 300 = 3,200
    assert case.budget.net_income == Decimal("4000")
    assert case.budget.essential_total == Decimal("3200")
    assert case.budget.living_floor == Decimal("2200")  # 1,100 × 2 people
    assert case.budget.capacity == Decimal("800.00")
    assert CostCategory.HOUSING in case.budget.essential_costs


@pytest.mark.parametrize("as_of", [date(2024, 1, 31), date(2025, 3, 10), date(2030, 12, 31)])
def test_dates_follow_as_of(as_of):
    case = example_case(as_of)
    assert case.budget_from == as_of
    for account in case.debts:
        assert account.debt.contract_date < as_of < account.debt.next_due_date
        assert account.debt.next_due_date <= as_of + timedelta(days=31)
    assert case.client.consent.given_on < as_of


def test_the_same_day_gives_the_same_case():
    assert example_case(AS_OF) == example_case(AS_OF)
