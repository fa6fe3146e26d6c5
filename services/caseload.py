"""Caseloads: which counselor works with which client (team mode).

A supervisor or an administrator (:attr:`~core.access.Permission.ASSIGN_CLIENTS`) assigns a
client to a counselor, to another one, or to nobody. Only an enabled account with the role
``counselor`` can be given clients. Each change is one line in the audit trail, in the same
unit of work: ``client.reassigned`` on ``client:<id>`` with ``{"from": <account id or None>,
"to": <account id or None>}``. Assigning a client to the counselor it already has writes
nothing.
"""

from __future__ import annotations

from core.access import Permission, Role
from services import access
from services._work import unit
from services.actor import Actor, require
from services.errors import InvalidDataError, NotFoundError
from services.workspace import Workspace

__all__ = ["REASSIGNED", "assign", "caseload_counts", "check_assignee", "counselor_of"]

#: The audit trail's action for a client given to another counselor (or to nobody).
REASSIGNED = "client.reassigned"


def check_assignee(ws: Workspace, counselor_id: int | None) -> None:
    """Nothing if clients can be assigned to the account ``counselor_id`` (``None``: to
    nobody, always possible); :class:`NotFoundError` for no such account,
    :class:`InvalidDataError` (field ``counselor_id``) for a disabled account (code
    ``account_disabled``) or one that is not a counselor's (code ``not_a_counselor``)."""
    if counselor_id is None:
        return
    found = ws.clients.assignee(counselor_id)
    if found is None:
        raise NotFoundError("account", counselor_id)
    if found.disabled:
        raise InvalidDataError(
            "counselor_id", f"account {counselor_id} is disabled", code="account_disabled"
        )
    if found.role != Role.COUNSELOR.value:
        raise InvalidDataError(
            "counselor_id",
            f"account {counselor_id} is a {found.role}, not a counselor",
            code="not_a_counselor",
        )


def assign(ws: Workspace, actor: Actor, client_id: int, counselor_id: int | None) -> None:
    """Give the client ``client_id`` to the counselor ``counselor_id`` (``None``: to nobody).

    Refused, nothing written: without :attr:`Permission.ASSIGN_CLIENTS`
    (:class:`~services.errors.NotAllowedError`), a client or account that does not exist
    (:class:`NotFoundError`), an account that cannot have clients (see
    :func:`check_assignee`).
    """
    acting = require(actor, Permission.ASSIGN_CLIENTS)
    check_assignee(ws, counselor_id)
    with unit(ws, acting):
        before = ws.clients.assign(client_id, counselor_id)
        if before != counselor_id:
            ws.audit.append(
                actor=acting.user_id,
                action=REASSIGNED,
                subject=f"client:{client_id}",
                detail={"from": before, "to": counselor_id},
            )


def counselor_of(ws: Workspace, actor: Actor, client_id: int) -> int | None:
    """The account the client is assigned to (``None``: nobody); a counselor may ask only
    about their own clients (:func:`services.access.open_client`)."""
    access.open_client(ws, actor, client_id, via="caseload.counselor_of")
    return ws.clients.counselor_of(client_id)


def caseload_counts(ws: Workspace, actor: Actor) -> dict[int | None, int]:
    """How many clients each counselor has, by account id (``None``: assigned to nobody;
    accounts without clients left out). Needs :attr:`Permission.SEE_ALL_CLIENTS`."""
    require(actor, Permission.SEE_ALL_CLIENTS)
    return ws.clients.caseload_counts()
