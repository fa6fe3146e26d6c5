"""Negotiations that have been tried and are not resolved: where each stands on the ladder."""

from __future__ import annotations

from datetime import datetime

from core.clients import Client
from core.rules.escalation import EscalationStep, Step, attempts_from_calls, next_escalation
from services import access
from services.actor import Actor
from services.legal import statuses_of
from services.workspace import Workspace


def stalled(
    ws: Workspace, actor: Actor, clients: list[Client], now: datetime, language: str
) -> list[tuple[Client, str, Step]]:
    """(client, lender, next step) for every debt of ``clients`` whose negotiation was tried
    and is not resolved, the steps due now first, then by when they may be taken. A debt with
    legal steps is stepped with its legal status (one query for all of them)."""
    ids = [client.id for client in clients if client.id is not None]
    access.open_clients(ws, actor, ids, via="negotiations.stalled")
    legal = statuses_of(ws, actor, ids)
    found = []
    for client in clients:
        if client.id is None:
            continue
        calls = ws.calls.list_for_client(client.id, newest_first=False)
        if not calls:
            continue
        for account in ws.debts.list_for_client(client.id):
            debt = account.debt
            mine = [
                call
                for call in calls
                if call.debt_id == account.id
                or (call.debt_id is None and call.lender == debt.creditor)
            ]
            attempts = attempts_from_calls(mine)
            if not attempts:
                continue
            step = next_escalation(
                attempts,
                debt.lender_type,
                now,
                language=language,
                legal=legal.get(account.id) if account.id is not None else None,
            )
            if step.step is not EscalationStep.RESOLVED:
                found.append((client, debt.creditor, step))
    found.sort(key=lambda item: (not item[2].due_now, item[2].not_before))
    return found
