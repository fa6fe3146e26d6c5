"""The Call prep page's hardship part: the client's situations (added, changed and removed at
the version shown) and the evidence list that follows from them, each proof item with its
status, why a lender asks for it and what could replace it, ticked as gathered.

Both forms keep what was typed in a draft (:mod:`ui.planning_forms`): the situation form by the
situation edited, the proof form by the client, each with the version it was opened at, so a
save after a change made elsewhere is refused with the changed-elsewhere notice.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import streamlit as st
from pydantic import ValidationError

import services
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
)
from i18n import format_date
from services import ChangedElsewhereError, StoreError, Workspace
from services.hardship import Evidence
from ui.errors import show_error
from ui.i18n import enum_label, enum_labels, t, worded
from ui.planning_forms import (
    changed_elsewhere_notice,
    confirm_delete,
    discard_form,
    kept,
    open_draft,
    open_record_draft,
    show_changed_elsewhere,
    show_flash,
)
from ui.state import actor, form_session, today
from ui.tables import fitted_table

#: Widget keys of the situation form start with this (its draft is discarded by it).
SITUATION_FORM = "hardshipform_"
#: Widget keys of the proof form start with this.
PROOF_FORM = "hardshipproof_"
#: Durable: id of the situation being edited (NEW: a new one).
PICK_KEY = "hardship_editing"
NEW = 0
DELETE_KEY = "hardship_confirm_delete"
FLASH_KEY = "hardship_flash"
#: How far back a situation may have started (a 低保 or a disability may be old).
YEARS_BACK = 60
#: How far ahead an end may be entered (a 低保 granted until a known date).
YEARS_AHEAD = 10
#: Badge colour and icon of each status: never colour alone, the label says it too.
STATUS_BADGE = {
    ProofStatus.GATHERED: ("green", ":material/check_circle:"),
    ProofStatus.MISSING: ("red", ":material/error:"),
    ProofStatus.NOT_NEEDED: ("gray", ":material/remove_circle_outline:"),
}


def load_evidence(store: Workspace, client_id: int) -> Evidence | None:
    """The client's evidence list, or ``None`` (with an inline message) when it cannot be read."""
    try:
        return services.hardship.evidence(store, actor(), client_id)
    except StoreError as exc:
        show_error(exc)
        return None


def joined(labels: list[str], key: str) -> str:
    return t(key).join(labels)


def situation_text(situation: HardshipSituation, lang: str) -> str:
    """``失业（2025年6月1日 起）``: how a situation is named in the picker and the delete question
    (no typed text in it)."""
    return t(
        "pack.hardship.option",
        kind=enum_label(situation.kind, lang),
        started=format_date(situation.started_on, lang),
    )


def instead_text(line: EvidenceLine, lang: str) -> str:
    """The other ways to prove the line's situations, each complete way with its items joined:
    "解除或终止劳动合同证明 + 社保停缴记录"; empty when nothing else will do."""
    ways: list[tuple[ProofItem, ...]] = []
    for kind in line.kinds:
        for alternative in PROOF_RULES[kind]:
            if line.item not in alternative and alternative not in ways:
                ways.append(alternative)
    if not ways:
        return ""
    worded_ways = [
        joined([enum_label(item, lang) for item in way], "pack.join.all") for way in ways
    ]
    return t("hardship.instead", items=joined(worded_ways, "pack.join.any"))


def line_details(line: EvidenceLine, lang: str) -> str:
    """The caption under a proof item: why a lender asks for it, for which situations, and what
    could replace it (texts of the catalogue only)."""
    parts = [t(f"hardship.why.{line.item.value}")]
    kinds = joined([enum_label(kind, lang) for kind in line.kinds], "pack.join.list")
    parts.append(t("hardship.for_situations", kinds=kinds))
    instead = instead_text(line, lang)
    if instead:
        parts.append(instead)
    return "  \n".join(parts)


def status_badge(status: ProofStatus, lang: str) -> str:
    colour, icon = STATUS_BADGE[status]
    return f":{colour}-badge[{icon} {enum_label(status, lang)}]"


def checklist_line_status(evidence: Evidence, lang: str) -> None:
    """The checklist's "proof of hardship" line as the evidence sets it (read-only)."""
    if evidence.ready is None:
        return
    line = enum_label(CHECKLIST_ITEM, lang)
    if evidence.ready:
        st.success(t("pack.proof.checklist_ready", line=line), icon=":material/task_alt:")
        return
    have = set(evidence.gathered.items)
    open_kinds: list[SituationKind] = []
    for situation in evidence.situations:
        if situation.kind not in open_kinds and not covered(situation.kind, have):
            open_kinds.append(situation.kind)
    kinds = joined([enum_label(kind, lang) for kind in open_kinds], "pack.join.list")
    st.warning(t("pack.proof.checklist_missing", line=line, kinds=kinds), icon=":material/info:")


# --- the situations -----------------------------------------------------------------------


def situation_rows(situations: tuple[HardshipSituation, ...], lang: str) -> list[dict[str, str]]:
    """The situations as the table shows them (a data grid: the note is drawn as text)."""
    return [
        {
            t("pack.hardship.col.kind"): enum_label(situation.kind, lang),
            t("field.started_on"): format_date(situation.started_on, lang),
            t("field.ended_on"): format_date(situation.ended_on, lang)
            if situation.ended_on
            else t("pack.hardship.ongoing"),
            t("field.note"): situation.note or "—",
        }
        for situation in situations
    ]


def saved_situation_rows(situation: Any, lang: str) -> list[tuple[str, str]]:
    """A situation as a refused save shows what is saved now."""
    if not isinstance(situation, HardshipSituation):
        return []
    ended = situation.ended_on
    return [
        (t("pack.hardship.col.kind"), enum_label(situation.kind, lang)),
        (t("field.started_on"), format_date(situation.started_on, lang)),
        (t("field.ended_on"), format_date(ended, lang) if ended else t("pack.hardship.ongoing")),
        (t("field.note"), situation.note or "—"),
    ]


def pick_situation(
    situations: tuple[HardshipSituation, ...], lang: str
) -> HardshipSituation | None:
    by_id = {situation.id: situation for situation in situations if situation.id is not None}
    if st.session_state.get(PICK_KEY) not in by_id:
        st.session_state[PICK_KEY] = NEW
    if not by_id:
        return None
    st.session_state["hardship_pick"] = st.session_state[PICK_KEY]
    labels = {NEW: t("pack.hardship.pick_new")} | {
        i: situation_text(s, lang) for i, s in by_id.items()
    }
    st.selectbox(
        t("pack.hardship.pick"),
        [NEW, *by_id],
        key=worded("hardship_pick"),
        format_func=labels.get,
        on_change=lambda: st.session_state.update({PICK_KEY: st.session_state["hardship_pick"]}),
    )
    return by_id.get(st.session_state[PICK_KEY])


def render_situations(store: Workspace, client_id: int, evidence: Evidence, lang: str) -> None:
    situations = evidence.situations
    if situations:
        fitted_table(pd.DataFrame(situation_rows(situations, lang)), key="hardship_list")
    else:
        st.info(t("hardship.none"), icon=":material/volunteer_activism:")
    chosen = pick_situation(situations, lang)
    render_situation_form(store, client_id, chosen, lang)


def render_situation_form(
    store: Workspace, client_id: int, situation: HardshipSituation | None, lang: str
) -> None:
    form = SITUATION_FORM
    scope = f"situation:{client_id}:{situation.id if situation else 'new'}"
    if situation is None:
        draft, seen = open_draft(form, scope), 0
    else:
        draft, seen = open_record_draft(form, scope, situation.version)
        changed_elsewhere_notice(form, draft, situation.version)
    day = today()
    earliest, latest = date(day.year - YEARS_BACK, 1, 1), date(day.year + YEARS_AHEAD, 12, 31)
    kinds = enum_labels(SituationKind, lang)

    def keep(key: str, default: Any, draw: Any) -> Any:
        return kept(draft, form + key, default, draw)

    with st.container(border=True, key="hardship_form"):
        st.markdown(
            f"**{t('pack.hardship.edit_title' if situation else 'pack.hardship.new_title')}**"
        )
        left, middle, right = st.columns(3)
        kind = keep(
            "kind",
            situation.kind if situation else SituationKind.UNEMPLOYMENT,
            lambda: left.selectbox(
                t("pack.hardship.col.kind"),
                list(kinds),
                format_func=kinds.get,
                key=worded(form + "kind"),
            ),
        )
        started: date | None = keep(
            "started_on",
            situation.started_on if situation else None,
            lambda: middle.date_input(
                t("field.started_on"),
                key=form + "started_on",
                min_value=earliest,
                max_value=day,
                format="YYYY-MM-DD",
            ),
        )
        ended: date | None = keep(
            "ended_on",
            situation.ended_on if situation else None,
            lambda: right.date_input(
                t("field.ended_on"),
                key=form + "ended_on",
                min_value=earliest,
                max_value=latest,
                format="YYYY-MM-DD",
                help=t("pack.hardship.ended_help"),
            ),
        )
        note = keep(
            "note",
            situation.note if situation else "",
            lambda: st.text_input(
                t("field.note"),
                key=form + "note",
                max_chars=MAX_HARDSHIP_NOTE_LENGTH,
                placeholder=t("pack.hardship.note_placeholder"),
            ),
        )
        candidate: HardshipSituation | None = None
        if started is None:
            if situation is None and (note or "").strip():
                st.caption(t("pack.hardship.started_needed"))
        else:
            try:
                candidate = HardshipSituation(
                    id=situation.id if situation else None,
                    version=seen,
                    client_id=client_id,
                    kind=kind,
                    started_on=started,
                    ended_on=ended,
                    note=note or "",
                )
            except (ValidationError, CoreError) as exc:
                show_error(exc)
        if situation is None:
            unsaved = started is not None or bool((note or "").strip())
        else:
            unsaved = candidate != situation
        if unsaved and situation is not None:
            st.caption(f":orange[:material/edit: {t('pack.hardship.unsaved')}]")
        render_situation_actions(store, situation, candidate, unsaved, lang)


def render_situation_actions(
    store: Workspace,
    situation: HardshipSituation | None,
    candidate: HardshipSituation | None,
    unsaved: bool,
    lang: str,
) -> None:
    save_col, discard_col, delete_col = st.columns(3)
    if save_col.button(
        t("pack.hardship.save" if situation else "pack.hardship.add"),
        key="hardship_save",
        type="primary",
        icon=":material/save:",
        width="stretch",
        disabled=candidate is None or (situation is not None and not unsaved),
    ):
        assert candidate is not None  # the button is disabled without one
        try:
            if situation is None:
                request = services.request_key(form_session(), "hardship_situation", candidate)
                saved = services.hardship.add(store, actor(), candidate, request_id=request)
                flash = "pack.hardship.added"
            else:
                saved = services.hardship.update(store, actor(), candidate)
                flash = "pack.hardship.saved"
        except ChangedElsewhereError as exc:
            show_changed_elsewhere(exc, saved_situation_rows(exc.current, lang))
        except (ValidationError, CoreError, StoreError) as exc:
            show_error(exc)
        else:
            st.session_state[PICK_KEY] = saved.id if situation else NEW
            discard_form(SITUATION_FORM)
            st.session_state[FLASH_KEY] = flash
            st.rerun()
    if unsaved and discard_col.button(
        t("pack.hardship.discard"), key="hardship_discard", width="stretch"
    ):
        discard_form(SITUATION_FORM)
        st.rerun()
    if situation is None or situation.id is None:
        return
    situation_id = situation.id
    if delete_col.button(
        t("pack.hardship.delete"), key="hardship_delete", icon=":material/delete:", width="stretch"
    ):
        # The version shown when asked: a change made elsewhere before the answer stops it.
        st.session_state[DELETE_KEY] = (situation_id, situation.version)
    pending = st.session_state.get(DELETE_KEY)
    if not pending or pending[0] != situation_id:
        return
    version = pending[1]
    if confirm_delete(
        t("pack.hardship.delete_confirm", situation=situation_text(situation, lang)),
        t("pack.hardship.delete_yes"),
        t("pack.hardship.delete_no"),
        "hardship_delete",
        pending_key=DELETE_KEY,
        delete=lambda: services.hardship.delete(store, actor(), situation_id, version=version),
    ):
        st.session_state[PICK_KEY] = NEW
        discard_form(SITUATION_FORM)
        st.session_state[FLASH_KEY] = "pack.hardship.deleted"
        st.rerun()


# --- the evidence list --------------------------------------------------------------------


def proof_key(item: ProofItem) -> str:
    return f"{PROOF_FORM}{item.value}"


def render_evidence(store: Workspace, evidence: Evidence, lang: str) -> None:
    if not evidence.lines:
        return
    st.markdown(f"**{t('pack.proof.title')}**")
    st.caption(t("pack.proof.intro"))
    proof = evidence.gathered
    draft, seen = open_record_draft(PROOF_FORM, f"proof:{evidence.client_id}", proof.version)
    changed_elsewhere_notice(PROOF_FORM, draft, proof.version)
    have = set(proof.items)
    labels = enum_labels(ProofItem, lang)
    with st.form("hardship_proof_form", border=True):
        for line in evidence.lines:
            key = proof_key(line.item)
            left, right = st.columns([3, 1], vertical_alignment="center")
            kept(
                draft,
                key,
                line.item in have,
                lambda key=key, label=labels[line.item], left=left: left.checkbox(label, key=key),
            )
            right.markdown(status_badge(line.status, lang))
            st.caption(line_details(line, lang))
        submitted = st.form_submit_button(
            t("pack.proof.save"), key="hardship_proof_save", icon=":material/save:"
        )
    if submitted:
        shown = {line.item for line in evidence.lines}
        ticked = {
            line.item for line in evidence.lines if st.session_state.get(proof_key(line.item))
        }
        # Items of situations no longer recorded stay as they were saved.
        items = [
            item for item in ProofItem if item in ticked or (item in have and item not in shown)
        ]
        try:
            services.hardship.set_gathered(store, actor(), evidence.client_id, items, version=seen)
        except ChangedElsewhereError as exc:
            current = getattr(exc.current, "items", ())
            now = joined([labels[item] for item in current], "pack.join.list") or "—"
            show_changed_elsewhere(exc, [(t("field.proof_items"), now)])
        except (ValidationError, CoreError, StoreError) as exc:
            show_error(exc)
        else:
            discard_form(PROOF_FORM)
            st.session_state[FLASH_KEY] = "pack.proof.saved"
            st.rerun()
    checklist_line_status(evidence, lang)


def render_hardship(store: Workspace, evidence: Evidence | None, lang: str) -> None:
    """The section: the situations, their form, and the evidence list."""
    st.subheader(t("pack.hardship.title"))
    st.caption(t("pack.hardship.intro"))
    show_flash(FLASH_KEY)
    if evidence is None:
        return
    render_situations(store, evidence.client_id, evidence, lang)
    render_evidence(store, evidence, lang)
