"""The public holiday calendar on the Data page (typed, saved, a mistake worded with the text
kept, a stale save refused) and the note under a debt's deadlines saying what it relied on."""

from __future__ import annotations

from datetime import timedelta

import pytest
from page_helpers import open_for, texts

import services
from core.rules.holidays import HolidayCalendar, parse_days
from i18n import translate
from services import LOCAL_USER
from tests.pages.test_legal_status_page import seed_suit
from ui.state import today

DATA = "app_pages/data.py"
DEBTS = "app_pages/debts.py"
LANGS = ("zh-CN", "en")


def fill(at, days: str, working: str = "", source: str = "", version: int = 0):
    at.text_area(key=f"holidays_days_v{version}").input(days)
    at.text_area(key=f"holidays_working_v{version}").input(working)
    at.text_input(key=f"holidays_source_v{version}").input(source)
    at.button(key="holidays_save").click().run()
    assert not at.exception
    return at


@pytest.mark.parametrize("lang", LANGS)
def test_the_calendar_is_typed_saved_and_shown_again_as_ranges(open_app, lang):
    at = open_app(DATA, lang)
    assert translate("holidays.title", lang) in texts(at.subheader)
    assert translate("holidays.none", lang) in texts(at.info)
    fill(at, "2026-10-01..2026-10-07\n2026/1/1, 2026-01-02", "2026-10-10", "国务院办公厅通知")
    assert [s.value for s in at.success] == [
        translate("holidays.saved", lang, holidays=9, working_days=1)
    ]
    saved = services.holidays.calendar(services.open_workspace(), LOCAL_USER)
    assert saved.version == 1
    assert saved.calendar == HolidayCalendar(
        holidays=frozenset(parse_days("2026-01-01..2026-01-02\n2026-10-01..2026-10-07")),
        working_days=frozenset(parse_days("2026-10-10")),
        source="国务院办公厅通知",
    )
    at.run()
    assert (
        at.text_area(key="holidays_days_v1").value
        == "2026-01-01..2026-01-02\n2026-10-01..2026-10-07"
    )
    assert translate("holidays.current", lang, years="2026", holidays=9, working_days=1) in texts(
        at.caption
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("days", "working", "key", "params"),
    [
        ("2026-10-01\n2026-10-32", "", "error.holiday_day", {"line": 2, "text": "2026-10-32"}),
        ("2026-10-10", "2026-10-10", "error.holiday_both", {"day": "2026-10-10"}),
        ("", "2026-10-09", "error.holiday_weekday", {"day": "2026-10-09"}),
    ],
)
def test_a_mistake_is_worded_nothing_saved_and_the_text_kept(
    open_app, lang, days, working, key, params
):
    at = fill(open_app(DATA, lang), days, working)
    assert any(translate(key, lang, **params) in e.value for e in at.error)
    field = "field.working_days" if key != "error.holiday_day" else "field.holidays"
    assert any(e.value.startswith(translate(field, lang)) for e in at.error)
    assert services.holidays.calendar(services.open_workspace(), LOCAL_USER).version == 0
    at.run()
    assert at.text_area(key="holidays_days_v0").value == days


@pytest.mark.parametrize("lang", LANGS)
def test_a_save_over_a_calendar_changed_in_another_tab_is_refused(open_app, lang):
    at = open_app(DATA, lang)
    services.holidays.save(
        services.open_workspace(), LOCAL_USER, HolidayCalendar(source="other tab"), version=0
    )
    fill(at, "2026-10-01")
    assert [w.value for w in at.warning] == [translate("holidays.changed_elsewhere", lang)]
    saved = services.holidays.calendar(services.open_workspace(), LOCAL_USER)
    assert (saved.version, saved.calendar.source) == (1, "other tab")


@pytest.mark.parametrize("lang", LANGS)
def test_the_deadlines_note_names_the_years_entered_and_warns_of_a_year_missing(open_app, lang):
    case, ws, served_on = seed_suit()
    due_year = (served_on + timedelta(days=15)).year
    entered = due_year - 1  # a calendar for the year before only: the due year is not covered
    services.holidays.save(
        ws,
        LOCAL_USER,
        HolidayCalendar(holidays=frozenset(parse_days(f"{entered}-10-01")), source="通知"),
        version=0,
    )
    at = open_for(open_app, DEBTS, lang, case.client.id)
    captions = texts(at.caption)
    assert translate("legal.calendar_note", lang) not in captions
    assert (
        " ".join(
            [
                translate("holidays.note.entered", lang, years=str(entered)),
                translate("holidays.note.source", lang, source="通知"),
                translate("holidays.note.year_missing", lang, years=str(due_year)),
            ]
        )
        in captions
    )
    assert today() < served_on + timedelta(days=16)


def test_a_double_click_saves_once_and_says_saved(open_app):
    at = open_app(DATA, "en")
    at.text_area(key="holidays_days_v0").input("2026-10-01..2026-10-07")
    # The first click of a double click saves (here through the service); the second one
    # carries the form as it was drawn, at version 0: the same calendar, so it says saved.
    ws = services.open_workspace()
    first = HolidayCalendar(holidays=frozenset(parse_days("2026-10-01..2026-10-07")))
    services.holidays.save(ws, LOCAL_USER, first, version=0)
    at.button(key="holidays_save").click().run()
    assert not at.exception
    assert not at.warning
    assert [s.value for s in at.success] == [
        translate("holidays.saved", "en", holidays=7, working_days=0)
    ]
    # Saving it again as it is writes nothing.
    at.button(key="holidays_save").click().run()
    assert services.holidays.calendar(ws, LOCAL_USER).version == 1
    assert len([e for e in ws.audit.list() if e.action == services.holidays.SAVED]) == 1
