"""The Clients page's case stage control with AppTest (issue 25): a new client's case is open
with nothing recorded; steps recorded in the form, each shown in the history newest first;
closing without a reason refused in the user's language; a step recorded in another tab
meanwhile refused with a notice."""

from __future__ import annotations

from datetime import timedelta

import pytest
from page_helpers import open_for, texts

import services
from core.case_lifecycle import CaseStage, CloseReason, StageChange
from core.clients import Client
from i18n import enum_label, format_date, translate
from services import LOCAL_USER
from ui.state import today

PAGE = "app_pages/clients.py"
LANGS = ("zh-CN", "en")
SUBMIT = "FormSubmitter:case_form-{label}"


def a_client():
    ws = services.open_workspace()
    return ws, services.clients.create(ws, LOCAL_USER, Client(name="王建国"))


def submit(at, lang):
    at.button(key=SUBMIT.format(label=translate("caseui.move", lang))).click().run()
    assert not at.exception, at.exception


@pytest.mark.parametrize("lang", LANGS)
def test_a_new_clients_case_is_open_and_moves_on_in_the_form(open_app, lang):
    ws, client = a_client()
    at = open_for(open_app, PAGE, lang, client.id)
    assert translate("caseui.title", lang) in texts(at.subheader)
    assert translate("caseui.current", lang, stage=enum_label(CaseStage.OPEN, lang)) in texts(
        at.markdown
    )
    assert translate("caseui.no_history", lang) in texts(at.caption)
    at.selectbox(key="case_to").set_value(CaseStage.ASSESSING)
    submit(at, lang)
    assert translate("caseui.moved", lang, stage=enum_label(CaseStage.ASSESSING, lang)) in texts(
        at.success
    )
    view = services.cases.case(ws, LOCAL_USER, client.id)
    assert (view.stage, view.version, view.history[0].on) == (CaseStage.ASSESSING, 1, today())
    (history,) = [
        df.value for df in at.dataframe if translate("field.reason", lang) in df.value.columns
    ]
    assert history.to_dict("records") == [
        {
            translate("field.stage", lang): enum_label(CaseStage.ASSESSING, lang),
            translate("field.on", lang): format_date(today(), lang),
            translate("field.reason", lang): "",
            translate("field.note", lang): "",
        }
    ]
    assert at.selectbox(key="case_to").options == [
        enum_label(CaseStage.NEGOTIATING, lang),
        enum_label(CaseStage.CLOSED, lang),
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_closing_needs_a_reason(open_app, lang):
    ws, client = a_client()
    at = open_for(open_app, PAGE, lang, client.id)
    at.selectbox(key="case_to").set_value(CaseStage.CLOSED)
    submit(at, lang)
    assert translate("error.case_reason", lang) in " ".join(texts(at.error))
    assert services.cases.case(ws, LOCAL_USER, client.id).version == 0
    at.selectbox(key="case_to").set_value(CaseStage.CLOSED)
    at.selectbox(key="case_reason").set_value(CloseReason.CLIENT_UNREACHABLE)
    at.text_input(key="case_note").input("打了三次没人接")
    submit(at, lang)
    view = services.cases.case(ws, LOCAL_USER, client.id)
    assert (view.stage, view.history[-1].reason, view.history[-1].note) == (
        CaseStage.CLOSED,
        CloseReason.CLIENT_UNREACHABLE,
        "打了三次没人接",
    )
    # reopened only to assessing
    assert at.selectbox(key="case_to").options == [enum_label(CaseStage.ASSESSING, lang)]


def test_a_step_recorded_elsewhere_meanwhile_is_refused_with_a_notice(open_app):
    ws, client = a_client()
    at = open_for(open_app, PAGE, "en", client.id)
    services.cases.move(
        ws,
        LOCAL_USER,
        StageChange(client_id=client.id, stage=CaseStage.OPEN, on=today() - timedelta(days=3)),
        version=0,
    )
    at.selectbox(key="case_to").set_value(CaseStage.ASSESSING)
    submit(at, "en")
    assert translate("caseui.changed", "en") in texts(at.warning)
    assert services.cases.case(ws, LOCAL_USER, client.id).version == 1
