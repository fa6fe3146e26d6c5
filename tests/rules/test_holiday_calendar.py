"""core.rules.holidays: the day lists a person types (days, ranges, separators), their mistakes
named with the line, the calendar's own consistency, the years it covers, and deadlines counted
with it (core.rules.legal)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from core.rules.holidays import (
    MAX_DAYS,
    HolidayCalendar,
    HolidayError,
    format_days,
    parse_days,
)
from core.rules.legal import DeadlineKind, LegalEvent, LegalStage, LegalStatus, deadlines


def test_days_ranges_and_separators_are_read_sorted_and_once():
    text = "2026-10-01..2026-10-03\n2026/1/1，2026年2月15日~2026-02-17; 2026-10-02\n\n  2026.05.01 "
    assert parse_days(text) == (
        date(2026, 1, 1),
        date(2026, 2, 15),
        date(2026, 2, 16),
        date(2026, 2, 17),
        date(2026, 5, 1),
        date(2026, 10, 1),
        date(2026, 10, 2),
        date(2026, 10, 3),
    )
    assert parse_days("") == parse_days(" \n ,") == ()


@pytest.mark.parametrize(
    ("text", "code", "params"),
    [
        ("2026-10-01\n2026-13-01", "holiday_day", {"line": 2, "text": "2026-13-01"}),
        ("2026-02-30", "holiday_day", {"line": 1, "text": "2026-02-30"}),
        ("十月一日", "holiday_day", {"line": 1, "text": "十月一日"}),
        (
            "\n\n2026-10-07..2026-10-01",
            "holiday_range",
            {"line": 3, "text": "2026-10-07..2026-10-01"},
        ),
        ("2026-01-01..2026-02-01", "holiday_range", {"line": 1, "text": "2026-01-01..2026-02-01"}),
        ("1999-12-31", "holiday_year", {"line": 1, "text": "1999-12-31"}),
    ],
)
def test_a_mistake_is_named_with_its_line(text, code, params):
    with pytest.raises(HolidayError) as caught:
        parse_days(text)
    assert (caught.value.code, caught.value.params) == (code, params)


def test_a_range_of_31_days_is_the_longest_and_too_many_days_are_refused():
    assert len(parse_days("2026-01-01..2026-01-31")) == 31
    many = "\n".join(f"{year}-01-01..{year}-01-31" for year in range(2001, 2015))  # 434 days
    with pytest.raises(HolidayError) as caught:
        parse_days(many)
    assert (caught.value.code, caught.value.params) == ("holiday_count", {"most": MAX_DAYS})


@given(st.sets(st.dates(date(2000, 1, 1), date(2100, 12, 31)), max_size=60))
def test_the_written_form_reads_back_as_the_same_days(days):
    assert parse_days(format_days(frozenset(days))) == tuple(sorted(days))


def test_a_calendar_refuses_a_day_both_off_and_on_and_a_weekday_made_a_working_day():
    with pytest.raises(ValidationError, match="both a holiday and a working day"):
        HolidayCalendar(holidays={date(2026, 10, 10)}, working_days={date(2026, 10, 10)})
    with pytest.raises(ValidationError, match="is a weekday"):
        HolidayCalendar(working_days={date(2026, 10, 9)})  # a Friday
    calendar = HolidayCalendar(
        holidays=set(parse_days("2025-10-01..2025-10-08\n2026-10-01..2026-10-07")),
        working_days={date(2026, 10, 10)},  # a Saturday
        source="国务院办公厅通知",
    )
    assert calendar.years == (2025, 2026)
    assert calendar.covers(date(2026, 12, 31)) and not calendar.covers(date(2027, 1, 4))
    assert HolidayCalendar().years == ()


def test_deadlines_counted_with_the_calendar_move_past_holidays_but_not_make_up_days():
    calendar = HolidayCalendar(
        holidays=set(parse_days("2026-10-01..2026-10-07")), working_days={date(2026, 10, 10)}
    )

    def defence_due(served: date) -> tuple[date, date]:
        status = LegalStatus(
            events=(
                LegalEvent(stage=LegalStage.SUIT_FILED, on=date(2026, 9, 1)),
                LegalEvent(stage=LegalStage.SERVED, on=served),
            )
        )
        (deadline,) = [
            d
            for d in deadlines(
                status,
                as_of=served,
                holidays=calendar.holidays,
                working_days=calendar.working_days,
            )
            if d.kind is DeadlineKind.DEFENCE
        ]
        return deadline.nominal, deadline.due

    # 15 days from 16 Sep end on 1 Oct, a holiday: the first working day after is 8 Oct
    assert defence_due(date(2026, 9, 16)) == (date(2026, 10, 1), date(2026, 10, 8))
    # 15 days from 25 Sep end on Saturday 10 Oct, a make-up working day: it stays
    assert defence_due(date(2026, 9, 25)) == (date(2026, 10, 10), date(2026, 10, 10))
    # 15 days from 26 Sep end on Sunday 11 Oct: Monday 12 Oct
    assert defence_due(date(2026, 9, 26)) == (date(2026, 10, 11), date(2026, 10, 12))
