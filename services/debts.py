"""A client's debts, each as the lender quotes it."""

from __future__ import annotations

from core.calls import DebtAccount
from services._work import delete_seen, once, save_seen
from services.actor import Actor, check
from services.workspace import Workspace


def list_for_client(ws: Workspace, actor: Actor, client_id: int) -> list[DebtAccount]:
    check(actor)
    return ws.debts.list_for_client(client_id)


def get(ws: Workspace, actor: Actor, debt_id: int) -> DebtAccount:
    check(actor)
    return ws.debts.get(debt_id)


def add(
    ws: Workspace, actor: Actor, account: DebtAccount, *, request_id: str | None = None
) -> DebtAccount:
    """Add a debt (once per ``request_id``)."""
    return once(
        ws,
        actor,
        request_id,
        "debt",
        lambda: ws.debts.add(account),
        lambda saved: (saved.client_id, saved.id),
        ws.debts.get,
    )


def update(ws: Workspace, actor: Actor, account: DebtAccount) -> DebtAccount:
    """Save changes to a debt; ``account.version`` is the version the counselor saw."""
    return save_seen(ws, actor, "debt", account, ws.debts.update, ws.debts.get)


def delete(ws: Workspace, actor: Actor, debt_id: int, *, version: int | None = None) -> None:
    delete_seen(ws, actor, "debt", debt_id, version, ws.debts.delete, ws.debts.get)
