"""Payments the client made against an agreed plan."""

from __future__ import annotations

from core.calls import Payment
from services import access
from services._work import once
from services.actor import Actor
from services.workspace import Workspace


def list_for_client(ws: Workspace, actor: Actor, client_id: int) -> list[Payment]:
    access.open_client(ws, actor, client_id, via="payments.list_for_client")
    return ws.payments.list_for_client(client_id)


def record(
    ws: Workspace, actor: Actor, payment: Payment, *, request_id: str | None = None
) -> Payment:
    """Record a payment (once per ``request_id``)."""
    access.open_new(ws, actor, payment, via="payments.record")
    return once(
        ws,
        actor,
        request_id,
        "payment",
        lambda: ws.payments.record(payment),
        lambda saved: (saved.client_id, saved.id),
        ws.payments.get,
    )
