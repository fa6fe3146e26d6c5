"""The follow-ups a call leaves behind, with their deadlines.

After an agreement, the work is to make it stick. :func:`follow_up_tasks` derives from one
call, and :func:`installment_reminders` from the plan agreed with the lender:

==============================  =====================================================
task                            due
==============================  =====================================================
check the plan in the app       24 hours after the call (agreed or partly agreed)
ask for written confirmation    2 hours after the call, when the agreement was only
                                spoken (a phone call; a chat, email or letter is
                                already written)
a reminder before each payment  ``remind_days`` (3) days before each due date of the
(:func:`installment_reminders`) agreed plan, at 09:00 Shanghai time; at once when that
                                moment has passed but the payment is not yet due; none
                                for a due date already past (see ``core.rules.adherence``)
try again                       3 days after a refusal (the escalation ladder's retry
                                delay), at another time or with another agent; the
                                next day when nobody answered
chase a promised call-back      3 days after the call (the ladder's wait for an answer
                                to a negotiation), unless the call set its own next date
the call's own next action      its date, at 09:00 Shanghai time
==============================  =====================================================

A task is overdue from its due moment on (:func:`is_overdue`): the check in the app is still
open 23 h 59 m after the call and overdue at 24 h.

Reminders belong to the agreement, not to a call: whichever is recorded first, a plan has one
reminder per due date, keyed by the plan (the agreed proposal's id) and the due date.
:func:`reminder_changes` says what to add, rewrite and remove so that the saved reminders
match the plans agreed now — the same answer however often it is asked: an open reminder of a
plan no longer agreed (another one was, or it was deleted) goes, one done stays as history.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from pydantic import BaseModel, ConfigDict, Field

from core.calls import Call, Channel, FollowUpTask, Outcome, TaskKind
from core.errors import CoreError
from core.rules.adherence import AgreedPlan, Due, plan_dues
from core.rules.escalation import LADDER, EscalationStep
from core.rules.templates import format_datetime, render
from core.rules.timing import at_local, local_date, require_aware
from core.text import LANGUAGES, check_language, format_date, format_money


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
    now: datetime,
    *,
    language: str = "zh-CN",
    reminder_clock: time = REMINDER_CLOCK,
) -> list[FollowUpTask]:
    """The tasks ``call`` gives rise to, in order of due time (see the module docstring).

    Reminders before the installments of an agreed plan are not among them: they come with
    the agreement (:func:`installment_reminders`), whether it is recorded before or after.
    """
    require_aware(now, "now")
    check_language(language)
    if call.at > now:
        raise CoreError("call", f"the call at {call.at.isoformat()} is after now", code="future")
    lender = call.lender
    tasks: list[FollowUpTask] = []

    def add(kind: TaskKind, due: datetime, title: str) -> None:
        tasks.append(
            FollowUpTask(
                client_id=call.client_id,
                source_call_id=call.id,
                kind=kind,
                due=due,
                title=_short(title),
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

    return sorted(tasks, key=lambda task: task.due)


def _short(title: str) -> str:
    return title if len(title) <= MAX_TITLE_LENGTH else title[: MAX_TITLE_LENGTH - 1] + "…"


def _reminder_title(due: Due, lender: str, language: str) -> str:
    return _short(
        render(
            "followup.installment_reminder",
            language,
            number=str(due.number),
            amount=format_money(due.amount),
            due=format_date(due.due_date, language),
            lender=lender,
        )
    )


def installment_reminders(
    plan: AgreedPlan,
    now: datetime,
    *,
    proposal_id: int,
    client_id: int | None = None,
    lender: str,
    language: str = "zh-CN",
    remind_days: int = REMIND_DAYS,
    reminder_clock: time = REMINDER_CLOCK,
) -> list[FollowUpTask]:
    """One reminder before each due date of the agreed ``plan`` from today on, in date order.

    Each is keyed by the plan (``proposal_id``) and its due date (``installment_due_on``); it is
    due ``remind_days`` days before the due date at ``reminder_clock`` (Shanghai time), or at
    ``now`` when that moment has passed but the payment is not yet due.
    """
    require_aware(now, "now")
    check_language(language)
    if remind_days < 0:
        raise CoreError("remind_days", f"must not be negative, got {remind_days}")
    today = local_date(now)
    reminders = []
    for due in plan_dues(plan):
        if due.due_date < today:
            continue
        remind_at = at_local(due.due_date - timedelta(days=remind_days), reminder_clock)
        reminders.append(
            FollowUpTask(
                client_id=client_id,
                kind=TaskKind.INSTALLMENT_REMINDER,
                due=max(remind_at, now),
                title=_reminder_title(due, lender, language),
                proposal_id=proposal_id,
                installment_due_on=due.due_date,
            )
        )
    return reminders


class AgreedPlanToRemind(BaseModel):
    """A plan agreed with ``lender`` now: the agreed proposal's id and its plan."""

    model_config = ConfigDict(frozen=True)

    proposal_id: int
    plan: AgreedPlan
    lender: str


class ReminderChanges(BaseModel):
    """What to do to the saved reminders so that they match the plans agreed now."""

    model_config = ConfigDict(frozen=True)

    add: tuple[FollowUpTask, ...] = Field(default=())
    #: Saved reminders to save again as given (a title or due moment rewritten, or a reminder
    #: made before reminders were keyed now given its plan and due date).
    update: tuple[FollowUpTask, ...] = Field(default=())
    remove: tuple[FollowUpTask, ...] = Field(default=())

    @property
    def empty(self) -> bool:
        return not (self.add or self.update or self.remove)


def reminder_changes(
    saved: Iterable[FollowUpTask],
    agreed: Iterable[AgreedPlanToRemind],
    now: datetime,
    *,
    client_id: int | None = None,
    language: str = "zh-CN",
    remind_days: int = REMIND_DAYS,
    reminder_clock: time = REMINDER_CLOCK,
) -> ReminderChanges:
    """Bring the client's ``saved`` reminders in line with every plan ``agreed`` now.

    ``saved`` are the client's installment reminders; ``agreed`` every plan of the client
    agreed now (all of their debts). The rules, for a reminder keyed by plan and due date:

    - one that is done stays as it is (history), whatever became of its plan;
    - an open one goes when its plan is no longer agreed or no longer has that due date;
    - an open one of a due date still in the plan stays, even when the date has passed
      (the counselor has not done it); its title is rewritten only when the installment
      changed (its amount or the lender), not for being worded in the other language;
    - every due date from today on that has no reminder gets one — unless an unkeyed reminder
      of the client made before reminders were keyed has the same title (in either language):
      that one is given the key instead.

    Asked again with what it returned applied, it returns nothing to do.
    """
    require_aware(now, "now")
    check_language(language)
    plans = list(agreed)
    due_dates: dict[tuple[int, date], Due] = {}
    lenders: dict[int, str] = {}
    wanted: dict[tuple[int, date], FollowUpTask] = {}
    for item in plans:
        lenders[item.proposal_id] = item.lender
        for due in plan_dues(item.plan):
            due_dates[(item.proposal_id, due.due_date)] = due
        for reminder in installment_reminders(
            item.plan,
            now,
            proposal_id=item.proposal_id,
            client_id=client_id,
            lender=item.lender,
            language=language,
            remind_days=remind_days,
            reminder_clock=reminder_clock,
        ):
            key = reminder.plan_key
            if key is not None:
                wanted.setdefault(key, reminder)

    def titles(key: tuple[int, date]) -> set[str]:
        due = due_dates[key]
        return {_reminder_title(due, lenders[key[0]], lang) for lang in LANGUAGES}

    add: list[FollowUpTask] = []
    update: list[FollowUpTask] = []
    remove: list[FollowUpTask] = []
    keyed: set[tuple[int, date]] = set()
    unkeyed: list[FollowUpTask] = []
    for task in saved:
        if task.kind is not TaskKind.INSTALLMENT_REMINDER:
            continue
        key = task.plan_key
        if key is None:
            if task.installment_due_on is None and not task.done:
                unkeyed.append(task)  # made before reminders were keyed
            continue  # otherwise: its plan was deleted; kept as history
        keyed.add(key)  # the store keeps one reminder per plan and due date
        if task.done:
            continue
        if key not in due_dates:
            remove.append(task)
        elif key in wanted and task.title not in titles(key):
            fresh = wanted[key]
            update.append(task.model_copy(update={"title": fresh.title, "due": fresh.due}))
    for key, reminder in sorted(wanted.items(), key=lambda item: (item[1].due, item[0])):
        if key in keyed:
            continue
        names = titles(key)
        legacy = next((task for task in unkeyed if task.title in names), None)
        if legacy is not None:
            unkeyed.remove(legacy)
            update.append(
                legacy.model_copy(update={"proposal_id": key[0], "installment_due_on": key[1]})
            )
        else:
            add.append(reminder)
    return ReminderChanges(add=tuple(add), update=tuple(update), remove=tuple(remove))


def is_overdue(task: FollowUpTask, now: datetime) -> bool:
    """An open task whose due moment has come."""
    require_aware(now, "now")
    return not task.done and now >= task.due
