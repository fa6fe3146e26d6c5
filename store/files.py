"""Files and folders the app writes, readable by their owner only.

Everything RepayTalk writes holds personal data — the SQLite database (and SQLite's ``-wal``
and ``-shm`` beside it), backups, CSV exports, the client's PDF, HTML, images and calendar — so
every file is created ``0600`` and every folder the app creates ``0700``, whatever the umask:

- :func:`write_private` writes a whole file atomically (a ``0600`` temporary file in the same
  folder, flushed to disk, renamed over the target), so a reader never sees half a file and a
  file that was readable by others is replaced by one that is not;
- :func:`ensure_private_dir` creates the missing folders of a path ``0700`` (folders that
  exist, such as the user's own, are left as they are);
- :func:`create_private` creates an empty ``0600`` file if none is there (SQLite then gives its
  ``-wal`` and ``-shm`` the database file's mode), :func:`tighten` takes the group's and
  others' bits off a file written by an older version;
- :func:`private_umask` sets the umask ``077`` for a command line's run, so that anything
  written by a library on the way is private too.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> path = write_private(folder / "new" / "plan.csv", b"a,b\\r\\n", make_folders=True)
>>> oct(mode_of(path)), oct(mode_of(path.parent))
('0o600', '0o700')
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: Mode of every file the app writes: read and write by its owner only.
PRIVATE_FILE = 0o600
#: Mode of every folder the app creates.
PRIVATE_DIR = 0o700
#: Umask of a command line's run: nothing it creates is open to the group or others.
PRIVATE_UMASK = 0o077
#: The bits :func:`tighten` takes off.
_OPEN_TO_OTHERS = stat.S_IRWXG | stat.S_IRWXO

__all__ = [
    "PRIVATE_DIR",
    "PRIVATE_FILE",
    "PRIVATE_UMASK",
    "create_private",
    "ensure_private_dir",
    "mode_of",
    "private_umask",
    "tighten",
    "write_private",
]


def mode_of(path: str | os.PathLike[str]) -> int:
    """The permission bits of ``path`` (``0o600`` …)."""
    return stat.S_IMODE(os.stat(path).st_mode)


def ensure_private_dir(path: str | os.PathLike[str]) -> Path:
    """``path`` as a folder: each missing folder on the way is created ``0700``; folders that
    exist already are left as they are. ``OSError`` when it cannot be created."""
    folder = Path(path)
    missing: list[Path] = []
    current = folder
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    for new in reversed(missing):
        try:
            new.mkdir(mode=PRIVATE_DIR)
        except FileExistsError:
            if not new.is_dir():
                raise
            continue  # made meanwhile by another process: not ours to change
        os.chmod(new, PRIVATE_DIR)  # mkdir's mode goes through the umask
    if not folder.is_dir():
        raise NotADirectoryError(20, "not a folder", str(folder))
    return folder


def write_private(
    path: str | os.PathLike[str],
    data: bytes | str,
    *,
    encoding: str = "utf-8",
    make_folders: bool = False,
) -> Path:
    """Write ``data`` to ``path`` as a whole ``0600`` file, atomically; return the path.

    The data go to a temporary ``0600`` file in the same folder, flushed to disk, which then
    replaces ``path`` (a file there before, whatever its mode, is replaced). With
    ``make_folders`` the missing folders are created ``0700`` first. ``OSError`` when it
    cannot be written; nothing is left behind then.
    """
    target = Path(path)
    payload = data.encode(encoding) if isinstance(data, str) else bytes(data)
    folder = target.parent if str(target.parent) else Path(".")
    if make_folders:
        ensure_private_dir(folder)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            os.fchmod(out.fileno(), PRIVATE_FILE)  # mkstemp makes 0600; say so all the same
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _sync_folder(folder)
    return target


def _sync_folder(folder: Path) -> None:
    """Make the rename durable (where the system allows a folder to be synced)."""
    try:
        directory = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(directory)
    finally:
        os.close(directory)


def create_private(path: str | os.PathLike[str]) -> bool:
    """Create ``path`` as an empty ``0600`` file unless it exists; True if it was created."""
    try:
        handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        return False
    try:
        os.fchmod(handle, PRIVATE_FILE)
    finally:
        os.close(handle)
    return True


def tighten(path: str | os.PathLike[str]) -> bool:
    """Take the group's and others' permissions off ``path`` if it exists (its owner's stay:
    a read-only file stays read-only). True if the mode was changed; a file this user may not
    change (another owner's) is left as it is."""
    try:
        mode = mode_of(path)
    except FileNotFoundError:
        return False
    if not mode & _OPEN_TO_OTHERS:
        return False
    try:
        os.chmod(path, mode & ~_OPEN_TO_OTHERS)
    except PermissionError:
        return False
    return True


@contextmanager
def private_umask() -> Iterator[None]:
    """Run the block with the umask ``077`` (the previous one comes back after it)."""
    previous = os.umask(PRIVATE_UMASK)
    try:
        yield
    finally:
        os.umask(previous)
