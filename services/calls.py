"""Calls with lenders: logged with the follow-ups they give rise to."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from core.calls import Call, FollowUpTask
from services import access
from services._reminders import sync_reminders
from services._work import delete_seen, once, save_seen
from services.actor import Actor
from services.errors import InvalidDataError
from services.workspace import Workspace


def list_for_client(
    ws: Workspace, actor: Actor, client_id: int, *, newest_first: bool = True
) -> list[Call]:
    access.open_client(ws, actor, client_id, via="calls.list_for_client")
    return ws.calls.list_for_client(client_id, newest_first=newest_first)


def get(ws: Workspace, actor: Actor, call_id: int) -> Call:
    access.open_record(ws, actor, ws.calls, call_id, via="calls.get")
    return ws.calls.get(call_id)


def log(
    ws: Workspace,
    actor: Actor,
    call: Call,
    follow_ups: Iterable[FollowUpTask] = (),
    *,
    request_id: str | None = None,
    now: datetime | None = None,
    language: str = "zh-CN",
) -> tuple[Call, list[FollowUpTask]]:
    """Save a call and its follow-up tasks together, or nothing; once per ``request_id``.

    Reminders before an agreed plan's installments are not the call's: they belong to the
    agreement (:mod:`services.proposals`). In the same unit of work the client's reminders are
    brought in line with what is agreed (``now``: the store's clock when None), so a plan agreed
    before this call has them once, however many calls are logged about it.
    """
    client_id = call.client_id
    if client_id is None:
        raise InvalidDataError("client_id", "the call does not say which client it is about")
    access.open_client(ws, actor, client_id, via="calls.log")
    tasks = list(follow_ups)

    def write() -> tuple[Call, list[FollowUpTask]]:
        result = ws.calls.add_with_tasks(call, tasks)
        sync_reminders(ws, client_id, now, language)
        return result

    def read(call_id: int) -> tuple[Call, list[FollowUpTask]]:
        saved = ws.calls.get(call_id)
        linked = [t for t in ws.tasks.list_for_client(client_id) if t.source_call_id == call_id]
        return saved, linked

    return once(ws, actor, request_id, "call", write, lambda r: (client_id, r[0].id), read)


def log_one(ws: Workspace, actor: Actor, call: Call) -> Call:
    """Save a call that gave rise to no follow-up."""
    if call.client_id is not None:
        access.open_client(ws, actor, call.client_id, via="calls.log_one")
    return log(ws, actor, call)[0]


def update(ws: Workspace, actor: Actor, call: Call) -> Call:
    access.open_model(ws, actor, ws.calls, call, via="calls.update")
    return save_seen(ws, actor, "call", call, ws.calls.update, ws.calls.get)


def delete(ws: Workspace, actor: Actor, call_id: int, *, version: int | None = None) -> None:
    access.open_record(ws, actor, ws.calls, call_id, via="calls.delete")
    delete_seen(ws, actor, "call", call_id, version, ws.calls.delete, ws.calls.get)
