"""Data: back up the whole database, restore a backup, export calls, tasks and payments as CSV.

The page calls the same functions as ``python -m store``; a restore is checked completely before
the user is asked to confirm, and replaces everything in one transaction or nothing.
"""

from __future__ import annotations

import streamlit as st

import services
from i18n import code_labeller, format_datetime, translate
from services import StoreError
from ui.errors import show_error
from ui.i18n import current_language, t
from ui.state import actor, get_store, now_local

#: Durable key: a backup file read and checked, waiting for the user's confirmation.
PENDING_KEY = "data_pending_restore"


def render_counts(counts: dict[str, int]) -> None:
    columns = st.columns(4)
    for i, table in enumerate(("clients", "debts", "calls", "payments")):
        columns[i].metric(t(f"data.table.{table}"), f"{counts.get(table, 0):,}")


def render_backup(store) -> None:
    st.subheader(t("data.backup.title"))
    st.caption(t("data.backup.body"))
    try:
        render_counts(services.data.counts(store, actor()))
    except StoreError as exc:
        show_error(exc)
        return
    if st.button(t("data.backup.prepare"), key="data_backup_prepare", icon=":material/backup:"):
        try:
            st.session_state["data_backup_bytes"] = services.data.backup(store, actor())
        except StoreError as exc:
            show_error(exc)
    data = st.session_state.get("data_backup_bytes")
    if data:
        stamp = now_local().strftime("%Y%m%d-%H%M")
        st.download_button(
            t("data.backup.download"),
            data,
            file_name=f"repaytalk-backup-{stamp}.json",
            mime="application/json",
            key="data_backup_download",
            icon=":material/download:",
        )


def render_restore(store) -> None:
    st.subheader(t("data.restore.title"))
    st.caption(t("data.restore.body"))
    upload = st.file_uploader(t("data.restore.file"), type=["json"], key="data_restore_file")
    if upload is not None and st.button(t("data.restore.check"), key="data_restore_check"):
        try:
            st.session_state[PENDING_KEY] = services.data.read(
                actor(), upload.getvalue(), source=upload.name
            )
        except StoreError as exc:
            st.session_state.pop(PENDING_KEY, None)
            show_error(exc)
    backup = st.session_state.get(PENDING_KEY)
    if backup is None:
        return
    lang = current_language()
    st.success(t("data.restore.ok", made=format_datetime(backup.created_at, lang)))
    render_counts(dict(backup.counts))
    st.warning(t("data.restore.warning"), icon=":material/warning:")
    confirmed = st.checkbox(t("data.restore.confirm"), key="data_restore_confirm")
    if st.button(
        t("data.restore.run"), key="data_restore_run", type="primary", disabled=not confirmed
    ):
        try:
            services.data.restore(store, actor(), backup)
        except StoreError as exc:
            show_error(exc)
            return
        st.session_state.pop(PENDING_KEY, None)
        st.session_state["client_id"] = None
        st.success(t("data.restore.done"), icon=":material/check_circle:")


def render_exports(store) -> None:
    st.subheader(t("data.export.title"))
    st.caption(t("data.export.body"))
    lang = current_language()
    masked = st.checkbox(
        t("data.export.mask"), value=services.data.MASKED_BY_DEFAULT, key="data_export_mask"
    )
    columns = st.columns(len(services.data.ExportKind))
    for column, kind in zip(columns, services.data.ExportKind, strict=True):
        try:
            data = services.data.export(
                store,
                actor(),
                kind,
                language=lang,
                label=code_labeller(lang),
                mask_names=masked,
                header=lambda key: translate(f"export.col.{key}", lang),
            )
        except StoreError as exc:
            show_error(exc, column)
            continue
        column.download_button(
            t(f"data.export.{kind.value}"),
            data,
            file_name=f"repaytalk-{kind.value}.csv",
            mime="text/csv",
            key=f"data_export_{kind.value}",
            icon=":material/table_view:",
        )


def main() -> None:
    st.title(t("page.data"))
    store = get_store()
    if store is None:
        return
    render_backup(store)
    st.divider()
    render_restore(store)
    st.divider()
    render_exports(store)


main()
