"""Correcting a recorded legal step on the Debts page: the form filled with what was saved,
the change saved at the version shown (and the deadline it sets follows), an order the rules
refuse worded with nothing changed, and a step changed in another tab not overwritten."""

from __future__ import annotations

from datetime import timedelta

import pytest
from page_helpers import open_for, texts

import services
from i18n import format_date, translate
from services import LOCAL_USER
from tests.pages.test_legal_status_page import deadline_table, seed_suit

PAGE = "app_pages/debts.py"
LANGS = ("zh-CN", "en")


def pick_served(at, ws, case):
    served = services.legal.events_for_debt(ws, LOCAL_USER, case.account.id)[-1]
    at.selectbox(key=f"legal_{case.account.id}_delete_pick").set_value(served.id).run()
    return served, f"legal_edit_{served.id}_"


def save(at, prefix: str, lang: str) -> None:
    at.button(key=f"FormSubmitter:{prefix}form-{translate('legalui.edit_save', lang)}").click()
    at.run()


@pytest.mark.parametrize("lang", LANGS)
def test_a_step_is_corrected_and_its_deadline_follows(open_app, lang):
    case, ws, served_on = seed_suit(days_since_service=5)
    at = open_for(open_app, PAGE, lang, case.client.id)
    served, prefix = pick_served(at, ws, case)
    assert at.date_input(key=prefix + "on").value == served_on
    assert at.text_input(key=prefix + "document").value == "（2026）沪0115民初1234号"
    later = served_on + timedelta(days=2)
    at.date_input(key=prefix + "on").set_value(later)
    at.text_input(key=prefix + "document").input("（2026）沪0115民初1235号")
    at.button(
        key=f"FormSubmitter:{prefix}form-{translate('legalui.edit_save', lang)}"
    ).click().run()
    assert not at.exception
    assert translate("legalui.edited", lang) in texts(at.success)
    now = services.legal.events_for_debt(ws, LOCAL_USER, case.account.id)[-1]
    assert (now.id, now.version, now.event.on, now.event.document) == (
        served.id,
        served.version + 1,
        later,
        "（2026）沪0115民初1235号",
    )
    (line,) = [e for e in ws.audit.list() if e.action == services.legal.CHANGED]
    assert line.detail == {"debt_id": case.account.id, "stage": "served", "id": served.id}
    nominal = later + timedelta(days=15)
    moved = nominal + timedelta(days=(7 - nominal.weekday()) % 7 if nominal.weekday() >= 5 else 0)
    row = deadline_table(at, lang).to_dict("records")[0]
    assert row[translate("legalui.col.due", lang)] == format_date(moved, lang)


def test_an_impossible_order_is_refused_and_nothing_changed(open_app):
    case, ws, served_on = seed_suit()
    at = open_for(open_app, PAGE, "en", case.client.id)
    served, prefix = pick_served(at, ws, case)
    at.date_input(key=prefix + "on").set_value(served_on - timedelta(days=30))  # before the suit
    at.button(
        key=f"FormSubmitter:{prefix}form-{translate('legalui.edit_save', 'en')}"
    ).click().run()
    assert any(translate("error.legal_order", "en") in e.value for e in at.error)
    assert services.legal.events_for_debt(ws, LOCAL_USER, case.account.id)[-1] == served


def test_a_step_changed_in_another_tab_is_not_overwritten(open_app):
    case, ws, _ = seed_suit()
    at = open_for(open_app, PAGE, "en", case.client.id)
    served, prefix = pick_served(at, ws, case)
    other = served.model_copy(
        update={"event": served.event.model_copy(update={"document": "other tab"})}
    )
    services.legal.update(ws, LOCAL_USER, other)
    at.text_input(key=prefix + "document").input("this tab")
    at.button(
        key=f"FormSubmitter:{prefix}form-{translate('legalui.edit_save', 'en')}"
    ).click().run()
    assert translate("legalui.changed", "en") in texts(at.warning)
    assert services.legal.events_for_debt(ws, LOCAL_USER, case.account.id)[-1].event.document == (
        "other tab"
    )
    # the form is drawn afresh from the latest record, and saves at its version
    assert at.text_input(key=prefix + "document").value == "other tab"
    at.text_input(key=prefix + "document").input("this tab, again")
    at.button(
        key=f"FormSubmitter:{prefix}form-{translate('legalui.edit_save', 'en')}"
    ).click().run()
    assert translate("legalui.edited", "en") in texts(at.success)
    latest = services.legal.events_for_debt(ws, LOCAL_USER, case.account.id)[-1]
    assert (latest.event.document, latest.version) == ("this tab, again", served.version + 2)
