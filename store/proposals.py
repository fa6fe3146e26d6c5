"""Saved proposals and the one agreed with the lender.

A proposal is kept as its JSON (``model_dump(mode="json")``) with its ``kind`` beside it, and
read back with :func:`core.proposals.parse_proposal`: a new field with a default in the model
needs no migration.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from core.plans import Plan
from core.proposals import parse_proposal
from store._repository import Kind, Parent, VersionedRepository
from store.orm import DebtRow, ProposalRow
from store.records import ProposalSettings, ProposalStatus, SavedProposal


def to_values(saved: SavedProposal) -> dict[str, Any]:
    return {
        "debt_id": saved.debt_id,
        "kind": saved.proposal.kind.value,
        "status": saved.status.value,
        "agreed_on": saved.agreed_on,
        "title": saved.title,
        "payload": saved.proposal.model_dump(mode="json"),
        "plan": saved.plan.model_dump(mode="json") if saved.plan is not None else None,
        "settings": (
            saved.settings.model_dump(mode="json") if saved.settings is not None else None
        ),
    }


def from_row(row: ProposalRow) -> SavedProposal:
    return SavedProposal(
        id=row.id,
        version=row.version,
        client_id=row.client_id,
        debt_id=row.debt_id,
        proposal=parse_proposal(row.payload),
        title=row.title,
        status=ProposalStatus(row.status),
        agreed_on=row.agreed_on,
        plan=Plan.model_validate(row.plan) if row.plan is not None else None,
        settings=(
            ProposalSettings.model_validate(row.settings) if row.settings is not None else None
        ),
    )


PROPOSAL = Kind(
    "proposal",
    SavedProposal,
    ProposalRow,
    from_row,
    to_values,
    (Parent(DebtRow, "debt", "debt_id"),),
)


class ProposalRepository(VersionedRepository[SavedProposal, ProposalRow]):
    kind = PROPOSAL

    def save(self, saved: SavedProposal) -> SavedProposal:
        """Add a new proposal (``id`` None) or save changes to one.

        Saving one as agreed makes any other agreed proposal of the same client and debt a
        plain saved one, in the same transaction: there is one agreed plan at a time.
        """
        saved = PROPOSAL.require(saved)
        now = self._store.clock()
        with self._store.write() as session:
            if saved.id is None:
                row = PROPOSAL.insert(session, saved, now)
                result = from_row(row)
            else:
                version, row = PROPOSAL.update_owned(session, saved, now)
                result = saved.model_copy(update={"version": version, "client_id": row.client_id})
            if saved.status is ProposalStatus.AGREED:
                _demote_agreed(session, row.client_id, saved.debt_id, row.id, now)
        return result

    def agree(
        self, saved: SavedProposal, agreed_on: date, plan: Plan | None = None
    ) -> SavedProposal:
        """Mark ``saved`` as the plan agreed with the lender on ``agreed_on``."""
        saved = PROPOSAL.require(saved)
        update: dict[str, Any] = {"status": ProposalStatus.AGREED, "agreed_on": agreed_on}
        if plan is not None:
            update["plan"] = plan
        return self.save(SavedProposal.model_validate({**dict(saved), **update}))

    def list_for_client(self, client_id: int) -> list[SavedProposal]:
        return self._all(self._of_client(client_id).order_by(ProposalRow.id))

    def latest_settings(self, client_id: int, debt_id: int | None) -> ProposalSettings | None:
        """The Proposals page's settings saved last for the client's debt (the newest saved
        proposal that has them), or None — the settings column only, no plan read. (A JSON
        column may hold a JSON ``null`` rather than SQL NULL: the newest non-empty one counts.)"""
        query = (
            sa.select(ProposalRow.settings)
            .where(ProposalRow.client_id == client_id, _same_debt(debt_id))
            .order_by(ProposalRow.id.desc())
        )
        with self._store.read() as session:
            for value in session.execute(query).scalars():
                if value is not None:
                    return ProposalSettings.model_validate(value)
        return None

    def agreed(self, client_id: int, debt_id: int | None = None) -> SavedProposal | None:
        """The plan agreed for the client's debt (or for all their debts when None)."""
        query = self._of_client(client_id).where(
            ProposalRow.status == ProposalStatus.AGREED.value, _same_debt(debt_id)
        )
        return self._first(query.order_by(ProposalRow.id.desc()))


def _same_debt(debt_id: int | None) -> sa.ColumnElement[bool]:
    return ProposalRow.debt_id.is_(None) if debt_id is None else ProposalRow.debt_id == debt_id


def _demote_agreed(
    session: Session, client_id: int, debt_id: int | None, keep: int, now: Any
) -> None:
    """Make every agreed proposal of the client and debt but ``keep`` a plain saved one."""
    statement = (
        sa.update(ProposalRow)
        .where(
            ProposalRow.client_id == client_id,
            ProposalRow.status == ProposalStatus.AGREED.value,
            _same_debt(debt_id),
        )
        .values(
            status=ProposalStatus.SAVED.value,
            agreed_on=None,
            version=ProposalRow.version + 1,
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    session.execute(statement.where(ProposalRow.id != keep))
