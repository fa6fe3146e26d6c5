"""Clients: find, create, change and erase."""

from __future__ import annotations

from core.clients import Client
from services._work import delete_seen, once, save_seen
from services.actor import Actor, check
from services.workspace import Workspace


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
