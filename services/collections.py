"""Contacts from collectors, kept as evidence of how the client was treated."""

from __future__ import annotations

from core.rules.conduct import CollectionContact
from services import access
from services._work import once
from services.actor import Actor
from services.workspace import Workspace


def list_for_client(ws: Workspace, actor: Actor, client_id: int) -> list[CollectionContact]:
    access.open_client(ws, actor, client_id, via="collections.list_for_client")
    return ws.collections.list_for_client(client_id)


def add(
    ws: Workspace, actor: Actor, contact: CollectionContact, *, request_id: str | None = None
) -> CollectionContact:
    """Keep a collection contact (once per ``request_id``)."""
    access.open_new(ws, actor, contact, via="collections.add")
    return once(
        ws,
        actor,
        request_id,
        "collection_contact",
        lambda: ws.collections.add(contact),
        lambda saved: (saved.client_id, saved.id),
        ws.collections.get,
    )
