"""The legal status of each debt: its dated legal steps (:mod:`core.rules.legal`).

A debt's :class:`~core.rules.legal.LegalStatus` is its rows of ``legal_events``, one
:class:`SavedLegalEvent` each (the event with the store's id, version, client and debt). A
step is added, changed and deleted at the version shown like any record of a client, and
only ever for a debt of that client; an add or change that would leave the debt's steps out of
order (:class:`~core.rules.legal.LegalStatus` refuses them: ``legal_order``,
``legal_missing``) raises that :class:`~core.errors.CoreError` and writes nothing. At most
:data:`MAX_LEGAL_EVENTS` per debt. The steps go with their debt and with their client.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pydantic
import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from core.errors import CoreError
from core.rules.legal import LegalEvent, LegalStage, LegalStatus
from store._repository import Kind, Parent, VersionedRepository
from store._rows import check_owned, get_row, require_new
from store.clients import Caseload, in_caseload
from store.errors import InvalidDataError
from store.orm import DebtRow, LegalEventRow

__all__ = [
    "MAX_LEGAL_EVENTS",
    "LegalRepository",
    "SavedLegalEvent",
    "checked_status",
    "event_from_row",
]

#: Most legal steps kept per debt (a suit, its appeals and enforcement fit many times over).
MAX_LEGAL_EVENTS = 50


class SavedLegalEvent(BaseModel):
    """One legal step of a debt as saved: ``event`` and the store's id, version and owners."""

    model_config = ConfigDict(frozen=True)

    id: int | None = None
    version: int = Field(default=0, ge=0)
    client_id: int | None = None
    debt_id: int
    event: LegalEvent


def event_values(saved: SavedLegalEvent) -> dict[str, Any]:
    event = saved.event
    return {
        "debt_id": saved.debt_id,
        "stage": event.stage.value,
        "on": event.on,
        "document": event.document,
        "award": event.award,
        "perform_by": event.perform_by,
    }


def event_from_row(row: LegalEventRow) -> SavedLegalEvent:
    return SavedLegalEvent(
        id=row.id,
        version=row.version,
        client_id=row.client_id,
        debt_id=row.debt_id,
        event=LegalEvent(
            stage=LegalStage(row.stage),
            on=row.on,
            document=row.document,
            award=row.award,
            perform_by=row.perform_by,
        ),
    )


LEGAL_EVENT = Kind(
    "legal_event",
    SavedLegalEvent,
    LegalEventRow,
    event_from_row,
    event_values,
    (Parent(DebtRow, "debt", "debt_id"),),
)


def checked_status(events: Iterable[LegalEvent]) -> LegalStatus:
    """The status of ``events``, or the rules' :class:`CoreError` when they cannot follow each
    other (``legal_order``, ``legal_missing``) — itself, not wrapped by pydantic."""
    try:
        return LegalStatus(events=tuple(events))
    except pydantic.ValidationError as exc:
        cause = (exc.errors()[0].get("ctx") or {}).get("error")
        if isinstance(cause, CoreError):
            raise cause from None
        raise


def _events_of(session: Session, debt_id: int, *, leaving_out: int | None = None) -> list[Any]:
    query = sa.select(LegalEventRow).where(LegalEventRow.debt_id == debt_id)
    if leaving_out is not None:
        query = query.where(LegalEventRow.id != leaving_out)
    return [event_from_row(row).event for row in session.scalars(query)]


class LegalRepository(VersionedRepository[SavedLegalEvent, LegalEventRow]):
    kind = LEGAL_EVENT

    def add(self, saved: SavedLegalEvent) -> SavedLegalEvent:
        """Add a step to its debt (of its client); the debt's steps must stay in order."""
        saved = LEGAL_EVENT.require(saved)
        require_new(saved, "legal event")
        now = self._store.clock()
        with self._store.write() as session:
            # Hold the debt's row (PostgreSQL) so that two adds at once are checked in turn.
            session.execute(
                sa.select(DebtRow.id).where(DebtRow.id == saved.debt_id).with_for_update()
            ).all()
            others = _events_of(session, saved.debt_id)
            if len(others) >= MAX_LEGAL_EVENTS:
                raise InvalidDataError(
                    "legal_events",
                    f"a debt has at most {MAX_LEGAL_EVENTS} legal events",
                    code="too_many",
                )
            checked_status((*others, saved.event))
            return event_from_row(LEGAL_EVENT.insert(session, saved, now))

    def update(self, saved: SavedLegalEvent) -> SavedLegalEvent:
        """Save a changed step (same debt); :class:`StaleRecordError` if someone saved since
        it was read; the debt's steps must stay in order."""
        saved = LEGAL_EVENT.require(saved)
        if saved.id is None:
            raise InvalidDataError("id", "this legal event was never saved; add it first")
        now = self._store.clock()
        with self._store.write() as session:
            row = get_row(session, LegalEventRow, "legal event", saved.id)
            if row.debt_id != saved.debt_id:
                raise InvalidDataError("debt_id", "a legal event cannot move to another debt")
            check_owned(session, DebtRow, "debt", saved.debt_id, row.client_id)
            checked_status((*_events_of(session, row.debt_id, leaving_out=row.id), saved.event))
            version, before = LEGAL_EVENT.update_owned(session, saved, now)
        return saved.model_copy(update={"version": version, "client_id": before.client_id})

    def list_for_debt(self, debt_id: int) -> list[SavedLegalEvent]:
        """The debt's steps, earliest first (same day: in the order they were added)."""
        row = LegalEventRow
        return self._all(sa.select(row).where(row.debt_id == debt_id).order_by(row.on, row.id))

    def list_for_client(self, client_id: int) -> list[SavedLegalEvent]:
        """The steps of every debt of the client, by debt then date."""
        row = LegalEventRow
        return self._all(self._of_client(client_id).order_by(row.debt_id, row.on, row.id))

    def status_of(self, debt_id: int) -> LegalStatus:
        """The debt's legal status (no steps: :attr:`LegalStage.NONE`)."""
        return LegalStatus(events=tuple(saved.event for saved in self.list_for_debt(debt_id)))

    def list_all(self, *, caseload: Caseload | None = None) -> list[SavedLegalEvent]:
        """Every step of every client (of ``caseload``, if given), by client, debt and date."""
        row = LegalEventRow
        query = (
            sa.select(row)
            .where(in_caseload(row.client_id, caseload))
            .order_by(row.client_id, row.debt_id, row.on, row.id)
        )
        return self._all(query)

    def creditors_of(self, debt_ids: list[int]) -> dict[int, str]:
        """Each debt's creditor as written, by debt id (one query)."""
        if not debt_ids:
            return {}
        with self._store.read() as session:
            rows = session.execute(
                sa.select(DebtRow.id, DebtRow.creditor).where(DebtRow.id.in_(debt_ids))
            )
            return {int(debt_id): str(creditor) for debt_id, creditor in rows}
