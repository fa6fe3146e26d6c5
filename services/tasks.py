"""Follow-up tasks: the counselor's to-do list, done and undone."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from core.calls import FollowUpTask
from services import access
from services._work import save_seen, unit
from services.actor import Actor
from services.workspace import Workspace


def list_for_client(
    ws: Workspace, actor: Actor, client_id: int, *, include_done: bool = True
) -> list[FollowUpTask]:
    access.open_client(ws, actor, client_id, via="tasks.list_for_client")
    return ws.tasks.list_for_client(client_id, include_done=include_done)


def list_open(
    ws: Workspace, actor: Actor, *, due_before: datetime | None = None, limit: int | None = None
) -> list[FollowUpTask]:
    """Open tasks of every client the actor may see, soonest due first."""
    caseload = access.caseload_of(actor)
    return ws.tasks.list_open(due_before=due_before, limit=limit, caseload=caseload)


def list_done(
    ws: Workspace, actor: Actor, *, since: datetime | None = None, limit: int | None = None
) -> list[FollowUpTask]:
    """Tasks of every client the actor may see marked done (at ``since`` or later), the latest
    done first: what can still be undone (:func:`reopen`)."""
    caseload = access.caseload_of(actor)
    return ws.tasks.list_done(since=since, limit=limit, caseload=caseload)


def get(ws: Workspace, actor: Actor, task_id: int) -> FollowUpTask:
    access.open_record(ws, actor, ws.tasks, task_id, via="tasks.get")
    return ws.tasks.get(task_id)


def add(ws: Workspace, actor: Actor, tasks: Iterable[FollowUpTask]) -> list[FollowUpTask]:
    """Add tasks, all or none; each to the client it names."""
    new = list(tasks)
    named = {client_id for task in new if (client_id := getattr(task, "client_id", None))}
    access.open_clients(ws, actor, named, via="tasks.add")
    with unit(ws, actor):
        return ws.tasks.add_many(new)


def complete(
    ws: Workspace, actor: Actor, task: FollowUpTask, at: datetime | None = None
) -> FollowUpTask:
    """Mark ``task`` (as the counselor saw it) done at ``at`` (now when None)."""
    access.open_model(ws, actor, ws.tasks, task, via="tasks.complete")
    return save_seen(ws, actor, "task", task, lambda t: ws.tasks.complete(t, at), ws.tasks.get)


def reopen(ws: Workspace, actor: Actor, task: FollowUpTask) -> FollowUpTask:
    """Undo "done": the task is open again."""
    access.open_model(ws, actor, ws.tasks, task, via="tasks.reopen")
    undone = task.model_copy(update={"done": False, "done_at": None})
    return save_seen(ws, actor, "task", undone, ws.tasks.update, ws.tasks.get)
