"""Call prep (issue 25): who makes the call, the power of attorney on the checklist (a warning
until it is ticked when a counselor calls, and the attorney section saying whether it is
recorded), and the script card following the power of attorney and the debt's legal status."""

from __future__ import annotations

from datetime import timedelta

import pytest
from calls_seed import local_today, seed_case
from page_helpers import open_for, texts

from core.rules.legal import LegalEvent, LegalStage
from core.rules.templates import render
from i18n import md_escape, translate
from services.legal import SavedLegalEvent

PAGE = "app_pages/call_prep.py"
LANGS = ("zh-CN", "en")


def cards(at) -> tuple[str, str]:
    zh, en = [m.value for m in at.markdown if m.value.startswith("### ")]
    return zh, en


def greeting(code: str, lang: str) -> str:
    return md_escape(render(code, lang, name="张明", lender="招商银行"))


@pytest.mark.parametrize("lang", LANGS)
def test_a_counselor_call_warns_until_the_power_of_attorney_is_ticked(open_app, lang):
    case = seed_case(agreed_days_ago=3)
    at = open_for(open_app, PAGE, lang, case.client.id)
    assert at.radio(key=f"prep_caller_{case.client.id}").value is True  # a counselor by default
    progress = at.get("progress")[0]
    assert translate("prep.docs.progress", lang, ready=0, total=7) in progress.proto.text
    assert translate("prep.docs.poa_missing", lang) in texts(at.warning)
    assert translate("attorney.checklist.missing", lang) in texts(at.warning)
    for card_lang, card in zip(LANGS, cards(at), strict=True):
        assert greeting("script.opening.on_behalf_pending", card_lang) in card
        assert greeting("script.opening.on_behalf", card_lang) not in card
        assert md_escape(render("script.reminder.power_of_attorney_missing", card_lang)) in card

    at.checkbox(key=f"prep_doc_{case.account.id}_power_of_attorney").check()
    at.button(key="prep_docs_save").click().run()
    assert not at.exception, at.exception
    saved = case.store.checklists.for_client(case.client.id, case.account.id)
    assert saved.power_of_attorney is True
    assert translate("prep.docs.poa_missing", lang) not in texts(at.warning)
    assert translate("attorney.checklist.missing", lang) not in texts(at.warning)
    assert translate("attorney.checklist.recorded", lang) in texts(at.success)
    progress = at.get("progress")[0]
    assert translate("prep.docs.progress", lang, ready=1, total=7) in progress.proto.text
    for card_lang, card in zip(LANGS, cards(at), strict=True):
        assert greeting("script.opening.on_behalf", card_lang) in card
        assert greeting("script.opening.on_behalf_pending", card_lang) not in card
        assert md_escape(render("script.reminder.power_of_attorney", card_lang)) in card


@pytest.mark.parametrize("lang", LANGS)
def test_a_client_calling_needs_no_power_of_attorney(open_app, lang):
    case = seed_case(agreed_days_ago=3)
    at = open_for(open_app, PAGE, lang, case.client.id)
    at.radio(key=f"prep_caller_{case.client.id}").set_value(False).run()
    assert not at.exception, at.exception
    progress = at.get("progress")[0]
    assert translate("prep.docs.progress", lang, ready=0, total=6) in progress.proto.text
    assert translate("prep.docs.poa_missing", lang) not in texts(at.warning)
    boxes = [box.key for box in at.checkbox if box.key.startswith("prep_doc_")]
    assert f"prep_doc_{case.account.id}_power_of_attorney" not in boxes
    for card_lang, card in zip(LANGS, cards(at), strict=True):
        assert greeting("script.opening.greeting", card_lang) in card
        assert greeting("script.opening.on_behalf_pending", card_lang) not in card
        assert md_escape(render("script.reminder.power_of_attorney_missing", card_lang)) not in card


def add_steps(case, *steps: tuple[LegalStage, int]) -> None:
    today = local_today()
    for stage, days_ago in steps:
        event = LegalEvent(
            stage=stage, on=today - timedelta(days=days_ago), document="(2026)沪0101民初123号"
        )
        case.store.legal.add(
            SavedLegalEvent(client_id=case.client.id, debt_id=case.account.id, event=event)
        )


@pytest.mark.parametrize("lang", LANGS)
def test_the_card_of_a_sued_debt_goes_through_the_lawyer_or_mediation(open_app, lang):
    case = seed_case(agreed_days_ago=3)
    add_steps(case, (LegalStage.SUIT_FILED, 12), (LegalStage.SERVED, 5))
    at = open_for(open_app, PAGE, lang, case.client.id)
    assert not at.exception, at.exception
    for card_lang, card in zip(LANGS, cards(at), strict=True):
        # A counselor calls by default: the line is said for the client, by name.
        assert md_escape(render("script.legal.court.agent", card_lang, name="张明")) in card
        assert md_escape(render("script.legal.close_mediation", card_lang)) in card
        assert md_escape(render("script.legal.close_settlement", card_lang)) not in card
        for key in ("answer_the_court", "through_lawyer_or_mediation", "disclaimer", "legal_aid"):
            assert md_escape(translate(f"legal.advice.{key}", card_lang)) in card
        assert "12348" in card
        assert "沪0101民初123号" not in card  # the document note is not said to the lender


@pytest.mark.parametrize("lang", LANGS)
def test_the_card_after_a_judgment_asks_for_an_execution_settlement(open_app, lang):
    case = seed_case(agreed_days_ago=3)
    add_steps(case, (LegalStage.SUIT_FILED, 60), (LegalStage.SERVED, 50), (LegalStage.JUDGMENT, 20))
    at = open_for(open_app, PAGE, lang, case.client.id)
    assert not at.exception, at.exception
    for card_lang, card in zip(LANGS, cards(at), strict=True):
        assert md_escape(render("script.legal.judgment.agent", card_lang, name="张明")) in card
        assert md_escape(render("script.legal.close_settlement", card_lang)) in card
        assert md_escape(render("script.legal.court.agent", card_lang, name="张明")) not in card
        assert md_escape(translate("legal.advice.execution_settlement", card_lang)) in card
        assert md_escape(translate("legal.advice.disclaimer", card_lang)) in card


# --- team mode: a signed-in counselor always calls for the client ------------------------------


@pytest.fixture
def team(monkeypatch, isolated_database):
    import services
    import ui.state
    from tests.pages.test_team_roles_page import NOW, Team

    monkeypatch.setenv("REPAYTALK_TEAM_MODE", "1")
    monkeypatch.setattr(ui.state, "utc_now", lambda: NOW)
    return Team(services.open_workspace(isolated_database))


def test_in_team_mode_the_call_is_a_counselors_without_asking(team):
    import services
    from core.calls import DebtAccount
    from core.debts import Debt, LenderType
    from tests.pages.test_team_roles_page import signed_in

    services.debts.add(
        team.ws,
        team.wang,
        DebtAccount(
            client_id=team.wang_client,
            debt=Debt(
                creditor="招商银行",
                lender_type=LenderType.BANK_CREDIT_CARD,
                outstanding_principal="12000",
                remaining_months=12,
            ),
        ),
    )
    at = signed_in(team, "wang.li", "en", PAGE, client=str(team.wang_client))
    assert not at.exception, at.exception
    assert [r.key for r in at.radio if r.key.startswith("prep_caller_")] == []
    progress = at.get("progress")[0]
    assert translate("prep.docs.progress", "en", ready=0, total=7) in progress.proto.text
    assert translate("prep.docs.poa_missing", "en") in texts(at.warning)
