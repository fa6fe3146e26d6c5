"""Clients: find, create, change and erase."""

from __future__ import annotations

from enum import StrEnum

from core.clients import Client
from services._work import delete_seen, once, save_seen, unit
from services.actor import Actor, check
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
    check(actor)
    return ws.clients.get(client_id)


def list_all(
    ws: Workspace, actor: Actor, *, limit: int | None = None, offset: int = 0
) -> list[Client]:
    check(actor)
    return ws.clients.list(limit=limit, offset=offset)


def count(ws: Workspace, actor: Actor) -> int:
    check(actor)
    return ws.clients.count()


def search(ws: Workspace, actor: Actor, text: str, *, limit: int = 50) -> list[Client]:
    check(actor)
    return ws.clients.search(text, limit=limit)


def create(ws: Workspace, actor: Actor, client: Client, *, request_id: str | None = None) -> Client:
    """Add a client (once per ``request_id``)."""
    return once(
        ws,
        actor,
        request_id,
        "client",
        lambda: ws.clients.create(client),
        lambda saved: (saved.id, saved.id),
        ws.clients.get,
    )


def update(ws: Workspace, actor: Actor, client: Client) -> Client:
    """Save changes to a client; ``client.version`` is the version the counselor saw."""
    return save_seen(ws, actor, "client", client, ws.clients.update, ws.clients.get)


def delete(ws: Workspace, actor: Actor, client_id: int, *, version: int | None = None) -> None:
    """Erase the client and every record about them, in one transaction."""
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
    acting = check(actor)
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
