"""The Debts page's legal status section: per debt, the legal steps recorded (律师函, suit,
service, judgment or award, ruling, appeal, enforcement) with their dates, the deadlines they
set — each with its article of the Civil Procedure Law — and what to keep in mind when
negotiating, ending with the disclaimer and where to get legal aid (12348).

A step is recorded in a form (once per submission) and deleted at the version shown; the
rules' refusals (dates out of order, an appeal without a decision) are worded in the user's
language. The day is passed in (``as_of``): the page reads the clock once. No holiday calendar
is entered (Data page) ``legal.calendar_note`` says so under the deadlines (ui.holiday_widgets).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st
from pydantic import ValidationError

import services
from core.errors import CoreError
from core.rules.legal import (
    DECISIONS,
    MAX_DOCUMENT_LENGTH,
    Deadline,
    LegalEvent,
    LegalStage,
    Party,
)
from i18n import format_date, md_escape
from services import ChangedElsewhereError, StoreError, Workspace
from services.legal import DebtLegal, SavedLegalEvent
from ui.errors import show_error
from ui.holiday_widgets import calendar_note
from ui.i18n import enum_label, enum_labels, t, worded
from ui.state import actor, client_label, form_session
from ui.tables import fitted_table

FLASH_KEY = "legal_flash"
#: Durable key: a correction refused because the step changed meanwhile, said once.
WARNING_KEY = "legal_warning"
#: The stages a counselor records (``none`` is no step at all).
RECORDED = tuple(stage for stage in LegalStage if stage is not LegalStage.NONE)


def left_text(deadline: Deadline) -> str:
    """How long is left, in words: days left, due today, or passed."""
    if not deadline.open:
        return t("legalui.overtaken")
    if deadline.days_left == 0:
        return t("legal.deadline.due_today")
    if deadline.passed:
        return t("legal.deadline.passed", n=-deadline.days_left)
    return t("legal.deadline.days_left", n=deadline.days_left)


def cited(deadline: Deadline) -> str:
    return t(
        "legal.deadline.cited",
        revision=deadline.source.revision,
        article=deadline.source.article,
    )


def step_rows(legal: DebtLegal, lang: str) -> list[dict[str, str]]:
    return [
        {
            t("field.legal_stage"): enum_label(saved.event.stage),
            t("field.legal_on"): format_date(saved.event.on, lang),
            t("field.legal_document"): saved.event.document,
            t("field.award"): t("legalui.award_yes") if saved.event.award else "",
            t("field.perform_by"): (
                format_date(saved.event.perform_by, lang) if saved.event.perform_by else ""
            ),
        }
        for saved in legal.events
    ]


def deadline_rows(legal: DebtLegal, lang: str) -> list[dict[str, str]]:
    return [
        {
            t("legalui.col.deadline"): enum_label(deadline.kind),
            t("legalui.col.whose"): enum_label(deadline.party),
            t("legalui.col.due"): format_date(deadline.due, lang),
            t("legalui.col.left"): left_text(deadline),
            t("legalui.col.source"): cited(deadline),
        }
        for deadline in legal.deadlines
    ]


def render_deadlines(legal: DebtLegal, lang: str) -> None:
    st.markdown(f"**{t('legalui.deadlines')}**")
    if not legal.deadlines:
        st.caption(t("legalui.no_deadlines"))
        return
    fitted_table(pd.DataFrame(deadline_rows(legal, lang)), key=f"legal_deadlines_{legal.debt_id}")
    for deadline in legal.deadlines:
        if deadline.rolled and deadline.open:
            st.caption(
                t(
                    "legal.deadline.rolled",
                    nominal=format_date(deadline.nominal, lang),
                    due=format_date(deadline.due, lang),
                )
            )
    if any(d.party is Party.CREDITOR for d in legal.deadlines):
        st.caption(t("legal.deadline.enforcement_estimate"))
    st.caption(calendar_note(deadline.due for deadline in legal.deadlines if deadline.open))


def render_advice(legal: DebtLegal) -> None:
    st.markdown(f"**{t('legalui.advice')}**")
    for key in legal.advice:
        st.caption(t(f"legal.advice.{key.value}"))


def render_add(
    store: Workspace,
    client_id: int,
    debt_id: int | None,
    as_of: date,
    choices: dict[int, str] | None = None,
) -> None:
    """The form recording a step: for ``debt_id``, or (``debt_id`` None) for the debt picked
    in the form among ``choices`` (debt id → creditor), the debts with no step yet."""
    prefix = f"legal_{debt_id}_" if debt_id is not None else "legal_first_"
    with st.form(prefix + "form", border=True, clear_on_submit=True):
        st.markdown(f"**{t('legalui.add')}**")
        if choices:
            picked = st.selectbox(
                t("legalui.first.debt"),
                list(choices),
                format_func=choices.__getitem__,
                key=prefix + "debt",
            )
        labels = enum_labels(LegalStage)
        left, right = st.columns(2)
        stage = left.selectbox(
            t("field.legal_stage"),
            RECORDED,
            format_func=lambda s: labels[s],
            key=worded(prefix + "stage"),
        )
        on = right.date_input(
            t("field.legal_on"),
            value=as_of,
            max_value=as_of,
            key=prefix + "on",
            format="YYYY-MM-DD",
            help=t("legal.on_help"),
        )
        document = st.text_input(
            t("field.legal_document"), key=prefix + "document", max_chars=MAX_DOCUMENT_LENGTH
        )
        award = st.checkbox(t("field.award"), key=prefix + "award")
        has_perform_by = st.checkbox(t("legalui.has_perform_by"), key=prefix + "has_perform_by")
        perform_by = st.date_input(
            t("field.perform_by"),
            value=as_of,
            key=prefix + "perform_by",
            format="YYYY-MM-DD",
            help=t("legal.perform_by_help"),
        )
        submitted = st.form_submit_button(
            t("legalui.save"), type="primary", icon=":material/gavel:"
        )
    if not submitted:
        return
    if debt_id is None:
        debt_id = picked if choices else None
        if debt_id is None:
            return
    try:
        event = LegalEvent(
            stage=stage,
            on=on,
            document=document or "",
            award=award and stage is LegalStage.JUDGMENT,
            perform_by=perform_by if has_perform_by and stage in DECISIONS else None,
        )
        saved = SavedLegalEvent(client_id=client_id, debt_id=debt_id, event=event)
        request = services.request_key(form_session(), "legal_event", saved)
        services.legal.add(store, actor(), saved, request_id=request)
    except (ValidationError, CoreError, StoreError) as exc:
        show_error(exc)
        return
    st.session_state[FLASH_KEY] = "legalui.saved"
    st.rerun()


def render_change(store: Workspace, legal: DebtLegal, lang: str) -> None:
    """Correct or delete a recorded step: pick it, change its fields in a form filled with
    what was saved (saved at the version shown), or delete it."""
    if not legal.events:
        return
    prefix = f"legal_{legal.debt_id}_"
    by_id = {saved.id: saved for saved in legal.events if saved.id is not None}
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    labels = {
        record_id: f"{enum_label(saved.event.stage)} · {format_date(saved.event.on, lang)}"
        for record_id, saved in by_id.items()
    }
    chosen = left.selectbox(
        t("legalui.delete"),
        list(by_id),
        format_func=labels.__getitem__,
        key=prefix + "delete_pick",
    )
    if chosen is None:
        return
    if right.button(t("legalui.delete_button"), key=prefix + "delete", icon=":material/delete:"):
        try:
            services.legal.delete(store, actor(), chosen, version=by_id[chosen].version)
        except ChangedElsewhereError:
            st.warning(t("legalui.changed"), icon=":material/sync_problem:")
            return
        except (ValidationError, CoreError, StoreError) as exc:
            show_error(exc)
            return
        st.session_state[FLASH_KEY] = "legalui.deleted"
        st.rerun()
    render_edit(store, by_id[chosen])


def render_edit(store: Workspace, saved: SavedLegalEvent) -> None:
    """The chosen step's form, filled with what was saved. The version it was drawn at is kept
    with it: a save over a step changed meanwhile (another tab) is refused and the form drawn
    afresh from the latest record, saying so; nothing typed is ever saved over it."""
    event = saved.event
    prefix = f"legal_edit_{saved.id}_"
    seen_key = prefix + "seen"
    if seen_key not in st.session_state:
        st.session_state[seen_key] = saved.version
    labels = enum_labels(LegalStage)
    with st.form(prefix + "form", border=True):
        st.markdown(f"**{t('legalui.edit')}**")
        left, right = st.columns(2)
        stage = left.selectbox(
            t("field.legal_stage"),
            RECORDED,
            index=RECORDED.index(event.stage),
            format_func=lambda s: labels[s],
            key=worded(prefix + "stage"),
        )
        on = right.date_input(
            t("field.legal_on"), value=event.on, key=prefix + "on", format="YYYY-MM-DD"
        )
        document = st.text_input(
            t("field.legal_document"),
            value=event.document,
            key=prefix + "document",
            max_chars=MAX_DOCUMENT_LENGTH,
        )
        award = st.checkbox(t("field.award"), value=event.award, key=prefix + "award")
        has_perform_by = st.checkbox(
            t("legalui.has_perform_by"),
            value=event.perform_by is not None,
            key=prefix + "has_perform_by",
        )
        perform_by = st.date_input(
            t("field.perform_by"),
            value=event.perform_by or event.on,
            key=prefix + "perform_by",
            format="YYYY-MM-DD",
        )
        submitted = st.form_submit_button(t("legalui.edit_save"), icon=":material/edit:")
    if not submitted:
        return
    try:
        changed = LegalEvent(
            stage=stage,
            on=on,
            document=document or "",
            award=award and stage is LegalStage.JUDGMENT,
            perform_by=perform_by if has_perform_by and stage in DECISIONS else None,
        )
        seen = st.session_state[seen_key]
        services.legal.update(
            store, actor(), saved.model_copy(update={"event": changed, "version": seen})
        )
    except ChangedElsewhereError:
        _forget(prefix)
        st.session_state[WARNING_KEY] = "legalui.changed"
        st.rerun()
    except (ValidationError, CoreError, StoreError) as exc:
        show_error(exc)
        return
    _forget(prefix)
    st.session_state[FLASH_KEY] = "legalui.edited"
    st.rerun()


def _forget(prefix: str) -> None:
    """Drop the edit form's state, so that it is drawn afresh from the saved step."""
    for key in [key for key in st.session_state if str(key).startswith(prefix)]:
        del st.session_state[key]


def render_debt(store: Workspace, client_id: int, legal: DebtLegal, as_of: date, lang: str) -> None:
    title = t(
        "legalui.debt", creditor=md_escape(legal.creditor), stage=enum_label(legal.status.stage)
    )
    open_ = any(d.open and not d.passed for d in legal.deadlines)
    with st.expander(title, expanded=open_, icon=":material/gavel:"):
        st.markdown(f"**{t('legalui.steps')}**")
        if legal.events:
            fitted_table(pd.DataFrame(step_rows(legal, lang)), key=f"legal_steps_{legal.debt_id}")
        else:
            st.caption(t("legalui.no_steps"))
        render_deadlines(legal, lang)
        render_advice(legal)
        render_add(store, client_id, legal.debt_id, as_of)
        render_change(store, legal, lang)


def read_legal(
    store: Workspace, client_id: int, as_of: date
) -> list[DebtLegal] | CoreError | StoreError:
    """The client's debts with their legal steps and deadlines, or the refusal to show.

    The page reads this before it draws its charts (see :func:`render_legal`)."""
    try:
        return services.legal.deadlines_for_client(store, actor(), client_id, as_of=as_of)
    except (CoreError, StoreError) as exc:
        return exc


def render_legal(
    store: Workspace,
    client_id: int,
    as_of: date,
    lang: str,
    debts: list[DebtLegal] | CoreError | StoreError | None = None,
) -> None:
    """The section: one expander per debt with a legal step (open while a deadline is
    running), the others together; nothing without debts. ``debts``: from
    :func:`read_legal` when the page read it earlier (read here otherwise), so that the
    browser gets the page's end without waiting on the store after the charts."""
    flash = st.session_state.pop(FLASH_KEY, None)
    warning = st.session_state.pop(WARNING_KEY, None)
    if debts is None:
        debts = read_legal(store, client_id, as_of)
    if isinstance(debts, CoreError):
        st.subheader(t("legalui.title"))
        if debts.code == "future":
            st.warning(t("legalui.future"), icon=":material/event_busy:")
        else:
            show_error(debts)
        return
    if isinstance(debts, StoreError):
        show_error(debts)
        return
    if not debts:
        return
    st.subheader(t("legalui.title"))
    st.caption(t("legalui.caption"))
    if flash:
        st.success(t(flash), icon=":material/check_circle:")
    if warning:
        st.warning(t(warning), icon=":material/sync_problem:")
    quiet = [legal for legal in debts if not legal.events]
    for legal in debts:
        if legal.events:
            render_debt(store, client_id, legal, as_of, lang)
    if quiet:
        render_quiet(store, client_id, quiet, as_of, lang)


def render_quiet(
    store: Workspace, client_id: int, quiet: list[DebtLegal], as_of: date, lang: str
) -> None:
    """The debts with no legal step yet, together: one collapsed block naming them, what to
    keep in mind (the same for all of them) and one form whose first field picks the debt.

    A client with many debts and no court case gets one block and one form, not a form per
    debt (each form is drawn on every load of the page)."""
    names = ("、" if lang == "zh-CN" else ", ").join(legal.creditor for legal in quiet)
    title = t("legalui.debt", creditor=md_escape(names), stage=enum_label(LegalStage.NONE))
    with st.expander(title, icon=":material/gavel:"):
        st.caption(t("legalui.first.caption", n=len(quiet)))
        render_advice(quiet[0])
        choices = {legal.debt_id: legal.creditor for legal in quiet}
        render_add(store, client_id, None, as_of, choices=choices)


def render_upcoming(
    store: Workspace, clients: dict, as_of: date, lang: str, show_all: bool
) -> None:
    """Today's section: the legal deadlines running across the clients listed, soonest first;
    the creditor's (enforcement, years away) only with ``show_all``."""
    st.subheader(t("legalui.today.title"))
    try:
        upcoming = services.legal.upcoming(store, actor(), as_of=as_of)
    except (CoreError, StoreError) as exc:
        show_error(exc)
        return
    upcoming = [item for item in upcoming if item.client_id in clients]
    shown = [item for item in upcoming if show_all or item.deadline.party is Party.DEBTOR]
    if not shown:
        st.success(t("legalui.today.none"), icon=":material/gavel:")
    for item in shown:
        deadline = item.deadline
        colour = (
            "red" if deadline.days_left <= 3 else "orange" if deadline.days_left <= 7 else "gray"
        )
        with st.container(border=True):
            st.markdown(
                f":{colour}-badge[{left_text(deadline)}] **{enum_label(deadline.kind)}** · "
                f"{md_escape(client_label(clients[item.client_id]))} · {md_escape(item.creditor)}"
            )
            due = t("legal.deadline.due", due=format_date(deadline.due, lang))
            st.caption(f"{due} · {cited(deadline)}")
            if deadline.party is Party.CREDITOR:
                st.caption(t("legal.deadline.enforcement_estimate"))
    hidden = len(upcoming) - len(shown)
    if hidden:
        st.caption(t("legalui.today.creditor_hidden", n=hidden))
    if upcoming:
        st.caption(calendar_note(item.deadline.due for item in shown))
