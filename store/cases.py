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

from typing import Any

import sqlalchemy as sa

from core.case_lifecycle import CaseStage, CloseReason, StageChange, check_step
from store._repository import Kind, Repository
from store._rows import check_client, require_id, require_new
from store.clients import Caseload, in_caseload
from store.errors import InvalidDataError, StaleRecordError
from store.orm import CaseStageRow, ClientRow

__all__ = ["MAX_CASE_STEPS", "CaseRepository", "change_from_row"]

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
