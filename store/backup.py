"""Backups: every record of every client in one versioned JSON file, and restoring it.

The file (``format_version`` 1) is one JSON object::

    {"format": "repaytalk-backup", "format_version": 1,
     "created_at": "2026-03-01T13:30:00+00:00", "schema_revision": "0003",
     "counts": {"clients": 2, "debts": 3, ...}, "audit_trail_count": 1,
     "tables": {"clients": [{"id": 1, "version": 2, "name": "张明", ...}, ...], ...},
     "audit_trail": [{"id": 1, "at": "2026-03-01T13:00:00+00:00", "actor": "local", ...}]}

Every table of records is there, parents before children, each row with every column and
its id. Money is in whole fen (``amount_fen: 107201``), rates are exact decimal strings,
instants are ISO 8601 in UTC, dates ``YYYY-MM-DD``.

Restoring replaces the whole database in one transaction, keeping the ids, so that links
between records survive. It is all or nothing: the file is read and checked completely before
the database is touched — its size (a file at most :data:`MAX_BACKUP_BYTES`, checked before it
is read into memory), its structure, each value's type and range, every record through its ``core``
model (so within ``core.limits``), and every link: a call, task, payment, proposal, checklist or
collection contact may point only at a debt, call or proposal of its own client — and a
database error half-way rolls everything back. A file that cannot be used raises
:class:`BackupFileError` saying where (``line 12, column 5`` for broken JSON,
``tables.calls[3].at`` for a bad value) with a ``reason`` and ``params`` the catalogue words in
the user's language (``error.backup.<reason>``); the database is then exactly as it was.

The audit trail is written into every backup too, apart from the records: ``"audit_trail":
[...]`` (one line per row, as ``audit_events`` holds them) after ``"tables"``, counted by
``"audit_trail_count"`` in the header. A restore never replaces it: the trail there is stays as
it is, none of the file's lines are taken (they are checked, as the rest of the file), and the
restore appends its own line (``backup.restored``, with the rows restored per table) in the same
transaction. A file without the trail (written before it was included) restores all the same,
and a program that predates it reads a file with it (it does not look there).

Accounts are neither in backups nor touched by a restore; a restored client whose counselor
(``clients.counselor_id``) names no account of this database comes back unassigned.

A backup written at an older schema restores too when all it lacks is what later migrations
added and marked (``info={"added_in": revision}`` on a table or column of :mod:`store.orm`):
such a table is restored empty and such a column takes its default (``NULL`` or its server
default), as the migration would have made them. Anything else missing is refused.

Pages call :func:`backup_to_bytes` / :func:`read_backup` / :func:`restore_backup` (or
:func:`restore_from_bytes`); the command line (``python -m store``) calls the same.
"""

from __future__ import annotations

import base64
import binascii
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import orjson
import pydantic
import sqlalchemy as sa
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection

from core.case_lifecycle import check_history
from core.errors import CoreError
from core.money import to_decimal
from store import (
    budgets,
    calls,
    cases,
    checklists,
    clients,
    collections,
    debts,
    evidence,
    hardship,
    legal,
    lender_aliases,
    payments,
    proposals,
)
from store.blind_indexes import index_columns, is_index_column, with_indexes
from store.columns import (
    EncryptedBytes,
    EncryptedText,
    ExactDecimal,
    Fen,
    UTCDateTime,
    cipher_for,
    to_fen,
)
from store.crypto import WrongPassphraseError, is_sealed, open_sealed, seal
from store.db import translate_errors
from store.errors import StoreError
from store.files import write_private
from store.migrate import alembic_config, current_revision
from store.orm import Base

if TYPE_CHECKING:
    from store.db import Store

FORMAT = "repaytalk-backup"
FORMAT_VERSION = 1
#: The largest backup file accepted, in MB: the Data page's upload limit (Streamlit refuses a
#: bigger upload: ``server.maxUploadSize`` in ``.streamlit/config.toml``, a test keeps them
#: equal) and :func:`read_backup_file`'s, so ``python -m store restore``'s (whose ``--max-mb``
#: raises it for one restore, knowingly). Proof documents (scans and photos, up to
#: ``core.limits.MAX_EVIDENCE_MB`` each, in base64) make backups large: 200 MB holds several
#: hundred clients with years of calls and a few scans each; ``python -m store backup`` says
#: when a backup is not below it.
MAX_BACKUP_MB = 200
MAX_BACKUP_BYTES = MAX_BACKUP_MB * 1024 * 1024
#: The range of each integer column type on every database (PostgreSQL's INTEGER is 32-bit).
_INTEGER_RANGES = {sa.Integer: 2**31 - 1, sa.BigInteger: 2**63 - 1}
#: Rows sent to the database per INSERT batch when restoring.
BATCH = 2000

#: How each table's rows are checked: the repository's own reader, which builds the ``core``
#: model and so applies every rule a saved record obeys.
_READERS: dict[str, Callable[[Any], object]] = {
    "clients": clients.from_row,
    "debts": debts.from_row,
    "budget_versions": budgets.from_row,
    "proposals": proposals.from_row,
    "calls": calls.call_from_row,
    "follow_up_tasks": calls.task_from_row,
    "document_checklists": checklists.from_row,
    "payments": payments.from_row,
    "collection_contacts": collections.from_row,
    "hardship_situations": hardship.situation_from_row,
    "client_proofs": hardship.proof_from_row,
    "lender_aliases": lender_aliases.alias_from_row,
    "legal_events": legal.event_from_row,
    "case_stages": cases.change_from_row,
    "evidence_files": evidence.checked_from_row,
}


class BackupFileError(StoreError):
    """A backup file that cannot be restored; ``where`` says which part of it is wrong.

    ``problem`` is English, for logs. ``reason`` and ``params`` say it for the catalogue
    (``error.backup.<reason>``; a ``line`` and ``column`` or ``byte`` in ``params`` are the
    position ``where`` names); ``cause`` is the named error of a record its model refused.
    """

    code = "backup_invalid"

    def __init__(
        self,
        source: str,
        where: str,
        problem: str,
        *,
        code: str | None = None,
        reason: str = "invalid",
        params: Mapping[str, Any] | None = None,
        cause: Exception | None = None,
    ):
        super().__init__(
            f"{source}: {where}: {problem}" if where else f"{source}: {problem}", code=code
        )
        self.source = source
        self.where = where
        self.problem = problem
        self.reason = reason
        self.params: dict[str, Any] = dict(params or {})
        self.cause = cause


class _Bad(ValueError):
    """A value of the file that cannot be used, with its reason for the catalogue."""

    def __init__(self, reason: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.reason = reason
        self.params = params


class BackupVersionError(BackupFileError):
    """The file is a backup, but of a format version this program cannot read."""

    code = "backup_version"


@dataclass(frozen=True)
class Backup:
    """A backup file read and checked, ready to restore; ``rows`` hold column values as the
    ORM has them (``Decimal`` money, aware UTC datetimes). ``counts`` are the rows a restore
    brings back per table; ``trail_count`` the audit lines the file holds (checked, never
    restored)."""

    created_at: datetime
    schema_revision: str | None
    counts: Mapping[str, int]
    rows: Mapping[str, list[dict[str, Any]]] = field(repr=False)
    trail_count: int = 0

    @property
    def client_count(self) -> int:
        return self.counts.get("clients", 0)


# --- writing --------------------------------------------------------------------------------


def tables() -> list[sa.Table]:
    """Every table of records, parents before children: what a restore replaces (bookkeeping
    such as the processed requests of :mod:`store.requests` is not a record: it is neither
    backed up nor restored; nor are the accounts and the workspace's settings, which a restore
    leaves as they are; the audit trail is backed up apart, :data:`TRAIL_KEY`, never restored)."""
    return [
        table for table in Base.metadata.sorted_tables if table.info.get("backup", True) is True
    ]


#: The audit trail's table: written into every backup (:data:`TRAIL_KEY`), never restored.
TRAIL_TABLE = "audit_events"
#: Where a backup file holds the trail's rows, and their number.
TRAIL_KEY = "audit_trail"
TRAIL_COUNT_KEY = "audit_trail_count"
#: The audit action a restore appends.
RESTORED = "backup.restored"


def trail_table() -> sa.Table:
    return Base.metadata.tables[TRAIL_TABLE]


def bookkeeping_tables() -> list[sa.Table]:
    """The tables a backup leaves out and a restore empties (not those it keeps, such as the
    audit trail: ``info={"backup": "kept"}``)."""
    return [table for table in Base.metadata.sorted_tables if table.info.get("backup") is False]


def _columns(table: sa.Table) -> list[sa.Column]:
    """The table's columns a backup holds, ``id`` first (readers of the file look for it
    there): not the blind indexes, which are made again under the key of the database a
    backup is restored into (:mod:`store.blind_indexes`)."""
    return sorted(
        (column for column in table.columns if not is_index_column(column)),
        key=lambda column: column.name != "id",
    )


def backup_document(store: Store) -> dict[str, Any]:
    """Every row of every table as plain JSON values, read in one consistent snapshot."""
    document: dict[str, Any] = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "created_at": _encode_instant(store.clock()),
        "schema_revision": current_revision(store.engine),
        "counts": {},
        "tables": {},
    }
    with _snapshot(store) as connection:
        for table in tables():
            rows = _encoded_rows(connection, table)
            document["tables"][str(table.name)] = rows
            document["counts"][str(table.name)] = len(rows)
        trail = _encoded_rows(connection, trail_table())
    document[TRAIL_COUNT_KEY] = len(trail)
    document[TRAIL_KEY] = trail
    return document


def _encoded_rows(connection: Connection, table: sa.Table) -> list[dict[str, Any]]:
    columns = _columns(table)
    encoders = [(str(column.name), _encoder(column)) for column in columns]
    return [
        {name: encode(value) for (name, encode), value in zip(encoders, row, strict=True)}
        for row in connection.execute(sa.select(*columns).order_by(table.c.id))
    ]


def backup_to_bytes(store: Store) -> bytes:
    """The whole database as a backup file's contents (UTF-8 JSON, one row per line)."""
    return dump_document(backup_document(store))


def dump_document(document: Mapping[str, Any]) -> bytes:
    """A backup document as bytes: the header, then one row per line (diffable, and a broken
    file's line number points at the broken row)."""
    head = {key: value for key, value in document.items() if key not in ("tables", TRAIL_KEY)}
    lines = [orjson.dumps(head)[:-1] + b',\n"tables": {']
    names = list(document["tables"])
    for index, name in enumerate(names):
        rows = document["tables"][name]
        lines.append(b"\n" + orjson.dumps(name) + b": [")
        lines.append(b",".join(b"\n  " + orjson.dumps(row) for row in rows))
        lines.append(b"\n]" + (b"," if index < len(names) - 1 else b""))
    lines.append(b"\n}")
    if TRAIL_KEY in document:
        trail = document[TRAIL_KEY]
        lines.append(b",\n" + orjson.dumps(TRAIL_KEY) + b": [")
        if isinstance(trail, list):
            lines.append(b",".join(b"\n  " + orjson.dumps(row) for row in trail))
            lines.append(b"\n]")
        else:  # not rows (a test's broken file): as it is
            lines[-1] = b",\n" + orjson.dumps(TRAIL_KEY) + b": " + orjson.dumps(trail)
    lines.append(b"}\n")
    return b"".join(lines)


def seal_backup(data: bytes, passphrase: str) -> bytes:
    """A backup file's contents sealed with ``passphrase`` (:func:`store.crypto.seal`:
    scrypt, then AES-256-GCM); :class:`store.crypto.PassphraseTooShortError` for a passphrase
    of fewer than :data:`store.crypto.MIN_PASSPHRASE_CHARS` characters."""
    return seal(data, passphrase)


def is_sealed_backup(data: bytes | str) -> bool:
    """Whether a backup file's contents are sealed (a passphrase is needed to read them)."""
    return isinstance(data, bytes) and is_sealed(data)


def write_backup_file(
    store: Store, path: str | os.PathLike[str], *, passphrase: str | None = None
) -> Backup:
    """Write the backup to ``path`` safely: a temporary file in the same folder, flushed to
    disk, then renamed over ``path``; readable by its owner only (it holds personal data);
    sealed with ``passphrase`` when one is given (the command line and the Data page always
    give one unless asked for a plain file). Returns the backup as read back from the file
    (opened with the passphrase) and checked."""
    data = backup_to_bytes(store)
    if passphrase is not None:
        data = seal_backup(data, passphrase)
    target = Path(path)
    try:
        write_private(target, data)
    except OSError as exc:
        raise StoreError(
            f"cannot write {target}: {exc.strerror or exc}", code="backup_io"
        ) from None
    # What is on disk is whole, valid and opens with the passphrase.
    return read_backup_file(target, max_bytes=None, passphrase=passphrase)


@contextmanager
def _snapshot(store: Store) -> Iterator[Connection]:
    """One connection and transaction that sees every table as of the same moment (SQLite
    transactions always do; PostgreSQL needs REPEATABLE READ for that)."""
    engine = store.engine
    if engine.dialect.name == "postgresql":
        engine = engine.execution_options(isolation_level="REPEATABLE READ")
    with translate_errors(), engine.connect() as connection, connection.begin():
        yield connection


# --- reading and checking -------------------------------------------------------------------


def read_backup(
    data: bytes | str,
    *,
    source: str = "backup",
    max_bytes: int | None = None,
    passphrase: str | None = None,
) -> Backup:
    """Parse and check a backup file's contents completely, without touching any database;
    contents above ``max_bytes`` (when given) are refused first. Sealed contents are opened
    with ``passphrase`` first: without one the reason is ``passphrase_needed``, with a wrong
    one (or a damaged file: the two cannot be told apart) ``wrong_passphrase``.

    Raises :class:`BackupFileError` naming where the file is wrong, or
    :class:`BackupVersionError` for another format version.
    """
    if max_bytes is not None:
        _check_size(data, source, max_bytes)
    if is_sealed_backup(data):
        assert isinstance(data, bytes)
        data = _open_sealed(data, source, passphrase)
    document = _parse_json(data, source)
    if not isinstance(document, dict):
        raise BackupFileError(
            source, "", "not a RepayTalk backup (expected a JSON object)", reason="not_a_backup"
        )
    if document.get("format") != FORMAT:
        raise BackupFileError(
            source,
            "format",
            f"not a RepayTalk backup (expected {FORMAT!r})",
            reason="not_a_backup",
        )
    version = document.get("format_version")
    if version != FORMAT_VERSION or isinstance(version, bool):
        raise BackupVersionError(
            source,
            "format_version",
            f"version {version!r} cannot be read; this program reads version {FORMAT_VERSION}",
            reason="version",
            params={"version": str(version), "supported": FORMAT_VERSION},
        )
    created_at = _decode_instant(document.get("created_at"), source, "created_at")
    revision = document.get("schema_revision")
    if revision is not None and not isinstance(revision, str):
        raise BackupFileError(
            source, "schema_revision", f"expected text, got {revision!r}", reason="expected_text"
        )
    counts = document.get("counts")
    body = document.get("tables")
    if not isinstance(counts, dict):
        raise BackupFileError(source, "counts", "missing, or not an object", reason="missing_part")
    if not isinstance(body, dict):
        raise BackupFileError(source, "tables", "missing, or not an object", reason="missing_part")
    expected = [table.name for table in tables()]
    for name in body:
        if name not in expected:
            raise BackupFileError(
                source, f"tables.{name}", "not a table of RepayTalk", reason="unknown_table"
            )
    rows: dict[str, list[dict[str, Any]]] = {}
    for table in tables():
        where = f"tables.{table.name}"
        table_rows = body.get(table.name)
        if table_rows is None and table.name not in counts and _added_after(table, revision):
            rows[table.name] = []  # a table the backup's schema did not have yet
            continue
        if not isinstance(table_rows, list):
            raise BackupFileError(
                source, where, "missing, or not a list of rows", reason="missing_part"
            )
        if counts.get(table.name) != len(table_rows):
            raise BackupFileError(
                source,
                where,
                f"has {len(table_rows)} rows but the header counts {counts.get(table.name)!r}"
                " (the file is incomplete or was edited)",
                reason="count_mismatch",
                params={"rows": len(table_rows), "counted": str(counts.get(table.name))},
            )
        rows[table.name] = _decode_rows(table, table_rows, source, revision)
    trail_count = _check_trail(document, source, revision)
    _check_links(rows, source)
    _check_sequences(rows, source)
    return Backup(
        created_at=created_at,
        schema_revision=revision,
        counts={str(name): len(table_rows) for name, table_rows in rows.items()},
        rows=rows,
        trail_count=trail_count,
    )


def _open_sealed(data: bytes, source: str, passphrase: str | None) -> bytes:
    if not passphrase:
        raise BackupFileError(
            source,
            "",
            "the backup is encrypted: give its passphrase",
            reason="passphrase_needed",
        )
    try:
        return open_sealed(data, passphrase)
    except WrongPassphraseError:
        raise BackupFileError(
            source,
            "",
            "the passphrase does not open this backup (or the file is damaged)",
            reason="wrong_passphrase",
        ) from None


def _check_trail(document: Mapping[str, Any], source: str, revision: str | None) -> int:
    """The number of audit lines in the file, each checked like a record's row (a file
    without the trail has none: it was written before backups held it)."""
    rows = document.get(TRAIL_KEY)
    counted = document.get(TRAIL_COUNT_KEY)
    if rows is None and counted is None:
        return 0
    if not isinstance(rows, list):
        raise BackupFileError(
            source, TRAIL_KEY, "missing, or not a list of rows", reason="missing_part"
        )
    if isinstance(counted, bool) or counted != len(rows):
        raise BackupFileError(
            source,
            TRAIL_KEY,
            f"has {len(rows)} rows but the header counts {counted!r}"
            " (the file is incomplete or was edited)",
            reason="count_mismatch",
            params={"rows": len(rows), "counted": str(counted)},
        )
    return len(_decode_rows(trail_table(), rows, source, revision, where=TRAIL_KEY))


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:g}"


def _too_large(source: str, size: int, max_bytes: int) -> BackupFileError:
    most = _megabytes(max_bytes)
    return BackupFileError(
        source,
        "",
        f"the file has {size:,} bytes, more than the {most} MB a restore accepts",
        reason="too_large",
        params={"mb": most},
    )


def _check_size(data: object, source: str, max_bytes: int) -> None:
    if isinstance(data, str):
        size = len(data) if len(data) > max_bytes else len(data.encode("utf-8", "replace"))
    elif isinstance(data, bytes | bytearray | memoryview):
        size = len(data)
    else:
        return
    if size > max_bytes:
        raise _too_large(source, size, max_bytes)


def _parse_json(data: bytes | str, source: str) -> Any:
    if isinstance(data, bytes | bytearray | memoryview):
        data = _utf8(bytes(data), source)
    if not isinstance(data, str):
        raise BackupFileError(
            source,
            "",
            f"expected the file's bytes, got {type(data).__name__}",
            reason="not_a_backup",
        )
    if not data.strip():
        raise BackupFileError(source, "", "the file is empty", reason="empty")
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        # orjson's own message (English, with offsets) is kept for logs only.
        at_end = exc.pos >= len(data.rstrip())
        hint = " (the file ends too early: it is truncated)" if at_end else ""
        raise BackupFileError(
            source,
            f"line {exc.lineno}, column {exc.colno}",
            f"not valid JSON: {exc.msg}{hint}",
            reason="truncated" if at_end else "not_json",
            params={"line": exc.lineno, "column": exc.colno},
        ) from None


def _utf8(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1  # in bytes
        truncated = exc.reason == "unexpected end of data"
        problem = (
            "the file ends in the middle of a character: it is truncated"
            if truncated
            else f"not UTF-8 text ({exc.reason})"
        )
        raise BackupFileError(
            source,
            f"line {line}, byte {column}",
            problem,
            reason="truncated" if truncated else "not_utf8",
            params={"line": line, "byte": column},
        ) from None


def _decode_rows(
    table: sa.Table,
    table_rows: list[Any],
    source: str,
    revision: str | None,
    *,
    where: str | None = None,
) -> list[dict[str, Any]]:
    place = where or f"tables.{table.name}"
    columns = _columns(table)
    plan = [
        (str(column.name), _decoder(column), bool(column.nullable) and not column.primary_key)
        for column in columns
    ]
    names = {name for name, _, _ in plan}
    later = {
        str(column.name): _default(column) for column in columns if _added_after(column, revision)
    }
    read = _READERS.get(table.name)
    seen: set[int] = set()
    decoded = []
    for index, raw in enumerate(table_rows):
        if isinstance(raw, dict) and later and raw.keys() != names:
            absent = names - raw.keys()
            if absent and absent <= later.keys() and raw.keys() <= names:
                raw = {**raw, **{name: later[name] for name in absent}}
        if not isinstance(raw, dict) or raw.keys() != names:
            where = f"{place}[{index}]"
            raise BackupFileError(
                source,
                where,
                _row_shape_problem(raw, names, revision),
                reason="row_shape",
                params={"columns": ", ".join(sorted(names ^ set(raw)))}
                if isinstance(raw, dict)
                else {"columns": ""},
            )
        row: dict[str, Any] = {}
        for name, decode, nullable in plan:
            value = raw[name]
            try:
                if value is None:
                    if not nullable:
                        raise _Bad("null", "must not be empty (null)")
                    row[name] = None
                else:
                    row[name] = decode(value)
            except _Bad as exc:
                where = f"{place}[{index}].{name}"
                raise BackupFileError(
                    source, where, str(exc), reason=exc.reason, params=exc.params
                ) from None
            except (TypeError, ValueError, InvalidOperation) as exc:
                where = f"{place}[{index}].{name}"
                raise BackupFileError(source, where, str(exc), reason="bad_value") from None
        if row["id"] in seen:
            where = f"{place}[{index}].id"
            raise BackupFileError(
                source,
                where,
                f"id {row['id']} appears twice",
                reason="duplicate_id",
                params={"id": row["id"]},
            )
        seen.add(row["id"])
        if read is not None:
            _check_record(read, row, source, f"{place}[{index}]")
        decoded.append(row)
    return decoded


def _row_shape_problem(raw: Any, names: set[str], revision: str | None) -> str:
    if not isinstance(raw, dict):
        return "a row must be a JSON object"
    missing = [name for name in names if name not in raw]
    extra = [name for name in raw if name not in names]
    parts = []
    if missing:
        parts.append(f"missing column(s) {', '.join(sorted(missing))}")
    if extra:
        parts.append(f"unknown column(s) {', '.join(extra)}")
    made = f" (the backup's schema is {revision})" if revision else ""
    return "; ".join(parts) + made


def _check_record(read: Callable[[Any], object], row: dict[str, Any], source: str, where: str):
    where = f"{where} (id {row['id']})"
    try:
        read(SimpleNamespace(**row))
    except pydantic.ValidationError as exc:
        error = exc.errors()[0]
        loc = ".".join(str(part) for part in error["loc"])
        raise BackupFileError(
            source, where, f"{loc or exc.title}: {error['msg']}", reason="record", cause=exc
        ) from None
    except CoreError as exc:
        raise BackupFileError(source, where, str(exc), reason="record", cause=exc) from None
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise BackupFileError(source, where, str(exc), reason="record") from None


def _check_sequences(rows: Mapping[str, list[dict[str, Any]]], source: str) -> None:
    """Records that must follow each other as the rules say, checked together: each debt's
    legal steps (:class:`core.rules.legal.LegalStatus`) and each client's case history
    (:func:`core.case_lifecycle.check_history`), as the store's own writes require."""
    groups: dict[tuple[str, Any], list[int]] = {}
    for table, key in (("legal_events", "debt_id"), ("case_stages", "client_id")):
        for index, found in enumerate(rows.get(table, ())):
            groups.setdefault((table, found[key]), []).append(index)

    def row(table: str, index: int) -> Any:  # the readers take anything with the row's fields
        return SimpleNamespace(**rows[table][index])

    for (table, _), indexes in groups.items():
        first = indexes[0]
        where = f"tables.{table}[{first}] (id {rows[table][first]['id']})"
        try:
            if table == "legal_events":
                legal.checked_status(legal.event_from_row(row(table, i)).event for i in indexes)
            else:
                check_history([cases.change_from_row(row(table, i)) for i in indexes])
        except CoreError as exc:
            raise BackupFileError(source, where, str(exc), reason="record", cause=exc) from None


def _check_links(rows: Mapping[str, list[dict[str, Any]]], source: str) -> None:
    """Every link points at a record in the file, and one of the same client: a call, task,
    payment, proposal, checklist or collection contact never points at another client's
    debt, call or proposal (the store's own writes refuse that; a file must not sneak it in)."""
    by_id = {name: {row.get("id"): row for row in table_rows} for name, table_rows in rows.items()}
    for table in tables():
        # Links to tables a backup does not hold (an account) are settled on restore.
        links = [
            (str(column.name), str(key.column.table.name))
            for column in table.columns
            for key in column.foreign_keys
            if key.column.table.name in rows
        ]
        for index, row in enumerate(rows[table.name]):
            for column, target in links:
                value = row[column]
                if value is None:
                    continue
                where = f"tables.{table.name}[{index}].{column}"
                parent = by_id[target].get(value)
                if parent is None:
                    raise BackupFileError(
                        source,
                        where,
                        f"points at {target} id {value}, which is not in the file",
                        reason="missing_record",
                        params={"table": target, "id": value},
                    )
                mine, theirs = row.get("client_id"), parent.get("client_id")
                if mine is not None and theirs is not None and mine != theirs:
                    raise BackupFileError(
                        source,
                        where,
                        f"points at {target} id {value} of client {theirs},"
                        f" but this record belongs to client {mine}",
                        reason="other_clients_record",
                        params={
                            "table": target,
                            "id": value,
                            "client": mine,
                            "other_client": theirs,
                        },
                    )


@cache
def _revision_order() -> dict[str, int]:
    """Each known schema revision's place in the history, the oldest first."""
    scripts = ScriptDirectory.from_config(alembic_config())
    history = [script.revision for script in scripts.walk_revisions()]
    return {revision: place for place, revision in enumerate(reversed(history))}


def _added_after(item: sa.Table | sa.Column[Any], revision: str | None) -> bool:
    """Whether ``item`` came with a migration later than ``revision`` (the backup's schema), so
    that the backup may lack it. ``False`` when either is unknown: the file must have it."""
    added_in = item.info.get("added_in")
    if added_in is None or revision is None:
        return False
    order = _revision_order()
    return revision in order and added_in in order and order[revision] < order[added_in]


def _default(column: sa.Column[Any]) -> Any:
    """The JSON value a backup without ``column`` is read with: what its migration gave the
    rows already there (its server default, else ``NULL``)."""
    default = column.server_default
    if default is None:
        if not column.nullable:  # pragma: no cover - a later column needs a default or NULL
            raise TypeError(f"{column.table.name}.{column.name} needs a default for old backups")
        return None
    arg = getattr(default, "arg", None)
    if isinstance(arg, (sa.sql.elements.True_, sa.sql.elements.False_)):
        return isinstance(arg, sa.sql.elements.True_)  # sa.true() / sa.false()
    return arg


# --- one codec per column type --------------------------------------------------------------


def _encoder(column: sa.Column) -> Callable[[Any], Any]:
    kind = column.type
    if isinstance(kind, Fen):
        return _nullable(to_fen)
    if isinstance(kind, ExactDecimal):
        return _nullable(str)
    if isinstance(kind, UTCDateTime):
        return _nullable(_encode_instant)
    if isinstance(kind, sa.Date):
        return _nullable(date.isoformat)
    if isinstance(kind, EncryptedBytes):  # a file: its plain bytes in base64 (sealed with the
        return _nullable(_encode_bytes)  # whole backup when the backup is encrypted)
    return _same


def _decoder(column: sa.Column) -> Callable[[Any], Any]:
    """How a column's (non-null) JSON value is checked and turned into the ORM's value."""
    kind = column.type
    if isinstance(kind, Fen):
        decode: Callable[[Any], Any] = _decode_fen
    elif isinstance(kind, ExactDecimal):
        decode = _decode_exact
    elif isinstance(kind, UTCDateTime):
        decode = _decode_datetime
    elif isinstance(kind, sa.Date):
        decode = _decode_date
    elif isinstance(kind, sa.Boolean):
        decode = _expect(bool, "true or false", "expected_bool")
    elif isinstance(kind, sa.Integer):
        decode = _decode_int_up_to(
            _INTEGER_RANGES[sa.BigInteger if isinstance(kind, sa.BigInteger) else sa.Integer]
        )
    elif isinstance(kind, sa.String):  # Text too
        decode = _decode_text(kind.length)
    elif isinstance(kind, EncryptedText):  # plain text in the file, encrypted when restored
        decode = _decode_text(kind.length_limit)
    elif isinstance(kind, EncryptedBytes):  # base64 in the file, encrypted when restored
        decode = _decode_bytes(kind.size_limit)
    elif isinstance(kind, sa.JSON):
        decode = _expect(dict | list, "a JSON object or list", "expected_json")
    else:  # pragma: no cover - a new column type needs a codec here
        raise TypeError(f"no backup codec for {column.table.name}.{column.name} ({kind!r})")
    return decode


def _same(value: Any) -> Any:
    return value


def _nullable(encode: Callable[[Any], Any]) -> Callable[[Any], Any]:
    return lambda value: None if value is None else encode(value)


def _encode_instant(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


def _shown(value: Any) -> str:
    """A value for a message, cut short (a hostile file may hold megabytes in one value)."""
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


def _expect(kind: Any, described: str, reason: str) -> Callable[[Any], Any]:
    def decode(value: Any) -> Any:
        if not isinstance(value, kind):
            raise _Bad(reason, f"expected {described}, got {_shown(value)}")
        return value

    return decode


def _decode_int(value: Any, most: int = _INTEGER_RANGES[sa.BigInteger]) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Bad("expected_integer", f"expected a whole number, got {_shown(value)}")
    if not -most - 1 <= value <= most:
        raise _Bad("out_of_range", f"{value} is beyond the column's range (±{most})")
    return value


def _decode_int_up_to(most: int) -> Callable[[Any], int]:
    return lambda value: _decode_int(value, most)


def _decode_fen(value: Any) -> Decimal:
    return Decimal(_decode_int(value)).scaleb(-2)


def _decode_exact(value: Any) -> Decimal:
    if not isinstance(value, str):
        raise _Bad("expected_decimal", f"expected a decimal number as text, got {_shown(value)}")
    try:
        return to_decimal(value, "value")
    except CoreError:
        raise _Bad(
            "expected_decimal", f"expected a finite decimal number, got {_shown(value)}"
        ) from None


def _decode_text(length: int | None) -> Callable[[Any], str]:
    def decode(value: Any) -> str:
        if not isinstance(value, str):
            raise _Bad("expected_text", f"expected text, got {_shown(value)}")
        if length is not None and len(value) > length:
            raise _Bad("text_too_long", f"longer than {length} characters", max=length)
        return value

    return decode


def _encode_bytes(value: bytes) -> str:
    return base64.b64encode(value).decode("ascii")


def _decode_bytes(size_limit: int | None) -> Callable[[Any], bytes]:
    def decode(value: Any) -> bytes:
        if not isinstance(value, str):
            raise _Bad("expected_base64", f"expected a file in base64, got {_shown(value)}")
        if size_limit is not None and len(value) > 4 * (size_limit // 3 + 1):
            raise _Bad("file_too_large", f"a file of more than {size_limit} bytes", max=size_limit)
        try:
            data = base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise _Bad(
                "expected_base64", f"expected a file in base64, got {_shown(value)}"
            ) from None
        if size_limit is not None and len(data) > size_limit:
            raise _Bad("file_too_large", f"a file of more than {size_limit} bytes", max=size_limit)
        return data

    return decode


def _decode_date(value: Any) -> date:
    described = f"expected a date as YYYY-MM-DD, got {_shown(value)}"
    if not isinstance(value, str) or len(value) != 10:
        raise _Bad("expected_date", described)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _Bad("expected_date", described) from None


def _decode_datetime(value: Any) -> datetime:
    described = f"expected an ISO 8601 date-time with its UTC offset, got {_shown(value)}"
    if not isinstance(value, str):
        raise _Bad("expected_datetime", described)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise _Bad("expected_datetime", described) from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise _Bad("expected_datetime", described)
    return moment.astimezone(UTC)


def _decode_instant(value: Any, source: str, where: str) -> datetime:
    try:
        return _decode_datetime(value)
    except _Bad as exc:
        raise BackupFileError(source, where, str(exc), reason=exc.reason) from None


# --- restoring ------------------------------------------------------------------------------


def restore_backup(store: Store, backup: Backup, *, actor: str = "local") -> dict[str, int]:
    """Replace every record in the database with those of ``backup``, keeping their ids, in
    one transaction that also appends the audit line ``backup.restored`` for ``actor`` (the
    trail itself is left as it is). Returns the rows restored per table.

    A database error (full, locked, read-only, connection lost) raises the store's named
    error and leaves the database as it was.
    """
    if not isinstance(backup, Backup):
        raise StoreError(f"expected a Backup, got {type(backup).__name__}", code="wrong_type")
    with store.write() as session:
        connection = session.connection()
        for table in [*bookkeeping_tables(), *reversed(tables())]:
            connection.execute(table.delete())
        unlinked = 0
        for table in tables():
            rows, cleared = _without_missing_kept_links(connection, table, backup.rows[table.name])
            unlinked += cleared
            for batch in _batches(rows):
                _insert_rows(connection, table, batch)
        if connection.dialect.name == "postgresql":
            _reset_sequences(connection)
        store.audit.append(
            actor=actor,
            action=RESTORED,
            subject="workspace",
            detail={
                "counts": dict(backup.counts),
                "backup_created_at": _encode_instant(backup.created_at),
                "schema_revision": backup.schema_revision,
                "unlinked": unlinked,
            },
        )
    return dict(backup.counts)


def _without_missing_kept_links(
    connection: Connection, table: sa.Table, rows: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], int]:
    """``rows`` with each link to a table a restore keeps (a client's counselor, an account)
    emptied where it names a row this database does not have; and how many were emptied."""
    links = [
        (str(column.name), key.column)
        for column in table.columns
        for key in column.foreign_keys
        if key.column.table.info.get("backup") == "kept" and column.nullable
    ]
    cleared = 0
    for name, target in links:
        wanted = {row[name] for row in rows if row[name] is not None}
        if not wanted:
            continue
        there = set(connection.scalars(sa.select(target).where(target.in_(wanted))))
        missing = wanted - there
        if not missing:
            continue
        cleared += sum(1 for row in rows if row[name] in missing)
        rows = [{**row, name: None} if row[name] in missing else row for row in rows]
    return rows, cleared


def restore_from_bytes(
    store: Store,
    data: bytes | str,
    *,
    source: str = "backup",
    actor: str = "local",
    passphrase: str | None = None,
) -> dict[str, int]:
    """Check a backup file's contents (opened with ``passphrase`` when sealed), then restore
    them (see :func:`restore_backup`)."""
    checked = read_backup(data, source=source, passphrase=passphrase)
    return restore_backup(store, checked, actor=actor)


def erase_records(store: Store) -> dict[str, int]:
    """Delete every record (what a backup holds and a restore replaces), in one transaction;
    the audit trail, the accounts and the workspace's settings stay. Returns the rows deleted
    per table. The caller writes the audit line in the same unit of work."""
    with store.write() as session:
        connection = session.connection()
        counts = {
            str(table.name): connection.scalar(sa.select(sa.func.count()).select_from(table)) or 0
            for table in tables()
        }
        for table in [*bookkeeping_tables(), *reversed(tables())]:
            connection.execute(table.delete())
    return counts


def read_backup_file(
    path: str | os.PathLike[str],
    *,
    max_bytes: int | None = MAX_BACKUP_BYTES,
    passphrase: str | None = None,
) -> Backup:
    """Read and check the backup at ``path`` (see :func:`read_backup`); a file larger than
    ``max_bytes`` (by default :data:`MAX_BACKUP_BYTES`; ``None``: no limit) is refused before
    it is read into memory."""
    source = str(path)
    try:
        with Path(path).open("rb") as handle:
            if max_bytes is None:
                data = handle.read()
            else:
                size = os.fstat(handle.fileno()).st_size
                if size > max_bytes:
                    raise _too_large(source, size, max_bytes)
                data = handle.read(max_bytes + 1)  # a file growing, or not a regular file
    except OSError as exc:
        raise BackupFileError(
            source, "", f"cannot be read: {exc.strerror or exc}", reason="unreadable"
        ) from None
    return read_backup(data, source=source, max_bytes=max_bytes, passphrase=passphrase)


def database_counts(store: Store) -> dict[str, int]:
    """The rows in each table now (to show what a restore would replace)."""
    with store.read() as session:
        return {
            str(table.name): session.scalar(sa.select(sa.func.count()).select_from(table)) or 0
            for table in tables()
        }


def _batches(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start : start + BATCH]


def _insert_rows(connection: Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    if index_columns(table):
        cipher = cipher_for(connection.dialect)
        rows = [with_indexes(table, row, cipher) for row in rows]
    connection.execute(table.insert(), rows)


def _reset_sequences(connection: Connection) -> None:
    """Make PostgreSQL's next id follow the restored ones (SQLite takes max(id) + 1 itself)."""
    for table in tables():
        connection.execute(
            sa.text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'),"
                f" COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
            )
        )
