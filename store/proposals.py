"""Saved proposals and the one agreed with the lender.

A proposal is kept as its JSON (``model_dump(mode="json")``) with its ``kind`` beside it, and
read back with :func:`core.proposals.parse_proposal`: a new field with a default in the model
needs no migration.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from core.plans import Plan
from core.proposals import parse_proposal
from store._rows import (
    check_client,
    check_owned,
    check_same_client,
    delete_versioned,
    get_row,
    insert,
    require,
    require_id,
    update_versioned,
)
from store.orm import DebtRow, ProposalRow
from store.records import ProposalStatus, SavedProposal

if TYPE_CHECKING:
    from store.db import Store


def to_values(saved: SavedProposal) -> dict[str, Any]:
    return {
        "debt_id": saved.debt_id,
        "kind": saved.proposal.kind.value,
        "status": saved.status.value,
        "agreed_on": saved.agreed_on,
        "title": saved.title,
        "payload": saved.proposal.model_dump(mode="json"),
        "plan": saved.plan.model_dump(mode="json") if saved.plan is not None else None,
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
    )


class ProposalRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def save(self, saved: SavedProposal) -> SavedProposal:
        """Add a new proposal (``id`` None) or save changes to one.

        Saving one as agreed makes any other agreed proposal of the same client and debt a
        plain saved one, in the same transaction: there is one agreed plan at a time.
        """
        saved = require(saved, SavedProposal, "proposal")
        now = self._store.clock()
        with self._store.write() as session:
            if saved.id is None:
                client_id = check_client(session, saved.client_id)
                check_owned(session, DebtRow, "debt", saved.debt_id, client_id)
                if saved.status is ProposalStatus.AGREED:
                    _demote_agreed(session, client_id, saved.debt_id, None, now)
                row = insert(session, ProposalRow(client_id=client_id, **to_values(saved)), now)
                return from_row(row)
            row = get_row(session, ProposalRow, "proposal", saved.id)
            check_same_client(row, saved.client_id, "proposal")
            check_owned(session, DebtRow, "debt", saved.debt_id, row.client_id)
            version = update_versioned(
                session, ProposalRow, "proposal", saved.id, saved.version, to_values(saved), now
            )
            if saved.status is ProposalStatus.AGREED:
                _demote_agreed(session, row.client_id, saved.debt_id, saved.id, now)
        return saved.model_copy(update={"version": version, "client_id": row.client_id})

    def agree(
        self, saved: SavedProposal, agreed_on: date, plan: Plan | None = None
    ) -> SavedProposal:
        """Mark ``saved`` as the plan agreed with the lender on ``agreed_on``."""
        saved = require(saved, SavedProposal, "proposal")
        update: dict[str, Any] = {"status": ProposalStatus.AGREED, "agreed_on": agreed_on}
        if plan is not None:
            update["plan"] = plan
        return self.save(SavedProposal.model_validate({**dict(saved), **update}))

    def get(self, proposal_id: int) -> SavedProposal:
        with self._store.read() as session:
            return from_row(get_row(session, ProposalRow, "proposal", proposal_id))

    def list_for_client(self, client_id: int) -> list[SavedProposal]:
        client_id = require_id(client_id, "client_id")
        query = (
            sa.select(ProposalRow)
            .where(ProposalRow.client_id == client_id)
            .order_by(ProposalRow.id)
        )
        with self._store.read() as session:
            return [from_row(row) for row in session.scalars(query)]

    def agreed(self, client_id: int, debt_id: int | None = None) -> SavedProposal | None:
        """The plan agreed for the client's debt (or for all their debts when None)."""
        client_id = require_id(client_id, "client_id")
        query = sa.select(ProposalRow).where(
            ProposalRow.client_id == client_id,
            ProposalRow.status == ProposalStatus.AGREED.value,
            _same_debt(debt_id),
        )
        with self._store.read() as session:
            row = session.scalar(query.order_by(ProposalRow.id.desc()).limit(1))
            return from_row(row) if row is not None else None

    def delete(self, proposal_id: int, *, version: int | None = None) -> None:
        with self._store.write() as session:
            delete_versioned(session, ProposalRow, "proposal", proposal_id, version)


def _same_debt(debt_id: int | None) -> sa.ColumnElement[bool]:
    return ProposalRow.debt_id.is_(None) if debt_id is None else ProposalRow.debt_id == debt_id


def _demote_agreed(
    session: Session, client_id: int, debt_id: int | None, keep: int | None, now: Any
) -> None:
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
    if keep is not None:
        statement = statement.where(ProposalRow.id != keep)
    session.execute(statement)
