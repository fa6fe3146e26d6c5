"""A client's hardship situations, and the proof gathered for them.

Situations (:class:`core.rules.hardship.HardshipSituation`) are records like any other of a
client: added, changed and deleted at the version shown, listed in date order, at most
:data:`core.limits.MAX_HARDSHIP_SITUATIONS` per client.

The proof gathered (:class:`GatheredProof`) is one row per client (``client_proofs``) holding
the :class:`~core.rules.hardship.ProofItem` values as a JSON list, in the enum's order. It is
versioned as a whole, apart from the client's record: ticking a paper never makes an open
client form stale, and a save names the version shown (0 while nothing was ever saved), so
that two counselors ticking at once never silently undo each other — the second is refused
with :class:`StaleRecordError` and nothing is written.

Why a row of its own rather than a row per item: the set is what is saved and compared (the
checklist line follows it as a whole), one version says whether what is on screen is still
what is saved, and a row per item would need a version of the set anyway.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import exc as sa_exc

from core.limits import MAX_HARDSHIP_SITUATIONS
from core.rules.hardship import HardshipSituation, ProofItem, SituationKind
from store._repository import Kind, VersionedRepository
from store._rows import _rowcount, check_client, require_id, require_new
from store.errors import InvalidDataError, StaleRecordError
from store.orm import ClientProofRow, ClientRow, HardshipSituationRow

if TYPE_CHECKING:
    from store.db import Store

__all__ = [
    "GatheredProof",
    "HardshipRepository",
    "ProofRepository",
    "proof_from_row",
    "situation_from_row",
]


# --- situations -----------------------------------------------------------------------------


def situation_values(situation: HardshipSituation) -> dict[str, Any]:
    return {
        "kind": situation.kind.value,
        "started_on": situation.started_on,
        "ended_on": situation.ended_on,
        "note": situation.note,
    }


def situation_from_row(row: HardshipSituationRow) -> HardshipSituation:
    return HardshipSituation(
        id=row.id,
        version=row.version,
        client_id=row.client_id,
        kind=SituationKind(row.kind),
        started_on=row.started_on,
        ended_on=row.ended_on,
        note=row.note,
    )


SITUATION = Kind(
    "hardship_situation",
    HardshipSituation,
    HardshipSituationRow,
    situation_from_row,
    situation_values,
)


class HardshipRepository(VersionedRepository[HardshipSituation, HardshipSituationRow]):
    kind = SITUATION

    def add(self, situation: HardshipSituation) -> HardshipSituation:
        """Add a situation to its client; :class:`InvalidDataError` (code ``too_many``) when
        the client already has :data:`~core.limits.MAX_HARDSHIP_SITUATIONS`."""
        situation = SITUATION.require(situation)
        require_new(situation, "hardship situation")
        with self._store.write() as session:
            client_id = check_client(session, situation.client_id)
            # Hold the client's row (PostgreSQL; SQLite's writer holds the database) so that
            # two adds at once cannot both pass the count.
            session.execute(
                sa.select(ClientRow.id).where(ClientRow.id == client_id).with_for_update()
            ).all()
            count = session.scalar(
                sa.select(sa.func.count())
                .select_from(HardshipSituationRow)
                .where(HardshipSituationRow.client_id == client_id)
            )
            if (count or 0) >= MAX_HARDSHIP_SITUATIONS:
                raise InvalidDataError(
                    "hardship_situations",
                    f"a client has at most {MAX_HARDSHIP_SITUATIONS} hardship situations",
                    code="too_many",
                )
            row = SITUATION.insert(session, situation, self._store.clock(), client_id)
            return situation_from_row(row)

    def update(self, situation: HardshipSituation) -> HardshipSituation:
        """Save a changed copy; :class:`StaleRecordError` if someone saved since it was read."""
        return self._update(situation)

    def list_for_client(self, client_id: int) -> list[HardshipSituation]:
        """The client's situations, earliest start first (then in the order they were added)."""
        row = HardshipSituationRow
        return self._all(self._of_client(client_id).order_by(row.started_on, row.id))


# --- the proof gathered ---------------------------------------------------------------------


class GatheredProof(BaseModel):
    """The proof items a client has gathered, in :class:`ProofItem` order, each once.

    ``version`` is the saved version of the set (0: nothing was ever saved); name it when
    saving a change.
    """

    model_config = ConfigDict(frozen=True)

    client_id: int
    items: tuple[ProofItem, ...] = ()
    version: int = Field(default=0, ge=0)

    @field_validator("items", mode="before")
    @classmethod
    def _each_once_in_order(cls, value: object) -> object:
        if isinstance(value, str) or not isinstance(value, Iterable):
            return value  # pydantic names the type error
        chosen = {ProofItem(item) for item in value}
        return tuple(item for item in ProofItem if item in chosen)


def proof_from_row(row: ClientProofRow) -> GatheredProof:
    items = row.items
    if not isinstance(items, list):
        raise ValueError(f"expected a list of proof items, got {type(items).__name__}")
    return GatheredProof(client_id=row.client_id, items=items, version=row.version)


def _items(items: object) -> list[str]:
    """``items`` as stored: the values of distinct :class:`ProofItem` s, in the enum's order."""
    if isinstance(items, str) or not isinstance(items, Iterable):
        raise InvalidDataError(
            "proof_items", f"expected proof items, got {items!r}", code="wrong_type"
        )
    try:
        chosen = {ProofItem(item) for item in items}
    except ValueError as exc:
        raise InvalidDataError("proof_items", str(exc), code="choice") from None
    return [item.value for item in ProofItem if item in chosen]


class ProofRepository:
    """The proof each client has gathered (see the module docstring)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, client_id: int) -> GatheredProof:
        """The client's gathered proof (none, at version 0, until some is saved);
        :class:`NotFoundError` for a client that does not exist."""
        with self._store.read() as session:
            client_id = check_client(session, client_id)
            row = session.scalar(
                sa.select(ClientProofRow).where(ClientProofRow.client_id == client_id)
            )
            return proof_from_row(row) if row is not None else GatheredProof(client_id=client_id)

    def set(
        self, client_id: int, items: Iterable[ProofItem | str], *, version: int
    ) -> GatheredProof:
        """Save ``items`` as the client's gathered proof over the set as it was at ``version``
        (0: never saved). :class:`StaleRecordError` if it was saved meanwhile; nothing is
        written then."""
        client_id = require_id(client_id, "client_id")
        if isinstance(version, bool) or not isinstance(version, int) or version < 0:
            raise InvalidDataError("version", f"expected the version shown, got {version!r}")
        values = _items(items)
        now = self._store.clock()
        with self._store.write() as session:
            check_client(session, client_id)
            current = session.scalar(
                sa.select(ClientProofRow.version).where(ClientProofRow.client_id == client_id)
            )
            if (current or 0) != version:
                raise StaleRecordError("gathered_proof", client_id, version, current or 0)
            if current is None:
                row = ClientProofRow(
                    client_id=client_id, items=values, version=1, created_at=now, updated_at=now
                )
                session.add(row)
                try:
                    session.flush()
                except sa_exc.IntegrityError:  # another first save at the same moment
                    raise StaleRecordError("gathered_proof", client_id, version, 1) from None
            else:
                statement = (
                    sa.update(ClientProofRow)
                    .where(ClientProofRow.client_id == client_id, ClientProofRow.version == version)
                    .values(items=values, version=version + 1, updated_at=now)
                    .execution_options(synchronize_session=False)
                )
                if _rowcount(session, statement) != 1:
                    raise StaleRecordError("gathered_proof", client_id, version, version + 1)
        return GatheredProof(client_id=client_id, items=values, version=version + 1)
