"""The stages of each client's case (:mod:`core.case_lifecycle`), as a kept history.

Each step is a row of ``case_stages`` (:class:`~core.case_lifecycle.StageChange`): a step is
only ever added, never changed, so the history stays as it happened. :meth:`CaseRepository.move`
adds one over the history as the counselor saw it: it names the version of the case shown
(how many steps it had: 0 for none), and a step added by someone else meanwhile refuses it
with :class:`StaleRecordError`, nothing written. A step that may not follow the history
(:func:`core.case_lifecycle.check_step`: ``case_step``, ``case_date``) raises that
:class:`~core.errors.CoreError`. The rows go with their client.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from core.calls import DebtAccount
from core.case_lifecycle import CaseStage, CloseReason, StageChange, check_step
from store import debts as debt_rows
from store import proposals as proposal_rows
from store._repository import Kind, Repository
from store._rows import check_client, require_id, require_new
from store.clients import Caseload, in_caseload
from store.errors import InvalidDataError, StaleRecordError
from store.orm import CaseStageRow, ClientRow, DebtRow, ProposalRow
from store.records import ProposalStatus, SavedProposal

__all__ = ["MAX_CASE_STEPS", "CaseClient", "CaseRepository", "OutcomeInputs", "change_from_row"]

#: Most steps kept per case (reopened and closed again many times over).
MAX_CASE_STEPS = 200


def change_values(change: StageChange) -> dict[str, Any]:
    return {
        "stage": change.stage.value,
        "on": change.on,
        "reason": change.reason.value if change.reason is not None else None,
        "note": change.note,
    }


def change_from_row(row: CaseStageRow) -> StageChange:
    return StageChange(
        id=row.id,
        version=row.version,
        client_id=row.client_id,
        stage=CaseStage(row.stage),
        on=row.on,
        reason=CloseReason(row.reason) if row.reason is not None else None,
        note=row.note,
    )


@dataclass(frozen=True)
class CaseClient:
    """What the outcomes need of a client: its counselor and when it was added (UTC)."""

    client_id: int
    counselor_id: int | None
    created_at: datetime


@dataclass(frozen=True)
class OutcomeInputs:
    """Everything the outcomes are computed from, for the clients of one caseload (or all):
    the clients, their case steps, their debts and their agreed proposals."""

    clients: list[CaseClient]
    histories: dict[int, list[StageChange]]
    debts: list[DebtAccount]
    agreed: list[SavedProposal]


CASE_STEP = Kind("case_stage", StageChange, CaseStageRow, change_from_row, change_values)


class CaseRepository(Repository[StageChange, CaseStageRow]):
    kind = CASE_STEP

    def history(self, client_id: int) -> list[StageChange]:
        """The client's steps in the order they happened (by date, then as added)."""
        row = CaseStageRow
        return self._all(self._of_client(client_id).order_by(row.on, row.id))

    def move(self, change: StageChange, *, version: int) -> StageChange:
        """Add ``change`` to its client's case over the history of ``version`` steps (the
        version shown). :class:`StaleRecordError` when the case has another number of steps
        now; the step's :class:`~core.errors.CoreError` when it may not follow."""
        change = CASE_STEP.require(change)
        require_new(change, "case stage")
        if isinstance(version, bool) or not isinstance(version, int) or version < 0:
            raise InvalidDataError("version", f"expected the version shown, got {version!r}")
        now = self._store.clock()
        with self._store.write() as session:
            client_id = check_client(session, change.client_id)
            # Hold the client's row (PostgreSQL; SQLite's writer holds the database) so that
            # two steps at once are taken in turn: the second sees the first and is stale.
            session.execute(
                sa.select(ClientRow.id).where(ClientRow.id == client_id).with_for_update()
            ).all()
            row = CaseStageRow
            steps = [
                change_from_row(found)
                for found in session.scalars(
                    sa.select(row).where(row.client_id == client_id).order_by(row.on, row.id)
                )
            ]
            if len(steps) != version:
                raise StaleRecordError("case_stage", client_id, version, len(steps))
            if len(steps) >= MAX_CASE_STEPS:
                raise InvalidDataError(
                    "case_stages", f"a case has at most {MAX_CASE_STEPS} steps", code="too_many"
                )
            check_step(steps, change)
            return change_from_row(CASE_STEP.insert(session, change, now, client_id))

    def histories(self, *, caseload: Caseload | None = None) -> dict[int, list[StageChange]]:
        """Every client's steps (of ``caseload``, if given) by client id, each in order."""
        row = CaseStageRow
        query = (
            sa.select(row)
            .where(in_caseload(row.client_id, caseload))
            .order_by(row.client_id, row.on, row.id)
        )
        found: dict[int, list[StageChange]] = {}
        for change in self._all(query):
            found.setdefault(require_id(change.client_id, "client_id"), []).append(change)
        return found

    def outcome_inputs(self, *, caseload: Caseload | None = None) -> OutcomeInputs:
        """The clients (of ``caseload``, if given) with their steps, debts and agreed
        proposals, in four queries read in one transaction."""
        clients_query = sa.select(ClientRow.id, ClientRow.counselor_id, ClientRow.created_at)
        if caseload is not None:
            clients_query = clients_query.where(caseload.condition())
        steps_query = (
            sa.select(CaseStageRow)
            .where(in_caseload(CaseStageRow.client_id, caseload))
            .order_by(CaseStageRow.client_id, CaseStageRow.on, CaseStageRow.id)
        )
        debts_query = (
            sa.select(DebtRow).where(in_caseload(DebtRow.client_id, caseload)).order_by(DebtRow.id)
        )
        agreed_query = (
            sa.select(ProposalRow)
            .where(
                in_caseload(ProposalRow.client_id, caseload),
                ProposalRow.status == ProposalStatus.AGREED.value,
                ProposalRow.debt_id.is_not(None),
            )
            .order_by(ProposalRow.id)
        )
        with self._store.read() as session:
            found = [
                CaseClient(
                    client_id=row.id, counselor_id=row.counselor_id, created_at=row.created_at
                )
                for row in session.execute(clients_query.order_by(ClientRow.id))
            ]
            histories: dict[int, list[StageChange]] = {}
            for step in session.scalars(steps_query):
                histories.setdefault(step.client_id, []).append(change_from_row(step))
            debts = [debt_rows.from_row(row) for row in session.scalars(debts_query)]
            agreed = [proposal_rows.from_row(row) for row in session.scalars(agreed_query)]
        return OutcomeInputs(clients=found, histories=histories, debts=debts, agreed=agreed)
