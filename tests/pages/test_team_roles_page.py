"""Team mode by role (AppTest): each role's navigation, a counselor's own caseload and the
refusal of another counselor's client by URL, a supervisor's reassignment, the Data page's
administrator-only sections and the typed restore confirmation, the Accounts and Audit pages."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from page_helpers import capture_deferred_downloads
from streamlit.testing.v1 import AppTest

import services
import services.accounts as accounts
import services.audit as audit
import services.caseload as caseload
import ui.state
from core.access import LOCKOUT, MAX_FAILED_SIGN_INS
from core.clients import Client, Consent, ConsentScope
from i18n import format_datetime, translate
from ui.auth import ACCOUNT_KEY, ACTIVITY_KEY

ROOT = Path(__file__).resolve().parents[2]
LANGS = ["zh-CN", "en"]
NOW = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)
PASSWORD = "plum blossom 2026"
CONSENT = Consent(given_on=date(2026, 11, 1), scopes=frozenset({ConsentScope.STORE_PERSONAL_DATA}))


class Team:
    """The workspace and its people: ids of accounts and clients."""

    def __init__(self, ws):
        self.ws = ws
        accounts.create_first_admin(ws, username="admin", display_name="周主任", password=PASSWORD)
        self.admin = accounts.sign_in(ws, "admin", PASSWORD, now=NOW)
        ids = {}
        for username, name, role in (
            ("zhou.min", "周敏", "supervisor"),
            ("wang.li", "王丽", "counselor"),
            ("li.na", "李娜", "counselor"),
        ):
            ids[username] = accounts.create_account(
                ws, self.admin, username=username, display_name=name, role=role, password=PASSWORD
            ).id
        self.ids = ids
        self.wang = accounts.actor_for(ws, ids["wang.li"])
        self.li = accounts.actor_for(ws, ids["li.na"])
        self.supervisor = accounts.actor_for(ws, ids["zhou.min"])
        self.wang_client = services.clients.create(
            ws, self.wang, Client(name="张明", mobile="13812345678", consent=CONSENT)
        ).id
        self.li_client = services.clients.create(
            ws, self.li, Client(name="赵强", mobile="13987654321", consent=CONSENT)
        ).id


@pytest.fixture
def team(monkeypatch, isolated_database):
    monkeypatch.setenv("REPAYTALK_TEAM_MODE", "1")
    monkeypatch.setattr(ui.state, "utc_now", lambda: NOW)
    return Team(services.open_workspace(isolated_database))


def signed_in(team: Team, username: str, lang: str, page: str | None = None, **query) -> AppTest:
    """The app in ``lang`` for the account ``username`` (signed in by its session keys)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.session_state["lang"] = lang
    at.session_state[ACCOUNT_KEY] = team.ids.get(username, 1)
    at.session_state[ACTIVITY_KEY] = NOW
    at.run()
    assert not at.exception, at.exception
    if page is not None:
        for name, value in query.items():
            at.query_params[name] = value
        at.switch_page(page).run()
        assert not at.exception, at.exception
    return at


def titles(at: AppTest) -> list[str]:
    return [element.value for element in at.title]


def every_text(at: AppTest) -> str:
    parts = []
    for kind in (
        "markdown",
        "caption",
        "error",
        "warning",
        "info",
        "success",
        "title",
        "subheader",
    ):
        parts += [str(element.value) for element in getattr(at, kind)]
    parts += [str(box.label) for box in at.selectbox]
    parts += [frame.value.to_csv() for frame in at.dataframe]
    return "\n".join(parts)


def opens(at: AppTest, page: str) -> bool:
    """Whether ``page`` is in the session's navigation."""
    try:
        at.switch_page(page)
    except ValueError:
        return False
    return True


# --- navigation -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("username", "audit_page", "accounts_page"),
    [("wang.li", False, False), ("zhou.min", True, False), ("admin", True, True)],
)
def test_each_role_sees_its_pages(team, username, audit_page, accounts_page):
    at = signed_in(team, username, "en")
    assert titles(at) == [translate("home.title", "en")]
    assert opens(at, "app_pages/clients.py") is True
    assert opens(at, "app_pages/data.py") is True
    assert opens(at, "app_pages/audit.py") is audit_page
    assert opens(at, "app_pages/accounts.py") is accounts_page


def test_before_signing_in_no_page_of_the_app_is_registered(team):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    for page in ("app_pages/clients.py", "app_pages/data.py", "app_pages/audit.py"):
        assert opens(at, page) is False


# --- a counselor's caseload ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_counselor_lists_only_their_own_clients(team, lang):
    at = signed_in(team, "wang.li", lang, "app_pages/clients.py")
    (table,) = at.dataframe
    assert len(table.value) == 1
    assert translate("team.clients.mine", lang) in [caption.value for caption in at.caption]
    assert "赵" not in every_text(at)
    assert len([box for box in at.selectbox if box.key.startswith("clients_assign_")]) == 0


@pytest.mark.parametrize("lang", LANGS)
def test_another_counselors_client_by_url_is_refused_and_shows_nothing(team, lang):
    at = signed_in(team, "wang.li", lang, "app_pages/share.py", client=str(team.li_client))
    assert [error.value for error in at.error] == [translate("team.error.not_yours", lang)]
    assert at.session_state["client_id"] is None
    text = every_text(at)
    assert "赵" not in text and "4321" not in text
    assert translate("state.no_client", lang) in [m.value for m in at.sidebar.markdown]
    refused = audit.trail(team.ws, team.admin, client_id=team.li_client)
    assert [(line.actor, line.action) for line in refused][:1] == [("wang.li", "access.refused")]


@pytest.mark.parametrize("lang", LANGS)
def test_a_counselors_own_client_by_url_is_chosen(team, lang):
    at = signed_in(team, "wang.li", lang, "app_pages/clients.py", client=str(team.wang_client))
    assert not at.error
    assert at.session_state["client_id"] == team.wang_client
    assert "**张\\* · 138\\*\\*\\*\\*5678**" in [m.value for m in at.sidebar.markdown]


@pytest.mark.parametrize("lang", LANGS)
def test_a_client_reassigned_away_is_dropped_with_the_refusal(team, lang):
    at = signed_in(team, "wang.li", lang, "app_pages/clients.py", client=str(team.wang_client))
    caseload.assign(team.ws, team.supervisor, team.wang_client, team.ids["li.na"])
    at.run()
    assert not at.exception, at.exception
    assert translate("team.error.not_yours", lang) in [error.value for error in at.error]
    assert at.session_state["client_id"] is None
    assert not at.dataframe  # no client of theirs is left to list
    assert translate("clients.none", lang) in [info.value for info in at.info]


# --- a supervisor reassigns ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_supervisor_sees_every_client_and_reassigns_one(team, lang):
    at = signed_in(team, "zhou.min", lang, "app_pages/clients.py")
    table = at.dataframe[0].value
    assert len(table) == 2
    caseloads = at.dataframe[1].value
    assert caseloads.values.tolist() == [
        ["李娜", 1],
        ["王丽", 1],
        [translate("team.clients.unassigned", lang), 0],
    ]
    picker = at.selectbox(key=f"clients_assign_{team.li_client}")
    assert picker.value == team.ids["li.na"]
    assert picker.options == [translate("team.clients.unassigned", lang), "李娜", "王丽"]
    picker.select(team.ids["wang.li"]).run()
    assert not at.exception, at.exception
    assert caseload.counselor_of(team.ws, team.admin, team.li_client) == team.ids["wang.li"]
    assert [s.value for s in at.success] == [
        translate(
            "team.clients.assigned", lang, client="赵\\* · 139\\*\\*\\*\\*4321", counselor="王丽"
        )
    ]
    assert at.dataframe[1].value.values.tolist()[:2] == [["李娜", 0], ["王丽", 2]]
    (line,) = audit.trail(team.ws, team.admin, client_id=team.li_client)
    assert (line.actor, line.action, line.detail) == (
        "zhou.min",
        "client.reassigned",
        {"from": team.ids["li.na"], "to": team.ids["wang.li"]},
    )
    # Now it is in Wang Li's caseload.
    mine = signed_in(team, "wang.li", lang, "app_pages/clients.py")
    assert len(mine.dataframe[0].value) == 2


# --- the Data page ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("username", ["wang.li", "zhou.min"])
def test_backup_restore_and_settings_are_hidden_from_non_administrators(team, lang, username):
    at = signed_in(team, username, lang, "app_pages/data.py")
    keys = {button.key for button in at.button}
    assert "data_backup_prepare" not in keys
    assert not [b for b in at.button if b.key and b.key.startswith("data_restore")]
    assert [info.value for info in at.info] == [
        translate("team.data.export_choose_client", lang),
        translate("team.data.admin_only", lang),
    ]
    subheaders = [element.value for element in at.subheader]
    assert subheaders == [translate("data.export.title", lang)]


@pytest.mark.parametrize("lang", LANGS)
def test_a_counselor_exports_the_chosen_client_only(team, lang):
    at = signed_in(team, "wang.li", lang)
    at.session_state["client_id"] = team.wang_client
    at.switch_page("app_pages/data.py").run()
    assert not at.exception, at.exception
    assert not at.error
    assert translate("team.data.export_one_client", lang, id=team.wang_client) in [
        c.value for c in at.caption
    ]
    downloads = at.get("download_button")
    assert len(downloads) == 3
    assert "data_delete_all_run" not in {b.key for b in at.button}


@pytest.mark.parametrize("lang", LANGS)
def test_an_administrator_deletes_everything_after_typing_the_client_count(team, lang):
    at = signed_in(team, "admin", lang, "app_pages/data.py")
    run = at.button(key="data_delete_all_run")
    assert run.label == translate("team.data.delete.run", lang, count=2)
    assert run.disabled is True
    box = at.text_input(key="data_delete_all_confirm")
    assert box.label == translate("team.data.delete.type", lang, count=2)
    box.input("3").run()
    assert at.button(key="data_delete_all_run").disabled is True
    assert translate("team.data.delete.typed_wrong", lang, count=2) in [c.value for c in at.caption]
    at.text_input(key="data_delete_all_confirm").input("2").run()
    at.button(key="data_delete_all_run").click().run()
    assert not at.exception, at.exception
    assert translate("team.data.delete.done", lang, count=2) in [s.value for s in at.success]
    assert services.clients.list_all(team.ws, team.admin) == []
    assert translate("team.data.delete.nothing", lang) in [info.value for info in at.info]
    (line,) = [e for e in audit.trail(team.ws, team.admin) if e.action == "data.deleted_all"]
    assert line.actor == "admin"


@pytest.mark.parametrize("lang", LANGS)
def test_an_administrator_restores_after_typing_the_stated_word(team, lang):
    at = signed_in(team, "admin", lang, "app_pages/data.py")
    assert at.button(key="data_backup_prepare")
    backup = services.data.read(
        team.admin, services.data.backup(team.ws, team.admin, passphrase=None)
    )
    at.session_state["data_pending_restore"] = backup
    at.run()
    word = translate("team.data.restore_word", lang)
    box = at.text_input(key="data_restore_confirm")
    assert box.label == translate("team.data.restore_type", lang, word=word)
    assert at.button(key="data_restore_run").disabled is True
    box.input("yes").run()
    assert at.button(key="data_restore_run").disabled is True
    assert translate("team.data.restore_typed_wrong", lang, word=word) in [
        c.value for c in at.caption
    ]
    at.text_input(key="data_restore_confirm").input(word).run()
    assert at.button(key="data_restore_run").disabled is False
    at.button(key="data_restore_run").click().run()
    assert not at.exception, at.exception
    assert translate("data.restore.done", lang) in [s.value for s in at.success]


# --- the Accounts page --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_accounts_page_lists_every_account_with_its_role(team, lang):
    at = signed_in(team, "admin", lang, "app_pages/accounts.py")
    assert titles(at) == [translate("page.accounts", lang)]
    table = at.dataframe[0].value
    assert table.iloc[:, 0].tolist() == ["admin", "li.na", "wang.li", "zhou.min"]
    assert table.iloc[:, 2].tolist() == [
        translate(f"team.role.{role}", lang)
        for role in ("admin", "counselor", "counselor", "supervisor")
    ]
    assert set(table.iloc[:, 3]) == {translate("team.accounts.status.active", lang)}


@pytest.mark.parametrize("lang", LANGS)
def test_an_administrator_creates_an_account_with_a_role(team, lang):
    at = signed_in(team, "admin", lang, "app_pages/accounts.py")
    at.text_input(key="accounts_new_username").input("chen.jie")
    at.text_input(key="accounts_new_name").input("陈洁")
    at.selectbox(key="accounts_new_role").select_index(1)  # supervisor
    at.text_input(key="accounts_new_password").input("bamboo grove 2026")
    at.button(key="accounts_create").click().run()
    assert not at.exception, at.exception
    assert [s.value for s in at.success] == [
        translate("team.accounts.created", lang, username="chen.jie")
    ]
    created = accounts.sign_in(team.ws, "chen.jie", "bamboo grove 2026", now=NOW)
    assert (created.name, created.role) == ("陈洁", "supervisor")


@pytest.mark.parametrize("lang", LANGS)
def test_a_refused_account_says_why_in_the_language(team, lang):
    at = signed_in(team, "admin", lang, "app_pages/accounts.py")
    at.text_input(key="accounts_new_username").input("wang.li")
    at.text_input(key="accounts_new_name").input("另一个王丽")
    at.text_input(key="accounts_new_password").input("bamboo grove 2026")
    at.button(key="accounts_create").click().run()
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == [translate("error.username_taken", lang)]


@pytest.mark.parametrize("lang", LANGS)
def test_an_administrator_disables_changes_the_role_and_resets_a_locked_account(team, lang):
    for _ in range(MAX_FAILED_SIGN_INS):
        with pytest.raises(accounts.SignInError):
            accounts.sign_in(team.ws, "li.na", "wrong password here", now=NOW)
    at = signed_in(team, "admin", lang, "app_pages/accounts.py")
    until = format_datetime(NOW + LOCKOUT, lang)
    row = at.dataframe[0].value.iloc[1]
    assert row.iloc[3] == translate("team.accounts.status.locked", lang)
    assert row.iloc[4] == until
    at.selectbox(key="accounts_pick").select(team.ids["li.na"]).run()
    assert [w.value for w in at.warning] == [
        translate("team.accounts.manage.locked", lang, until=until)
    ]
    at.text_input(key=f"accounts_reset_password_{team.ids['li.na']}").input("new lotus 2026").run()
    at.button(key="accounts_reset").click().run()
    assert [s.value for s in at.success] == [
        translate("team.accounts.reset_done", lang, username="li.na")
    ]
    role_box = next(b for b in at.selectbox if b.key.startswith("accounts_role_"))
    role_box.select_index(1).run()  # supervisor
    at.button(key="accounts_set_role").click().run()
    assert [s.value for s in at.success] == [
        translate(
            "team.accounts.role_set",
            lang,
            username="li.na",
            role=translate("team.role.supervisor", lang),
        )
    ]
    at.button(key="accounts_disable").click().run()
    assert [s.value for s in at.success] == [
        translate("team.accounts.disabled_done", lang, username="li.na")
    ]
    assert accounts.actor_for(team.ws, team.ids["li.na"]) is None
    assert at.button(key="accounts_enable")
    at.button(key="accounts_enable").click().run()
    assert [s.value for s in at.success] == [
        translate("team.accounts.enabled_done", lang, username="li.na")
    ]
    # The new password signs in: the lock is gone.
    assert (
        accounts.sign_in(team.ws, "li.na", "new lotus 2026", now=NOW).account_id
        == team.ids["li.na"]
    )


def test_an_administrator_cannot_disable_their_own_account(team):
    at = signed_in(team, "admin", "en", "app_pages/accounts.py")
    at.selectbox(key="accounts_pick").select(1).run()
    assert at.button(key="accounts_disable").disabled is True


# --- the Audit page -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_audit_page_filters_by_client_and_account_and_exports_csv(team, lang, monkeypatch):
    caseload.assign(team.ws, team.supervisor, team.li_client, team.ids["wang.li"])
    offered = capture_deferred_downloads(monkeypatch)
    at = signed_in(team, "zhou.min", lang, "app_pages/audit.py")
    assert titles(at) == [translate("page.audit", lang)]
    at.text_input(key="audit_client").input(str(team.li_client)).run()
    table = at.dataframe[0].value
    assert table.iloc[:, 1].tolist() == ["zhou.min"]
    assert table.iloc[:, 2].tolist() == [translate("team.audit.action.client.reassigned", lang)]
    assert table.iloc[:, 3].tolist() == [str(team.li_client)]
    assert table.iloc[:, 4].tolist() == [
        translate("team.audit.detail.from", lang, value="li.na")
        + translate("team.audit.separator", lang)
        + translate("team.audit.detail.to", lang, value="wang.li")
    ]
    assert translate("team.audit.count", lang, count=1) in [c.value for c in at.caption]
    mime, make = offered["repaytalk-audit.csv"]
    assert mime == "text/csv"
    rows = list(csv.reader(io.StringIO(make().decode("utf-8-sig"))))
    assert rows[0] == [translate(f"audit.csv.{c}", lang) for c in audit.CSV_COLUMNS]
    assert [row[1:4] for row in rows[1:]] == [
        ["zhou.min", "client.reassigned", f"client:{team.li_client}"]
    ]
    # Making the file wrote a line of its own.
    exported = audit.trail(team.ws, team.admin, user_id="zhou.min")
    assert exported[0].action == "audit.exported"
    at.selectbox(key="audit_who").select("admin")
    at.text_input(key="audit_client").input("").run()
    by_admin = audit.trail(team.ws, team.admin, user_id="admin")
    assert len(by_admin) == 5  # the four accounts created, and the sign-in in the fixture
    table = at.dataframe[0].value
    assert table.iloc[:, 1].tolist() == ["admin"] * 5
    # The first administrator's creation: the account, that it was the first, its role.
    assert (
        translate("team.audit.separator", lang).join(
            [
                translate("team.audit.detail.account", lang, value="admin"),
                translate("team.audit.detail.first", lang, value=translate("team.audit.yes", lang)),
                translate("team.audit.detail.role", lang, value=translate("team.role.admin", lang)),
            ]
        )
        in table.iloc[:, 4].tolist()
    )


@pytest.mark.parametrize("lang", LANGS)
def test_the_audit_page_refuses_a_client_id_that_is_not_a_number(team, lang):
    at = signed_in(team, "admin", lang, "app_pages/audit.py")
    at.text_input(key="audit_client").input("张明").run()
    assert [e.value for e in at.error] == [translate("team.audit.client_bad", lang)]
    assert not at.dataframe


# --- every page opens for every role ------------------------------------------------------------


@pytest.mark.parametrize("username", ["wang.li", "zhou.min", "admin"])
def test_every_page_of_a_role_opens_without_a_failure(team, username):
    from app import PAGES, TEAM_PAGES

    at = signed_in(team, username, "en")
    at.session_state["client_id"] = team.wang_client
    listed = [path for path, _, _ in PAGES] + [path for path, *_ in TEAM_PAGES]
    opened = []
    for path in listed:
        if not opens(at, path):
            continue
        at.run()
        assert not at.exception, (path, at.exception)
        assert not [e.value for e in at.error], (path, [e.value for e in at.error])
        opened.append(path)
    assert len(opened) == len(PAGES) + {"wang.li": 0, "zhou.min": 1, "admin": 2}[username]
