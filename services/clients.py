"""Clients: find, create, change and erase.

Every function checks the acting user (:mod:`services.access`): a counselor in team mode
finds, counts and opens only the clients assigned to them, and the clients they add are
assigned to them.
"""

from __future__ import annotations

from enum import StrEnum

from core.access import Permission
from core.clients import Client
from services import access
from services._work import delete_seen, once, save_seen, unit
from services.actor import Actor, check, require
from services.caseload import REASSIGNED, check_assignee
from services.errors import ChangedElsewhereError, NotFoundError
from services.workspace import Workspace

#: The audit trail's action for showing a masked value in full.
REVEALED = "client.revealed"


class Revealable(StrEnum):
    """A value of a client's record that screens show masked until the counselor reveals it."""

    NAME = "name"
    MOBILE = "mobile"
    ID_NUMBER = "id_number"
    #: The name of one of the people the record names (with the contact's ``index``).
    CONTACT = "contact"


def get(ws: Workspace, actor: Actor, client_id: int) -> Client:
    access.open_client(ws, actor, client_id, via="clients.get")
    return ws.clients.get(client_id)


def list_all(
    ws: Workspace, actor: Actor, *, limit: int | None = None, offset: int = 0
) -> list[Client]:
    """Every client the actor may see, by name."""
    caseload = access.caseload_of(actor)
    return ws.clients.list(limit=limit, offset=offset, caseload=caseload)


def count(ws: Workspace, actor: Actor) -> int:
    """How many clients the actor may see."""
    return ws.clients.count(caseload=access.caseload_of(actor))


def search(ws: Workspace, actor: Actor, text: str, *, limit: int = 50) -> list[Client]:
    """The clients the actor may see that match ``text`` (see
    :meth:`store.clients.ClientRepository.search`)."""
    return ws.clients.search(text, limit=limit, caseload=access.caseload_of(actor))


def assignee_for_new(ws: Workspace, actor: Actor, counselor_id: int | None) -> int | None:
    """The counselor a client added by ``actor`` is assigned to: a counselor's own clients are
    theirs; one with :attr:`Permission.ASSIGN_CLIENTS` (or single-user mode) assigns it to
    ``counselor_id`` (``None``: nobody), checked with
    :func:`services.caseload.check_assignee`. A counselor naming another counselor is refused
    (:class:`~services.errors.NotAllowedError`)."""
    acting = check(actor)
    if not acting.allows(Permission.ASSIGN_CLIENTS):
        own = acting.account_id
        if own is None or counselor_id not in (None, own):
            require(acting, Permission.ASSIGN_CLIENTS)
        return own
    check_assignee(ws, counselor_id)
    return counselor_id


def create(
    ws: Workspace,
    actor: Actor,
    client: Client,
    *,
    request_id: str | None = None,
    counselor_id: int | None = None,
) -> Client:
    """Add a client (once per ``request_id``). A counselor's new client is assigned to them;
    a supervisor's or administrator's to ``counselor_id`` (``None``: nobody), which is then
    in the audit trail as ``client.reassigned`` from nobody (see :func:`assignee_for_new`)."""
    acting = check(actor)
    assignee = assignee_for_new(ws, acting, counselor_id)
    audited = assignee is not None and acting.allows(Permission.ASSIGN_CLIENTS)

    def write() -> Client:
        saved = ws.clients.create(client, counselor_id=assignee)
        if audited:
            ws.audit.append(
                actor=acting.user_id,
                action=REASSIGNED,
                subject=f"client:{saved.id}",
                detail={"from": None, "to": assignee},
            )
        return saved

    return once(
        ws, acting, request_id, "client", write, lambda saved: (saved.id, saved.id), ws.clients.get
    )


def update(ws: Workspace, actor: Actor, client: Client) -> Client:
    """Save changes to a client; ``client.version`` is the version the counselor saw."""
    if client.id is not None:
        access.open_client(ws, actor, client.id, via="clients.update")
    return save_seen(ws, actor, "client", client, ws.clients.update, ws.clients.get)


def delete(ws: Workspace, actor: Actor, client_id: int, *, version: int | None = None) -> None:
    """Erase the client and every record about them, in one transaction."""
    access.open_client(ws, actor, client_id, via="clients.delete")
    delete_seen(ws, actor, "client", client_id, version, ws.clients.delete, ws.clients.get)


def reveal(
    ws: Workspace,
    actor: Actor,
    client_id: int,
    field: Revealable | str,
    *,
    index: int | None = None,
    version: int | None = None,
) -> str:
    """The full value of a masked ``field`` of the client, for the counselor who asked to see it
    (``""`` when the record holds none), written to the audit trail in the same unit of work:
    ``client.revealed`` on ``client:<id>`` with the field's name (and the contact's index),
    never the value.

    ``index`` chooses the contact whose name to show (``field`` ``contact``). ``version`` is the
    version of the record the form shows: if it was saved elsewhere since,
    :class:`ChangedElsewhereError` (the value asked for may no longer be the one on screen).
    """
    field = Revealable(field)
    acting = access.open_client(ws, actor, client_id, via="clients.reveal")
    with unit(ws, acting):
        client = ws.clients.get(client_id)
        if version is not None and client.version != version:
            raise ChangedElsewhereError("client", client_id, version, client)
        detail: dict[str, str | int] = {"field": field.value}
        if field is Revealable.CONTACT:
            if index is None or not 0 <= index < len(client.contacts):
                raise NotFoundError("contact", f"{client_id}/{index}")
            value = client.contacts[index].name
            detail["index"] = index
        else:
            value = {
                Revealable.NAME: client.name,
                Revealable.MOBILE: client.mobile or "",
                Revealable.ID_NUMBER: client.id_number or "",
            }[field]
        ws.audit.append(
            actor=acting.user_id, action=REVEALED, subject=f"client:{client_id}", detail=detail
        )
        return value
