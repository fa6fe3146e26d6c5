"""The stages of a client's case and what the agency's work achieved
(:mod:`core.case_lifecycle`, :mod:`core.outcomes`).

:func:`move` adds a step to a client's case over the history the counselor saw (its
``version``: how many steps it had). A step the lifecycle does not allow is refused with the
rules' :class:`~core.errors.CoreError` (``case_step``, ``case_date``); a history that moved on
meanwhile with :class:`ChangedElsewhereError` carrying the case as it is now — unless its last
step is the very one asked for (a double click), which is then returned and nothing written.
Each step is one line in the audit trail in the same unit of work (``case.stage_changed`` on
``client:<id>``, with the stages and the reason code; never the note).

:func:`outcomes` reads, in a few queries, the cases, debts and agreed proposals of the clients
the actor may see — a counselor their own caseload, supervisors, administrators and the single
local user everyone's (:func:`services.access.caseload_of`) — and groups them with
:mod:`core.outcomes`; lenders are named through the lender alias table, as in the lender
history. Filters narrow it to some counselors and some lenders.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from core.case_lifecycle import CaseStage, StageChange, allowed_next, current_stage
from core.lender_history import normalise_lender
from core.outcomes import (
    AgreementRecord,
    CaseRecord,
    DebtRecord,
    Dimension,
    Figures,
)
from core.outcomes import (
    outcomes as group_outcomes,
)
from core.outcomes import (
    totals as total_outcomes,
)
from core.rules.timing import LOCAL_TZ
from services import access
from services._work import unit
from services.actor import Actor
from services.errors import ChangedElsewhereError, StaleRecordError
from services.lender_history import alias_repository
from services.workspace import Workspace

__all__ = ["STAGE_CHANGED", "CaseView", "Outcomes", "case", "move", "outcomes"]

STAGE_CHANGED = "case.stage_changed"


@dataclass(frozen=True)
class CaseView:
    """A client's case: its steps in order, its stage, the steps allowed next, and the version
    to name when moving it (how many steps it has)."""

    client_id: int
    history: tuple[StageChange, ...]
    stage: CaseStage
    allowed: tuple[CaseStage, ...]

    @property
    def version(self) -> int:
        return len(self.history)


@dataclass(frozen=True)
class Outcomes:
    """The figures of a period: everything at once and per ``by``; the lenders and counselors
    the figures could be narrowed to (before the filters)."""

    start: date
    end: date
    by: Dimension
    total: Figures
    rows: tuple[Figures, ...]
    lenders: tuple[str, ...]
    counselors: tuple[int | None, ...]


def _view(client_id: int, history: Iterable[StageChange]) -> CaseView:
    steps = tuple(history)
    return CaseView(
        client_id=client_id,
        history=steps,
        stage=current_stage(steps),
        allowed=allowed_next(steps),
    )


def case(ws: Workspace, actor: Actor, client_id: int) -> CaseView:
    """The client's case as it stands."""
    access.open_client(ws, actor, client_id, via="cases.case")
    return _view(client_id, ws.cases.history(client_id))


def _same_step(a: StageChange, b: StageChange) -> bool:
    return (a.stage, a.on, a.reason, a.note) == (b.stage, b.on, b.reason, b.note)


def move(ws: Workspace, actor: Actor, change: StageChange, *, version: int) -> CaseView:
    """Add ``change`` to its client's case over the history of ``version`` steps; the case
    afterwards."""
    acting = access.open_new(ws, actor, change, via="cases.move")
    client_id = change.client_id
    if client_id is None:  # pragma: no cover - open_new refuses it for a counselor
        raise ValueError("a step names its client")
    before = ws.cases.history(client_id)
    try:
        with unit(ws, acting):
            ws.cases.move(change, version=version)
            ws.audit.append(
                actor=acting.user_id,
                action=STAGE_CHANGED,
                subject=f"client:{client_id}",
                detail={
                    "from": current_stage(before).value,
                    "to": change.stage.value,
                    "reason": change.reason.value if change.reason is not None else None,
                },
            )
    except StaleRecordError:
        now = _view(client_id, ws.cases.history(client_id))
        if now.version == version + 1 and _same_step(now.history[-1], change):
            return now
        raise ChangedElsewhereError("case", client_id, version, now) from None
    return _view(client_id, ws.cases.history(client_id))


def outcomes(
    ws: Workspace,
    actor: Actor,
    *,
    start: date,
    end: date,
    by: Dimension,
    counselors: Iterable[int | None] | None = None,
    lenders: Iterable[str] | None = None,
) -> Outcomes:
    """The figures of ``start`` … ``end`` per ``by`` and in total, over the clients ``actor``
    may see; ``counselors`` (account ids, ``None`` for nobody's) and ``lenders`` (as the
    history names them) narrow them when given."""
    caseload = access.caseload_of(actor)
    inputs = ws.cases.outcome_inputs(caseload=caseload)
    names = alias_repository(ws).mapping()
    debts = [
        DebtRecord(
            client_id=account.client_id,
            debt_id=account.id,
            lender=normalise_lender(account.debt.creditor, names),
            monthly_demand=account.debt.monthly_demand,
        )
        for account in inputs.debts
        if account.id is not None and account.client_id is not None
    ]
    cases = [
        CaseRecord(
            client_id=client.client_id,
            counselor_id=client.counselor_id,
            history=tuple(inputs.histories.get(client.client_id, ())),
            since=client.created_at.astimezone(LOCAL_TZ).date(),
        )
        for client in inputs.clients
    ]
    agreements = [
        AgreementRecord(
            client_id=saved.client_id,
            debt_id=saved.debt_id,
            agreed_on=saved.agreed_on,
            plan=saved.plan,
        )
        for saved in inputs.agreed
        if saved.client_id is not None
        and saved.debt_id is not None
        and saved.agreed_on is not None
        and saved.plan is not None
    ]
    all_lenders = tuple(sorted({debt.lender for debt in debts}))
    all_counselors = tuple(
        sorted({c.counselor_id for c in cases}, key=lambda i: (i is None, i or 0))
    )
    if counselors is not None:
        chosen = set(counselors)
        cases = [c for c in cases if c.counselor_id in chosen]
    if lenders is not None:
        wanted = set(lenders)
        debts = [d for d in debts if d.lender in wanted]
        with_debts = {d.client_id for d in debts}
        cases = [c for c in cases if c.client_id in with_debts]
        kept = {d.debt_id for d in debts}
        agreements = [a for a in agreements if a.debt_id in kept]
    return Outcomes(
        start=start,
        end=end,
        by=by,
        total=total_outcomes(cases, debts, agreements, start=start, end=end),
        rows=tuple(group_outcomes(cases, debts, agreements, start=start, end=end, by=by)),
        lenders=all_lenders,
        counselors=all_counselors,
    )
