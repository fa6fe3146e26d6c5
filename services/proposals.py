"""Proposals: saved to put to the lender, then agreed (or not).

What is agreed decides the reminders before the installments: every action here that can
change it (saving, agreeing, deleting a proposal) brings them in line in the same unit of work
(see :mod:`services._reminders`), so they never depend on the order of the counselor's clicks.
``now`` (the store's clock when None) and ``language`` (of a new reminder's title) are the
page's.
"""

from __future__ import annotations

from datetime import date, datetime

from core.calls import TaskKind
from core.plans import Plan
from services import access
from services._reminders import sync_reminders
from services._work import delete_seen, once, save_seen, unit
from services.actor import Actor
from services.errors import InvalidDataError
from services.workspace import ProposalSettings, ProposalStatus, SavedProposal, Workspace


def list_for_client(ws: Workspace, actor: Actor, client_id: int) -> list[SavedProposal]:
    access.open_client(ws, actor, client_id, via="proposals.list_for_client")
    return ws.proposals.list_for_client(client_id)


def agreed(
    ws: Workspace, actor: Actor, client_id: int, debt_id: int | None = None
) -> SavedProposal | None:
    access.open_client(ws, actor, client_id, via="proposals.agreed")
    return ws.proposals.agreed(client_id, debt_id)


def settings_for(
    ws: Workspace, actor: Actor, client_id: int, debt_id: int | None
) -> ProposalSettings | None:
    """The Proposals page's settings saved last for the client's debt (with the newest saved
    proposal that has them), or None."""
    access.open_client(ws, actor, client_id, via="proposals.settings_for")
    return ws.proposals.latest_settings(client_id, debt_id)


def save(
    ws: Workspace,
    actor: Actor,
    saved: SavedProposal,
    *,
    request_id: str | None = None,
    now: datetime | None = None,
    language: str = "zh-CN",
) -> SavedProposal:
    """Add a proposal (``id`` None; once per ``request_id``) or save changes to one the
    counselor saw at ``version``; the reminders follow what is agreed after it."""
    access.open_model(ws, actor, ws.proposals, saved, via="proposals.save")

    def write(record: SavedProposal) -> SavedProposal:
        result = ws.proposals.save(record)
        if result.client_id is not None:
            sync_reminders(ws, result.client_id, now, language)
        return result

    if saved.id is None:
        return once(
            ws,
            actor,
            request_id,
            "proposal",
            lambda: write(saved),
            lambda new: (new.client_id, new.id),
            ws.proposals.get,
        )
    return save_seen(ws, actor, "proposal", saved, write, ws.proposals.get)


def agree(
    ws: Workspace,
    actor: Actor,
    saved: SavedProposal,
    agreed_on: date,
    plan: Plan | None = None,
    *,
    now: datetime | None = None,
    language: str = "zh-CN",
) -> SavedProposal:
    """Record that the lender agreed to ``saved`` on ``agreed_on`` (with the plan as evaluated
    that day); any other agreed plan of the same debt becomes a plain saved one.

    In the same unit of work the plan gets one reminder before each installment from today on
    and the open reminders of a plan no longer agreed go. Recording the same agreement again
    (a double click, a second tab) changes nothing and is not refused.
    """
    access.open_model(ws, actor, ws.proposals, saved, via="proposals.agree")
    if saved.id is not None:
        current = ws.proposals.get(saved.id)
        same_plan = plan is None or current.plan == plan
        if current.status is ProposalStatus.AGREED and current.agreed_on == agreed_on and same_plan:
            with unit(ws, actor):
                if current.client_id is not None:
                    sync_reminders(ws, current.client_id, now, language)
            return current

    def write(record: SavedProposal) -> SavedProposal:
        result = ws.proposals.agree(record, agreed_on, plan)
        if result.client_id is not None:
            sync_reminders(ws, result.client_id, now, language)
        return result

    return save_seen(ws, actor, "proposal", saved, write, ws.proposals.get)


def refuse(
    ws: Workspace,
    actor: Actor,
    saved: SavedProposal,
    *,
    now: datetime | None = None,
    language: str = "zh-CN",
) -> SavedProposal:
    """Record that the lender refused ``saved`` (as the counselor saw it, at its version). It
    stays as history; if it had been agreed, its open reminders go in the same unit of work."""
    access.open_model(ws, actor, ws.proposals, saved, via="proposals.refuse")
    refused = saved.model_copy(update={"status": ProposalStatus.REFUSED, "agreed_on": None})
    if saved.id is None:
        raise InvalidDataError("id", "only a saved proposal can be refused")
    return save(ws, actor, refused, now=now, language=language)


def delete(
    ws: Workspace,
    actor: Actor,
    proposal_id: int,
    *,
    version: int | None = None,
    now: datetime | None = None,
    language: str = "zh-CN",
) -> None:
    """Delete a proposal; an agreed one's open reminders go with it, the done ones stay (no
    longer linked to a plan) as history."""
    access.open_record(ws, actor, ws.proposals, proposal_id, via="proposals.delete")

    def remove(record_id: int, *, version: int | None = None) -> None:
        client_id = ws.proposals.get(record_id).client_id
        if client_id is None:  # pragma: no cover - a saved proposal always has its client
            ws.proposals.delete(record_id, version=version)
            return
        for task in ws.tasks.list_for_client(client_id, include_done=False):
            if task.kind is TaskKind.INSTALLMENT_REMINDER and task.proposal_id == record_id:
                ws.tasks.delete(task.id or 0, version=task.version)
        ws.proposals.delete(record_id, version=version)
        sync_reminders(ws, client_id, now, language)

    delete_seen(ws, actor, "proposal", proposal_id, version, remove, ws.proposals.get)
