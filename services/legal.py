"""The legal status of a client's debts (:mod:`core.rules.legal`): record, change and delete a
dated legal step, and the deadlines the steps set.

A step is recorded for a debt of the client it names, at the version shown when changed or
deleted (:class:`ChangedElsewhereError` otherwise, nothing written). Steps that cannot follow
each other are refused with the rules' :class:`~core.errors.CoreError` (``legal_order``,
``legal_missing``), which ``ui.errors`` words in the user's language; nothing is written
then. Each change is one line in the audit trail in the same unit of work
(``legal.recorded`` / ``legal.changed`` / ``legal.deleted`` on ``client:<id>``, with the debt's
id and the stage; no document text).

:func:`deadlines_for_client` gives each debt's status, its deadlines as of a day and the
advice keys; :func:`upcoming` the open deadlines not yet passed across the clients the actor
may see, for Today. Deadlines are counted with the workspace's public holiday calendar
(:mod:`services.holidays`) unless the caller passes ``holidays`` / ``working_days``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from core.calls import DebtAccount
from core.rules.legal import (
    AdviceKey,
    Deadline,
    LegalStatus,
    Party,
    deadlines,
    negotiation_advice,
)
from services import access
from services import holidays as holidays_service
from services._work import delete_seen, once, save_seen
from services.actor import Actor
from services.workspace import Workspace
from store.legal import SavedLegalEvent, checked_status

__all__ = [
    "CHANGED",
    "DELETED",
    "RECORDED",
    "DebtLegal",
    "SavedLegalEvent",
    "UpcomingDeadline",
    "add",
    "deadlines_for_client",
    "delete",
    "events_for_debt",
    "for_accounts",
    "statuses_of",
    "upcoming",
    "update",
]

RECORDED = "legal.recorded"
CHANGED = "legal.changed"
DELETED = "legal.deleted"


@dataclass(frozen=True)
class DebtLegal:
    """One debt's legal side: its steps as saved, its status, deadlines as of the day asked,
    and the advice for the ladder and the script."""

    debt_id: int
    creditor: str
    events: tuple[SavedLegalEvent, ...]
    status: LegalStatus
    deadlines: tuple[Deadline, ...]
    advice: tuple[AdviceKey, ...]


@dataclass(frozen=True)
class UpcomingDeadline:
    """An open deadline not yet passed, of one debt of one client."""

    client_id: int
    debt_id: int
    creditor: str
    deadline: Deadline


def _calendar(
    ws: Workspace, holidays: Iterable[date] | None, working_days: Iterable[date] | None
) -> tuple[frozenset[date], frozenset[date]]:
    """The days given, else the workspace's saved calendar (:mod:`services.holidays`)."""
    if holidays is None or working_days is None:
        saved = holidays_service.read(ws).calendar
        if holidays is None:
            holidays = saved.holidays
        if working_days is None:
            working_days = saved.working_days
    return frozenset(holidays), frozenset(working_days)


def _line(ws: Workspace, actor: Actor, action: str, saved: SavedLegalEvent) -> None:
    ws.audit.append(
        actor=actor.user_id,
        action=action,
        subject=f"client:{saved.client_id}",
        detail={"debt_id": saved.debt_id, "stage": saved.event.stage.value, "id": saved.id},
    )


def events_for_debt(ws: Workspace, actor: Actor, debt_id: int) -> list[SavedLegalEvent]:
    """The debt's legal steps, earliest first."""
    access.open_record(ws, actor, ws.debts, debt_id, via="legal.events_for_debt")
    return ws.legal.list_for_debt(debt_id)


def add(
    ws: Workspace, actor: Actor, saved: SavedLegalEvent, *, request_id: str | None = None
) -> SavedLegalEvent:
    """Record a step for its debt (once per ``request_id``)."""
    acting = access.open_new(ws, actor, saved, via="legal.add")

    def write() -> SavedLegalEvent:
        added = ws.legal.add(saved)
        _line(ws, acting, RECORDED, added)
        return added

    return once(
        ws,
        acting,
        request_id,
        "legal_event",
        write,
        lambda added: (added.client_id, added.id),
        ws.legal.get,
    )


def update(ws: Workspace, actor: Actor, saved: SavedLegalEvent) -> SavedLegalEvent:
    """Save a changed step; ``saved.version`` is the version the counselor saw."""
    acting = access.open_model(ws, actor, ws.legal, saved, via="legal.update")

    def write(changed: SavedLegalEvent) -> SavedLegalEvent:
        done = ws.legal.update(changed)
        _line(ws, acting, CHANGED, done)
        return done

    return save_seen(ws, acting, "legal_event", saved, write, ws.legal.get)


def delete(ws: Workspace, actor: Actor, event_id: int, *, version: int) -> None:
    """Delete a step at the version shown. The steps left must still follow each other."""
    acting = access.open_record(ws, actor, ws.legal, event_id, via="legal.delete")

    def remove(record_id: int, *, version: int | None) -> None:
        saved = ws.legal.get(record_id)
        others = [e.event for e in ws.legal.list_for_debt(saved.debt_id) if e.id != record_id]
        checked_status(others)  # an appeal left without its judgment is refused
        ws.legal.delete(record_id, version=version)
        _line(ws, acting, DELETED, saved)

    delete_seen(ws, acting, "legal_event", event_id, version, remove, ws.legal.get)


def _debt_legal(
    debt_id: int,
    creditor: str,
    events: list[SavedLegalEvent],
    as_of: date,
    holidays: frozenset[date],
    working_days: frozenset[date],
) -> DebtLegal:
    status = checked_status(saved.event for saved in events)
    return DebtLegal(
        debt_id=debt_id,
        creditor=creditor,
        events=tuple(events),
        status=status,
        deadlines=tuple(
            deadlines(status, as_of=as_of, holidays=holidays, working_days=working_days)
        ),
        advice=negotiation_advice(status),
    )


def deadlines_for_client(
    ws: Workspace,
    actor: Actor,
    client_id: int,
    *,
    as_of: date,
    holidays: Iterable[date] | None = None,
    working_days: Iterable[date] | None = None,
) -> list[DebtLegal]:
    """Each debt of the client (in the debts' order) with its legal status and deadlines as of
    ``as_of`` (today on the display clock). A step dated after ``as_of`` is refused by the
    rules (``future``)."""
    access.open_client(ws, actor, client_id, via="legal.deadlines_for_client")
    off, on = _calendar(ws, holidays, working_days)
    by_debt: dict[int, list[SavedLegalEvent]] = {}
    for saved in ws.legal.list_for_client(client_id):
        by_debt.setdefault(saved.debt_id, []).append(saved)
    return [
        _debt_legal(account.id, account.debt.creditor, by_debt.get(account.id, []), as_of, off, on)
        for account in ws.debts.list_for_client(client_id)
        if account.id is not None
    ]


def for_accounts(
    ws: Workspace,
    actor: Actor,
    client_id: int,
    accounts: Iterable[DebtAccount],
    *,
    as_of: date,
    holidays: Iterable[date] | None = None,
    working_days: Iterable[date] | None = None,
) -> dict[int, DebtLegal]:
    """Each of ``accounts`` (the client's debts, already read by the page) with its legal
    status, deadlines and advice, by debt id: one query for the client's steps, whatever the
    number of debts. A debt whose steps are dated after ``as_of`` (its clock is ahead; the
    Debts page says so) keeps its status but no deadlines."""
    access.open_client(ws, actor, client_id, via="legal.for_accounts")
    off, on = _calendar(ws, holidays, working_days)
    by_debt: dict[int, list[SavedLegalEvent]] = {}
    for saved in ws.legal.list_for_client(client_id):
        by_debt.setdefault(saved.debt_id, []).append(saved)
    found: dict[int, DebtLegal] = {}
    for account in accounts:
        if account.id is None or account.client_id != client_id:
            continue
        events = by_debt.get(account.id, [])
        if any(saved.event.on > as_of for saved in events):
            status = checked_status(saved.event for saved in events)
            found[account.id] = DebtLegal(
                debt_id=account.id,
                creditor=account.debt.creditor,
                events=tuple(events),
                status=status,
                deadlines=(),
                advice=negotiation_advice(status),
            )
            continue
        found[account.id] = _debt_legal(account.id, account.debt.creditor, events, as_of, off, on)
    return found


def statuses_of(ws: Workspace, actor: Actor, client_ids: Iterable[int]) -> dict[int, LegalStatus]:
    """The legal status of every debt with a legal step among ``client_ids``' debts, by debt
    id (one query over the actor's caseload); a debt without steps is not in it."""
    wanted = set(client_ids)
    by_debt: dict[int, list[SavedLegalEvent]] = {}
    for saved in ws.legal.list_all(caseload=access.caseload_of(actor)):
        if saved.client_id in wanted:
            by_debt.setdefault(saved.debt_id, []).append(saved)
    return {
        debt_id: checked_status(saved.event for saved in events)
        for debt_id, events in by_debt.items()
    }


def upcoming(
    ws: Workspace,
    actor: Actor,
    *,
    as_of: date,
    holidays: Iterable[date] | None = None,
    working_days: Iterable[date] | None = None,
) -> list[UpcomingDeadline]:
    """Every open deadline not yet passed across the clients ``actor`` may see, by due date
    (same day: the client's own before the creditor's). A debt whose steps are dated after
    ``as_of`` is skipped (its clock is ahead; the Debts page says so)."""
    caseload = access.caseload_of(actor)
    off, on = _calendar(ws, holidays, working_days)
    by_debt: dict[int, list[SavedLegalEvent]] = {}
    for saved in ws.legal.list_all(caseload=caseload):
        by_debt.setdefault(saved.debt_id, []).append(saved)
    if not by_debt:
        return []
    creditors = ws.legal.creditors_of(sorted(by_debt))
    found: list[UpcomingDeadline] = []
    for debt_id, events in by_debt.items():
        if any(saved.event.on > as_of for saved in events):
            continue
        status = checked_status(saved.event for saved in events)
        for deadline in deadlines(status, as_of=as_of, holidays=off, working_days=on):
            if deadline.open and not deadline.passed:
                client_id = events[0].client_id
                if client_id is None:  # pragma: no cover - a saved step has its client
                    continue
                found.append(
                    UpcomingDeadline(
                        client_id=client_id,
                        debt_id=debt_id,
                        creditor=creditors.get(debt_id, ""),
                        deadline=deadline,
                    )
                )
    parties = list(Party)
    return sorted(
        found,
        key=lambda item: (item.deadline.due, parties.index(item.deadline.party), item.debt_id),
    )
