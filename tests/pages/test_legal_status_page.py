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
