"""Collection conduct: which contacts break the rules, and where to complain."""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from core.calls import Channel
from core.debts import LenderType
from core.errors import CoreError
from core.rules.conduct import (
    CollectionContact,
    CollectionEvent,
    ContactTarget,
    collection_conduct_flags,
)
from core.rules.escalation import RegulatorRoute

SH = ZoneInfo("Asia/Shanghai")
NOON = datetime(2026, 3, 2, 12, 0, tzinfo=SH)


def codes(event, earlier=(), **kwargs):
    return [flag.code for flag in collection_conduct_flags(event, earlier, **kwargs)]


def test_a_polite_daytime_call_to_the_client_breaks_no_rule():
    assert codes(CollectionEvent(at=NOON)) == []


@pytest.mark.parametrize(
    "target",
    [
        ContactTarget.RELATIVE,
        ContactTarget.COLLEAGUE,
        ContactTarget.CONTACT_LIST,
        ContactTarget.OTHER_THIRD_PARTY,
    ],
)
def test_contacting_anyone_but_the_borrower_is_flagged(target):
    (flag,) = collection_conduct_flags(CollectionEvent(at=NOON, contacted=target), language="en")
    assert flag.code == "conduct.third_party_contact"
    assert flag.params["target"] in flag.text


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"threats": True}, ["conduct.threat"]),
        ({"threat_to_safety": True}, ["conduct.threat"]),
        ({"insults": True}, ["conduct.insult"]),
        (
            {"threats": True, "insults": True, "contacted": ContactTarget.RELATIVE},
            ["conduct.third_party_contact", "conduct.threat", "conduct.insult"],
        ),
    ],
)
def test_threats_and_insults_are_flagged(fields, expected):
    assert codes(CollectionEvent(at=NOON, **fields)) == expected


@pytest.mark.parametrize(
    ("clock", "late"),
    [
        (time(7, 59), True),
        (time(8, 0), False),
        (time(20, 59), False),
        (time(21, 0), True),
        (time(23, 30), True),
        (time(0, 0), True),
        (time(3, 15), True),
    ],
)
def test_calls_in_the_rest_hours_are_flagged(clock, late):
    event = CollectionEvent(at=datetime.combine(NOON.date(), clock, tzinfo=SH))
    assert codes(event) == (["conduct.late_night"] if late else [])


def test_the_rest_hours_are_read_on_the_shanghai_clock():
    # 14:30 UTC is 22:30 in Shanghai: late. 01:30 UTC is 09:30 in Shanghai: fine.
    assert codes(CollectionEvent(at=datetime(2026, 3, 2, 14, 30, tzinfo=UTC))) == [
        "conduct.late_night"
    ]
    assert codes(CollectionEvent(at=datetime(2026, 3, 2, 1, 30, tzinfo=UTC))) == []


def test_the_late_call_is_worded_with_its_time():
    event = CollectionEvent(at=datetime(2026, 3, 2, 22, 5, tzinfo=SH))
    (flag,) = collection_conduct_flags(event, language="zh-CN")
    assert flag.text == "联系发生在2026年3月2日 22:05，处于21:00至次日08:00的休息时段。"


@pytest.mark.parametrize(
    ("earlier_minutes", "flagged"),
    [
        ([], False),
        ([-30], False),  # two contacts
        ([-60, -30], True),  # the third within the hour, the first exactly an hour before
        ([-61, -30], False),  # the first is just outside the hour
        ([-50, -40, -10], True),
        ([-30, 10], False),  # a later contact does not count against this one
    ],
)
def test_repeated_calls_in_a_short_time_are_flagged(earlier_minutes, flagged):
    earlier = [NOON + timedelta(minutes=m) for m in earlier_minutes]
    assert codes(CollectionEvent(at=NOON), earlier) == (["conduct.repeated"] if flagged else [])


def test_earlier_contacts_may_be_events_and_the_limits_are_parameters():
    earlier = [CollectionEvent(at=NOON - timedelta(hours=3))]
    assert codes(CollectionEvent(at=NOON), earlier) == []
    flags = collection_conduct_flags(
        CollectionEvent(at=NOON),
        earlier,
        repeat_limit=2,
        repeat_window=timedelta(hours=4),
        language="en",
    )
    assert flags[0].text == "2 contacts within 4 hours: repeated calls in a short time."


@pytest.mark.parametrize(
    ("lender_type", "route", "channel"),
    [
        (LenderType.BANK_CREDIT_CARD, RegulatorRoute.NFRA_12378, "12378"),
        (LenderType.CONSUMER_FINANCE, RegulatorRoute.NFRA_12378, "12378"),
        (LenderType.MICROLOAN, RegulatorRoute.LOCAL_REGULATOR, "地方金融管理部门"),
        (LenderType.ONLINE_PLATFORM, RegulatorRoute.BY_LICENCE, "持牌机构"),
    ],
)
def test_each_flag_names_the_complaint_route(lender_type, route, channel):
    event = CollectionEvent(at=NOON, contacted=ContactTarget.COLLEAGUE)
    (flag,) = collection_conduct_flags(event, lender_type=lender_type)
    assert flag.route is route
    assert channel in flag.complaint
    assert "录音" in flag.evidence
    assert not flag.police


def test_an_online_platform_is_routed_by_its_licence():
    event = CollectionEvent(at=NOON, insults=True)
    (flag,) = collection_conduct_flags(event, lender_type="online_platform", licence="microloan")
    assert flag.route is RegulatorRoute.LOCAL_REGULATOR


def test_a_threat_to_safety_adds_the_police():
    event = CollectionEvent(at=NOON, threat_to_safety=True)
    (flag,) = collection_conduct_flags(event, language="en")
    assert flag.police
    assert flag.complaint.endswith("call the police on 110 straight away.")


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"repeat_limit": 1}, "repeat_limit"), ({"repeat_window": timedelta(0)}, "repeat_window")],
)
def test_nonsense_limits_are_refused(kwargs, field):
    with pytest.raises(CoreError) as error:
        collection_conduct_flags(CollectionEvent(at=NOON), **kwargs)
    assert error.value.field == field


def test_naive_times_are_refused():
    with pytest.raises(ValueError, match="at"):
        CollectionEvent(at=datetime(2026, 3, 2, 12, 0))
    with pytest.raises(CoreError) as error:
        collection_conduct_flags(CollectionEvent(at=NOON), [datetime(2026, 3, 2, 11, 30)])
    assert error.value.field == "earlier"


# --- the stored contact --------------------------------------------------------------------


def a_contact(**changes) -> CollectionContact:
    fields = {
        "client_id": 3,
        "debt_id": 7,
        "event": CollectionEvent(
            at=datetime(2026, 3, 1, 22, 30, tzinfo=SH), contacted=ContactTarget.RELATIVE
        ),
        "lender": "  来分期 ",
        "collector": "催收员 C-17",
        "note": "给我姐姐打电话",
    }
    return CollectionContact(**{**fields, **changes})


def test_a_collection_contact_keeps_the_event_the_rules_read_and_its_context():
    contact = a_contact()
    assert (contact.id, contact.version) == (None, 0)
    assert contact.lender == "来分期"  # surrounding spaces trimmed
    assert contact.channel is Channel.PHONE
    assert contact.at == datetime(2026, 3, 1, 14, 30, tzinfo=UTC)  # 22:30 in Shanghai
    codes = [flag.code for flag in collection_conduct_flags(contact.event, language="en")]
    assert codes == ["conduct.third_party_contact", "conduct.late_night"]


def test_a_collection_contact_is_frozen():
    contact = a_contact()
    with pytest.raises(ValidationError):
        contact.note = "changed"  # type: ignore[misc]
    assert contact.model_copy(update={"note": "changed"}).note == "changed"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"lender": "   "}, "lender"),
        ({"lender": "x" * 101}, "lender"),
        ({"collector": "x" * 101}, "collector"),
        ({"note": "x" * 10_001}, "note"),
        ({"version": -1}, "version"),
        ({"channel": "carrier_pigeon"}, "channel"),
        ({"event": {"at": datetime(2026, 3, 1, 22, 30)}}, "event.at"),
    ],
)
def test_a_collection_contact_refuses_bad_values_naming_the_field(changes, field):
    with pytest.raises(ValidationError) as caught:
        a_contact(**changes)
    error = caught.value.errors()[0]
    assert ".".join(str(part) for part in error["loc"]) == field


def test_the_longest_allowed_note_and_collector_are_kept():
    contact = a_contact(note="记" * 10_000, collector="x" * 100)
    assert (len(contact.note), len(contact.collector)) == (10_000, 100)
