"""Team mode in a browser session: who is signed in, idle expiry, signing in and out, and the
refusal to serve an open address without team mode.

The session keeps only the account's id and the time of its last activity (UTC). Every run of
``app.py`` asks :func:`signed_in`, which signs the session out after :data:`IDLE_TIMEOUT`
without activity and refreshes the :class:`~services.Actor` from the store (a disabled account
is signed out at its next click, a changed role applies at once). Pages read the actor through
:func:`ui.state.actor`; services, not pages, decide what it may do.

Where the agency has an identity provider (an ``[auth]`` section in ``.streamlit/secrets.toml``,
see ``.streamlit/secrets.toml.example``), the sign-in page also offers Streamlit's ``st.login``
(OIDC). The e-mail the provider vouches for (``st.user.email``) maps to the enabled account
with that e-mail (:func:`actor_for_identity`); an unknown or disabled one is refused in the
user's language and audited (``account.sign_in_failed``, reason ``unknown_email``). Only a
fresh provider login (issued within :data:`FRESH_IDENTITY`) signs a session in by itself, once:
the identity cookie Streamlit keeps for 30 days never outlives an idle expiry or a sign-out.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import streamlit as st

import services.accounts as accounts
import services.audit as audit
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
#: Durable key: the identity provider's login this session has tried, ``(email, iat)``: a
#: provider login signs a session in once, never again after a sign-out or an idle expiry.
IDENTITY_KEY = "auth_identity_tried"
#: Session key: the refused provider login (:class:`IdentityOutcome`) the page words.
REFUSED_KEY = "auth_identity_refused"
#: Durable key: the session was signed in through the identity provider (signing out then
#: also ends the provider's identity cookie, ``st.logout``).
VIA_PROVIDER_KEY = "auth_via_provider"
#: Session keys that outlive signing in and out (the language and its switch).
KEPT_KEYS = frozenset({LANG_KEY, LANG_WIDGET_KEY, NOTICE_KEY, IDENTITY_KEY})
#: How recent a provider login (its ID token's ``iat``) must be to sign a session in without
#: another click: the round trip from ``st.login`` back to the app takes seconds.
FRESH_IDENTITY = timedelta(minutes=5)
#: The audit trail's ``via`` of a sign-in through the identity provider.
VIA_IDENTITY_PROVIDER = "identity_provider"


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


# --- the identity provider (st.login) -------------------------------------------------------


@dataclass(frozen=True)
class Provider:
    """An identity provider of ``[auth]``: ``name`` is ``st.login``'s argument (``None`` when
    ``[auth]`` itself holds the provider's settings; ``[auth.NAME]`` names one)."""

    name: str | None

    def label(self) -> str:
        if self.name is None:
            return t("team.sign_in.provider_default")
        return t("team.sign_in.provider", provider=md_escape(self.name))


def identity_providers(secrets: Mapping[str, Any] | None = None) -> list[Provider]:
    """The providers configured in ``secrets`` (``st.secrets`` by default): one per
    ``[auth.NAME]`` table, or the ``[auth]`` section's own when it has ``client_id``; none
    without an ``[auth]`` section.

    >>> identity_providers({})
    []
    >>> identity_providers({"auth": {"redirect_uri": "x", "client_id": "c"}})
    [Provider(name=None)]
    >>> identity_providers({"auth": {"redirect_uri": "x", "okta": {"client_id": "c"}}})
    [Provider(name='okta')]
    """
    if secrets is None:
        if not st.secrets.load_if_toml_exists():
            return []
        secrets = st.secrets
    section = secrets.get("auth")
    if not isinstance(section, Mapping):
        return []
    named = [Provider(str(key)) for key, value in section.items() if isinstance(value, Mapping)]
    if named:
        return named
    return [Provider(None)] if section.get("client_id") else []


def provider_identity() -> dict[str, Any] | None:
    """What the identity provider said of this browser (``st.user``'s claims) when it has
    signed in through it and a provider is configured; otherwise ``None``."""
    if not identity_providers():
        return None
    claims = st.user.to_dict()
    return claims if claims.get("is_logged_in") is True else None


def identity_is_fresh(claims: Mapping[str, Any], now: datetime) -> bool:
    """Whether the provider's login (its ID token's ``iat``, seconds since 1970) is at most
    :data:`FRESH_IDENTITY` old at ``now`` (a minute of clock skew allowed).

    >>> now = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)
    >>> at = int(now.timestamp())
    >>> [identity_is_fresh({"iat": at - s}, now) for s in (0, 299, 301, -30, -90)]
    [True, True, False, True, False]
    >>> identity_is_fresh({}, now), identity_is_fresh({"iat": "soon"}, now)
    (False, False)
    """
    issued_at = claims.get("iat")
    if isinstance(issued_at, bool) or not isinstance(issued_at, int | float):
        return False
    issued = datetime.fromtimestamp(issued_at, UTC)
    return now - FRESH_IDENTITY <= issued <= now + timedelta(minutes=1)


@dataclass(frozen=True)
class IdentityOutcome:
    """A provider login mapped to an account: ``actor`` when it signs in, else ``problem``
    (``no_email``, ``email_unverified`` or ``unknown_email``: no enabled account has it)."""

    actor: Actor | None
    problem: str | None = None
    email: str = ""


#: Who an audit line of a refused provider login names (no account matched it).
_NOBODY = Actor(user_id=accounts.UNKNOWN_ACTOR, name=accounts.UNKNOWN_ACTOR)


def actor_for_identity(
    store: Workspace, claims: Mapping[str, Any], *, provider: str | None = None
) -> IdentityOutcome:
    """Map a provider login's ``claims`` (``st.user``) to the enabled account with its
    ``email`` (any case, ``services.accounts.actor_for_email``), and audit it: the account's
    ``account.signed_in``, or ``account.sign_in_failed`` by ``unknown`` with the reason (the
    e-mail itself is personal data and stays out of the trail). A provider that says the
    e-mail is not verified (``email_verified`` false) is refused."""
    via = {"via": VIA_IDENTITY_PROVIDER, "provider": provider or "default"}
    raw = claims.get("email")
    email = raw.strip() if isinstance(raw, str) else ""
    problem: str | None = None
    current: Actor | None = None
    if not email:
        problem = "no_email"
    elif claims.get("email_verified") is False:
        problem = "email_unverified"
    else:
        # the account's own sign-in: failures reset, last sign-in set, audited on the account
        current = accounts.sign_in_with_email(store, email, provider=via["provider"])
        if current is None:
            return IdentityOutcome(None, "unknown_email", email)  # audited by the service
        return IdentityOutcome(current, None, email)
    audit.record(store, _NOBODY, accounts.SIGN_IN_FAILED, detail={"reason": problem, **via})
    return IdentityOutcome(None, problem, email)


def identity_problem(outcome: IdentityOutcome) -> str:
    """Why a provider login was refused, in the session's language."""
    return t(f"team.sign_in.{outcome.problem or 'unknown_email'}", email=md_escape(outcome.email))


def _render_providers(store: Workspace, column: Any) -> None:
    """The provider buttons; a fresh provider login signs the session in (once)."""
    providers = identity_providers()
    if not providers:
        return
    claims = provider_identity()
    now = utc_now()
    if claims is not None and identity_is_fresh(claims, now):
        tried = (claims.get("email"), claims.get("iat"))
        if st.session_state.get(IDENTITY_KEY) != tried:
            st.session_state[IDENTITY_KEY] = tried
            try:
                outcome = actor_for_identity(store, claims, provider=claims.get("provider"))
            except StoreError as exc:
                show_error(exc, column)
                return
            if outcome.actor is not None:
                start_session(outcome.actor, now)
                st.session_state[VIA_PROVIDER_KEY] = True
                st.rerun()
            st.session_state[REFUSED_KEY] = outcome
    refused = st.session_state.get(REFUSED_KEY)
    if claims is not None and isinstance(refused, IdentityOutcome):
        column.error(identity_problem(refused), icon=":material/no_accounts:")
        column.button(
            t("team.sign_in.provider_other"),
            key="sign_in_provider_logout",
            icon=":material/logout:",
            on_click=st.logout,
        )
    for i, provider in enumerate(providers):
        if column.button(
            provider.label(),
            key=f"sign_in_provider_{i}",
            type="primary",
            icon=":material/badge:",
        ):
            st.session_state.pop(IDENTITY_KEY, None)
            st.login(provider.name)
    column.caption(t("team.sign_in.or_password"))


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
    _render_providers(store, column)
    # Checked in the button's callback: after a failed attempt the user name stays and only the
    # password is cleared (a double click or Enter submits once: the callback runs per submit).
    with column.form("sign_in_form"):
        st.text_input(t("team.sign_in.username"), key="sign_in_username", autocomplete="username")
        st.text_input(
            t("team.sign_in.password"),
            type="password",
            key="sign_in_password",
            autocomplete="current-password",
        )
        st.form_submit_button(
            t("team.sign_in.submit"),
            key="sign_in_submit",
            type="primary",
            icon=":material/login:",
            on_click=_submit_sign_in,
            args=(store,),
        )
    problem = st.session_state.pop(SIGN_IN_PROBLEM_KEY, None)
    if isinstance(problem, accounts.SignInError):
        column.error(sign_in_problem(problem, current_language()), icon=":material/error:")
    elif isinstance(problem, StoreError):
        show_error(problem, column)
    elif problem == "missing":
        column.error(t("team.sign_in.missing"), icon=":material/error:")


#: Session key: why the last sign-in attempt failed (read once by the sign-in page).
SIGN_IN_PROBLEM_KEY = "sign_in_problem"


def _submit_sign_in(store: Workspace) -> None:
    """The sign-in button's callback: sign in with what the form holds, or keep why not (the
    password cleared, the user name kept)."""
    name = str(st.session_state.get("sign_in_username") or "").strip().lower()
    password = str(st.session_state.get("sign_in_password") or "")
    st.session_state["sign_in_password"] = ""
    if not name or not password:
        st.session_state[SIGN_IN_PROBLEM_KEY] = "missing"
        return
    now = utc_now()
    try:
        current = accounts.sign_in(store, name, password, now=now)
    except (accounts.SignInError, StoreError) as exc:
        st.session_state[SIGN_IN_PROBLEM_KEY] = exc
        return
    start_session(current, now)  # the rerun that follows opens the page asked for


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
            on_click=_sign_out_clicked,
        )


def _sign_out_clicked() -> None:
    """Sign out; a session signed in through the identity provider also ends its identity
    cookie (``st.logout``: a new session on the app's home page)."""
    via_provider = st.session_state.get(VIA_PROVIDER_KEY) is True
    sign_out()
    if via_provider:
        st.logout()


def render_refusal(address: str | None) -> None:
    """What an open address without team mode shows instead of the app: nothing but why, and
    how to work on this computer only or turn team mode on."""
    st.title(t("team.refusal.title"), anchor=False)
    st.error(
        t("team.refusal.body", address=md_escape(address or "0.0.0.0")), icon=":material/block:"
    )
    st.markdown(t("team.refusal.local"))
    st.markdown(t("team.refusal.team"))
