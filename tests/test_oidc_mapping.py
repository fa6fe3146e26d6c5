"""Signing in through the agency's identity provider (``st.login``, OIDC) without a live
provider: the provider's claims (what ``st.user`` holds) mapped to an account by e-mail with
``ui.auth.actor_for_identity``, its audit lines, the providers read from ``[auth]``, and the
sign-in page (AppTest with ``at.secrets`` and ``at.user``) in both languages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import services
import services.accounts as accounts
import services.audit as audit
import ui.state
from i18n import md_escape, translate
from ui.auth import (
    ACCOUNT_KEY,
    VIA_PROVIDER_KEY,
    IdentityOutcome,
    Provider,
    actor_for_identity,
    identity_is_fresh,
    identity_providers,
)

ROOT = Path(__file__).resolve().parent.parent
LANGS = ["zh-CN", "en"]
PASSWORD = "plum blossom 2026"
#: The clock of the sign-ins (UTC): 10:00 in Beijing.
NOW = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)
#: What ``[auth]`` holds for one provider (never a real secret).
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "not-a-real-secret-only-for-tests",
    "client_id": "repaytalk",
    "client_secret": "not-a-real-secret",
    "server_metadata_url": "https://id.agency.example/.well-known/openid-configuration",
}
VIA = {"via": "identity_provider", "provider": "default"}


@pytest.fixture
def ws(isolated_database):
    """An administrator, a counselor with an e-mail, a disabled supervisor with another."""
    ws = services.open_workspace(isolated_database)
    accounts.create_first_admin(ws, username="admin", display_name="周主任", password=PASSWORD)
    admin = accounts.sign_in(ws, "admin", PASSWORD)
    accounts.create_account(
        ws,
        admin,
        username="wang.li",
        display_name="王丽",
        role="counselor",
        password=PASSWORD,
        email="wang.li@agency.example",
    )
    gone = accounts.create_account(
        ws,
        admin,
        username="zhou.min",
        display_name="周敏",
        role="supervisor",
        password=PASSWORD,
        email="zhou.min@agency.example",
    )
    accounts.disable(ws, admin, gone.id)
    return ws


def provider_lines(ws) -> list[tuple[str, str, dict]]:
    """The trail's lines written after the set-up, oldest first: (actor, action, detail)."""
    admin = accounts.actor_for(ws, 1)
    lines = audit.trail(ws, admin)
    return [
        (line.actor, line.action, line.detail)
        for line in reversed(lines)
        if line.detail.get("via") == "identity_provider"
    ]


def claims(email: object = "wang.li@agency.example", **more: object) -> dict[str, object]:
    return {"is_logged_in": True, "email": email, "iat": int(NOW.timestamp()), **more}


# --- the mapping ----------------------------------------------------------------------------


def test_an_e_mail_in_any_case_signs_in_its_enabled_account(ws):
    outcome = actor_for_identity(ws, claims("  Wang.LI@Agency.Example "))
    assert outcome.problem is None
    assert outcome.actor is not None
    assert (outcome.actor.user_id, outcome.actor.name, outcome.actor.role) == (
        "wang.li",
        "王丽",
        "counselor",
    )
    assert outcome.actor.account_id == accounts.actor_for(ws, outcome.actor.account_id).account_id
    assert provider_lines(ws) == [("wang.li", "account.signed_in", VIA)]


def test_a_provider_sign_in_is_the_accounts_own_sign_in(ws):
    """Failures counted by the password form are reset, the last sign-in is set, and the line
    is about the account (as a password sign-in's)."""
    with pytest.raises(accounts.SignInError):
        accounts.sign_in(ws, "wang.li", "not the password")
    before = next(a for a in ws.accounts.list() if a.username == "wang.li")
    assert (before.failed_sign_ins, before.last_sign_in_at) == (1, None)
    outcome = actor_for_identity(ws, claims())
    after = ws.accounts.get(before.id)
    assert after.failed_sign_ins == 0
    assert after.last_sign_in_at is not None
    (line,) = [
        line
        for line in audit.trail(ws, accounts.actor_for(ws, 1))
        if line.action == "account.signed_in" and line.detail.get("via") == "identity_provider"
    ]
    assert (line.actor, line.subject) == ("wang.li", f"account:{outcome.actor.account_id}")


def test_a_named_provider_is_named_in_the_trail(ws):
    actor_for_identity(ws, claims(), provider="okta")
    assert provider_lines(ws) == [
        ("wang.li", "account.signed_in", {"via": "identity_provider", "provider": "okta"})
    ]


def test_an_unknown_e_mail_gets_no_account_and_an_audit_line(ws):
    outcome = actor_for_identity(ws, claims("stranger@elsewhere.example"))
    assert outcome == IdentityOutcome(None, "unknown_email", "stranger@elsewhere.example")
    assert provider_lines(ws) == [
        ("unknown", "account.sign_in_failed", {"reason": "unknown_email", **VIA})
    ]


def test_a_disabled_accounts_e_mail_is_refused_like_an_unknown_one(ws):
    """The person is told as much as an unknown one; the trail names the disabled account."""
    outcome = actor_for_identity(ws, claims("ZHOU.MIN@agency.example"))
    assert outcome == IdentityOutcome(None, "unknown_email", "ZHOU.MIN@agency.example")
    assert provider_lines(ws) == [
        ("zhou.min", "account.sign_in_failed", {"reason": "disabled", **VIA})
    ]


@pytest.mark.parametrize("email", [None, "", "   ", 42])
def test_a_login_without_an_e_mail_is_refused(ws, email):
    outcome = actor_for_identity(ws, claims(email))
    assert outcome == IdentityOutcome(None, "no_email", "")
    assert provider_lines(ws) == [
        ("unknown", "account.sign_in_failed", {"reason": "no_email", **VIA})
    ]


def test_an_e_mail_the_provider_has_not_verified_is_refused(ws):
    outcome = actor_for_identity(ws, claims(email_verified=False))
    assert outcome == IdentityOutcome(None, "email_unverified", "wang.li@agency.example")
    assert provider_lines(ws) == [
        ("unknown", "account.sign_in_failed", {"reason": "email_unverified", **VIA})
    ]
    verified = actor_for_identity(ws, claims(email_verified=True))
    assert verified.actor is not None and verified.actor.user_id == "wang.li"


def test_the_providers_are_read_from_the_auth_section():
    assert identity_providers({}) == []
    assert identity_providers({"auth": "not a table"}) == []
    assert identity_providers({"auth": {"redirect_uri": "x", "cookie_secret": "y"}}) == []
    assert identity_providers({"auth": AUTH}) == [Provider(None)]
    named = {
        "redirect_uri": "x",
        "cookie_secret": "y",
        "okta": {"client_id": "a"},
        "microsoft": {"client_id": "b"},
    }
    assert identity_providers({"auth": named}) == [Provider("okta"), Provider("microsoft")]


def test_only_a_login_of_the_last_five_minutes_is_fresh():
    at = int(NOW.timestamp())
    assert identity_is_fresh({"iat": at}, NOW) is True
    assert identity_is_fresh({"iat": at - 300}, NOW) is True
    assert identity_is_fresh({"iat": at - 301}, NOW) is False
    assert identity_is_fresh({"iat": at + 60}, NOW) is True
    assert identity_is_fresh({"iat": at + 61}, NOW) is False
    assert identity_is_fresh({"iat": True}, NOW) is False
    assert identity_is_fresh({"iat": None}, NOW) is False


# --- the sign-in page -----------------------------------------------------------------------


@pytest.fixture
def team(monkeypatch, ws):
    monkeypatch.setenv("REPAYTALK_TEAM_MODE", "1")
    monkeypatch.setattr(ui.state, "utc_now", lambda: NOW)
    return ws


def open_app(lang: str, user: dict[str, object] | None, secrets: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.secrets["auth"] = AUTH if secrets is None else secrets
    if user is not None:
        at.user = user
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_offers_the_provider_beside_the_password(team, lang):
    at = open_app(lang, {"is_logged_in": False})
    button = at.button(key="sign_in_provider_0")
    assert button.label == translate("team.sign_in.provider_default", lang)
    assert [caption.value for caption in at.caption][-1] == translate(
        "team.sign_in.or_password", lang
    )
    assert [box.key for box in at.text_input] == ["sign_in_username", "sign_in_password"]
    assert ACCOUNT_KEY not in at.session_state


@pytest.mark.parametrize("lang", LANGS)
def test_a_named_provider_is_named_on_its_button(team, lang):
    secrets = {"redirect_uri": "x", "cookie_secret": "y", "okta": {"client_id": "a"}}
    at = open_app(lang, {"is_logged_in": False}, secrets)
    assert at.button(key="sign_in_provider_0").label == translate(
        "team.sign_in.provider", lang, provider="okta"
    )


def test_without_an_auth_section_no_provider_is_offered(team):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.user = claims()  # even a browser with an identity: no [auth], no provider sign-in
    at.run()
    assert not at.exception, at.exception
    assert [button.key for button in at.button] == ["sign_in_submit"]
    assert ACCOUNT_KEY not in at.session_state


@pytest.mark.parametrize("lang", LANGS)
def test_a_fresh_provider_login_signs_its_account_in(team, lang):
    at = open_app(lang, claims("WANG.LI@agency.example"))
    assert [title.value for title in at.title] == [translate("home.title", lang)]
    who = translate(
        "team.sidebar.who", lang, name="王丽", role=translate("team.role.counselor", lang)
    )
    assert f"**{who}**" in [markdown.value for markdown in at.sidebar.markdown]
    assert at.session_state[VIA_PROVIDER_KEY] is True
    assert provider_lines(team) == [("wang.li", "account.signed_in", VIA)]


@pytest.mark.parametrize("lang", LANGS)
def test_an_unknown_e_mail_is_told_so_and_sees_nothing(team, lang):
    at = open_app(lang, claims("stranger@elsewhere.example"))
    assert [title.value for title in at.title] == [translate("team.sign_in.title", lang)]
    assert [error.value for error in at.error] == [
        translate("team.sign_in.unknown_email", lang, email=md_escape("stranger@elsewhere.example"))
    ]
    assert at.button(key="sign_in_provider_logout").label == translate(
        "team.sign_in.provider_other", lang
    )
    assert ACCOUNT_KEY not in at.session_state
    assert len(at.sidebar.button) == 0  # no sign-out, no page
    # Another rerun neither signs in nor writes a second line.
    at.run()
    assert ACCOUNT_KEY not in at.session_state
    assert provider_lines(team) == [
        ("unknown", "account.sign_in_failed", {"reason": "unknown_email", **VIA})
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_a_disabled_accounts_e_mail_is_refused_on_the_page(team, lang):
    at = open_app(lang, claims("zhou.min@agency.example"))
    assert [error.value for error in at.error] == [
        translate("team.sign_in.unknown_email", lang, email=md_escape("zhou.min@agency.example"))
    ]
    assert ACCOUNT_KEY not in at.session_state


def test_an_old_provider_login_asks_for_the_provider_again(team):
    # The identity cookie outlives an idle expiry: a login older than five minutes signs
    # nobody in by itself.
    old = claims(iat=int((NOW - timedelta(minutes=31)).timestamp()))
    at = open_app("en", old)
    assert ACCOUNT_KEY not in at.session_state
    assert at.button(key="sign_in_provider_0").label == translate(
        "team.sign_in.provider_default", "en"
    )
    assert provider_lines(team) == []


def test_a_provider_login_signs_in_once_per_session(team):
    at = open_app("en", claims())
    assert at.session_state[ACCOUNT_KEY] == 2
    at.sidebar.button(key="auth_sign_out").click().run()
    assert not at.exception, at.exception
    # Signed out (st.logout ended the identity): the same login does not sign in again.
    assert ACCOUNT_KEY not in at.session_state
    at.run()
    assert ACCOUNT_KEY not in at.session_state
    assert provider_lines(team) == [("wang.li", "account.signed_in", VIA)]
