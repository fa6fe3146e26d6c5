"""A client's case from first contact to closure: its stages, the steps allowed between them,
and what its dated history says.

A case moves through :class:`CaseStage`::

    open → assessing → negotiating → agreed → repaying → completed

with two ways back and one way out:

- an agreement that breaks sends the case back to ``negotiating`` (from ``agreed`` or
  ``repaying``);
- any stage still open (all but ``completed`` and ``closed``) may be ``closed``, always with a
  :class:`CloseReason` and an optional short note;
- a closed case may be reopened, to ``assessing``.

``completed`` is the end: a finished case is neither closed nor reopened.

The history is a tuple of :class:`StageChange`, each a dated step, kept (never overwritten):
the current stage is the last step's. A client without any step is ``open`` (every client
record is a case opened when it was created). The first step recorded may be ``open`` itself,
to date the opening, or any step allowed from ``open``. Steps are dated on or after the one
before (same day allowed: a case assessed and sent to negotiation on the day it opened).

>>> history = (
...     StageChange(stage=CaseStage.OPEN, on=date(2026, 1, 15)),
...     StageChange(stage=CaseStage.ASSESSING, on=date(2026, 1, 20)),
...     StageChange(stage=CaseStage.NEGOTIATING, on=date(2026, 2, 3)),
...     StageChange(stage=CaseStage.AGREED, on=date(2026, 4, 14)),
... )
>>> current_stage(history).value, months_to_agreement(history)
('agreed', 2)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from core.errors import CoreError

#: Longest note kept with a step (why a case closed, in a line).
MAX_CASE_NOTE_LENGTH = 200


class CaseStage(StrEnum):
    """Where a client's case stands. Stored as the value."""

    OPEN = "open"
    ASSESSING = "assessing"
    NEGOTIATING = "negotiating"
    AGREED = "agreed"
    REPAYING = "repaying"
    COMPLETED = "completed"
    CLOSED = "closed"


class CloseReason(StrEnum):
    """Why a case was closed before it was completed. Stored as the value."""

    CLIENT_WITHDREW = "client_withdrew"
    CLIENT_UNREACHABLE = "client_unreachable"
    NOT_ELIGIBLE = "not_eligible"
    LENDER_REFUSED = "lender_refused"
    PAID_OFF = "paid_off"
    REFERRED = "referred"
    LEGAL_PROCEEDINGS = "legal_proceedings"
    OTHER = "other"


#: The stages still under way: a case in one of them may be closed.
OPEN_STAGES = frozenset(
    {
        CaseStage.OPEN,
        CaseStage.ASSESSING,
        CaseStage.NEGOTIATING,
        CaseStage.AGREED,
        CaseStage.REPAYING,
    }
)

#: The steps allowed from each stage.
ALLOWED: dict[CaseStage, frozenset[CaseStage]] = {
    CaseStage.OPEN: frozenset({CaseStage.ASSESSING, CaseStage.CLOSED}),
    CaseStage.ASSESSING: frozenset({CaseStage.NEGOTIATING, CaseStage.CLOSED}),
    CaseStage.NEGOTIATING: frozenset({CaseStage.AGREED, CaseStage.CLOSED}),
    CaseStage.AGREED: frozenset({CaseStage.REPAYING, CaseStage.NEGOTIATING, CaseStage.CLOSED}),
    CaseStage.REPAYING: frozenset({CaseStage.COMPLETED, CaseStage.NEGOTIATING, CaseStage.CLOSED}),
    CaseStage.COMPLETED: frozenset(),
    CaseStage.CLOSED: frozenset({CaseStage.ASSESSING}),
}


class StageChange(BaseModel):
    """One dated step of a case: the stage it moved to on ``on``.

    ``reason`` is given with ``closed`` and only with it; ``note`` is a short free text (why,
    in a line). ``id``, ``version`` and ``client_id`` are the store's, as for the records of
    :mod:`core.calls`.
    """

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    id: int | None = None
    version: int = Field(default=0, ge=0)
    client_id: int | None = None
    stage: CaseStage
    on: date
    reason: CloseReason | None = None
    note: str = Field(default="", max_length=MAX_CASE_NOTE_LENGTH)

    @model_validator(mode="after")
    def _reason_with_closing(self) -> StageChange:
        if self.stage is CaseStage.CLOSED and self.reason is None:
            raise CoreError("reason", "a case is closed with a reason", code="case_reason")
        if self.stage is not CaseStage.CLOSED and self.reason is not None:
            raise CoreError(
                "reason", "only a closed case has a reason for closing", code="case_reason"
            )
        return self


def ordered(history: Sequence[StageChange]) -> tuple[StageChange, ...]:
    """The steps in the order they happened: by date, then as recorded (by id; unsaved last)."""
    indexed = list(enumerate(history))
    return tuple(
        change
        for _, change in sorted(
            indexed,
            key=lambda pair: (
                pair[1].on,
                pair[1].id if pair[1].id is not None else 2**63,
                pair[0],
            ),
        )
    )


def current_stage(history: Sequence[StageChange]) -> CaseStage:
    """The stage of the last step; ``open`` without any.

    >>> current_stage(()).value
    'open'
    """
    steps = ordered(history)
    return steps[-1].stage if steps else CaseStage.OPEN


def stage_on(history: Sequence[StageChange], day: date) -> CaseStage | None:
    """The stage at the end of ``day``: that of the last step on or before it; ``None`` when
    the history starts after ``day`` (the case was not open yet). Without steps, ``open``."""
    steps = ordered(history)
    if not steps:
        return CaseStage.OPEN
    before = [change for change in steps if change.on <= day]
    return before[-1].stage if before else None


def allowed_next(history: Sequence[StageChange]) -> tuple[CaseStage, ...]:
    """The stages the case may move to now, in :class:`CaseStage` order (``open`` itself while
    nothing is recorded, to date the opening)."""
    steps = ordered(history)
    current = current_stage(steps)
    targets = set(ALLOWED[current])
    if not steps:
        targets.add(CaseStage.OPEN)
    return tuple(stage for stage in CaseStage if stage in targets)


def check_step(history: Sequence[StageChange], change: StageChange) -> None:
    """Nothing if ``change`` may follow ``history``; else a :class:`CoreError`:

    - ``case_step``: not a step allowed from the current stage (``params``: ``from``, ``to``);
    - ``case_date``: dated before the last step (``params``: ``last``).

    >>> check_step((), StageChange(stage=CaseStage.AGREED, on=date(2026, 1, 1)))
    Traceback (most recent call last):
    ...
    core.errors.CoreError: stage: cannot go from open to agreed
    """
    steps = ordered(history)
    if change.stage not in allowed_next(steps):
        current = current_stage(steps)
        raise CoreError(
            "stage",
            f"cannot go from {current.value} to {change.stage.value}",
            code="case_step",
            params={"from": current.value, "to": change.stage.value},
        )
    if steps and change.on < steps[-1].on:
        raise CoreError(
            "on",
            f"{change.on} is before the last step on {steps[-1].on}",
            code="case_date",
            params={"last": steps[-1].on.isoformat()},
        )


def check_history(history: Sequence[StageChange]) -> tuple[StageChange, ...]:
    """The history in order if each step may follow the ones before; else the first step's
    :class:`CoreError` (see :func:`check_step`)."""
    steps = ordered(history)
    for index, change in enumerate(steps):
        check_step(steps[:index], change)
    return steps


def opened_on(history: Sequence[StageChange]) -> date | None:
    """When the case opened: the first step's date (``None`` without steps)."""
    steps = ordered(history)
    return steps[0].on if steps else None


def whole_months(start: date, end: date) -> int:
    """Whole calendar months from ``start`` to ``end`` (a month is complete on the same day of
    the month, or the month's last day when it is shorter); 0 when ``end`` is not after.

    >>> whole_months(date(2026, 1, 31), date(2026, 2, 28)), whole_months(date(2026, 1, 15),
    ...     date(2026, 3, 14))
    (1, 1)
    """
    if end <= start:
        return 0
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day and not _last_day(end):
        months -= 1
    return max(months, 0)


def _last_day(day: date) -> bool:
    return (day + timedelta(days=1)).month != day.month


def months_to_agreement(history: Sequence[StageChange]) -> int | None:
    """Whole months from the opening to the first agreement (``None``: never agreed)."""
    steps = ordered(history)
    start = opened_on(steps)
    agreed = next((change.on for change in steps if change.stage is CaseStage.AGREED), None)
    if start is None or agreed is None:
        return None
    return whole_months(start, agreed)
