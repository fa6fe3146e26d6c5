"""Issue 17, after the call, at the services: reminders before each installment come from the
agreement — 24 for the guide's 24-month extension, whichever of the call and the agreement is
recorded first, none twice however often either is repeated — and follow it when it changes;
a task marked done can be undone; the Proposals page's settings are kept with a saved proposal.

On SQLite and on PostgreSQL (TEST_DATABASE_URL). No conftest.py here: the store's database
fixtures are imported (see test_services.py).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

import services
from core.agreement import first_due_date, plan_starting_on
from core.calls import Call, Channel, DebtAccount, Outcome, TaskKind
from core.clients import Client
from core.debts import Debt, LenderType
from core.proposals import ProposalKind, StopInterest, TermExtension, evaluate_proposal
from core.rules.followups import follow_up_tasks
from services import LOCAL_USER, ProposalSettings, ProposalStatus, SavedProposal

# The store's database fixtures (SQLite, and PostgreSQL when TEST_DATABASE_URL is set).
from tests.store.conftest import _drop_run_schema, clock, database_url, settings, store

ME = LOCAL_USER
SH = ZoneInfo("Asia/Shanghai")
AS_OF = date(2026, 11, 30)
NOW = datetime(2026, 11, 30, 15, 0, tzinfo=SH)
CALL_AT = datetime(2026, 11, 30, 14, 30, tzinfo=SH)
D = Decimal


@pytest.fixture
def ws(store):
    return store


def guide_case(ws):
    """张明 owes 来分期 12,000 at 18 % (900 overdue, 1,500 accrued), due on the 15th."""
    client = services.clients.create(ws, ME, Client(name="张明"))
    debt = Debt(
        creditor="来分期",
        lender_type=LenderType.ONLINE_PLATFORM,
        outstanding_principal="12000",
        overdue_amount="900",
        days_overdue=30,
        accrued_interest_and_penalties="1500",
        penalty_rate="0.27",
        rate_quote="0.18",
        remaining_months=12,
        next_due_date=date(2026, 12, 15),
    )
    account = services.debts.add(ws, ME, DebtAccount(client_id=client.id, debt=debt))
    return client, account


def save_proposal(ws, client, account, proposal=None, settings=None):
    proposal = proposal or TermExtension(months=24)
    return services.proposals.save(
        ws,
        ME,
        SavedProposal(
            client_id=client.id, debt_id=account.id, proposal=proposal, settings=settings
        ),
        now=NOW,
    )


def agree(ws, account, saved, language="zh-CN"):
    """Record the agreement as the Proposals page does: the plan from the contract's due day."""
    result = evaluate_proposal(account.debt, saved.proposal, "800", AS_OF)
    first = first_due_date(account.debt, AS_OF)
    plan = plan_starting_on(saved.proposal, result.plan, AS_OF, first)
    return services.proposals.agree(ws, ME, saved, AS_OF, plan, now=NOW, language=language)


def log_call(ws, client, account, request_id=None):
    call = Call(
        client_id=client.id,
        debt_id=account.id,
        at=CALL_AT,
        channel=Channel.PHONE,
        lender="来分期",
        agent_id="FD2035",
        summary="同意延期24期",
        outcome=Outcome.AGREED,
    )
    tasks = follow_up_tasks(call, NOW)
    return services.calls.log(ws, ME, call, tasks, request_id=request_id, now=NOW)


def reminders(ws, client, *, include_done=True):
    return [
        task
        for task in services.tasks.list_for_client(ws, ME, client.id, include_done=include_done)
        if task.kind is TaskKind.INSTALLMENT_REMINDER
    ]


def test_call_first_then_the_agreement_makes_the_24_reminders(ws):
    """Issue 17: the natural order (call, then agreement) made no reminder at all."""
    client, account = guide_case(ws)
    saved = save_proposal(ws, client, account)
    log_call(ws, client, account)
    assert reminders(ws, client) == []  # nothing agreed yet

    agreed = agree(ws, account, saved)

    found = reminders(ws, client)
    assert len(found) == 24
    assert {task.proposal_id for task in found} == {agreed.id}
    assert [task.installment_due_on for task in found[:2]] == [
        date(2026, 12, 15),
        date(2027, 1, 15),
    ]
    assert found[0].due == datetime(2026, 12, 12, 9, 0, tzinfo=SH)
    assert "¥661.59" in found[0].title and "2026年12月15日" in found[0].title
    assert found[-1].installment_due_on == date(2028, 11, 15)
    assert "¥661.57" in found[-1].title
    # Repeating either action makes none twice.
    again = agree(ws, account, saved)  # the stale copy the page showed: not refused
    assert again.id == agreed.id and again.version == agreed.version
    agree(ws, account, agreed, language="en")
    log_call(ws, client, account)
    assert len(reminders(ws, client)) == 24
    # The call's own follow-ups (confirmation in writing, check in the app), for each call.
    kinds = [t.kind for t in services.tasks.list_for_client(ws, ME, client.id)]
    assert kinds.count(TaskKind.REQUEST_WRITTEN_CONFIRMATION) == 2


def test_the_agreement_first_then_the_call_makes_the_same_24_not_48(ws):
    client, account = guide_case(ws)
    saved = save_proposal(ws, client, account)
    agreed = agree(ws, account, saved)
    first = reminders(ws, client)
    assert len(first) == 24

    log_call(ws, client, account, request_id="call-request-0001")
    log_call(ws, client, account, request_id="call-request-0001")  # a double submit
    log_call(ws, client, account)  # another call about the plan

    after = reminders(ws, client)
    assert after == first  # the same 24, untouched
    assert {task.plan_key for task in after} == {
        (agreed.id, task.installment_due_on) for task in first
    }


def test_another_plan_agreed_for_the_debt_replaces_the_open_reminders(ws):
    client, account = guide_case(ws)
    extension = agree(ws, account, save_proposal(ws, client, account))
    first = reminders(ws, client)[0]
    done = services.tasks.complete(ws, ME, first, at=NOW)

    stop = save_proposal(ws, client, account, StopInterest(months=24, waiver_share="0.6"))
    agreed = agree(ws, account, stop)

    statuses = {p.id: p.status for p in services.proposals.list_for_client(ws, ME, client.id)}
    assert statuses[extension.id] is ProposalStatus.SAVED
    found = reminders(ws, client)
    open_ones = [task for task in found if not task.done]
    assert len(open_ones) == 24 and {task.proposal_id for task in open_ones} == {agreed.id}
    # 停息挂账 with 60 % waived: (12,000 + 1,500 × 40 %) / 24 = 525.00 a month.
    assert "¥525.00" in open_ones[0].title
    # The reminder already done under the old plan stays, as history.
    assert [task.id for task in found if task.done] == [done.id]
    assert services.tasks.get(ws, ME, done.id).proposal_id == extension.id


def test_deleting_the_agreed_proposal_removes_its_open_reminders_and_keeps_the_done_one(ws):
    client, account = guide_case(ws)
    agreed = agree(ws, account, save_proposal(ws, client, account))
    done = services.tasks.complete(ws, ME, reminders(ws, client)[0], at=NOW)

    services.proposals.delete(ws, ME, agreed.id, version=agreed.version, now=NOW)

    (kept,) = reminders(ws, client)
    assert kept.id == done.id and kept.done
    assert kept.proposal_id is None and kept.installment_due_on == date(2026, 12, 15)


def test_a_proposal_saved_back_as_not_agreed_takes_its_open_reminders_with_it(ws):
    client, account = guide_case(ws)
    agreed = agree(ws, account, save_proposal(ws, client, account))
    services.proposals.save(
        ws,
        ME,
        agreed.model_copy(update={"status": ProposalStatus.SAVED, "agreed_on": None}),
        now=NOW,
    )
    assert reminders(ws, client) == []


def test_agreeing_fails_whole_when_the_reminders_cannot_be_written(ws, monkeypatch):
    client, account = guide_case(ws)
    saved = save_proposal(ws, client, account)

    def broken(tasks):
        raise services.InvalidDataError("task", "planted failure")

    monkeypatch.setattr(ws.tasks, "add_many", broken)
    with pytest.raises(services.InvalidDataError):
        agree(ws, account, saved)
    monkeypatch.undo()
    assert services.proposals.agreed(ws, ME, client.id, account.id) is None
    assert reminders(ws, client) == []


def test_a_task_marked_done_can_be_undone(ws):
    client, account = guide_case(ws)
    agree(ws, account, save_proposal(ws, client, account))
    task = reminders(ws, client)[0]
    done = services.tasks.complete(ws, ME, task, at=NOW)
    assert [t.id for t in services.tasks.list_done(ws, ME, since=NOW - timedelta(hours=1))] == [
        task.id
    ]
    reopened = services.tasks.reopen(ws, ME, done)
    assert not reopened.done and reopened.done_at is None
    assert services.tasks.list_done(ws, ME) == []
    assert not services.tasks.get(ws, ME, task.id).done


def test_the_proposal_settings_are_kept_with_the_saved_proposal(ws):
    client, account = guide_case(ws)
    assert services.proposals.settings_for(ws, ME, client.id, account.id) is None
    chosen = ProposalSettings(
        kinds=(ProposalKind.TERM_EXTENSION, ProposalKind.STOP_INTEREST),
        months=24,
        waiver_share=D("0.6"),
        first_due=date(2026, 12, 15),
    )
    save_proposal(ws, client, account, settings=chosen)
    assert services.proposals.settings_for(ws, ME, client.id, account.id) == chosen
    # The newest saved settings win; another debt has its own.
    newer = chosen.model_copy(update={"months": 36})
    save_proposal(ws, client, account, settings=newer)
    assert services.proposals.settings_for(ws, ME, client.id, account.id) == newer
    assert services.proposals.settings_for(ws, ME, client.id, account.id + 1) is None
