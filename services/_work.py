"""What every service does the same way: check the actor, run one unit of work, and turn a
stale save into :class:`ChangedElsewhereError` with the record as it is now."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from services.actor import Actor, check
from services.errors import ChangedElsewhereError, NotFoundError, StaleRecordError
from services.workspace import Workspace

T = TypeVar("T")


@contextmanager
def unit(ws: Workspace, actor: Actor) -> Iterator[Workspace]:
    """One unit of work for ``actor``: every write inside commits together, or none does."""
    check(actor)
    with ws.unit_of_work():
        yield ws


def seen_version(
    entity: str, record_id: int, seen: int, read_now: Callable[[int], Any]
) -> Callable[[StaleRecordError], ChangedElsewhereError]:
    """Build the error for a save against ``seen`` when the record has moved on."""

    def changed(exc: StaleRecordError) -> ChangedElsewhereError:
        try:
            current = read_now(record_id)
        except NotFoundError:
            current = None
        return ChangedElsewhereError(entity, record_id, seen, current)

    return changed


def save_seen(
    ws: Workspace,
    actor: Actor,
    entity: str,
    record: Any,
    write: Callable[[Any], T],
    read_now: Callable[[int], Any],
) -> T:
    """Save ``record`` if its ``version`` is still the saved one; otherwise
    :class:`ChangedElsewhereError` and nothing is written."""
    try:
        with unit(ws, actor):
            return write(record)
    except ChangedElsewhereError:
        raise
    except StaleRecordError as exc:
        raise seen_version(entity, record.id, record.version, read_now)(exc) from None


def delete_seen(
    ws: Workspace,
    actor: Actor,
    entity: str,
    record_id: int,
    version: int | None,
    delete: Callable[..., None],
    read_now: Callable[[int], Any],
) -> None:
    """Delete the record if nobody saved it since ``version`` was shown."""
    try:
        with unit(ws, actor):
            delete(record_id, version=version)
    except StaleRecordError as exc:
        raise seen_version(entity, record_id, version or 0, read_now)(exc) from None
