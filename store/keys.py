"""The field key: the 32 random bytes that encrypt personal data at rest (issue 23).

Where the key comes from, in this order:

1. ``REPAYTALK_FIELD_KEY`` — the key in base64 (44 characters). Team mode: several servers share
   one database and must share one key, so it is handed to each of them like a password. Make
   one with ``python -c "import base64, os; print(base64.b64encode(os.urandom(32)).decode())"``.
2. A key file: ``REPAYTALK_KEY_FILE`` or, by default,
   ``$XDG_CONFIG_HOME/repaytalk/field-<16 hex of the database>.key`` (``~/.config`` when
   ``XDG_CONFIG_HOME`` is unset). It is created on first use: 32 random bytes in base64 on one
   line, mode ``0600``, in a folder created ``0700``; written to a temporary file and linked into
   place, so two processes starting at once end up with the one file that won, and an existing
   key file is never overwritten.

Why the key lives apart from the data: whoever copies ``data/`` (the database, its WAL, the
backups) — a stolen laptop's disk image, a USB stick, a synced folder — must not carry the key
along, or the encryption protects nothing. The default file name carries a hash of the database
(its absolute file for SQLite, server, port, database and options for PostgreSQL — never the
password), so two databases on one machine get two keys, and a database reached by another
relative path from another folder still finds its key.

A key file that the group or others may read or write is refused (:class:`KeyFileExposedError`),
not silently tightened: the key may already have been copied, and the counselor is told to
``chmod 600`` it (and should consider the key compromised). So is a key file in a folder others
may write to (unless it is sticky, like ``/tmp``): they could swap in a key of their own. An
unreadable or damaged file is refused with its own code. Nothing here ever prints or logs the
key, and the errors never quote it (nor the content of ``REPAYTALK_FIELD_KEY``).

**A lost key cannot be recovered**, nor the fields it encrypted: back the key file up
(separately from the database backups, e.g. in a password manager).

The key's fingerprint (:func:`key_fingerprint`, 16 hex characters, an HMAC of a fixed label —
it reveals nothing of the key) lets a database record which key wrote it. The next session's
plan: ``init_db`` stores it (a ``field_key_fingerprint`` row beside the schema version) when it
first encrypts, and checks it with :func:`check_fingerprint` on every start, so that a wrong key
(another server's, or a new file made because the database moved) is refused with
:class:`FieldKeyMismatchError` instead of showing garbage or failing on the first decryption.
A database that already recorded a fingerprint should load its key with ``create=False``, so
that a moved database does not leave a useless new key file behind.

>>> key = bytes(range(32))
>>> key_fingerprint(key)
'6376d69ab1693679'
>>> decode_key(encode_key(key)) == key
True
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import secrets
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from store.errors import DatabaseUnavailableError
from store.files import ensure_private_dir, mode_of, write_private

FIELD_KEY_ENV = "REPAYTALK_FIELD_KEY"
KEY_FILE_ENV = "REPAYTALK_KEY_FILE"
#: Bytes of a field key (AES-256 and HMAC-SHA256 sub-keys are derived from it).
KEY_BYTES = 32
#: Label whose HMAC under the key is its fingerprint.
_FINGERPRINT_LABEL = b"repaytalk field key fingerprint v1"
FINGERPRINT_CHARS = 16
_OPEN_TO_OTHERS = stat.S_IRWXG | stat.S_IRWXO

__all__ = [
    "FIELD_KEY_ENV",
    "KEY_BYTES",
    "KEY_FILE_ENV",
    "FieldKey",
    "FieldKeyError",
    "FieldKeyInvalidError",
    "FieldKeyMismatchError",
    "KeyFileCorruptError",
    "KeyFileExposedError",
    "KeyFileMissingError",
    "KeyFileUnreadableError",
    "check_fingerprint",
    "decode_key",
    "default_key_file",
    "encode_key",
    "generate_key",
    "key_fingerprint",
    "load_field_key",
    "read_key_file",
]


class FieldKeyError(DatabaseUnavailableError):
    """The field key cannot be had: the encrypted fields of the database cannot be read."""

    code = "field_key_error"


class FieldKeyInvalidError(FieldKeyError):
    """``REPAYTALK_FIELD_KEY`` is not 32 bytes in base64."""

    code = "field_key_invalid"


class KeyFileExposedError(FieldKeyError):
    """The key file may be read or changed by other users."""

    code = "key_file_exposed"


class KeyFileUnreadableError(FieldKeyError):
    """The key file (or its folder) cannot be read or created."""

    code = "key_file_unreadable"


class KeyFileCorruptError(FieldKeyError):
    """The key file does not hold a key."""

    code = "key_file_corrupt"


class KeyFileMissingError(FieldKeyError):
    """There is no key file, and making a new one was not allowed."""

    code = "key_file_missing"


class FieldKeyMismatchError(FieldKeyError):
    """The database was written with another key."""

    code = "field_key_mismatch"


@dataclass(frozen=True)
class FieldKey:
    """A loaded key and where it came from (``"env"``, ``"file"`` or ``"explicit"``).

    ``created`` is True when the key file was made just now: the place to tell the counselor to
    back it up. The key's bytes are never part of ``repr``.
    """

    key: bytes = field(repr=False)
    source: str
    path: Path | None = None
    created: bool = False

    @property
    def fingerprint(self) -> str:
        return key_fingerprint(self.key)


def generate_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def encode_key(key: bytes) -> str:
    """The key as standard base64 (the form of ``REPAYTALK_FIELD_KEY`` and of a key file)."""
    _check_length(key)
    return base64.b64encode(key).decode("ascii")


def decode_key(text: str) -> bytes:
    """A key from base64 (standard or URL-safe alphabet, surrounding blanks ignored);
    ``ValueError`` (never quoting ``text``) unless it is exactly 32 bytes."""
    cleaned = text.strip().replace("-", "+").replace("_", "/")
    if len(cleaned) % 4 in (2, 3):  # padding left off, as some tools print it
        cleaned += "=" * (-len(cleaned) % 4)
    try:
        key = base64.b64decode(cleaned, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("not valid base64") from None
    if len(key) != KEY_BYTES:
        raise ValueError(f"{len(key)} bytes instead of {KEY_BYTES}")
    return key


def key_fingerprint(key: bytes) -> str:
    """16 hex characters naming the key, safe to store and show (an HMAC of a fixed label)."""
    _check_length(key)
    digest = hmac.new(key, _FINGERPRINT_LABEL, hashlib.sha256).hexdigest()
    return digest[:FINGERPRINT_CHARS]


def check_fingerprint(recorded: str | None, key: bytes, *, where: str = "the database") -> None:
    """Refuse ``key`` unless it is the one whose fingerprint ``where`` recorded (None: nothing
    recorded yet, any key is accepted)."""
    if recorded is None:
        return
    actual = key_fingerprint(key)
    if not hmac.compare_digest(recorded, actual):
        raise FieldKeyMismatchError(
            f"{where} was encrypted with the field key {recorded}, but the key in use is"
            f" {actual}: set {FIELD_KEY_ENV} or {KEY_FILE_ENV} to that database's key"
        )


def default_key_file(database_url: str | URL, environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_CONFIG_HOME/repaytalk/field-<hash>.key`` for this database (see the module doc).

    >>> default_key_file("sqlite:////srv/rt/data/repaytalk.db", {"HOME": "/home/lu"})
    PosixPath('/home/lu/.config/repaytalk/field-d7c10078fb1cf8eb.key')
    >>> a = default_key_file("postgresql://lu:one@db/rt", {"XDG_CONFIG_HOME": "/c"})
    >>> a == default_key_file("postgresql+psycopg://lu:two@db:5432/rt", {"XDG_CONFIG_HOME": "/c"})
    True
    """
    env = os.environ if environ is None else environ
    config = env.get("XDG_CONFIG_HOME") or ""
    if not os.path.isabs(config):  # the XDG rule: a relative value is ignored
        home = env.get("HOME") or str(Path.home())
        config = os.path.join(home, ".config")
    digest = hashlib.sha256(database_identity(database_url).encode("utf-8")).hexdigest()
    return Path(config) / "repaytalk" / f"field-{digest[:16]}.key"


def database_identity(database_url: str | URL) -> str:
    """What names a database for its key file: the absolute file of SQLite; the server, port,
    database and query options of PostgreSQL (not the driver, user or password).

    >>> ro = database_identity("sqlite:///file:/srv/rt/repaytalk.db?mode=ro&uri=true")
    >>> ro == database_identity("sqlite:////srv/rt/repaytalk.db") == "sqlite:/srv/rt/repaytalk.db"
    True
    """
    try:
        url = make_url(database_url)
    except (ArgumentError, ValueError):
        return str(database_url)
    backend = url.get_backend_name()
    if backend == "sqlite":
        database = url.database or ""
        if database.startswith("file:"):  # a URI (``?mode=ro&uri=true``): the file it names
            database = database[len("file:") :].split("?", 1)[0]
        if database and database != ":memory:":
            database = os.path.abspath(database)
        return f"sqlite:{database}"
    if backend in ("postgresql", "postgres"):
        query = "&".join(f"{name}={url.query[name]}" for name in sorted(url.query))
        port = url.port or 5432
        return f"postgresql://{url.host or ''}:{port}/{url.database or ''}?{query}"
    return url.set(password=None).render_as_string(hide_password=True)


def load_field_key(
    database_url: str | URL,
    environ: Mapping[str, str] | None = None,
    *,
    key_file: str | os.PathLike[str] | None = None,
    create: bool = True,
) -> FieldKey:
    """The field key of ``database_url``: ``REPAYTALK_FIELD_KEY``, else the key file
    (``key_file``, else ``REPAYTALK_KEY_FILE``, else :func:`default_key_file`), created when
    missing if ``create``. Raises a :class:`FieldKeyError` subclass, never quoting the key."""
    env = os.environ if environ is None else environ
    given = env.get(FIELD_KEY_ENV)
    if given:
        try:
            return FieldKey(decode_key(given), "env")
        except ValueError as problem:
            raise FieldKeyInvalidError(
                f"{FIELD_KEY_ENV} must be a 32-byte key in base64 (44 characters): {problem}"
            ) from None
    if key_file is None:
        key_file = env.get(KEY_FILE_ENV) or default_key_file(database_url, env)
    path = Path(key_file).expanduser()
    try:
        return FieldKey(read_key_file(path), "file", path)
    except KeyFileMissingError:
        if not create:
            raise
    return _create_key_file(path)


def read_key_file(path: str | os.PathLike[str]) -> bytes:
    """The key in ``path``; refused when missing, open to others, unreadable or damaged."""
    where = Path(path)
    try:
        mode = mode_of(where)
    except FileNotFoundError:
        raise KeyFileMissingError(f"there is no key file at {where}") from None
    except OSError as problem:
        raise KeyFileUnreadableError(
            f"the key file {where} cannot be read: {problem.strerror}"
        ) from None
    if not where.is_file():
        raise KeyFileUnreadableError(f"the key file {where} is not a file")
    folder_mode = os.stat(where.parent).st_mode
    if folder_mode & (stat.S_IWGRP | stat.S_IWOTH) and not folder_mode & stat.S_ISVTX:
        raise KeyFileExposedError(
            f"the folder of the key file {where} can be changed by other users (mode"
            f" {stat.S_IMODE(folder_mode):04o}), who could put their own key there; run"
            f" `chmod go-w {where.parent}`"
        )
    if mode & _OPEN_TO_OTHERS:
        raise KeyFileExposedError(
            f"the key file {where} can be read or changed by other users (mode {mode:04o});"
            f" run `chmod 600 {where}` and consider the key compromised"
        )
    try:
        text = where.read_bytes().decode("ascii")
    except OSError as problem:
        raise KeyFileUnreadableError(
            f"the key file {where} cannot be read: {problem.strerror}"
        ) from None
    except UnicodeDecodeError:
        raise KeyFileCorruptError(f"the key file {where} does not hold a key") from None
    try:
        return decode_key(text)
    except ValueError as problem:
        raise KeyFileCorruptError(
            f"the key file {where} does not hold a key ({problem}); restore it from its backup"
        ) from None


def _create_key_file(path: Path) -> FieldKey:
    """A new key in a new ``0600`` file at ``path``, unless another process made one first
    (then that one is read); an existing file is never replaced."""
    key = generate_key()
    try:
        folder = ensure_private_dir(path.parent)
        # Written whole under a name of its own, then linked: the link fails rather than
        # replacing a key another process put there meanwhile.
        temporary = folder / f".{path.name}.{secrets.token_hex(8)}.new"
        write_private(temporary, encode_key(key) + "\n")
        try:
            os.link(temporary, path)
            created = True
        except FileExistsError:
            created = False
        finally:
            temporary.unlink(missing_ok=True)
        if created:
            _sync_folder(folder)
    except OSError as problem:
        raise KeyFileUnreadableError(
            f"the key file {path} cannot be created: {problem.strerror or problem}"
        ) from None
    if not created:
        return FieldKey(read_key_file(path), "file", path)
    return FieldKey(key, "file", path, created=True)


def _sync_folder(folder: Path) -> None:
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def _check_length(key: bytes) -> None:
    if not isinstance(key, bytes) or len(key) != KEY_BYTES:
        raise ValueError(f"a field key is {KEY_BYTES} bytes")
