"""Issue 25: the escalation ladder and the call script at each legal stage, and the script's
power-of-attorney lines when a counselor calls on the client's behalf. Texts are checked
exactly through their catalogue keys, in both languages."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from core.calls import DocumentChecklist
from core.clients import Client, Consent, ConsentScope
from core.debts import Debt, LenderType
from core.proposals import TermExtension, evaluate_proposal
from core.rules.escalation import Attempt, AttemptOutcome, EscalationStep, next_escalation
from core.rules.legal import LegalEvent, LegalStage, LegalStatus
from core.rules.script import authorisation_code, call_script, legal_codes
from core.text import format_date
from i18n import translate

SH = ZoneInfo("Asia/Shanghai")
LANGS = ("zh-CN", "en")
D0 = date(2026, 3, 2)
NOW = datetime(2026, 6, 1, 10, 0, tzinfo=SH)
S = EscalationStep
ID_NUMBER = "11010519491231002X"
CLIENT = Client(
    name="张明",
    mobile="13812345678",
    id_number=ID_NUMBER,
    consent=Consent(given_on=date(2026, 1, 5), scopes={ConsentScope.STORE_PERSONAL_DATA}),
)
DEBT = Debt(
    creditor="某银行信用卡中心",
    lender_type=LenderType.BANK_CREDIT_CARD,
    product=f"信用卡 {ID_NUMBER}",  # typed text: the lender sees only the ID's last four
    outstanding_principal="10000",
    remaining_months=12,
    rate_quote="0.18",
)
RESULT = evaluate_proposal(DEBT, TermExtension(months=24), "800", date(2026, 3, 1))


def ev(stage: LegalStage, days: int, **more) -> LegalEvent:
    return LegalEvent(stage=stage, on=D0 + timedelta(days=days), **more)


#: stage name -> (status, advice keys, escalation step in court or None, script codes)
STAGES = {
    "none": (LegalStatus(), (), None, (None, None)),
    "lawyer_letter": (
        LegalStatus(events=(ev(LegalStage.LAWYER_LETTER, 0),)),
        ("lawyer_letter",),
        None,
        ("script.legal.lawyer_letter", None),
    ),
    "suit_filed": (
        LegalStatus(events=(ev(LegalStage.SUIT_FILED, 0),)),
        ("through_lawyer_or_mediation",),
        S.THROUGH_COURT,
        ("script.legal.court", "script.legal.close_mediation"),
    ),
    "served": (
        LegalStatus(events=(ev(LegalStage.SUIT_FILED, 0), ev(LegalStage.SERVED, 5))),
        ("answer_the_court", "through_lawyer_or_mediation"),
        S.THROUGH_COURT,
        ("script.legal.court", "script.legal.close_mediation"),
    ),
    "ruling": (
        LegalStatus(events=(ev(LegalStage.SUIT_FILED, 0), ev(LegalStage.RULING, 10))),
        ("through_lawyer_or_mediation",),
        S.THROUGH_COURT,
        ("script.legal.court", "script.legal.close_mediation"),
    ),
    "appeal": (
        LegalStatus(
            events=(
                ev(LegalStage.SUIT_FILED, 0),
                ev(LegalStage.SERVED, 5),
                ev(LegalStage.JUDGMENT, 30),
                ev(LegalStage.APPEAL, 40),
            )
        ),
        ("through_lawyer_or_mediation",),
        S.THROUGH_COURT,
        ("script.legal.court", "script.legal.close_mediation"),
    ),
    "judgment": (
        LegalStatus(
            events=(
                ev(LegalStage.SUIT_FILED, 0),
                ev(LegalStage.SERVED, 5),
                ev(LegalStage.JUDGMENT, 30),
            )
        ),
        ("execution_settlement",),
        S.EXECUTION_SETTLEMENT,
        ("script.legal.judgment", "script.legal.close_settlement"),
    ),
    "award": (
        LegalStatus(events=(ev(LegalStage.JUDGMENT, 30, award=True),)),
        ("award_no_appeal", "execution_settlement"),
        S.EXECUTION_SETTLEMENT,
        ("script.legal.judgment", "script.legal.close_settlement"),
    ),
    "enforcement": (
        LegalStatus(
            events=(
                ev(LegalStage.SUIT_FILED, 0),
                ev(LegalStage.SERVED, 5),
                ev(LegalStage.JUDGMENT, 30),
                ev(LegalStage.ENFORCEMENT, 60),
            )
        ),
        ("enforcement_under_way", "execution_settlement"),
        S.EXECUTION_SETTLEMENT,
        ("script.legal.enforcement", "script.legal.close_settlement"),
    ),
}


def advice_texts(keys, lang):
    if not keys:
        return ()
    return tuple(
        translate(f"legal.advice.{key}", lang) for key in (*keys, "disclaimer", "legal_aid")
    )


# --- the escalation ladder --------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(STAGES))
def test_the_next_step_at_each_legal_stage(name, lang):
    status, keys, in_court, _ = STAGES[name]
    history = [
        Attempt(step=S.FORMAL_COMPLAINT, at=NOW - timedelta(days=40), outcome=AttemptOutcome.FAILED)
    ]
    step = next_escalation(history, "bank_loan", NOW, language=lang, legal=status)
    assert tuple(note.text for note in step.legal) == advice_texts(keys, lang)
    assert [note.code for note in step.legal][-2:] == (
        ["legal.advice.disclaimer", "legal.advice.legal_aid"] if keys else []
    )
    if in_court is None:  # before court: the ladder goes on (the complaint failed)
        assert step == next_escalation(history, "bank_loan", NOW, language=lang).model_copy(
            update={"legal": step.legal}
        )
        assert step.step is S.PUBLIC_CHANNEL
        return
    first_in_court = next(e for e in status.events if e.stage is not LegalStage.LAWYER_LETTER)
    assert step.step is in_court
    assert step.due_now and step.not_before == NOW
    assert step.route is None
    assert step.text == translate(f"escalation.step.{in_court.value}", lang)
    assert step.reason.code == "escalation.reason.in_court"
    assert step.reason.text == translate(
        "escalation.reason.in_court", lang, on=format_date(first_in_court.on, lang)
    )


def test_once_in_court_the_regulator_is_not_the_next_step_even_at_the_top():
    top = [Attempt(step=S.REGULATOR, at=NOW - timedelta(days=1), outcome=AttemptOutcome.PENDING)]
    assert next_escalation(top, "bank_loan", NOW).step is S.REGULATOR
    sued = STAGES["suit_filed"][0]
    assert next_escalation(top, "bank_loan", NOW, legal=sued).step is S.THROUGH_COURT
    assert next_escalation([], "bank_loan", NOW, legal=sued).step is S.THROUGH_COURT


def test_an_agreement_stays_resolved_with_the_legal_advice_attached():
    agreed = [
        Attempt(step=S.NEGOTIATE, at=NOW - timedelta(days=1), outcome=AttemptOutcome.RESOLVED)
    ]
    status, keys, _, _ = STAGES["judgment"]
    step = next_escalation(agreed, "bank_loan", NOW, language="en", legal=status)
    assert step.step is S.RESOLVED
    assert tuple(note.text for note in step.legal) == advice_texts(keys, "en")


def test_the_new_steps_have_labels_in_both_languages():
    for step in (S.THROUGH_COURT, S.EXECUTION_SETTLEMENT):
        for lang in LANGS:
            assert translate(f"enum.step.{step.value}", lang)
    assert translate("enum.step.execution_settlement", "zh-CN") == "执行和解"


# --- the call script --------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(STAGES))
def test_the_script_at_each_legal_stage(name, lang):
    status, keys, _, (opening_code, close_code) = STAGES[name]
    assert legal_codes(status) == (opening_code, close_code)
    plain = call_script(CLIENT, DEBT, RESULT, lang)
    script = call_script(CLIENT, DEBT, RESULT, lang, legal=status)
    if opening_code is None:
        assert script == plain
        return
    line = translate(opening_code, lang)
    assert script.opening == (*plain.opening[:2], line, *plain.opening[2:])
    assert script.proposal == plain.proposal and script.objections == plain.objections
    assert script.reminders == (*plain.reminders, *advice_texts(keys, lang))
    if close_code is None:
        assert script.close_agreed == plain.close_agreed
    else:
        joiner = " " if lang == "en" else ""
        assert script.close_agreed == plain.close_agreed + joiner + translate(close_code, lang)
    assert "12348" in script.text
    # The masking rules hold: the ID number typed in the product shows its last four only.
    assert ID_NUMBER not in script.text and "****002X" in script.text


def test_after_a_judgment_the_card_asks_for_a_written_execution_settlement():
    script = call_script(CLIENT, DEBT, RESULT, "zh-CN", legal=STAGES["judgment"][0])
    assert script.close_agreed.endswith(
        "谈好的方案请写成书面的执行和解协议（双方签字），交执行法院记录在案。"
    )
    english = call_script(CLIENT, DEBT, RESULT, "en", legal=STAGES["enforcement"][0])
    assert "execution settlement (执行和解协议)" in english.close_agreed


@pytest.mark.parametrize("lang", LANGS)
def test_on_behalf_the_greeting_says_whether_the_power_of_attorney_is_in_place(lang):
    plain = call_script(CLIENT, DEBT, RESULT, lang)
    lender = "某银行信用卡中心"
    ready = DocumentChecklist(client_id=1, debt_id=1, power_of_attorney=True)
    not_ready = DocumentChecklist(client_id=1, debt_id=1, income_proof=True)
    cases = (
        (ready, "script.opening.on_behalf", "script.reminder.power_of_attorney"),
        (
            not_ready,
            "script.opening.on_behalf_pending",
            "script.reminder.power_of_attorney_missing",
        ),
        (None, "script.opening.on_behalf_pending", "script.reminder.power_of_attorney_missing"),
    )
    # The rest of the card speaks for the client (tests/rules/test_script_on_behalf.py), the
    # same whatever the checklist says.
    spoken_for = call_script(CLIENT, DEBT, RESULT, lang, on_behalf=True)
    for documents, greeting, reminder in cases:
        script = call_script(CLIENT, DEBT, RESULT, lang, documents=documents, on_behalf=True)
        assert script.opening[0] == translate(greeting, lang, name="张明", lender=lender)
        assert script.opening[1:] == spoken_for.opening[1:] != plain.opening[1:]
        assert script.reminders[-1] == translate(reminder, lang)
        assert script.reminders[:-1] == spoken_for.reminders[:-1]
        assert len(script.reminders) == len(plain.reminders) + 1
    # The client calling: the same card as before, whatever the checklist says.
    assert call_script(CLIENT, DEBT, RESULT, lang, documents=ready) == call_script(
        CLIENT, DEBT, RESULT, lang, documents=ready, on_behalf=False
    )
    assert authorisation_code(ready, on_behalf=False) is None
    assert call_script(CLIENT, DEBT, RESULT, lang, documents=ready).opening[0] == plain.opening[0]


def test_only_an_authorised_call_claims_the_authorisation():
    ready = DocumentChecklist(client_id=1, debt_id=1, power_of_attorney=True)
    yes = call_script(CLIENT, DEBT, RESULT, "en", documents=ready, on_behalf=True)
    no = call_script(CLIENT, DEBT, RESULT, "en", on_behalf=True)
    assert "with their written authorisation" in yes.opening[0]
    assert "authorisation" not in no.opening[0].replace("Their written authorisation is still", "")
    assert "still being prepared" in no.opening[0]
