"""The Clients page's case stage control: where the chosen client's case stands, its dated
history, and a form to record the next step (:mod:`core.case_lifecycle`: forward, back to
negotiating when an agreement breaks, closed with a reason, reopened to assessing).

A step is recorded over the history shown (its version): one recorded elsewhere meanwhile is
refused with a notice and the history as it is now; a step the lifecycle does not allow is
refused in the user's language. Only the steps allowed now are offered.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st
from pydantic import ValidationError

import services
from core.case_lifecycle import MAX_CASE_NOTE_LENGTH, CaseStage, CloseReason, StageChange
from core.clients import Client
from core.errors import CoreError
from i18n import format_date
from services import ChangedElsewhereError, StoreError, Workspace
from services.cases import CaseView
from ui.errors import show_error
from ui.i18n import current_language, enum_label, enum_labels, t, worded
from ui.state import actor, today
from ui.tables import fitted_table

FLASH_KEY = "case_flash"
PREFIX = "case_"
#: Durable: the version of each client's case as last shown, by client id (a form's submit
#: reruns the page, which reads the case again: the step goes over what was on screen).
SHOWN_KEY = "case_shown_versions"


def history_rows(view: CaseView, lang: str) -> list[dict[str, str]]:
    return [
        {
            t("field.stage"): enum_label(change.stage),
            t("field.on"): format_date(change.on, lang),
            t("field.reason"): enum_label(change.reason) if change.reason else "",
            t("field.note"): change.note,
        }
        for change in reversed(view.history)
    ]


def render_form(store: Workspace, view: CaseView, seen: int) -> None:
    stage_labels = enum_labels(CaseStage)
    reason_labels = enum_labels(CloseReason)
    with st.form(PREFIX + "form", border=True, clear_on_submit=True):
        left, middle, right = st.columns(3)
        stage = left.selectbox(
            t("caseui.to"),
            view.allowed,
            format_func=stage_labels.__getitem__,
            key=worded(PREFIX + "to"),
        )
        on = middle.date_input(
            t("caseui.on"), value=today(), max_value=today(), key=PREFIX + "on", format="YYYY-MM-DD"
        )
        reason = right.selectbox(
            t("caseui.reason"),
            list(CloseReason),
            index=None,
            format_func=reason_labels.__getitem__,
            key=worded(PREFIX + "reason"),
            placeholder=t("outcomes.none"),
        )
        note = st.text_input(t("caseui.note"), key=PREFIX + "note", max_chars=MAX_CASE_NOTE_LENGTH)
        submitted = st.form_submit_button(t("caseui.move"), type="primary", icon=":material/flag:")
    if not submitted:
        return
    try:
        change = StageChange(
            client_id=view.client_id,
            stage=stage,
            on=on,
            reason=reason if stage is CaseStage.CLOSED else None,
            note=note or "",
        )
        services.cases.move(store, actor(), change, version=seen)
    except ChangedElsewhereError:
        st.warning(t("caseui.changed"), icon=":material/sync_problem:")
        return
    except (ValidationError, CoreError, StoreError) as exc:
        show_error(exc)
        return
    st.session_state[FLASH_KEY] = stage
    st.rerun()


def render_case(store: Workspace, client: Client | None) -> None:
    """The chosen client's case stage, history and next step (nothing without a saved client)."""
    if client is None or client.id is None:
        return
    lang = current_language()
    st.subheader(t("caseui.title"))
    moved = st.session_state.pop(FLASH_KEY, None)
    if moved is not None:
        st.success(t("caseui.moved", stage=enum_label(moved)), icon=":material/check_circle:")
    try:
        view = services.cases.case(store, actor(), client.id)
    except StoreError as exc:
        show_error(exc)
        return
    if view.history:
        last = view.history[-1]
        st.markdown(
            t("caseui.current_since", stage=enum_label(view.stage), on=format_date(last.on, lang))
        )
    else:
        st.markdown(t("caseui.current", stage=enum_label(view.stage)))
    shown = st.session_state.setdefault(SHOWN_KEY, {})
    seen = shown.get(client.id, view.version)
    shown[client.id] = view.version
    if view.allowed:
        render_form(store, view, seen)
    else:
        st.caption(t("caseui.done"))
    st.markdown(f"**{t('caseui.history')}**")
    if view.history:
        fitted_table(pd.DataFrame(history_rows(view, lang)), key="case_history")
    else:
        st.caption(t("caseui.no_history"))
