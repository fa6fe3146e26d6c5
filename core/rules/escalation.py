"""The escalation ladder: what to try next when a lender will not agree, and when.

The ladder (:data:`LADDER`), bottom to top, with the time each step needs:

=================  =====================================  ==================================
step               may be taken                           waits for an answer
=================  =====================================  ==================================
negotiate          at once                                3 days (a promised call-back)
retry              3 days after the step below failed     3 days
written_request    at once                                7 days
formal_complaint   at once                                15 days, 30 when the lender extends
public_channel     at once                                7 days (our default, no rule)
regulator          at once                                (top of the ladder)
=================  =====================================  ==================================

The 15 / 30 days are the time a bank or consumer finance company has to answer a consumer
complaint (15 days from receipt, extendable to 30 for a complex case, under the banking and
insurance regulator's complaint-handling rules); the other waits are working defaults.

:func:`next_escalation` reads the history since the last agreement and moves up only when
the highest step taken so far failed, or its waiting time passed without an answer. Gaps are
allowed: a formal complaint filed without a written request first still counts, and the next
step is the one above the highest step taken.

The regulator depends on who lent the money (:func:`regulator_route`): 12378, the National
Financial Regulatory Administration's consumer hotline, for banks and consumer finance
companies; the local financial regulator for microloan companies; 12363, the People's Bank of
China's hotline, for disputes about the credit report (征信). An online lending platform is
usually run by, or lends through, a licensed microloan or consumer finance company, so it is
routed by that licence; when the licence is unknown the route says how to find it.

The debt's legal status (:class:`core.rules.legal.LegalStatus`, optional) changes the answer
once a court has the case (:attr:`~core.rules.legal.LegalStatus.in_court`): the complaint rungs
no longer come next; the step is :attr:`EscalationStep.THROUGH_COURT` (the lender's lawyer or
the court's mediation) or, after a judgment or award, :attr:`EscalationStep.EXECUTION_SETTLEMENT`,
due at once. A step of a debt at any legal stage carries the advice of
:func:`core.rules.legal.negotiation_advice` (``legal.advice.*``), ending with the disclaimer
and where to get legal aid (12348).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from enum import StrEnum

from pydantic import AwareDatetime, BaseModel, ConfigDict

from core.calls import Call, Direction, Outcome
from core.calls import Channel as CallChannel
from core.debts import LenderType
from core.errors import CoreError
from core.rules.legal import (
    COURT_STAGES,
    AdviceKey,
    LegalStage,
    LegalStatus,
    negotiation_advice,
)
from core.rules.templates import Notice, format_date, format_datetime, notice, render
from core.rules.timing import require_aware
from core.text import check_language


class EscalationStep(StrEnum):
    NEGOTIATE = "negotiate"
    RETRY = "retry"
    WRITTEN_REQUEST = "written_request"
    FORMAL_COMPLAINT = "formal_complaint"
    PUBLIC_CHANNEL = "public_channel"
    REGULATOR = "regulator"
    #: Not a rung: the lender agreed, nothing to escalate.
    RESOLVED = "resolved"
    #: Not a rung: the lender has sued; negotiate through its lawyer or the court's mediation.
    THROUGH_COURT = "through_court"
    #: Not a rung: after a judgment or award, an execution settlement (执行和解).
    EXECUTION_SETTLEMENT = "execution_settlement"


class AttemptOutcome(StrEnum):
    RESOLVED = "resolved"
    FAILED = "failed"
    #: Sent or promised, no answer yet.
    PENDING = "pending"


class Attempt(BaseModel):
    """One step taken: which, when, and how it ended. ``extended``: the lender extended its
    time to answer a formal complaint."""

    model_config = ConfigDict(frozen=True)

    step: EscalationStep
    at: AwareDatetime
    outcome: AttemptOutcome
    extended: bool = False


class Rung(BaseModel):
    """One step of the ladder as data: the delay before it may be taken, counted from the
    failure below, and how long it waits for an answer (``None`` at the top)."""

    model_config = ConfigDict(frozen=True)

    step: EscalationStep
    delay: timedelta = timedelta(0)
    wait: timedelta | None
    extended_wait: timedelta | None = None


LADDER: tuple[Rung, ...] = (
    Rung(step=EscalationStep.NEGOTIATE, wait=timedelta(days=3)),
    Rung(step=EscalationStep.RETRY, delay=timedelta(days=3), wait=timedelta(days=3)),
    Rung(step=EscalationStep.WRITTEN_REQUEST, wait=timedelta(days=7)),
    Rung(
        step=EscalationStep.FORMAL_COMPLAINT,
        wait=timedelta(days=15),
        extended_wait=timedelta(days=30),
    ),
    Rung(step=EscalationStep.PUBLIC_CHANNEL, wait=timedelta(days=7)),
    Rung(step=EscalationStep.REGULATOR, wait=None),
)
_LEVEL = {rung.step: level for level, rung in enumerate(LADDER)}


class RegulatorRoute(StrEnum):
    NFRA_12378 = "nfra_12378"
    LOCAL_REGULATOR = "local_regulator"
    PBOC_12363 = "pboc_12363"
    #: The lender's licence is unknown: find it in the contract first.
    BY_LICENCE = "by_licence"


#: The regulator of each kind of licensed lender; the rest are routed by their licence.
ROUTE_BY_LENDER: dict[LenderType, RegulatorRoute] = {
    LenderType.BANK_CREDIT_CARD: RegulatorRoute.NFRA_12378,
    LenderType.BANK_LOAN: RegulatorRoute.NFRA_12378,
    LenderType.CONSUMER_FINANCE: RegulatorRoute.NFRA_12378,
    LenderType.MICROLOAN: RegulatorRoute.LOCAL_REGULATOR,
    LenderType.ONLINE_PLATFORM: RegulatorRoute.BY_LICENCE,
    LenderType.OTHER: RegulatorRoute.BY_LICENCE,
}


def regulator_route(
    lender_type: LenderType | str,
    *,
    licence: LenderType | str | None = None,
    credit_report: bool = False,
) -> RegulatorRoute:
    """Where a complaint about this lender goes.

    ``licence`` is the kind of licensed company behind an online platform (from the contract);
    ``credit_report`` marks a dispute about a credit-report entry, which goes to 12363.
    """
    if credit_report:
        return RegulatorRoute.PBOC_12363
    route = ROUTE_BY_LENDER[_lender_type(lender_type, "lender_type")]
    if route is RegulatorRoute.BY_LICENCE and licence is not None:
        licensed = ROUTE_BY_LENDER[_lender_type(licence, "licence")]
        if licensed is not RegulatorRoute.BY_LICENCE:
            return licensed
    return route


def route_text(route: RegulatorRoute, language: str) -> str:
    return render(f"route.{route.value}", language)


def _lender_type(value: LenderType | str, field: str) -> LenderType:
    try:
        return LenderType(value)
    except ValueError:
        raise CoreError(field, f"unknown lender type {value!r}", code="invalid") from None


class Step(BaseModel):
    """The next step: what, from when, why, and its instructions in the chosen language.

    ``due_now`` is false while the step below is still within its waiting time (or the
    retry's three days); ``not_before`` is then when the step becomes due.
    """

    model_config = ConfigDict(frozen=True)

    step: EscalationStep
    not_before: AwareDatetime
    due_now: bool
    reason: Notice
    route: RegulatorRoute | None = None
    text: str
    #: The legal advice at the debt's legal stage (``legal.advice.*``, disclaimer and 12348
    #: last); empty without a legal step.
    legal: tuple[Notice, ...] = ()


def next_escalation(
    history: Iterable[Attempt],
    lender_type: LenderType | str,
    now: datetime,
    *,
    licence: LenderType | str | None = None,
    credit_report: bool = False,
    language: str = "zh-CN",
    legal: LegalStatus | None = None,
) -> Step:
    """The next step of the ladder given what was tried (see the module docstring).

    Example: a negotiation call refused on 1 March at 10:00 gives ``retry``, not before
    4 March 10:00; a written request sent on 5 March and unanswered gives, from 12 March,
    ``formal_complaint``. With ``legal`` in court the step goes through the court instead.
    """
    require_aware(now, "now")
    check_language(language)
    step = _ladder_step(history, lender_type, now, licence, credit_report, language)
    return _with_legal(step, legal, now, language)


def legal_notices(legal: LegalStatus | None, language: str) -> tuple[Notice, ...]:
    """The advice at ``legal``'s stage as notices (none without a legal step)."""
    check_language(language)
    if legal is None or legal.stage is LegalStage.NONE:
        return ()
    return tuple(notice(f"legal.advice.{key.value}", language) for key in negotiation_advice(legal))


def _with_legal(step: Step, legal: LegalStatus | None, now: datetime, language: str) -> Step:
    notes = legal_notices(legal, language)
    if legal is None or not notes:
        return step
    if not legal.in_court or step.step is EscalationStep.RESOLVED:
        return step.model_copy(update={"legal": notes})
    settle = AdviceKey.EXECUTION_SETTLEMENT in negotiation_advice(legal)
    kind = EscalationStep.EXECUTION_SETTLEMENT if settle else EscalationStep.THROUGH_COURT
    first = next(event for event in legal.events if event.stage in COURT_STAGES)
    return Step(
        step=kind,
        not_before=now,
        due_now=True,
        reason=notice("escalation.reason.in_court", language, on=format_date(first.on, language)),
        text=render(f"escalation.step.{kind.value}", language),
        legal=notes,
    )


def _ladder_step(
    history: Iterable[Attempt],
    lender_type: LenderType | str,
    now: datetime,
    licence: LenderType | str | None,
    credit_report: bool,
    language: str,
) -> Step:
    attempts = sorted(history, key=lambda attempt: attempt.at)
    for attempt in attempts:
        if attempt.at > now:
            raise CoreError(
                "history", f"an attempt at {attempt.at.isoformat()} is after now", code="future"
            )
    route = regulator_route(lender_type, licence=licence, credit_report=credit_report)
    resolved_at = [a for a in attempts if a.outcome is AttemptOutcome.RESOLVED]
    if resolved_at and resolved_at[-1] is attempts[-1]:
        reason = notice("escalation.reason.resolved", language, on=_when(resolved_at[-1], language))
        return _step(EscalationStep.RESOLVED, now, now, reason, route, language)
    if resolved_at:
        attempts = [a for a in attempts if a.at > resolved_at[-1].at]
    if not attempts:
        reason = notice("escalation.reason.start", language)
        return _step(EscalationStep.NEGOTIATE, now, now, reason, route, language)

    top = max(attempts, key=lambda a: (_LEVEL[a.step], a.at))
    rung = LADDER[_LEVEL[top.step]]
    if rung.wait is None:
        reason = notice("escalation.reason.top", language)
        return _step(top.step, now, now, reason, route, language)
    upper = LADDER[_LEVEL[top.step] + 1]
    name = render(f"enum.step.{top.step.value}", language)
    if top.outcome is AttemptOutcome.FAILED:
        reason = notice("escalation.reason.failed", language, step=name, on=_when(top, language))
        return _step(upper.step, top.at + upper.delay, now, reason, route, language)

    wait = rung.extended_wait if top.extended and rung.extended_wait else rung.wait
    deadline = top.at + wait
    if now < deadline:
        until = format_datetime(deadline, language)
        reason = notice("escalation.reason.waiting", language, step=name, until=until)
    else:
        reason = notice("escalation.reason.timed_out", language, step=name, days=str(wait.days))
    return _step(upper.step, max(deadline, top.at + upper.delay), now, reason, route, language)


def _when(attempt: Attempt, language: str) -> str:
    return format_datetime(attempt.at, language)


def _step(
    step: EscalationStep,
    not_before: datetime,
    now: datetime,
    reason: Notice,
    route: RegulatorRoute,
    language: str,
) -> Step:
    return Step(
        step=step,
        not_before=not_before,
        due_now=now >= not_before,
        reason=reason,
        route=route if step is EscalationStep.REGULATOR else None,
        text=_step_text(step, not_before, route, language),
    )


def _step_text(
    step: EscalationStep, not_before: datetime, route: RegulatorRoute, language: str
) -> str:
    code = f"escalation.step.{step.value}"
    if step is EscalationStep.RETRY:
        return render(code, language, not_before=format_datetime(not_before, language))
    if step in {EscalationStep.WRITTEN_REQUEST, EscalationStep.PUBLIC_CHANNEL}:
        wait = LADDER[_LEVEL[step]].wait
        return render(code, language, wait_days=str(wait.days if wait else 0))
    if step is EscalationStep.FORMAL_COMPLAINT:
        rung = LADDER[_LEVEL[step]]
        extended = rung.extended_wait or rung.wait
        return render(
            code,
            language,
            answer_days=str(rung.wait.days if rung.wait else 0),
            extended_days=str(extended.days if extended else 0),
        )
    if step is EscalationStep.REGULATOR:
        return render(code, language, route=route_text(route, language))
    return render(code, language)


def attempts_from_calls(calls: Sequence[Call]) -> list[Attempt]:
    """Read the escalation history from the call log.

    Only contacts the client made count (``outgoing``); an unanswered call is no attempt.
    The first phone call or chat is the negotiation, later ones are retries; an email or a
    letter is a written request; a regulator case is the regulator step. Formal complaints
    and public complaints cannot be told apart in the log: record them as :class:`Attempt`
    directly. Agreed → resolved; call-back → pending; refused or only partly agreed → failed
    (what was not agreed is taken further).
    """
    outcome = {
        Outcome.AGREED: AttemptOutcome.RESOLVED,
        Outcome.PARTLY_AGREED: AttemptOutcome.FAILED,
        Outcome.REFUSED: AttemptOutcome.FAILED,
        Outcome.CALL_BACK: AttemptOutcome.PENDING,
    }
    attempts: list[Attempt] = []
    spoken = False
    for call in sorted(calls, key=lambda c: c.at):
        if call.direction is not Direction.OUTGOING or call.outcome not in outcome:
            continue
        if call.channel in {CallChannel.PHONE, CallChannel.IN_APP_CHAT}:
            step = EscalationStep.RETRY if spoken else EscalationStep.NEGOTIATE
            spoken = True
        elif call.channel in {CallChannel.EMAIL, CallChannel.LETTER}:
            step = EscalationStep.WRITTEN_REQUEST
        else:
            step = EscalationStep.REGULATOR
        attempts.append(Attempt(step=step, at=call.at, outcome=outcome[call.outcome]))
        if call.outcome is Outcome.AGREED:
            spoken = False  # a later dispute starts again from a negotiation
    return attempts
