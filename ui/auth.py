"""Team mode in a browser session: who is signed in, idle expiry, signing in and out, and the
refusal to serve an open address without team mode.

The session keeps only the account's id and the time of its last activity (UTC). Every run of
``app.py`` asks :func:`signed_in`, which signs the session out after :data:`IDLE_TIMEOUT`
without activity and refreshes the :class:`~services.Actor` from the store (a disabled account
is signed out at its next click, a changed role applies at once). Pages read the actor through
:func:`ui.state.actor`; services, not pages, decide what it may do.
"""

from __future__ import annotations

import ipaddress
from datetime import datetime
from typing import Any

import streamlit as st

import services.accounts as accounts
from core.access import IDLE_TIMEOUT, MAX_FAILED_SIGN_INS, Role, session_expired
from i18n import format_datetime, md_escape, translate
from services import Actor, StoreError, Workspace
from ui import state
from ui.errors import show_error
from ui.i18n import LANG_KEY, current_language, t
from ui.layout import LANG_WIDGET_KEY
from ui.state import ACTIVITY_KEY, ACTOR_KEY

#: Durable key: the signed-in account's id (:data:`ACTIVITY_KEY`: when the session was last
#: active, UTC).
ACCOUNT_KEY = "auth_account_id"
#: Durable key: why the session was signed out, shown once on the sign-in page: (key, params).
NOTICE_KEY = "auth_notice"
#: Session keys that outlive signing in and out (the language and its switch).
KEPT_KEYS = frozenset({LANG_KEY, LANG_WIDGET_KEY, NOTICE_KEY})


def utc_now() -> datetime:
    """Now, in UTC: :func:`ui.state.utc_now`, the one clock of sign-in, lockout and expiry."""
    return state.utc_now()


def is_loopback(address: str | None) -> bool:
    """Whether the server's ``server.address`` is reachable from this computer only.

    An unset address means every interface (Streamlit's default), so it is not loopback.

    >>> [is_loopback(a) for a in ("127.0.0.1", "127.8.0.1", "::1", "[::1]", "localhost")]
    [True, True, True, True, True]
    >>> [is_loopback(a) for a in ("0.0.0.0", "::", "192.168.1.5", "example.org", "", None)]
    [False, False, False, False, False, False]
    """
    if not address:
        return False
    name = address.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def role_label(role: Role | str | None) -> str:
    return t(f"team.role.{Role(role).value}") if role else ""


def _clear_session() -> None:
    """Forget everything of the session but its language: the next user of this browser
    starts with no client chosen, no draft and no cached figures of the last one."""
    for key in list(st.session_state):
        if key not in KEPT_KEYS:
            del st.session_state[key]


def sign_out(notice: str = "team.signed_out.done", **params: Any) -> None:
    """End the session's sign-in; the sign-in page then says why (``notice``)."""
    _clear_session()
    st.session_state[NOTICE_KEY] = (notice, params)


def signed_in(store: Workspace) -> Actor | None:
    """The signed-in account as an :class:`Actor`, refreshed from the store; ``None`` when
    nobody is signed in, after :data:`IDLE_TIMEOUT` without activity, or when the account was
    disabled meanwhile (each then signed out with its reason)."""
    account_id = st.session_state.get(ACCOUNT_KEY)
    if account_id is None:
        return None
    now = utc_now()
    last = st.session_state.get(ACTIVITY_KEY)
    if last is None or session_expired(last, now):
        sign_out("team.signed_out.expired", minutes=int(IDLE_TIMEOUT.total_seconds() // 60))
        return None
    current = accounts.actor_for(store, account_id)
    if current is None:
        sign_out("team.signed_out.disabled")
        return None
    st.session_state[ACTIVITY_KEY] = now
    st.session_state[ACTOR_KEY] = current
    return current


def start_session(current: Actor, now: datetime) -> None:
    """Sign ``current`` in to this browser session (a fresh one: nothing of before is kept)."""
    _clear_session()
    st.session_state.pop(NOTICE_KEY, None)
    st.session_state[ACCOUNT_KEY] = current.account_id
    st.session_state[ACTIVITY_KEY] = now
    st.session_state[ACTOR_KEY] = current


def sign_in_problem(exc: Any, lang: str) -> str:
    """A refused sign-in (``services.accounts.SignInError``) as one sentence in ``lang``."""
    code = getattr(exc, "code", "bad_credentials")
    if code == "locked" and getattr(exc, "locked_until", None) is not None:
        return translate("team.sign_in.locked", lang, until=format_datetime(exc.locked_until, lang))
    if code == "disabled":
        return translate("team.sign_in.disabled", lang)
    return translate("team.sign_in.bad_credentials", lang, max=MAX_FAILED_SIGN_INS)


def show_notice() -> None:
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice is None:
        return
    key, params = notice
    if key == "team.signed_out.done":
        st.success(t(key, **params), icon=":material/logout:")
    else:
        st.warning(t(key, **params), icon=":material/lock_clock:")


def render_sign_in(store: Workspace | None) -> None:
    """The sign-in page: user name and password, or how to create the first administrator."""
    st.title(t("team.sign_in.title"), anchor=False)
    if store is None:
        return
    show_notice()
    try:
        any_account = accounts.has_accounts(store)
    except StoreError as exc:
        show_error(exc)
        return
    if not any_account:
        st.info(t("team.sign_in.no_accounts"), icon=":material/admin_panel_settings:")
        st.code(t("team.sign_in.no_accounts_command"), language="sh")
        return
    st.caption(t("team.sign_in.intro"))
    column, _ = st.columns([2, 3])
    with column.form("sign_in_form", clear_on_submit=True):
        username = st.text_input(
            t("team.sign_in.username"), key="sign_in_username", autocomplete="username"
        )
        password = st.text_input(
            t("team.sign_in.password"),
            type="password",
            key="sign_in_password",
            autocomplete="current-password",
        )
        submitted = st.form_submit_button(
            t("team.sign_in.submit"), key="sign_in_submit", type="primary", icon=":material/login:"
        )
    if not submitted:
        return
    name = username.strip().lower()
    if not name or not password:
        column.error(t("team.sign_in.missing"), icon=":material/error:")
        return
    now = utc_now()
    try:
        current = accounts.sign_in(store, name, password, now=now)
    except accounts.SignInError as exc:
        column.error(sign_in_problem(exc, current_language()), icon=":material/error:")
        return
    except StoreError as exc:
        show_error(exc, column)
        return
    start_session(current, now)
    st.rerun()


def sidebar_account(current: Actor) -> None:
    """Who is signed in, with their role, and the sign-out button (in the sidebar)."""
    with st.sidebar:
        st.caption(t("team.sidebar.signed_in"))
        who = t("team.sidebar.who", name=md_escape(current.name), role=role_label(current.role))
        st.markdown(f"**{who}**")
        st.button(
            t("team.sidebar.sign_out"),
            key="auth_sign_out",
            icon=":material/logout:",
            on_click=sign_out,
        )


def render_refusal(address: str | None) -> None:
    """What an open address without team mode shows instead of the app: nothing but why, and
    how to work on this computer only or turn team mode on."""
    st.title(t("team.refusal.title"), anchor=False)
    st.error(
        t("team.refusal.body", address=md_escape(address or "0.0.0.0")), icon=":material/block:"
    )
    st.markdown(t("team.refusal.local"))
    st.markdown(t("team.refusal.team"))
