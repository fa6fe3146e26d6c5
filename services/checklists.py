"""The documents a client gathers before a call."""

from __future__ import annotations

from core.calls import DocumentChecklist
from services._work import save_seen, unit
from services.actor import Actor, check
from services.workspace import Workspace


def for_client(
    ws: Workspace, actor: Actor, client_id: int, debt_id: int | None = None
) -> DocumentChecklist | None:
    check(actor)
    return ws.checklists.for_client(client_id, debt_id)


def save(ws: Workspace, actor: Actor, checklist: DocumentChecklist) -> DocumentChecklist:
    """Add the checklist, or save changes to the one the counselor saw."""
    if checklist.id is None:
        with unit(ws, actor):
            return ws.checklists.save(checklist)
    return save_seen(ws, actor, "checklist", checklist, ws.checklists.save, ws.checklists.get)
