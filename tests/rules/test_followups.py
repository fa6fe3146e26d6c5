"""Follow-up tasks after a call: what, and due when."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from core.calls import Call, Channel, Outcome, TaskKind
from core.debts import Debt
from core.errors import CoreError
from core.plans import Plan
from core.proposals import TermExtension, evaluate_proposal
from core.rules.followups import follow_up_tasks, installment_reminders, is_overdue
from tests.plan_rows import principal_row

SH = ZoneInfo("Asia/Shanghai")
CALL_AT = datetime(2026, 3, 1, 14, 30, tzinfo=SH)
D = Decimal


def call(**fields):
    values = {
        "id": 7,
        "client_id": 3,
        "at": CALL_AT,
        "channel": Channel.PHONE,
        "lender": "来分期",
        "agent_id": "FD2035",
        "summary": "协商分期",
        "outcome": Outcome.AGREED,
    }
    return Call(**{**values, **fields})


PLAN = Plan(
    opening=D("1000"),
    rows=(principal_row(1, date(2026, 4, 1), "500"), principal_row(2, date(2026, 5, 1), "500")),
)


def kinds_and_dues(tasks):
    return [(task.kind, task.due) for task in tasks]


def test_an_agreement_on_the_phone_asks_for_writing_and_a_check_in_the_app():
    tasks = follow_up_tasks(call(), CALL_AT)
    assert kinds_and_dues(tasks) == [
        (TaskKind.REQUEST_WRITTEN_CONFIRMATION, CALL_AT + timedelta(hours=2)),
        (TaskKind.CHECK_PLAN_IN_APP, CALL_AT + timedelta(hours=24)),
    ]
    assert all(task.source_call_id == 7 and task.client_id == 3 for task in tasks)
    assert not any(task.done for task in tasks)


@pytest.mark.parametrize("channel", [Channel.IN_APP_CHAT, Channel.EMAIL, Channel.LETTER])
def test_an_agreement_in_writing_needs_no_written_confirmation(channel):
    tasks = follow_up_tasks(call(channel=channel), CALL_AT)
    assert [task.kind for task in tasks] == [TaskKind.CHECK_PLAN_IN_APP]


def test_a_partial_agreement_is_followed_up_like_an_agreement():
    tasks = follow_up_tasks(call(outcome=Outcome.PARTLY_AGREED), CALL_AT)
    assert TaskKind.CHECK_PLAN_IN_APP in [task.kind for task in tasks]


@pytest.mark.parametrize(
    ("after", "overdue"),
    [
        (timedelta(hours=23, minutes=59), False),
        (timedelta(hours=23, minutes=59, seconds=59), False),
        (timedelta(hours=24), True),
        (timedelta(hours=30), True),
    ],
)
def test_the_check_in_the_app_is_overdue_exactly_24_hours_after_the_call(after, overdue):
    (check,) = [t for t in follow_up_tasks(call(), CALL_AT) if t.kind == "check_plan_in_app"]
    assert is_overdue(check, CALL_AT + after) is overdue
    assert not is_overdue(check.model_copy(update={"done": True}), CALL_AT + after)


def test_the_check_task_is_worded_with_its_deadline():
    tasks = follow_up_tasks(call(channel=Channel.EMAIL), CALL_AT, language="en")
    assert tasks[0].title == (
        "By 2 Mar 2026, 14:30, open 来分期's app and check that the new repayment plan is "
        "there; if nothing changed, contact customer service at once and refer to the call of "
        "1 Mar 2026, 14:30."
    )


def reminders_of(plan, now=CALL_AT, **options):
    return installment_reminders(plan, now, proposal_id=9, client_id=3, lender="来分期", **options)


def test_each_installment_of_the_plan_gets_a_reminder_three_days_before_at_nine():
    reminders = reminders_of(PLAN, language="zh-CN")
    assert [t.due for t in reminders] == [
        datetime(2026, 3, 29, 9, 0, tzinfo=SH),
        datetime(2026, 4, 28, 9, 0, tzinfo=SH),  # the last installment too
    ]
    assert reminders[1].title == (
        "第2笔还款¥500.00将于2026年5月1日到期：提前备好钱，通过来分期的官方渠道还款。"
    )
    # Each is keyed by its plan and its installment's due date, not by its wording.
    assert [t.plan_key for t in reminders] == [(9, date(2026, 4, 1)), (9, date(2026, 5, 1))]
    assert all(t.kind is TaskKind.INSTALLMENT_REMINDER and t.client_id == 3 for t in reminders)


def test_a_call_makes_no_reminder_before_the_installments():
    kinds = [task.kind for task in follow_up_tasks(call(channel=Channel.EMAIL), CALL_AT)]
    assert TaskKind.INSTALLMENT_REMINDER not in kinds


def test_reminders_follow_the_chosen_number_of_days_and_time():
    reminders = reminders_of(PLAN, remind_days=1, reminder_clock=time(20, 0))
    assert reminders[0].due == datetime(2026, 3, 31, 20, 0, tzinfo=SH)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        # Reminder moment passed, payment still ahead: remind at once.
        (
            datetime(2026, 3, 30, 12, 0, tzinfo=SH),
            [datetime(2026, 3, 30, 12, 0, tzinfo=SH), datetime(2026, 4, 28, 9, 0, tzinfo=SH)],
        ),
        # Due today: still reminded.
        (
            datetime(2026, 4, 1, 8, 0, tzinfo=SH),
            [datetime(2026, 4, 1, 8, 0, tzinfo=SH), datetime(2026, 4, 28, 9, 0, tzinfo=SH)],
        ),
        # The first due date is past: only the last installment is left.
        (datetime(2026, 4, 2, 8, 0, tzinfo=SH), [datetime(2026, 4, 28, 9, 0, tzinfo=SH)]),
        (datetime(2026, 5, 2, 0, 0, tzinfo=SH), []),
    ],
)
def test_no_reminder_for_a_due_date_already_past(now, expected):
    assert [t.due for t in reminders_of(PLAN, now)] == expected


def test_an_evaluated_proposal_is_a_plan_for_reminders():
    # Seed case: 24 payments of 500.00 from 1 April 2026 to 1 March 2028.
    debt = Debt(creditor="来分期", outstanding_principal="12000", remaining_months=12)
    result = evaluate_proposal(debt, TermExtension(months=24), "800", date(2026, 3, 1))
    reminders = reminders_of(result)
    assert len(reminders) == 24
    assert reminders[-1].due == datetime(2028, 2, 27, 9, 0, tzinfo=SH)


def test_a_refusal_means_trying_again_three_days_later():
    tasks = follow_up_tasks(call(outcome=Outcome.REFUSED), CALL_AT, language="en")
    assert kinds_and_dues(tasks) == [(TaskKind.RETRY_NEGOTIATION, CALL_AT + timedelta(days=3))]
    assert tasks[0].title == (
        "来分期 said no this time: try again at another time or with another agent."
    )


def test_no_answer_means_calling_again_the_next_day():
    tasks = follow_up_tasks(call(outcome=Outcome.NO_ANSWER), CALL_AT)
    assert kinds_and_dues(tasks) == [(TaskKind.RETRY_NEGOTIATION, CALL_AT + timedelta(days=1))]


def test_a_promised_call_back_is_chased_after_three_days():
    tasks = follow_up_tasks(call(outcome=Outcome.CALL_BACK), CALL_AT, language="en")
    assert kinds_and_dues(tasks) == [(TaskKind.RETRY_NEGOTIATION, CALL_AT + timedelta(days=3))]
    assert tasks[0].title == (
        "来分期 promised to call back: if no call has come by 4 Mar 2026, 14:30, call again and "
        "refer to the call of 1 Mar 2026, 14:30."
    )


def test_the_calls_own_next_action_is_a_task_on_its_date():
    record = call(
        outcome=Outcome.CALL_BACK,
        next_action="等客服回电，未回电则再打",
        next_action_on=date(2026, 3, 4),
    )
    tasks = follow_up_tasks(record, CALL_AT)
    assert kinds_and_dues(tasks) == [(TaskKind.CUSTOM, datetime(2026, 3, 4, 9, 0, tzinfo=SH))]
    assert tasks[0].title == "按通话约定跟进：等客服回电，未回电则再打"


def test_a_long_next_action_is_cut_to_the_title_limit():
    record = call(
        outcome=Outcome.CALL_BACK, next_action="回" * 500, next_action_on=date(2026, 3, 4)
    )
    (task,) = follow_up_tasks(record, CALL_AT)
    assert len(task.title) == 500 and task.title.endswith("…")


def test_bad_input_is_refused_naming_the_field():
    with pytest.raises(CoreError) as error:
        follow_up_tasks(call(), datetime(2026, 3, 1, 15, 0))
    assert error.value.field == "now"
    with pytest.raises(CoreError) as error:
        follow_up_tasks(call(), CALL_AT - timedelta(minutes=1))
    assert error.value.field == "call"
    with pytest.raises(CoreError) as error:
        installment_reminders(PLAN, CALL_AT, proposal_id=1, lender="来分期", remind_days=-1)
    assert error.value.field == "remind_days"
