"""The Call prep page's hardship part with AppTest (issue 20): situations added, changed and
removed (bad dates refused, a stale save refused with the changed-elsewhere notice), and the
evidence list — the issue's client out of work on 低保 lists 失业证明 and 低保证 with the right
status, ticks saved as gathered, and the checklist's hardship line following them."""

from __future__ import annotations

from datetime import date

import pytest
from calls_seed import seed_case
from hostile_text import hostile
from pack_seed import seed_pack
from page_helpers import open_for, texts

import services
from core.calls import DocumentItem
from core.limits import MAX_HARDSHIP_NOTE_LENGTH
from core.rules.hardship import ProofItem, ProofStatus, SituationKind
from i18n import enum_label, translate
from services import LOCAL_USER

PAGE = "app_pages/call_prep.py"
LANGS = ("zh-CN", "en")
FORM = "hardshipform_"
STATUSES = tuple(ProofStatus)


def proof_lines(at, lang) -> list[tuple[str, bool, str]]:
    """Each proof item of the evidence list as shown: its label, ticked or not, its status."""
    boxes = [box for box in at.checkbox if box.key.startswith("hardshipproof_")]
    badges = [m.value for m in at.markdown if "-badge[" in m.value and ":material/" in m.value]
    badges = [b for b in badges if any(f" {enum_label(s, lang)}]" in b for s in STATUSES)]
    assert len(boxes) == len(badges)
    return [
        (box.label, box.value, next(s.value for s in STATUSES if f" {enum_label(s, lang)}]" in b))
        for box, b in zip(boxes, badges, strict=True)
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_the_issues_client_out_of_work_on_dibao_lists_both_certificates(open_app, lang):
    case = seed_pack()
    at = open_for(open_app, PAGE, lang, case.client.id)
    assert translate("pack.hardship.title", lang) in texts(at.subheader)
    label = {item: enum_label(item, lang) for item in ProofItem}
    assert proof_lines(at, lang) == [
        (label[ProofItem.UNEMPLOYMENT_CERTIFICATE], True, "gathered"),
        (label[ProofItem.TERMINATION_LETTER], False, "not_needed"),
        (label[ProofItem.SOCIAL_INSURANCE_STOP_RECORD], False, "not_needed"),
        (label[ProofItem.MINIMUM_LIVING_CERTIFICATE], False, "missing"),
        (label[ProofItem.EXTREME_HARDSHIP_CERTIFICATE], False, "missing"),
    ]
    if lang == "zh-CN":
        assert label[ProofItem.UNEMPLOYMENT_CERTIFICATE] == "失业证明（失业登记）"
        assert label[ProofItem.MINIMUM_LIVING_CERTIFICATE] == "低保证"
    captions = texts(at.caption)
    why = translate("hardship.why.minimum_living_certificate", lang)
    (line,) = [c for c in captions if c.startswith(why)]
    assert line == "  \n".join(
        [
            why,
            translate(
                "hardship.for_situations",
                lang,
                kinds=enum_label(SituationKind.MINIMUM_LIVING_ALLOWANCE, lang),
            ),
            translate(
                "hardship.instead", lang, items=label[ProofItem.EXTREME_HARDSHIP_CERTIFICATE]
            ),
        ]
    )
    # Unemployment's other way is two papers, both needed.
    why = translate("hardship.why.unemployment_certificate", lang)
    (line,) = [c for c in captions if c.startswith(why)]
    both = (
        label[ProofItem.TERMINATION_LETTER]
        + translate("pack.join.all", lang)
        + label[ProofItem.SOCIAL_INSURANCE_STOP_RECORD]
    )
    assert line.endswith(translate("hardship.instead", lang, items=both))
    # The checklist's hardship line is not complete: 低保 has no proof yet.
    line_label = enum_label(DocumentItem.HARDSHIP_PROOF, lang)
    kinds = enum_label(SituationKind.MINIMUM_LIVING_ALLOWANCE, lang)
    assert translate("pack.proof.checklist_missing", lang, line=line_label, kinds=kinds) in texts(
        at.warning
    )
    (auto,) = [b for b in at.checkbox if b.key.startswith(f"prep_doc_{case.account.id}_hardship")]
    assert (auto.value, auto.disabled) == (False, True)


@pytest.mark.parametrize("lang", LANGS)
def test_ticking_the_dibao_certificate_saves_it_and_ticks_the_checklist_line(open_app, lang):
    case = seed_pack()
    at = open_for(open_app, PAGE, lang, case.client.id)
    at.checkbox(key="hardshipproof_minimum_living_certificate").check()
    at.button(key="hardship_proof_save").click().run()
    assert not at.exception
    proof = services.hardship.gathered(case.store, LOCAL_USER, case.client.id)
    assert proof.items == (ProofItem.UNEMPLOYMENT_CERTIFICATE, ProofItem.MINIMUM_LIVING_CERTIFICATE)
    assert proof.version == 2
    assert translate("pack.proof.saved", lang) in texts(at.success)
    label = {item: enum_label(item, lang) for item in ProofItem}
    assert proof_lines(at, lang)[3:] == [
        (label[ProofItem.MINIMUM_LIVING_CERTIFICATE], True, "gathered"),
        (label[ProofItem.EXTREME_HARDSHIP_CERTIFICATE], False, "not_needed"),
    ]
    line_label = enum_label(DocumentItem.HARDSHIP_PROOF, lang)
    assert translate("pack.proof.checklist_ready", lang, line=line_label) in texts(at.success)
    (auto,) = [b for b in at.checkbox if b.key.startswith(f"prep_doc_{case.account.id}_hardship")]
    assert (auto.value, auto.disabled) == (True, True)
    # Saving the checklist keeps the line as the evidence says.
    at.button(key="prep_docs_save").click().run()
    checklist = case.store.checklists.for_client(case.client.id, case.account.id)
    assert checklist.hardship_proof is True


def test_a_proof_set_saved_elsewhere_is_not_overwritten(open_app):
    case = seed_pack()
    at = open_for(open_app, PAGE, "en", case.client.id)
    # Another tab saves the termination letter meanwhile.
    services.hardship.set_gathered(
        case.store,
        LOCAL_USER,
        case.client.id,
        [ProofItem.UNEMPLOYMENT_CERTIFICATE, ProofItem.TERMINATION_LETTER],
        version=1,
    )
    at.checkbox(key="hardshipproof_minimum_living_certificate").check()
    at.button(key="hardship_proof_save").click().run()
    assert not at.exception
    entity = translate("changes.entity.gathered_proof", "en")
    assert translate("changes.refused", "en", entity=entity, seen=1, now=2) in texts(at.error)
    proof = services.hardship.gathered(case.store, LOCAL_USER, case.client.id)
    assert proof.items == (ProofItem.UNEMPLOYMENT_CERTIFICATE, ProofItem.TERMINATION_LETTER)


@pytest.mark.parametrize("lang", LANGS)
def test_without_a_situation_the_section_says_what_to_do(open_app, lang):
    case = seed_case(agreed_days_ago=None)
    at = open_for(open_app, PAGE, lang, case.client.id)
    assert translate("hardship.none", lang) in texts(at.info)
    assert not [b for b in at.checkbox if b.key.startswith("hardshipproof_")]
    # The checklist's hardship line stays the counselor's to tick.
    box = at.checkbox(key=f"prep_doc_{case.account.id}_hardship_proof")
    assert not box.disabled


@pytest.mark.parametrize("lang", LANGS)
def test_a_situation_is_added_and_its_proof_listed(open_app, lang):
    case = seed_case(agreed_days_ago=None)
    at = open_for(open_app, PAGE, lang, case.client.id)
    assert at.button(key="hardship_save").disabled  # no start date yet
    at.selectbox(key=f"{FORM}kind").set_value(SituationKind.ILLNESS_OR_INJURY)
    at.date_input(key=f"{FORM}started_on").set_value(date(2025, 10, 8))
    at.text_input(key=f"{FORM}note").set_value("胃癌手术 **X**").run()
    at.button(key="hardship_save").click().run()
    assert not at.exception
    (saved,) = services.hardship.list_for_client(case.store, LOCAL_USER, case.client.id)
    assert (saved.kind, saved.started_on, saved.ended_on, saved.note) == (
        SituationKind.ILLNESS_OR_INJURY,
        date(2025, 10, 8),
        None,
        "胃癌手术 **X**",
    )
    assert translate("pack.hardship.added", lang) in texts(at.success)
    table = at.dataframe[-1].value
    assert list(table[translate("field.note", lang)]) == ["胃癌手术 **X**"]  # a grid cell: text
    assert list(table[translate("field.ended_on", lang)]) == [
        translate("pack.hardship.ongoing", lang)
    ]
    label = {item: enum_label(item, lang) for item in ProofItem}
    assert proof_lines(at, lang) == [
        (label[ProofItem.DIAGNOSIS], False, "missing"),
        (label[ProofItem.HOSPITAL_BILLS], False, "missing"),
    ]
    # The form starts again, empty, for the next situation.
    assert at.date_input(key=f"{FORM}started_on").value is None
    assert len(services.hardship.list_for_client(case.store, LOCAL_USER, case.client.id)) == 1


@pytest.mark.parametrize("lang", LANGS)
def test_an_end_before_the_start_is_refused_and_nothing_is_saved(open_app, lang):
    case = seed_case(agreed_days_ago=None)
    at = open_for(open_app, PAGE, lang, case.client.id)
    at.date_input(key=f"{FORM}started_on").set_value(date(2025, 10, 8))
    at.date_input(key=f"{FORM}ended_on").set_value(date(2025, 9, 30)).run()
    message = translate("field.ended_on", lang)
    assert any(
        message in error and translate("error.ends_before_start", lang) in error
        for error in texts(at.error)
    )
    assert at.button(key="hardship_save").disabled
    assert services.hardship.list_for_client(case.store, LOCAL_USER, case.client.id) == []


@pytest.mark.parametrize("lang", LANGS)
def test_a_situation_is_changed_then_removed_after_confirmation(open_app, lang):
    case = seed_pack()
    unemployment = case.situations[0]
    at = open_for(open_app, PAGE, lang, case.client.id)
    at.selectbox(key="hardship_pick").set_value(unemployment.id).run()
    assert at.date_input(key=f"{FORM}started_on").value == date(2025, 6, 1)
    at.date_input(key=f"{FORM}ended_on").set_value(date(2026, 3, 1)).run()
    at.button(key="hardship_save").click().run()
    assert not at.exception
    changed = services.hardship.get(case.store, LOCAL_USER, unemployment.id)
    assert (changed.ended_on, changed.version) == (date(2026, 3, 1), 2)
    assert translate("pack.hardship.saved", lang) in texts(at.success)

    at.button(key="hardship_delete").click().run()
    ids = [s.id for s in services.hardship.list_for_client(case.store, LOCAL_USER, case.client.id)]
    assert unemployment.id in ids  # not before the answer
    at.button(key="hardship_delete_yes").click().run()
    assert not at.exception
    left = services.hardship.list_for_client(case.store, LOCAL_USER, case.client.id)
    assert [s.kind for s in left] == [SituationKind.MINIMUM_LIVING_ALLOWANCE]
    assert translate("pack.hardship.deleted", lang) in texts(at.success)
    # The unemployment certificate stays gathered; only 低保's proof is listed now.
    label = {item: enum_label(item, lang) for item in ProofItem}
    assert [line[0] for line in proof_lines(at, lang)] == [
        label[ProofItem.MINIMUM_LIVING_CERTIFICATE],
        label[ProofItem.EXTREME_HARDSHIP_CERTIFICATE],
    ]
    proof = services.hardship.gathered(case.store, LOCAL_USER, case.client.id)
    assert proof.items == (ProofItem.UNEMPLOYMENT_CERTIFICATE,)


def test_a_situation_changed_elsewhere_is_not_overwritten(open_app):
    case = seed_pack()
    unemployment = case.situations[0]
    at = open_for(open_app, PAGE, "en", case.client.id)
    at.selectbox(key="hardship_pick").set_value(unemployment.id).run()
    at.text_input(key=f"{FORM}note").set_value("mine").run()
    elsewhere = services.hardship.update(
        case.store, LOCAL_USER, unemployment.model_copy(update={"note": "theirs"})
    )
    at.run()
    # Before any save the form says the record changed (it was edited here, so it keeps "mine").
    stale = translate("changes.stale_form", "en", seen=1, now=2)
    assert stale in texts(at.warning)
    at.button(key="hardship_save").click().run()
    entity = translate("changes.entity.hardship_situation", "en")
    assert translate("changes.refused", "en", entity=entity, seen=1, now=2) in texts(at.error)
    now = services.hardship.get(case.store, LOCAL_USER, unemployment.id)
    assert (now.note, now.version) == ("theirs", elsewhere.version)
    # Loading what is saved now drops the draft.
    at.button(key=f"{FORM}reload_current").click().run()
    assert at.text_input(key=f"{FORM}note").value == "theirs"


def test_a_situation_changed_after_the_delete_question_is_not_deleted(open_app):
    case = seed_pack()
    situation = case.situations[1]
    at = open_for(open_app, PAGE, "en", case.client.id)
    at.selectbox(key="hardship_pick").set_value(situation.id).run()
    at.button(key="hardship_delete").click().run()
    services.hardship.update(
        case.store, LOCAL_USER, situation.model_copy(update={"note": "renewed until 2027"})
    )
    at.button(key="hardship_delete_yes").click().run()
    assert not at.exception
    assert translate("error.changed_elsewhere", "en") in texts(at.error)
    left = services.hardship.list_for_client(case.store, LOCAL_USER, case.client.id)
    assert [(s.id, s.note) for s in left] == [
        (case.situations[0].id, "2025年6月公司裁员"),
        (situation.id, "renewed until 2027"),
    ]


def test_a_hostile_note_is_shown_as_text_only_in_the_grid(open_app):
    """The note is the section's only typed text: it goes to the data grid (text), never into
    Markdown (the picker and the delete question name a situation by kind and date)."""
    case = seed_pack()
    note = hostile(MAX_HARDSHIP_NOTE_LENGTH, tag="HN")
    services.hardship.update(
        case.store, LOCAL_USER, case.situations[0].model_copy(update={"note": note})
    )
    at = open_for(open_app, PAGE, "en", case.client.id)
    at.selectbox(key="hardship_pick").set_value(case.situations[0].id).run()
    at.button(key="hardship_delete").click().run()
    assert not at.exception
    (table,) = [df.value for df in at.dataframe if "Note" in df.value.columns]
    assert list(table["Note"]) == [note, "每月低保金1100元"]
    markdown = [*texts(at.markdown), *texts(at.caption), *texts(at.warning), *texts(at.info)]
    assert not [text for text in markdown if "HN" in text]
