"""Calls with lenders: logged with the follow-ups they give rise to."""

from __future__ import annotations

from collections.abc import Iterable

from core.calls import Call, FollowUpTask, TaskKind
from services._work import delete_seen, once, save_seen
from services.actor import Actor, check
from services.errors import InvalidDataError
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
    ws: Workspace,
    actor: Actor,
    call: Call,
    follow_ups: Iterable[FollowUpTask] = (),
    *,
    request_id: str | None = None,
) -> tuple[Call, list[FollowUpTask]]:
    """Save a call and its follow-up tasks together, or nothing; once per ``request_id``.

    Reminders before an agreed plan's installments exist once, however many calls are logged
    about the plan: one already saved for the client is not added again.
    """
    client_id = call.client_id
    if client_id is None:
        raise InvalidDataError("client_id", "the call does not say which client it is about")
    tasks = list(follow_ups)

    def write() -> tuple[Call, list[FollowUpTask]]:
        existing = {(task.kind, task.title) for task in ws.tasks.list_for_client(client_id)}
        new = [
            task
            for task in tasks
            if task.kind is not TaskKind.INSTALLMENT_REMINDER
            or (task.kind, task.title) not in existing
        ]
        return ws.calls.add_with_tasks(call, new)

    def read(call_id: int) -> tuple[Call, list[FollowUpTask]]:
        saved = ws.calls.get(call_id)
        linked = [t for t in ws.tasks.list_for_client(client_id) if t.source_call_id == call_id]
        return saved, linked

    return once(ws, actor, request_id, "call", write, lambda r: (client_id, r[0].id), read)


def log_one(ws: Workspace, actor: Actor, call: Call) -> Call:
    """Save a call that gave rise to no follow-up."""
    return log(ws, actor, call)[0]


def update(ws: Workspace, actor: Actor, call: Call) -> Call:
    return save_seen(ws, actor, "call", call, ws.calls.update, ws.calls.get)


def delete(ws: Workspace, actor: Actor, call_id: int, *, version: int | None = None) -> None:
    delete_seen(ws, actor, "call", call_id, version, ws.calls.delete, ws.calls.get)
