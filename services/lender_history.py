"""What each lender agreed to before, across the clients the acting user may see, and the
lender alias table that makes "来分期", "来分期APP" and "LFQ" one lender.

The history (:func:`history`, :func:`for_lender`) is read in a few grouped queries whatever
the number of clients: the saved proposals of debts (with the debt's creditor), the first call
about each debt, the proposals calls name (:meth:`store.calls.CallRepository.proposals_put`),
and the alias table. A counselor's history is that of their own caseload
(:func:`services.access.caseload_of`); supervisors, administrators and the single local user
see every client's. It is worked out by :func:`core.lender_history.lender_history`.

Anyone may read the alias table (the history is named by it); saving it
(:func:`save_aliases`) is a workspace setting: it needs :attr:`Permission.MANAGE_SETTINGS`
in team mode (the single local user may), and is saved at the versions shown.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from core.access import Permission
from core.lender_history import (
    Answer,
    KindHistory,
    LenderAlias,
    ProposalRecord,
    alias_key,
    lender_history,
    normalise_lender,
)
from core.proposals import PrincipalFirst, ProposalKind, parse_proposal
from core.rules.timing import LOCAL_TZ
from services import access
from services._work import unit
from services.actor import Actor, check, require
from services.errors import ChangedElsewhereError, StaleRecordError
from services.workspace import Workspace
from store.calls import ProposalPut
from store.lender_aliases import LenderAliasRepository

__all__ = [
    "History",
    "alias_repository",
    "aliases",
    "for_lender",
    "history",
    "record_of",
    "save_aliases",
]

#: ``{(lender, kind): KindHistory}``, by lender then kind.
History = dict[tuple[str, ProposalKind], KindHistory]


def alias_repository(ws: Workspace) -> LenderAliasRepository:
    """The workspace's lender alias table."""
    return LenderAliasRepository(ws)


def record_of(put: ProposalPut) -> ProposalRecord:
    """The history's view of one saved proposal: its waiver share and term read from the
    proposal itself (a principal-first plan's term is its principal months and then its
    interest months)."""
    proposal = parse_proposal(put.payload)
    waiver = getattr(proposal, "waiver_share", None)
    months = getattr(proposal, "months", None)
    if isinstance(proposal, PrincipalFirst):
        months = proposal.months + proposal.interest_months
    first_call = put.first_call_at
    return ProposalRecord(
        kind=proposal.kind,
        answer=Answer(put.status),
        lender=put.creditor,
        put_on_call=put.put_on_call,
        first_call_on=first_call.astimezone(LOCAL_TZ).date() if first_call else None,
        agreed_on=put.agreed_on,
        waiver_share=waiver if isinstance(waiver, Decimal) else None,
        term_months=months if isinstance(months, int) else None,
    )


def _history(ws: Workspace, actor: Actor) -> tuple[History, dict[str, str]]:
    caseload = access.caseload_of(actor)
    puts = ws.calls.proposals_put(caseload=caseload)
    names = alias_repository(ws).mapping()
    return lender_history((record_of(put) for put in puts), names), names


def history(ws: Workspace, actor: Actor) -> History:
    """Per lender and proposal kind asked at least once, what the lender did, from the
    proposals of the clients ``actor`` may see."""
    return _history(ws, actor)[0]


def for_lender(ws: Workspace, actor: Actor, lender: str) -> dict[ProposalKind, KindHistory]:
    """:func:`history` of the lender ``lender`` stands for (a debt's creditor as written,
    through the alias table), by kind; empty when it has none."""
    found, names = _history(ws, actor)
    key = alias_key(normalise_lender(lender, names))
    return {kind: figures for (who, kind), figures in found.items() if alias_key(who) == key}


def aliases(ws: Workspace, actor: Actor) -> list[LenderAlias]:
    """The alias table, by lender then alias."""
    check(actor)
    return alias_repository(ws).list_all()


def save_aliases(
    ws: Workspace,
    actor: Actor,
    rows: Iterable[LenderAlias],
    *,
    shown: Iterable[LenderAlias],
) -> list[LenderAlias]:
    """Save the alias table as edited (``rows``) over the one shown (``shown``, with its ids
    and versions): removed aliases deleted, changed ones updated, new ones added, in one unit
    of work. Returns the table afterwards.

    Refused, nothing saved: an alias written twice, or one saved already by someone who added
    it meanwhile (:class:`~services.errors.InvalidDataError`, code ``duplicate_alias``); a row
    shown that was changed or deleted since (:class:`ChangedElsewhereError`, ``current`` the
    table as it is now); without :attr:`Permission.MANAGE_SETTINGS`
    (:class:`~services.errors.NotAllowedError`).
    """
    require(actor, Permission.MANAGE_SETTINGS)
    wanted, before = list(rows), list(shown)
    repository = alias_repository(ws)
    try:
        with unit(ws, actor):
            saved = repository.save_all(wanted, shown=before)
            ws.audit.append(
                actor=actor.user_id,
                action="lender_aliases.saved",
                subject="lender_aliases",
                detail={"count": len(saved)},
            )
    except StaleRecordError as exc:
        record_id = exc.record_id if isinstance(exc.record_id, int) else 0
        raise ChangedElsewhereError(
            "lender_aliases", record_id, exc.expected, repository.list_all()
        ) from None
    return saved
