"""The errors a service raises: the store's named errors, and a save against a newer version."""

from __future__ import annotations

from typing import Any

from store.errors import (
    DatabaseFullError,
    DatabaseLockedError,
    DatabaseReadOnlyError,
    DatabaseUnavailableError,
    InvalidDataError,
    NotFoundError,
    StaleRecordError,
    StoreError,
)

__all__ = [
    "ChangedElsewhereError",
    "DatabaseFullError",
    "DatabaseLockedError",
    "DatabaseReadOnlyError",
    "DatabaseUnavailableError",
    "InvalidDataError",
    "NotAllowedError",
    "NotFoundError",
    "NotYoursError",
    "StaleRecordError",
    "StoreError",
]


class ChangedElsewhereError(StaleRecordError):
    """The record was saved elsewhere (another tab, another counselor) after it was shown.

    Nothing was written. ``current`` is the record as it is now (``None`` if it was deleted),
    so the page can show what is there before the counselor decides again.
    """

    code = "changed_elsewhere"

    def __init__(self, entity: str, record_id: int, seen: int, current: Any) -> None:
        saved = getattr(current, "version", None)
        where = f"version {seen} was seen, {saved} is saved" if current else "it was deleted"
        StoreError.__init__(self, f"{entity} {record_id} was changed elsewhere ({where})")
        self.entity = entity
        self.record_id = record_id
        self.expected = self.seen = seen
        self.actual = saved if saved is not None else 0  # 0: the record is gone
        self.current = current


class NotAllowedError(StoreError):
    """The acting account's role does not permit this action (nothing was done)."""

    code = "not_allowed"

    def __init__(self, actor: str, permission: str) -> None:
        super().__init__(f"{actor} may not {permission}")
        self.actor = actor
        self.permission = permission


class NotYoursError(StoreError):
    """The client asked for is not assigned to the acting counselor (nothing was shown or done;
    the refusal is in the audit trail)."""

    code = "not_yours"

    def __init__(self, actor: str, client_id: int) -> None:
        super().__init__(f"client {client_id} is not assigned to {actor}")
        self.actor = actor
        self.client_id = client_id
