"""The credit-record clock under each proposal, in words (ui.proposal_widgets.credit_line and
friends), in both languages: the guide's case worked out by hand from the page's day."""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from decimal import Decimal as D

import pytest

from core.calls import DebtAccount
from core.debts import Debt, LenderType
from core.plans import Plan, PlanRow
from core.proposals import (
    Baseline,
    LumpSumSettlement,
    StopInterest,
    TermExtension,
    compare_proposals,
    evaluate_proposal,
)
from core.rules.credit_record import Reporting
from core.schedules import add_months
from i18n import format_date, md_escape, translate
from ui.proposal_widgets import (
    clock_text,
    credit_line,
    credit_lines,
    plan_clock,
    row_label,
    rows_compared,
)
from ui.state import today

LANGS = ("zh-CN", "en")
AS_OF = today()  # as the page plans: from today


def five_years_on(day: date) -> date:
    """征信业管理条例 art. 16, counted by hand: the same day 5 years later, or that month's end."""
    last = calendar.monthrange(day.year + 5, day.month)[1]
    return date(day.year + 5, day.month, min(day.day, last))


def guide_account(reports: Reporting = Reporting.YES, **changes) -> DebtAccount:
    """来分期: 12,000 at 18 %, 12 months left, 900 overdue for 30 days, 1,500 accrued."""
    debt = Debt(
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
    fields = {
        "id": 1,
        "client_id": 1,
        "debt": debt,
        "reports_credit": reports,
        "overdue_since": AS_OF - timedelta(days=30),
    }
    return DebtAccount(**{**fields, **changes})


def under_plan(cleared: date, lang: str) -> str:
    return translate(
        "credit.clock.under_plan",
        lang,
        cleared=format_date(cleared, lang),
        end=format_date(five_years_on(cleared), lang),
    )


@pytest.mark.parametrize("lang", LANGS)
def test_the_guides_extension_clears_the_2400_overdue_with_its_fourth_installment(lang):
    """24 × 661.59 from today: 3 × 661.59 = 1,984.77 < 2,400.00 (900 overdue + 1,500 accrued)
    ≤ 2,646.36 = 4 × 661.59, so the overdue ends on the 4th due date (15 Jul 2026 for the
    core's 15 Mar 2026), and the record 5 years later."""
    account = guide_account()
    result = evaluate_proposal(account.debt, TermExtension(months=24), D("800"), AS_OF)
    assert [row.payment for row in result.plan.rows[:4]] == [D("661.59")] * 4
    fourth = add_months(AS_OF, 4)
    assert result.plan.rows[3].due_date == fourth
    assert credit_line(account, result, lang) == under_plan(fourth, lang)
    clock = plan_clock(account, result.plan, result.forgiven)
    assert clock is not None
    assert (clock.overdue_ends_on, clock.record_ends_on) == (fourth, five_years_on(fourth))


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_dates_the_plan_from_its_first_installment(lang):
    """The first installment moved to the 20th of next month: the 4th is 3 months after it."""
    account = guide_account()
    result = evaluate_proposal(account.debt, TermExtension(months=24), D("800"), AS_OF)
    first = add_months(AS_OF, 1).replace(day=20)
    fourth = add_months(first, 3)
    words = credit_line(account, result, lang, as_of=AS_OF, first_due=first)
    assert words == under_plan(fourth, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_a_waiver_leaves_less_past_due_and_unknown_reporting_says_it_is_a_guide(lang):
    """停息挂账 with 60 % of the 1,500 accrued waived (900.00): 1,500.00 past due, 24 × 525.00:
    cleared by the 3rd installment. The lender's reporting is not known: the line says so."""
    account = guide_account(Reporting.UNKNOWN)
    proposal = StopInterest(months=24, waiver_share="0.6")
    result = evaluate_proposal(account.debt, proposal, D("800"), AS_OF)
    assert result.forgiven == D("900.00")
    assert {row.payment for row in result.plan.rows} == {D("525.00")}
    third = add_months(AS_OF, 3)
    gap = "" if lang == "zh-CN" else " "
    unknown = translate("credit.clock.reporting_unknown", lang)
    assert credit_line(account, result, lang) == f"{under_plan(third, lang)}{gap}{unknown}"
    assert credit_line(account, result, lang, flag_unknown=False) == under_plan(third, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_nothing_when_the_lender_does_not_report_or_the_debt_is_not_overdue(lang):
    no = guide_account(Reporting.NO)
    result = evaluate_proposal(no.debt, TermExtension(months=24), D("800"), AS_OF)
    assert credit_line(no, result, lang) is None
    current_debt = no.debt.model_copy(
        update={"overdue_amount": D("0"), "days_overdue": 0, "accrued_interest_and_penalties": 0}
    )
    current = guide_account(debt=current_debt, overdue_since=None)
    result = evaluate_proposal(current.debt, TermExtension(months=24), D("800"), AS_OF)
    assert credit_line(current, result, lang) is None
    # interest accrued but nothing overdue (as the Debts page counts it): no clock either
    accrued = guide_account(
        debt=current_debt.model_copy(update={"accrued_interest_and_penalties": D("300")}),
        overdue_since=None,
    )
    result = evaluate_proposal(accrued.debt, TermExtension(months=24), D("800"), AS_OF)
    assert credit_line(accrued, result, lang) is None


@pytest.mark.parametrize("lang", LANGS)
def test_a_settlement_ends_the_overdue_with_the_part_that_reaches_it(lang):
    """Settled for 8,000 in two parts (2,000 in a month, 6,000 in two): it forgives 13,500 −
    8,000 = 5,500 of what is owed — the newest part, as payments clear the oldest first — so
    the whole 2,400 past due is still to clear: 2,000 < 2,400 ≤ 8,000, the second part. Taking
    the 5,500 off what is past due instead (amount_past_due's waiver) would leave 0.00 to clear
    and no date at all."""
    account = guide_account()
    second = add_months(AS_OF, 2)
    parts = [
        {"amount": "2000", "due_date": add_months(AS_OF, 1)},
        {"amount": "6000", "due_date": second},
    ]
    result = evaluate_proposal(account.debt, LumpSumSettlement(parts=parts), D("800"), AS_OF)
    assert result.forgiven == D("5500.00")
    assert plan_clock(account, result.plan, result.forgiven) is None  # the waiver off past due
    assert credit_line(account, result, lang) == under_plan(second, lang)
    # a first date chosen for monthly payments leaves a settlement's own dates alone
    first = add_months(AS_OF, 1).replace(day=20)
    words = credit_line(account, result, lang, as_of=AS_OF, first_due=first)
    assert words == under_plan(second, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_every_row_of_the_comparison_gets_its_line_named_as_in_the_table(lang):
    account = guide_account()
    proposals = [Baseline(), TermExtension(months=24)]
    comparison = compare_proposals(account.debt, proposals, D("800"), AS_OF)
    minimum = comparison.minimum_plan
    lines = credit_lines(account, comparison, minimum, lang)
    rows = rows_compared(comparison, minimum)
    assert len(lines) == len(rows)
    extension = next(r for r, m in rows if r.kind == "term_extension" and not m)
    label = md_escape(row_label(extension, False, lang))
    expected = translate(
        "credit_plan.line", lang, plan=f"**{label}**", clock=under_plan(add_months(AS_OF, 4), lang)
    )
    assert expected in lines


def test_an_undated_plan_is_said_not_raised():
    account = guide_account()
    row = PlanRow(
        period=1,
        due_date=None,
        payment=D("3000"),
        principal=D("3000"),
        interest=D(0),
        fees=D(0),
        arrears=D(0),
        balance=D(0),
    )
    result = evaluate_proposal(account.debt, TermExtension(months=24), D("800"), AS_OF)
    undated = result.model_copy(update={"plan": Plan(opening=D("3000"), rows=(row,))})
    for lang in LANGS:
        assert credit_line(account, undated, lang) == translate("credit_plan.undated", lang)


def test_the_clock_words_carry_no_text_of_the_user():
    account = guide_account(Reporting.UNKNOWN)
    result = evaluate_proposal(account.debt, TermExtension(months=24), D("800"), AS_OF)
    clock = plan_clock(account, result.plan, result.forgiven)
    assert clock is not None
    assert "来分期" not in clock_text(clock, "zh-CN")
