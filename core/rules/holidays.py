"""The public holiday calendar legal deadlines are counted with.

A period whose last day is a statutory holiday ends on the first working day after it
(:func:`core.rules.legal.roll_forward`), and China's holidays move every year: the State Council
publishes each year's schedule (国务院办公厅关于××年部分节假日安排的通知) in the autumn before,
with the make-up working days (调休上班) on weekends. Core ships no calendar — a wrong day
would move a legal deadline the wrong way — so a workspace enters the schedule as published
and :class:`HolidayCalendar` keeps it, with the years it covers: a deadline in a year not
entered is flagged (:meth:`HolidayCalendar.covers`) instead of silently trusted.

The text a person types (:func:`parse_days`) is one day or one range per line (or separated by
commas, semicolons or spaces): ``2026-10-01``, ``2026/10/1``, ``2026-10-01..2026-10-07`` or
``2026-10-01~2026-10-07`` (both ends included). Mistakes are named with the line they are on.

>>> days = parse_days("2026-10-01..2026-10-03\\n2026-01-01")
>>> [d.isoformat() for d in days]
['2026-01-01', '2026-10-01', '2026-10-02', '2026-10-03']
>>> calendar = HolidayCalendar(holidays=days, working_days=parse_days("2026-10-10"))
>>> calendar.years
(2026,)
>>> calendar.covers(date(2027, 1, 1))
False
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from core.errors import CoreError

__all__ = [
    "FIRST_YEAR",
    "LAST_YEAR",
    "MAX_DAYS",
    "MAX_SOURCE_LENGTH",
    "HolidayCalendar",
    "HolidayError",
    "format_days",
    "parse_days",
]

FIRST_YEAR = 2000
LAST_YEAR = 2100
#: Days in one list (about 30 holidays a year: a dozen years at once is plenty).
MAX_DAYS = 400
#: Where the schedule came from (the notice's title or link).
MAX_SOURCE_LENGTH = 200
#: The longest range one line may span (the longest holiday, Spring Festival, is 9 days).
MAX_RANGE_DAYS = 31

_SEPARATORS = re.compile(r"[\s,;，；、]+")
_RANGE = re.compile(r"^(?P<start>[^~]+?)(?:\.\.|~|～|至)(?P<end>.+)$")
_DAY = re.compile(r"^(?P<y>\d{4})[-/.年](?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})日?$")


class HolidayError(CoreError):
    """A day list that cannot be read or a calendar that contradicts itself.

    ``code``: ``holiday_day`` (not a date: ``line`` and ``text``), ``holiday_range`` (an end
    before its start or a range over :data:`MAX_RANGE_DAYS`), ``holiday_year`` (outside
    :data:`FIRST_YEAR`–:data:`LAST_YEAR`), ``holiday_count`` (over :data:`MAX_DAYS`),
    ``holiday_both`` (a day both a holiday and a working day: ``day``), ``holiday_weekday``
    (a make-up working day that is not a Saturday or Sunday: ``day``).
    """


def _day(text: str, line: int, field: str) -> date:
    match = _DAY.match(text)
    if match is None:
        raise HolidayError(
            field,
            f"line {line}: not a date: {text!r}",
            code="holiday_day",
            params={"line": line, "text": text},
        )
    try:
        day = date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        raise HolidayError(
            field,
            f"line {line}: no such day: {text!r}",
            code="holiday_day",
            params={"line": line, "text": text},
        ) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise HolidayError(
            field,
            f"line {line}: {day} is outside {FIRST_YEAR}–{LAST_YEAR}",
            code="holiday_year",
            params={"line": line, "text": text},
        )
    return day


def parse_days(text: str, field: str = "holidays") -> tuple[date, ...]:
    """The days ``text`` lists (see the module docstring), sorted, each once; a mistake names
    ``field`` (``holidays`` or ``working_days``)."""
    found: set[date] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        for item in _SEPARATORS.split(line.strip()):
            if not item:
                continue
            ranged = _RANGE.match(item)
            if ranged is None:
                found.add(_day(item, number, field))
                continue
            start, end = _day(ranged["start"], number, field), _day(ranged["end"], number, field)
            span = (end - start).days
            if span < 0 or span >= MAX_RANGE_DAYS:
                raise HolidayError(
                    field,
                    f"line {number}: {item!r} is not a range of 1 to {MAX_RANGE_DAYS} days",
                    code="holiday_range",
                    params={"line": number, "text": item},
                )
            found.update(start + timedelta(days=i) for i in range(span + 1))
        if len(found) > MAX_DAYS:
            break
    if len(found) > MAX_DAYS:
        raise HolidayError(
            field,
            f"more than {MAX_DAYS} days",
            code="holiday_count",
            params={"most": MAX_DAYS},
        )
    return tuple(sorted(found))


def format_days(days: tuple[date, ...] | frozenset[date]) -> str:
    """``days`` as :func:`parse_days` reads them back: consecutive days as one range a line.

    >>> format_days((date(2026, 10, 1), date(2026, 10, 2), date(2026, 10, 10)))
    '2026-10-01..2026-10-02\\n2026-10-10'
    """
    lines: list[str] = []
    ordered = sorted(days)
    start = 0
    for index in range(1, len(ordered) + 1):
        if index < len(ordered) and (ordered[index] - ordered[index - 1]).days == 1:
            continue
        first, last = ordered[start], ordered[index - 1]
        lines.append(first.isoformat() if first == last else f"{first}..{last}")
        start = index
    return "\n".join(lines)


class HolidayCalendar(BaseModel):
    """The public holidays and make-up working days entered, and where they came from.

    ``years``: the years with at least one entered day — the years the calendar covers.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    holidays: frozenset[date] = frozenset()
    working_days: frozenset[date] = frozenset()
    source: str = Field(default="", max_length=MAX_SOURCE_LENGTH)

    @field_validator("holidays", "working_days")
    @classmethod
    def _in_range(cls, days: frozenset[date]) -> frozenset[date]:
        if len(days) > MAX_DAYS:
            raise HolidayError(
                "holidays",
                f"more than {MAX_DAYS} days",
                code="holiday_count",
                params={"most": MAX_DAYS},
            )
        for day in days:
            if not FIRST_YEAR <= day.year <= LAST_YEAR:
                raise HolidayError(
                    "holidays",
                    f"{day} is outside {FIRST_YEAR}–{LAST_YEAR}",
                    code="holiday_year",
                    params={"line": 0, "text": day.isoformat()},
                )
        return days

    @model_validator(mode="after")
    def _consistent(self) -> HolidayCalendar:
        both = sorted(self.holidays & self.working_days)
        if both:
            raise HolidayError(
                "working_days",
                f"{both[0]} is both a holiday and a working day",
                code="holiday_both",
                params={"day": both[0].isoformat()},
            )
        weekday = sorted(day for day in self.working_days if day.weekday() < 5)
        if weekday:
            raise HolidayError(
                "working_days",
                f"{weekday[0]} is a weekday: a make-up working day is a Saturday or Sunday",
                code="holiday_weekday",
                params={"day": weekday[0].isoformat()},
            )
        return self

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted({day.year for day in self.holidays | self.working_days}))

    def covers(self, day: date) -> bool:
        """Whether the schedule of ``day``'s year was entered."""
        return day.year in self.years
