"""Shared fixtures: a live Streamlit server and a headless Chromium for browser tests."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"


#: The tests' field key (the store tests' too): 32 bytes 0, 1, …, 31, in base64. Set for the
#: whole run, so that fixtures of a module or the session (which start before any test's own)
#: and the servers they start use it too.
TEST_FIELD_KEY_BASE64 = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
os.environ["REPAYTALK_FIELD_KEY"] = TEST_FIELD_KEY_BASE64
os.environ.pop("REPAYTALK_KEY_FILE", None)


@pytest.fixture(autouse=True)
def isolated_database(tmp_path, monkeypatch) -> str:
    """Every test that opens the default database gets its own empty SQLite file."""
    url = f"sqlite:///{tmp_path / 'repaytalk.db'}"
    monkeypatch.setenv("REPAYTALK_DATABASE_URL", url)
    # One field key for every test process and every server it starts (the servers of the
    # browser tests open databases the tests filled). A test of key files deletes the
    # variable; its key file then goes under this test's own config folder, never the
    # developer's ~/.config/repaytalk.
    monkeypatch.setenv("REPAYTALK_FIELD_KEY", TEST_FIELD_KEY_BASE64)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("REPAYTALK_KEY_FILE", raising=False)
    # A failure the page guard turns into a message must still fail the test that met it.
    monkeypatch.setenv("REPAYTALK_GUARD_RAISES", "1")
    return url


@pytest.fixture
def open_app(isolated_database):
    """Open the app (optionally on ``page``) in ``lang`` with AppTest; no exception allowed."""

    def _open(page: str | None = None, lang: str = "zh-CN") -> AppTest:
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        app.session_state["lang"] = lang
        app.run()
        if page is not None:
            app.switch_page(page).run()
        assert not app.exception, app.exception
        return app

    return _open


def pytest_collection_modifyitems(config, items):
    if os.environ.get("TEST_DATABASE_URL"):
        return
    skip = pytest.mark.skip(reason="TEST_DATABASE_URL is not set")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_healthy(url: str, server: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited early with code {server.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"streamlit did not answer {url}/_stcore/health within {timeout}s")


@contextmanager
def streamlit_server(data_dir: Path) -> Iterator[str]:
    """``streamlit run app.py`` on a free port against the data directory ``data_dir``; yields
    its URL and stops it (and only it) afterwards."""
    port = _free_port()
    env = {
        **os.environ,
        "REPAYTALK_DATA_DIR": str(data_dir),
        "REPAYTALK_DATABASE_URL": f"sqlite:///{data_dir / 'repaytalk.db'}",
    }
    log = (data_dir / "streamlit.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            # Edits made while the suite runs must not reload modules under a live session.
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, so teardown stops only this server
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(url, server)
        yield url
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
        log.close()


@pytest.fixture(scope="session")
def app_url(tmp_path_factory):
    """One server for the session against a throwaway data directory."""
    with streamlit_server(tmp_path_factory.mktemp("data")) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
