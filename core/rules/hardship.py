"""Hardship situations and the proof lenders usually accept for each.

A lender weighing a request to reschedule or waive wants to see *why* the client cannot pay as
contracted, and papers that back it. A client may be in more than one situation at once (out
of work *and* living on 低保), each with its dates (:class:`HardshipSituation`).

The rule table
--------------
:data:`PROOF_RULES` names, for each :class:`SituationKind`, the proof lenders usually accept,
as alternatives: the situation is covered when **every item of any one alternative** has been
gathered.

=====================  ====================================================================
situation              proof (alternatives separated by "or", items of one joined by "+")
=====================  ====================================================================
unemployment           失业证明 or termination letter + social-insurance stop record
illness or injury      diagnosis + hospital bills
income drop            recent months' income statements
低保 / 特困              低保证 or 特困供养证
disability             残疾证
family emergency       the event's certificates or bills + proof of the relationship
disaster               official disaster certificate or photos of the damage
other                  a signed written explanation
=====================  ====================================================================

:func:`evidence_list` turns the situations and the items gathered so far into one line per
item — gathered, missing, or not needed (another alternative already covers the situation) —
listed once however many situations ask for it, in a stable order: situations by start date
(then by kind), each one's items in the table's order. Ticking an item never moves a line.

Proof items and the document checklist
--------------------------------------
:class:`core.calls.DocumentChecklist` keeps one yes/no per :class:`core.calls.DocumentItem`,
and the store, the Call prep page and the call script read every member of that enum as a
column and a checkbox. The proof items are therefore **not** added to ``DocumentItem``: they
would become columns and checkboxes for every client whatever the situation, and the progress
bar would count papers the client does not need. Instead :class:`ProofItem` is its own enum
(stable string values, stored as they are), and every proof item details the one checklist
line :data:`CHECKLIST_ITEM`, ``DocumentItem.HARDSHIP_PROOF`` ("proof of hardship"):
:func:`hardship_proof_ready` says when that line can be ticked (every situation covered).
Income statements for an income drop overlap the checklist's ``income_proof`` (the last three
months); they stay a proof item because the lender wants the months before the drop too.

Example (the guide's client, out of work and on 低保):

>>> from datetime import date
>>> situations = [
...     HardshipSituation(kind=SituationKind.UNEMPLOYMENT, started_on=date(2025, 6, 1)),
...     HardshipSituation(kind=SituationKind.MINIMUM_LIVING_ALLOWANCE, started_on=date(2025, 9, 1)),
... ]
>>> gathered = {ProofItem.UNEMPLOYMENT_CERTIFICATE}
>>> [(line.item.value, line.status.value) for line in evidence_list(situations, gathered)]
... # doctest: +NORMALIZE_WHITESPACE
[('unemployment_certificate', 'gathered'), ('termination_letter', 'not_needed'),
 ('social_insurance_stop_record', 'not_needed'), ('minimum_living_certificate', 'missing'),
 ('extreme_hardship_certificate', 'missing')]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from core.calls import DocumentItem
from core.errors import CoreError
from core.limits import MAX_HARDSHIP_NOTE_LENGTH


class SituationKind(StrEnum):
    """Why the client cannot pay as contracted. Stored as the value."""

    UNEMPLOYMENT = "unemployment"
    ILLNESS_OR_INJURY = "illness_or_injury"
    INCOME_DROP = "income_drop"
    #: On the minimum living allowance (低保) or supported as 特困 (extreme hardship).
    MINIMUM_LIVING_ALLOWANCE = "minimum_living_allowance"
    DISABILITY = "disability"
    FAMILY_EMERGENCY = "family_emergency"
    DISASTER = "disaster"
    OTHER = "other"


class ProofItem(StrEnum):
    """A paper that backs a hardship situation. Stored as the value."""

    UNEMPLOYMENT_CERTIFICATE = "unemployment_certificate"  # 失业证明（就业失业登记）
    TERMINATION_LETTER = "termination_letter"  # 解除/终止劳动合同证明
    SOCIAL_INSURANCE_STOP_RECORD = "social_insurance_stop_record"  # 社保停缴记录
    DIAGNOSIS = "diagnosis"  # 诊断证明
    HOSPITAL_BILLS = "hospital_bills"  # 医疗费用票据 / 住院费用清单
    INCOME_STATEMENTS = "income_statements"  # 近几个月收入流水
    MINIMUM_LIVING_CERTIFICATE = "minimum_living_certificate"  # 低保证
    EXTREME_HARDSHIP_CERTIFICATE = "extreme_hardship_certificate"  # 特困人员救助供养证
    DISABILITY_CERTIFICATE = "disability_certificate"  # 残疾人证
    FAMILY_EVENT_RECORDS = "family_event_records"  # 事件证明或票据
    RELATIONSHIP_PROOF = "relationship_proof"  # 亲属关系证明 / 户口本
    DISASTER_CERTIFICATE = "disaster_certificate"  # 受灾证明
    DISASTER_PHOTOS = "disaster_photos"  # 受灾照片
    WRITTEN_EXPLANATION = "written_explanation"  # 情况说明


#: One way to cover a situation: every item of it is needed.
Alternative = tuple[ProofItem, ...]

#: For each situation, the alternatives lenders usually accept (any one of them, complete).
PROOF_RULES: Mapping[SituationKind, tuple[Alternative, ...]] = {
    SituationKind.UNEMPLOYMENT: (
        (ProofItem.UNEMPLOYMENT_CERTIFICATE,),
        (ProofItem.TERMINATION_LETTER, ProofItem.SOCIAL_INSURANCE_STOP_RECORD),
    ),
    SituationKind.ILLNESS_OR_INJURY: ((ProofItem.DIAGNOSIS, ProofItem.HOSPITAL_BILLS),),
    SituationKind.INCOME_DROP: ((ProofItem.INCOME_STATEMENTS,),),
    SituationKind.MINIMUM_LIVING_ALLOWANCE: (
        (ProofItem.MINIMUM_LIVING_CERTIFICATE,),
        (ProofItem.EXTREME_HARDSHIP_CERTIFICATE,),
    ),
    SituationKind.DISABILITY: ((ProofItem.DISABILITY_CERTIFICATE,),),
    SituationKind.FAMILY_EMERGENCY: (
        (ProofItem.FAMILY_EVENT_RECORDS, ProofItem.RELATIONSHIP_PROOF),
    ),
    SituationKind.DISASTER: ((ProofItem.DISASTER_CERTIFICATE,), (ProofItem.DISASTER_PHOTOS,)),
    SituationKind.OTHER: ((ProofItem.WRITTEN_EXPLANATION,),),
}

#: The line of :class:`core.calls.DocumentChecklist` that every proof item details.
CHECKLIST_ITEM = DocumentItem.HARDSHIP_PROOF


class HardshipSituation(BaseModel):
    """One situation of a client: what happened, from when, until when (``None``: still so).

    ``id``, ``version`` and ``client_id`` are the store's, as for the records of
    :mod:`core.calls`. The end may be the start day itself, never before it.
    """

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    id: int | None = None
    version: int = Field(default=0, ge=0)
    client_id: int | None = None
    kind: SituationKind
    started_on: date
    ended_on: date | None = None
    note: str = Field(default="", max_length=MAX_HARDSHIP_NOTE_LENGTH)

    @model_validator(mode="after")
    def _ends_after_it_starts(self) -> HardshipSituation:
        if self.ended_on is not None and self.ended_on < self.started_on:
            raise CoreError(
                "ended_on",
                f"{self.ended_on} is before the start on {self.started_on}",
                code="ends_before_start",
            )
        return self

    def ongoing_on(self, day: date) -> bool:
        """Whether the situation holds on ``day`` (started, and not ended before it)."""
        return self.started_on <= day and (self.ended_on is None or day <= self.ended_on)


class ProofStatus(StrEnum):
    GATHERED = "gathered"
    MISSING = "missing"
    #: Not gathered, and not needed: another alternative already covers its situation(s).
    NOT_NEEDED = "not_needed"


class EvidenceLine(BaseModel):
    """One proof item: which situations it backs, whether it is in hand, what could replace it.

    ``instead`` lists the items of the *other* alternatives of its situations ("or instead:
    a termination letter and the social-insurance stop record"); empty when nothing else
    will do.
    """

    model_config = ConfigDict(frozen=True)

    item: ProofItem
    kinds: tuple[SituationKind, ...]
    status: ProofStatus
    instead: tuple[ProofItem, ...] = ()

    @property
    def gathered(self) -> bool:
        return self.status is ProofStatus.GATHERED


def _chronological(situations: Iterable[HardshipSituation]) -> list[HardshipSituation]:
    order = list(SituationKind)
    return sorted(situations, key=lambda s: (s.started_on, order.index(s.kind)))


def covered(kind: SituationKind, gathered: Iterable[ProofItem]) -> bool:
    """Whether the items gathered complete one of the alternatives for ``kind``.

    >>> covered(SituationKind.UNEMPLOYMENT, {ProofItem.TERMINATION_LETTER})
    False
    >>> covered(SituationKind.UNEMPLOYMENT,
    ...         {ProofItem.TERMINATION_LETTER, ProofItem.SOCIAL_INSURANCE_STOP_RECORD})
    True
    """
    have = set(gathered)
    return any(set(alternative) <= have for alternative in PROOF_RULES[kind])


def evidence_list(
    situations: Iterable[HardshipSituation], gathered: Iterable[ProofItem]
) -> tuple[EvidenceLine, ...]:
    """Every proof item the situations call for, once each; see the module docstring."""
    have = set(gathered)
    kinds_of: dict[ProofItem, list[SituationKind]] = {}
    instead_of: dict[ProofItem, list[ProofItem]] = {}
    for situation in _chronological(situations):
        alternatives = PROOF_RULES[situation.kind]
        for index, alternative in enumerate(alternatives):
            others = [i for n, alt in enumerate(alternatives) if n != index for i in alt]
            for item in alternative:
                kinds = kinds_of.setdefault(item, [])
                if situation.kind not in kinds:
                    kinds.append(situation.kind)
                instead = instead_of.setdefault(item, [])
                instead += [other for other in others if other not in instead]
    lines = []
    for item, kinds in kinds_of.items():
        if item in have:
            status = ProofStatus.GATHERED
        elif all(covered(kind, have) for kind in kinds):
            status = ProofStatus.NOT_NEEDED
        else:
            status = ProofStatus.MISSING
        lines.append(
            EvidenceLine(
                item=item, kinds=tuple(kinds), status=status, instead=tuple(instead_of[item])
            )
        )
    return tuple(lines)


def enclosures(lines: Iterable[EvidenceLine]) -> tuple[ProofItem, ...]:
    """The items to enclose with a letter: those gathered, in the evidence list's order."""
    return tuple(line.item for line in lines if line.gathered)


def hardship_proof_ready(
    situations: Iterable[HardshipSituation], gathered: Iterable[ProofItem]
) -> bool | None:
    """Whether the checklist's "proof of hardship" line (:data:`CHECKLIST_ITEM`) is complete:
    every situation covered. ``None`` when there is no situation: nothing to prove.

    >>> from datetime import date
    >>> ill = HardshipSituation(kind=SituationKind.ILLNESS_OR_INJURY, started_on=date(2025, 1, 5))
    >>> hardship_proof_ready([ill], {ProofItem.DIAGNOSIS}), hardship_proof_ready([], set())
    (False, None)
    """
    have = set(gathered)
    kinds = {situation.kind for situation in situations}
    if not kinds:
        return None
    return all(covered(kind, have) for kind in kinds)
