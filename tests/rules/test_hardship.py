"""Hardship situations, the proof each calls for, and the evidence list (issue 20)."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from core.calls import DocumentChecklist, DocumentItem
from core.errors import CoreError
from core.limits import MAX_HARDSHIP_NOTE_LENGTH
from core.rules.hardship import (
    CHECKLIST_ITEM,
    PROOF_RULES,
    EvidenceLine,
    HardshipSituation,
    ProofItem,
    ProofStatus,
    SituationKind,
    covered,
    enclosures,
    evidence_list,
    hardship_proof_ready,
)
from i18n import CATALOGUE, LANGUAGES, translate

P = ProofItem
K = SituationKind
G, M, N = ProofStatus.GATHERED, ProofStatus.MISSING, ProofStatus.NOT_NEEDED


def situation(kind: SituationKind, started: date = date(2025, 6, 1), **more) -> HardshipSituation:
    return HardshipSituation(kind=kind, started_on=started, **more)


def rows(lines: tuple[EvidenceLine, ...]) -> list[tuple[ProofItem, ProofStatus]]:
    return [(line.item, line.status) for line in lines]


# --- the situation ----------------------------------------------------------------------------


def test_a_situation_may_end_on_the_day_it_starts_but_not_before():
    one_day = situation(K.ILLNESS_OR_INJURY, date(2025, 3, 1), ended_on=date(2025, 3, 1))
    assert one_day.ended_on == date(2025, 3, 1)
    with pytest.raises(ValidationError) as caught:
        situation(K.ILLNESS_OR_INJURY, date(2025, 3, 1), ended_on=date(2025, 2, 28))
    cause = caught.value.errors()[0]["ctx"]["error"]
    assert isinstance(cause, CoreError)
    assert (cause.field, cause.code) == ("ended_on", "ends_before_start")
    assert translate("error.ends_before_start", "zh-CN") == "不能早于开始日期"


def test_the_note_is_stripped_and_held_to_its_limit():
    assert situation(K.OTHER, note="  工厂关闭  ").note == "工厂关闭"
    assert len(situation(K.OTHER, note="某" * MAX_HARDSHIP_NOTE_LENGTH).note) == 500
    with pytest.raises(ValidationError) as caught:
        situation(K.OTHER, note="某" * (MAX_HARDSHIP_NOTE_LENGTH + 1))
    assert caught.value.errors()[0]["type"] == "string_too_long"


def test_a_situation_is_frozen_and_ongoing_between_its_dates():
    laid_off = situation(K.UNEMPLOYMENT, date(2025, 6, 1), ended_on=date(2025, 9, 30))
    with pytest.raises(ValidationError):
        laid_off.note = "changed"  # type: ignore[misc]
    assert not laid_off.ongoing_on(date(2025, 5, 31))
    assert laid_off.ongoing_on(date(2025, 6, 1))
    assert laid_off.ongoing_on(date(2025, 9, 30))
    assert not laid_off.ongoing_on(date(2025, 10, 1))
    assert situation(K.UNEMPLOYMENT).ongoing_on(date(2040, 1, 1))


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValidationError):
        HardshipSituation(kind="bankrupt", started_on=date(2025, 1, 1))


# --- the rule table ---------------------------------------------------------------------------


def test_every_kind_has_proof_and_every_item_is_used():
    assert set(PROOF_RULES) == set(SituationKind)
    used = {item for alternatives in PROOF_RULES.values() for alt in alternatives for item in alt}
    assert used == set(ProofItem)


@pytest.mark.parametrize(
    ("kind", "alternatives"),
    [
        (
            K.UNEMPLOYMENT,
            ((P.UNEMPLOYMENT_CERTIFICATE,), (P.TERMINATION_LETTER, P.SOCIAL_INSURANCE_STOP_RECORD)),
        ),
        (K.ILLNESS_OR_INJURY, ((P.DIAGNOSIS, P.HOSPITAL_BILLS),)),
        (K.INCOME_DROP, ((P.INCOME_STATEMENTS,),)),
        (
            K.MINIMUM_LIVING_ALLOWANCE,
            ((P.MINIMUM_LIVING_CERTIFICATE,), (P.EXTREME_HARDSHIP_CERTIFICATE,)),
        ),
        (K.DISABILITY, ((P.DISABILITY_CERTIFICATE,),)),
        (K.FAMILY_EMERGENCY, ((P.FAMILY_EVENT_RECORDS, P.RELATIONSHIP_PROOF),)),
        (K.DISASTER, ((P.DISASTER_CERTIFICATE,), (P.DISASTER_PHOTOS,))),
        (K.OTHER, ((P.WRITTEN_EXPLANATION,),)),
    ],
)
def test_the_proof_lenders_usually_accept(kind, alternatives):
    assert PROOF_RULES[kind] == alternatives


def test_stored_values_are_stable_strings():
    assert [kind.value for kind in SituationKind] == [
        "unemployment",
        "illness_or_injury",
        "income_drop",
        "minimum_living_allowance",
        "disability",
        "family_emergency",
        "disaster",
        "other",
    ]
    assert P("minimum_living_certificate") is P.MINIMUM_LIVING_CERTIFICATE
    assert P("unemployment_certificate") is P.UNEMPLOYMENT_CERTIFICATE


def test_one_alternative_must_be_complete():
    assert not covered(K.UNEMPLOYMENT, set())
    assert not covered(K.UNEMPLOYMENT, {P.SOCIAL_INSURANCE_STOP_RECORD})
    assert covered(K.UNEMPLOYMENT, {P.UNEMPLOYMENT_CERTIFICATE})
    assert covered(K.UNEMPLOYMENT, {P.TERMINATION_LETTER, P.SOCIAL_INSURANCE_STOP_RECORD})
    assert not covered(K.ILLNESS_OR_INJURY, {P.DIAGNOSIS})
    assert covered(K.ILLNESS_OR_INJURY, {P.DIAGNOSIS, P.HOSPITAL_BILLS})
    assert covered(K.DISASTER, {P.DISASTER_PHOTOS})


# --- the evidence list ------------------------------------------------------------------------


def test_out_of_work_on_dibao_lists_the_unemployment_certificate_and_the_dibao_certificate():
    """The issue's case: out of work and on 低保, nothing gathered yet."""
    situations = [
        situation(K.UNEMPLOYMENT, date(2025, 3, 1)),
        situation(K.MINIMUM_LIVING_ALLOWANCE, date(2025, 8, 1)),
    ]
    lines = evidence_list(situations, set())
    assert rows(lines) == [
        (P.UNEMPLOYMENT_CERTIFICATE, M),
        (P.TERMINATION_LETTER, M),
        (P.SOCIAL_INSURANCE_STOP_RECORD, M),
        (P.MINIMUM_LIVING_CERTIFICATE, M),
        (P.EXTREME_HARDSHIP_CERTIFICATE, M),
    ]
    first, _, _, dibao, _ = lines
    assert first.kinds == (K.UNEMPLOYMENT,)
    assert first.instead == (P.TERMINATION_LETTER, P.SOCIAL_INSURANCE_STOP_RECORD)
    assert dibao.kinds == (K.MINIMUM_LIVING_ALLOWANCE,)
    assert dibao.instead == (P.EXTREME_HARDSHIP_CERTIFICATE,)
    assert translate(f"enum.proof.{P.UNEMPLOYMENT_CERTIFICATE}", "zh-CN") == "失业证明（失业登记）"
    assert translate(f"enum.proof.{P.MINIMUM_LIVING_CERTIFICATE}", "zh-CN") == "低保证"


def test_both_certificates_gathered_cover_both_situations():
    situations = [situation(K.UNEMPLOYMENT), situation(K.MINIMUM_LIVING_ALLOWANCE)]
    gathered = {P.UNEMPLOYMENT_CERTIFICATE, P.MINIMUM_LIVING_CERTIFICATE}
    lines = evidence_list(situations, gathered)
    assert rows(lines) == [
        (P.UNEMPLOYMENT_CERTIFICATE, G),
        (P.TERMINATION_LETTER, N),
        (P.SOCIAL_INSURANCE_STOP_RECORD, N),
        (P.MINIMUM_LIVING_CERTIFICATE, G),
        (P.EXTREME_HARDSHIP_CERTIFICATE, N),
    ]
    assert enclosures(lines) == (P.UNEMPLOYMENT_CERTIFICATE, P.MINIMUM_LIVING_CERTIFICATE)
    assert hardship_proof_ready(situations, gathered) is True


def test_half_an_alternative_leaves_the_rest_missing():
    lines = evidence_list([situation(K.UNEMPLOYMENT)], {P.TERMINATION_LETTER})
    assert rows(lines) == [
        (P.UNEMPLOYMENT_CERTIFICATE, M),
        (P.TERMINATION_LETTER, G),
        (P.SOCIAL_INSURANCE_STOP_RECORD, M),
    ]
    assert enclosures(lines) == (P.TERMINATION_LETTER,)
    assert hardship_proof_ready([situation(K.UNEMPLOYMENT)], {P.TERMINATION_LETTER}) is False


def test_a_gathered_alternative_that_is_not_needed_is_still_enclosed():
    gathered = {P.UNEMPLOYMENT_CERTIFICATE, P.TERMINATION_LETTER}
    lines = evidence_list([situation(K.UNEMPLOYMENT)], gathered)
    assert rows(lines) == [
        (P.UNEMPLOYMENT_CERTIFICATE, G),
        (P.TERMINATION_LETTER, G),
        (P.SOCIAL_INSURANCE_STOP_RECORD, N),
    ]


def test_two_situations_of_one_kind_list_each_item_once():
    situations = [
        situation(K.ILLNESS_OR_INJURY, date(2024, 2, 1), ended_on=date(2024, 4, 1)),
        situation(K.ILLNESS_OR_INJURY, date(2025, 1, 1)),
    ]
    lines = evidence_list(situations, {P.DIAGNOSIS})
    assert rows(lines) == [(P.DIAGNOSIS, G), (P.HOSPITAL_BILLS, M)]
    assert lines[0].kinds == (K.ILLNESS_OR_INJURY,)
    assert lines[0].instead == ()


def test_the_order_is_chronological_and_does_not_follow_the_input_or_what_is_gathered():
    ill = situation(K.ILLNESS_OR_INJURY, date(2025, 1, 10))
    dropped = situation(K.INCOME_DROP, date(2025, 4, 1))
    same_day_other = situation(K.OTHER, date(2025, 1, 10))
    expected = [P.DIAGNOSIS, P.HOSPITAL_BILLS, P.WRITTEN_EXPLANATION, P.INCOME_STATEMENTS]
    for order in ([ill, dropped, same_day_other], [dropped, same_day_other, ill]):
        for gathered in (set(), {P.INCOME_STATEMENTS}, set(ProofItem)):
            assert [line.item for line in evidence_list(order, gathered)] == expected


def test_items_gathered_for_no_recorded_situation_are_not_listed():
    lines = evidence_list([situation(K.DISABILITY)], {P.DIAGNOSIS, P.DISABILITY_CERTIFICATE})
    assert rows(lines) == [(P.DISABILITY_CERTIFICATE, G)]
    assert evidence_list([], set(ProofItem)) == ()


@pytest.mark.parametrize(
    ("kind", "gathered", "expected"),
    [
        (K.INCOME_DROP, set(), [(P.INCOME_STATEMENTS, M)]),
        (K.DISABILITY, {P.DISABILITY_CERTIFICATE}, [(P.DISABILITY_CERTIFICATE, G)]),
        (
            K.FAMILY_EMERGENCY,
            {P.RELATIONSHIP_PROOF},
            [(P.FAMILY_EVENT_RECORDS, M), (P.RELATIONSHIP_PROOF, G)],
        ),
        (
            K.DISASTER,
            {P.DISASTER_PHOTOS},
            [(P.DISASTER_CERTIFICATE, N), (P.DISASTER_PHOTOS, G)],
        ),
        (K.OTHER, set(), [(P.WRITTEN_EXPLANATION, M)]),
    ],
)
def test_each_kind_in_the_evidence_list(kind, gathered, expected):
    assert rows(evidence_list([situation(kind)], gathered)) == expected


# --- the document checklist -------------------------------------------------------------------


def test_the_proof_items_detail_the_checklists_hardship_line_and_leave_its_items_unchanged():
    assert CHECKLIST_ITEM is DocumentItem.HARDSHIP_PROOF
    assert [item.value for item in DocumentItem] == [
        "contract_number",
        "id_card_photos",
        "income_proof",
        "debt_list",
        "hardship_proof",
        "written_proposal",
        "power_of_attorney",
    ]
    assert not {item.value for item in ProofItem} & {item.value for item in DocumentItem}
    # the checklist still has exactly one field per DocumentItem
    assert DocumentChecklist(hardship_proof=True).missing(on_behalf=True) == [
        item for item in DocumentItem if item is not DocumentItem.HARDSHIP_PROOF
    ]


def test_hardship_proof_ready_needs_every_situation_covered():
    situations = [situation(K.UNEMPLOYMENT), situation(K.ILLNESS_OR_INJURY)]
    assert hardship_proof_ready(situations, {P.UNEMPLOYMENT_CERTIFICATE}) is False
    everything = {P.UNEMPLOYMENT_CERTIFICATE, P.DIAGNOSIS, P.HOSPITAL_BILLS}
    assert hardship_proof_ready(situations, everything) is True
    assert hardship_proof_ready([], everything) is None


# --- the wording ------------------------------------------------------------------------------


def test_every_kind_item_and_status_is_worded_in_both_languages_with_a_reason_per_item():
    keys = (
        [f"enum.situation.{kind}" for kind in SituationKind]
        + [f"enum.proof.{item}" for item in ProofItem]
        + [f"hardship.why.{item}" for item in ProofItem]
        + [f"enum.proof_status.{status}" for status in ProofStatus]
    )
    for key in keys:
        assert set(CATALOGUE[key]) == set(LANGUAGES), key
        assert all(CATALOGUE[key][lang].strip() for lang in LANGUAGES), key


def test_the_evidence_texts_take_their_lists():
    assert translate("hardship.instead", "en", items="A, B") == "Or instead: A, B"
    assert translate("hardship.instead", "zh-CN", items="甲、乙") == "也可改交：甲、乙"
