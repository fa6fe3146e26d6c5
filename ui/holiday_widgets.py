"""The public holiday calendar legal deadlines are counted with: its form on the Data page
(:func:`render_holidays`, for whoever may change the workspace's settings) and the note under
every list of deadlines (:func:`calendar_note`), which says what the count relied on — the
years entered and their source, or that no calendar was entered — and warns when a deadline
shown falls in a year not entered.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import streamlit as st
from pydantic import ValidationError

import services
from core.errors import CoreError
from core.rules.holidays import MAX_SOURCE_LENGTH, HolidayCalendar, format_days, parse_days
from services import StaleRecordError, StoreError
from services.holidays import SavedCalendar
from ui.errors import show_error
from ui.i18n import t
from ui.state import actor, get_store

#: The longest list typed (400 single days written one a line take 4,400 characters).
MAX_TEXT = 20_000
#: Durable key: the outcome of the last save, shown once (kind, text key, params).
FLASH = "holidays_flash"


def _years(years: Iterable[int]) -> str:
    return t("holidays.years_joiner").join(str(year) for year in years)


def calendar_note(due_days: Iterable[date] = ()) -> str:
    """The caption under a list of deadlines: how weekends and holidays moved them."""
    store = get_store()
    saved = None
    if store is not None:
        try:
            saved = services.holidays.calendar(store, actor()).calendar
        except StoreError:
            saved = None  # the note then says no calendar was used, which is what happened
    if saved is None or not saved.years:
        return t("legal.calendar_note")
    text = t("holidays.note.entered", years=_years(saved.years))
    if saved.source:
        text += " " + t("holidays.note.source", source=saved.source)
    missing = sorted({day.year for day in due_days if not saved.covers(day)})
    if missing:
        text += " " + t("holidays.note.year_missing", years=_years(missing))
    return text


def _save(version: int, keys: tuple[str, str, str]) -> None:
    store = get_store()
    if store is None:
        return
    holidays_text, working_text, source = (st.session_state.get(key, "") for key in keys)
    try:
        calendar = HolidayCalendar(
            holidays=frozenset(parse_days(holidays_text)),
            working_days=frozenset(parse_days(working_text, "working_days")),
            source=source.strip(),
        )
        saved = services.holidays.save(store, actor(), calendar, version=version)
    except StaleRecordError:
        latest = services.holidays.calendar(store, actor())
        if latest.calendar != calendar:
            st.session_state[FLASH] = ("warning", "holidays.changed_elsewhere", {})
            return
        _saved(latest)  # a double click: the first click saved this very calendar
    except (ValidationError, CoreError, StoreError) as exc:  # worded; the typed text kept
        st.session_state[FLASH] = ("error", exc, {})
    else:
        _saved(saved)


def _saved(saved: SavedCalendar) -> None:
    st.session_state[FLASH] = (
        "success",
        "holidays.saved",
        {
            "holidays": len(saved.calendar.holidays),
            "working_days": len(saved.calendar.working_days),
        },
    )


def _show_flash() -> None:
    flash = st.session_state.pop(FLASH, None)
    if flash is None:
        return
    kind, what, params = flash
    if kind == "error":
        show_error(what)
    elif kind == "warning":
        st.warning(t(what, **params), icon=":material/sync_problem:")
    else:
        st.success(t(what, **params), icon=":material/check_circle:")


def render_holidays(store) -> None:
    """The calendar's form: public holidays, make-up working days and where they came from."""
    st.subheader(t("holidays.title"))
    st.caption(t("holidays.intro"))
    try:
        current = services.holidays.calendar(store, actor())
    except StoreError as exc:
        show_error(exc)
        return
    _show_flash()
    calendar = current.calendar
    if calendar.years:
        st.caption(
            t(
                "holidays.current",
                years=_years(calendar.years),
                holidays=len(calendar.holidays),
                working_days=len(calendar.working_days),
            )
        )
    else:
        st.info(t("holidays.none"), icon=":material/event_busy:")
    # A new version (saved here or elsewhere) draws the fields afresh with the saved values;
    # a refused save keeps what was typed (same keys).
    keys = tuple(f"holidays_{name}_v{current.version}" for name in ("days", "working", "source"))
    with st.form("holidays_form", border=False):
        left, right = st.columns(2)
        left.text_area(
            t("holidays.days"),
            value=format_days(calendar.holidays),
            height=180,
            max_chars=MAX_TEXT,
            key=keys[0],
            help=t("holidays.format_help"),
            placeholder="2026-10-01..2026-10-07",
        )
        right.text_area(
            t("holidays.working_days"),
            value=format_days(calendar.working_days),
            height=180,
            max_chars=MAX_TEXT,
            key=keys[1],
            help=t("holidays.working_help"),
            placeholder="2026-10-10",
        )
        st.text_input(
            t("holidays.source"),
            value=calendar.source,
            max_chars=MAX_SOURCE_LENGTH,
            key=keys[2],
            placeholder=t("holidays.source_placeholder"),
        )
        st.form_submit_button(
            t("holidays.save"),
            key="holidays_save",
            on_click=_save,
            args=(current.version, keys),
            icon=":material/save:",
        )
