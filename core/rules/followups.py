"""The follow-ups a call leaves behind, with their deadlines.

After an agreement, the work is to make it stick. :func:`follow_up_tasks` derives from one
call (and the agreed plan, when there is one):

==============================  =====================================================
task                            due
==============================  =====================================================
check the plan in the app       24 hours after the call (agreed or partly agreed)
ask for written confirmation    2 hours after the call, when the agreement was only
                                spoken (a phone call; a chat, email or letter is
                                already written)
a reminder before each payment  ``remind_days`` (3) days before each due date of the
                                plan, at 09:00 Shanghai time; at once when that moment
                                has passed but the payment is not yet due; none for a
                                due date already past (see ``core.rules.adherence``)
try again                       3 days after a refusal (the escalation ladder's retry
                                delay), at another time or with another agent; the
                                next day when nobody answered
chase a promised call-back      3 days after the call (the ladder's wait for an answer
                                to a negotiation), unless the call set its own next date
the call's own next action      its date, at 09:00 Shanghai time
==============================  =====================================================

A task is overdue from its due moment on (:func:`is_overdue`): the check in the app is still
open 23 h 59 m after the call and overdue at 24 h.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from core.calls import Call, Channel, FollowUpTask, Outcome, TaskKind
from core.errors import CoreError
from core.rules.adherence import AgreedPlan, plan_dues
from core.rules.escalation import LADDER, EscalationStep
from core.rules.templates import format_datetime, render
from core.rules.timing import at_local, local_date, require_aware
from core.text import check_language, format_date, format_money


def _negotiation_wait() -> timedelta:
    """How long the escalation ladder waits for an answer to a negotiation."""
    wait = next(rung.wait for rung in LADDER if rung.step is EscalationStep.NEGOTIATE)
    if wait is None:
        raise RuntimeError("the escalation ladder's negotiation step must wait for an answer")
    return wait


CHECK_WITHIN = timedelta(hours=24)
CONFIRM_WITHIN = timedelta(hours=2)
RETRY_AFTER = next(rung.delay for rung in LADDER if rung.step is EscalationStep.RETRY)
NO_ANSWER_RETRY_AFTER = timedelta(days=1)
CALL_BACK_WAIT = _negotiation_wait()
REMIND_DAYS = 3
REMINDER_CLOCK = time(9, 0)
MAX_TITLE_LENGTH = 500


def follow_up_tasks(
    call: Call,
    plan: AgreedPlan | None,
    now: datetime,
    *,
    language: str = "zh-CN",
    remind_days: int = REMIND_DAYS,
    reminder_clock: time = REMINDER_CLOCK,
) -> list[FollowUpTask]:
    """The tasks ``call`` gives rise to, in order of due time (see the module docstring).

    ``plan`` is the plan agreed with the lender (a plan, schedule or evaluated proposal);
    every one of its due dates from today on gets a reminder.
    """
    require_aware(now, "now")
    check_language(language)
    if call.at > now:
        raise CoreError("call", f"the call at {call.at.isoformat()} is after now", code="future")
    if remind_days < 0:
        raise CoreError("remind_days", f"must not be negative, got {remind_days}")
    lender = call.lender
    tasks: list[FollowUpTask] = []

    def add(kind: TaskKind, due: datetime, title: str) -> None:
        if len(title) > MAX_TITLE_LENGTH:
            title = title[: MAX_TITLE_LENGTH - 1] + "…"
        tasks.append(
            FollowUpTask(
                client_id=call.client_id,
                source_call_id=call.id,
                kind=kind,
                due=due,
                title=title,
            )
        )

    def add_with_deadline(kind: TaskKind, wait: timedelta, code: str) -> None:
        # The title names the deadline and the call it follows.
        by = call.at + wait
        when = format_datetime(call.at, language)
        add(
            kind,
            by,
            render(code, language, lender=lender, by=format_datetime(by, language), when=when),
        )

    if call.outcome in {Outcome.AGREED, Outcome.PARTLY_AGREED}:
        if call.channel is Channel.PHONE:
            add(
                TaskKind.REQUEST_WRITTEN_CONFIRMATION,
                call.at + CONFIRM_WITHIN,
                render("followup.request_written_confirmation", language, lender=lender),
            )
        add_with_deadline(TaskKind.CHECK_PLAN_IN_APP, CHECK_WITHIN, "followup.check_plan_in_app")
    elif call.outcome is Outcome.REFUSED:
        add(
            TaskKind.RETRY_NEGOTIATION,
            call.at + RETRY_AFTER,
            render("followup.retry_negotiation", language, lender=lender),
        )
    elif call.outcome is Outcome.CALL_BACK and not call.next_action_on:
        add_with_deadline(TaskKind.RETRY_NEGOTIATION, CALL_BACK_WAIT, "followup.awaiting_call_back")
    elif call.outcome is Outcome.NO_ANSWER and not call.next_action_on:
        add(
            TaskKind.RETRY_NEGOTIATION,
            call.at + NO_ANSWER_RETRY_AFTER,
            render("followup.try_again_no_answer", language, lender=lender),
        )

    if call.next_action and call.next_action_on:
        add(
            TaskKind.CUSTOM,
            at_local(call.next_action_on, reminder_clock),
            render("followup.next_action", language, action=call.next_action),
        )

    if plan is not None:
        today = local_date(now)
        for due in plan_dues(plan):
            if due.due_date < today:
                continue
            remind_at = at_local(due.due_date - timedelta(days=remind_days), reminder_clock)
            add(
                TaskKind.INSTALLMENT_REMINDER,
                max(remind_at, now),
                render(
                    "followup.installment_reminder",
                    language,
                    number=str(due.number),
                    amount=format_money(due.amount),
                    due=format_date(due.due_date, language),
                    lender=lender,
                ),
            )
    return sorted(tasks, key=lambda task: task.due)


def is_overdue(task: FollowUpTask, now: datetime) -> bool:
    """An open task whose due moment has come."""
    require_aware(now, "now")
    return not task.done and now >= task.due
