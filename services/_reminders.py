"""Reminders before the installments of agreed plans, kept in line with the agreements.

Called inside the unit of work of every action that changes what is agreed (a proposal agreed,
saved, demoted or deleted) and of logging a call, so that a client's reminders are always those
``core.rules.followups.reminder_changes`` asks for: one per agreed plan and due date, whichever
was recorded first, however often an action is repeated.
"""

from __future__ import annotations

from datetime import datetime

from core.calls import TaskKind
from core.proposals import evaluate_proposal
from core.rules.followups import AgreedPlanToRemind, ReminderChanges, reminder_changes
from core.text import check_language
from services.workspace import ProposalStatus, Workspace


def agreed_plans(ws: Workspace, client_id: int) -> list[AgreedPlanToRemind]:
    """Every plan of the client agreed now: its saved plan, or the proposal worked out on the
    day it was agreed (an agreement recorded without its plan)."""
    accounts = {account.id: account for account in ws.debts.list_for_client(client_id)}
    plans = []
    for saved in ws.proposals.list_for_client(client_id):
        if saved.status is not ProposalStatus.AGREED or saved.id is None:
            continue
        account = accounts.get(saved.debt_id) if saved.debt_id is not None else None
        plan = saved.plan
        if plan is None and account is not None and saved.agreed_on is not None:
            plan = evaluate_proposal(account.debt, saved.proposal, 0, saved.agreed_on).plan
        if plan is None:
            continue
        lender = account.debt.creditor if account is not None else (saved.title or "—")
        plans.append(AgreedPlanToRemind(proposal_id=saved.id, plan=plan, lender=lender))
    return plans


def sync_reminders(
    ws: Workspace, client_id: int, now: datetime | None, language: str
) -> ReminderChanges:
    """Add, rewrite and remove the client's installment reminders so that they match the plans
    agreed now; call inside the action's unit of work."""
    check_language(language)
    moment = now if now is not None else ws.clock()
    saved = [
        task
        for task in ws.tasks.list_for_client(client_id)
        if task.kind is TaskKind.INSTALLMENT_REMINDER
    ]
    changes = reminder_changes(
        saved, agreed_plans(ws, client_id), moment, client_id=client_id, language=language
    )
    for task in changes.remove:
        if task.id is not None:
            ws.tasks.delete(task.id, version=task.version)
    for task in changes.update:
        ws.tasks.update(task)
    if changes.add:
        ws.tasks.add_many(changes.add)
    return changes
