"""The agreed plan's due dates and the follow-up tasks as an ``.ics`` calendar file.

- One event per due date of the plan (rows on the same date are one payment), as an all-day
  event, and one timed event (30 minutes, ``TZID=Asia/Shanghai``) per follow-up task.
- Every event's ``UID`` is derived from the identity of what it stands for — the plan's key
  and the due date, or the task's id — with a name-based UUID (``uuid5``). Importing the file
  again therefore updates the events instead of adding copies; a changed amount or task
  title replaces the old one. A task not yet saved (no id) is identified by its call, kind
  and title.
- ``DTSTAMP`` is ``now``, passed in like everywhere else. Texts come from the template table
  in ``core.rules.templates``.
- The file names no one: the calendar is called "RepayTalk repayment plan" / "协商还款计划"
  (``privacy.calendar.name``, whoever the lender and the client), and every text a counselor
  typed — a task's title (the call's next action, ``回电 13912345678``) and notes, the lender's
  name — is scrubbed for the client (:func:`core.privacy.scrub` with
  :attr:`~core.privacy.Audience.CLIENT`): no phone, ID, card or contract number survives,
  and the names on the record (``known``: the client's, the contacts') are shortened.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

import icalendar

from core.calls import FollowUpTask
from core.privacy import Audience, Known, scrub
from core.rules.adherence import AgreedPlan, plan_dues
from core.rules.templates import check_language, format_money, render
from core.rules.timing import LOCAL_TZ, local, require_aware
from i18n import translate

#: Fixed namespace of RepayTalk's calendar UIDs; never change it, or re-imports duplicate.
UID_NAMESPACE = uuid.UUID("5d7c1f3e-2a4b-5c6d-8e9f-0a1b2c3d4e5f")
UID_DOMAIN = "repaytalk"
TASK_DURATION = timedelta(minutes=30)
PRODID = "-//RepayTalk//协商还款工作台//ZH"


def event_uid(identity: str) -> str:
    """A stable UID for a record identity such as ``"plan:42:due:2026-04-01"``."""
    return f"{uuid.uuid5(UID_NAMESPACE, identity)}@{UID_DOMAIN}"


def due_identity(plan_key: str | int, day: date) -> str:
    return f"plan:{plan_key}:due:{day.isoformat()}"


def task_identity(task: FollowUpTask) -> str:
    if task.id is not None:
        return f"task:{task.id}"
    return f"task:client:{task.client_id}:call:{task.source_call_id}:{task.kind}:{task.title}"


def plan_calendar(
    *,
    plan: AgreedPlan | None,
    plan_key: str | int,
    lender: str,
    tasks: Iterable[FollowUpTask] = (),
    now: datetime,
    language: str = "zh-CN",
    known: Known | None = None,
) -> icalendar.Calendar:
    """The calendar: the plan's due dates and the tasks (see the module docstring).

    ``plan_key`` identifies the agreed plan (e.g. the saved proposal's id); keep it the same
    between exports so that the UIDs stay the same. ``known`` is what the client's record holds
    (:meth:`core.privacy.Known.of`): its names and numbers are found in the texts even when
    shaped like nothing.
    """
    require_aware(now, "now")
    check_language(language)

    def text(value: str) -> str:
        return scrub(value, Audience.CLIENT, known)

    lender = text(lender)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", translate("privacy.calendar.name", language))
    calendar.add("x-wr-timezone", LOCAL_TZ.key)
    stamp = now.astimezone(UTC)  # RFC 5545: DTSTAMP is in UTC

    events: dict[str, icalendar.Event] = {}
    for due in plan_dues(plan) if plan is not None else []:
        params = {"lender": lender, "amount": format_money(due.amount), "number": str(due.number)}
        event = icalendar.Event()
        uid = event_uid(due_identity(plan_key, due.due_date))
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", due.due_date)
        event.add("dtend", due.due_date + timedelta(days=1))
        event.add("summary", render("calendar.due.summary", language, **params))
        event.add("description", render("calendar.due.description", language, **params))
        event.add("transp", "TRANSPARENT")
        events[uid] = event
    for task in tasks:
        event = icalendar.Event()
        uid = event_uid(task_identity(task))
        title = text(task.title)
        if task.done:
            title = render("calendar.task.done", language, title=title)
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", local(task.due))
        event.add("duration", TASK_DURATION)
        event.add("summary", title)
        if task.notes:
            event.add("description", text(task.notes))
        events[uid] = event  # the same record twice is one event
    for event in events.values():
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar


def plan_ics(
    *,
    plan: AgreedPlan | None,
    plan_key: str | int,
    lender: str,
    tasks: Iterable[FollowUpTask] = (),
    now: datetime,
    language: str = "zh-CN",
    known: Known | None = None,
) -> bytes:
    """The calendar of :func:`plan_calendar` as the bytes of an ``.ics`` file (UTF-8)."""
    calendar = plan_calendar(
        plan=plan,
        plan_key=plan_key,
        lender=lender,
        tasks=tasks,
        now=now,
        language=language,
        known=known,
    )
    return calendar.to_ical()
