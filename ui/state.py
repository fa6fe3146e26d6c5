"""Session state shared by every page: the store, and the client being worked on.

Durable choices live under plain (non-widget) keys of ``st.session_state``: Streamlit drops a
widget's key when the widget is not drawn, so a choice made on one page would vanish on the next.
"""

from __future__ import annotations

import secrets
from collections import OrderedDict
from collections.abc import Callable, Hashable
from datetime import UTC, date, datetime
from typing import Any, TypeVar

import streamlit as st

import services
from core.access import session_expired
from core.clients import Client, MaskKind, mask
from i18n import DISPLAY_ZONE, md_escape
from services import LOCAL_USER, Actor, StoreError, Workspace
from services.actor import team_mode
from services.errors import NotAllowedError, NotYoursError
from ui.errors import show_error
from ui.i18n import t

T = TypeVar("T")

#: Durable key: the id of the client being worked on, or None.
CLIENT_KEY = "client_id"
#: Durable key: this browser session's form id (see :func:`form_session`).
FORM_SESSION_KEY = "form_session"
#: Durable key: in team mode, the signed-in account as an Actor (refreshed on every run by
#: :func:`ui.auth.signed_in`; absent while nobody is signed in).
ACTOR_KEY = "auth_actor"
#: Durable key: in team mode, when this session was last active (UTC).
ACTIVITY_KEY = "auth_last_activity"
#: The permission a :class:`NotAllowedError` names when nobody (or no longer anyone) is
#: signed in: ``ui.errors`` words it as "sign in again".
SIGN_IN = "sign_in"


@st.cache_resource(show_spinner=False)
def _open_workspace(url: str) -> Workspace:
    # One engine (a connection pool) per database for the whole server; it holds no client data.
    return services.open_workspace(url)


def get_store() -> Workspace | None:
    """The workspace, opened once per server; on failure an inline message and ``None``."""
    try:
        return _open_workspace(services.configured_url())
    except StoreError as exc:
        show_error(exc)
        return None


def form_session() -> str:
    """A random id for this browser session's forms: with a submission's content it makes the
    request id (:func:`services.request_key`) that lets a repeated submission do nothing."""
    return st.session_state.setdefault(FORM_SESSION_KEY, secrets.token_hex(16))


def request_for(kind: str, *payload: Any) -> str:
    """The request id of submitting ``payload`` from this browser session's ``kind`` form."""
    parts = [p.model_dump(mode="json") if hasattr(p, "model_dump") else p for p in payload]
    return services.request_key(form_session(), kind, parts)


def session_memo(name: str, key: Hashable, build: Callable[[], T], *, max_entries: int = 32) -> T:
    """``build()``'s value for ``key``, kept in this browser session (the newest ``max_entries``).

    Per session, never per process: one counselor's client figures never serve another session,
    and a hit costs a dict lookup (``st.cache_data`` would unpickle the value on every hit).
    """
    memo: OrderedDict[Hashable, Any] = st.session_state.setdefault(f"_memo.{name}", OrderedDict())
    if key in memo:
        memo.move_to_end(key)
        return memo[key]
    value = build()
    memo[key] = value
    while len(memo) > max_entries:
        memo.popitem(last=False)
    return value


def utc_now() -> datetime:
    """Now, in UTC: the clock of sign-in, lockout and idle expiry (tests replace it)."""
    return datetime.now(UTC)


def audited_download(
    store: Workspace,
    action: str,
    client_id: int | None,
    build: Callable[[], T],
    **detail: Any,
) -> Callable[[], T]:
    """A download button's ``data`` callable: builds the file when the button is clicked and
    writes ``action`` (e.g. ``client.shared``) to the audit trail for this session's acting
    user, about ``client_id``, with ``detail`` (a format, whether masked: never personal data).

    The actor is taken now, while the page runs (the callable runs outside the script)."""
    who = actor()

    def data() -> T:
        content = build()
        services.audit.record(store, who, action, client_id=client_id, detail=detail)
        return content

    return data


def actor() -> Actor:
    """Who is acting in this browser session: in single-user mode, the local user; in team
    mode the signed-in account. :class:`NotAllowedError` (permission :data:`SIGN_IN`) if nobody
    is signed in, or the session has been idle too long — ``app.py`` then runs no page, and a
    fragment rerun (which skips ``app.py``) acts for nobody."""
    if not team_mode():
        return LOCAL_USER
    current = st.session_state.get(ACTOR_KEY)
    last = st.session_state.get(ACTIVITY_KEY)
    if not isinstance(current, Actor) or last is None or session_expired(last, utc_now()):
        raise NotAllowedError(current.user_id if isinstance(current, Actor) else "-", SIGN_IN)
    return current


def now_local() -> datetime:
    """Now, tz-aware, on the display clock (:data:`i18n.DISPLAY_ZONE`, Asia/Shanghai): the
    clock of the client and the lenders. Pages read the clock here, and pass the result to
    ``core`` as ``now`` / ``as_of``."""
    return datetime.now(DISPLAY_ZONE)


def today() -> date:
    """The ``as_of`` date of every calculation on every page."""
    return now_local().date()


def current_client_id() -> int | None:
    return st.session_state.get(CLIENT_KEY)


def select_client(client_id: int | None) -> None:
    st.session_state[CLIENT_KEY] = client_id


def current_client(store: Workspace) -> Client | None:
    """The chosen client, or None (also when they were deleted meanwhile)."""
    client_id = current_client_id()
    if client_id is None:
        return None
    try:
        return services.clients.get(store, actor(), client_id)
    except NotYoursError as exc:  # reassigned to another counselor while chosen here
        select_client(None)
        show_error(exc)
        return None
    except StoreError:
        select_client(None)
        return None


def client_label(client: Client) -> str:
    """How a client is named on screen: masked name and masked phone (张*明 · 138****5678)."""
    parts = [mask(MaskKind.NAME, client.name)]
    if client.mobile:
        parts.append(mask(MaskKind.PHONE, client.mobile))
    return " · ".join(parts)


def sidebar_client(store: Workspace | None) -> None:
    """Show the client being worked on in the sidebar, on every page."""
    client = current_client(store) if store else None
    with st.sidebar:
        st.caption(t("state.current_client"))
        if client is None:
            st.markdown(t("state.no_client"))
        else:
            st.markdown(f"**{md_escape(client_label(client))}**")


def require_client(store: Workspace) -> Client | None:
    """The chosen client; if none, say how to choose one and return None."""
    client = current_client(store)
    if client is None:
        st.info(t("state.choose_client_first"), icon=":material/person_search:")
        st.page_link("app_pages/clients.py", label=t("page.clients"), icon=":material/group:")
    return client
