"""The ready-to-say sentence quotes the saved proposal's own figures and the client's situation."""

from datetime import date
from decimal import Decimal

import pytest

from core.debts import Debt
from core.errors import CoreError
from core.proposals import (
    DownPayment,
    InterestWaiver,
    LumpSumSettlement,
    PrincipalFirst,
    SettlementPart,
    StopInterest,
    TermExtension,
    evaluate_proposal,
)
from core.rules.pitch import TEMPLATES, asked_term, pitch
from core.rules.templates import LANGUAGES, template_fields

AS_OF = date(2026, 3, 1)
# The seed's case: 12,000 left interest-free; the client earns 4,000 and can put 800 on it.
INTEREST_FREE = Debt(creditor="来分期", outstanding_principal="12000", remaining_months=12)
# 12,000 of principal and 600 of accrued interest and penalties, interest-free from now on.
WITH_ARREARS = Debt(
    creditor="某消费金融",
    outstanding_principal="12000",
    accrued_interest_and_penalties="600",
    remaining_months=12,
)


def said(debt, proposal, language, *, capacity="3000", can_pay="800", income="4000"):
    result = evaluate_proposal(debt, proposal, capacity, AS_OF)
    income = Decimal(income) if income is not None else None
    return pitch(debt, result, language, can_pay=Decimal(can_pay), monthly_income=income)


def test_the_seed_case_is_said_with_income_share_balance_term_and_payment():
    # 12,000 / 24 = 500.00 a month; money said as a person says it.
    assert said(INTEREST_FREE, TermExtension(months=24), "zh-CN") == (
        "我目前每月收入4,000元，除去基本生活开支，每月能拿出800元还这笔欠款。"
        "现在剩余本金12,000元。希望分24期还清，每期500元，一共12,000元。"
    )
    assert said(INTEREST_FREE, TermExtension(months=24), "en") == (
        "My income is 4,000 yuan a month; after essential living costs I can put 800 yuan a "
        "month towards this debt. I still owe 12,000 yuan of principal. I would like to repay "
        "it in 24 monthly installments of 500 yuan, 12,000 yuan in all."
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_whole_capacity_is_never_quoted(language):
    text = said(INTEREST_FREE, TermExtension(months=24), language, capacity="3456.78")
    assert "3,456.78" not in text
    assert "800元" in text or "800 yuan" in text


def test_without_income_the_situation_names_only_what_the_client_can_pay():
    text = said(INTEREST_FREE, TermExtension(months=24), "en", income=None)
    assert text.startswith("After essential living costs I can put 800 yuan a month")


def test_a_waiver_names_the_share_and_the_amount_waived():
    # 50 % of 600 = 300.00 waived; 12,000 / 12 + 300 / 12 = 1,000.00 + 25.00 = 1,025.00.
    text = said(WITH_ARREARS, InterestWaiver(waiver_share="0.5"), "zh-CN")
    assert text.endswith(
        "现在剩余本金12,000元，另有逾期息费600元，合计12,600元。"
        "请贵司减免逾期息费600元中的300元（50%），剩下的300元我照常还。"
        "希望分12期还清，每期1,025元，一共12,300元（其中本金12,000元、逾期息费300元）。"
    )


def test_a_settlement_names_the_total_the_waiver_and_each_part():
    parts = (
        SettlementPart(amount="3000", due_date=date(2026, 4, 1)),
        SettlementPart(amount="3000", due_date=date(2026, 5, 1)),
    )
    text = said(WITH_ARREARS, LumpSumSettlement(parts=parts), "en")
    assert text.endswith(
        "Of the 12,600 yuan owed, I would like to settle in full with 6,000 yuan and ask you "
        "to waive the other 6,600 yuan: 3,000 yuan on 1 Apr 2026, 3,000 yuan on 1 May 2026."
    )


def test_a_down_payment_comes_before_the_installments():
    # 12,000 − 2,000 = 10,000 over 20 months = 500.00 a month.
    text = said(INTEREST_FREE, DownPayment(amount="2000", months=20), "zh-CN")
    assert text.endswith("希望先还2,000元，其余10,000元分20期还清，每期500元，一共12,000元。")


def test_uneven_installments_are_quoted_by_the_highest():
    # Principal 12,000 in 10 × 1,200.00, then accrued 600 in 2 × 300.00: 12 installments.
    proposal = PrincipalFirst(months=10, interest_months=2)
    result = evaluate_proposal(WITH_ARREARS, proposal, "3000", AS_OF)
    assert asked_term(result) == (12, Decimal("1200.00"), False)
    text = said(WITH_ARREARS, proposal, "en")
    assert "I am asking to repay the principal first" in text
    assert "in 12 monthly installments, none above 1,200 yuan, 12,600 yuan in all" in text


# --- issue 16: the guide's case ---------------------------------------------------------------

GUIDE = Debt(
    creditor="来分期",
    lender_type="online_platform",
    outstanding_principal="12000",
    overdue_amount="900",
    days_overdue=30,
    accrued_interest_and_penalties="1500",
    penalty_rate="0.27",
    rate_quote="0.18",
    remaining_months=12,
)


def test_guide_case_pitch_separates_principal_and_arrears_instead_of_conceding_13500():
    """Issue 16: the sentence asked to repay "剩余的¥13,500.00", conceding the 1,500 of
    penalties, and read amounts as "¥4,000.00"."""
    text = said(GUIDE, TermExtension(months=24), "zh-CN")
    assert "¥" not in text and "13,500.00" not in text
    assert "剩余本金12,000元，另有逾期息费1,500元，合计13,500元。" in text
    # 23 × 661.59 + 661.57 = 15,878.14 = 12,000 + 1,500 + 2,378.14.
    assert text.endswith(
        "希望分24期还清，每期661.59元，最后一期661.57元，一共15,878.14元"
        "（其中本金12,000元、逾期息费1,500元、今后的利息和费用2,378.14元）。"
    )


def test_guide_case_stop_interest_pitch_asks_the_waiver_and_adds_up():
    """Issue 16: "¥13,500.00分24期…每期¥525.00…减免¥900.00" never said 13,500 − 900 =
    12,600 = 24 × 525."""
    text = said(GUIDE, StopInterest(months=24, waiver_share="0.6"), "zh-CN")
    assert text == (
        "我目前每月收入4,000元，除去基本生活开支，每月能拿出800元还这笔欠款。"
        "现在剩余本金12,000元，另有逾期息费1,500元，合计13,500元。"
        "我想申请停息挂账，从现在起不再计息。"
        "请贵司减免逾期息费1,500元中的900元（60%），剩下的600元我照常还。"
        "希望分24期还清，每期525元，一共12,600元（其中本金12,000元、逾期息费600元）。"
    )
    english = said(GUIDE, StopInterest(months=24, waiver_share="0.6"), "en")
    assert "I ask you to waive 900 yuan (60%) of the 1,500 yuan" in english
    assert "24 monthly installments of 525 yuan, 12,600 yuan in all" in english


def test_an_unknown_language_is_refused():
    result = evaluate_proposal(INTEREST_FREE, TermExtension(months=24), "800", AS_OF)
    with pytest.raises(CoreError):
        pitch(INTEREST_FREE, result, "fr", can_pay=Decimal("800"))


@pytest.mark.parametrize("code", sorted(TEMPLATES))
def test_every_template_has_both_languages_with_the_same_placeholders(code):
    entry = TEMPLATES[code]
    assert set(entry) == set(LANGUAGES)
    assert template_fields(entry["zh-CN"]) == template_fields(entry["en"])
