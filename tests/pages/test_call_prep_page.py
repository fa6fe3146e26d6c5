"""The Call prep page with AppTest: official channels, the scam check's stop sign, the documents
checklist with its progress, and the script card in both languages."""

from __future__ import annotations

import pytest
from calls_seed import seed_case
from page_helpers import capture_deferred_downloads, load_example, open_for, texts

from core.rules.scam import NumberSource, ScamAnswers, scam_advice, scam_red_flags
from i18n import md_escape, translate

PAGE = "app_pages/call_prep.py"
LANGS = ("zh-CN", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_without_a_client_the_page_asks_to_choose_one(open_app, lang):
    at = open_app(PAGE, lang)
    assert texts(at.title) == [translate("prep.title", lang)]
    assert translate("state.choose_client_first", lang) in texts(at.info)


@pytest.mark.parametrize("lang", LANGS)
def test_where_the_number_came_from_starts_unanswered(open_app, lang):
    """Issue 17: the question started answered with the safe choice (the lender's app), so an
    unasked question showed "no warning signs" (failed before)."""
    case = seed_case(agreed_days_ago=None)
    at = open_for(open_app, PAGE, lang, case.client.id)
    source = at.selectbox(key="prep_source")
    assert source.value is None
    assert source.placeholder == translate("prep.scam.number_source_placeholder", lang)
    assert translate("prep.scam.answer_source", lang) in texts(at.info)
    assert scam_advice([], lang) not in texts(at.success)
    source.set_value(NumberSource.LENDER_APP).run()
    assert scam_advice([], lang) in texts(at.success)
    assert translate("prep.scam.answer_source", lang) not in texts(at.info)


@pytest.mark.parametrize("lang", LANGS)
def test_a_number_from_a_search_ad_shows_the_stop_sign(open_app, lang):
    case = seed_case(agreed_days_ago=None)
    at = open_for(open_app, PAGE, lang, case.client.id)
    at.selectbox(key="prep_source").set_value(NumberSource.SEARCH_AD).run()
    flags = scam_red_flags(ScamAnswers(number_source=NumberSource.SEARCH_AD), lang)
    (stop,) = texts(at.error)
    assert translate("prep.scam.stop", lang) in stop
    assert scam_advice(flags, lang) in stop


def test_pressure_alone_is_a_caution_not_a_stop(open_app):
    case = seed_case(agreed_days_ago=None)
    at = open_for(open_app, PAGE, "en", case.client.id)
    at.checkbox(key="prep_pressed_to_act_now").check().run()
    assert texts(at.error) == []
    flags = scam_red_flags(
        ScamAnswers(number_source=NumberSource.LENDER_APP, pressed_to_act_now=True), "en"
    )
    assert [flag.severity.value for flag in flags] == ["medium"]
    assert scam_advice(flags, "en") in texts(at.warning)


@pytest.mark.parametrize("lang", LANGS)
def test_the_documents_checklist_is_saved_and_shows_progress(open_app, lang):
    case = seed_case(agreed_days_ago=None)
    at = open_for(open_app, PAGE, lang, case.client.id)
    # The client calls: the power of attorney is not needed (a counselor's call needs it).
    at.radio(key=f"prep_caller_{case.client.id}").set_value(False).run()
    debt_id = case.account.id
    for item in ("contract_number", "id_card_photos", "income_proof"):
        at.checkbox(key=f"prep_doc_{debt_id}_{item}").check()
    at.button(key="prep_docs_save").click().run()
    assert not at.exception
    checklist = case.store.checklists.for_client(case.client.id, debt_id)
    assert [item.value for item in checklist.missing()] == [
        "debt_list",
        "hardship_proof",
        "written_proposal",
    ]
    progress = at.get("progress")[0]
    assert progress.proto.value == 50  # 3 of 6
    assert translate("prep.docs.progress", lang, ready=3, total=6) in progress.proto.text


def test_an_official_channel_is_added_with_where_it_was_found(open_app):
    case = seed_case(agreed_days_ago=None)
    at = open_for(open_app, PAGE, "en", case.client.id)
    assert translate("prep.channels.none", "en") in texts(at.warning)
    at.selectbox(key="prep_ch_kind").set_value("hotline")
    at.text_input(key="prep_ch_value").set_value("95555")
    at.text_input(key="prep_ch_note").set_value("App: Me → Customer service")
    at.button(key="prep_ch_save").click().run()
    assert not at.exception
    (channel,) = case.store.debts.get(case.account.id).official_channels
    assert (channel.kind.value, channel.value, channel.note) == (
        "hotline",
        "95555",
        "App: Me → Customer service",
    )


@pytest.mark.parametrize("lang", LANGS)
def test_the_script_card_quotes_the_plan_in_both_languages(open_app, lang):
    case = seed_case(agreed_days_ago=3)
    at = open_for(open_app, PAGE, lang, case.client.id)
    cards = [m.value for m in at.markdown if m.value.startswith("### ")]
    assert len(cards) == 2  # 中文 and English, whatever the page language
    zh, en = cards
    assert "### 开场" in zh and "### Opening" in en
    # ¥599.09 a month (worked by hand in test_calls_page); the contract's last four digits.
    for card in cards:
        assert md_escape("¥599.09") in card  # the card's lines are text (md_escape)
        assert "5566" in card
        assert "HT2024" not in card


def test_without_a_saved_proposal_the_card_says_how_to_get_one(open_app):
    case = seed_case(agreed_days_ago=None)
    at = open_for(open_app, PAGE, "en", case.client.id)
    assert translate("prep.script.no_proposal", "en") in texts(at.info)


@pytest.mark.parametrize("lang", LANGS)
def test_the_script_card_downloads_as_a_pdf_with_its_figures_whole(open_app, monkeypatch, lang):
    """Issue 17: the "printable" card downloaded as Markdown (failed before)."""
    offered = capture_deferred_downloads(monkeypatch)
    case = seed_case(agreed_days_ago=3)
    at = open_for(open_app, PAGE, lang, case.client.id)
    assert sorted(offered) == ["repaytalk-script-en.pdf", "repaytalk-script-zh-CN.pdf"]
    labels = [b.label for b in at.get("download_button")]
    assert labels == [translate("prep.script.download", lang)] * 2
    for card_lang, heading in (("zh-CN", "开场"), ("en", "Opening")):
        mime, make = offered[f"repaytalk-script-{card_lang}.pdf"]
        assert mime == "application/pdf"
        pdf = make()
        assert pdf.startswith(b"%PDF")
        text = pdf_text(pdf)
        assert heading in text
        assert translate("prep.script.title", card_lang) in text
        assert "¥599.09" in text  # whole, on one line
        assert "5566" in text and "HT2024" not in text


def pdf_text(pdf: bytes) -> str:
    import subprocess

    done = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")


# --- the power of attorney ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_power_of_attorney_is_made_once_a_counselor_is_named_and_its_download_is_audited(
    open_app, monkeypatch, lang
):
    import services
    from services import LOCAL_USER

    downloads = capture_deferred_downloads(monkeypatch)
    at = load_example(open_app, PAGE, lang)
    assert translate("attorney.form.name_first", lang) in texts(at.info)
    assert not [name for name in downloads if name.startswith("attorney-")]
    at.text_input(key="attorney_name").input("李顾问").run()
    assert not at.exception, at.exception
    made = sorted(name for name in downloads if name.startswith("attorney-"))
    assert [name.rsplit(".", 1)[1] for name in made] == ["docx", "pdf"]
    ws = services.open_workspace(services.configured_url())
    client_id = at.session_state["client_id"]
    before = services.audit.trail(ws, LOCAL_USER, client_id=client_id)
    mime, build = downloads[next(name for name in made if name.endswith(".pdf"))]
    assert mime == "application/pdf"
    assert build().startswith(b"%PDF")
    lines = services.audit.trail(ws, LOCAL_USER, client_id=client_id)
    assert len(lines) == len(before) + 1
    assert (lines[0].action, lines[0].detail["format"]) == ("client.attorney", "pdf")


def test_the_power_of_attorney_needs_the_consent_to_contact_lenders(open_app):
    case = seed_case(agreed_days_ago=None)
    import services
    from core.clients import ConsentScope
    from services import LOCAL_USER

    ws = services.open_workspace(services.configured_url())
    client = services.clients.get(ws, LOCAL_USER, case.client.id)
    only_storing = client.consent.model_copy(
        update={"scopes": frozenset({ConsentScope.STORE_PERSONAL_DATA})}
    )
    services.clients.update(ws, LOCAL_USER, client.model_copy(update={"consent": only_storing}))
    at = open_for(open_app, PAGE, "en", case.client.id)
    at.text_input(key="attorney_name").input("Li").run()
    assert not at.exception, at.exception
    assert any("no power of attorney can be made" in text for text in texts(at.info))
    assert not [button for button in at.get("download_button") if "attorney" in str(button.proto)]
