"""Calls and follow-up tasks: a client's timeline and what is due next."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from core.calls import Call, Channel, Direction, FollowUpTask, Outcome, TaskKind
from store._repository import Kind, Parent, VersionedRepository
from store._rows import check_client, require_new
from store.clients import Caseload, in_caseload
from store.errors import InvalidDataError
from store.orm import CallRow, DebtRow, FollowUpTaskRow, ProposalRow


def call_values(call: Call) -> dict[str, Any]:
    return {
        "debt_id": call.debt_id,
        "proposal_id": call.proposal_id,
        "at": call.at,
        "channel": call.channel.value,
        "direction": call.direction.value,
        "lender": call.lender,
        "agent_id": call.agent_id,
        "summary": call.summary,
        "lender_promised": call.lender_promised,
        "client_promised": call.client_promised,
        "outcome": call.outcome.value,
        "next_action": call.next_action,
        "next_action_on": call.next_action_on,
        "recorded": call.recorded,
        "agent_told_of_recording": call.agent_told_of_recording,
    }


def call_from_row(row: CallRow) -> Call:
    return Call(
        id=row.id,
        version=row.version,
        client_id=row.client_id,
        debt_id=row.debt_id,
        proposal_id=row.proposal_id,
        at=row.at,
        channel=Channel(row.channel),
        direction=Direction(row.direction),
        lender=row.lender,
        agent_id=row.agent_id,
        summary=row.summary,
        lender_promised=row.lender_promised,
        client_promised=row.client_promised,
        outcome=Outcome(row.outcome),
        next_action=row.next_action,
        next_action_on=row.next_action_on,
        recorded=row.recorded,
        agent_told_of_recording=row.agent_told_of_recording,
    )


def task_values(task: FollowUpTask) -> dict[str, Any]:
    return {
        "source_call_id": task.source_call_id,
        "proposal_id": task.proposal_id,
        "installment_due_on": task.installment_due_on,
        "kind": task.kind.value,
        "title": task.title,
        "due": task.due,
        "done": task.done,
        "done_at": task.done_at,
        "notes": task.notes,
    }


def task_from_row(row: FollowUpTaskRow) -> FollowUpTask:
    return FollowUpTask(
        id=row.id,
        version=row.version,
        client_id=row.client_id,
        source_call_id=row.source_call_id,
        proposal_id=row.proposal_id,
        installment_due_on=row.installment_due_on,
        kind=TaskKind(row.kind),
        title=row.title,
        due=row.due,
        done=row.done,
        done_at=row.done_at,
        notes=row.notes,
    )


CALL = Kind(
    "call",
    Call,
    CallRow,
    call_from_row,
    call_values,
    (Parent(DebtRow, "debt", "debt_id"), Parent(ProposalRow, "proposal", "proposal_id")),
)
TASK = Kind(
    "task",
    FollowUpTask,
    FollowUpTaskRow,
    task_from_row,
    task_values,
    (Parent(CallRow, "call", "source_call_id"), Parent(ProposalRow, "proposal", "proposal_id")),
)


class CallRepository(VersionedRepository[Call, CallRow]):
    kind = CALL

    def add(self, call: Call) -> Call:
        """Save a new call for ``call.client_id``."""
        return self.add_with_tasks(call, ())[0]

    def add_with_tasks(
        self, call: Call, tasks: Iterable[FollowUpTask]
    ) -> tuple[Call, list[FollowUpTask]]:
        """Save a call and the follow-ups it gave rise to, all or nothing.

        Each task is linked to the new call (``source_call_id``) and to the call's client.
        """
        call = CALL.require(call)
        tasks = [TASK.require(task) for task in tasks]
        require_new(call, "call")
        with self._store.write() as session:
            _check_proposal_of_debt(session, call)
            row = CALL.insert(session, call, self._store.clock())
            saved_call = call_from_row(row)
            linked = [
                task.model_copy(update={"client_id": row.client_id, "source_call_id": row.id})
                for task in tasks
            ]
            saved_tasks = _insert_tasks(session, linked, self._store.clock())
        return saved_call, saved_tasks

    def update(self, call: Call) -> Call:
        call = CALL.require(call)
        with self._store.write() as session:
            _check_proposal_of_debt(session, call)
            return self._update(call)

    def delete(self, call_id: int, *, version: int | None = None) -> None:
        """Delete a call; its follow-up tasks stay, no longer linked to it."""
        super().delete(call_id, version=version)

    def list_for_client(
        self,
        client_id: int,
        *,
        since: datetime | None = None,
        until: datetime | None = None,
        newest_first: bool = True,
        limit: int | None = None,
    ) -> list[Call]:
        """The client's calls in time order, newest first unless asked otherwise."""
        query = self._of_client(client_id)
        if since is not None:
            query = query.where(CallRow.at >= since)
        if until is not None:
            query = query.where(CallRow.at < until)
        if newest_first:
            query = query.order_by(CallRow.at.desc(), CallRow.id.desc())
        else:
            query = query.order_by(CallRow.at.asc(), CallRow.id)
        return self._all(query.limit(limit))

    def proposals_put(self, *, caseload: Caseload | None = None) -> list[ProposalPut]:
        """Every saved proposal of a debt of every client (of ``caseload``, if given), with
        whether a call names it and the debt's first call: three queries, however many
        clients."""
        proposals = (
            sa.select(
                ProposalRow.id,
                ProposalRow.client_id,
                ProposalRow.debt_id,
                DebtRow.creditor,
                ProposalRow.kind,
                ProposalRow.status,
                ProposalRow.agreed_on,
                ProposalRow.payload,
            )
            .join(DebtRow, DebtRow.id == ProposalRow.debt_id)
            .where(in_caseload(ProposalRow.client_id, caseload))
            .order_by(ProposalRow.id)
        )
        first_calls = (
            sa.select(CallRow.debt_id, sa.func.min(CallRow.at))
            .where(CallRow.debt_id.is_not(None), in_caseload(CallRow.client_id, caseload))
            .group_by(CallRow.debt_id)
        )
        named = (
            sa.select(CallRow.proposal_id)
            .where(CallRow.proposal_id.is_not(None), in_caseload(CallRow.client_id, caseload))
            .distinct()
        )
        with self._store.read() as session:
            first = {debt_id: at for debt_id, at in session.execute(first_calls)}
            put = set(session.scalars(named))
            return [
                ProposalPut(
                    proposal_id=row.id,
                    client_id=row.client_id,
                    debt_id=row.debt_id,
                    creditor=row.creditor,
                    kind=row.kind,
                    status=row.status,
                    agreed_on=row.agreed_on,
                    payload=row.payload,
                    put_on_call=row.id in put,
                    first_call_at=_aware(first.get(row.debt_id)),
                )
                for row in session.execute(proposals)
            ]


def _aware(at: datetime | None) -> datetime | None:
    """An aggregate's instant (SQLite may give it back as text or naive) as aware UTC."""
    if at is None:
        return None
    if isinstance(at, str):
        at = datetime.fromisoformat(at)
    return at if at.tzinfo is not None else at.replace(tzinfo=UTC)


@dataclass(frozen=True)
class ProposalPut:
    """A saved proposal of a debt, as the lenders' history reads it (see
    :meth:`CallRepository.proposals_put`)."""

    proposal_id: int
    client_id: int
    debt_id: int
    #: The debt's creditor, as written.
    creditor: str
    kind: str
    status: str
    agreed_on: date | None
    #: ``Proposal.model_dump(mode="json")``.
    payload: dict[str, Any]
    #: Whether a call names it (``calls.proposal_id``).
    put_on_call: bool
    #: The first call logged about the debt, if any.
    first_call_at: datetime | None


def _check_proposal_of_debt(session: Session, call: Call) -> None:
    """A call's proposal is one of the call's debt (or one for all the client's debts)."""
    if call.proposal_id is None:
        return
    debt_id = session.scalar(
        sa.select(ProposalRow.debt_id).where(ProposalRow.id == call.proposal_id)
    )
    if debt_id is not None and debt_id != call.debt_id:
        raise InvalidDataError(
            "proposal_id",
            f"proposal {call.proposal_id} is about debt {debt_id}, not the call's debt",
        )


def _insert_tasks(session: Session, tasks: list[FollowUpTask], now: datetime) -> list[FollowUpTask]:
    saved = []
    checked_clients: set[int] = set()
    for task in tasks:
        require_new(task, "task")
        if task.client_id not in checked_clients:
            checked_clients.add(check_client(session, task.client_id))
        saved.append(task_from_row(TASK.insert(session, task, now, client_id=task.client_id)))
    return saved


class TaskRepository(VersionedRepository[FollowUpTask, FollowUpTaskRow]):
    kind = TASK

    def add(self, task: FollowUpTask) -> FollowUpTask:
        return self.add_many([task])[0]

    def add_many(self, tasks: Iterable[FollowUpTask]) -> list[FollowUpTask]:
        """Save several new tasks in one transaction: all of them, or none if one is wrong."""
        tasks = [TASK.require(task) for task in tasks]
        with self._store.write() as session:
            return _insert_tasks(session, tasks, self._store.clock())

    def update(self, task: FollowUpTask) -> FollowUpTask:
        return self._update(task)

    def complete(self, task: FollowUpTask, at: datetime | None = None) -> FollowUpTask:
        """Mark a task done (now, unless ``at`` is given)."""
        task = TASK.require(task)
        done_at = at or self._store.clock()
        if done_at.tzinfo is None:
            raise InvalidDataError("done_at", "a naive datetime names no instant")
        return self.update(task.model_copy(update={"done": True, "done_at": done_at}))

    def list_for_client(self, client_id: int, *, include_done: bool = True) -> list[FollowUpTask]:
        """The client's tasks, soonest due first."""
        query = self._of_client(client_id)
        if not include_done:
            query = query.where(FollowUpTaskRow.done.is_(False))
        return self._all(query.order_by(FollowUpTaskRow.due, FollowUpTaskRow.id))

    def list_done(
        self,
        *,
        since: datetime | None = None,
        limit: int | None = None,
        caseload: Caseload | None = None,
    ) -> list[FollowUpTask]:
        """Tasks of every client (of ``caseload``, if given) marked done (at ``since`` or
        later), the latest done first."""
        query = sa.select(FollowUpTaskRow).where(
            FollowUpTaskRow.done.is_(True), in_caseload(FollowUpTaskRow.client_id, caseload)
        )
        if since is not None:
            query = query.where(FollowUpTaskRow.done_at >= since)
        order = (FollowUpTaskRow.done_at.desc(), FollowUpTaskRow.id.desc())
        return self._all(query.order_by(*order).limit(limit))

    def list_open(
        self,
        *,
        due_before: datetime | None = None,
        limit: int | None = None,
        caseload: Caseload | None = None,
    ) -> list[FollowUpTask]:
        """Open tasks of every client (of ``caseload``, if given), soonest due first (the
        counselor's to-do list)."""
        query = sa.select(FollowUpTaskRow).where(
            FollowUpTaskRow.done.is_(False), in_caseload(FollowUpTaskRow.client_id, caseload)
        )
        if due_before is not None:
            query = query.where(FollowUpTaskRow.due < due_before)
        return self._all(query.order_by(FollowUpTaskRow.due, FollowUpTaskRow.id).limit(limit))
