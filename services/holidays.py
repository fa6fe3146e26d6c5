"""The workspace's public holiday calendar (:mod:`core.rules.holidays`): read it, and save it
at the version shown.

Legal deadlines (:mod:`services.legal`) are counted with it: a deadline ending on an entered
public holiday, or on a weekend not entered as a make-up working day, moves to the next working
day. It is one workspace setting (``public_holidays``), kept by a restore like the other
settings; saving needs :attr:`~core.access.Permission.MANAGE_SETTINGS` (anyone may read it),
is refused over a calendar changed meanwhile (:class:`StaleRecordError`), and is one line in the
audit trail (``holidays.saved``, with the years and the counts, not the days).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from core.access import Permission
from core.rules.holidays import HolidayCalendar, HolidayError
from services._work import unit
from services.actor import Actor, check, require
from services.workspace import Workspace

__all__ = ["SAVED", "SETTING_KEY", "SavedCalendar", "calendar", "save"]

SETTING_KEY = "public_holidays"
SAVED = "holidays.saved"


@dataclass(frozen=True)
class SavedCalendar:
    calendar: HolidayCalendar
    #: The saved version (0: never saved); name it when saving a change.
    version: int


def _to_value(calendar: HolidayCalendar) -> dict[str, Any]:
    return {
        "holidays": [day.isoformat() for day in sorted(calendar.holidays)],
        "working_days": [day.isoformat() for day in sorted(calendar.working_days)],
        "source": calendar.source,
    }


def _from_value(value: object) -> HolidayCalendar:
    if not isinstance(value, dict):
        raise TypeError(f"expected an object, got {type(value).__name__}")
    return HolidayCalendar(
        holidays=frozenset(date.fromisoformat(day) for day in value.get("holidays", [])),
        working_days=frozenset(date.fromisoformat(day) for day in value.get("working_days", [])),
        source=str(value.get("source", "")),
    )


def read(ws: Workspace) -> SavedCalendar:
    """The saved calendar without an access check, for the services that count deadlines."""
    saved = ws.workspace_settings.get(SETTING_KEY)
    if saved is None:
        return SavedCalendar(HolidayCalendar(), 0)
    try:
        return SavedCalendar(_from_value(saved.value), saved.version)
    except (TypeError, ValueError, AttributeError):
        # A value this version cannot read (written by hand or a later version): no holidays
        # until it is saved again; the Data page shows it empty, so nobody trusts it.
        return SavedCalendar(HolidayCalendar(), saved.version)


def calendar(ws: Workspace, actor: Actor) -> SavedCalendar:
    """The calendar as saved (empty until one is saved)."""
    check(actor)
    return read(ws)


def save(ws: Workspace, actor: Actor, calendar: HolidayCalendar, *, version: int) -> SavedCalendar:
    """Save ``calendar`` over the one shown at ``version``. Without
    :attr:`Permission.MANAGE_SETTINGS` a :class:`~services.errors.NotAllowedError`; changed
    meanwhile a :class:`~services.errors.StaleRecordError`; nothing is saved then. Saving the
    calendar as it is writes nothing."""
    require(actor, Permission.MANAGE_SETTINGS)
    if not isinstance(calendar, HolidayCalendar):  # pragma: no cover - a programming error
        raise HolidayError("calendar", "expected a HolidayCalendar", code="invalid")
    current = read(ws)
    if current.version == version and current.calendar == calendar:
        return current  # nothing changed: no new version, no audit line
    with unit(ws, actor):
        saved = ws.workspace_settings.put(SETTING_KEY, _to_value(calendar), version=version)
        ws.audit.append(
            actor=actor.user_id,
            action=SAVED,
            subject="workspace",
            detail={
                "years": list(calendar.years),
                "holidays": len(calendar.holidays),
                "working_days": len(calendar.working_days),
            },
        )
    return SavedCalendar(calendar, saved.version)
