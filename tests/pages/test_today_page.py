"""The Today page with AppTest: every client's follow-ups and due installments, overdue first,
marked done for good; the next escalation step of a stalled negotiation."""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from calls_seed import seed_case
from page_helpers import texts

from core.calls import Call, Channel, FollowUpTask, Outcome
from core.rules.escalation import EscalationStep
from core.rules.timing import LOCAL_TZ
from i18n import enum_label, translate

PAGE = "app_pages/today.py"
LANGS = ("zh-CN", "en")


def markdown(at) -> str:
    return "\n".join(texts(at.markdown))


def button_keys(at) -> list[str]:
    return [button.key for button in at.button]


@pytest.mark.parametrize("lang", LANGS)
def test_an_empty_database_says_there_are_no_clients(open_app, lang):
    at = open_app(PAGE, lang)
    assert texts(at.title) == [translate("today.title", lang)]
    assert translate("today.no_clients", lang) in texts(at.info)


@pytest.mark.parametrize("lang", LANGS)
def test_overdue_tasks_come_first_and_marking_done_is_kept(open_app, lang):
    case = seed_case(agreed_days_ago=None)
    now = datetime.now(LOCAL_TZ)
    later, overdue = case.store.tasks.add_many(
        [
            FollowUpTask(
                client_id=case.client.id, title="Send the letter", due=now + timedelta(days=2)
            ),
            FollowUpTask(
                client_id=case.client.id, title="Call back 招商银行", due=now - timedelta(hours=5)
            ),
        ]
    )
    at = open_app(PAGE, lang)
    text = markdown(at)
    assert text.index("Call back 招商银行") < text.index("Send the letter")
    assert translate("today.tasks.overdue_count", lang, n=1) in texts(at.error)
    assert "5678" in text and "13812345678" not in text  # masked

    at.button(key=f"today_done_{overdue.id}").click().run()
    assert not at.exception
    assert case.store.tasks.get(overdue.id).done
    assert not case.store.tasks.get(later.id).done
    # Off the list, into today's done list (to undo a mistake).
    assert f"today_done_{overdue.id}" not in button_keys(at)
    assert f"today_undo_{overdue.id}" in button_keys(at)
    # A fresh session (a reload) still shows it done.
    again = open_app(PAGE, lang)
    assert f"today_done_{overdue.id}" not in button_keys(again)
    assert f"today_undo_{overdue.id}" in button_keys(again)


def test_tasks_beyond_a_week_wait_until_asked_for(open_app):
    case = seed_case(agreed_days_ago=None)
    now = datetime.now(LOCAL_TZ)
    case.store.tasks.add(
        FollowUpTask(client_id=case.client.id, title="Far ahead", due=now + timedelta(days=30))
    )
    at = open_app(PAGE, "en")
    assert "Far ahead" not in markdown(at)
    at.toggle(key="today_show_all").set_value(True).run()
    assert "Far ahead" in markdown(at)


@pytest.mark.parametrize("lang", LANGS)
def test_a_missed_installment_is_listed_and_marking_it_paid_records_the_shortfall(open_app, lang):
    case = seed_case(agreed_days_ago=40)
    at = open_app(PAGE, lang)
    # The first installment (¥599.09, worked by hand in test_calls_page) is 10 days late.
    line = translate("today.dues.line", lang, number=1, amount="¥599.09", short="¥599.09")
    assert line in markdown(at)
    at.button(key=f"today_paid_{case.saved.id}_1").click().run()
    assert not at.exception
    (payment,) = case.store.payments.list_for_client(case.client.id)
    assert (payment.amount, payment.proposal_id) == (Decimal("599.09"), case.saved.id)
    assert line not in markdown(at)


@pytest.mark.parametrize("lang", LANGS)
def test_a_refused_negotiation_shows_the_retry_step(open_app, lang):
    case = seed_case(agreed_days_ago=None)
    at_call = datetime.now(LOCAL_TZ) - timedelta(days=5)
    case.store.calls.add(
        Call(
            client_id=case.client.id,
            debt_id=case.account.id,
            lender="招商银行",
            at=at_call,
            channel=Channel.PHONE,
            summary="Refused any plan",
            outcome=Outcome.REFUSED,
        )
    )
    at = open_app(PAGE, lang)
    text = markdown(at)
    assert enum_label(EscalationStep.RETRY, lang) in text
    assert translate("today.escalation.now", lang) in text  # three days have passed


def test_an_agreed_negotiation_is_not_stalled(open_app):
    case = seed_case(agreed_days_ago=None)
    case.store.calls.add(
        Call(
            client_id=case.client.id,
            debt_id=case.account.id,
            lender="招商银行",
            at=datetime.now(LOCAL_TZ) - timedelta(days=1),
            channel=Channel.PHONE,
            summary="Agreed",
            outcome=Outcome.AGREED,
        )
    )
    at = open_app(PAGE, "en")
    assert translate("today.escalation.none", "en") in texts(at.success)
