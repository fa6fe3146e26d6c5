"""Legal status and its deadlines under the Civil Procedure Law (2023 revision)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from core.errors import CoreError
from core.rules.legal import (
    CIVIL_PROCEDURE_LAW,
    RULES,
    SOURCES,
    AdviceKey,
    DeadlineKind,
    LegalEvent,
    LegalStage,
    LegalStatus,
    Party,
    deadlines,
    is_working_day,
    negotiation_advice,
    nominal_end,
    roll_forward,
)
from i18n import CATALOGUE, LANGUAGES, translate

S = LegalStage
FILED = date(2026, 3, 2)  # Monday
SERVED = date(2026, 3, 10)  # Tuesday
#: National Day week as a caller would supply it from the State Council's calendar.
NATIONAL_DAY = frozenset(date(2026, 10, 1) + timedelta(days=n) for n in range(7))


def ev(stage: LegalStage, on: date, **kw) -> LegalEvent:
    return LegalEvent(stage=stage, on=on, **kw)


def status(*events: LegalEvent) -> LegalStatus:
    return LegalStatus(events=events)


def only(found, kind: DeadlineKind):
    matching = [d for d in found if d.kind is kind]
    assert len(matching) == 1, matching
    return matching[0]


def core_error(exc: pytest.ExceptionInfo) -> CoreError:
    cause = exc.value
    if isinstance(cause, ValidationError):
        cause = cause.errors()[0]["ctx"]["error"]
    assert isinstance(cause, CoreError)
    return cause


# --- the data table ---------------------------------------------------------------------


def test_each_rule_names_its_article_of_the_2023_revision():
    table = {
        kind: (rule.source.article, rule.days, rule.months, rule.party)
        for kind, rule in RULES.items()
    }
    assert table == {
        DeadlineKind.DEFENCE: (128, 15, 0, Party.DEBTOR),
        DeadlineKind.APPEAL_JUDGMENT: (171, 15, 0, Party.DEBTOR),
        DeadlineKind.APPEAL_RULING: (171, 10, 0, Party.DEBTOR),
        DeadlineKind.ENFORCEMENT: (250, 0, 24, Party.CREDITOR),
    }
    for source in SOURCES.values():
        assert source.law == CIVIL_PROCEDURE_LAW == "中华人民共和国民事诉讼法"
        assert (source.revision, source.in_force) == (2023, date(2024, 1, 1))
        assert source.paraphrase.strip()
    assert SOURCES["counting"].article == 85
    assert {code for code, s in SOURCES.items() if not s.verified} == {"execution_settlement"}


def test_every_source_stage_deadline_party_and_advice_has_both_languages():
    keys = [f"legal.source.{code}" for code in SOURCES]
    keys += [f"enum.legal_stage.{s.value}" for s in LegalStage]
    keys += [f"enum.legal_deadline.{k.value}" for k in DeadlineKind]
    keys += [f"enum.legal_party.{p.value}" for p in Party]
    keys += [f"legal.advice.{a.value}" for a in AdviceKey]
    keys += ["error.legal_order", "error.legal_missing", "error.legal_none"]
    for key in keys:
        assert set(CATALOGUE[key]) == set(LANGUAGES), key


def test_the_legal_aid_text_gives_the_12348_hotline():
    for lang in LANGUAGES:
        assert "12348" in translate("legal.advice.legal_aid", lang)


def test_the_citation_reads_the_revision_and_article():
    source = RULES[DeadlineKind.DEFENCE].source
    args = {"revision": source.revision, "article": source.article}
    assert translate("legal.deadline.cited", "en", **args) == (
        "Source: Civil Procedure Law (2023 revision), art. 128"
    )
    assert translate("legal.deadline.cited", "zh-CN", **args) == (
        "依据：《民事诉讼法》（2023年修正）第128条"
    )


# --- counting and roll-forward ------------------------------------------------------------


def test_the_day_of_service_is_not_counted():
    assert nominal_end(SERVED, RULES[DeadlineKind.DEFENCE]) == date(2026, 3, 25)
    assert nominal_end(SERVED, RULES[DeadlineKind.APPEAL_RULING]) == date(2026, 3, 20)


def test_weekends_are_not_working_days_unless_made_so():
    saturday, sunday, monday = date(2026, 3, 28), date(2026, 3, 29), date(2026, 3, 30)
    assert [is_working_day(d) for d in (saturday, sunday, monday)] == [False, False, True]
    assert is_working_day(saturday, working_days={saturday}) is True
    assert is_working_day(monday, holidays={monday}) is False


def test_roll_forward_over_a_holiday_then_a_weekend():
    friday_holiday = date(2026, 3, 27)
    assert roll_forward(friday_holiday) == friday_holiday
    assert roll_forward(friday_holiday, holidays={friday_holiday}) == date(2026, 3, 30)


# --- defence (art. 128) ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "days_left"),
    [(date(2026, 3, 24), 1), (date(2026, 3, 25), 0), (date(2026, 3, 26), -1)],
)
def test_defence_is_due_15_days_after_service(as_of, days_left):
    found = deadlines(status(ev(S.SUIT_FILED, FILED), ev(S.SERVED, SERVED)), as_of=as_of)
    assert len(found) == 1
    defence = found[0]
    assert (defence.kind, defence.party) == (DeadlineKind.DEFENCE, Party.DEBTOR)
    assert (defence.nominal, defence.due, defence.rolled) == (
        date(2026, 3, 25),
        date(2026, 3, 25),
        False,
    )
    assert defence.days_left == days_left
    assert defence.passed is (days_left < 0)
    assert defence.open is True
    assert defence.source.article == 128


def test_defence_due_on_a_saturday_moves_to_monday():
    served_friday = date(2026, 3, 13)
    (defence,) = deadlines(status(ev(S.SERVED, served_friday)), as_of=date(2026, 3, 27))
    assert (defence.nominal, defence.due, defence.rolled) == (
        date(2026, 3, 28),
        date(2026, 3, 30),
        True,
    )
    assert defence.days_left == 3


def test_defence_due_on_a_made_up_working_saturday_stays():
    served = date(2026, 9, 11)
    make_up = frozenset({date(2026, 9, 26)})
    (defence,) = deadlines(status(ev(S.SERVED, served)), as_of=served, working_days=make_up)
    assert (defence.nominal, defence.due) == (date(2026, 9, 26), date(2026, 9, 26))


def test_defence_due_in_a_supplied_holiday_moves_past_it():
    served = date(2026, 9, 16)
    timeline = status(ev(S.SERVED, served))
    (bare,) = deadlines(timeline, as_of=served)
    assert bare.due == date(2026, 10, 1)  # no calendar supplied: not moved
    (defence,) = deadlines(timeline, as_of=date(2026, 10, 7), holidays=NATIONAL_DAY)
    assert (defence.nominal, defence.due, defence.days_left) == (
        date(2026, 10, 1),
        date(2026, 10, 8),
        1,
    )


def test_defence_no_longer_open_once_judged():
    found = deadlines(
        status(ev(S.SERVED, SERVED), ev(S.JUDGMENT, date(2026, 5, 6))), as_of=date(2026, 5, 7)
    )
    assert only(found, DeadlineKind.DEFENCE).open is False
    assert only(found, DeadlineKind.APPEAL_JUDGMENT).open is True


# --- appeal (art. 171) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stage", "kind", "due"),
    [
        (S.JUDGMENT, DeadlineKind.APPEAL_JUDGMENT, date(2026, 3, 25)),
        (S.RULING, DeadlineKind.APPEAL_RULING, date(2026, 3, 20)),
    ],
)
@pytest.mark.parametrize("offset", [-1, 0, 1])
def test_appeal_periods_judgment_15_ruling_10_days(stage, kind, due, offset):
    as_of = due + timedelta(days=offset)
    (appeal,) = deadlines(status(ev(stage, SERVED)), as_of=as_of)
    assert (appeal.kind, appeal.party, appeal.due) == (kind, Party.DEBTOR, due)
    assert appeal.days_left == -offset
    assert appeal.source.article == 171


def test_appeal_against_a_judgment_served_on_friday_falls_on_saturday_moves_to_monday():
    (appeal,) = deadlines(status(ev(S.JUDGMENT, date(2026, 3, 13))), as_of=date(2026, 3, 13))
    assert (appeal.nominal, appeal.due) == (date(2026, 3, 28), date(2026, 3, 30))


def test_an_appeal_lodged_closes_the_appeal_deadline_and_the_second_judgment_is_final():
    found = deadlines(
        status(
            ev(S.JUDGMENT, SERVED),
            ev(S.APPEAL, date(2026, 3, 20)),
            ev(S.JUDGMENT, date(2026, 7, 1)),
        ),
        as_of=date(2026, 7, 2),
    )
    assert [(d.kind, d.event.on, d.open) for d in found] == [
        (DeadlineKind.APPEAL_JUDGMENT, SERVED, False)
    ]


def test_after_an_appeal_on_jurisdiction_the_judgment_can_be_appealed_again():
    events = (
        ev(S.SUIT_FILED, FILED),
        ev(S.SERVED, date(2026, 3, 3)),
        ev(S.RULING, date(2026, 3, 10)),  # objection to jurisdiction refused
        ev(S.APPEAL, date(2026, 3, 16)),
        ev(S.RULING, date(2026, 4, 20)),  # the appeal court's ruling: final
        ev(S.JUDGMENT, date(2026, 6, 1)),  # first instance again
    )
    found = deadlines(LegalStatus(events=events), as_of=date(2026, 6, 2))
    assert [(d.kind, d.event.on, d.due, d.open) for d in found] == [
        (DeadlineKind.DEFENCE, date(2026, 3, 3), date(2026, 3, 18), False),
        (DeadlineKind.APPEAL_RULING, date(2026, 3, 10), date(2026, 3, 20), False),
        (DeadlineKind.APPEAL_JUDGMENT, date(2026, 6, 1), date(2026, 6, 16), True),
    ]


def test_a_ruling_after_the_judgment_sets_no_appeal_deadline():
    found = deadlines(status(ev(S.JUDGMENT, FILED), ev(S.RULING, SERVED)), as_of=date(2026, 3, 11))
    assert [(d.kind, d.event.stage) for d in found] == [(DeadlineKind.APPEAL_JUDGMENT, S.JUDGMENT)]


def test_a_preservation_ruling_does_not_close_the_defence():
    found = deadlines(
        status(ev(S.SERVED, SERVED), ev(S.RULING, date(2026, 3, 11))), as_of=date(2026, 3, 11)
    )
    assert only(found, DeadlineKind.DEFENCE).open is True


def test_an_arbitral_award_has_no_appeal_deadline():
    assert deadlines(status(ev(S.JUDGMENT, SERVED, award=True)), as_of=SERVED) == []


# --- enforcement (art. 250) -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "days_left"),
    [(date(2027, 6, 29), 1), (date(2027, 6, 30), 0), (date(2027, 7, 1), -1)],
)
def test_enforcement_is_2_years_from_the_last_day_to_perform(as_of, days_left):
    judgment = ev(S.JUDGMENT, date(2025, 6, 2), perform_by=date(2025, 6, 30))
    found = deadlines(status(judgment), as_of=as_of)
    enforcement = only(found, DeadlineKind.ENFORCEMENT)
    assert (enforcement.party, enforcement.nominal, enforcement.due) == (
        Party.CREDITOR,
        date(2027, 6, 30),
        date(2027, 6, 30),
    )
    assert enforcement.days_left == days_left
    assert enforcement.source.article == 250


def test_enforcement_from_29_february_ends_28_february_and_rolls_past_the_weekend():
    judgment = ev(S.JUDGMENT, date(2024, 2, 5), perform_by=date(2024, 2, 29))
    enforcement = only(
        deadlines(status(judgment), as_of=date(2026, 1, 5)), DeadlineKind.ENFORCEMENT
    )
    assert (enforcement.nominal, enforcement.due) == (date(2026, 2, 28), date(2026, 3, 2))


def test_enforcement_from_28_february_into_a_leap_year_stays_on_the_28th():
    judgment = ev(S.JUDGMENT, date(2026, 2, 2), perform_by=date(2026, 2, 28))
    enforcement = only(
        deadlines(status(judgment), as_of=date(2026, 3, 1)), DeadlineKind.ENFORCEMENT
    )
    assert enforcement.nominal == date(2028, 2, 28)  # a Monday


def test_no_enforcement_deadline_without_the_performance_period():
    found = deadlines(status(ev(S.JUDGMENT, SERVED)), as_of=SERVED)
    assert [d.kind for d in found] == [DeadlineKind.APPEAL_JUDGMENT]


def test_enforcement_applied_for_closes_the_creditors_deadline():
    judgment = ev(S.JUDGMENT, date(2025, 6, 2), perform_by=date(2025, 6, 30))
    found = deadlines(status(judgment, ev(S.ENFORCEMENT, date(2025, 9, 1))), as_of=date(2025, 9, 2))
    assert only(found, DeadlineKind.ENFORCEMENT).open is False


def test_deadlines_come_by_due_date():
    found = deadlines(
        status(
            ev(S.SERVED, SERVED),
            ev(S.RULING, date(2026, 3, 12)),  # e.g. on an objection to jurisdiction
        ),
        as_of=date(2026, 3, 12),
    )
    assert [(d.kind, d.due) for d in found] == [
        (DeadlineKind.APPEAL_RULING, date(2026, 3, 23)),  # 22nd is a Sunday
        (DeadlineKind.DEFENCE, date(2026, 3, 25)),
    ]


# --- impossible orders ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("events", "earlier", "later"),
    [
        ((ev(S.SUIT_FILED, SERVED), ev(S.SERVED, FILED)), "suit_filed", "served"),
        ((ev(S.SUIT_FILED, SERVED), ev(S.JUDGMENT, FILED)), "suit_filed", "judgment"),
        ((ev(S.SERVED, SERVED), ev(S.JUDGMENT, FILED)), "served", "judgment"),
        ((ev(S.JUDGMENT, SERVED), ev(S.APPEAL, FILED)), "judgment", "appeal"),
        ((ev(S.JUDGMENT, SERVED), ev(S.ENFORCEMENT, FILED)), "judgment", "enforcement"),
    ],
)
def test_an_impossible_order_is_refused_by_name(events, earlier, later):
    with pytest.raises((CoreError, ValidationError)) as exc:
        LegalStatus(events=events)
    error = core_error(exc)
    assert (error.code, error.field) == ("legal_order", "events")
    assert error.params == {"earlier": earlier, "later": later}


def test_an_appeal_without_a_decision_is_refused():
    with pytest.raises((CoreError, ValidationError)) as exc:
        status(ev(S.SERVED, FILED), ev(S.APPEAL, SERVED))
    assert core_error(exc).code == "legal_missing"


def test_same_day_filing_and_service_is_accepted_and_kept_in_stage_order():
    timeline = status(ev(S.SERVED, SERVED), ev(S.SUIT_FILED, SERVED))
    assert [e.stage for e in timeline.events] == [S.SUIT_FILED, S.SERVED]


def test_a_lawyer_letter_and_a_preservation_ruling_may_come_at_any_time():
    timeline = status(
        ev(S.RULING, date(2026, 2, 1)),  # 诉前财产保全
        ev(S.SUIT_FILED, FILED),
        ev(S.LAWYER_LETTER, SERVED),
    )
    assert timeline.stage is S.SUIT_FILED
    assert timeline.in_court is True


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"stage": S.NONE, "on": SERVED}, "legal_none"),
        ({"stage": S.RULING, "on": SERVED, "award": True}, "invalid"),
        ({"stage": S.SERVED, "on": SERVED, "perform_by": SERVED}, "invalid"),
        ({"stage": S.JUDGMENT, "on": SERVED, "perform_by": FILED}, "legal_order"),
    ],
)
def test_an_inconsistent_event_is_refused(kwargs, code):
    with pytest.raises((CoreError, ValidationError)) as exc:
        LegalEvent(**kwargs)
    assert core_error(exc).code == code


def test_an_event_after_today_is_refused():
    with pytest.raises(CoreError) as exc:
        deadlines(status(ev(S.SERVED, SERVED)), as_of=SERVED - timedelta(days=1))
    assert (exc.value.code, exc.value.field) == ("future", "on")


def test_a_status_reads_back_from_json_as_the_store_will_keep_it():
    timeline = status(
        ev(S.SUIT_FILED, FILED, document="（2026）沪0115民初1234号"),
        ev(S.JUDGMENT, SERVED, award=True, perform_by=date(2026, 3, 31)),
    )
    assert LegalStatus.model_validate_json(timeline.model_dump_json()) == timeline
    refused = {
        "events": [
            {"stage": "served", "on": "2026-03-01"},
            {"stage": "suit_filed", "on": "2026-03-02"},
        ]
    }
    with pytest.raises(ValidationError):
        LegalStatus.model_validate(refused)


def test_a_status_is_frozen():
    timeline = status(ev(S.SERVED, SERVED))
    with pytest.raises(ValidationError):
        timeline.events = ()  # type: ignore[misc]


# --- advice ---------------------------------------------------------------------------------

A = AdviceKey


@pytest.mark.parametrize(
    ("events", "stage", "advice"),
    [
        ((), S.NONE, [A.NEGOTIATE_DIRECT]),
        ((ev(S.LAWYER_LETTER, FILED),), S.LAWYER_LETTER, [A.LAWYER_LETTER]),
        ((ev(S.SUIT_FILED, FILED),), S.SUIT_FILED, [A.THROUGH_LAWYER_OR_MEDIATION]),
        (
            (ev(S.SUIT_FILED, FILED), ev(S.SERVED, SERVED)),
            S.SERVED,
            [A.ANSWER_THE_COURT, A.THROUGH_LAWYER_OR_MEDIATION],
        ),
        ((ev(S.JUDGMENT, SERVED),), S.JUDGMENT, [A.EXECUTION_SETTLEMENT]),
        (
            (ev(S.JUDGMENT, SERVED, award=True),),
            S.JUDGMENT,
            [A.AWARD_NO_APPEAL, A.EXECUTION_SETTLEMENT],
        ),
        ((ev(S.RULING, SERVED),), S.RULING, [A.THROUGH_LAWYER_OR_MEDIATION]),
        (
            (ev(S.JUDGMENT, FILED), ev(S.RULING, SERVED)),
            S.RULING,
            [A.EXECUTION_SETTLEMENT],
        ),
        (
            (ev(S.JUDGMENT, FILED), ev(S.APPEAL, SERVED)),
            S.APPEAL,
            [A.THROUGH_LAWYER_OR_MEDIATION],
        ),
        (
            (ev(S.JUDGMENT, FILED), ev(S.ENFORCEMENT, SERVED)),
            S.ENFORCEMENT,
            [A.ENFORCEMENT_UNDER_WAY, A.EXECUTION_SETTLEMENT],
        ),
    ],
)
def test_advice_per_stage_always_ends_with_disclaimer_and_legal_aid(events, stage, advice):
    timeline = LegalStatus(events=events)
    assert timeline.stage is stage
    assert list(negotiation_advice(timeline)) == [*advice, A.DISCLAIMER, A.LEGAL_AID]


def test_before_court_the_debt_is_not_in_court():
    assert LegalStatus().in_court is False
    assert status(ev(S.LAWYER_LETTER, FILED)).in_court is False


# --- property -----------------------------------------------------------------------------

days = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))


@given(
    served=days,
    kind=st.sampled_from(list(DeadlineKind)),
    holidays=st.frozensets(days, max_size=40),
    working=st.frozensets(days, max_size=10),
)
def test_due_is_never_before_nominal_nor_a_non_working_day(served, kind, holidays, working):
    stage = {
        DeadlineKind.DEFENCE: S.SERVED,
        DeadlineKind.APPEAL_JUDGMENT: S.JUDGMENT,
        DeadlineKind.APPEAL_RULING: S.RULING,
        DeadlineKind.ENFORCEMENT: S.JUDGMENT,
    }[kind]
    perform_by = served if kind is DeadlineKind.ENFORCEMENT else None
    found = deadlines(
        status(ev(stage, served, perform_by=perform_by)),
        as_of=served,
        holidays=holidays,
        working_days=working,
    )
    deadline = only(found, kind)
    assert deadline.due >= deadline.nominal == nominal_end(served, RULES[kind])
    assert is_working_day(deadline.due, holidays, working)
    assert deadline.days_left == (deadline.due - served).days
    for n in range((deadline.due - deadline.nominal).days):  # every day skipped is off
        assert not is_working_day(deadline.nominal + timedelta(days=n), holidays, working)
