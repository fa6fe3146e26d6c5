"""Two team-mode servers on one PostgreSQL database, as an agency runs them behind a proxy.

Two ``streamlit run app.py`` processes on two ports share ``REPAYTALK_DATABASE_URL`` (this
run's own schema of ``TEST_DATABASE_URL``) and ``server.cookieSecret``, and nothing else. A
counselor signed in on each sees on one what was saved on the other; a save from a form shown
before the other server's save is refused ("changed elsewhere") and overwrites nothing; a
session on server A goes on working while server B is stopped and started again, and B serves
again once signed in.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from browser_helpers import wait_idle
from conftest import _free_port, _wait_until_healthy
from playwright.sync_api import expect

import services
import services.accounts as accounts
from core.clients import Client, Consent, ConsentScope
from i18n import translate

pytestmark = [pytest.mark.browser, pytest.mark.postgres]

ROOT = Path(__file__).resolve().parents[2]
LANG = "zh-CN"
PASSWORD = "plum blossom 2026"
CONSENT = Consent(given_on=date(2026, 11, 1), scopes=frozenset({ConsentScope.STORE_PERSONAL_DATA}))
#: This run's schema: two runs on one PostgreSQL server never drop each other's tables.
SCHEMA = f"repaytalk_two_servers_{os.getpid()}"


def schema_url(url: str) -> str:
    """``url`` (psycopg 3 driver) with this run's schema as its search path."""
    parsed = sa.make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.update_query_dict({"options": f"-csearch_path={SCHEMA}"}).render_as_string(
        hide_password=False
    )


@pytest.fixture(scope="module")
def database_url() -> Iterator[str]:
    """An empty schema of ``TEST_DATABASE_URL`` for this module, dropped afterwards; the test
    fails (never skips) when the variable is set and the server cannot be reached."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        pytest.fail("the postgres marker should have skipped this test")
    engine = sa.create_engine(schema_url(url))
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
            connection.exec_driver_sql(f"CREATE SCHEMA {SCHEMA}")
    except sa.exc.OperationalError as exc:
        pytest.fail(f"TEST_DATABASE_URL is set but PostgreSQL cannot be reached: {exc.orig}")
    try:
        yield schema_url(url)
    finally:
        with engine.begin() as connection:
            connection.exec_driver_sql(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        engine.dispose()


class Server:
    """One ``streamlit run app.py`` process in team mode on ``port``; :meth:`start` again after
    :meth:`stop` serves the same port (a restart)."""

    def __init__(self, name: str, port: int, env: dict[str, str], log_dir: Path) -> None:
        self.name = name
        self.port = port
        self.env = env
        self.log_dir = log_dir
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.starts += 1
        log = (self.log_dir / f"streamlit-{self.name}-{self.starts}.log").open("w")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "app.py",
                "--server.port",
                str(self.port),
                "--server.headless",
                "true",
                "--server.fileWatcherType",
                "none",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopping it stops only it
        )
        log.close()
        _wait_until_healthy(self.url, self.process)

    def stop(self) -> None:
        process = self.process
        if process is None or process.poll() is not None:
            return
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


class Team:
    def __init__(self, a: Server, b: Server, ws: services.Workspace, counselor, client_id: int):
        self.a, self.b, self.ws, self.counselor, self.client_id = a, b, ws, counselor, client_id

    def saved_notes(self) -> str:
        """The client's notes as the database holds them now."""
        return services.clients.get(self.ws, self.counselor, self.client_id).notes


@pytest.fixture(scope="module")
def team(database_url, tmp_path_factory) -> Iterator[Team]:
    """An administrator and a counselor with one client (made through the services), and two
    team-mode servers A and B on the same database with the same cookie secret."""
    ws = services.open_workspace(database_url)
    accounts.create_first_admin(ws, username="admin", display_name="周主任", password=PASSWORD)
    admin = accounts.sign_in(ws, "admin", PASSWORD)
    counselor_id = accounts.create_account(
        ws, admin, username="wang.li", display_name="王丽", role="counselor", password=PASSWORD
    ).id
    counselor = accounts.actor_for(ws, counselor_id)
    assert counselor is not None
    client_id = services.clients.create(
        ws, counselor, Client(name="张明", mobile="13812345678", consent=CONSENT)
    ).id
    logs = tmp_path_factory.mktemp("two-servers")
    env = {
        **os.environ,
        "REPAYTALK_TEAM_MODE": "1",
        "REPAYTALK_DATABASE_URL": database_url,
        "REPAYTALK_DATA_DIR": str(logs),
        # Streamlit 1.67 takes the secret from the environment or a config file, not the CLI.
        "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32),
    }
    a = Server("a", _free_port(), env, logs)
    b = Server("b", _free_port(), env, logs)
    try:
        a.start()
        b.start()
        yield Team(a, b, ws, counselor, client_id)
    finally:
        a.stop()
        b.stop()
        ws.close()


def text(key: str, **params: object) -> str:
    return translate(key, LANG, **params)


def open_client(page, server: Server, client_id: int) -> None:
    """Open the client's form on ``server`` by its link, signing in as the counselor."""
    page.goto(f"{server.url}/clients?client={client_id}")
    expect(page.get_by_role("heading", name=text("team.sign_in.title"), exact=True)).to_be_visible(
        timeout=30_000
    )
    wait_idle(page)
    page.get_by_label(text("team.sign_in.username"), exact=True).fill("wang.li")
    page.get_by_label(text("team.sign_in.password"), exact=True).fill(PASSWORD)
    page.get_by_role("button", name=text("team.sign_in.submit"), exact=True).click()
    expect(
        page.get_by_test_id("stSidebar").get_by_text(text("team.sidebar.sign_out"))
    ).to_be_visible(timeout=30_000)
    expect(page.get_by_role("heading", name=text("clients.title"), exact=True)).to_be_visible()
    wait_idle(page)
    expect(page.locator(".st-key-clientform_consent input")).to_be_checked(timeout=30_000)
    wait_idle(page)


def notes(page):
    return page.get_by_label(text("clients.notes"), exact=True)


def type_notes(page, value: str) -> None:
    """Type ``value`` into the notes and let the server have it (the form says: unsaved)."""
    field = notes(page)
    field.fill(value)
    field.press("Tab")
    wait_idle(page)
    expect(page.get_by_text(text("clients.unsaved"))).to_be_visible(timeout=30_000)


def click_save(page, until) -> None:
    """Click Save until ``until`` (a locator) shows: a click that lands while a rerun is
    drawing is dropped by Streamlit."""
    for _ in range(3):
        wait_idle(page)
        page.get_by_role("button", name=text("clients.save")).click()
        try:
            expect(until).to_be_visible(timeout=10_000)
            return
        except AssertionError:
            continue
    expect(until).to_be_visible()


def save_notes(page, value: str) -> None:
    type_notes(page, value)
    for _ in range(3):
        wait_idle(page)
        page.get_by_role("button", name=text("clients.save")).click()
        try:
            expect(page.get_by_text(text("clients.unsaved"))).to_have_count(0, timeout=10_000)
            break
        except AssertionError:
            continue
    expect(page.get_by_text(text("clients.unsaved"))).to_have_count(0)
    wait_idle(page)
    expect(notes(page)).to_have_value(value)


def test_two_servers_share_the_database_refuse_a_stale_save_and_survive_a_restart(
    team, browser, artifacts
):
    window_a = browser.new_context(viewport={"width": 1280, "height": 900})
    window_b = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        a, b = window_a.new_page(), window_b.new_page()

        # A save on server A is what server B shows.
        open_client(a, team.a, team.client_id)
        save_notes(a, "A 服务器保存的备注")
        assert team.saved_notes() == "A 服务器保存的备注"
        open_client(b, team.b, team.client_id)
        expect(notes(b)).to_have_value("A 服务器保存的备注")

        # Both show version 2. A saves (version 3); B's save from version 2 is refused.
        save_notes(a, "A 的第二次备注")
        type_notes(b, "B 的备注")
        refused = text("changes.refused", entity=text("changes.entity.client"), seen=2, now=3)
        click_save(b, b.get_by_text(refused))
        b.screenshot(path=artifacts / "two-servers-stale-refused-zh-CN.png")
        assert team.saved_notes() == "A 的第二次备注"

        # Server B stops: A's session goes on, its saves land.
        team.b.stop()
        save_notes(a, "B 停机时 A 保存")
        assert team.saved_notes() == "B 停机时 A 保存"

        # B starts again: A is still signed in and saving; B serves after signing in again.
        team.b.start()
        save_notes(a, "B 重启后 A 保存")
        assert team.saved_notes() == "B 重启后 A 保存"
        expect(
            a.get_by_test_id("stSidebar").get_by_text(text("team.sidebar.sign_out"))
        ).to_be_visible()
        open_client(b, team.b, team.client_id)
        expect(notes(b)).to_have_value("B 重启后 A 保存")
        save_notes(b, "B 重启后 B 保存")
        assert team.saved_notes() == "B 重启后 B 保存"
    finally:
        window_a.close()
        window_b.close()
