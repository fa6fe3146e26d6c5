from datetime import date
from decimal import Decimal

import numpy_financial as npf
import pytest

from core.debts import Debt, LenderType, RateBasis, baseline_plan
from core.rates import QuoteKind
from core.schedules import Method

D = Decimal
AS_OF = date(2026, 3, 15)


def guide_debt(**changes) -> Debt:
    """The guide's case: 来分期, 12,000 at 18 %, 12 months left, 900 overdue for 30 days,
    1,500 of interest and penalties accrued, penalty rate 27 %."""
    fields = dict(
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
    return Debt(**{**fields, **changes})


def overdue_debt(**changes) -> Debt:
    """3,000 owed at 12 % over 3 months, 1,000 of it overdue, 90 accrued, 罚息 18 %, 10 a month."""
    fields = dict(
        creditor="某消费金融",
        lender_type=LenderType.CONSUMER_FINANCE,
        outstanding_principal="3000",
        overdue_amount="1000",
        days_overdue=35,
        accrued_interest_and_penalties="90",
        penalty_rate="0.18",
        rate_quote="0.12",
        remaining_months=3,
        other_monthly_charges="10",
    )
    return Debt(**{**fields, **changes})


# --- the rate as quoted --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("quote", "kind", "day_basis", "annual"),
    [
        ("0.18", QuoteKind.ANNUAL, None, D("0.18")),
        ("0.015", QuoteKind.MONTHLY, None, D("0.180")),
        # 日息万五 on a 360-day year: 0.0005 × 360 = 0.18; on 365 days 0.1825.
        ("0.0005", QuoteKind.DAILY, 360, D("0.1800")),
        ("0.0005", QuoteKind.DAILY, 365, D("0.1825")),
    ],
)
def test_a_quoted_rate_becomes_the_nominal_annual_rate(quote, kind, day_basis, annual):
    debt = Debt(
        creditor="A",
        outstanding_principal=12000,
        rate_quote=quote,
        rate_kind=kind,
        day_basis=day_basis,
        remaining_months=18,
    )
    assert debt.annual_rate == annual


def test_a_daily_quote_at_18_percent_pays_765_67_over_18_months():
    debt = Debt(
        creditor="A",
        outstanding_principal=12000,
        rate_quote="0.0005",
        rate_kind="daily",
        day_basis=360,
        remaining_months=18,
    )
    # 12,000 × 0.015 × 1.015^18 / (1.015^18 − 1) = 765.67 (see test_proposals for the table).
    assert debt.monthly_demand == D("765.67")
    assert debt.regular_payment == D("765.67")


def test_a_monthly_fee_quote_is_charged_on_the_principal_and_costs_about_13_percent():
    debt = Debt(
        creditor="Card",
        lender_type=LenderType.BANK_CREDIT_CARD,
        outstanding_principal=12000,
        rate_quote="0.006",
        rate_kind=QuoteKind.MONTHLY_FEE,
        method=Method.FLAT_FEE,
        remaining_months=12,
    )
    # 12,000 / 12 = 1,000 of principal + 12,000 × 0.6 % = 72 of fee.
    assert debt.monthly_demand == D("1072.00")
    assert debt.annual_rate == 0
    assert debt.monthly_fee_rate == D("0.006")
    expected = npf.irr([12000] + [-1072] * 12) * 12
    # The quote as presented: 0.6 % × 12 = 7.2 %; what it costs: about 13 %.
    assert debt.quoted_annual_rate == D("0.072")
    assert float(debt.true_annual_rate) == pytest.approx(expected, abs=1e-10)
    # A fee on the original principal: the figure needs the original loan to be exact.
    assert debt.rate_basis is RateBasis.NEEDS_ORIGINAL_LOAN


# --- bad input names its field ------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"rate_quote": "18"}, "rate_quote"),
        ({"rate_quote": "abc"}, "rate_quote"),
        ({"rate_kind": "daily", "rate_quote": "0.0005"}, "day_basis"),
        ({"rate_kind": "monthly_fee", "rate_quote": "0.006"}, "method"),
        ({"method": "flat_fee"}, "rate_kind"),
        ({"creditor": "  "}, "creditor"),
        ({"outstanding_principal": "-1"}, "outstanding_principal"),
        (
            {"outstanding_principal": 0, "accrued_interest_and_penalties": 0},
            "outstanding_principal",
        ),
        ({"days_overdue": -1}, "days_overdue"),
        ({"remaining_months": 601}, "remaining_months"),
        ({"penalty_rate": "5"}, "penalty_rate"),
    ],
)
def test_bad_debt_input_raises_an_error_naming_the_field(changes, field):
    with pytest.raises(ValueError, match=field):
        overdue_debt(**changes)


# --- the baseline -------------------------------------------------------------------------


def test_the_baseline_charges_the_overdue_amounts_with_the_first_payment():
    plan = baseline_plan(overdue_debt(), AS_OF)
    # Not yet due: 3,000 − 1,000 = 2,000 at 1 % a month over 3 months:
    #   level = 2,000 × 0.01 × 1.01³ / (1.01³ − 1) = 680.044… → 680.04
    #   interest 20.00, 13.40 (1,339.96 × 1 %), 6.73 (673.32 × 1 %); the last pays 680.05.
    # Overdue, with the first payment: 1,000 principal + 90 accrued
    #   + 罚息 1,000 × 18 % / 12 = 15.00; and 10.00 of charges every month.
    assert [row.payment for row in plan.rows] == [D("1795.04"), D("690.04"), D("690.05")]
    first = plan.rows[0]
    assert (first.principal, first.interest, first.fees, first.arrears) == (
        D("1660.04"),
        D("35.00"),
        D("10.00"),
        D("90"),
    )
    assert [row.due_date for row in plan.rows] == [
        date(2026, 4, 15),
        date(2026, 5, 15),
        date(2026, 6, 15),
    ]
    assert plan.total_paid == D("3175.13")


def test_the_overdue_amount_is_not_added_twice():
    plan = baseline_plan(overdue_debt(), AS_OF)
    assert plan.total_principal == D("3000")
    assert plan.total_arrears == D("90")


def test_a_debt_past_its_term_is_due_in_full_with_one_month_of_penalty():
    plan = baseline_plan(overdue_debt(remaining_months=0), AS_OF)
    # 3,000 + 90 + 3,000 × 18 % / 12 (45.00) + 10.00 of charges.
    assert [row.payment for row in plan.rows] == [D("3145.00")]


def test_the_baseline_follows_the_next_due_date_when_given():
    plan = baseline_plan(overdue_debt(next_due_date=date(2026, 3, 31)), AS_OF)
    assert [row.due_date for row in plan.rows] == [
        date(2026, 3, 31),
        date(2026, 4, 30),
        date(2026, 5, 31),
    ]


def test_the_monthly_demand_includes_what_is_overdue_and_the_regular_payment_does_not():
    debt = overdue_debt()
    assert debt.monthly_demand == D("1795.04")
    assert debt.regular_payment == D("690.05")
    assert debt.opening_balance == D("3090")
    assert debt.overdue_principal == D("1000")


def test_the_true_rate_is_the_regular_schedule_without_arrears_charges_included():
    # The current principal (3,000 − 1,000 overdue) against the regular installments
    # (680.04 + 10.00 of charges, the last 680.05 + 10.00); the 90 of arrears and the
    # overdue 1,000 are owed, not lent.
    expected = npf.irr([2000, -690.04, -690.04, -690.05]) * 12
    debt = overdue_debt()
    assert float(debt.true_annual_rate) == pytest.approx(expected, abs=1e-10)
    assert debt.rate_basis is RateBasis.REGULAR_SCHEDULE


def test_guide_case_true_rate_is_18_percent_not_diluted_by_arrears():
    """Issue 16: the Debts page showed 17.74 % for an 18 % loan (arrears counted as money
    lent interest-free)."""
    debt = guide_debt()
    assert debt.true_annual_rate.quantize(D("0.0001")) == D("0.1800")
    assert debt.monthly_demand == D("3437.90")
    assert debt.regular_payment == D("1017.65")
    assert debt.true_rate_flows == (D("11100"), *([D("-1017.65")] * 11), D("-1017.63"))


def test_monthly_fee_quote_shows_8_16_percent_as_presented_and_about_15_true():
    """Issue 16: the quoted column showed the true 14.87 % for a 0.68 % monthly fee."""
    debt = Debt(
        creditor="分期乐",
        lender_type=LenderType.ONLINE_PLATFORM,
        outstanding_principal=10000,
        rate_quote="0.0068",
        rate_kind=QuoteKind.MONTHLY_FEE,
        method=Method.FLAT_FEE,
        remaining_months=12,
    )
    assert debt.quoted_annual_rate == D("0.0816")
    assert D("0.14") < debt.true_annual_rate < D("0.16")


def test_with_the_original_loan_the_true_rate_is_the_original_loans_irr():
    # 10,000 over 12 months at a 0.68 % fee, 9,500 received (500 deducted up front):
    # 9,500 against 12 × (833.33 + 68.00), the last 833.37 + 68.00.
    debt = Debt(
        creditor="某平台",
        lender_type=LenderType.ONLINE_PLATFORM,
        outstanding_principal=5000,
        rate_quote="0.0068",
        rate_kind=QuoteKind.MONTHLY_FEE,
        method=Method.FLAT_FEE,
        remaining_months=6,
        original_principal=10000,
        original_months=12,
        amount_received=9500,
    )
    expected = npf.irr([9500] + [-901.33] * 11 + [-901.37]) * 12
    assert debt.rate_basis is RateBasis.ORIGINAL_LOAN
    assert float(debt.true_annual_rate) == pytest.approx(expected, abs=1e-10)
    assert debt.true_annual_rate > D("0.24")


def test_more_received_than_the_original_principal_is_refused():
    with pytest.raises(ValueError, match="amount_received"):
        overdue_debt(original_principal=2000, original_months=12, amount_received=2500)


def test_a_debt_round_trips_through_json_for_the_store():
    debt = overdue_debt(id=7, contract_date=date(2024, 5, 1), next_due_date=date(2026, 4, 1))
    again = Debt.model_validate_json(debt.model_dump_json())
    assert again == debt
    assert again.monthly_demand == debt.monthly_demand


def test_a_debt_changes_only_by_copy():
    debt = overdue_debt()
    with pytest.raises(ValueError):
        debt.creditor = "B"
    assert debt.model_copy(update={"creditor": "B"}).creditor == "B"


def test_a_copied_debt_demands_what_its_new_balance_demands():
    """Regression: a cached baseline once survived ``model_copy(update=...)``."""
    debt = Debt(creditor="A", outstanding_principal=12000, rate_quote="0.18", remaining_months=18)
    assert debt.monthly_demand == D("765.67")
    # 6,000 × 0.015 × 1.015^18 / (1.015^18 − 1) = 382.834… → 382.83
    half = debt.model_copy(update={"outstanding_principal": D("6000")})
    assert half.monthly_demand == D("382.83")


def test_the_contract_plan_is_built_once_per_debt_value():
    debt = Debt(
        creditor="来分期",
        outstanding_principal=Decimal("12000"),
        rate_quote=Decimal("0.18"),
        remaining_months=12,
    )
    assert debt.contract_plan is debt.contract_plan
    assert debt.monthly_demand == Decimal("1100.16")


def test_a_copy_with_changed_fields_recomputes_its_plan():
    debt = Debt(
        creditor="来分期",
        outstanding_principal=Decimal("12000"),
        rate_quote=Decimal("0.18"),
        remaining_months=12,
    )
    assert debt.monthly_demand == Decimal("1100.16")
    longer = debt.model_copy(update={"remaining_months": 24})
    assert longer.monthly_demand == Decimal("599.09")
    assert longer.contract_plan is not debt.contract_plan
    assert longer == Debt(**{**debt.model_dump(), "remaining_months": 24})


# --- computed once per debt value (issue 19) -----------------------------------------------


def test_debts_built_apart_with_equal_values_share_their_contract_plan():
    """Pages rebuild debts from the store on every rerun: the plan is computed once per value."""
    first = guide_debt()
    again = Debt.model_validate_json(first.model_dump_json())
    assert again is not first
    assert again.contract_plan is first.contract_plan
    assert again.monthly_demand == first.monthly_demand == D("3437.90")
    assert again.regular_payment == first.regular_payment == D("1017.65")
    assert again.true_rate_flows is first.true_rate_flows
    assert again.true_annual_rate == first.true_annual_rate


def test_a_debt_differing_only_in_what_describes_it_shares_the_figures():
    debt = guide_debt()
    renamed = debt.model_copy(
        update={
            "id": 7,
            "creditor": "另一家",
            "lender_type": LenderType.BANK_LOAN,
            "product": "信用贷",
            "contract_date": date(2024, 1, 2),
            "days_overdue": 40,
        }
    )
    assert renamed.figures_key == debt.figures_key
    assert renamed.contract_plan is debt.contract_plan


def test_a_debt_differing_in_a_figure_has_figures_of_its_own():
    debt = guide_debt()
    other = Debt(**{**debt.model_dump(), "accrued_interest_and_penalties": D("1400")})
    assert other.figures_key != debt.figures_key
    assert other.contract_plan is not debt.contract_plan
    assert other.monthly_demand == debt.monthly_demand - 100


def test_the_figures_key_is_exact_about_decimals():
    """0.18 and 0.180 are equal numbers but not the same value: they are not shared."""
    a = Debt(creditor="A", outstanding_principal=12000, rate_quote="0.18", remaining_months=12)
    b = Debt(creditor="A", outstanding_principal=12000, rate_quote="0.180", remaining_months=12)
    assert a.figures_key != b.figures_key
    assert a.contract_plan is not b.contract_plan
    assert a.contract_plan == b.contract_plan


def test_every_field_is_either_descriptive_or_part_of_the_figures_key():
    """A new field must be placed: left out of the key it would serve another debt's figures."""
    from core.debts import DESCRIPTIVE_FIELDS

    figure_fields = {
        "amount_received",
        "original_principal",
        "original_months",
        "outstanding_principal",
        "overdue_amount",
        "accrued_interest_and_penalties",
        "penalty_rate",
        "rate_quote",
        "rate_kind",
        "day_basis",
        "other_monthly_charges",
        "method",
        "remaining_months",
        "next_due_date",
    }
    assert set(Debt.model_fields) == figure_fields | DESCRIPTIVE_FIELDS
    assert not figure_fields & DESCRIPTIVE_FIELDS
    assert len(guide_debt().figures_key.key) == len(figure_fields)


def test_the_dated_baseline_is_computed_once_per_debt_value_and_date():
    debt = Debt(creditor="A", outstanding_principal=12000, rate_quote="0.18", remaining_months=12)
    again = Debt.model_validate_json(debt.model_dump_json())
    first = baseline_plan(debt, date(2026, 3, 15))
    assert baseline_plan(again, date(2026, 3, 15)) is first
    later = baseline_plan(again, date(2026, 4, 15))
    assert later is not first
    assert later.rows[0].due_date == date(2026, 5, 15)
    assert first.rows[0].due_date == date(2026, 4, 15)


def test_a_debt_with_its_own_due_date_has_the_contract_plan_as_its_baseline():
    debt = guide_debt(next_due_date=date(2026, 3, 20))
    assert baseline_plan(debt, date(2026, 3, 15)) is debt.contract_plan
    assert baseline_plan(debt, date(2027, 1, 1)) == debt.contract_plan


def test_a_fee_quotes_comparable_rate_is_computed_once_per_debt_value(monkeypatch):
    """The avalanche order ranks a fee quote by its annualized rate (an IRR): once per value."""
    import core.debts
    from core.memo import clear_caches

    clear_caches()
    calls = []
    real = core.debts.annual_rate_from

    def counting(*args, **kwargs):
        calls.append(kwargs.get("months"))
        return real(*args, **kwargs)

    monkeypatch.setattr(core.debts, "annual_rate_from", counting)
    fields = dict(
        creditor="A",
        outstanding_principal="12000",
        rate_quote="0.006",
        rate_kind=QuoteKind.MONTHLY_FEE,
        method=Method.FLAT_FEE,
        remaining_months=12,
    )
    first = Debt(**fields).comparable_annual_rate
    again = Debt(**fields).comparable_annual_rate
    assert first == again
    assert calls.count(12) == 1
