"""A client's debts, each as the lender quotes it, with whether the lender reports to the credit
system (``reports_credit``) and the day the account went overdue (``overdue_since``), saved and
read like every other field; and each overdue account's credit-record clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core.calls import DebtAccount
from core.errors import CoreError
from core.rules.credit_record import CreditClock, clock_for_debt, overdue_since
from services import access
from services._work import delete_seen, once, save_seen
from services.actor import Actor
from services.workspace import Workspace


def list_for_client(ws: Workspace, actor: Actor, client_id: int) -> list[DebtAccount]:
    access.open_client(ws, actor, client_id, via="debts.list_for_client")
    return ws.debts.list_for_client(client_id)


def get(ws: Workspace, actor: Actor, debt_id: int) -> DebtAccount:
    access.open_record(ws, actor, ws.debts, debt_id, via="debts.get")
    return ws.debts.get(debt_id)


def add(
    ws: Workspace, actor: Actor, account: DebtAccount, *, request_id: str | None = None
) -> DebtAccount:
    """Add a debt (once per ``request_id``)."""
    access.open_new(ws, actor, account, via="debts.add")
    return once(
        ws,
        actor,
        request_id,
        "debt",
        lambda: ws.debts.add(account),
        lambda saved: (saved.client_id, saved.id),
        ws.debts.get,
    )


def update(ws: Workspace, actor: Actor, account: DebtAccount) -> DebtAccount:
    """Save changes to a debt; ``account.version`` is the version the counselor saw."""
    access.open_model(ws, actor, ws.debts, account, via="debts.update")
    return save_seen(ws, actor, "debt", account, ws.debts.update, ws.debts.get)


def delete(ws: Workspace, actor: Actor, debt_id: int, *, version: int | None = None) -> None:
    access.open_record(ws, actor, ws.debts, debt_id, via="debts.delete")
    delete_seen(ws, actor, "debt", debt_id, version, ws.debts.delete, ws.debts.get)


@dataclass(frozen=True)
class DebtClock:
    """One debt and its credit-record clock "if the overdue ended on ``as_of``"
    (:func:`core.rules.credit_record.clock_for_debt`).

    ``clock`` is ``None`` when the debt is not overdue, its lender does not report, or the day
    it went overdue is after ``as_of`` (``problem`` ``"future"``: a date to correct).
    ``since_estimated``: no ``overdue_since`` was entered, so the start is worked out from the
    days overdue as if they were counted on ``as_of`` (only the start shown depends on it; the
    record's end does not).
    """

    account: DebtAccount
    clock: CreditClock | None
    since_estimated: bool = False
    problem: str | None = None


def credit_clock(account: DebtAccount, as_of: date) -> DebtClock:
    """``account``'s clock on ``as_of`` (see :class:`DebtClock`)."""
    since = account.overdue_since
    estimated = False
    if since is None:
        since = overdue_since(account.debt, as_of)
        estimated = since is not None
    try:
        clock = clock_for_debt(account.reports_credit, since, as_of)
    except CoreError as exc:
        return DebtClock(account, None, estimated, exc.code)
    return DebtClock(account, clock, estimated and clock is not None)


def credit_clocks(ws: Workspace, actor: Actor, client_id: int, *, as_of: date) -> list[DebtClock]:
    """Every debt of the client with its credit-record clock on ``as_of`` (passed in: nothing
    here reads a clock), in the order of :func:`list_for_client`."""
    access.open_client(ws, actor, client_id, via="debts.credit_clocks")
    return [credit_clock(account, as_of) for account in ws.debts.list_for_client(client_id)]
