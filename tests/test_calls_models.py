"""Calls, follow-up tasks, document checklists and payments: the records and their rules."""

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from pydantic import ValidationError

from core.calls import (
    Call,
    Channel,
    Direction,
    DocumentChecklist,
    DocumentItem,
    FollowUpTask,
    Outcome,
    Payment,
    TaskKind,
)

SHANGHAI = timezone(timedelta(hours=8))
# 23:30 on 1 March in Shanghai is 15:30 UTC the same day.
LATE_CALL = datetime(2026, 3, 1, 23, 30, tzinfo=SHANGHAI)


def a_call(**changes) -> Call:
    fields = {
        "at": LATE_CALL,
        "channel": Channel.PHONE,
        "lender": "来分期",
        "agent_id": "FD2035",
        "summary": "Asked to pause interest and spread the balance over 36 months.",
        "outcome": Outcome.CALL_BACK,
    }
    return Call(**{**fields, **changes})


def test_a_call_has_sensible_defaults():
    call = a_call()
    assert call.direction is Direction.OUTGOING
    assert (call.id, call.version, call.client_id, call.debt_id) == (None, 0, None, None)
    assert (call.recorded, call.agent_told_of_recording) == (False, False)


def test_the_same_instant_in_another_timezone_is_the_same_call_time():
    assert a_call().at == a_call(at=datetime(2026, 3, 1, 15, 30, tzinfo=UTC)).at


@pytest.mark.parametrize(
    ("next_action_on", "accepted"),
    [
        (date(2026, 2, 28), False),  # the day before the call
        (date(2026, 3, 1), True),  # the day of the call, in Shanghai
        (date(2026, 3, 2), True),
    ],
)
def test_the_next_action_date_may_not_be_before_the_call(next_action_on, accepted):
    changes = {"next_action": "Call back", "next_action_on": next_action_on}
    if accepted:
        assert a_call(**changes).next_action_on == next_action_on
    else:
        with pytest.raises(ValidationError, match="next_action_on"):
            a_call(**changes)


def test_a_next_action_date_needs_the_action():
    with pytest.raises(ValidationError, match="next_action"):
        a_call(next_action_on=date(2026, 3, 2))


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"at": datetime(2026, 3, 1, 23, 30)}, "at"),  # naive: which timezone?
        ({"summary": ""}, "summary"),
        ({"summary": "   "}, "summary"),
        ({"lender": ""}, "lender"),
        ({"agent_id": "A" * 33}, "agent_id"),
        ({"channel": "fax"}, "channel"),
        ({"outcome": "maybe"}, "outcome"),
        ({"direction": "sideways"}, "direction"),
        ({"recorded": False, "agent_told_of_recording": True}, "agent_told_of_recording"),
    ],
)
def test_bad_call_input_names_the_field(changes, field):
    with pytest.raises(ValidationError, match=field):
        a_call(**changes)


def test_an_agent_id_of_thirty_two_characters_is_accepted():
    assert a_call(agent_id="A" * 32).agent_id == "A" * 32


@pytest.mark.parametrize("channel", list(Channel))
def test_every_channel_can_be_recorded(channel):
    assert a_call(channel=channel.value).channel is channel


def test_enums_have_stable_stored_values():
    assert [c.value for c in Channel] == ["phone", "in_app_chat", "email", "letter", "regulator"]
    assert [o.value for o in Outcome] == [
        "agreed",
        "partly_agreed",
        "refused",
        "call_back",
        "no_answer",
    ]


def test_a_call_is_frozen():
    with pytest.raises(ValidationError):
        a_call().summary = "changed"


def test_a_follow_up_task_is_due_at_an_instant():
    task = FollowUpTask(title="Check the plan in the app", due=LATE_CALL + timedelta(hours=24))
    assert (task.kind, task.done, task.done_at) == (TaskKind.CUSTOM, False, None)
    with pytest.raises(ValidationError, match="due"):
        FollowUpTask(title="x", due=datetime(2026, 3, 2, 9, 0))
    with pytest.raises(ValidationError, match="title"):
        FollowUpTask(title="", due=LATE_CALL)


def test_only_a_done_task_has_a_completion_time():
    with pytest.raises(ValidationError, match="done_at"):
        FollowUpTask(title="x", due=LATE_CALL, done=False, done_at=LATE_CALL)
    assert FollowUpTask(title="x", due=LATE_CALL, done=True, done_at=LATE_CALL).done


def test_a_checklist_lists_what_is_missing_in_order():
    checklist = DocumentChecklist(contract_number=True, income_proof=True, debt_list=True)
    assert checklist.missing() == [
        DocumentItem.ID_CARD_PHOTOS,
        DocumentItem.HARDSHIP_PROOF,
        DocumentItem.WRITTEN_PROPOSAL,
    ]
    assert not checklist.complete
    everything = {item.value: True for item in DocumentItem}
    assert DocumentChecklist(**everything).complete


def test_the_power_of_attorney_is_missing_only_when_a_counselor_negotiates_for_the_client():
    poa = DocumentItem.POWER_OF_ATTORNEY
    checklist = DocumentChecklist(**{item.value: True for item in DocumentItem if item is not poa})
    assert checklist.missing() == [] and checklist.complete
    assert checklist.missing(on_behalf=True) == [DocumentItem.POWER_OF_ATTORNEY]
    assert DocumentChecklist.needed() == list(DocumentItem)[:-1]
    assert DocumentChecklist.needed(on_behalf=True) == list(DocumentItem)
    signed = checklist.model_copy(update={"power_of_attorney": True})
    assert signed.missing(on_behalf=True) == []


@pytest.mark.parametrize(
    ("amount", "stored"),
    [
        ("1,234.50", Decimal("1234.50")),
        (Decimal("0.01"), Decimal("0.01")),
        (1000, Decimal("1000")),
        (0.1, Decimal("0.1")),
    ],
)
def test_a_payment_amount_is_an_exact_decimal(amount, stored):
    payment = Payment(paid_on=date(2026, 3, 15), amount=amount, debt_id=1)
    assert payment.amount == stored
    assert isinstance(payment.amount, Decimal)


@pytest.mark.parametrize("amount", ["0", "-5", "1000.005", "abc", None])
def test_a_payment_of_nothing_a_negative_or_a_fraction_of_a_fen_is_refused(amount):
    with pytest.raises(ValidationError, match="amount"):
        Payment(paid_on=date(2026, 3, 15), amount=amount)
