"""The case lifecycle (core.case_lifecycle): the steps allowed, the current stage from a dated
history, and whole months to agreement."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.case_lifecycle import (
    ALLOWED,
    OPEN_STAGES,
    CaseStage,
    CloseReason,
    StageChange,
    allowed_next,
    check_history,
    check_step,
    current_stage,
    months_to_agreement,
    opened_on,
    stage_on,
    whole_months,
)
from core.errors import CoreError

S = CaseStage


def at(stage: CaseStage, on: date, **fields) -> StageChange:
    if stage is S.CLOSED:
        fields.setdefault("reason", CloseReason.OTHER)
    return StageChange(stage=stage, on=on, **fields)


def test_a_case_without_steps_is_open_and_may_be_dated_or_moved_on():
    assert current_stage(()) is S.OPEN
    assert allowed_next(()) == (S.OPEN, S.ASSESSING, S.CLOSED)
    assert opened_on(()) is None and months_to_agreement(()) is None


@pytest.mark.parametrize(
    ("stage", "allowed"),
    [
        (S.OPEN, {S.ASSESSING, S.CLOSED}),
        (S.ASSESSING, {S.NEGOTIATING, S.CLOSED}),
        (S.NEGOTIATING, {S.AGREED, S.CLOSED}),
        (S.AGREED, {S.REPAYING, S.NEGOTIATING, S.CLOSED}),
        (S.REPAYING, {S.COMPLETED, S.NEGOTIATING, S.CLOSED}),
        (S.COMPLETED, set()),
        (S.CLOSED, {S.ASSESSING}),
    ],
)
def test_the_steps_allowed_from_each_stage(stage, allowed):
    assert ALLOWED[stage] == allowed


def test_every_open_stage_may_be_closed_and_only_those():
    assert {stage for stage in S if S.CLOSED in ALLOWED[stage]} == OPEN_STAGES


def test_the_whole_road_with_a_broken_agreement_a_closing_and_a_reopening():
    history = (
        at(S.OPEN, date(2026, 1, 15)),
        at(S.ASSESSING, date(2026, 1, 15)),
        at(S.NEGOTIATING, date(2026, 2, 1)),
        at(S.AGREED, date(2026, 3, 14)),
        at(S.REPAYING, date(2026, 4, 1)),
        at(S.NEGOTIATING, date(2026, 6, 1)),  # the plan broke
        at(S.CLOSED, date(2026, 7, 1), reason=CloseReason.CLIENT_UNREACHABLE),
        at(S.ASSESSING, date(2026, 9, 1)),  # reopened
    )
    assert check_history(history) == history
    assert current_stage(history) is S.ASSESSING
    assert months_to_agreement(history) == 1  # 15 Jan → 14 Mar: one whole month
    assert stage_on(history, date(2026, 1, 14)) is None
    assert stage_on(history, date(2026, 1, 15)) is S.ASSESSING
    assert stage_on(history, date(2026, 5, 31)) is S.REPAYING
    assert stage_on(history, date(2026, 8, 31)) is S.CLOSED


@pytest.mark.parametrize(
    ("history", "change", "code"),
    [
        ((), at(S.AGREED, date(2026, 1, 1)), "case_step"),
        ((at(S.OPEN, date(2026, 1, 1)),), at(S.OPEN, date(2026, 1, 2)), "case_step"),
        ((at(S.OPEN, date(2026, 1, 5)),), at(S.ASSESSING, date(2026, 1, 4)), "case_date"),
        (
            (at(S.OPEN, date(2026, 1, 1)), at(S.CLOSED, date(2026, 1, 2))),
            at(S.NEGOTIATING, date(2026, 1, 3)),
            "case_step",
        ),
    ],
)
def test_a_step_the_rules_do_not_allow_is_refused_with_its_code(history, change, code):
    with pytest.raises(CoreError) as caught:
        check_step(history, change)
    assert caught.value.code == code


def test_a_completed_case_stays_completed():
    history = (
        at(S.ASSESSING, date(2026, 1, 1)),
        at(S.NEGOTIATING, date(2026, 1, 2)),
        at(S.AGREED, date(2026, 1, 3)),
        at(S.REPAYING, date(2026, 1, 4)),
        at(S.COMPLETED, date(2027, 1, 4)),
    )
    assert allowed_next(history) == ()
    with pytest.raises(CoreError):
        check_step(history, at(S.CLOSED, date(2027, 2, 1)))


def test_closing_needs_a_reason_and_only_closing_has_one():
    with pytest.raises(ValueError, match="reason"):
        StageChange(stage=S.CLOSED, on=date(2026, 1, 1))
    with pytest.raises(ValueError, match="reason"):
        StageChange(stage=S.AGREED, on=date(2026, 1, 1), reason=CloseReason.OTHER)


def test_a_note_is_short():
    StageChange(stage=S.OPEN, on=date(2026, 1, 1), note="x" * 200)
    with pytest.raises(ValueError):
        StageChange(stage=S.OPEN, on=date(2026, 1, 1), note="x" * 201)


@pytest.mark.parametrize(
    ("start", "end", "months"),
    [
        (date(2026, 1, 15), date(2026, 1, 15), 0),
        (date(2026, 1, 15), date(2026, 2, 14), 0),
        (date(2026, 1, 15), date(2026, 2, 15), 1),
        (date(2026, 1, 31), date(2026, 2, 28), 1),  # the month's last day completes it
        (date(2024, 1, 31), date(2024, 2, 28), 0),  # 2024 has a 29 February
        (date(2024, 1, 31), date(2024, 2, 29), 1),
        (date(2025, 11, 30), date(2026, 11, 29), 11),
        (date(2025, 11, 30), date(2026, 11, 30), 12),
        (date(2026, 3, 1), date(2026, 1, 1), 0),
    ],
)
def test_whole_months_known_answers(start, end, months):
    assert whole_months(start, end) == months


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 1, 1)), st.integers(0, 400))
def test_whole_months_never_goes_backwards_as_the_end_moves_on(start, days):
    end = start + timedelta(days=days)
    assert whole_months(start, end) <= whole_months(start, end + timedelta(days=1))
    assert whole_months(start, end) * 28 <= days


@given(st.lists(st.sampled_from(list(S)), max_size=12), st.integers(0, 3))
def test_a_history_built_from_allowed_steps_is_accepted_and_ends_where_it_went(wanted, gap):
    history: list[StageChange] = []
    day = date(2026, 1, 1)
    for stage in wanted:
        if stage not in allowed_next(history):
            continue
        history.append(at(stage, day))
        day += timedelta(days=gap)
    assert check_history(history) == tuple(history)
    assert current_stage(history) is (history[-1].stage if history else S.OPEN)
