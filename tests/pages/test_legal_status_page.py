"""The Debts page's legal status section with AppTest (issue 25): a suit served on the client
shows the defence deadline with its days left and its article, the advice ending with the
disclaimer and 12348; a step recorded in the form, one out of order refused in the user's
language with nothing saved, and a step deleted."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pack_seed import seed_pack
from page_helpers import open_for, texts

import services
from core.rules.legal import LegalEvent, LegalStage
from i18n import enum_label, format_date, translate
from services import LOCAL_USER
from services.legal import SavedLegalEvent
from ui.state import today

PAGE = "app_pages/debts.py"
LANGS = ("zh-CN", "en")


def seed_suit(days_since_service: int = 5):
    """王芳's debt at 招联金融: sued, the complaint served ``days_since_service`` days ago."""
    case = seed_pack()
    ws = services.open_workspace()
    as_of = today()
    served_on = as_of - timedelta(days=days_since_service)
    for stage, on in (
        (LegalStage.SUIT_FILED, served_on - timedelta(days=7)),
        (LegalStage.SERVED, served_on),
    ):
        services.legal.add(
            ws,
            LOCAL_USER,
            SavedLegalEvent(
                client_id=case.client.id,
                debt_id=case.account.id,
                event=LegalEvent(stage=stage, on=on, document="（2026）沪0115民初1234号"),
            ),
        )
    return case, ws, served_on


def deadline_table(at, lang):
    (table,) = [
        df.value for df in at.dataframe if translate("legalui.col.source", lang) in df.value.columns
    ]
    return table


@pytest.mark.parametrize("lang", LANGS)
def test_a_served_suit_shows_the_defence_deadline_with_its_article(open_app, lang):
    case, _, served_on = seed_suit()
    at = open_for(open_app, PAGE, lang, case.client.id)
    assert translate("legalui.title", lang) in texts(at.subheader)
    (expander,) = [e for e in at.expander if "招联金融" in e.label]
    assert enum_label(LegalStage.SERVED, lang) in expander.label
    table = deadline_table(at, lang)
    row = table.to_dict("records")[0]
    assert row[translate("legalui.col.deadline", lang)] == translate(
        "enum.legal_deadline.defence", lang
    )
    # 15 days from service; a weekend last day moves to the Monday (no holiday calendar yet)
    due = row[translate("legalui.col.due", lang)]
    nominal = served_on + timedelta(days=15)
    moved = nominal + timedelta(days=(7 - nominal.weekday()) % 7 if nominal.weekday() >= 5 else 0)
    assert due == format_date(moved, lang)
    assert row[translate("legalui.col.source", lang)] == translate(
        "legal.deadline.cited", lang, revision=2023, article=128
    )
    assert row[translate("legalui.col.left", lang)] == translate(
        "legal.deadline.days_left", lang, n=(moved - today()).days
    )
    captions = texts(at.caption)
    assert translate("legal.advice.disclaimer", lang) in captions
    assert translate("legal.advice.legal_aid", lang) in captions
    assert any("12348" in text for text in captions)
    assert translate("legal.calendar_note", lang) in captions


@pytest.mark.parametrize("lang", LANGS)
def test_a_step_recorded_in_the_form_and_one_out_of_order_refused(open_app, lang):
    case, ws, served_on = seed_suit()
    at = open_for(open_app, PAGE, lang, case.client.id)
    prefix = f"legal_{case.account.id}_"
    at.selectbox(key=prefix + "stage").set_value(LegalStage.JUDGMENT)
    at.date_input(key=prefix + "on").set_value(served_on - timedelta(days=20))
    at.button(key=f"FormSubmitter:{prefix}form-{translate('legalui.save', lang)}").click().run()
    assert not at.exception
    errors = " ".join(texts(at.error))
    assert translate("error.legal_order", lang) in errors
    assert len(services.legal.events_for_debt(ws, LOCAL_USER, case.account.id)) == 2
    at.selectbox(key=prefix + "stage").set_value(LegalStage.JUDGMENT)
    at.date_input(key=prefix + "on").set_value(today())
    at.button(key=f"FormSubmitter:{prefix}form-{translate('legalui.save', lang)}").click().run()
    assert not at.exception
    assert translate("legalui.saved", lang) in texts(at.success)
    stages = [
        s.event.stage for s in services.legal.events_for_debt(ws, LOCAL_USER, case.account.id)
    ]
    assert stages[-1] is LegalStage.JUDGMENT
    kinds = deadline_table(at, lang)[translate("legalui.col.deadline", lang)].tolist()
    assert translate("enum.legal_deadline.appeal_judgment", lang) in kinds


def test_a_step_is_deleted(open_app):
    case, ws, _ = seed_suit()
    at = open_for(open_app, PAGE, "en", case.client.id)
    prefix = f"legal_{case.account.id}_"
    served = services.legal.events_for_debt(ws, LOCAL_USER, case.account.id)[-1]
    at.selectbox(key=prefix + "delete_pick").set_value(served.id)
    at.button(key=prefix + "delete").click().run()
    assert not at.exception
    assert translate("legalui.deleted", "en") in texts(at.success)
    assert len(services.legal.events_for_debt(ws, LOCAL_USER, case.account.id)) == 1


def test_without_debts_there_is_no_legal_section(open_app):
    ws = services.open_workspace()
    from core.clients import Client

    client = services.clients.create(ws, LOCAL_USER, Client(name="李四"))
    at = open_for(open_app, PAGE, "en", client.id)
    assert translate("legalui.title", "en") not in texts(at.subheader)


@pytest.mark.parametrize("lang", LANGS)
def test_debts_without_a_step_share_one_block_and_one_form(open_app, lang):
    """The example client's four debts have no legal step: one collapsed block names them all,
    with one form whose first field picks the debt; a step recorded there gives that debt its
    own section, and the others stay together."""
    from page_helpers import load_example

    at = load_example(open_app, PAGE, lang)
    ws = services.open_workspace()
    client_id = at.session_state["client_id"]
    accounts = services.debts.list_for_client(ws, LOCAL_USER, client_id)
    assert len(accounts) == 4
    none = enum_label(LegalStage.NONE, lang)
    (block,) = [e for e in at.expander if e.label.endswith(none)]
    for account in accounts:
        assert account.debt.creditor in block.label
    assert translate("legalui.first.caption", lang, n=4) in texts(at.caption)
    stage_boxes = [s.key for s in at.selectbox if str(s.key).startswith("legal_")]
    assert stage_boxes == ["legal_first_debt", "legal_first_stage"]
    second = accounts[1]
    at.selectbox(key="legal_first_debt").set_value(second.id)
    at.selectbox(key="legal_first_stage").set_value(LegalStage.LAWYER_LETTER)
    at.date_input(key="legal_first_on").set_value(today() - timedelta(days=3))
    save = f"FormSubmitter:legal_first_form-{translate('legalui.save', lang)}"
    at.button(key=save).click().run()
    assert not at.exception
    assert translate("legalui.saved", lang) in texts(at.success)
    (saved,) = services.legal.events_for_debt(ws, LOCAL_USER, second.id)
    assert saved.event.stage is LegalStage.LAWYER_LETTER
    for account in accounts:
        if account.id != second.id:
            assert services.legal.events_for_debt(ws, LOCAL_USER, account.id) == []
    title = translate(
        "legalui.debt",
        lang,
        creditor=second.debt.creditor,
        stage=enum_label(LegalStage.LAWYER_LETTER, lang),
    )
    assert title in [e.label for e in at.expander]
    (block,) = [e for e in at.expander if e.label.endswith(none)]
    assert second.debt.creditor not in block.label
    assert translate("legalui.first.caption", lang, n=3) in texts(at.caption)
