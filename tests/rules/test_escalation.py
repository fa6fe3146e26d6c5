"""The escalation ladder: which step comes next, when, and where the regulator step goes."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from core.calls import Call, Channel, Direction, Outcome
from core.debts import LenderType
from core.errors import CoreError
from core.rules.escalation import (
    LADDER,
    Attempt,
    AttemptOutcome,
    EscalationStep,
    RegulatorRoute,
    attempts_from_calls,
    next_escalation,
    regulator_route,
)
from core.rules.templates import TEMPLATES

SH = ZoneInfo("Asia/Shanghai")
T0 = datetime(2026, 3, 2, 10, 0, tzinfo=SH)
MINUTE = timedelta(minutes=1)
S = EscalationStep
FAILED, PENDING, RESOLVED = AttemptOutcome.FAILED, AttemptOutcome.PENDING, AttemptOutcome.RESOLVED


def attempt(step, outcome, at=T0, extended=False):
    return Attempt(step=step, at=at, outcome=outcome, extended=extended)


def test_the_ladder_is_in_order_with_its_waiting_times():
    assert [(r.step, r.delay.days, r.wait and r.wait.days) for r in LADDER] == [
        (S.NEGOTIATE, 0, 3),
        (S.RETRY, 3, 3),
        (S.WRITTEN_REQUEST, 0, 7),
        (S.FORMAL_COMPLAINT, 0, 15),
        (S.PUBLIC_CHANNEL, 0, 7),
        (S.REGULATOR, 0, None),
    ]
    assert LADDER[3].extended_wait == timedelta(days=30)


def test_with_no_history_the_first_step_is_to_negotiate():
    step = next_escalation([], LenderType.BANK_LOAN, T0)
    assert (step.step, step.due_now, step.not_before) == (S.NEGOTIATE, True, T0)
    assert step.reason.code == "escalation.reason.start"


@pytest.mark.parametrize(
    ("failed", "expected"),
    [
        (S.NEGOTIATE, S.RETRY),
        (S.RETRY, S.WRITTEN_REQUEST),
        (S.WRITTEN_REQUEST, S.FORMAL_COMPLAINT),
        (S.FORMAL_COMPLAINT, S.PUBLIC_CHANNEL),
        (S.PUBLIC_CHANNEL, S.REGULATOR),
    ],
)
def test_a_failed_step_moves_one_rung_up(failed, expected):
    now = T0 + timedelta(days=3)
    step = next_escalation([attempt(failed, FAILED)], LenderType.BANK_LOAN, now)
    assert step.step is expected
    assert step.due_now
    assert step.reason.code == "escalation.reason.failed"


@pytest.mark.parametrize(
    ("after", "due_now"),
    [(timedelta(0), False), (timedelta(days=3) - MINUTE, False), (timedelta(days=3), True)],
)
def test_a_retry_waits_three_days_after_a_refusal(after, due_now):
    step = next_escalation([attempt(S.NEGOTIATE, FAILED)], LenderType.BANK_LOAN, T0 + after)
    assert step.step is S.RETRY
    assert step.not_before == T0 + timedelta(days=3)
    assert step.due_now is due_now


@pytest.mark.parametrize(
    ("pending", "extended", "days", "expected"),
    [
        (S.NEGOTIATE, False, 3, S.RETRY),
        (S.RETRY, False, 3, S.WRITTEN_REQUEST),
        (S.WRITTEN_REQUEST, False, 7, S.FORMAL_COMPLAINT),
        (S.FORMAL_COMPLAINT, False, 15, S.PUBLIC_CHANNEL),
        (S.FORMAL_COMPLAINT, True, 30, S.PUBLIC_CHANNEL),
        (S.PUBLIC_CHANNEL, False, 7, S.REGULATOR),
    ],
)
def test_a_pending_step_moves_up_exactly_when_its_waiting_time_has_passed(
    pending, extended, days, expected
):
    history = [attempt(pending, PENDING, extended=extended)]
    deadline = T0 + timedelta(days=days)

    waiting = next_escalation(history, LenderType.CONSUMER_FINANCE, deadline - MINUTE)
    assert (waiting.step, waiting.due_now, waiting.not_before) == (expected, False, deadline)
    assert waiting.reason.code == "escalation.reason.waiting"

    moved = next_escalation(history, LenderType.CONSUMER_FINANCE, deadline)
    assert (moved.step, moved.due_now) == (expected, True)
    assert moved.reason.code == "escalation.reason.timed_out"
    assert moved.reason.params["days"] == str(days)


def test_an_extended_complaint_is_still_waiting_after_fifteen_days():
    history = [attempt(S.FORMAL_COMPLAINT, PENDING, extended=True)]
    step = next_escalation(history, LenderType.BANK_LOAN, T0 + timedelta(days=20))
    assert not step.due_now
    assert step.not_before == T0 + timedelta(days=30)


def test_the_regulator_is_the_top_of_the_ladder():
    for outcome in (FAILED, PENDING):
        step = next_escalation([attempt(S.REGULATOR, outcome)], "microloan", T0 + MINUTE)
        assert step.step is S.REGULATOR
        assert step.reason.code == "escalation.reason.top"


def test_a_history_with_gaps_moves_up_from_the_highest_step_taken():
    # Refused on the phone, then straight to a formal complaint (no written request), which
    # went unanswered for 15 days; a later failed retry does not pull the ladder back down.
    history = [
        attempt(S.NEGOTIATE, FAILED, T0),
        attempt(S.FORMAL_COMPLAINT, PENDING, T0 + timedelta(days=1)),
        attempt(S.RETRY, FAILED, T0 + timedelta(days=5)),
    ]
    now = T0 + timedelta(days=40)  # a long silence since
    step = next_escalation(list(reversed(history)), LenderType.BANK_CREDIT_CARD, now)
    assert step.step is S.PUBLIC_CHANNEL
    assert step.not_before == T0 + timedelta(days=16)
    assert step.due_now


def test_an_agreement_ends_the_escalation():
    history = [attempt(S.NEGOTIATE, FAILED), attempt(S.RETRY, RESOLVED, T0 + timedelta(days=3))]
    step = next_escalation(history, LenderType.BANK_LOAN, T0 + timedelta(days=30))
    assert step.step is S.RESOLVED
    assert step.reason.code == "escalation.reason.resolved"


def test_a_failure_after_an_agreement_starts_from_that_failure_only():
    history = [
        attempt(S.FORMAL_COMPLAINT, FAILED, T0),
        attempt(S.PUBLIC_CHANNEL, RESOLVED, T0 + timedelta(days=1)),
        attempt(S.NEGOTIATE, FAILED, T0 + timedelta(days=60)),
    ]
    step = next_escalation(history, LenderType.BANK_LOAN, T0 + timedelta(days=61))
    assert step.step is S.RETRY
    assert step.not_before == T0 + timedelta(days=63)


@pytest.mark.parametrize(
    ("lender_type", "licence", "credit_report", "route"),
    [
        (LenderType.BANK_CREDIT_CARD, None, False, RegulatorRoute.NFRA_12378),
        (LenderType.BANK_LOAN, None, False, RegulatorRoute.NFRA_12378),
        (LenderType.CONSUMER_FINANCE, None, False, RegulatorRoute.NFRA_12378),
        (LenderType.MICROLOAN, None, False, RegulatorRoute.LOCAL_REGULATOR),
        (LenderType.ONLINE_PLATFORM, None, False, RegulatorRoute.BY_LICENCE),
        (LenderType.ONLINE_PLATFORM, LenderType.MICROLOAN, False, RegulatorRoute.LOCAL_REGULATOR),
        (LenderType.ONLINE_PLATFORM, "consumer_finance", False, RegulatorRoute.NFRA_12378),
        (LenderType.ONLINE_PLATFORM, LenderType.OTHER, False, RegulatorRoute.BY_LICENCE),
        (LenderType.OTHER, None, False, RegulatorRoute.BY_LICENCE),
        (LenderType.MICROLOAN, None, True, RegulatorRoute.PBOC_12363),
        (LenderType.BANK_CREDIT_CARD, None, True, RegulatorRoute.PBOC_12363),
    ],
)
def test_the_regulator_depends_on_the_licence(lender_type, licence, credit_report, route):
    assert regulator_route(lender_type, licence=licence, credit_report=credit_report) is route


def test_a_licensed_lender_keeps_its_own_regulator_whatever_licence_is_passed():
    assert regulator_route("bank_loan", licence="microloan") is RegulatorRoute.NFRA_12378


@pytest.mark.parametrize(
    ("lender_type", "number"),
    [("bank_credit_card", "12378"), ("consumer_finance", "12378"), ("microloan", "地方金融")],
)
def test_the_regulator_step_names_the_channel(lender_type, number):
    step = next_escalation([attempt(S.PUBLIC_CHANNEL, FAILED)], lender_type, T0 + MINUTE)
    assert step.step is S.REGULATOR
    assert number in step.text


def test_a_credit_report_dispute_goes_to_12363():
    history = [attempt(S.PUBLIC_CHANNEL, FAILED)]
    step = next_escalation(history, "bank_loan", T0, credit_report=True, language="en")
    assert step.route is RegulatorRoute.PBOC_12363
    assert "12363" in step.text


@pytest.mark.parametrize("language", ["zh-CN", "en"])
def test_each_step_is_worded_with_its_figures(language):
    history = [attempt(S.RETRY, FAILED)]
    step = next_escalation(history, "bank_loan", T0, language=language)
    assert step.text == TEMPLATES["escalation.step.written_request"][language].format(wait_days=7)
    complaint = next_escalation([attempt(S.WRITTEN_REQUEST, FAILED)], "bank_loan", T0)
    assert "15" in complaint.text and "30" in complaint.text


def test_the_reason_names_the_failed_step_and_its_time():
    step = next_escalation([attempt(S.NEGOTIATE, FAILED)], "bank_loan", T0, language="en")
    assert step.reason.text == "The negotiation call on 2 Mar 2026, 10:00 did not succeed."
    assert (
        "2026年3月5日 10:00"
        in next_escalation([attempt(S.NEGOTIATE, FAILED)], "bank_loan", T0).text
    )


def test_a_naive_now_is_refused():
    with pytest.raises(CoreError) as error:
        next_escalation([], "bank_loan", datetime(2026, 3, 2, 10, 0))
    assert error.value.field == "now"


def test_an_attempt_after_now_is_refused():
    with pytest.raises(CoreError) as error:
        next_escalation([attempt(S.NEGOTIATE, FAILED, T0 + MINUTE)], "bank_loan", T0)
    assert error.value.field == "history"


def test_an_unknown_lender_type_is_refused():
    with pytest.raises(CoreError) as error:
        next_escalation([], "pawnshop", T0)
    assert error.value.field == "lender_type"


def call(at, channel, outcome, direction=Direction.OUTGOING):
    return Call(
        at=at, channel=channel, direction=direction, lender="来分期", summary="s", outcome=outcome
    )


def test_the_call_log_reads_as_an_escalation_history():
    day = timedelta(days=1)
    calls = [
        call(T0 + 5 * day, Channel.EMAIL, Outcome.CALL_BACK),
        call(T0, Channel.PHONE, Outcome.REFUSED),
        call(T0 + day, Channel.PHONE, Outcome.NO_ANSWER),
        call(T0 + 2 * day, Channel.PHONE, Outcome.REFUSED, Direction.INCOMING),
        call(T0 + 3 * day, Channel.IN_APP_CHAT, Outcome.PARTLY_AGREED),
        call(T0 + 20 * day, Channel.REGULATOR, Outcome.CALL_BACK),
    ]
    assert [(a.step, a.outcome, a.at) for a in attempts_from_calls(calls)] == [
        (S.NEGOTIATE, FAILED, T0),
        (S.RETRY, FAILED, T0 + 3 * day),
        (S.WRITTEN_REQUEST, PENDING, T0 + 5 * day),
        (S.REGULATOR, PENDING, T0 + 20 * day),
    ]


def test_after_an_agreement_the_next_call_is_a_new_negotiation():
    calls = [
        call(T0, Channel.PHONE, Outcome.AGREED),
        call(T0 + timedelta(days=40), Channel.PHONE, Outcome.REFUSED),
    ]
    assert [a.step for a in attempts_from_calls(calls)] == [S.NEGOTIATE, S.NEGOTIATE]
