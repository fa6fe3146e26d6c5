"""Team mode's sign-in gate (AppTest): only the sign-in page until signed in, a refused
sign-in worded by its reason, lockout with the local time it ends, idle expiry, a disabled
account signed out, signing out; and the refusal on an open address without team mode."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import services
import services.accounts as accounts
import ui.state
from core.access import IDLE_TIMEOUT, LOCKOUT, MAX_FAILED_SIGN_INS
from i18n import format_datetime, translate
from ui.auth import ACCOUNT_KEY, ACTIVITY_KEY

ROOT = Path(__file__).resolve().parents[2]
LANGS = ["zh-CN", "en"]
ADMIN_PASSWORD = "head office key 2026"
COUNSELOR_PASSWORD = "plum blossom 2026"
#: The clock of the sign-ins (UTC): 10:00 in Beijing.
NOW = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)


@pytest.fixture
def team(monkeypatch, isolated_database):
    """Team mode on a fresh database with an administrator and one counselor."""
    monkeypatch.setenv("REPAYTALK_TEAM_MODE", "1")
    monkeypatch.setattr(ui.state, "utc_now", lambda: NOW)
    ws = services.open_workspace(isolated_database)
    accounts.create_first_admin(
        ws, username="admin", display_name="Admin Zhou", password=ADMIN_PASSWORD
    )
    admin = accounts.sign_in(ws, "admin", ADMIN_PASSWORD, now=NOW)
    accounts.create_account(
        ws,
        admin,
        username="wang.li",
        display_name="王丽",
        role="counselor",
        password=COUNSELOR_PASSWORD,
    )
    return ws


def open_app(lang: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception, at.exception
    return at


def sign_in(at: AppTest, username: str, password: str) -> AppTest:
    at.text_input(key="sign_in_username").input(username)
    at.text_input(key="sign_in_password").input(password)
    at.button(key="sign_in_submit").click().run()
    assert not at.exception, at.exception
    return at


def errors(at: AppTest) -> list[str]:
    return [element.value for element in at.error]


@pytest.mark.parametrize("lang", LANGS)
def test_team_mode_shows_only_the_sign_in_page(team, lang):
    at = open_app(lang)
    assert [title.value for title in at.title] == [translate("team.sign_in.title", lang)]
    assert [box.label for box in at.text_input] == [
        translate("team.sign_in.username", lang),
        translate("team.sign_in.password", lang),
    ]
    assert at.text_input(key="sign_in_password").proto.type == 1  # PASSWORD
    # No page of the app, no client in the sidebar, no sign-out: only the language switch.
    assert [radio.key for radio in at.sidebar.radio] == ["lang_select"]
    assert len(at.sidebar.button) == 0
    assert ACCOUNT_KEY not in at.session_state


@pytest.mark.parametrize("lang", LANGS)
def test_a_counselor_signs_in_and_sees_their_name_and_role(team, lang):
    at = sign_in(open_app(lang), "wang.li", COUNSELOR_PASSWORD)
    assert [title.value for title in at.title] == [translate("home.title", lang)]
    who = translate(
        "team.sidebar.who", lang, name="王丽", role=translate("team.role.counselor", lang)
    )
    assert f"**{who}**" in [markdown.value for markdown in at.sidebar.markdown]
    assert at.sidebar.button(key="auth_sign_out").label == translate("team.sidebar.sign_out", lang)
    assert at.session_state[ACTIVITY_KEY] == NOW


@pytest.mark.parametrize("lang", LANGS)
def test_a_wrong_password_keeps_the_user_name_and_clears_the_password(team, lang):
    at = sign_in(open_app(lang), "wang.li", "not the password")
    assert errors(at) == [translate("team.sign_in.bad_credentials", lang, max=MAX_FAILED_SIGN_INS)]
    assert at.text_input(key="sign_in_username").value == "wang.li"
    assert at.text_input(key="sign_in_password").value == ""
    # the password alone is typed again
    at.text_input(key="sign_in_password").input(COUNSELOR_PASSWORD)
    at.button(key="sign_in_submit").click().run()
    assert not at.exception, at.exception
    assert [title.value for title in at.title] == [translate("home.title", lang)]


@pytest.mark.parametrize("lang", LANGS)
def test_the_user_name_is_read_in_any_case_and_spaces_around_it(team, lang):
    at = sign_in(open_app(lang), "  Wang.Li ", COUNSELOR_PASSWORD)
    assert [title.value for title in at.title] == [translate("home.title", lang)]


@pytest.mark.parametrize("lang", LANGS)
def test_a_wrong_password_and_an_unknown_name_get_the_same_message(team, lang):
    expected = [translate("team.sign_in.bad_credentials", lang, max=MAX_FAILED_SIGN_INS)]
    at = sign_in(open_app(lang), "wang.li", "not the password")
    assert errors(at) == expected
    assert [title.value for title in at.title] == [translate("team.sign_in.title", lang)]
    at = sign_in(at, "nobody.here", "not the password")
    assert errors(at) == expected
    assert ACCOUNT_KEY not in at.session_state


@pytest.mark.parametrize("lang", LANGS)
def test_an_empty_field_is_asked_for_without_trying(team, lang):
    at = sign_in(open_app(lang), "wang.li", "")
    assert errors(at) == [translate("team.sign_in.missing", lang)]
    account = next(a for a in accounts.list_accounts(team, admin(team)) if a.username == "wang.li")
    assert account.failed_sign_ins == 0


def admin(ws):
    return accounts.actor_for(ws, 1)


@pytest.mark.parametrize("lang", LANGS)
def test_five_failures_lock_the_account_until_a_stated_local_time(team, lang):
    at = open_app(lang)
    for _ in range(MAX_FAILED_SIGN_INS - 1):
        at = sign_in(at, "wang.li", "not the password")
    until = format_datetime(NOW + LOCKOUT, lang)  # 30 Nov 2026, 10:15 in Beijing
    assert until == {"zh-CN": "2026年11月30日 10:15", "en": "30 Nov 2026, 10:15"}[lang]
    locked = [translate("team.sign_in.locked", lang, until=until)]
    assert errors(sign_in(at, "wang.li", "not the password")) == locked
    # Even the right password is refused while the lock lasts.
    assert errors(sign_in(at, "wang.li", COUNSELOR_PASSWORD)) == locked
    assert ACCOUNT_KEY not in at.session_state


@pytest.mark.parametrize("lang", LANGS)
def test_a_disabled_account_is_told_so(team, lang):
    counselor = next(a for a in accounts.list_accounts(team, admin(team)) if a.role == "counselor")
    accounts.disable(team, admin(team), counselor.id)
    at = sign_in(open_app(lang), "wang.li", COUNSELOR_PASSWORD)
    assert errors(at) == [translate("team.sign_in.disabled", lang)]


@pytest.mark.parametrize("lang", LANGS)
def test_thirty_idle_minutes_sign_the_session_out_with_the_reason(team, monkeypatch, lang):
    at = sign_in(open_app(lang), "wang.li", COUNSELOR_PASSWORD)
    at.switch_page("app_pages/clients.py").run()
    assert [title.value for title in at.title] == [translate("clients.title", lang)]
    # Exactly the idle time later the session lives on …
    monkeypatch.setattr(ui.state, "utc_now", lambda: NOW + IDLE_TIMEOUT)
    at.run()
    assert [title.value for title in at.title] == [translate("clients.title", lang)]
    assert at.session_state[ACTIVITY_KEY] == NOW + IDLE_TIMEOUT
    # … and a second more than that after the last activity, it is signed out.
    monkeypatch.setattr(ui.state, "utc_now", lambda: NOW + 2 * IDLE_TIMEOUT + timedelta(seconds=1))
    at.run()
    assert not at.exception, at.exception
    assert [title.value for title in at.title] == [translate("team.sign_in.title", lang)]
    assert [warning.value for warning in at.warning] == [
        translate("team.signed_out.expired", lang, minutes=30)
    ]
    assert ACCOUNT_KEY not in at.session_state
    assert "client_id" not in at.session_state


@pytest.mark.parametrize("lang", LANGS)
def test_an_account_disabled_meanwhile_is_signed_out_at_its_next_click(team, lang):
    at = sign_in(open_app(lang), "wang.li", COUNSELOR_PASSWORD)
    counselor = next(a for a in accounts.list_accounts(team, admin(team)) if a.role == "counselor")
    accounts.disable(team, admin(team), counselor.id)
    at.run()
    assert [title.value for title in at.title] == [translate("team.sign_in.title", lang)]
    assert [warning.value for warning in at.warning] == [
        translate("team.signed_out.disabled", lang)
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_signing_out_forgets_the_session_but_its_language(team, lang):
    at = sign_in(open_app(lang), "wang.li", COUNSELOR_PASSWORD)
    at.session_state["client_id"] = 42
    at.sidebar.button(key="auth_sign_out").click().run()
    assert not at.exception, at.exception
    assert [title.value for title in at.title] == [translate("team.sign_in.title", lang)]
    assert [success.value for success in at.success] == [translate("team.signed_out.done", lang)]
    assert "client_id" not in at.session_state
    assert ACCOUNT_KEY not in at.session_state
    assert at.session_state["lang"] == lang


@pytest.mark.parametrize("lang", LANGS)
def test_with_no_account_the_page_says_how_to_create_the_first_administrator(
    monkeypatch, isolated_database, lang
):
    monkeypatch.setenv("REPAYTALK_TEAM_MODE", "1")
    at = open_app(lang)
    assert [info.value for info in at.info] == [translate("team.sign_in.no_accounts", lang)]
    assert [code.value for code in at.code] == [translate("team.sign_in.no_accounts_command", lang)]
    assert "create-admin" in at.code[0].value
    assert len(at.text_input) == 0  # no web form creates the first administrator


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("address", ["0.0.0.0", "192.168.1.20", "::", None])
def test_an_open_address_without_team_mode_shows_only_a_refusal(isolated_database, lang, address):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["lang"] = lang
    from streamlit import config

    saved = config.get_option("server.address")
    config.set_option("server.address", address)
    try:
        at.run()
    finally:
        config.set_option("server.address", saved)
    assert not at.exception, at.exception
    assert [title.value for title in at.title] == [translate("team.refusal.title", lang)]
    shown = [element.value for element in at.markdown] + errors(at)
    assert translate("team.refusal.team", lang) in shown
    assert "REPAYTALK_TEAM_MODE=1" in translate("team.refusal.team", lang)
    # No navigation, no client, no data: the sidebar holds the language switch only.
    assert [radio.key for radio in at.sidebar.radio] == ["lang_select"]
    assert len(at.sidebar.markdown) == 0
    assert len(at.dataframe) == 0 and len(at.button) == 0


@pytest.mark.parametrize("address", ["127.0.0.1", "localhost", "::1"])
def test_a_loopback_address_without_team_mode_opens_the_app(isolated_database, address):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    from streamlit import config

    saved = config.get_option("server.address")
    config.set_option("server.address", address)
    try:
        at.run()
    finally:
        config.set_option("server.address", saved)
    assert not at.exception, at.exception
    assert [title.value for title in at.title] == [translate("home.title", "zh-CN")]


@pytest.mark.parametrize("lang", LANGS)
def test_a_refusal_for_nobody_signed_in_says_to_sign_in_again(lang):
    # What a fragment rerun (which skips app.py's check) meets after the idle time: ui.state.actor
    # refuses with the permission "sign_in", worded apart from a role's refusal.
    from services.errors import NotAllowedError
    from ui.errors import error_messages
    from ui.state import SIGN_IN

    assert error_messages(NotAllowedError("wang.li", SIGN_IN), lang) == [
        translate("team.error.signed_out", lang)
    ]
    assert error_messages(NotAllowedError("wang.li", "restore"), lang) == [
        translate("team.error.not_allowed", lang)
    ]
