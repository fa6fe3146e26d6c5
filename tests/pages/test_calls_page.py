"""The Calls page with AppTest: log a call (with its follow-ups, all or nothing), the
confirmation to copy, bad input, payments against the agreed plan, collection contacts and the
timeline with its downloads."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from calls_seed import seed_case
from pack_seed import seed_pack
from page_helpers import capture_deferred_downloads, open_for, texts

import services
from core.calls import Channel
from core.rules.adherence import plan_adherence
from core.rules.conduct import (
    CollectionContact,
    CollectionEvent,
    ContactTarget,
    collection_conduct_flags,
)
from core.rules.credit_record import Reporting
from core.rules.timing import LOCAL_TZ
from i18n import format_date, md_escape, translate
from services import LOCAL_USER
from ui.state import today

PAGE = "app_pages/calls.py"
LANGS = ("zh-CN", "en")
# 12,000 at 18 % a year over 24 months: r = 0.015, payment = 180 / (1 − 1.015^−24)
# = 180 / 0.3004561 = 599.0892… → ¥599.09 (worked by hand).
PAYMENT = "¥599.09"


def fill_call(at, *, summary="Asked for 24 installments", agent="A123", outcome="agreed"):
    at.text_area(key="calls_summary").set_value(summary)
    at.text_input(key="calls_agent_id").set_value(agent)
    at.selectbox(key="calls_outcome").set_value(outcome)
    return at


@pytest.mark.parametrize("lang", LANGS)
def test_without_a_client_the_page_asks_to_choose_one(open_app, lang):
    at = open_app(PAGE, lang)
    assert texts(at.title) == [translate("calls.title", lang)]
    assert translate("state.choose_client_first", lang) in texts(at.info)


@pytest.mark.parametrize("lang", LANGS)
def test_a_client_without_debts_is_asked_to_add_one(open_app, lang):
    case = seed_case(agreed_days_ago=None)
    case.store.debts.delete(case.account.id)
    at = open_for(open_app, PAGE, lang, case.client.id)
    assert translate("calls.no_debts", lang) in texts(at.info)


@pytest.mark.parametrize("lang", LANGS)
def test_a_logged_call_is_saved_with_its_follow_ups_and_a_confirmation_to_copy(open_app, lang):
    case = seed_case(agreed_days_ago=None)
    at = open_for(open_app, PAGE, lang, case.client.id)
    before = datetime.now(LOCAL_TZ)
    assert at.date_input(key="calls_date").value == before.date()
    fill_call(at).button(key="calls_save").click().run()
    assert not at.exception

    calls = case.store.calls.list_for_client(case.client.id)
    assert len(calls) == 1
    call = calls[0]
    assert (call.agent_id, call.lender, call.outcome.value) == ("A123", "招商银行", "agreed")
    assert abs(call.at - before) < timedelta(minutes=2)
    # An agreed phone call: written confirmation within 2 h, check the app within 24 h.
    tasks = case.store.tasks.list_for_client(case.client.id)
    assert [task.due - call.at for task in tasks] == [timedelta(hours=2), timedelta(hours=24)]
    assert all(task.source_call_id == call.id for task in tasks)

    assert translate("calls.saved", lang, lender="招商银行") in texts(at.success)
    message = at.code[0].value
    assert "A123" in message and "张明" in message and "5678" in message
    assert "13812345678" not in message
    # The form starts again, empty, for the next call.
    assert at.text_area(key="calls_summary").value == ""


def test_an_agreed_plan_puts_its_figures_in_the_confirmation_and_reminders(open_app):
    case = seed_case(agreed_days_ago=2)
    at = open_for(open_app, PAGE, "en", case.client.id)
    fill_call(at).button(key="calls_save").click().run()
    assert not at.exception
    assert f"24 installments of {PAYMENT}" in at.code[0].value
    reminders = [
        task
        for task in case.store.tasks.list_for_client(case.client.id)
        if task.kind.value == "installment_reminder"
    ]
    assert len(reminders) == 24  # every due date is still ahead
    # Logging a second call about the same plan adds no second set of reminders.
    fill_call(at, summary="Checked the app").button(key="calls_save").click().run()
    kinds = [t.kind.value for t in case.store.tasks.list_for_client(case.client.id)]
    assert kinds.count("installment_reminder") == 24


BAD_INPUT = [
    ("next_action_date_before_the_call", {"summary": "ok", "agent": "A1"}, "date_before_call"),
    ("empty_summary", {"summary": "", "agent": "A1"}, "too_short"),
    ("agent_id_of_300_characters", {"summary": "ok", "agent": "A" * 300}, "too_long"),
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("name", "fields", "code"), BAD_INPUT, ids=[b[0] for b in BAD_INPUT])
def test_bad_input_gets_an_inline_message_and_nothing_is_saved(open_app, lang, name, fields, code):
    case = seed_case(agreed_days_ago=None)
    at = open_for(open_app, PAGE, lang, case.client.id)
    fill_call(at, **fields)
    if name == "next_action_date_before_the_call":
        at.text_input(key="calls_next_action").set_value("Call again")
        at.date_input(key="calls_next_action_on").set_value(today() - timedelta(days=3))
    at.button(key="calls_save").click().run()
    assert not at.exception
    errors = " ".join(texts(at.error))
    problem = translate(f"error.{code}", lang, max=32, min=1)
    assert problem in errors
    assert case.store.calls.list_for_client(case.client.id) == []
    assert case.store.tasks.list_for_client(case.client.id) == []
    assert at.text_area(key="calls_summary").value == fields["summary"]  # kept to fix


@pytest.mark.parametrize("lang", LANGS)
def test_a_missed_installment_raises_the_alert_and_a_payment_is_recorded_to_the_fen(open_app, lang):
    case = seed_case(agreed_days_ago=40)
    at = open_for(open_app, PAGE, lang, case.client.id)
    now = datetime.now(LOCAL_TZ)
    expected = plan_adherence(case.result.plan, [], now, language=lang)
    assert expected.alerts  # the first due date is 10 days past
    assert [alert.text for alert in expected.alerts] == [
        text for text in texts(at.error) if text in {a.text for a in expected.alerts}
    ]
    metric_values = [metric.value for metric in at.metric]
    assert "¥14,378.14" in metric_values  # 23 × 599.09 + 599.07, as core's plan says
    assert case.result.plan.total_paid == Decimal("14378.14")

    at.text_input(key="calls_pay_amount").set_value("599.09")
    at.button(key="calls_pay_save").click().run()
    assert not at.exception
    payments = case.store.payments.list_for_client(case.client.id)
    assert [(p.amount, p.proposal_id, p.paid_on) for p in payments] == [
        (Decimal("599.09"), case.saved.id, now.date())
    ]


def test_a_payment_in_the_future_is_refused(open_app):
    case = seed_case(agreed_days_ago=40)
    at = open_for(open_app, PAGE, "en", case.client.id)
    at.text_input(key="calls_pay_amount").set_value("100")
    at.date_input(key="calls_paid_on").set_value(today() + timedelta(days=2))
    at.button(key="calls_pay_save").click().run()
    assert translate("error.future", "en") in " ".join(texts(at.error))
    assert case.store.payments.list_for_client(case.client.id) == []


@pytest.mark.parametrize("lang", LANGS)
def test_a_collection_contact_with_a_relative_at_night_is_flagged(open_app, lang):
    case = seed_case(agreed_days_ago=None)
    at = open_for(open_app, PAGE, lang, case.client.id)
    day = today() - timedelta(days=1)
    at.date_input(key="calls_coll_date").set_value(day)
    at.time_input(key="calls_coll_time").set_value(time(22, 30))
    at.selectbox(key="calls_coll_target").set_value(ContactTarget.RELATIVE)
    at.text_area(key="calls_coll_note").set_value("Called my sister")
    at.button(key="calls_coll_save").click().run()
    assert not at.exception
    event = CollectionEvent(
        at=datetime.combine(day, time(22, 30), LOCAL_TZ), contacted=ContactTarget.RELATIVE
    )
    flags = collection_conduct_flags(event, lender_type="bank_credit_card", language=lang)
    assert [f.code for f in flags] == ["conduct.third_party_contact", "conduct.late_night"]
    assert [f.text for f in flags] == [
        w.value for w in at.warning if w.value in {f.text for f in flags}
    ]
    # Kept as a collection contact of its own, not as a call: the call history, the escalation
    # ladder and the confirmation never see it.
    assert case.store.calls.list_for_client(case.client.id) == []
    (contact,) = case.store.collections.list_for_client(case.client.id)
    assert contact.event == event
    assert (contact.debt_id, contact.note) == (case.account.id, "Called my sister")


@pytest.mark.parametrize("lang", LANGS)
def test_a_stored_collection_contact_is_listed_and_on_the_timelines_collection_lane(open_app, lang):
    case = seed_case(agreed_days_ago=None)
    moment = datetime.combine(today() - timedelta(days=2), time(14, 0), LOCAL_TZ)
    case.store.collections.add(
        CollectionContact(
            client_id=case.client.id,
            debt_id=case.account.id,
            lender="招商银行",
            event=CollectionEvent(at=moment, insults=True),
            channel=Channel.IN_APP_CHAT,
            collector="Agency C-17",
            note="Shouted at me",
        )
    )
    at = open_for(open_app, PAGE, lang, case.client.id)
    assert not at.exception
    assert any(md_escape("Agency C-17") in text for text in texts(at.markdown))
    (insult,) = collection_conduct_flags(
        CollectionEvent(at=moment, insults=True), lender_type="bank_credit_card", language=lang
    )
    assert insult.text in texts(at.warning)
    table = at.dataframe[0].value
    lane = translate("calls.timeline.lane.collection", lang)
    assert list(table[translate("calls.list.kind", lang)]) == [lane]
    assert case.store.calls.list_for_client(case.client.id) == []


def test_a_collection_contact_keeps_its_channel_and_collector(open_app):
    case = seed_case(agreed_days_ago=None)
    at = open_for(open_app, PAGE, "en", case.client.id)
    at.time_input(key="calls_coll_time").set_value(time(10, 0))
    at.date_input(key="calls_coll_date").set_value(today() - timedelta(days=1))
    at.selectbox(key="calls_coll_channel").set_value(Channel.IN_APP_CHAT)
    at.text_input(key="calls_coll_collector").set_value("  Agency C-17 ")
    at.button(key="calls_coll_save").click().run()
    assert not at.exception
    (contact,) = case.store.collections.list_for_client(case.client.id)
    assert (contact.channel, contact.collector, contact.lender) == (
        Channel.IN_APP_CHAT,
        "Agency C-17",
        "招商银行",
    )
    assert translate("calls.collection.no_flags", "en") in texts(at.caption)


@pytest.mark.parametrize("lang", LANGS)
def test_the_timeline_shows_calls_dues_and_follow_ups_with_downloads(open_app, lang):
    case = seed_case(agreed_days_ago=40)
    at = open_for(open_app, PAGE, lang, case.client.id)
    fill_call(at, outcome="refused").button(key="calls_save").click().run()
    assert not at.exception
    table = at.dataframe[0].value
    kinds = set(table[translate("calls.list.kind", lang)])
    assert {
        translate("calls.timeline.lane.call", lang),
        translate("calls.timeline.lane.due", lang),
        translate("calls.timeline.lane.task", lang),
    } <= kinds
    overdue = table[translate("calls.list.overdue", lang)]
    assert (overdue != "").sum() == 1  # installment 1, due 10 days ago, unpaid
    assert translate("calls.timeline.overdue_count", lang, n=1) in texts(at.error)
    assert at.get("plotly_chart")

    # Filtering by a lender with no records leaves nothing to show.
    at.multiselect(key="calls_lenders").select("招商银行").run()
    assert not at.exception
    assert len(at.dataframe[0].value) == len(table)


@pytest.mark.parametrize("lang", LANGS)
def test_the_calls_download_is_the_stores_csv_with_a_byte_order_mark(open_app, monkeypatch, lang):
    downloads = capture_deferred_downloads(monkeypatch)
    case = seed_case(agreed_days_ago=40)
    at = open_for(open_app, PAGE, lang, case.client.id)
    fill_call(at, outcome="refused").button(key="calls_save").click().run()
    assert not at.exception
    ws = services.open_workspace(services.configured_url())
    assert services.audit.trail(ws, LOCAL_USER, client_id=case.client.id) == []
    mime, build = downloads["repaytalk-calls.csv"]
    assert mime == "text/csv"
    data = build()  # made when the counselor clicks, and only then in the audit trail
    (line,) = services.audit.trail(ws, LOCAL_USER, client_id=case.client.id)
    assert (line.action, line.detail) == ("data.exported", {"kind": "calls", "masked": True})
    assert data.startswith(b"\xef\xbb\xbf")
    header, row = data.decode("utf-8-sig").splitlines()
    assert header.split(",")[:3] == [
        {"zh-CN": "客户编号", "en": "Client ID"}[lang],
        {"zh-CN": "客户", "en": "Client"}[lang],
        {"zh-CN": "编号", "en": "ID"}[lang],
    ]
    assert row.split(",")[1] == "张*"  # masked, as the page shows the client
    assert "Asked for 24 installments" in row
    assert translate("enum.outcome.refused", lang) in row.split(",")


@pytest.mark.parametrize("lang", LANGS)
def test_the_calendar_download_names_no_one_and_hides_the_numbers_typed(
    open_app, monkeypatch, lang
):
    downloads = capture_deferred_downloads(monkeypatch)
    case = seed_case(agreed_days_ago=40)
    at = open_for(open_app, PAGE, lang, case.client.id)
    fill_call(at, outcome="refused")
    at.text_input(key="calls_next_action").set_value("回电 张明 13812345678，合同 HT2024-0001-5566")
    at.date_input(key="calls_next_action_on").set_value(today() + timedelta(days=2))
    at.button(key="calls_save").click().run()
    assert not at.exception
    mime, build = downloads["repaytalk-calls.ics"]
    assert mime == "text/calendar"
    ics = build().decode("utf-8")
    assert "X-WR-CALNAME:" + translate("privacy.calendar.name", lang) in ics.replace("\r\n ", "")
    flat = ics.replace("\r\n ", "").replace("\r\n", "")
    for secret in ("张明", "13812345678", "5678", "HT2024", "5566"):
        assert secret not in flat, secret
    assert "回电 张*" in flat  # the task is there, with the name shortened and no number


def test_a_double_submit_logs_one_call_and_one_set_of_follow_ups(open_app):
    """Regression: Enter in the form's last field, then a click on Save, stored the call twice
    with twice the follow-ups. The browser's second submission carries the same values."""
    case = seed_case(agreed_days_ago=None)
    at = open_for(open_app, PAGE, "en", case.client.id)
    when = (at.date_input(key="calls_date").value, at.time_input(key="calls_time").value)
    fill_call(at).button(key="calls_save").click().run()
    at.date_input(key="calls_date").set_value(when[0])
    at.time_input(key="calls_time").set_value(when[1])
    fill_call(at).button(key="calls_save").click().run()
    assert not at.exception
    assert len(case.store.calls.list_for_client(case.client.id)) == 1
    assert len(case.store.tasks.list_for_client(case.client.id)) == 2
    # a different call afterwards is a new record
    fill_call(at, summary="Called back about the waiver").button(key="calls_save").click().run()
    assert len(case.store.calls.list_for_client(case.client.id)) == 2


# --- the credit-record clock on the timeline (issue 20) -----------------------------------


def chart_spec(at) -> dict:
    (chart,) = at.get("plotly_chart")
    return json.loads(chart.proto.spec)


@pytest.mark.parametrize("lang", LANGS)
def test_the_timeline_marks_when_the_overdue_accounts_record_would_end(open_app, lang):
    case = seed_pack(situations=False)
    at = open_for(open_app, PAGE, lang, case.client.id)
    as_of = today()  # the page's now, on the Shanghai clock
    # 5 years on, the same day; 29 February has none 5 years later: the 28th.
    leap_day = (as_of.month, as_of.day) == (2, 29)
    end = date(as_of.year + 5, 2, 28) if leap_day else as_of.replace(year=as_of.year + 5)
    lane = translate("calls.timeline.lane.credit", lang)
    name = f"{lane}: {translate('calls.timeline.style.credit.record_end', lang)}"
    spec = chart_spec(at)
    (trace,) = [trace for trace in spec["data"] if trace.get("name") == name]
    assert trace["x"] == [f"{end.isoformat()}T12:00:00"]
    assert trace["y"] == [lane]
    assert trace["marker"]["symbol"] == "hourglass"
    assert trace["customdata"][0][:2] == [
        "招联金融",
        translate("calls.timeline.credit_title", lang, end=format_date(end, lang)),
    ]
    # Years beyond the weeks the chart opens on: named at the right edge of its lane.
    beyond = translate(
        "calls.timeline.credit_beyond",
        lang,
        label=translate("credit.timeline.record_end", lang),
        date=format_date(end, lang),
    )
    (note,) = [a for a in spec["layout"]["annotations"] if a["text"] == beyond]
    start, stop = spec["layout"]["xaxis"]["range"]
    assert start < f"{as_of.isoformat()}T12" < stop  # the weeks around now, not 2031
    assert (note["x"], note["y"], note["xanchor"]) == (stop, lane, "right")
    # The list view has it too, as a day.
    table = at.dataframe[0].value
    (row,) = table[table[translate("calls.list.kind", lang)] == lane].to_dict("records")
    assert row[translate("calls.list.when", lang)] == format_date(end, lang)
    assert row[translate("calls.list.lender", lang)] == "招联金融"
    assert row[translate("calls.list.status", lang)] == translate("enum.reporting.yes", lang)


def test_reporting_not_known_is_an_estimate_and_not_reporting_has_no_marker(open_app):
    case = seed_pack(situations=False, reports=Reporting.UNKNOWN)
    at = open_for(open_app, PAGE, "en", case.client.id)
    names = [trace.get("name") for trace in chart_spec(at)["data"]]
    assert "Credit record: Late-payment record ends (estimate)" in names
    services.debts.update(
        case.store,
        LOCAL_USER,
        services.debts.get(case.store, LOCAL_USER, case.account.id).model_copy(
            update={"reports_credit": Reporting.NO}
        ),
    )
    at.run()
    assert translate("calls.timeline.empty", "en") in texts(at.info)


# --- issue 24: the proposal a call put ------------------------------------------------------


def a_second_debt_with_a_proposal(case):
    """Another debt of the client (平安普惠) with a saved stop-interest proposal."""
    from core.calls import DebtAccount
    from core.debts import Debt
    from core.proposals import StopInterest
    from store import SavedProposal

    other = case.store.debts.add(
        DebtAccount(
            client_id=case.client.id,
            debt=Debt(creditor="平安普惠", outstanding_principal="8000", remaining_months=10),
        )
    )
    saved = case.store.proposals.save(
        SavedProposal(
            client_id=case.client.id,
            debt_id=other.id,
            proposal=StopInterest(months=36),
            title="停息 36 期",
        )
    )
    return other, saved


@pytest.mark.parametrize("lang", LANGS)
def test_the_call_form_links_the_call_to_a_saved_proposal_of_its_debt(open_app, lang):
    case = seed_case()  # 招商银行's 24-month extension, agreed
    _, other_saved = a_second_debt_with_a_proposal(case)
    at = open_for(open_app, PAGE, lang, case.client.id)
    box = at.selectbox(key="calls_proposal")
    assert box.label == translate("lender_history.call.proposal", lang)
    assert box.value is None  # optional: no proposal unless chosen
    status = translate("lender_history.status.agreed", lang)
    assert box.options == [
        translate("lender_history.call.no_proposal", lang),
        translate(
            "lender_history.call.proposal_of",
            lang,
            debt="平安普惠",
            title="停息 36 期",
            status=translate("lender_history.status.saved", lang),
        ),
        translate(
            "lender_history.call.proposal_of",
            lang,
            debt="招商银行 · 信用卡 · …5566",  # the contract number masked
            title="24期",
            status=status,
        ),
    ]
    box.set_value(case.saved.id)
    fill_call(at).button(key="calls_save").click().run()
    assert not at.exception, at.exception
    (call,) = case.store.calls.list_for_client(case.client.id)
    assert (call.debt_id, call.proposal_id) == (case.account.id, case.saved.id)
    # the form starts again without a proposal
    assert at.selectbox(key="calls_proposal").value is None
    assert other_saved.id is not None


@pytest.mark.parametrize("lang", LANGS)
def test_a_proposal_of_another_debt_is_refused_and_nothing_saved(open_app, lang):
    case = seed_case(agreed_days_ago=None)
    _, other_saved = a_second_debt_with_a_proposal(case)
    at = open_for(open_app, PAGE, lang, case.client.id)
    at.selectbox(key="calls_debt").set_value(case.account.id)
    at.selectbox(key="calls_proposal").set_value(other_saved.id)
    fill_call(at).button(key="calls_save").click().run()
    assert not at.exception, at.exception
    assert translate("lender_history.call.other_debt", lang) in texts(at.error)
    assert case.store.calls.list_for_client(case.client.id) == []
