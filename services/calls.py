"""Calls with lenders: logged with the follow-ups they give rise to."""

from __future__ import annotations

from collections.abc import Iterable

from core.calls import Call, FollowUpTask
from services._work import delete_seen, save_seen, unit
from services.actor import Actor, check
from services.workspace import Workspace


def list_for_client(
    ws: Workspace, actor: Actor, client_id: int, *, newest_first: bool = True
) -> list[Call]:
    check(actor)
    return ws.calls.list_for_client(client_id, newest_first=newest_first)


def get(ws: Workspace, actor: Actor, call_id: int) -> Call:
    check(actor)
    return ws.calls.get(call_id)


def log(
    ws: Workspace, actor: Actor, call: Call, follow_ups: Iterable[FollowUpTask] = ()
) -> tuple[Call, list[FollowUpTask]]:
    """Save a call and its follow-up tasks together, or nothing."""
    with unit(ws, actor):
        return ws.calls.add_with_tasks(call, follow_ups)


def log_one(ws: Workspace, actor: Actor, call: Call) -> Call:
    """Save a call that gave rise to no follow-up."""
    return log(ws, actor, call)[0]


def update(ws: Workspace, actor: Actor, call: Call) -> Call:
    return save_seen(ws, actor, "call", call, ws.calls.update, ws.calls.get)


def delete(ws: Workspace, actor: Actor, call_id: int, *, version: int | None = None) -> None:
    delete_seen(ws, actor, "call", call_id, version, ws.calls.delete, ws.calls.get)
