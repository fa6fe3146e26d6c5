"""The call script card said by a counselor on the client's behalf: after the counselor's
greeting every line speaks of the client by the greeting's name ("王芳每月收入…", "王芳's income
is…"), never as the client's "I"; the client's own card is unchanged. Texts are checked exactly
through their template keys, in both languages."""

from datetime import date
from decimal import Decimal

import pytest

from core.calls import DocumentChecklist
from core.clients import Client, Consent, ConsentScope
from core.debts import Debt, LenderType
from core.proposals import (
    Combination,
    LumpSumSettlement,
    PrincipalFirst,
    SettlementPart,
    StopInterest,
    TermExtension,
    evaluate_proposal,
)
from core.rules.legal import LegalEvent, LegalStage, LegalStatus
from core.rules.script import AGENT_SUFFIX, CallScript, call_script, plan_summary, voice
from core.rules.templates import TEMPLATES, render, template_fields

LANGS = ("zh-CN", "en")
AS_OF = date(2026, 3, 1)
NAME = "王芳"
ID_NUMBER = "11010519491231002X"
CONTRACT = "HT-2025-001234"
CLIENT = Client(
    name=NAME,
    mobile="13812345678",
    id_number=ID_NUMBER,
    consent=Consent(given_on=date(2026, 1, 5), scopes={ConsentScope.STORE_PERSONAL_DATA}),
)
DEBT = Debt(
    creditor="某消费金融公司",
    lender_type=LenderType.CONSUMER_FINANCE,
    product=f"好期贷 {ID_NUMBER}",  # typed text: the lender sees only the ID's last four
    outstanding_principal="10000",
    accrued_interest_and_penalties="1000",
    remaining_months=12,
    rate_quote="0.18",
)
PRODUCT = "好期贷 ****002X"
INCOME = Decimal("4000")
READY = DocumentChecklist(
    client_id=1, debt_id=1, income_proof=True, hardship_proof=True, power_of_attorney=True
)
PROPOSALS = {
    "term": TermExtension(months=24),
    "stop_interest": StopInterest(months=9),
    "principal_first": PrincipalFirst(months=10),
    "waiver_and_rate": Combination(months=20, waiver_share="0.6", annual_rate="0.05"),
    "settlement": LumpSumSettlement(
        parts=(
            SettlementPart(amount="4000", due_date=date(2026, 3, 10)),
            SettlementPart(amount="4000.50", due_date=date(2026, 4, 10)),
        )
    ),
}
D0 = date(2026, 3, 2)
STAGES = {
    "none": None,
    "lawyer_letter": LegalStatus(events=(LegalEvent(stage=LegalStage.LAWYER_LETTER, on=D0),)),
    "suit_filed": LegalStatus(events=(LegalEvent(stage=LegalStage.SUIT_FILED, on=D0),)),
    "judgment": LegalStatus(
        events=(
            LegalEvent(stage=LegalStage.SUIT_FILED, on=D0),
            LegalEvent(stage=LegalStage.JUDGMENT, on=date(2026, 4, 1)),
        )
    ),
    "enforcement": LegalStatus(
        events=(
            LegalEvent(stage=LegalStage.SUIT_FILED, on=D0),
            LegalEvent(stage=LegalStage.JUDGMENT, on=date(2026, 4, 1)),
            LegalEvent(stage=LegalStage.ENFORCEMENT, on=date(2026, 5, 1)),
        )
    ),
}
CHECKLISTS = {
    "ready": READY,
    "income_only": DocumentChecklist(client_id=1, debt_id=1, income_proof=True),
    "hardship_only": DocumentChecklist(client_id=1, debt_id=1, hardship_proof=True),
    "unknown": None,
}
#: What only the client can say of themself; the counselor's own "I" ("I note it", "let me
#: repeat") is not among them.
FIRST_PERSON = {
    "zh-CN": (
        "我的",
        "我每月",
        "我现在每月",
        "我能",
        "我可以",
        "我希望",
        "我申请",
        "我一共",
        "我在贵司",
        "我不是不还",
        "我更还不起",
        "对我",
        "帮我申请",
        "帮我提交",
        "给我一个书面",
        "我愿意",
        "我收到",
        "我想把钱",
        "我再考虑",
    ),
    "en": (
        "my income",
        "my ",
        "My ",
        "I earn",
        "I can pay",
        "I can put",
        "I can guarantee",
        "I can settle",
        "I can manage",
        "I can keep",
        "I cannot",
        "I am not refusing",
        "I want to",
        "I would like to repay",
        "I repay",
        "I have received",
        "explaining. I will think",
        "I am getting",
        "I fall",
        "for me",
    ),
}


def result_of(kind: str):
    return evaluate_proposal(DEBT, PROPOSALS[kind], "800", AS_OF)


def said_to_the_lender(script: CallScript) -> list[str]:
    """Every line of the card's opening, proposal, objections and closing."""
    objections = [line for o in script.objections for line in (o.says, o.answer)]
    return [
        *script.opening,
        *script.proposal,
        *objections,
        script.close_agreed,
        script.close_not_agreed,
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_on_behalf_the_card_speaks_of_the_client_by_name_exactly(lang):
    result = result_of("term")
    script = call_script(
        CLIENT,
        DEBT,
        result,
        lang,
        contract_number=CONTRACT,
        monthly_income=INCOME,
        documents=READY,
        on_behalf=True,
    )
    lender = "某消费金融公司"
    account = render("script.opening.account.contract", lang, contract_tail="1234")
    assert script.opening == (
        render("script.opening.on_behalf", lang, name=NAME, lender=lender),
        render("script.opening.account.agent", lang, name=NAME, product=PRODUCT, account=account),
        render("script.opening.why.agent", lang, name=NAME),
        render("script.opening.time", lang),
        render("script.opening.agent_id", lang),
    )
    plan = plan_summary(result, lang)
    assert script.proposal == (
        render(
            "script.proposal.situation.agent",
            lang,
            name=NAME,
            income="¥4,000.00",
            capacity="¥800.00",
        ),
        render("script.proposal.installments.agent", lang, name=NAME, owed="¥11,000.00", plan=plan),
        # 10,000 at 1.5 % a month over 24: 499.24, plus the 1,000 accrued spread (41.67):
        # 540.91 × 23 and 540.85 last = 12,981.78.
        render("script.proposal.total.agent", lang, name=NAME, total="¥12,981.78"),
        render("script.proposal.documents.agent", lang, name=NAME),
    )
    params = {"name": NAME, "payment": "¥540.91", "capacity": "¥800.00"}
    assert [(o.code, o.says, o.answer) for o in script.objections] == [
        (
            "minimum_only",
            render("script.objection.minimum_only.says.agent", lang),
            render("script.objection.minimum_only.answer.agent", lang, **params),
        ),
        (
            "system",
            render("script.objection.system.says", lang),
            render("script.objection.system.answer.agent", lang, name=NAME),
        ),
        (
            "full_payment",
            render("script.objection.full_payment.says.agent", lang),
            render("script.objection.full_payment.answer.agent", lang, **params),
        ),
        (
            "counter_offer",
            render("script.objection.counter_offer.says.agent", lang),
            render("script.objection.counter_offer.answer.agent", lang, **params),
        ),
    ]
    assert script.close_agreed == render("script.close.agreed.agent", lang, name=NAME, plan=plan)
    assert script.close_not_agreed == render("script.close.not_agreed.agent", lang, name=NAME)
    assert script.reminders == (
        render("script.reminder.calm", lang),
        render("script.reminder.call_back", lang),
        render("script.reminder.notes", lang),
        render("script.reminder.limit.agent", lang, capacity="¥800.00"),
        render("script.reminder.safety", lang),
        render("script.reminder.power_of_attorney", lang),
    )
    # The masking rules hold: the ID number typed in the product shows its last four only.
    assert ID_NUMBER not in script.text and "****002X" in script.text
    assert "13812345678" not in script.text


def test_the_counselors_card_reads_in_the_clients_name():
    zh = call_script(
        CLIENT, DEBT, result_of("term"), "zh-CN", monthly_income=INCOME, on_behalf=True
    )
    assert zh.proposal[0] == (
        "王芳现在每月收入¥4,000.00，除去基本生活开支，每月最多能拿出¥800.00还这笔钱。"
    )
    en = call_script(CLIENT, DEBT, result_of("term"), "en", monthly_income=INCOME, on_behalf=True)
    assert en.proposal[0] == (
        "王芳's income is ¥4,000.00 a month; after essential living costs 王芳 can put at most "
        "¥800.00 a month towards this loan."
    )
    # Without a product the lender's loan is named for the client, not as "my loan".
    plain = DEBT.model_copy(update={"product": ""})
    zh = call_script(CLIENT, plain, result_of("term"), "zh-CN", on_behalf=True)
    assert zh.opening[1] == "我想谈的是王芳名下的贵司借款，注册手机号尾号5678。"
    en = call_script(CLIENT, plain, result_of("term"), "en", on_behalf=True)
    assert en.opening[1] == (
        "I am calling about 王芳's loan, registered to the mobile number ending 5678."
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", sorted(PROPOSALS))
@pytest.mark.parametrize("stage", sorted(STAGES))
def test_on_behalf_no_line_speaks_as_the_client(lang, kind, stage):
    for documents in CHECKLISTS.values():
        for income in (INCOME, None):
            script = call_script(
                CLIENT,
                DEBT,
                result_of(kind),
                lang,
                monthly_income=income,
                documents=documents,
                legal=STAGES[stage],
                on_behalf=True,
            )
            for line in said_to_the_lender(script):
                found = [phrase for phrase in FIRST_PERSON[lang] if phrase in line]
                assert not found, (found, line)
            assert NAME in script.proposal[0] and NAME in script.close_not_agreed
            assert ID_NUMBER not in script.text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", sorted(PROPOSALS))
@pytest.mark.parametrize("stage", sorted(STAGES))
def test_the_clients_own_card_is_unchanged(lang, kind, stage):
    for documents in CHECKLISTS.values():
        common = {
            "contract_number": CONTRACT,
            "monthly_income": INCOME,
            "documents": documents,
            "legal": STAGES[stage],
        }
        before = call_script(CLIENT, DEBT, result_of(kind), lang, **common)
        assert call_script(CLIENT, DEBT, result_of(kind), lang, on_behalf=False, **common) == before
        assert before != call_script(CLIENT, DEBT, result_of(kind), lang, on_behalf=True, **common)
        assert not any(AGENT_SUFFIX in line for line in said_to_the_lender(before))


@pytest.mark.parametrize("lang", LANGS)
def test_the_clients_own_card_still_says_i(lang):
    script = call_script(CLIENT, DEBT, result_of("term"), lang, monthly_income=INCOME)
    assert script.proposal[0] == render(
        "script.proposal.situation", lang, income="¥4,000.00", capacity="¥800.00"
    )
    assert script.close_not_agreed == render("script.close.not_agreed", lang)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("stage", "code"),
    [
        ("lawyer_letter", "script.legal.lawyer_letter"),
        ("suit_filed", "script.legal.court"),
        ("judgment", "script.legal.judgment"),
        ("enforcement", "script.legal.enforcement"),
    ],
)
def test_the_legal_line_is_said_for_the_client(lang, stage, code):
    script = call_script(CLIENT, DEBT, result_of("term"), lang, legal=STAGES[stage], on_behalf=True)
    assert script.opening[2] == render(code + AGENT_SUFFIX, lang, name=NAME)
    client = call_script(CLIENT, DEBT, result_of("term"), lang, legal=STAGES[stage])
    assert client.opening[2] == render(code, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_each_proposal_kind_is_asked_for_the_client(lang):
    def proposal(kind: str) -> tuple[str, ...]:
        return call_script(CLIENT, DEBT, result_of(kind), lang, on_behalf=True).proposal

    assert proposal("stop_interest")[1] == render(
        "script.proposal.stop_interest.agent", lang, name=NAME
    )
    assert proposal("principal_first")[1] == render(
        "script.proposal.principal_first.agent", lang, name=NAME
    )
    settlement = result_of("settlement")
    assert proposal("settlement")[1] == render(
        "script.proposal.settlement.agent",
        lang,
        name=NAME,
        total="¥8,000.50",
        parts=plan_summary(settlement, lang).split("：" if lang == "zh-CN" else ": ", 1)[1],
    )
    # What the counselor asks of the lender ("希望贵司减免…", "I ask for…") is said as before.
    waiver = proposal("waiver_and_rate")
    assert waiver[2] == render("script.proposal.waiver", lang, share="60%", waived="¥600.00")
    assert waiver[3] == render("script.proposal.lower_rate", lang, rate="5%")


def test_every_agent_variant_has_a_template_it_replaces_with_the_same_figures():
    variants = [code for code in TEMPLATES if code.endswith(AGENT_SUFFIX)]
    assert len(variants) == 28
    for code in variants:
        base = code.removesuffix(AGENT_SUFFIX)
        assert base in TEMPLATES, code
        for lang in LANGS:
            fields = template_fields(TEMPLATES[code][lang])
            assert fields - {"name"} == template_fields(TEMPLATES[base][lang]), code
    assert voice("script.close.agreed", on_behalf=True) == "script.close.agreed.agent"
    assert voice("script.close.agreed", on_behalf=False) == "script.close.agreed"
    assert voice("script.opening.time", on_behalf=True) == "script.opening.time"
