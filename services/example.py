"""The example household that fills every page with a realistic case."""

from __future__ import annotations

from datetime import date

from core.clients import Client
from core.examples import example_case
from services._work import unit
from services.actor import Actor, check
from services.clients import assignee_for_new
from services.workspace import Workspace


def ws_id(record_id: int | None) -> int:
    """The id the store gave a record it just saved."""
    if record_id is None:
        raise TypeError("a saved record has an id")
    return record_id


def load(ws: Workspace, actor: Actor, as_of: date) -> Client:
    """Save the example client, their debts and budget — all of it, or nothing. Loaded by a
    counselor in team mode, the client is theirs (as one they add); otherwise nobody's."""
    acting = check(actor)
    assignee = assignee_for_new(ws, acting, None)
    case = example_case(as_of)
    with unit(ws, acting):
        client = ws.clients.create(case.client, counselor_id=assignee)
        client_id = ws_id(client.id)
        for account in case.debts:
            ws.debts.add(account.model_copy(update={"client_id": client_id}))
        ws.budgets.add_version(client_id, case.budget_from, case.budget)
    return client
