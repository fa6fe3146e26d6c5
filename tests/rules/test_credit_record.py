"""The credit-record clock: 5 years from the day the overdue ends (征信业管理条例 art. 16)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from pydantic import ValidationError

from core.debts import Debt, LenderType
from core.errors import CoreError
from core.plans import Plan, PlanRow
from core.proposals import StopInterest, TermExtension, proposal_plan
from core.rules.credit_record import (
    NOTES,
    RETENTION_YEARS,
    ClockBasis,
    CreditClock,
    Reporting,
    amount_past_due,
    clock_for_debt,
    clock_for_plan,
    overdue_cleared_on,
    overdue_since,
    record_end,
)
from i18n import CATALOGUE, LANGUAGES, format_date, translate

AS_OF = date(2026, 3, 15)


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


def row(period: int, due: date | None, payment: str) -> PlanRow:
    return PlanRow(
        period=period,
        due_date=due,
        payment=D(payment),
        principal=D(payment),
        interest=D(0),
        fees=D(0),
        arrears=D(0),
        balance=D(0),
    )


# --- record_end ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ended", "end"),
    [
        (date(2026, 3, 15), date(2031, 3, 15)),
        (date(2025, 12, 31), date(2030, 12, 31)),
        (date(2026, 1, 1), date(2031, 1, 1)),
        # 29 Feb: the year five on has no 29 Feb, so the month's last day
        (date(2024, 2, 29), date(2029, 2, 28)),
        (date(2028, 2, 29), date(2033, 2, 28)),
        # 28 Feb stays 28 Feb, even when the year five on is a leap year
        (date(2023, 2, 28), date(2028, 2, 28)),
        (date(2023, 3, 1), date(2028, 3, 1)),
        (date(2027, 2, 28), date(2032, 2, 28)),
    ],
)
def test_the_record_ends_five_years_after_the_overdue(ended, end):
    assert RETENTION_YEARS == 5
    assert record_end(ended) == end


# --- the clock for a debt ------------------------------------------------------------------


def test_if_the_overdue_ended_today_the_record_ends_five_years_from_today():
    clock = clock_for_debt(Reporting.YES, date(2026, 2, 13), AS_OF)
    assert clock == CreditClock(
        reports=Reporting.YES,
        basis=ClockBasis.IF_CLEARED_TODAY,
        overdue_since=date(2026, 2, 13),
        overdue_ends_on=date(2026, 3, 15),
        record_ends_on=date(2031, 3, 15),
    )
    assert not clock.is_estimate


def test_read_on_a_leap_day_the_clock_ends_on_28_february():
    clock = clock_for_debt(Reporting.YES, date(2027, 12, 1), date(2028, 2, 29))
    assert clock is not None
    assert (clock.overdue_ends_on, clock.record_ends_on) == (date(2028, 2, 29), date(2033, 2, 28))


def test_unknown_reporting_still_dates_the_record_as_an_estimate():
    clock = clock_for_debt(Reporting.UNKNOWN, date(2026, 2, 13), AS_OF)
    assert clock is not None
    assert clock.record_ends_on == date(2031, 3, 15)
    assert clock.is_estimate
    assert clock_for_debt("unknown", date(2026, 2, 13), AS_OF) == clock  # as stored


def test_no_clock_when_not_overdue_or_not_reporting():
    assert clock_for_debt(Reporting.YES, None, AS_OF) is None
    assert clock_for_debt(Reporting.UNKNOWN, None, AS_OF) is None
    assert clock_for_debt(Reporting.NO, date(2026, 2, 13), AS_OF) is None


def test_an_overdue_that_starts_after_today_is_refused():
    with pytest.raises(CoreError) as caught:
        clock_for_debt(Reporting.YES, date(2026, 3, 16), AS_OF)
    assert (caught.value.field, caught.value.code) == ("overdue_since", "future")
    # the day itself is fine
    assert clock_for_debt(Reporting.YES, AS_OF, AS_OF) is not None


def test_a_clock_is_consistent_by_construction():
    with pytest.raises(ValidationError):
        CreditClock(
            reports=Reporting.YES,
            basis=ClockBasis.IF_CLEARED_TODAY,
            overdue_ends_on=date(2026, 3, 15),
            record_ends_on=date(2031, 3, 16),
        )
    with pytest.raises(ValidationError):
        CreditClock(
            reports=Reporting.NO,
            basis=ClockBasis.IF_CLEARED_TODAY,
            overdue_ends_on=date(2026, 3, 15),
            record_ends_on=date(2031, 3, 15),
        )


def test_the_day_a_debt_went_overdue():
    assert overdue_since(guide_debt(), AS_OF) == date(2026, 2, 13)
    over_leap_day = guide_debt().model_copy(update={"days_overdue": 1})
    assert overdue_since(over_leap_day, date(2028, 3, 1)) == date(2028, 2, 29)
    no_days = guide_debt().model_copy(update={"days_overdue": 0})
    assert overdue_since(no_days, AS_OF) == AS_OF
    current = guide_debt().model_copy(update={"days_overdue": 0, "overdue_amount": D("0")})
    assert overdue_since(current, AS_OF) is None


def test_what_is_past_due_is_the_overdue_principal_and_the_accrued_less_a_waiver():
    assert amount_past_due(guide_debt()) == D("2400.00")
    assert amount_past_due(guide_debt(), D("900.00")) == D("1500.00")
    assert amount_past_due(guide_debt(), D("5000")) == D("0.00")


# --- the estimate under a plan -------------------------------------------------------------


def test_a_plan_clears_the_overdue_with_the_payment_that_reaches_it():
    plan = Plan(
        opening=D("1500"),
        rows=(
            row(1, date(2026, 4, 15), "500"),
            row(2, date(2026, 5, 15), "500"),
            row(3, date(2026, 6, 15), "500"),
        ),
    )
    assert overdue_cleared_on(plan, "999.99") == date(2026, 5, 15)
    assert overdue_cleared_on(plan, "1000") == date(2026, 5, 15)  # reached exactly
    assert overdue_cleared_on(plan, "1000.01") == date(2026, 6, 15)
    assert overdue_cleared_on(plan, "0") is None
    # paying less than the overdue (the rest waived) ends it with the last payment
    assert overdue_cleared_on(plan, "2000") == date(2026, 6, 15)


def test_a_down_payment_today_can_clear_the_overdue_today():
    plan = Plan(
        opening=D("3000"),
        rows=(row(0, AS_OF, "2400"), row(1, date(2026, 4, 15), "600")),
    )
    clock = clock_for_plan(Reporting.YES, plan, "2400")
    assert clock is not None
    assert (clock.overdue_ends_on, clock.record_ends_on) == (AS_OF, date(2031, 3, 15))


def test_a_plan_that_cannot_be_dated_is_refused_by_name():
    undated = Plan(opening=D("1000"), rows=(row(1, None, "1000"),))
    with pytest.raises(CoreError) as caught:
        overdue_cleared_on(undated, "500")
    assert caught.value.code == "no_date"
    empty = Plan(opening=D("1000"), rows=())
    with pytest.raises(CoreError) as caught:
        overdue_cleared_on(empty, "500")
    assert caught.value.code == "no_date"


def test_the_guides_extension_clears_the_2400_overdue_with_its_fourth_installment():
    """24 × 661.59 from 15 March 2026: 3 × 661.59 = 1,984.77 < 2,400.00 ≤ 2,646.36 = 4 × 661.59."""
    debt = guide_debt()
    plan, waived = proposal_plan(debt, TermExtension(months=24), AS_OF)
    assert waived == D("0.00")
    assert [r.payment for r in plan.rows[:4]] == [D("661.59")] * 4
    clock = clock_for_plan(Reporting.YES, plan, amount_past_due(debt, waived), date(2026, 2, 13))
    assert clock == CreditClock(
        reports=Reporting.YES,
        basis=ClockBasis.UNDER_PLAN,
        overdue_since=date(2026, 2, 13),
        overdue_ends_on=date(2026, 7, 15),
        record_ends_on=date(2031, 7, 15),
    )
    assert clock.is_estimate


def test_the_guides_stop_interest_with_a_waiver_clears_1500_with_its_third_installment():
    """停息挂账, 60 % of the 1,500 accrued waived (900.00): 1,500.00 left past due,
    24 × 525.00: 2 × 525 = 1,050 < 1,500 ≤ 1,575 = 3 × 525."""
    debt = guide_debt()
    plan, waived = proposal_plan(debt, StopInterest(months=24, waiver_share="0.6"), AS_OF)
    assert waived == D("900.00")
    assert {r.payment for r in plan.rows} == {D("525.00")}
    clock = clock_for_plan(Reporting.UNKNOWN, plan, amount_past_due(debt, waived))
    assert clock is not None
    assert (clock.overdue_ends_on, clock.record_ends_on) == (date(2026, 6, 15), date(2031, 6, 15))
    assert clock.is_estimate


def test_no_plan_clock_when_not_reporting_or_nothing_past_due():
    debt = guide_debt()
    plan, _ = proposal_plan(debt, TermExtension(months=24), AS_OF)
    assert clock_for_plan(Reporting.NO, plan, "2400") is None
    assert clock_for_plan(Reporting.YES, plan, "0") is None


# --- the wording ---------------------------------------------------------------------------


def test_every_reporting_answer_and_note_is_worded_in_both_languages():
    keys = [f"enum.reporting.{value}" for value in Reporting] + list(NOTES)
    for key in keys:
        assert set(CATALOGUE[key]) == set(LANGUAGES)


def test_the_notes_say_what_settling_means_and_that_paid_repair_is_a_scam():
    assert "5 年" in translate("credit.note.settled", "zh-CN")
    assert "结清" in translate("credit.note.settled", "zh-CN")
    assert "5 years" in translate("credit.note.settled", "en")
    assert "骗局" in translate("credit.note.repair_scam", "zh-CN")
    assert "scam" in translate("credit.note.repair_scam", "en")
    assert "第十六条" in translate("credit.note.rule", "zh-CN")


def test_the_clock_sentence_carries_both_dates():
    clock = clock_for_debt(Reporting.YES, date(2026, 2, 13), AS_OF)
    assert clock is not None
    words = {
        lang: translate(
            "credit.clock.if_cleared_today",
            lang,
            cleared=format_date(clock.overdue_ends_on, lang),
            end=format_date(clock.record_ends_on, lang),
        )
        for lang in LANGUAGES
    }
    assert "2026年3月15日" in words["zh-CN"] and "2031年3月15日" in words["zh-CN"]
    assert "15 Mar 2026" in words["en"] and "15 Mar 2031" in words["en"]
