"""Form pieces the clients, affordability and debts pages share: the page's opening with the
message a save left, drafts, text inputs and a confirmed delete.

Drafts: Streamlit forgets a widget's value when the widget is not drawn (another page was open),
so each form keeps what was typed in a durable *draft* (a plain dict under :data:`DRAFTS_KEY`)
and seeds its widgets from it. A draft belongs to a *scope* — the record being edited, e.g.
``"client:7"`` — and is thrown away, with the form's widget values, when the scope changes, so a
form always starts from the saved values of the record now chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

from core.clients import Client
from core.errors import CoreError
from core.money import to_months
from i18n import CATALOGUE
from services import ChangedElsewhereError, StoreError, Workspace
from ui.errors import error_messages, show_error
from ui.i18n import current_language, t
from ui.state import get_store, require_client

T = TypeVar("T")

#: Durable key: form name -> {"_scope": scope, widget key: value}.
DRAFTS_KEY = "planning_drafts"


def show_flash(key: str) -> None:
    """The message (a catalogue key) a save left under ``key`` for the rerun after it, once."""
    flash = st.session_state.pop(key, None)
    if flash:
        st.success(t(flash), icon=":material/check_circle:")


def open_client_page(area: str, flash_key: str) -> tuple[Workspace, Client] | None:
    """A planning page's opening: the title and intro of ``area``, the store and the chosen
    client (None, with a hint, when either is missing), then the message a save left."""
    st.title(t(f"{area}.title"))
    st.caption(t(f"{area}.intro"))
    store = get_store()
    client = require_client(store) if store else None
    if client is None:
        return None
    show_flash(flash_key)
    return store, client


def open_draft(form: str, scope: str) -> dict[str, Any]:
    """The draft of ``form`` (whose widget keys start with ``form``) for ``scope``.

    A new scope drops the old draft and the form's widget values.
    """
    drafts = st.session_state.setdefault(DRAFTS_KEY, {})
    draft = drafts.get(form)
    if draft is None or draft.get("_scope") != scope:
        discard_form(form)
        draft = drafts[form] = {"_scope": scope}
    return draft


def discard_form(form: str) -> None:
    """Forget the draft of ``form`` and its widget values (after a save or a cancel)."""
    st.session_state.setdefault(DRAFTS_KEY, {}).pop(form, None)
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(form)]:
        del st.session_state[key]


def kept(draft: dict[str, Any], key: str, default: Any, draw: Callable[[], T]) -> T:
    """Draw a widget (``draw``) seeded from the draft, then keep its value in the draft."""
    seeds = draft.setdefault("_seed", {})
    seeds.setdefault(key, default)
    if key not in st.session_state:
        st.session_state[key] = draft.get(key, default)
    value = draw()
    draft[key] = st.session_state[key]
    return value


def edited(draft: dict[str, Any]) -> bool:
    """Whether anything in the form differs from what it was seeded with: what the draft kept,
    or what was typed since (the widget's value, before this run draws it — a rerun started by
    typing must not treat the form as untouched and re-seed it over the typed text)."""
    seeds = draft.get("_seed", {})
    for key, seed in seeds.items():
        if key in st.session_state:
            if st.session_state[key] != seed:
                return True
        elif key in draft and draft[key] != seed:
            return True
    return False


def open_record_draft(form: str, scope: str, version: int) -> tuple[dict[str, Any], int]:
    """The draft of a form editing a saved record, and the version of the record it edits.

    The version is the one the counselor saw when the form opened; it travels with the save,
    so a save after someone else's (another tab, another counselor) is refused rather than
    silently undoing theirs. While nothing has been typed, the form follows the record: a newer
    version re-seeds it from the saved values.
    """
    draft = open_draft(form, scope)
    seen = draft.setdefault("_version", version)
    if seen != version and not edited(draft):
        discard_form(form)
        draft = open_draft(form, scope)
        seen = draft.setdefault("_version", version)
    return draft, seen


def changed_elsewhere_notice(form: str, draft: dict[str, Any], version: int) -> None:
    """Say, before any save, that the record changed since this form was opened."""
    seen = draft.get("_version")
    if seen is None or seen == version:
        return
    st.warning(t("changes.stale_form", seen=seen, now=version), icon=":material/sync_problem:")
    if st.button(t("changes.load_current"), key=f"{form}reload_current"):
        discard_form(form)
        st.rerun()


def show_changed_elsewhere(exc: ChangedElsewhereError, rows: list[tuple[str, str]]) -> None:
    """A refused stale save: nothing was written; show what is saved now, offer to load it."""
    key = f"changes.entity.{exc.entity}"
    entity = t(key) if key in CATALOGUE else exc.entity
    if exc.current is None:
        st.error(t("changes.deleted", entity=entity), icon=":material/sync_problem:")
        return
    st.error(
        t("changes.refused", entity=entity, seen=exc.seen, now=exc.actual),
        icon=":material/sync_problem:",
    )
    if rows:
        st.dataframe(
            {
                t("changes.col.field"): [r[0] for r in rows],
                t("changes.col.now"): [r[1] for r in rows],
            },
            hide_index=True,
        )
    # The form's own notice (changed_elsewhere_notice) offers to load these values.


def months_input(
    label: str, key: str, *, container: Any = None, field: str = "months"
) -> int | None:
    """A whole number of months (1 to 600) typed as text; ``None`` when blank or (with an inline
    message) invalid."""
    target = container or st
    text = (target.text_input(label, key=key, placeholder="12") or "").strip()
    if not text:
        return None  # not filled in yet: nothing to say
    try:
        return to_months(text, field)
    except CoreError as exc:
        target.error(error_messages(exc, current_language())[0], icon=":material/error:")
        return None


def confirm(prompt: str, yes: str, no: str, key: str, *, container: Any = None) -> bool | None:
    """A two-button confirmation: True (yes), False (no) or None (not answered yet)."""
    target = container or st
    target.warning(prompt, icon=":material/warning:")
    left, right = target.columns(2)
    if left.button(yes, key=f"{key}_yes", type="primary", width="stretch"):
        return True
    if right.button(no, key=f"{key}_no", width="stretch"):
        return False
    return None


def confirm_delete(
    prompt: str,
    yes: str,
    no: str,
    key: str,
    *,
    pending_key: str,
    delete: Callable[[], object],
) -> bool:
    """Ask to confirm the delete awaiting under ``pending_key``; on yes run ``delete`` (a store
    error is shown inline). True once deleted; a no reruns the page without the question."""
    answer = confirm(prompt, yes, no, key)
    if answer is None:
        return False
    st.session_state.pop(pending_key, None)
    if not answer:
        st.rerun()
    try:
        delete()
    except StoreError as exc:
        show_error(exc)
        return False
    return True
