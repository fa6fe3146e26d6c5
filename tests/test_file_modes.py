"""Every file the app and its command lines write is its owner's alone: 0600, in folders made 0700.

The commands run as they would for a user, as subprocesses, under the most permissive umask
(000): what they write is private because they make it so, not because of the user's umask.
Each test lists every file and folder it finds with its mode; on failure the listing is shown.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from report.example import seed_example
from report.images import find_chromium
from store import init_db
from store.files import mode_of
from store.keys import default_key_file

ROOT = Path(__file__).resolve().parent.parent
OPEN_UMASK = 0o000


def listing(root: Path) -> dict[str, str]:
    """Every file and folder under ``root`` (``root`` itself left out) with its mode."""
    found = {}
    for path in sorted(root.rglob("*")):
        kind = "dir " if path.is_dir() else "file"
        found[f"{kind} {path.relative_to(root)}"] = oct(stat.S_IMODE(path.lstat().st_mode))
    return found


def shown(found: dict[str, str]) -> str:
    return "\n".join(f"  {mode}  {name}" for name, mode in found.items())


def assert_private(found: dict[str, str], *, folders_made: set[str]) -> None:
    """Files 0600; the folders the commands made 0700 (those the test made are left out)."""
    wrong = {
        name: mode
        for name, mode in found.items()
        if (name.startswith("file") and mode != "0o600")
        or (name.startswith("dir") and name[5:] in folders_made and mode != "0o700")
    }
    assert not wrong, f"not private: {wrong}\nevery file written:\n{shown(found)}"


def start(*args: str) -> tuple[tuple[str, ...], subprocess.Popen]:
    """``python -m …`` from the repository, under umask 000."""
    process = subprocess.Popen(
        [sys.executable, "-m", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=lambda: os.umask(OPEN_UMASK),
    )
    return args, process


def wait_all(*started: tuple[tuple[str, ...], subprocess.Popen]) -> None:
    """Wait for the commands (run side by side); each must succeed."""
    for args, process in started:
        output, _ = process.communicate(timeout=300)
        assert process.returncode == 0, f"{args}: exit {process.returncode}\n{output}"


@pytest.fixture
def open_umask():
    previous = os.umask(OPEN_UMASK)
    yield
    os.umask(previous)


def test_the_database_its_wal_and_shm_and_its_data_folder_are_private(
    tmp_path, monkeypatch, open_umask
):
    monkeypatch.delenv("REPAYTALK_FIELD_KEY")  # the default: the database's key file
    url = f"sqlite:///{tmp_path / 'data' / 'repaytalk.db'}"
    with init_db(url) as store:
        seed_example(store)
        with store.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        found = listing(tmp_path)  # while it is open: the -wal and -shm are there
    key_file = default_key_file(url).relative_to(tmp_path)  # XDG_CONFIG_HOME is in tmp_path
    assert set(found) == {
        "dir  config",
        "dir  config/repaytalk",
        f"file {key_file}",
        "dir  data",
        "file data/repaytalk.db",
        "file data/repaytalk.db-wal",
        "file data/repaytalk.db-shm",
    }, shown(found)
    assert_private(found, folders_made={"config", "config/repaytalk", "data"})


def test_a_database_an_older_version_left_readable_is_tightened_when_opened(tmp_path):
    path = tmp_path / "repaytalk.db"
    init_db(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as other:  # leaves a -wal and -shm, made readable below
        other.execute("PRAGMA journal_mode = WAL")
        other.execute("CREATE TABLE scratch (x)")
        for name in ("repaytalk.db", "repaytalk.db-wal", "repaytalk.db-shm"):
            os.chmod(tmp_path / name, 0o644)
        with init_db(f"sqlite:///{path}") as store:
            assert store.clients.count() == 0
            found = listing(tmp_path)
    assert set(found) >= {"file repaytalk.db", "file repaytalk.db-wal", "file repaytalk.db-shm"}
    assert_private(found, folders_made=set())


def test_a_read_only_database_stays_read_only(tmp_path, monkeypatch):
    monkeypatch.delenv("REPAYTALK_FIELD_KEY")  # the default: the database's key file
    path = tmp_path / "repaytalk.db"
    init_db(f"sqlite:///{path}").close()
    os.chmod(path, 0o444)
    init_db(f"sqlite:///file:{path}?mode=ro&uri=true").close()
    assert oct(mode_of(path)) == "0o400"


def test_every_file_the_command_lines_write_is_private(tmp_path, monkeypatch):
    monkeypatch.delenv("REPAYTALK_FIELD_KEY")  # the default: the database's key file
    data = tmp_path / "data"
    url = f"sqlite:///{data / 'repaytalk.db'}"
    previous = os.umask(OPEN_UMASK)
    try:
        with init_db(url) as store:
            client_id = seed_example(store)
    finally:
        os.umask(previous)
    out = tmp_path / "out"
    out.mkdir(mode=0o755)  # the user's own folder: left as it is
    os.chmod(out, 0o755)
    database = ["--database", url]
    report = ["report", str(client_id), *database]
    images = {"file out/plan.png", "file out/plan.svg"} if find_chromium() else set()
    (out / "plan.html").write_text("an older copy")
    (out / "plan.html").chmod(0o644)  # a file that was there, readable by all, is replaced
    wait_all(
        start("store", *database, "backup", str(out / "backup.json"), "--plain"),
        start("store", *database, "export-csv", str(out / "csv" / "masked")),
        start("store", *database, "export-csv", str(out / "csv" / "full"), "--no-mask"),
        start("store", *database, "retention", "list"),
        start(*report, "--out", str(out / "plan.pdf")),
        start(*report, "--out", str(out / "plan.html"), "--html", "--lang", "en"),
        *(
            [
                start(*report, "--out", str(out / "plan.png"), "--png"),
                start(*report, "--out", str(out / "plan.svg"), "--svg", "--chart", "cumulative"),
            ]
            if images
            else []
        ),
    )

    # Chromium (the images) keeps its profile under XDG_CONFIG_HOME too: not our files.
    found = {
        entry: mode
        for entry, mode in listing(tmp_path).items()
        if not entry.split(maxsplit=1)[1].startswith("config/chromium")
    }
    print("every file written:\n" + shown(found))
    key_file = default_key_file(url).relative_to(tmp_path)  # XDG_CONFIG_HOME is in tmp_path
    expected = {
        "dir  config",
        "dir  config/repaytalk",
        f"file {key_file}",
        "dir  data",
        "file data/repaytalk.db",
        "dir  out",
        "file out/backup.json",
        "dir  out/csv",
        "dir  out/csv/masked",
        "dir  out/csv/full",
        "file out/plan.pdf",
        "file out/plan.html",
        *images,
        *(
            f"file out/csv/{kind}/{name}.csv"
            for kind in ("masked", "full")
            for name in ("calls", "tasks", "payments")
        ),
    }
    # SQLite's -wal/-shm may remain beside the database after the last connection.
    assert set(found) - {"file data/repaytalk.db-wal", "file data/repaytalk.db-shm"} == expected
    assert_private(
        found,
        folders_made={
            "config",
            "config/repaytalk",
            "data",
            "out/csv",
            "out/csv/masked",
            "out/csv/full",
        },
    )
    assert found["dir  out"] == "0o755"
