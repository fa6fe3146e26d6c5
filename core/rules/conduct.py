"""Collection contacts that break the rules, flagged with where to complain.

Debt collectors may press the borrower, but within limits that lenders' regulators and the
industry's own collection rules set out. :func:`collection_conduct_flags` checks one contact
(a call, message or visit the client logged) for:

- contacting anyone but the borrower about the debt: relatives, colleagues or the employer,
  people in the phone's contact list, other third parties;
- threats or intimidation, and separately a threat to someone's safety (a police matter);
- insults or degrading language;
- contact in the rest hours, by default 21:00 to 08:00 Shanghai time (the window collection
  rules commonly set; a parameter);
- repeated calls in a short time: by default the third contact within one hour (a working
  default, a parameter).

Each flag carries the complaint route (the lender's own complaint channel first, then the
regulator of :func:`core.rules.escalation.regulator_route`; the police for a threat to
safety) and a reminder to keep the evidence.

:class:`CollectionContact` is the contact as the counselor keeps it: the event the rules read,
plus the lender and collector, the channel and a note. ``id``, ``version`` and ``client_id``
are set by the store (``id=None``, ``version=0`` until saved).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time, timedelta
from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from core.calls import Channel
from core.debts import LenderType
from core.errors import CoreError
from core.limits import MAX_COLLECTOR_LENGTH, MAX_LENDER_LENGTH, MAX_TEXT_LENGTH
from core.rules.escalation import RegulatorRoute, regulator_route, route_text
from core.rules.templates import Notice, format_datetime, notice, render
from core.rules.timing import local, require_aware
from core.text import check_language

QUIET_FROM = time(21, 0)
QUIET_UNTIL = time(8, 0)
REPEAT_LIMIT = 3
REPEAT_WINDOW = timedelta(hours=1)


class ContactTarget(StrEnum):
    """Whom the collector contacted."""

    CLIENT = "client"
    RELATIVE = "relative"
    COLLEAGUE = "colleague"
    CONTACT_LIST = "contact_list"
    OTHER_THIRD_PARTY = "other_third_party"


class CollectionEvent(BaseModel):
    """One collection contact as the client reports it."""

    model_config = ConfigDict(frozen=True)

    at: AwareDatetime
    contacted: ContactTarget = ContactTarget.CLIENT
    threats: bool = False
    threat_to_safety: bool = False
    insults: bool = False


class CollectionContact(BaseModel):
    """One collection contact a counselor logged for a client: when and how the collector
    reached whom (:attr:`event`, what :func:`collection_conduct_flags` reads), for which lender
    (and, optionally, which of the client's debts), the collector's name or staff number and a
    note in the counselor's words."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    id: int | None = None
    version: int = Field(default=0, ge=0)
    client_id: int | None = None
    debt_id: int | None = None
    event: CollectionEvent
    channel: Channel = Channel.PHONE
    lender: str = Field(min_length=1, max_length=MAX_LENDER_LENGTH)
    collector: str = Field(default="", max_length=MAX_COLLECTOR_LENGTH)
    note: str = Field(default="", max_length=MAX_TEXT_LENGTH)

    @property
    def at(self) -> datetime:
        return self.event.at


class ConductFlag(Notice):
    """A breach, worded, with the complaint route and what evidence to keep."""

    route: RegulatorRoute
    police: bool = False
    complaint: str
    evidence: str


def collection_conduct_flags(
    event: CollectionEvent,
    earlier: Iterable[CollectionEvent | datetime] = (),
    *,
    lender_type: LenderType | str = LenderType.OTHER,
    licence: LenderType | str | None = None,
    language: str = "zh-CN",
    quiet_from: time = QUIET_FROM,
    quiet_until: time = QUIET_UNTIL,
    repeat_limit: int = REPEAT_LIMIT,
    repeat_window: timedelta = REPEAT_WINDOW,
) -> list[ConductFlag]:
    """The rules this contact breaks, in a fixed order; empty when it breaks none.

    ``earlier`` are the client's other logged contacts (events or their times) for the
    repeated-calls check: the contact is flagged when it is at least the ``repeat_limit``-th
    within ``repeat_window`` ending at it (earlier contacts at most ``repeat_window`` before).
    """
    check_language(language)
    if repeat_limit < 2:
        raise CoreError("repeat_limit", f"must be at least 2, got {repeat_limit}")
    if repeat_window <= timedelta(0):
        raise CoreError("repeat_window", "must be a positive duration")
    found: list[tuple[str, dict[str, str]]] = []
    if event.contacted is not ContactTarget.CLIENT:
        target = render(f"enum.contact_target.{event.contacted.value}", language)
        found.append(("conduct.third_party_contact", {"target": target}))
    if event.threats or event.threat_to_safety:
        found.append(("conduct.threat", {}))
    if event.insults:
        found.append(("conduct.insult", {}))
    local_at = local(event.at)
    wall = time(local_at.hour, local_at.minute, local_at.second, local_at.microsecond)
    if wall >= quiet_from or wall < quiet_until:
        found.append(
            (
                "conduct.late_night",
                {
                    "time": format_datetime(event.at, language),
                    "quiet_from": quiet_from.strftime("%H:%M"),
                    "quiet_until": quiet_until.strftime("%H:%M"),
                },
            )
        )
    count = 1 + _contacts_within(event.at, earlier, repeat_window)
    if count >= repeat_limit:
        hours = repeat_window / timedelta(hours=1)
        found.append(
            ("conduct.repeated", {"count": str(count), "hours": f"{hours:g}"}),
        )

    route = regulator_route(lender_type, licence=licence)
    complaint = render(
        "conduct.route.lender_then_regulator", language, regulator=route_text(route, language)
    )
    if event.threat_to_safety:
        complaint = f"{complaint}{_separator(language)}{render('conduct.route.police', language)}"
    evidence = render("conduct.evidence", language)
    return [
        ConductFlag(
            **notice(code, language, **params).model_dump(),
            route=route,
            police=event.threat_to_safety,
            complaint=complaint,
            evidence=evidence,
        )
        for code, params in found
    ]


def _contacts_within(
    at: datetime, earlier: Iterable[CollectionEvent | datetime], window: timedelta
) -> int:
    count = 0
    for item in earlier:
        moment = item.at if isinstance(item, CollectionEvent) else item
        require_aware(moment, "earlier")
        if at - window <= moment < at:
            count += 1
    return count


def _separator(language: str) -> str:
    return "" if language == "zh-CN" else " "
