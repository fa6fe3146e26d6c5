"""Proof documents on the Call prep page (issue 25): upload a scan or photo for a checklist
line, list what the client's record holds, download (audited) and delete (confirmed).

The uploader's type filter (pdf, jpg, jpeg, png) is only a convenience for the file picker:
:func:`services.evidence.upload` checks the content, and scrubs photos. The uploader's own
limit is :data:`core.limits.MAX_EVIDENCE_MB` (the server accepts larger uploads, for backups).
:func:`handle_upload` is what a submitted upload does, apart from Streamlit, so that tests call
it directly.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import streamlit as st
from pydantic import ValidationError

import services
from core.calls import DocumentItem
from core.errors import CoreError
from core.evidence import MIME_TYPES, EvidenceFile
from core.limits import MAX_EVIDENCE_FILES, MAX_EVIDENCE_MB
from i18n import enum_labels, md_escape, translate
from i18n.format import format_date, to_display_time
from services import Actor, NotFoundError, StoreError, Workspace
from ui.errors import error_messages, show_error
from ui.i18n import t, worded
from ui.state import actor, form_session

#: What the file picker offers (the content decides what is accepted).
PICKER_TYPES = ["pdf", "jpg", "jpeg", "png"]
PREFIX = "evidence_"


@dataclass(frozen=True)
class UploadOutcome:
    """What an upload did: the file as stored, or the sentences saying why not."""

    saved: EvidenceFile | None
    messages: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return self.saved is not None


def size_text(size: int, lang: str) -> str:
    """A file's size for people: KB below a megabyte, MB with one decimal above."""
    if size < 1024 * 1024:
        return translate("evidence.size.kb", lang, n=max(1, round(size / 1024)))
    return translate("evidence.size.mb", lang, n=f"{size / 1024 / 1024:.1f}")


def handle_upload(
    store: Workspace,
    who: Actor,
    client_id: int,
    item: DocumentItem,
    file_name: str,
    data: bytes,
    lang: str,
    *,
    request_id: str | None = None,
) -> UploadOutcome:
    """Store an uploaded file through the service (once per ``request_id``); the outcome
    worded in ``lang``."""
    try:
        try:
            saved = services.evidence.upload(
                store, who, client_id, item, file_name, data, request_id=request_id
            )
        except NotFoundError:
            # This very file was stored from this form and deleted since: store it again.
            saved = services.evidence.upload(store, who, client_id, item, file_name, data)
    except (ValidationError, CoreError, StoreError) as exc:
        return UploadOutcome(None, tuple(error_messages(exc, lang)))
    kind = translate(f"evidence.kind.{saved.kind.value}", lang)
    lines = [
        translate(
            "evidence.uploaded",
            lang,
            name=saved.file_name,
            kind=kind,
            size=size_text(saved.size, lang),
        )
    ]
    if saved.kind.value != "pdf":
        lines.append(translate("evidence.scrubbed", lang))
    return UploadOutcome(saved, tuple(lines))


def render_evidence(store: Workspace, client_id: int, lang: str) -> None:
    """The "Proof documents" section of a client: upload form, then the files held."""
    with st.expander(t("evidence.title"), icon=":material/folder_shared:"):
        st.caption(t("evidence.intro"))
        labels = enum_labels(DocumentItem, lang)
        with st.form(f"{PREFIX}form_{client_id}", clear_on_submit=True, border=False):
            item = st.selectbox(
                t("evidence.item"),
                options=list(DocumentItem),
                format_func=labels.get,
                key=worded(f"{PREFIX}item_{client_id}"),
            )
            upload = st.file_uploader(
                t("evidence.file"),
                type=PICKER_TYPES,
                key=f"{PREFIX}file_{client_id}",
                help=t("evidence.file_help"),
                max_upload_size=MAX_EVIDENCE_MB,
            )
            submitted = st.form_submit_button(
                t("evidence.upload"), icon=":material/upload:", key=f"{PREFIX}submit_{client_id}"
            )
        if submitted and upload is None:
            st.info(t("evidence.choose_first"), icon=":material/upload_file:")
        if submitted and upload is not None:
            data = upload.getvalue()
            # The same file sent twice from this form (a double click) is stored once.
            request = services.request_key(
                form_session(),
                "evidence",
                [client_id, item, upload.name, hashlib.sha256(data).hexdigest()],
            )
            outcome = handle_upload(
                store, actor(), client_id, item, upload.name, data, lang, request_id=request
            )
            text = "\n\n".join(md_escape(line) for line in outcome.messages)
            if outcome.ok:
                st.success(text, icon=":material/check_circle:")
            else:
                st.error(text, icon=":material/error:")
        _render_files(store, client_id, lang, labels)


def _render_files(
    store: Workspace, client_id: int, lang: str, labels: dict[DocumentItem, str]
) -> None:
    try:
        files = services.evidence.list_for_client(store, actor(), client_id)
    except StoreError as exc:
        show_error(exc)
        return
    if not files:
        st.caption(t("evidence.none"))
        return
    st.caption(t("evidence.count", n=len(files), max=MAX_EVIDENCE_FILES))
    widths = [1.8, 2.4, 1.4, 1.8, 2.0, 1.7]
    head = st.columns(widths)
    for column, key in zip(head, ("item", "name", "kind_size", "date"), strict=False):
        column.markdown(f"**{t(f'evidence.col.{key}')}**")
    for saved in files:
        _render_file(store, saved, lang, labels, widths)


def _render_file(
    store: Workspace,
    saved: EvidenceFile,
    lang: str,
    labels: dict[DocumentItem, str],
    widths: list[float],
) -> None:
    assert saved.id is not None
    cells = st.columns(widths, vertical_alignment="center")
    cells[0].markdown(md_escape(labels[saved.item]))
    cells[1].markdown(md_escape(saved.file_name))
    kind = translate(f"evidence.kind.{saved.kind.value}", lang)
    kind_size = translate("evidence.kind_size", lang, kind=kind, size=size_text(saved.size, lang))
    cells[2].markdown(md_escape(kind_size))
    cells[3].markdown(md_escape(format_date(to_display_time(saved.uploaded_at).date(), lang)))
    who = actor()
    file_id = saved.id
    cells[4].download_button(
        t("evidence.download"),
        data=lambda: services.evidence.content(store, who, file_id),
        file_name=saved.file_name,
        mime=MIME_TYPES[saved.kind],
        key=f"{PREFIX}download_{file_id}",
        icon=":material/download:",
        on_click="ignore",
    )
    confirm_key = f"{PREFIX}confirm_{file_id}"
    if cells[5].button(
        t("evidence.delete"), key=f"{PREFIX}delete_{file_id}", icon=":material/delete:"
    ):
        st.session_state[confirm_key] = True
    if st.session_state.get(confirm_key):
        st.warning(
            t("evidence.delete_confirm", name=md_escape(saved.file_name)), icon=":material/warning:"
        )
        yes, no, _ = st.columns([1, 1, 4])
        if yes.button(t("evidence.delete_yes"), key=f"{PREFIX}yes_{file_id}", type="primary"):
            st.session_state.pop(confirm_key, None)
            try:
                services.evidence.delete(store, actor(), file_id, version=saved.version)
            except (CoreError, StoreError) as exc:
                show_error(exc)
            else:
                st.toast(t("evidence.deleted"), icon=":material/check_circle:")
                st.rerun()
        if no.button(t("evidence.delete_no"), key=f"{PREFIX}no_{file_id}"):
            st.session_state.pop(confirm_key, None)
            st.rerun()
