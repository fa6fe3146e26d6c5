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
    # 12,000 / 24 = 500.00 a month.
    assert said(INTEREST_FREE, TermExtension(months=24), "zh-CN") == (
        "我目前每月收入¥4,000.00，除去基本生活开支，每月能拿出¥800.00还这笔欠款。"
        "希望将剩余的¥12,000.00分24期偿还，每期¥500.00。"
    )
    assert said(INTEREST_FREE, TermExtension(months=24), "en") == (
        "My income is ¥4,000.00 a month; after essential living costs I can put ¥800.00 a "
        "month towards this debt. I would like to repay the remaining ¥12,000.00 in 24 monthly "
        "installments of ¥500.00."
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_whole_capacity_is_never_quoted(language):
    text = said(INTEREST_FREE, TermExtension(months=24), language, capacity="3456.78")
    assert "3,456.78" not in text
    assert "¥800.00" in text


def test_without_income_the_situation_names_only_what_the_client_can_pay():
    text = said(INTEREST_FREE, TermExtension(months=24), "en", income=None)
    assert text.startswith("After essential living costs I can put ¥800.00 a month")


def test_a_waiver_names_the_share_and_the_amount_waived():
    # 50 % of 600 = 300.00 waived; 12,000 / 12 + 300 / 12 = 1,000.00 + 25.00 = 1,025.00.
    text = said(WITH_ARREARS, InterestWaiver(waiver_share="0.5"), "zh-CN")
    assert text.endswith(
        "希望将剩余的¥12,600.00分12期偿还，每期¥1,025.00。同时请求减免50%的利息和罚息，共¥300.00。"
    )


def test_a_settlement_names_the_total_and_each_part():
    parts = (
        SettlementPart(amount="3000", due_date=date(2026, 4, 1)),
        SettlementPart(amount="3000", due_date=date(2026, 5, 1)),
    )
    text = said(WITH_ARREARS, LumpSumSettlement(parts=parts), "en")
    assert text.endswith(
        "Of the remaining ¥12,600.00, I would like to settle in full with ¥6,000.00: "
        "¥3,000.00 on 1 Apr 2026, ¥3,000.00 on 1 May 2026."
    )


def test_a_down_payment_comes_before_the_installments():
    # 12,000 − 2,000 = 10,000 over 20 months = 500.00 a month.
    text = said(INTEREST_FREE, DownPayment(amount="2000", months=20), "zh-CN")
    assert text.endswith("剩余欠款¥12,000.00，希望先还¥2,000.00，其余分20期偿还，每期¥500.00。")


def test_uneven_installments_are_quoted_by_the_highest():
    # Principal 12,000 in 10 × 1,200.00, then accrued 600 in 2 × 300.00: 12 installments.
    proposal = PrincipalFirst(months=10, interest_months=2)
    result = evaluate_proposal(WITH_ARREARS, proposal, "3000", AS_OF)
    assert asked_term(result) == (12, Decimal("1200.00"), False)
    text = said(WITH_ARREARS, proposal, "en")
    assert "I am asking to repay the principal first" in text
    assert "in 12 monthly installments, none above ¥1,200.00." in text


def test_an_unknown_language_is_refused():
    result = evaluate_proposal(INTEREST_FREE, TermExtension(months=24), "800", AS_OF)
    with pytest.raises(CoreError):
        pitch(INTEREST_FREE, result, "fr", can_pay=Decimal("800"))


@pytest.mark.parametrize("code", sorted(TEMPLATES))
def test_every_template_has_both_languages_with_the_same_placeholders(code):
    entry = TEMPLATES[code]
    assert set(entry) == set(LANGUAGES)
    assert template_fields(entry["zh-CN"]) == template_fields(entry["en"])
