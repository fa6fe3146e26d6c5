"""The .ics export: parses back with the right dates and count, with stable UIDs."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest

from core.calls import Call, Channel, FollowUpTask, Outcome, TaskKind
from core.clients import Client, ClientContact, Consent, ConsentScope
from core.debts import Debt
from core.errors import CoreError
from core.privacy import Known
from core.proposals import TermExtension, evaluate_proposal
from core.rules.followups import follow_up_tasks, installment_reminders
from report.calendar import event_uid, plan_calendar, plan_ics

SH = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 3, 1, 15, 0, tzinfo=SH)
CALL = Call(
    id=7,
    client_id=3,
    at=datetime(2026, 3, 1, 14, 30, tzinfo=SH),
    channel=Channel.PHONE,
    lender="来分期",
    summary="协商分期",
    outcome=Outcome.AGREED,
)


def seed_plan(months=24):
    # 12,000 at 0 % from 1 March 2026: 500.00 on the 1st of each month, April 2026 onwards.
    debt = Debt(creditor="来分期", outstanding_principal="12000", remaining_months=12)
    return evaluate_proposal(debt, TermExtension(months=months), "800", date(2026, 3, 1))


def call_and_plan_tasks(plan, language="zh-CN"):
    """The call's follow-ups and the agreed plan's reminders (which come with the agreement)."""
    reminders = installment_reminders(
        plan, NOW, proposal_id=42, client_id=3, lender="来分期", language=language
    )
    return follow_up_tasks(CALL, NOW, language=language) + reminders


def parse(data: bytes):
    calendar = icalendar.Calendar.from_ical(data)
    return calendar, list(calendar.walk("VEVENT"))


def test_one_all_day_event_per_due_date_of_the_plan():
    data = plan_ics(plan=seed_plan(), plan_key=42, lender="来分期", now=NOW)
    _, events = parse(data)
    assert len(events) == 24
    starts = [event.decoded("dtstart") for event in events]
    assert starts[0] == date(2026, 4, 1) and starts[-1] == date(2028, 3, 1)
    assert starts == sorted(starts)
    assert all(type(start) is date for start in starts)
    assert str(events[0]["summary"]) == "来分期还款¥500.00（第1笔）"
    assert len({str(event["uid"]) for event in events}) == 24


def test_follow_up_tasks_are_timed_events_in_shanghai_time():
    tasks = call_and_plan_tasks(seed_plan(3), language="en")
    data = plan_ics(plan=None, plan_key=42, lender="来分期", tasks=tasks, now=NOW, language="en")
    calendar, events = parse(data)
    # written confirmation, check in app, and a reminder before each of the 3 payments
    assert len(events) == 5
    assert [event.decoded("dtstart") for event in events] == [
        datetime(2026, 3, 1, 16, 30, tzinfo=SH),
        datetime(2026, 3, 2, 14, 30, tzinfo=SH),
        datetime(2026, 3, 29, 9, 0, tzinfo=SH),
        datetime(2026, 4, 28, 9, 0, tzinfo=SH),
        datetime(2026, 5, 29, 9, 0, tzinfo=SH),
    ]
    assert all(event["dtstart"].params["TZID"] == "Asia/Shanghai" for event in events)
    assert events[0].decoded("duration") == timedelta(minutes=30)
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]
    assert calendar["x-wr-timezone"] == "Asia/Shanghai"


def test_a_task_in_utc_is_written_on_the_shanghai_clock():
    task = FollowUpTask(id=1, title="t", due=datetime(2026, 3, 1, 1, 0, tzinfo=ZoneInfo("UTC")))
    _, (event,) = parse(plan_ics(plan=None, plan_key=1, lender="x", tasks=[task], now=NOW))
    assert event.decoded("dtstart") == datetime(2026, 3, 1, 9, 0, tzinfo=SH)
    assert event["dtstart"].params["TZID"] == "Asia/Shanghai"


def test_the_plan_and_its_tasks_together():
    plan = seed_plan(3)
    tasks = call_and_plan_tasks(plan)
    _, events = parse(plan_ics(plan=plan, plan_key=42, lender="来分期", tasks=tasks, now=NOW))
    assert len(events) == 3 + 5


def uids(data):
    return [str(event["uid"]) for event in parse(data)[1]]


def test_a_re_export_has_the_same_uids_so_a_re_import_updates():
    plan = seed_plan(3)
    saved = [
        task.model_copy(update={"id": 100 + n}) for n, task in enumerate(call_and_plan_tasks(plan))
    ]
    first = plan_ics(plan=plan, plan_key=42, lender="来分期", tasks=saved, now=NOW)
    # A day later, one task done and its title changed: same UIDs, newer stamp.
    later = NOW + timedelta(days=1)
    changed = [saved[0].model_copy(update={"done": True, "done_at": later}), *saved[1:]]
    second = plan_ics(plan=plan, plan_key=42, lender="来分期", tasks=changed, now=later)
    assert uids(first) == uids(second)
    assert first != second
    _, events = parse(second)
    assert str(events[3]["summary"]).startswith("（已完成）")


def test_uids_follow_the_record_not_the_amount_or_language():
    a = plan_ics(plan=seed_plan(3), plan_key=42, lender="来分期", now=NOW)
    b = plan_ics(plan=seed_plan(3), plan_key=42, lender="来分期", now=NOW, language="en")
    other_plan = plan_ics(plan=seed_plan(3), plan_key=43, lender="来分期", now=NOW)
    assert uids(a) == uids(b)
    assert set(uids(a)).isdisjoint(uids(other_plan))
    assert uids(a)[0] == event_uid("plan:42:due:2026-04-01")
    assert uids(a)[0].endswith("@repaytalk")


def test_the_same_task_twice_is_one_event():
    task = FollowUpTask(id=5, title="call back", due=NOW, kind=TaskKind.CUSTOM)
    data = plan_ics(plan=None, plan_key=1, lender="x", tasks=[task, task], now=NOW)
    assert len(parse(data)[1]) == 1


def test_the_calendar_holds_no_personal_data():
    plan = seed_plan(3)
    data = plan_ics(
        plan=plan, plan_key=42, lender="来分期", tasks=call_and_plan_tasks(plan), now=NOW
    ).decode()
    assert "13812345678" not in data and "张明" not in data


def test_the_calendar_has_the_required_headers():
    calendar = plan_calendar(plan=seed_plan(2), plan_key=42, lender="来分期", now=NOW)
    assert calendar["version"] == "2.0"
    assert str(calendar["prodid"]).startswith("-//RepayTalk//")
    assert str(calendar["x-wr-calname"]) == "协商还款计划（RepayTalk）"
    for event in calendar.walk("VEVENT"):
        assert event.decoded("dtstamp") == NOW
        assert event.to_ical().decode().count("DTSTAMP:20260301T070000Z") == 1


def test_a_naive_now_is_refused():
    with pytest.raises(CoreError) as error:
        plan_ics(plan=seed_plan(2), plan_key=1, lender="x", now=datetime(2026, 3, 1))
    assert error.value.field == "now"


def test_amounts_are_written_exactly():
    _, events = parse(
        plan_ics(plan=seed_plan(24), plan_key=1, lender="来分期", now=NOW, language="en")
    )
    assert "Due today: ¥500.00." in str(events[0]["description"])


# --- issue 18: the file names no one and carries no number ------------------------------------

ZHANG = Client(
    name="张明",
    mobile="13912345678",
    id_number="110101199003071233",
    consent=Consent(given_on=date(2026, 1, 5), scopes={ConsentScope.STORE_PERSONAL_DATA}),
    contacts=(ClientContact(name="李秀英", relation="spouse"),),
)


def call_back_case(next_action: str, *, known: Known | None, language="zh-CN") -> str:
    """The issue's case: a call and its next action, no agreed plan, and the Calls page's
    fallback that passes the client's name where the lender's goes."""
    call = CALL.model_copy(
        update={
            "outcome": Outcome.CALL_BACK,
            "next_action": next_action,
            "next_action_on": date(2026, 3, 3),
        }
    )
    tasks = follow_up_tasks(call, NOW, language=language)
    data = plan_ics(
        plan=None,
        plan_key="none",
        lender=ZHANG.name,
        tasks=tasks,
        now=NOW,
        language=language,
        known=known,
    )
    return data.decode()


@pytest.mark.parametrize("known", [Known.of(ZHANG), None], ids=["with the record", "without"])
def test_a_call_without_a_plan_names_no_one_and_shows_no_number(known):
    ics = call_back_case("回电 13912345678", known=known)
    calendar, (event,) = parse(ics.encode())
    assert str(calendar["x-wr-calname"]) == "协商还款计划（RepayTalk）"
    assert str(event["summary"]) == "按通话约定跟进：回电 ***"
    unfolded = ics.replace("\r\n ", "")
    for secret in ("张明", "13912345678", "5678", "1391"):
        assert secret not in unfolded


def test_the_english_calendar_is_named_by_what_it_holds():
    ics = call_back_case("call back 139 1234 5678", known=Known.of(ZHANG), language="en")
    calendar, (event,) = parse(ics.encode())
    assert str(calendar["x-wr-calname"]) == "RepayTalk repayment plan"
    assert str(event["summary"]) == "Follow up as agreed in the call: call back ***"


def test_names_on_the_record_are_shortened_in_every_text():
    task = FollowUpTask(
        id=9,
        title="给李秀英回电，合同AXCF-2024-0091277",
        due=NOW,
        notes="张明说身份证 110101 19900307 1233 已寄出",
    )
    data = plan_ics(
        plan=None, plan_key=1, lender="来分期", tasks=[task], now=NOW, known=Known.of(ZHANG)
    )
    _, (event,) = parse(data)
    assert str(event["summary"]) == "给李*英回电，合同***"
    assert str(event["description"]) == "张*说身份证 *** 已寄出"


def test_a_lenders_name_shaped_like_a_number_is_scrubbed_too():
    data = plan_ics(
        plan=seed_plan(2), plan_key=42, lender="张明 13912345678", now=NOW, known=Known.of(ZHANG)
    )
    _, events = parse(data)
    assert str(events[0]["summary"]) == "张* ***还款¥6,000.00（第1笔）"
