"""``server.allowedHosts`` (``.streamlit/config.toml``) against DNS rebinding, on a real server.

A web page on ``evil.example`` whose name is pointed at 127.0.0.1 makes the browser open the
app's WebSocket with ``Host: evil.example`` and a matching ``Origin``: the upgrade must be refused,
while the loopback names the counselor uses are accepted. The team's host names are given for
a run with ``STREAMLIT_SERVER_ALLOWED_HOSTS`` (as the config's comments say).
"""

from __future__ import annotations

import base64
import os
import secrets
import signal
import socket
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from conftest import _free_port, _wait_until_healthy

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def server(tmp_path: Path, **env: str) -> Iterator[int]:
    """``streamlit run app.py`` with the project's config on a free port; yields the port."""
    port = _free_port()
    log = (tmp_path / "streamlit.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "REPAYTALK_DATABASE_URL": f"sqlite:///{tmp_path / 'repaytalk.db'}",
            **env,
        },
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        _wait_until_healthy(f"http://127.0.0.1:{port}", process)
        yield port
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        log.close()


def upgrade_status(port: int, host: str) -> int:
    """The HTTP status of a WebSocket upgrade to ``/_stcore/stream`` sent with ``Host: host``
    (and the port) and the matching ``Origin``, as a browser on that name sends it."""
    key = base64.b64encode(secrets.token_bytes(16)).decode()
    authority = f"{host}:{port}"
    request = (
        "GET /_stcore/stream HTTP/1.1\r\n"
        f"Host: {authority}\r\n"
        f"Origin: http://{authority}\r\n"
        "Upgrade: websocket\r\n"
        "Connection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key}\r\n"
        "Sec-WebSocket-Version: 13\r\n"
        "Sec-WebSocket-Protocol: streamlit\r\n"
        "\r\n"
    )
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(request.encode())
        status_line = sock.makefile("rb").readline().decode()
    return int(status_line.split()[1])


def test_the_config_allows_the_loopback_names_only():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["allowedHosts"] == ["localhost", "127.0.0.1", "::1"]
    assert config["server"]["address"] == "127.0.0.1"


def test_a_foreign_host_is_refused_and_the_loopback_names_accepted(tmp_path):
    with server(tmp_path) as port:
        assert upgrade_status(port, "evil.example") == 403
        assert upgrade_status(port, "127.0.0.1.evil.example") == 403
        assert upgrade_status(port, "127.0.0.1") == 101
        assert upgrade_status(port, "localhost") == 101
        assert upgrade_status(port, "[::1]") == 101


def test_team_mode_names_the_teams_hosts_in_the_environment(tmp_path):
    with server(
        tmp_path,
        REPAYTALK_TEAM_MODE="1",
        STREAMLIT_SERVER_ALLOWED_HOSTS="repaytalk.agency.lan localhost",
    ) as port:
        assert upgrade_status(port, "repaytalk.agency.lan") == 101
        assert upgrade_status(port, "localhost") == 101
        assert upgrade_status(port, "evil.example") == 403
        # The list replaces the config's for this run: a name not in it is refused.
        assert upgrade_status(port, "127.0.0.1") == 403


def test_the_same_upgrade_is_accepted_where_every_name_is_allowed(tmp_path):
    # Control: the request is one the server accepts when the list allows every name ("*"),
    # so the refusals above are the allow-list's doing, not a malformed handshake.
    with server(tmp_path, STREAMLIT_SERVER_ALLOWED_HOSTS="*") as port:
        assert upgrade_status(port, "evil.example") == 101
