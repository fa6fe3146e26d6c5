"""The audit trail as the pages use it: record an event, read the trail, export it as CSV.

A line says who (the acting user's ``user_id``), when (UTC), about what (``client:<id>`` by
id only, or ``workspace``) and what happened (a dotted action such as ``client.shared``), with a
detail free of personal data (field names, counts, codes). Lines are only ever appended: there
is no service, nor a store method, that changes or deletes one.

Reading the trail needs :attr:`~core.access.Permission.READ_AUDIT` (supervisors and
administrators; everyone in single-user mode). Its filters take aware instants: the page turns
the dates a counselor picks on the display clock into them (``since`` inclusive, ``until``
exclusive). Exporting it writes a line of its own (``audit.exported``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import orjson

from core.access import Permission
from services._work import unit
from services.actor import Actor, check, require
from services.errors import InvalidDataError
from services.workspace import Workspace
from store.audit import AuditEvent

__all__ = ["CSV_COLUMNS", "EXPORTED", "WORKSPACE", "AuditEvent", "record", "trail", "trail_csv"]

#: The subject of a line about no one client.
WORKSPACE = "workspace"
#: The action of exporting the trail.
EXPORTED = "audit.exported"
#: The CSV's columns, in order (``header(column)`` words them; the catalogue's
#: ``audit.csv.<column>``).
CSV_COLUMNS = ("at", "actor", "action", "subject", "detail")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _client_subject(client_id: int | None) -> str:
    if client_id is None:
        return WORKSPACE
    if isinstance(client_id, bool) or not isinstance(client_id, int):
        raise InvalidDataError("client_id", f"expected a client's id, got {client_id!r}")
    return f"client:{client_id}"


def record(
    ws: Workspace,
    actor: Actor,
    action: str,
    *,
    client_id: int | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Write one line for ``actor`` (about the client ``client_id``, else the workspace), in a
    unit of work of its own (inside another unit, it commits with that one)."""
    acting = check(actor)
    subject = _client_subject(client_id)
    with unit(ws, acting):
        ws.audit.append(actor=acting.user_id, action=action, subject=subject, detail=detail)


def trail(
    ws: Workspace,
    actor: Actor,
    *,
    user_id: str | None = None,
    client_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 1000,
) -> list[AuditEvent]:
    """The trail, newest first: of one user, about one client, from ``since`` (inclusive) to
    ``until`` (exclusive) when given; at most ``limit`` lines."""
    require(actor, Permission.READ_AUDIT)
    return ws.audit.search(
        actor=user_id,
        subject=None if client_id is None else _client_subject(client_id),
        since=since,
        until=until,
        limit=limit,
    )


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def trail_csv(
    ws: Workspace,
    actor: Actor,
    *,
    user_id: str | None = None,
    client_id: int | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 1000,
    header: Callable[[str], str] | None = None,
) -> bytes:
    """The lines :func:`trail` gives, as CSV (UTF-8 with a byte-order mark, CRLF): the time in
    UTC (ISO 8601), the user, the action, the subject and the detail as JSON; headers are
    :data:`CSV_COLUMNS` unless ``header`` words them. Writes an ``audit.exported`` line."""
    acting = require(actor, Permission.READ_AUDIT)
    lines = trail(
        ws, acting, user_id=user_id, client_id=client_id, since=since, until=until, limit=limit
    )
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([header(column) if header else column for column in CSV_COLUMNS])
    for line in lines:
        writer.writerow(
            [
                line.at.astimezone(UTC).isoformat(),
                _cell(line.actor),
                _cell(line.action),
                _cell(line.subject),
                _cell(orjson.dumps(line.detail, option=orjson.OPT_SORT_KEYS).decode("utf-8")),
            ]
        )
    filters: dict[str, Any] = {
        "user_id": user_id,
        "client_id": client_id,
        "since": since.astimezone(UTC).isoformat() if since else None,
        "until": until.astimezone(UTC).isoformat() if until else None,
    }
    record(
        ws,
        acting,
        EXPORTED,
        detail={
            "lines": len(lines),
            "filters": {key: value for key, value in filters.items() if value is not None},
        },
    )
    return buffer.getvalue().encode("utf-8-sig")
