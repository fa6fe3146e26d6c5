"""Team mode in Chromium (1280 px, both languages): a link to a page leads to the sign-in page and,
once signed in, to that page; a counselor's own client opens by URL, another counselor's is
refused in the user's language with nothing of the client shown; the administrator's Accounts
and Audit pages. Screenshots: test-artifacts/team-*-<lang>-1280.png."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from browser_helpers import wait_idle
from playwright.sync_api import expect
from test_allowed_hosts import server

import services
import services.accounts as accounts
from core.clients import Client, Consent, ConsentScope
from i18n import translate

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
LANGS = ["zh-CN", "en"]
PASSWORD = "plum blossom 2026"
CONSENT = Consent(given_on=date(2026, 11, 1), scopes=frozenset({ConsentScope.STORE_PERSONAL_DATA}))


class TeamServer:
    def __init__(self, url: str, clients: dict[str, int]):
        self.url = url
        self.clients = clients


@pytest.fixture(scope="module")
def team_server(tmp_path_factory) -> Iterator[TeamServer]:
    """A team-mode server on its own database: an administrator, a supervisor, two counselors
    with a client each (made through services.accounts and services.clients)."""
    data = tmp_path_factory.mktemp("team")
    url = f"sqlite:///{data / 'repaytalk.db'}"
    ws = services.open_workspace(url)
    accounts.create_first_admin(ws, username="admin", display_name="周主任", password=PASSWORD)
    admin = accounts.sign_in(ws, "admin", PASSWORD)
    ids = {}
    for username, name, role in (
        ("zhou.min", "周敏", "supervisor"),
        ("wang.li", "王丽", "counselor"),
        ("li.na", "李娜", "counselor"),
    ):
        ids[username] = accounts.create_account(
            ws, admin, username=username, display_name=name, role=role, password=PASSWORD
        ).id
    wang = accounts.actor_for(ws, ids["wang.li"])
    li = accounts.actor_for(ws, ids["li.na"])
    clients = {
        "wang.li": services.clients.create(
            ws, wang, Client(name="张明", mobile="13812345678", consent=CONSENT)
        ).id,
        "li.na": services.clients.create(
            ws, li, Client(name="赵强", mobile="13987654321", consent=CONSENT)
        ).id,
    }
    with server(data, REPAYTALK_TEAM_MODE="1", REPAYTALK_DATABASE_URL=url) as port:
        yield TeamServer(f"http://127.0.0.1:{port}", clients)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    yield page
    context.close()


def open_signed_out(page, url: str, lang: str) -> None:
    """Open ``url`` (the sign-in page shows) and choose ``lang`` with the language switch."""
    page.goto(url)
    expect(
        page.get_by_role("heading", name=translate("team.sign_in.title", "zh-CN"), exact=True)
    ).to_be_visible(timeout=30_000)
    wait_idle(page)
    if lang != "zh-CN":
        page.get_by_test_id("stSidebar").get_by_text(translate(f"lang.name.{lang}", lang)).click()
        expect(
            page.get_by_role("heading", name=translate("team.sign_in.title", lang), exact=True)
        ).to_be_visible(timeout=20_000)
        wait_idle(page)


def shoot(page, path: Path, height: int = 1500) -> None:
    """A screenshot 1280 px wide and tall enough for the whole page (Streamlit scrolls inside its
    main area, so a full-page shot of the window would cut it), once the tables are drawn."""
    page.set_viewport_size({"width": DESKTOP["width"], "height": height})
    for table in page.get_by_test_id("stDataFrame").all():
        expect(table.locator("canvas").first).to_be_visible(timeout=20_000)
    wait_idle(page)
    page.wait_for_timeout(800)
    page.screenshot(path=path)
    page.set_viewport_size(DESKTOP)


def sign_in(page, username: str, lang: str) -> None:
    page.get_by_label(translate("team.sign_in.username", lang), exact=True).fill(username)
    page.get_by_label(translate("team.sign_in.password", lang), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=translate("team.sign_in.submit", lang), exact=True).click()
    expect(
        page.get_by_test_id("stSidebar").get_by_text(translate("team.sidebar.sign_out", lang))
    ).to_be_visible(timeout=30_000)
    wait_idle(page)


@pytest.mark.parametrize("lang", LANGS)
def test_a_counselor_signs_in_opens_their_client_and_is_refused_another(
    team_server, page, artifacts, lang
):
    own, other = team_server.clients["wang.li"], team_server.clients["li.na"]
    # A link to the counselor's own client: the sign-in page first, then that client.
    open_signed_out(page, f"{team_server.url}/clients?client={own}", lang)
    expect(
        page.get_by_label(translate("team.sign_in.password", lang), exact=True)
    ).to_have_attribute("type", "password")
    # Nothing of the app before signing in: no navigation, no client.
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
    shoot(page, artifacts / f"team-sign-in-{lang}-1280.png", 800)
    sign_in(page, "wang.li", lang)
    sidebar = page.get_by_test_id("stSidebar")
    who = translate(
        "team.sidebar.who", lang, name="王丽", role=translate("team.role.counselor", lang)
    )
    expect(sidebar.get_by_text(who, exact=True)).to_be_visible()
    expect(
        page.get_by_role("heading", name=translate("clients.title", lang), exact=True)
    ).to_be_visible()
    expect(sidebar.get_by_text("张* · 138****5678", exact=True)).to_be_visible()
    expect(page.get_by_text(translate("team.clients.mine", lang), exact=True)).to_be_visible()
    # No Accounts or Audit page for a counselor.
    nav = page.get_by_test_id("stSidebarNav")
    expect(nav.get_by_text(translate("page.clients", lang), exact=True)).to_be_visible()
    expect(nav.get_by_text(translate("page.accounts", lang), exact=True)).to_have_count(0)
    expect(nav.get_by_text(translate("page.audit", lang), exact=True)).to_have_count(0)

    # Another counselor's client by URL, in a new session (in the default language until
    # switched): refused after signing in.
    open_signed_out(page, f"{team_server.url}/share?client={other}", lang)
    sign_in(page, "wang.li", lang)
    expect(page.get_by_text(translate("team.error.not_yours", lang), exact=True)).to_be_visible()
    expect(
        page.get_by_test_id("stSidebar").get_by_text(translate("state.no_client", lang))
    ).to_be_visible()
    body = page.locator("body").inner_text()
    assert "赵" not in body and "4321" not in body
    shoot(page, artifacts / f"team-not-yours-{lang}-1280.png", 800)


@pytest.mark.parametrize("lang", LANGS)
def test_the_administrators_accounts_and_audit_pages(team_server, page, artifacts, lang):
    open_signed_out(page, team_server.url, lang)
    sign_in(page, "admin", lang)
    nav = page.get_by_test_id("stSidebarNav")
    nav.get_by_text(translate("page.accounts", lang), exact=True).click()
    expect(
        page.get_by_role("heading", name=translate("page.accounts", lang), exact=True)
    ).to_be_visible(timeout=20_000)
    expect(
        page.get_by_role("heading", name=translate("team.accounts.create.title", lang), exact=True)
    ).to_be_visible()
    wait_idle(page)
    shoot(page, artifacts / f"team-accounts-{lang}-1280.png")
    nav.get_by_text(translate("page.audit", lang), exact=True).click()
    expect(
        page.get_by_role("heading", name=translate("page.audit", lang), exact=True)
    ).to_be_visible(timeout=20_000)
    expect(page.get_by_role("button", name=translate("team.audit.download", lang))).to_be_visible()
    wait_idle(page)
    shoot(page, artifacts / f"team-audit-{lang}-1280.png")


@pytest.mark.parametrize("lang", LANGS)
def test_a_supervisor_sees_the_caseloads_and_a_counselor_picker_per_client(
    team_server, page, artifacts, lang
):
    open_signed_out(page, f"{team_server.url}/clients", lang)
    sign_in(page, "zhou.min", lang)
    expect(page.get_by_text(translate("team.clients.assign.title", lang))).to_be_visible()
    for label in ("张\\* · 138\\*\\*\\*\\*5678", "赵\\* · 139\\*\\*\\*\\*4321"):
        shown = translate("team.clients.assign.label", lang, client=label).replace("\\", "")
        expect(page.get_by_test_id("stSelectbox").filter(has_text=shown)).to_have_count(1)
    shoot(page, artifacts / f"team-clients-supervisor-{lang}-1280.png", 1300)
