"""Proposals: saved to put to the lender, then agreed (or not)."""

from __future__ import annotations

from datetime import date

from core.plans import Plan
from services._work import delete_seen, once, save_seen
from services.actor import Actor, check
from services.workspace import SavedProposal, Workspace


def list_for_client(ws: Workspace, actor: Actor, client_id: int) -> list[SavedProposal]:
    check(actor)
    return ws.proposals.list_for_client(client_id)


def agreed(
    ws: Workspace, actor: Actor, client_id: int, debt_id: int | None = None
) -> SavedProposal | None:
    check(actor)
    return ws.proposals.agreed(client_id, debt_id)


def save(
    ws: Workspace, actor: Actor, saved: SavedProposal, *, request_id: str | None = None
) -> SavedProposal:
    """Add a proposal (``id`` None; once per ``request_id``) or save changes to one the
    counselor saw at ``version``."""
    if saved.id is None:
        return once(
            ws,
            actor,
            request_id,
            "proposal",
            lambda: ws.proposals.save(saved),
            lambda new: (new.client_id, new.id),
            ws.proposals.get,
        )
    return save_seen(ws, actor, "proposal", saved, ws.proposals.save, ws.proposals.get)


def agree(
    ws: Workspace, actor: Actor, saved: SavedProposal, agreed_on: date, plan: Plan | None = None
) -> SavedProposal:
    """Record that the lender agreed to ``saved`` on ``agreed_on`` (with the plan as evaluated
    that day); any other agreed plan of the same debt becomes a plain saved one."""
    return save_seen(
        ws,
        actor,
        "proposal",
        saved,
        lambda s: ws.proposals.agree(s, agreed_on, plan),
        ws.proposals.get,
    )


def delete(ws: Workspace, actor: Actor, proposal_id: int, *, version: int | None = None) -> None:
    delete_seen(ws, actor, "proposal", proposal_id, version, ws.proposals.delete, ws.proposals.get)
