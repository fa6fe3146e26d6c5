"""A client's budget, in dated versions."""

from __future__ import annotations

from datetime import date

from core.affordability import Budget
from services import access
from services._work import once
from services.actor import Actor
from services.workspace import BudgetVersion, Workspace


def current(
    ws: Workspace, actor: Actor, client_id: int, on: date | None = None
) -> BudgetVersion | None:
    access.open_client(ws, actor, client_id, via="budgets.current")
    return ws.budgets.current(client_id, on)


def history(ws: Workspace, actor: Actor, client_id: int) -> list[BudgetVersion]:
    access.open_client(ws, actor, client_id, via="budgets.history")
    return ws.budgets.history(client_id)


def save_version(
    ws: Workspace,
    actor: Actor,
    client_id: int,
    valid_from: date,
    budget: Budget,
    *,
    request_id: str | None = None,
) -> BudgetVersion:
    """Keep ``budget`` as the client's budget from ``valid_from`` on (a new dated version),
    once per ``request_id``."""
    access.open_client(ws, actor, client_id, via="budgets.save_version")
    return once(
        ws,
        actor,
        request_id,
        "budget",
        lambda: ws.budgets.add_version(client_id, valid_from, budget),
        lambda saved: (client_id, saved.id),
        lambda version_id: next(v for v in ws.budgets.history(client_id) if v.id == version_id),
    )
