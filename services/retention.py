"""Retention: how long a client's records are kept after their last activity, and erasing the
clients past it.

The period is a workspace setting (``retention_years``: :data:`DEFAULT_YEARS` until someone
saves another, from :data:`MIN_YEARS` to :data:`MAX_YEARS`). A client is **past retention** on
a day when that many years have gone by since their last activity (what counts as activity:
:mod:`store.retention`): last active on 2023-03-01, kept 3 years, past it from 2026-03-01 on
(a 29 February counts to the 28th). The day is the caller's ``as_of``: nothing here reads a
clock.

Purging erases every row of each client (as deleting them does) and leaves one line in the
audit trail, in the same unit of work: the action ``client.purged``, an anonymous subject
(``client:anon-`` and a random token, which nothing can turn back into the person) and as
detail only the month of the last activity, the retention period and how many rows each table
held. Each client is purged only at the version that was shown
(:class:`~services.errors.ChangedElsewhereError` otherwise) and only if still past retention
when purged (:class:`NotPastRetentionError`, unless ``force``, which only the command line
offers). Several clients are purged all together or not at all. A client no longer there
(purged by a double click, or deleted meanwhile) is reported as gone: nothing is erased or
written for them twice.

>>> cutoff(date(2026, 3, 1), 3), cutoff(date(2027, 2, 28), 3)
(datetime.date(2023, 3, 1), datetime.date(2024, 2, 29))
>>> kept_until(date(2024, 2, 29), 3)
datetime.date(2027, 2, 28)
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from core.access import Permission
from core.clients import MaskKind, mask
from services import access
from services._work import unit
from services.actor import Actor, check, require
from services.errors import ChangedElsewhereError, InvalidDataError, StaleRecordError, StoreError
from services.workspace import Workspace
from store.retention import ClientActivity

__all__ = [
    "DEFAULT_YEARS",
    "MAX_YEARS",
    "MIN_YEARS",
    "PURGED",
    "SETTING_KEY",
    "ClientRetention",
    "NotPastRetentionError",
    "PurgeResult",
    "Purged",
    "RetentionSetting",
    "cutoff",
    "due",
    "kept_until",
    "purge",
    "save_years",
    "setting",
    "status",
]

SETTING_KEY = "retention_years"
DEFAULT_YEARS = 3
MIN_YEARS, MAX_YEARS = 1, 30
#: The audit action of a purge.
PURGED = "client.purged"
#: How the subject of a purge's audit line starts; a random token follows.
ANONYMOUS_PREFIX = "client:anon-"


@dataclass(frozen=True)
class RetentionSetting:
    years: int
    #: The saved version, to name when changing it (0: never saved, the default applies).
    version: int


@dataclass(frozen=True)
class ClientRetention:
    """A client as retention sees them: the version of their record as read, their masked
    name, the day of their last activity, the day they are past retention, and whether that
    day has come (on the ``as_of`` asked about)."""

    client_id: int
    version: int
    masked_name: str
    last_active_on: date
    kept_until: date
    past: bool


@dataclass(frozen=True)
class Purged:
    """What the audit line of one purge says."""

    subject: str
    last_activity: str
    rows: dict[str, int]


@dataclass(frozen=True)
class PurgeResult:
    purged: tuple[Purged, ...]
    #: Clients asked for that were no longer there: nothing was done for them.
    gone: tuple[int, ...]


class NotPastRetentionError(StoreError):
    """A client is not past retention (they were active since they were listed, or never were
    past it): nobody was purged."""

    code = "not_past_retention"

    def __init__(self, client_id: int, last_active_on: date, until: date) -> None:
        super().__init__(
            f"client {client_id} was last active on {last_active_on} and is kept until {until}"
        )
        self.client_id = client_id
        self.last_active_on = last_active_on
        self.kept_until = until


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


def kept_until(last_active_on: date, years: int) -> date:
    """The day a client last active on ``last_active_on`` is past a ``years`` retention."""
    return _add_years(last_active_on, years)


def cutoff(as_of: date, years: int) -> date:
    """The last day of activity that is past a ``years`` retention on ``as_of``."""
    day = _add_years(as_of, -years)
    while kept_until(day + timedelta(days=1), years) <= as_of:
        day += timedelta(days=1)
    return day


def check_years(years: object) -> int:
    if isinstance(years, bool) or not isinstance(years, int) or not MIN_YEARS <= years <= MAX_YEARS:
        raise InvalidDataError(
            SETTING_KEY,
            f"expected a whole number of years from {MIN_YEARS} to {MAX_YEARS}, got {years!r}",
            code="retention_years",
        )
    return years


def _read_setting(ws: Workspace) -> RetentionSetting:
    saved = ws.workspace_settings.get(SETTING_KEY)
    if saved is None:
        return RetentionSetting(DEFAULT_YEARS, 0)
    try:
        years = check_years(saved.value)
    except InvalidDataError:
        years = DEFAULT_YEARS  # a value this version cannot use: the default, until saved
    return RetentionSetting(years, saved.version)


def setting(ws: Workspace, actor: Actor) -> RetentionSetting:
    """The retention period (the default until one is saved)."""
    check(actor)
    return _read_setting(ws)


def save_years(ws: Workspace, actor: Actor, years: int, *, version: int) -> RetentionSetting:
    """Change the retention period; ``version`` is the one shown. A value out of range is an
    :class:`InvalidDataError` (code ``retention_years``); a period changed meanwhile a
    :class:`StaleRecordError`; without :attr:`Permission.MANAGE_SETTINGS`, a
    :class:`~services.errors.NotAllowedError`. Nothing is saved then."""
    require(actor, Permission.MANAGE_SETTINGS)
    years = check_years(years)
    with unit(ws, actor):
        saved = ws.workspace_settings.put(SETTING_KEY, years, version=version)
    return RetentionSetting(years, saved.version)


def _entry(item: ClientActivity, years: int, as_of: date) -> ClientRetention:
    until = kept_until(item.last_active_on, years)
    return ClientRetention(
        client_id=item.client_id,
        version=item.version,
        masked_name=mask(MaskKind.NAME, item.name),
        last_active_on=item.last_active_on,
        kept_until=until,
        past=until <= as_of,
    )


def due(
    ws: Workspace, actor: Actor, *, as_of: date, years: int | None = None
) -> list[ClientRetention]:
    """The clients past retention on ``as_of`` (with the saved period unless ``years`` is
    given) that the actor may see (a counselor: their own), the least recently active first."""
    caseload = access.caseload_of(actor)
    years = _read_setting(ws).years if years is None else check_years(years)
    inactive = ws.retention.activity(inactive_through=cutoff(as_of, years), caseload=caseload)
    return [_entry(item, years, as_of) for item in inactive]


def status(
    ws: Workspace, actor: Actor, client_ids: Iterable[int], *, as_of: date
) -> list[ClientRetention]:
    """The clients of ``client_ids`` that exist and the actor may see (a counselor: their
    own), past retention on ``as_of`` or not (with the saved period), the least recently
    active first."""
    caseload = access.caseload_of(actor)
    years = _read_setting(ws).years
    found = ws.retention.activity(client_ids=client_ids, caseload=caseload)
    return [_entry(item, years, as_of) for item in found]


def purge(
    ws: Workspace,
    actor: Actor,
    seen: Iterable[tuple[int, int]],
    *,
    as_of: date,
    force: bool = False,
) -> PurgeResult:
    """Erase each client of ``seen`` (``(client_id, version shown)`` pairs) and every record
    about them, each leaving one anonymous audit line; all of them or none.

    Refused — nothing erased — when a client was changed since it was shown
    (:class:`ChangedElsewhereError`) or is not past retention on ``as_of``
    (:class:`NotPastRetentionError`; ``force`` purges them all the same), or when the actor
    lacks :attr:`Permission.DELETE_ALL` (:class:`~services.errors.NotAllowedError`: in team
    mode purging is an administrator's). Clients no longer there are returned as ``gone``.
    """
    acting = require(actor, Permission.DELETE_ALL)
    wanted: dict[int, int] = {}
    for client_id, version in seen:
        for value, field in ((client_id, "client_id"), (version, "version")):
            if isinstance(value, bool) or not isinstance(value, int):
                raise InvalidDataError(field, f"expected a whole number, got {value!r}")
        wanted.setdefault(client_id, version)
    purged: list[Purged] = []
    gone: list[int] = []
    with unit(ws, acting):
        years = _read_setting(ws).years
        last_day = cutoff(as_of, years)
        ws.retention.lock(wanted)
        now = {item.client_id: item for item in ws.retention.activity(client_ids=wanted)}
        counts = ws.retention.row_counts(now)
        for client_id, version in wanted.items():
            current = now.get(client_id)
            if current is None:
                gone.append(client_id)
                continue
            if current.version != version:
                shown = ws.clients.get(client_id)
                raise ChangedElsewhereError("client", client_id, version, shown)
            if current.last_active_on > last_day and not force:
                raise NotPastRetentionError(
                    client_id, current.last_active_on, kept_until(current.last_active_on, years)
                )
            try:
                ws.clients.delete(client_id, version=version)
            except StaleRecordError:
                raise ChangedElsewhereError("client", client_id, version, None) from None
            detail: dict[str, Any] = {
                "last_activity": current.last_active_on.strftime("%Y-%m"),
                "retention_years": years,
                "forced": bool(force and current.last_active_on > last_day),
                "rows": dict(sorted(counts.get(client_id, {}).items())),
            }
            line = ws.audit.append(
                actor=acting.user_id,
                action=PURGED,
                subject=ANONYMOUS_PREFIX + secrets.token_hex(8),
                detail=detail,
            )
            purged.append(Purged(line.subject, detail["last_activity"], detail["rows"]))
    return PurgeResult(tuple(purged), tuple(gone))
