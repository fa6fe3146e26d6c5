"""Points in time for the call rules: always timezone-aware, read on the Shanghai clock.

A rule never reads the clock; the caller passes ``now``. A naive ``datetime`` is ambiguous
(it could be UTC or Beijing time, eight hours apart), so it is refused with an error that
names the field. Calendar days (a due date, "the day of the call") are read in
``Asia/Shanghai``, where the lenders' systems and the client live.
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from core.errors import CoreError

LOCAL_TZ = ZoneInfo("Asia/Shanghai")


def require_aware(value: datetime, field: str) -> datetime:
    """``value`` itself when it is a timezone-aware ``datetime``; otherwise a ``CoreError``."""
    if not isinstance(value, datetime):
        raise CoreError(field, f"expected a datetime, got {type(value).__name__}", code="invalid")
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise CoreError(
            field,
            "must be timezone-aware (e.g. tzinfo=ZoneInfo('Asia/Shanghai')), got a naive datetime",
            code="naive_datetime",
        )
    return value


def local(value: datetime) -> datetime:
    """The same instant on the Shanghai clock."""
    return value.astimezone(LOCAL_TZ)


def local_date(value: datetime) -> date:
    """The calendar day in Shanghai of an aware ``datetime``."""
    return local(value).date()


def at_local(day: date, clock: time) -> datetime:
    """``day`` at ``clock`` o'clock, Shanghai time."""
    return datetime.combine(day, clock, tzinfo=LOCAL_TZ)
