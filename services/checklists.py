"""The documents a client gathers before a call."""

from __future__ import annotations

from core.calls import DocumentChecklist
from services import access
from services._work import save_seen, unit
from services.actor import Actor
from services.workspace import Workspace


def for_client(
    ws: Workspace, actor: Actor, client_id: int, debt_id: int | None = None
) -> DocumentChecklist | None:
    access.open_client(ws, actor, client_id, via="checklists.for_client")
    return ws.checklists.for_client(client_id, debt_id)


def save(ws: Workspace, actor: Actor, checklist: DocumentChecklist) -> DocumentChecklist:
    """Add the checklist, or save changes to the one the counselor saw."""
    access.open_model(ws, actor, ws.checklists, checklist, via="checklists.save")
    if checklist.id is None:
        with unit(ws, actor):
            return ws.checklists.save(checklist)
    return save_seen(ws, actor, "checklist", checklist, ws.checklists.save, ws.checklists.get)
