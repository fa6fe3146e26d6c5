"""When a lender goes to court: the legal status of a debt and the deadlines it sets.

The status
----------
A debt's :class:`LegalStatus` is the dated record of what has happened on the legal side, one
:class:`LegalEvent` per document or step (:class:`LegalStage`): a 律师函 received, the suit
filed, the complaint served on the debtor, a judgment (判决) or an arbitral award (仲裁裁决,
``award=True``), a ruling (裁定), an appeal lodged, enforcement (执行). No event at all is
:attr:`LegalStage.NONE`. Dates that cannot follow each other are refused with a named
:class:`~core.errors.CoreError` (code ``legal_order``): a complaint served before the suit was
filed, a judgment before the suit or before service, an appeal before any judgment or ruling,
enforcement before the judgment. A 律师函 and a ruling (a pre-suit preservation ruling
exists) may come at any time.

What ``on`` means depends on the stage, and it is the date the deadlines count from:

- ``served``: the day the debtor received the complaint (起诉状副本);
- ``judgment`` / ``ruling``: the day the judgment, award or ruling was **served on** (received
  by) the debtor — not the date printed on it;
- the others: the day of the step (letter received, suit filed, appeal lodged, enforcement
  case opened or notice received).

A judgment, award or ruling may carry ``perform_by``: the last day of the performance period it
sets (e.g. "within 10 days of this judgment taking effect"), from which the creditor's time to
apply for enforcement runs. The counselor reads it off the document; when it is not known no
enforcement deadline is computed (the date depends on when the decision took effect).

The deadlines (:data:`RULES`, each with its article)
----------------------------------------------------
《中华人民共和国民事诉讼法》, 2023 revision (adopted 1 Sep 2023, in force 1 Jan 2024):

=====================  ========  ====================================================  ========
deadline               article   period                                                whose
=====================  ========  ====================================================  ========
defence (答辩)          128       15 days from service of the complaint                 debtor
appeal, judgment       171       15 days from service of a first-instance judgment     debtor
appeal, ruling         171       10 days from service of an appealable ruling          debtor
enforcement (申请执行)  250       2 years from the last day of the performance period   creditor
=====================  ========  ====================================================  ========

A decision given on an appeal (second instance) is final (二审终审) and an arbitral award
cannot be appealed (一裁终局): neither has an appeal deadline. Only some rulings can be
appealed (refusing to accept a case, on an objection to jurisdiction, dismissing a suit), all
before the judgment; the ruling itself says whether and where. :func:`appealable` decides.
Parties without a domicile in China have 30 days — not modelled (the clients are in China).

Counting (art. 85; the Civil Code's arts. 201–203 count the same way): the day of service or
the starting day is not counted, so 15 days from service on day D end on D + 15, and 2 years
from day D end on the same day two years on (29 Feb → 28 Feb, :func:`core.schedules.add_months`).
A period whose last day is a statutory holiday ends on the first working day after it
(:func:`roll_forward`). **The official holiday calendar must be supplied**: core knows no
calendar, so callers pass the State Council's published public holidays as ``holidays`` and,
if they wish, the make-up working weekend days (调休上班) as ``working_days``; Saturdays and
Sundays are non-working unless listed in ``working_days``. Without a supplied calendar a
deadline falling on, say, National Day is **not** moved — the pages must say where the
calendar came from.

Every deadline is information for the counselor, not legal advice; the enforcement period can
be suspended or interrupted (art. 250 refers to the limitation rules: a partial payment or an
execution settlement restarts it), so the creditor's date is an estimate.

Negotiation advice
------------------
:func:`negotiation_advice` gives catalogue keys (``legal.advice.<value>``,
``i18n/catalogue/legal.py``) for the escalation ladder and the call script: before a suit,
negotiate with the lender as usual; once a suit is filed, through the lender's lawyer or the
court's mediation (诉前调解 / 诉讼调解); after a judgment or award, an agreement is put in
writing as an execution settlement (执行和解). The last two keys are always the disclaimer and
where to get legal aid (12348).

For the pages
-------------
The store keeps one :class:`LegalStatus` per debt (its events as rows: stage, on, document,
award, perform_by; ``LegalStatus.model_validate`` re-checks the order on load, and a refused
save is worded by ``i18n.errors`` from the codes ``legal_order``, ``legal_missing``,
``legal_none``). Then:

- **Debts** shows :attr:`LegalStatus.stage` (label ``enum.legal_stage.<value>``) and edits the
  events; ``legal.on_help`` and ``legal.perform_by_help`` explain which date to enter.
- **Today** lists ``[d for d in deadlines(status, as_of=today, holidays=…) if d.open and not
  d.passed]`` across the client's debts, ``today`` being the date on the Asia/Shanghai clock
  (``i18n.DISPLAY_ZONE``), the debtor's first (:attr:`Party.DEBTOR`), each with its days left
  (``legal.deadline.days_left`` / ``due_today`` / ``passed``), ``legal.deadline.rolled`` when
  :attr:`Deadline.rolled`, and its citation ``legal.deadline.cited`` (``revision``,
  ``article`` from :attr:`Deadline.source`); the creditor's with
  ``legal.deadline.enforcement_estimate``; ``legal.calendar_note`` under the list.
- **The timeline** shows every event and every deadline, open or not, passed or not.
- **The escalation ladder and the call script** read :func:`negotiation_advice` (texts
  ``legal.advice.<key>``) and :attr:`LegalStatus.in_court` (negotiate through the lender's
  lawyer or the court, not the ladder's complaint steps alone).

>>> status = LegalStatus(events=(LegalEvent(stage=LegalStage.SUIT_FILED, on=date(2026, 3, 2)),
...                              LegalEvent(stage=LegalStage.SERVED, on=date(2026, 3, 10))))
>>> [(d.kind.value, d.due, d.days_left) for d in deadlines(status, as_of=date(2026, 3, 20))]
[('defence', datetime.date(2026, 3, 25), 5)]
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from core.errors import CoreError
from core.schedules import add_months

#: The law every deadline here comes from, and its version in force.
CIVIL_PROCEDURE_LAW = "中华人民共和国民事诉讼法"
REVISION_YEAR = 2023
IN_FORCE = date(2024, 1, 1)

#: Longest text kept for an event's document (a case number and title).
MAX_DOCUMENT_LENGTH = 200


class LegalStage(StrEnum):
    """Where a debt stands on the legal side. Stored as the value."""

    NONE = "none"
    LAWYER_LETTER = "lawyer_letter"
    SUIT_FILED = "suit_filed"
    SERVED = "served"
    JUDGMENT = "judgment"
    RULING = "ruling"
    APPEAL = "appeal"
    ENFORCEMENT = "enforcement"


class DeadlineKind(StrEnum):
    DEFENCE = "defence"
    APPEAL_JUDGMENT = "appeal_judgment"
    APPEAL_RULING = "appeal_ruling"
    ENFORCEMENT = "enforcement"


class Party(StrEnum):
    """Whose deadline it is."""

    DEBTOR = "debtor"
    CREDITOR = "creditor"


class AdviceKey(StrEnum):
    """One piece of advice; its text is ``legal.advice.<value>`` in the catalogue."""

    NEGOTIATE_DIRECT = "negotiate_direct"
    LAWYER_LETTER = "lawyer_letter"
    THROUGH_LAWYER_OR_MEDIATION = "through_lawyer_or_mediation"
    ANSWER_THE_COURT = "answer_the_court"
    AWARD_NO_APPEAL = "award_no_appeal"
    EXECUTION_SETTLEMENT = "execution_settlement"
    ENFORCEMENT_UNDER_WAY = "enforcement_under_way"
    DISCLAIMER = "disclaimer"
    LEGAL_AID = "legal_aid"


class LegalSource(BaseModel):
    """One article: the law, its revision and entry into force, and what it says.

    ``paraphrase`` is a developer's one-line English summary; the counselor reads the
    catalogue's ``legal.source.<code>``. ``verified`` is False for an article number not
    checked against the official text of this revision.
    """

    model_config = ConfigDict(frozen=True)

    code: str
    law: str = CIVIL_PROCEDURE_LAW
    revision: int = REVISION_YEAR
    in_force: date = IN_FORCE
    article: int
    paraphrase: str
    verified: bool = True


class DeadlineRule(BaseModel):
    """A period: ``days`` or ``months`` counted from the event's date, for ``party``."""

    model_config = ConfigDict(frozen=True)

    kind: DeadlineKind
    party: Party
    days: int = 0
    months: int = 0
    source: LegalSource


#: Day counting: the starting day is not counted; a last day that is a holiday moves on.
COUNTING = LegalSource(
    code="counting",
    article=85,
    paraphrase="Periods run in hours, days, months and years; the starting hour and day are not "
    "counted; a period ending on a statutory holiday ends on the first day after it.",
)
#: Courts first try mediation on a suit suited to it (先行调解).
PRE_SUIT_MEDIATION = LegalSource(
    code="pre_suit_mediation",
    article=125,
    paraphrase="A dispute brought to court that is suited to mediation is mediated first, "
    "unless a party refuses.",
)
#: Mediation during the trial (诉讼调解), on the parties' consent.
COURT_MEDIATION = LegalSource(
    code="court_mediation",
    article=96,
    paraphrase="Courts try civil cases by mediation where the parties consent, on the facts.",
)
#: Execution settlement (执行和解). Article number 241 not checked against the 2023 text
#: (237 in the 2021 revision, shifted by the four articles 2023 added before it).
EXECUTION_SETTLEMENT = LegalSource(
    code="execution_settlement",
    article=241,
    paraphrase="Parties who settle during enforcement have the agreement recorded; if it is "
    "not kept, the creditor may ask to resume enforcement of the original decision.",
    verified=False,
)

#: The deadlines computed from a status, with their articles.
RULES: dict[DeadlineKind, DeadlineRule] = {
    DeadlineKind.DEFENCE: DeadlineRule(
        kind=DeadlineKind.DEFENCE,
        party=Party.DEBTOR,
        days=15,
        source=LegalSource(
            code="defence",
            article=128,
            paraphrase="The court sends the complaint to the defendant within 5 days of filing; "
            "the defendant files a defence within 15 days of receiving it.",
        ),
    ),
    DeadlineKind.APPEAL_JUDGMENT: DeadlineRule(
        kind=DeadlineKind.APPEAL_JUDGMENT,
        party=Party.DEBTOR,
        days=15,
        source=LegalSource(
            code="appeal_judgment",
            article=171,
            paraphrase="A party may appeal a local court's first-instance judgment within 15 "
            "days of its service.",
        ),
    ),
    DeadlineKind.APPEAL_RULING: DeadlineRule(
        kind=DeadlineKind.APPEAL_RULING,
        party=Party.DEBTOR,
        days=10,
        source=LegalSource(
            code="appeal_ruling",
            article=171,
            paraphrase="A party may appeal a local court's first-instance ruling within 10 "
            "days of its service.",
        ),
    ),
    DeadlineKind.ENFORCEMENT: DeadlineRule(
        kind=DeadlineKind.ENFORCEMENT,
        party=Party.CREDITOR,
        months=24,
        source=LegalSource(
            code="enforcement",
            article=250,
            paraphrase="The time to apply for enforcement is 2 years from the last day of the "
            "performance period the decision sets; it is suspended and interrupted like a "
            "limitation period.",
        ),
    ),
}

#: Every source cited here, by code (the catalogue has ``legal.source.<code>`` for each).
SOURCES: dict[str, LegalSource] = {
    source.code: source
    for source in (
        COUNTING,
        PRE_SUIT_MEDIATION,
        COURT_MEDIATION,
        EXECUTION_SETTLEMENT,
        *(rule.source for rule in RULES.values()),
    )
}

#: Court stages: once one is recorded, a later 律师函 does not change the current stage.
COURT_STAGES = frozenset(
    {
        LegalStage.SUIT_FILED,
        LegalStage.SERVED,
        LegalStage.JUDGMENT,
        LegalStage.RULING,
        LegalStage.APPEAL,
        LegalStage.ENFORCEMENT,
    }
)
#: Decisions: the documents an appeal or an enforcement follows.
DECISIONS = frozenset({LegalStage.JUDGMENT, LegalStage.RULING})

#: (earlier, later): the first ``later`` event may not be dated before the first event of any
#: of the ``earlier`` stages recorded (an appeal follows the first judgment *or* ruling).
ORDER: tuple[tuple[frozenset[LegalStage], LegalStage], ...] = (
    (frozenset({LegalStage.SUIT_FILED}), LegalStage.SERVED),
    (frozenset({LegalStage.SUIT_FILED}), LegalStage.JUDGMENT),
    (frozenset({LegalStage.SERVED}), LegalStage.JUDGMENT),
    (DECISIONS, LegalStage.APPEAL),
    (frozenset({LegalStage.JUDGMENT}), LegalStage.ENFORCEMENT),
)
#: Stages that need one of these recorded before them at all.
REQUIRES: dict[LegalStage, frozenset[LegalStage]] = {LegalStage.APPEAL: DECISIONS}


class LegalEvent(BaseModel):
    """One dated step; see the module docstring for what ``on`` means per stage.

    ``document``: the counselor's note of the document (case number, court). ``award``: the
    judgment stage is an arbitral award. ``perform_by``: for a judgment, award or ruling, the
    last day of the performance period it sets.
    """

    model_config = ConfigDict(frozen=True)

    stage: LegalStage
    on: date
    document: str = Field(default="", max_length=MAX_DOCUMENT_LENGTH)
    award: bool = False
    perform_by: date | None = None

    @model_validator(mode="after")
    def _consistent(self) -> LegalEvent:
        if self.stage is LegalStage.NONE:
            raise CoreError("stage", "no legal step is recorded as no event", code="legal_none")
        if self.award and self.stage is not LegalStage.JUDGMENT:
            raise CoreError("award", "only the judgment stage can be an award", code="invalid")
        if self.perform_by is not None:
            if self.stage not in DECISIONS:
                raise CoreError("perform_by", "only a judgment or ruling sets a performance period")
            if self.perform_by < self.on:
                raise CoreError(
                    "perform_by",
                    f"{self.perform_by} is before the decision was served on {self.on}",
                    code="legal_order",
                    params={"earlier": self.stage.value, "later": "perform_by"},
                )
        return self


class LegalStatus(BaseModel):
    """A debt's legal events, kept in date order (same day: in stage order)."""

    model_config = ConfigDict(frozen=True)

    events: tuple[LegalEvent, ...] = ()

    @model_validator(mode="after")
    def _ordered(self) -> LegalStatus:
        rank = list(LegalStage)
        ordered = tuple(sorted(self.events, key=lambda e: (e.on, rank.index(e.stage))))
        object.__setattr__(self, "events", ordered)
        first: dict[LegalStage, date] = {}
        for event in ordered:
            first.setdefault(event.stage, event.on)
        for later, needed in REQUIRES.items():
            if later in first and not needed & first.keys():
                raise CoreError(
                    "events",
                    f"{later.value} needs one of {sorted(s.value for s in needed)} first",
                    code="legal_missing",
                    params={"later": later.value},
                )
        for earlier_stages, later in ORDER:
            present = sorted(earlier_stages & first.keys(), key=lambda stage: first[stage])
            if present and later in first:
                earlier = present[0]
                if first[later] < first[earlier]:
                    raise CoreError(
                        "events",
                        f"{later.value} on {first[later]} is before {earlier.value} on "
                        f"{first[earlier]}",
                        code="legal_order",
                        params={"earlier": earlier.value, "later": later.value},
                    )
        return self

    @property
    def stage(self) -> LegalStage:
        """The current stage: the latest event's, a 律师函 not counting once in court."""
        in_court = [e for e in self.events if e.stage in COURT_STAGES]
        shown = in_court or self.events
        return shown[-1].stage if shown else LegalStage.NONE

    @property
    def in_court(self) -> bool:
        """A suit, decision or enforcement is recorded: negotiate through lawyer or court."""
        return any(e.stage in COURT_STAGES for e in self.events)


def is_working_day(
    day: date, holidays: Iterable[date] = frozenset(), working_days: Iterable[date] = frozenset()
) -> bool:
    """Not a supplied holiday, and not a Saturday or Sunday unless it is a make-up working day.

    >>> saturday = date(2026, 3, 28)
    >>> is_working_day(saturday), is_working_day(saturday, working_days={saturday})
    (False, True)
    """
    if day in frozenset(holidays):
        return False
    return day.weekday() < 5 or day in frozenset(working_days)


def roll_forward(
    day: date, holidays: Iterable[date] = frozenset(), working_days: Iterable[date] = frozenset()
) -> date:
    """``day``, or the first working day after it when it is not one (art. 85).

    >>> roll_forward(date(2026, 3, 28))  # a Saturday
    datetime.date(2026, 3, 30)
    """
    off, on = frozenset(holidays), frozenset(working_days)
    while not is_working_day(day, off, on):
        day += timedelta(days=1)
    return day


def nominal_end(start: date, rule: DeadlineRule) -> date:
    """The last day of ``rule``'s period from ``start``, the starting day not counted.

    >>> nominal_end(date(2024, 2, 29), RULES[DeadlineKind.ENFORCEMENT])
    datetime.date(2026, 2, 28)
    """
    return add_months(start, rule.months) + timedelta(days=rule.days)


class Deadline(BaseModel):
    """A deadline computed from one event.

    ``nominal``: the period's last day as counted; ``due``: that day or, when it is not a
    working day, the first working day after it. ``days_left``: from ``as_of`` to ``due``,
    negative once passed. ``open``: still calls for action — not overtaken by a later step (a
    judgment after the defence was due, an appeal lodged, a later decision, enforcement
    applied for).
    """

    model_config = ConfigDict(frozen=True)

    kind: DeadlineKind
    party: Party
    event: LegalEvent
    nominal: date
    due: date
    days_left: int
    open: bool
    source: LegalSource

    @property
    def passed(self) -> bool:
        return self.days_left < 0

    @property
    def rolled(self) -> bool:
        """The nominal day was not a working day."""
        return self.due != self.nominal


def _deadline(
    rule: DeadlineRule,
    event: LegalEvent,
    start: date,
    *,
    as_of: date,
    open_: bool,
    holidays: frozenset[date],
    working_days: frozenset[date],
) -> Deadline:
    nominal = nominal_end(start, rule)
    due = roll_forward(nominal, holidays, working_days)
    return Deadline(
        kind=rule.kind,
        party=rule.party,
        event=event,
        nominal=nominal,
        due=due,
        days_left=(due - as_of).days,
        open=open_,
        source=rule.source,
    )


def appealable(events: tuple[LegalEvent, ...], index: int) -> bool:
    """Whether the decision ``events[index]`` sets an appeal deadline.

    Not an arbitral award (一裁终局); not the decision on an appeal — the first decision after
    an appeal, with no other decision between — which is final (二审终审; a case sent back
    after an appeal on jurisdiction goes on, and its later judgment is a first-instance one
    again); not a ruling once a judgment or enforcement is recorded (the appealable rulings —
    refusing a case, on jurisdiction, dismissing a suit — come before the judgment; rulings in
    enforcement are challenged by objection or reconsideration, not appeal).
    """
    event = events[index]
    if event.award:
        return False
    steps = [e.stage for e in events[:index] if e.stage in DECISIONS | {LegalStage.APPEAL}]
    if steps and steps[-1] is LegalStage.APPEAL:
        return False
    if event.stage is LegalStage.RULING:
        return not any(
            e.stage in {LegalStage.JUDGMENT, LegalStage.ENFORCEMENT} for e in events[:index]
        )
    return True


def deadlines(
    status: LegalStatus,
    *,
    as_of: date,
    holidays: Iterable[date] = frozenset(),
    working_days: Iterable[date] = frozenset(),
) -> list[Deadline]:
    """Every deadline ``status`` sets, by due date (same day: debtor's first).

    ``as_of`` is today (passed in); an event dated after it is refused (``future``).
    ``holidays``: the official public holidays (see the module docstring: must be supplied);
    ``working_days``: weekend days made working days. Passed deadlines stay in the list (the
    timeline shows them); Today shows the ``open`` ones.
    """
    off, on = frozenset(holidays), frozenset(working_days)
    events = status.events
    for event in events:
        if event.on > as_of:
            raise CoreError("on", f"{event.on} is after {as_of}", code="future")
    found: list[Deadline] = []

    def later(event: LegalEvent, stages: frozenset[LegalStage]) -> bool:
        return any(e.stage in stages and e.on >= event.on and e is not event for e in events)

    for index, event in enumerate(events):
        after = events[index + 1 :]
        if event.stage is LegalStage.SERVED:
            overtaken = any(e.stage in {LegalStage.JUDGMENT, LegalStage.APPEAL} for e in after)
            found.append(
                _deadline(
                    RULES[DeadlineKind.DEFENCE],
                    event,
                    event.on,
                    as_of=as_of,
                    open_=not overtaken,
                    holidays=off,
                    working_days=on,
                )
            )
        if event.stage in DECISIONS:
            if appealable(events, index):
                kind = (
                    DeadlineKind.APPEAL_JUDGMENT
                    if event.stage is LegalStage.JUDGMENT
                    else DeadlineKind.APPEAL_RULING
                )
                overtaken = any(e.stage in {LegalStage.APPEAL, LegalStage.JUDGMENT} for e in after)
                found.append(
                    _deadline(
                        RULES[kind],
                        event,
                        event.on,
                        as_of=as_of,
                        open_=not overtaken,
                        holidays=off,
                        working_days=on,
                    )
                )
            if event.perform_by is not None:
                overtaken = later(event, frozenset({LegalStage.ENFORCEMENT})) or any(
                    e.stage in {LegalStage.APPEAL, LegalStage.JUDGMENT} for e in after
                )
                found.append(
                    _deadline(
                        RULES[DeadlineKind.ENFORCEMENT],
                        event,
                        event.perform_by,
                        as_of=as_of,
                        open_=not overtaken,
                        holidays=off,
                        working_days=on,
                    )
                )
    parties = list(Party)
    return sorted(found, key=lambda d: (d.due, parties.index(d.party)))


def negotiation_advice(status: LegalStatus) -> tuple[AdviceKey, ...]:
    """What the escalation ladder and the call script should say at ``status``'s stage.

    The stage's advice first, then always :attr:`AdviceKey.DISCLAIMER` and
    :attr:`AdviceKey.LEGAL_AID` (12348). Texts: ``legal.advice.<value>`` in the catalogue.

    >>> [k.value for k in negotiation_advice(LegalStatus())]
    ['negotiate_direct', 'disclaimer', 'legal_aid']
    """
    stage = status.stage
    if stage is LegalStage.RULING and any(e.stage is LegalStage.JUDGMENT for e in status.events):
        stage = LegalStage.JUDGMENT  # a ruling after the judgment: the judgment still governs
    award = any(e.award for e in status.events if e.stage is LegalStage.JUDGMENT)
    advice: list[AdviceKey]
    if stage is LegalStage.NONE:
        advice = [AdviceKey.NEGOTIATE_DIRECT]
    elif stage is LegalStage.LAWYER_LETTER:
        advice = [AdviceKey.LAWYER_LETTER]
    elif stage in {LegalStage.SUIT_FILED, LegalStage.RULING, LegalStage.APPEAL}:
        advice = [AdviceKey.THROUGH_LAWYER_OR_MEDIATION]
    elif stage is LegalStage.SERVED:
        advice = [AdviceKey.ANSWER_THE_COURT, AdviceKey.THROUGH_LAWYER_OR_MEDIATION]
    elif stage is LegalStage.JUDGMENT:
        advice = [AdviceKey.AWARD_NO_APPEAL] if award else []
        advice.append(AdviceKey.EXECUTION_SETTLEMENT)
    else:
        advice = [AdviceKey.ENFORCEMENT_UNDER_WAY, AdviceKey.EXECUTION_SETTLEMENT]
    return (*advice, AdviceKey.DISCLAIMER, AdviceKey.LEGAL_AID)
