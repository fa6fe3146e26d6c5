"""The call script card and the confirmation message: structure, exact figures, no ID number."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from core.calls import Call, Channel, Outcome
from core.clients import Client, ClientContact, Consent, ConsentScope, Relation
from core.debts import Debt, LenderType
from core.errors import CoreError
from core.proposals import (
    Combination,
    DownPayment,
    LumpSumSettlement,
    PrincipalFirst,
    SettlementPart,
    StopInterest,
    TermExtension,
    evaluate_proposal,
)
from core.rules.script import call_script, confirmation_message, plan_summary
from core.rules.templates import LANGUAGES

SH = ZoneInfo("Asia/Shanghai")
AS_OF = date(2026, 3, 1)
ID_NUMBER = "11010519491231002X"
CLIENT = Client(
    name="张明",
    mobile="13812345678",
    id_number=ID_NUMBER,
    consent=Consent(given_on=date(2026, 1, 5), scopes={ConsentScope.STORE_PERSONAL_DATA}),
)
# The seed's case: 12,000 left, 800 a month available, 24 months at 0 %.
SEED_DEBT = Debt(
    creditor="来分期",
    lender_type=LenderType.ONLINE_PLATFORM,
    outstanding_principal="12000",
    remaining_months=12,
)
# 10,000 at 18 % a year with 1,000 of accrued interest and penalties.
CARD_DEBT = Debt(
    creditor="某银行信用卡中心",
    lender_type=LenderType.BANK_CREDIT_CARD,
    product="信用卡",
    outstanding_principal="10000",
    accrued_interest_and_penalties="1000",
    remaining_months=12,
    rate_quote="0.18",
)


def seed_result(proposal=None):
    return evaluate_proposal(SEED_DEBT, proposal or TermExtension(months=24), "800", AS_OF)


def test_the_seed_case_script_quotes_the_plan_exactly():
    script = call_script(CLIENT, SEED_DEBT, seed_result(), "zh-CN", monthly_income=Decimal("4000"))
    # 12,000 / 24 = 500.00 a month, first due one month after 1 March.
    assert script.proposal[0] == (
        "我现在每月收入¥4,000.00，除去基本生活开支，每月最多能拿出¥800.00还这笔钱。"
    )
    assert script.proposal[1] == (
        "我希望这样还清需要还的¥12,000.00：分24期，每期¥500.00，第一期在2026年4月1日。"
    )
    assert script.proposal[2] == "按这个方案，我一共还¥12,000.00。"
    assert "分24期，每期¥500.00，第一期在2026年4月1日" in script.close_agreed


def test_the_english_script_says_the_same_in_english():
    script = call_script(CLIENT, SEED_DEBT, seed_result(), "en")
    assert script.proposal[0] == (
        "After essential living costs I can put at most ¥800.00 a month towards this loan."
    )
    assert script.proposal[1] == (
        "I would like to repay the ¥12,000.00 as follows: 24 installments of ¥500.00, the "
        "first on 1 Apr 2026."
    )


def test_the_opening_says_who_which_account_and_why_and_asks_for_time_and_agent_id():
    script = call_script(CLIENT, SEED_DEBT, seed_result(), "zh-CN", contract_number="HT20240315001")
    assert script.opening == (
        "您好，我是来分期的用户张明。",
        "我想谈的是我在贵司的这笔借款，合同号尾号5001。",
        "今天来电，是想协商一个我能长期坚持下去的还款方案：我想把钱还上，"
        "只是眼下按原来的计划还不动。",
        "请问您现在方便谈几分钟吗？",
        "方便告诉我您的工号吗？我记一下，后面跟进时好说明。",
    )


@pytest.mark.parametrize(
    ("contract", "mobile", "account"),
    [
        ("HT20240315001", "13812345678", ", contract number ending 5001"),
        (None, "13812345678", ", registered to the mobile number ending 5678"),
        (None, None, ""),
    ],
)
def test_the_account_is_named_by_its_last_four_characters_only(contract, mobile, account):
    client = CLIENT.model_copy(update={"mobile": mobile})
    debt = CARD_DEBT
    result = evaluate_proposal(debt, TermExtension(months=20), "800", AS_OF)
    script = call_script(client, debt, result, "en", contract_number=contract)
    assert script.opening[1] == f"I am calling about my 信用卡{account}."


def test_the_script_answers_the_usual_objections_with_the_plan_figures():
    script = call_script(CLIENT, SEED_DEBT, seed_result(), "en")
    codes = [objection.code for objection in script.objections]
    assert codes == ["minimum_only", "system", "full_payment", "counter_offer"]
    answers = {objection.code: objection.answer for objection in script.objections}
    assert "¥500.00 an installment" in answers["minimum_only"]
    assert "¥800.00 a month is what I can guarantee" in answers["full_payment"]
    assert "within ¥800.00 a month" in answers["counter_offer"]
    assert "reference number" in answers["system"]


def test_the_script_reminds_to_stay_calm_and_ask_for_a_call_back():
    script = call_script(CLIENT, SEED_DEBT, seed_result(), "en")
    assert script.reminders[0].startswith("Stay calm")
    assert "called back later" in script.reminders[1]
    assert "no more than ¥800.00 a month" in script.reminders[3]


def test_a_waiver_with_a_lower_term_quotes_the_waived_amount_and_payment():
    # 10,000 at 1.5 % a month over 20: 10000·0.015 / (1 − 1.015^−20) = 582.457… → 582.46;
    # 60 % of the 1,000 accrued is waived (600.00), the 400.00 left is spread 20.00 a month:
    # 602.46 a month.
    result = evaluate_proposal(CARD_DEBT, Combination(months=20, waiver_share="0.6"), "800", AS_OF)
    script = call_script(CLIENT, CARD_DEBT, result, "zh-CN")
    assert script.proposal[1] == (
        "我希望这样还清需要还的¥11,000.00：分20期，每期¥602.46，第一期在2026年4月1日。"
    )
    assert script.proposal[2] == "同时，希望贵司减免60%的已产生利息和罚息，也就是¥600.00。"


def test_a_lower_rate_is_asked_for_in_words():
    result = evaluate_proposal(
        CARD_DEBT, Combination(months=20, waiver_share="0", annual_rate="0.05"), "800", AS_OF
    )
    script = call_script(CLIENT, CARD_DEBT, result, "en")
    assert "From now on I ask for an annual rate of 5%." in script.proposal


def test_a_settlement_names_each_part_and_the_total():
    parts = (
        SettlementPart(amount="4000", due_date=date(2026, 3, 10)),
        SettlementPart(amount="4000.50", due_date=date(2026, 4, 10)),
    )
    result = seed_result(LumpSumSettlement(parts=parts))
    script = call_script(CLIENT, SEED_DEBT, result, "en")
    assert script.proposal[1] == (
        "I can settle this loan for ¥8,000.50 in all: ¥4,000.00 on 10 Mar 2026, ¥4,000.50 on "
        "10 Apr 2026."
    )
    zh = call_script(CLIENT, SEED_DEBT, result, "zh-CN")
    assert zh.proposal[1] == (
        "我可以一共还¥8,000.50结清这笔借款：2026年3月10日还¥4,000.00、2026年4月10日还¥4,000.50。"
    )


def test_a_down_payment_comes_before_the_installments():
    # 2,000 on 1 March, then 10,000 over 10 months at 0 %: 1,000.00 a month.
    result = seed_result(DownPayment(amount="2000", months=10))
    assert plan_summary(result, "en") == (
        "¥2,000.00 on 1 Mar 2026, then 10 installments of ¥1,000.00, the first on 1 Apr 2026"
    )
    assert plan_summary(result, "zh-CN") == (
        "2026年3月1日先还¥2,000.00，其余分10期，每期¥1,000.00，第一期在2026年4月1日"
    )


def test_uneven_installments_quote_the_first_and_the_highest():
    # 12,000 frozen over 9 months: 1,333.33 × 8 and 1,333.36 last (12,000 − 8 × 1,333.33).
    result = seed_result(StopInterest(months=9))
    assert plan_summary(result, "en") == (
        "9 installments, the first of ¥1,333.33 on 1 Apr 2026, none above ¥1,333.36"
    )
    script = call_script(CLIENT, SEED_DEBT, result, "zh-CN")
    assert script.proposal[1].startswith("我申请停息挂账")


def test_principal_first_says_so():
    result = evaluate_proposal(CARD_DEBT, PrincipalFirst(months=10), "800", AS_OF)
    script = call_script(CLIENT, CARD_DEBT, result, "en")
    assert script.proposal[1] == (
        "I would like to repay the principal first and the remaining interest after it."
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_script_or_message_contains_the_id_number_or_full_phone(language):
    script = call_script(CLIENT, SEED_DEBT, seed_result(), language)
    message = confirmation_message(agreed_call(), CLIENT, language, agreed=seed_result())
    for text in (script.text, message.text, message.subject):
        assert ID_NUMBER not in text
        assert ID_NUMBER[-4:] not in text
        assert "13812345678" not in text
        assert "{" not in text


def agreed_call(**fields):
    values = {
        "at": datetime(2026, 3, 1, 14, 30, tzinfo=SH),
        "channel": Channel.PHONE,
        "lender": "来分期",
        "agent_id": "FD2035",
        "summary": "协商分期",
        "lender_promised": "剩余欠款分24期，每期500元，免罚息",
        "client_promised": "每月1日前还款",
        "outcome": Outcome.AGREED,
    }
    return Call(**{**values, **fields})


def test_the_confirmation_restates_the_call_and_the_agreed_plan():
    message = confirmation_message(agreed_call(), CLIENT, "zh-CN", agreed=seed_result())
    assert message.subject == "还款协商确认（2026年3月1日）"
    assert message.text == "\n".join(
        [
            "您好，我是张明（注册手机号尾号5678）。",
            "2026年3月1日 14:30，我通过电话与贵司工号FD2035的客服沟通了还款协商。",
            "为避免误解，根据我们刚才的沟通，我理解的是：",
            "还款安排：分24期，每期¥500.00，第一期在2026年4月1日，合计¥12,000.00。",
            "贵司同意：剩余欠款分24期，每期500元，免罚息",
            "我承诺：每月1日前还款",
            "如有出入，请告诉我并更正；如无误，请回复确认，并在APP里更新还款计划。谢谢！",
            "张明",
            "2026年3月1日",
        ]
    )


def test_the_english_confirmation_without_agent_id_or_phone():
    client = CLIENT.model_copy(update={"mobile": None})
    call = agreed_call(
        agent_id="", channel=Channel.IN_APP_CHAT, lender_promised="", client_promised=""
    )
    message = confirmation_message(call, client, "en")
    assert message.text.splitlines() == [
        "Hello, this is 张明.",
        "On 1 Mar 2026, 14:30 I discussed a repayment arrangement by in-app chat with your "
        "service team.",
        "To avoid any misunderstanding, from what we just discussed, this is what I understand:",
        "If anything here is wrong, please tell me and correct it; if it is right, please reply "
        "to confirm and update the plan in the app. Thank you!",
        "张明",
        "1 Mar 2026",
    ]


def test_the_time_of_the_call_is_given_on_the_shanghai_clock():
    call = agreed_call(at=datetime(2026, 3, 1, 16, 30, tzinfo=ZoneInfo("UTC")))
    message = confirmation_message(call, CLIENT, "en")
    assert "On 2 Mar 2026, 00:30" in message.text
    assert message.subject == "Confirming our repayment arrangement (2 Mar 2026)"


def test_after_a_refusal_the_message_records_the_outcome_and_asks_where_to_write():
    call = agreed_call(outcome=Outcome.REFUSED, lender_promised="", client_promised="")
    lines = confirmation_message(call, CLIENT, "zh-CN").text.splitlines()
    assert lines[2:6] == [
        "为留存记录，我把本次沟通的结果整理如下：",
        "沟通内容：协商分期",
        "贵司这次没有同意我的申请。",
        "如有出入，请告诉我并更正；也请告知我可以通过什么途径提交书面申请。谢谢！",
    ]


def test_the_plan_is_not_restated_for_a_refused_call_even_if_given():
    call = agreed_call(outcome=Outcome.REFUSED)
    message = confirmation_message(call, CLIENT, "en", agreed=seed_result())
    assert "¥500.00" not in message.text


def test_an_unanswered_call_has_nothing_to_confirm():
    with pytest.raises(CoreError) as error:
        confirmation_message(agreed_call(outcome=Outcome.NO_ANSWER), CLIENT, "en")
    assert error.value.code == "nothing_to_confirm"


@pytest.mark.parametrize("language", ["fr", "zh"])
def test_an_unknown_language_is_refused(language):
    with pytest.raises(CoreError):
        call_script(CLIENT, SEED_DEBT, seed_result(), language)
    with pytest.raises(CoreError):
        confirmation_message(agreed_call(), CLIENT, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_whole_card_reads_as_text_with_every_section(language):
    text = call_script(CLIENT, SEED_DEBT, seed_result(), language).text
    assert text.count("【") == 5
    assert text.count("→ ") == 4


# --- issue 16 ----------------------------------------------------------------------------------

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


def test_confirmation_states_the_proposals_figures_without_doubled_words():
    """Issue 16: the message carried only the typed note ("贵司同意：同意分24期…")."""
    agreed = evaluate_proposal(
        GUIDE, StopInterest(months=24, waiver_share="0.6"), "800", date(2026, 3, 1)
    )
    call = agreed_call(lender_promised="同意分24期，每期525元")
    lines = confirmation_message(call, CLIENT, "zh-CN", agreed=agreed).text.splitlines()
    assert lines[2:6] == [
        "为避免误解，根据我们刚才的沟通，我理解的是：",
        "还款安排：分24期，每期¥525.00，第一期在2026年4月1日，合计¥12,600.00。",
        "减免：贵司减免¥900.00，这部分我不再需要偿还。",
        "贵司同意：分24期，每期525元",
    ]
    assert "同意：同意" not in "\n".join(lines)


@pytest.mark.parametrize("language", ["zh-CN", "en"])
def test_script_never_claims_a_document_the_checklist_shows_missing(language):
    """Issue 16: the script said "困难证明我都可以提供" while the checklist showed it missing."""
    from core.calls import DocumentChecklist

    income_only = DocumentChecklist(client_id=1, income_proof=True)
    script = call_script(CLIENT, SEED_DEBT, seed_result(), language, documents=income_only)
    text = script.text
    if language == "zh-CN":
        assert "困难证明我都可以提供" not in text and "收入证明和困难证明我都可以提供" not in text
        assert "困难证明我正在准备" in text
    else:
        assert "proof of the hardship together" in text
        assert "I can send proof of my income and of the hardship" not in text
    unknown = call_script(CLIENT, SEED_DEBT, seed_result(), language).text
    assert ("都可以提供" not in unknown) and ("I can send proof" not in unknown)
    ready = DocumentChecklist(client_id=1, income_proof=True, hardship_proof=True)
    full = call_script(CLIENT, SEED_DEBT, seed_result(), language, documents=ready).text
    assert "都可以提供" in full or "I can send proof of my income and of the hardship" in full


# --- issue 18: what the lender reads of the call's own words -----------------------------------

WITH_CONTACT = CLIENT.model_copy(
    update={"contacts": (ClientContact(name="李秀英", relation=Relation.SPOUSE),)}
)


def test_the_confirmation_scrubs_the_calls_words_for_the_lender():
    call = agreed_call(
        outcome=Outcome.REFUSED,
        summary=(
            "张明本人（身份证 110105 19491231 002X，手机 138-1234-5678）说明失业；"
            "合同AXCF-2024-0091277逾期，催收打到其配偶李秀英单位 0571-8765 4321"
        ),
        lender_promised="同意暂停催收，不再联系李秀英",
        client_promised="3月15日前还¥1,200.00，卡号 6222 0212 3456 7890",
    )
    message = confirmation_message(
        call, WITH_CONTACT, "zh-CN", contract_numbers=["AXCF-2024-0091277"]
    )
    assert message.text.splitlines()[2:7] == [
        "为留存记录，我把本次沟通的结果整理如下：",
        "沟通内容：张明本人（身份证 ****002X，手机 ****5678）说明失业；"
        "合同AXCF-2024-0091277逾期，催收打到其配偶李*英单位 ****4321",
        "贵司同意：暂停催收，不再联系李*英",
        "我承诺：3月15日前还¥1,200.00，卡号 ****7890",
        "贵司这次没有同意我的申请。",
    ]
    assert ID_NUMBER not in message.text and "13812345678" not in message.text


def test_a_contract_number_on_record_reaches_the_lender_whole_in_any_spelling():
    call = agreed_call(lender_promised="合同 2024 0315 0017 停息挂账")
    text = confirmation_message(call, CLIENT, "zh-CN", contract_numbers=["20240315 0017"]).text
    assert "贵司同意：合同 2024 0315 0017 停息挂账" in text
    # Not on record, the same digits are a number like any other: the last 4 only.
    assert "贵司同意：合同 ****0017 停息挂账" in confirmation_message(call, CLIENT, "zh-CN").text


def test_the_script_card_says_the_product_without_a_full_card_number():
    debt = CARD_DEBT.model_copy(update={"product": "信用卡 6222 0212 3456 7890"})
    script = call_script(
        CLIENT, debt, evaluate_proposal(debt, TermExtension(months=24), "800", AS_OF)
    )
    assert "6222 0212" not in script.text
    assert "信用卡 ****7890" in script.opening[1]
