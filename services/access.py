"""Whether the acting user may open a client's records: the check every service makes.

Single-user mode (:data:`~services.actor.LOCAL_USER`) and roles with
:attr:`~core.access.Permission.SEE_ALL_CLIENTS` (supervisors, administrators) open every
client. A counselor opens only the clients assigned to them (``clients.counselor_id``): for
any other client — asked for by URL, search or a crafted request — the service refuses with
:class:`NotYoursError` before reading or writing anything, and the refusal is written to the
audit trail (``access.refused`` on ``client:<id>``, with the service function as ``via``) in a
transaction of its own, so it stays when the refused action does not happen. A client that
does not exist stays a :class:`~services.errors.NotFoundError`.

Records reached by their own id (a debt, a call, a task …) are checked through their client:
:func:`open_record` reads the one ``client_id`` column and checks that client.

Call these before a service opens its unit of work: inside one, the refusal's audit line would
be undone with the unit.

Cross-client lists filter in the query by :func:`caseload_of`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from core.access import Permission, may_open_client
from services.actor import Actor, check
from services.errors import InvalidDataError, NotAllowedError, NotFoundError, NotYoursError
from services.workspace import Workspace
from store.clients import Caseload

__all__ = [
    "REFUSED",
    "caseload_of",
    "open_client",
    "open_clients",
    "open_model",
    "open_new",
    "open_record",
]

#: The audit trail's action for a refused look at, or change to, another counselor's client.
REFUSED = "access.refused"


class _OwnedRepository(Protocol):
    def client_of(self, record_id: int) -> int: ...


def caseload_of(actor: Actor) -> Caseload | None:
    """The clients ``actor`` may see, as a filter for a list: ``None`` (every client) with
    :attr:`Permission.SEE_ALL_CLIENTS` or in single-user mode, else the counselor's own."""
    acting = check(actor)
    if acting.allows(Permission.SEE_ALL_CLIENTS):
        return None
    if acting.account_id is None:
        # A role without an account cannot have clients of its own.
        raise NotAllowedError(acting.user_id, "see_clients")
    return Caseload(acting.account_id)


def _sees_all(actor: Actor) -> bool:
    return actor.allows(Permission.SEE_ALL_CLIENTS)


def _refuse(ws: Workspace, actor: Actor, client_id: int, via: str) -> NotYoursError:
    """Write the refusal to the audit trail, committed on its own, and return the error."""
    with ws.unit_of_work():
        ws.audit.append(
            actor=actor.user_id,
            action=REFUSED,
            subject=f"client:{client_id}",
            detail={"via": via},
        )
    return NotYoursError(actor.user_id, client_id)


def open_client(ws: Workspace, actor: Actor, client_id: int, *, via: str) -> Actor:
    """``actor`` if it may open the client ``client_id``; :class:`NotYoursError` (audited)
    if not; :class:`NotFoundError` for a client that does not exist (asked by a counselor).
    ``via`` names the service function asking, for the audit trail."""
    acting = check(actor)
    if _sees_all(acting):
        return acting
    assigned_to = ws.clients.counselor_of(client_id)
    if not may_open_client(acting.role, account_id=acting.account_id, assigned_to=assigned_to):
        raise _refuse(ws, acting, client_id, via)
    return acting


def open_clients(ws: Workspace, actor: Actor, client_ids: Iterable[int], *, via: str) -> Actor:
    """:func:`open_client` for several clients in one query: refused (and audited) at the
    first one, by id, that is not the actor's; a missing one is :class:`NotFoundError`."""
    acting = check(actor)
    if _sees_all(acting):
        return acting
    ids = sorted(set(client_ids))
    assigned = ws.clients.counselors_of(ids)
    for client_id in ids:
        if client_id not in assigned:
            raise NotFoundError("client", client_id)
        if not may_open_client(
            acting.role, account_id=acting.account_id, assigned_to=assigned[client_id]
        ):
            raise _refuse(ws, acting, client_id, via)
    return acting


def open_record(
    ws: Workspace, actor: Actor, records: _OwnedRepository, record_id: int, *, via: str
) -> Actor:
    """``actor`` if it may open the client the record ``record_id`` of ``records`` (a
    repository such as ``ws.debts``) belongs to; see :func:`open_client`."""
    acting = check(actor)
    if _sees_all(acting):
        return acting
    return open_client(ws, acting, records.client_of(record_id), via=via)


def open_new(ws: Workspace, actor: Actor, record: Any, *, via: str) -> Actor:
    """For a record about to be added: ``actor`` if it may open the client the record names
    (``record.client_id``). A record that names no client is refused by the store when saved
    (for a counselor, here: :class:`InvalidDataError`)."""
    acting = check(actor)
    if _sees_all(acting):
        return acting
    client_id = getattr(record, "client_id", None)
    if client_id is None:
        raise InvalidDataError("client_id", "the record does not say which client it is about")
    return open_client(ws, acting, client_id, via=via)


def open_model(
    ws: Workspace, actor: Actor, records: _OwnedRepository, record: Any, *, via: str
) -> Actor:
    """For a record to save: a saved one (with an ``id``) is checked by the client it belongs
    to in the database — not the one the copy names, which the store refuses to change — and a
    new one by the client it names (:func:`open_new`)."""
    record_id = getattr(record, "id", None)
    if record_id is None:
        return open_new(ws, actor, record, via=via)
    return open_record(ws, actor, records, record_id, via=via)
