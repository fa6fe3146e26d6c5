"""The audit trail: who did what to which record, and when — one line per event, never changed.

A line is written in the same unit of work as the change it records (if the change is undone,
so is its line). Lines carry no personal data: the subject is a record reference such as
``client:12`` or an anonymous one (a purged client's), and the detail holds field names, counts
and dates only. The repository appends and reads; it has no way to change or delete a line.

Backups include the trail (:mod:`store.backup`), but a restore never replaces it: the lines
there are stay, none are taken from the file, and the restore appends a line of its own
(``backup.restored``). The trail outlives the records it is about.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import orjson
import sqlalchemy as sa

from store.errors import InvalidDataError
from store.orm import AuditEventRow

if TYPE_CHECKING:
    from store.db import Store

__all__ = ["AuditEvent", "AuditRepository"]


@dataclass(frozen=True)
class AuditEvent:
    """One line of the trail."""

    id: int
    at: datetime
    actor: str
    action: str
    subject: str
    detail: dict[str, Any]


def _from_row(row: AuditEventRow) -> AuditEvent:
    return AuditEvent(
        id=row.id,
        at=row.at,
        actor=row.actor,
        action=row.action,
        subject=row.subject,
        detail=dict(row.detail),
    )


def _text(value: object, field: str, limit: int) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise InvalidDataError(field, f"expected a text of 1 to {limit} characters, got {value!r}")
    return value


def _aware(value: object, field: str) -> datetime:
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise InvalidDataError(field, f"expected a time with its zone, got {value!r}")
    return value


class AuditRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def append(
        self,
        *,
        actor: str,
        action: str,
        subject: str,
        detail: dict[str, Any] | None = None,
        at: datetime | None = None,
    ) -> AuditEvent:
        """Add a line (at ``at``, the store's clock by default); inside a unit of work, it
        commits with the unit's other writes or not at all."""
        detail = dict(detail or {})
        try:
            orjson.dumps(detail)
        except TypeError as exc:
            raise InvalidDataError("detail", f"not JSON: {exc}") from None
        row = AuditEventRow(
            at=at or self._store.clock(),
            actor=_text(actor, "actor", 100),
            action=_text(action, "action", 60),
            subject=_text(subject, "subject", 100),
            detail=detail,
        )
        with self._store.write() as session:
            session.add(row)
            session.flush()
            return _from_row(row)

    def list(
        self, *, action: str | None = None, limit: int | None = 100
    ) -> builtins.list[AuditEvent]:
        """The newest lines first (of one ``action`` if given)."""
        query = sa.select(AuditEventRow).order_by(AuditEventRow.at.desc(), AuditEventRow.id.desc())
        if action is not None:
            query = query.where(AuditEventRow.action == action)
        with self._store.read() as session:
            return [_from_row(row) for row in session.scalars(query.limit(limit))]

    def search(
        self,
        *,
        actor: str | None = None,
        subject: str | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        limit: int | None = 1000,
    ) -> builtins.list[AuditEvent]:
        """The newest lines first, of ``actor`` and about ``subject`` when given, at or after
        ``since`` and before ``until`` (aware instants); at most ``limit`` of them."""
        query = sa.select(AuditEventRow).order_by(AuditEventRow.at.desc(), AuditEventRow.id.desc())
        if actor is not None:
            query = query.where(AuditEventRow.actor == _text(actor, "actor", 100))
        if subject is not None:
            query = query.where(AuditEventRow.subject == _text(subject, "subject", 100))
        if since is not None:
            query = query.where(AuditEventRow.at >= _aware(since, "since"))
        if until is not None:
            query = query.where(AuditEventRow.at < _aware(until, "until"))
        if limit is not None:
            if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
                raise InvalidDataError("limit", f"expected a positive whole number, got {limit!r}")
            query = query.limit(limit)
        with self._store.read() as session:
            return [_from_row(row) for row in session.scalars(query)]

    def count(self, *, action: str | None = None) -> int:
        query = sa.select(sa.func.count()).select_from(AuditEventRow)
        if action is not None:
            query = query.where(AuditEventRow.action == action)
        with self._store.read() as session:
            return session.scalar(query) or 0
