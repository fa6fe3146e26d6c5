"""A client's hardship situations and the proof gathered for them, and the evidence list that
follows (:mod:`core.rules.hardship`).

Each situation is added (once per request id), changed and deleted at the version the
counselor saw; the proof gathered is saved as a whole at its own version
(:class:`store.hardship.GatheredProof`: ticking a paper never makes an open client form stale).
A save against a newer version raises :class:`ChangedElsewhereError` with what is saved now —
except saving the very items already saved, which succeeds and writes nothing (a double click).

The checklist follows the proof. Every document checklist of the client (the general one and
each debt's) details "proof of hardship" by the evidence list: in the same unit of work as
any change to the situations or the proof, each one's ``hardship_proof`` is set to
:func:`core.rules.hardship.hardship_proof_ready` — ticked when every situation is covered,
cleared when one is not. A client without situations has nothing to prove: their checklists
keep whatever the counselor ticked. No checklist is created here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from core.calls import DocumentChecklist
from core.rules.hardship import (
    CHECKLIST_ITEM,
    EvidenceLine,
    HardshipSituation,
    ProofItem,
    ProofStatus,
    enclosures,
    evidence_list,
    hardship_proof_ready,
)
from services import access
from services._work import delete_seen, once, save_seen, unit
from services.actor import Actor
from services.errors import ChangedElsewhereError, StaleRecordError
from services.workspace import Workspace
from store.hardship import GatheredProof

__all__ = [
    "Evidence",
    "GatheredProof",
    "add",
    "delete",
    "evidence",
    "gathered",
    "get",
    "list_for_client",
    "set_gathered",
    "update",
]


@dataclass(frozen=True)
class Evidence:
    """What a client's situations call for and what is in hand.

    ``lines``: one per proof item (:func:`core.rules.hardship.evidence_list`); ``ready``: the
    checklist's hardship line (``None`` without situations: nothing to prove); ``enclosures``:
    what a letter may enclose (the items gathered, in the list's order). ``gathered`` carries
    the version to name when saving a change to it.
    """

    client_id: int
    situations: tuple[HardshipSituation, ...]
    gathered: GatheredProof
    lines: tuple[EvidenceLine, ...]
    ready: bool | None
    enclosures: tuple[ProofItem, ...]

    @property
    def missing(self) -> tuple[ProofItem, ...]:
        return tuple(line.item for line in self.lines if line.status is ProofStatus.MISSING)


def list_for_client(ws: Workspace, actor: Actor, client_id: int) -> list[HardshipSituation]:
    """The client's situations, earliest start first."""
    access.open_client(ws, actor, client_id, via="hardship.list_for_client")
    return ws.hardship.list_for_client(client_id)


def get(ws: Workspace, actor: Actor, situation_id: int) -> HardshipSituation:
    access.open_record(ws, actor, ws.hardship, situation_id, via="hardship.get")
    return ws.hardship.get(situation_id)


def add(
    ws: Workspace,
    actor: Actor,
    situation: HardshipSituation,
    *,
    request_id: str | None = None,
) -> HardshipSituation:
    """Add a situation to its client (once per ``request_id``); the checklists follow."""
    access.open_new(ws, actor, situation, via="hardship.add")

    def write() -> HardshipSituation:
        saved = ws.hardship.add(situation)
        _follow_checklists(ws, saved.client_id)
        return saved

    return once(
        ws,
        actor,
        request_id,
        "hardship_situation",
        write,
        lambda saved: (saved.client_id, saved.id),
        ws.hardship.get,
    )


def update(ws: Workspace, actor: Actor, situation: HardshipSituation) -> HardshipSituation:
    """Save changes to a situation; ``situation.version`` is the version the counselor saw."""
    access.open_model(ws, actor, ws.hardship, situation, via="hardship.update")

    def write(changed: HardshipSituation) -> HardshipSituation:
        saved = ws.hardship.update(changed)
        if saved.id is not None:  # always, once saved
            saved = ws.hardship.get(saved.id)  # with its client, whatever the copy said
        _follow_checklists(ws, saved.client_id)
        return saved

    return save_seen(ws, actor, "hardship_situation", situation, write, ws.hardship.get)


def delete(ws: Workspace, actor: Actor, situation_id: int, *, version: int) -> None:
    """Delete a situation at the version shown; the checklists follow."""
    access.open_record(ws, actor, ws.hardship, situation_id, via="hardship.delete")

    def remove(record_id: int, *, version: int | None) -> None:
        client_id = ws.hardship.get(record_id).client_id
        ws.hardship.delete(record_id, version=version)
        if client_id is not None:
            _follow_checklists(ws, client_id)

    delete_seen(ws, actor, "hardship_situation", situation_id, version, remove, ws.hardship.get)


def gathered(ws: Workspace, actor: Actor, client_id: int) -> GatheredProof:
    """The proof the client has gathered (version 0 while nothing was ever saved)."""
    access.open_client(ws, actor, client_id, via="hardship.gathered")
    return ws.proofs.get(client_id)


def set_gathered(
    ws: Workspace,
    actor: Actor,
    client_id: int,
    items: Iterable[ProofItem | str],
    *,
    version: int,
) -> GatheredProof:
    """Save ``items`` as the proof the client has gathered, over the set shown at ``version``
    (0: nothing saved yet); the checklists follow in the same unit of work.

    :class:`ChangedElsewhereError` (nothing written) when the set was saved elsewhere since,
    unless it now holds exactly ``items``: then that is returned and nothing is written.
    """
    access.open_client(ws, actor, client_id, via="hardship.set_gathered")
    wanted = tuple(items)
    try:
        with unit(ws, actor):
            saved = ws.proofs.set(client_id, wanted, version=version)
            _follow_checklists(ws, client_id)
            return saved
    except StaleRecordError:
        current = ws.proofs.get(client_id)
        if current.items == GatheredProof(client_id=client_id, items=wanted).items:
            return current
        raise ChangedElsewhereError("gathered_proof", client_id, version, current) from None


def evidence(ws: Workspace, actor: Actor, client_id: int) -> Evidence:
    """The client's evidence list: each proof item their situations call for, gathered, missing
    or not needed, and whether the checklist's hardship line is complete."""
    access.open_client(ws, actor, client_id, via="hardship.evidence")
    situations = tuple(ws.hardship.list_for_client(client_id))
    proof = ws.proofs.get(client_id)
    lines = evidence_list(situations, proof.items)
    return Evidence(
        client_id=client_id,
        situations=situations,
        gathered=proof,
        lines=lines,
        ready=hardship_proof_ready(situations, proof.items),
        enclosures=enclosures(lines),
    )


def _follow_checklists(ws: Workspace, client_id: int | None) -> None:
    """Inside a unit of work: set each of the client's checklists' hardship line to what the
    evidence says (see the module docstring)."""
    if client_id is None:
        return
    situations = ws.hardship.list_for_client(client_id)
    ready = hardship_proof_ready(situations, ws.proofs.get(client_id).items)
    if ready is None:
        return
    line = CHECKLIST_ITEM.value
    for checklist in ws.checklists.list_for_client(client_id):
        if getattr(checklist, line) != ready:
            ws.checklists.save(_with_line(checklist, line, ready))


def _with_line(checklist: DocumentChecklist, line: str, ready: bool) -> DocumentChecklist:
    return checklist.model_copy(update={line: ready})
