"""A Streamlit server for a benchmark: any script, a free port, its own data directory.

The same command line as the browser tests' ``streamlit_server`` (tests/conftest.py), for any
script: ``python -m streamlit run SCRIPT`` from the project folder (so ``.streamlit/config.toml``
applies and the project's packages import), headless, no file watcher. Only the server started
here is stopped (its own process group).
"""

from __future__ import annotations

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

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_healthy(url: str, server: subprocess.Popen, timeout: float = 90) -> None:
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
def streamlit_server(script: str, data_dir: Path) -> Iterator[str]:
    """``streamlit run script`` (a path relative to the project) against ``data_dir``; yields
    the URL and stops that server afterwards."""
    port = free_port()
    env = {
        **os.environ,
        "REPAYTALK_DATA_DIR": str(data_dir),
        "REPAYTALK_DATABASE_URL": f"sqlite:///{data_dir / 'repaytalk.db'}",
    }
    env.pop("REPAYTALK_GUARD_RAISES", None)
    log = (data_dir / f"streamlit-{Path(script).stem}.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            script,
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
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
