"""What every service does the same way: check the actor, run one unit of work, and turn a
stale save into :class:`ChangedElsewhereError` with the record as it is now."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from services.actor import Actor, check
from services.errors import ChangedElsewhereError, NotFoundError, StaleRecordError
from services.workspace import Workspace
from store.requests import DuplicateRequestError

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


def request_key(form_token: str, kind: str, payload: Any) -> str:
    """The idempotency key of submitting ``payload`` (a model, or anything JSON can hold) from
    the form session ``form_token``: the same submission gives the same key, so a double click,
    Enter then a click, or a retried request is carried out once.

    >>> same = {"summary": "hi"}
    >>> request_key("tab-1", "call", same) == request_key("tab-1", "call", dict(same))
    True
    >>> request_key("tab-1", "call", same) == request_key("tab-2", "call", same)
    False
    """
    if hasattr(payload, "model_dump"):
        payload = payload.model_dump(mode="json", exclude={"id", "version"})
    text = json.dumps([form_token, kind, payload], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:40]


def once(
    ws: Workspace,
    actor: Actor,
    request_id: str | None,
    kind: str,
    write: Callable[[], T],
    ids: Callable[[T], tuple[int | None, int | None]],
    read: Callable[[int], T],
) -> T:
    """Carry out ``write`` in one unit of work, once per ``request_id``: a repeated request
    returns what the first one wrote and writes nothing. ``ids`` gives the client and the
    record the write produced."""
    if request_id is None:
        with unit(ws, actor):
            return write()
    done = ws.requests.find(request_id, kind)
    if done is not None:
        return read(done)
    try:
        with unit(ws, actor):
            result = write()
            client_id, record_id = ids(result)
            if client_id is None or record_id is None:
                raise TypeError(f"a saved {kind} has a client and an id")
            ws.requests.remember(request_id, client_id, kind, record_id)
            return result
    except DuplicateRequestError:
        # Another process carried it out between our look and our write.
        done = ws.requests.find(request_id, kind)
        if done is None:
            raise
        return read(done)
