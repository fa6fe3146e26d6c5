"""Data: back up the whole database, restore a backup, export calls, tasks and payments as CSV,
set how long records are kept, purge the clients past it, and delete everything.

The page calls the same functions as ``python -m store``; a restore is checked completely before
the user is asked to confirm it by typing a stated word (``恢复`` / ``RESTORE``), and replaces
everything in one transaction or nothing; deleting everything needs the number of clients
typed. An export is audited when its button is clicked (``services.data.exported``). In team
mode backup, restore, the agency's settings, retention and deleting are an administrator's
(others export the chosen client's records only); the services check it again. A purge erases
the clients listed (at the versions shown) after a ticked confirmation naming how many; the
period is saved at the version shown. Both act in button callbacks, which receive what the page
showed, and leave their outcome for the next run to show.
"""

from __future__ import annotations

import hashlib

import pandas as pd
import streamlit as st

import services
from core.access import Permission
from i18n import LANGUAGES, code_labeller, format_date, format_datetime, translate
from services import ChangedElsewhereError, StaleRecordError, StoreError
from services.retention import MAX_YEARS, MIN_YEARS, ClientRetention, NotPastRetentionError
from ui.benchmark_widgets import render_editor
from ui.errors import show_error
from ui.holiday_widgets import render_holidays
from ui.i18n import current_language, t, worded
from ui.state import actor, current_client_id, get_store, now_local, select_client, today
from ui.tables import fitted_table

#: Durable key: a backup file read and checked, waiting for the user's confirmation.
PENDING_KEY = "data_pending_restore"
#: Durable key: the outcome of the last retention action, shown once: (kind, text key, params)
#: or ("error", exception, {}).
RETENTION_FLASH = "data_retention_flash"


def render_counts(counts: dict[str, int]) -> None:
    columns = st.columns(4)
    for i, table in enumerate(("clients", "debts", "calls", "payments")):
        columns[i].metric(t(f"data.table.{table}"), f"{counts.get(table, 0):,}")


#: Durable keys: the backup prepared (bytes) and whether it is encrypted.
BACKUP_KEY = "data_backup_bytes"
BACKUP_SEALED_KEY = "data_backup_sealed"


def render_backup(store) -> None:
    """A backup sealed with a passphrase typed twice (in a form: Enter prepares it, and the
    fields are cleared afterwards), or — ticked knowingly, with a warning — a plain one."""
    st.subheader(t("data.backup.title"))
    st.caption(t("data.backup.body"))
    try:
        render_counts(services.data.counts(store, actor()))
    except StoreError as exc:
        show_error(exc)
        return
    plain = st.checkbox(t("data.backup.plain"), key="data_backup_plain")
    if plain:
        st.warning(t("data.backup.plain_warning"), icon=":material/warning:")
    with st.form("data_backup_form", clear_on_submit=True, border=False):
        first = second = ""
        if not plain:
            left, right = st.columns(2)
            first = left.text_input(
                t("data.backup.passphrase"), type="password", key="data_backup_passphrase"
            )
            second = right.text_input(
                t("data.backup.passphrase_again"),
                type="password",
                key="data_backup_passphrase_again",
            )
        prepare = st.form_submit_button(
            t("data.backup.prepare"), key="data_backup_prepare", icon=":material/backup:"
        )
    if prepare:
        prepare_backup(store, plain=plain, first=first, second=second)
    data = st.session_state.get(BACKUP_KEY)
    if data:
        sealed = bool(st.session_state.get(BACKUP_SEALED_KEY))
        st.success(
            t("data.backup.ready_encrypted" if sealed else "data.backup.ready_plain"),
            icon=":material/lock:" if sealed else ":material/lock_open:",
        )
        stamp = now_local().strftime("%Y%m%d-%H%M")
        st.download_button(
            t("data.backup.download"),
            data,
            file_name=f"repaytalk-backup-{stamp}.{'rtbk' if sealed else 'json'}",
            mime="application/octet-stream" if sealed else "application/json",
            key="data_backup_download",
            icon=":material/download:",
        )


def prepare_backup(store, *, plain: bool, first: str, second: str) -> None:
    """Make the backup the form asked for, or say in the user's language why not (nothing is
    kept of a refused one, and a backup prepared before is dropped)."""
    st.session_state.pop(BACKUP_KEY, None)
    st.session_state.pop(BACKUP_SEALED_KEY, None)
    passphrase = None
    if not plain:
        if not first and not second:
            st.error(t("data.backup.passphrase_missing"), icon=":material/error:")
            return
        if first != second:
            st.error(t("data.backup.passphrases_differ"), icon=":material/error:")
            return
        passphrase = first
    try:
        data = services.data.backup(store, actor(), passphrase=passphrase)
    except StoreError as exc:  # a passphrase too short among them
        show_error(exc)
        return
    st.session_state[BACKUP_KEY] = data
    st.session_state[BACKUP_SEALED_KEY] = passphrase is not None


def render_restore(store) -> None:
    st.subheader(t("data.restore.title"))
    st.caption(t("data.restore.body"))
    upload = st.file_uploader(
        t("data.restore.file"), type=["rtbk", "json"], key="data_restore_file"
    )
    if upload is not None:
        data = upload.getvalue()
        sealed = services.data.is_encrypted(data)
        with st.form("data_restore_form", clear_on_submit=True, border=False):
            passphrase = None
            if sealed:
                passphrase = st.text_input(
                    t("data.restore.passphrase"), type="password", key="data_restore_passphrase"
                )
            check = st.form_submit_button(t("data.restore.check"), key="data_restore_check")
        if check:
            try:
                st.session_state[PENDING_KEY] = services.data.read(
                    actor(), data, source=upload.name, passphrase=passphrase
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
    word = t("team.data.restore_word")
    typed = st.text_input(
        t("team.data.restore_type", word=word), key="data_restore_confirm", max_chars=20
    )
    confirmed = restore_confirmed(typed)
    if typed.strip() and not confirmed:
        st.caption(t("team.data.restore_typed_wrong", word=word))
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


def restore_confirmed(typed: str) -> bool:
    """Whether ``typed`` is the restore's confirmation word (in either language: the user may
    have switched language since reading it).

    >>> restore_confirmed(" RESTORE "), restore_confirmed("恢复"), restore_confirmed("restore")
    (True, True, False)
    """
    return typed.strip() in {translate("team.data.restore_word", lang) for lang in LANGUAGES}


def export_handed_over(kind, client_id: int | None, masked: bool) -> None:
    """A download button's click: the export's audit line (``data.exported``)."""
    store = get_store()
    if store is None:
        return
    try:
        services.data.exported(store, actor(), kind, client_id=client_id, mask_names=masked)
    except StoreError as exc:
        show_error(exc)


def render_exports(store) -> None:
    """CSV exports: every client's records with :attr:`Permission.BACKUP` (single-user mode,
    administrators), otherwise the records of the client chosen (one the account may open)."""
    st.subheader(t("data.export.title"))
    st.caption(t("data.export.body"))
    client_id = None if actor().allows(Permission.BACKUP) else current_client_id()
    if client_id is None and not actor().allows(Permission.BACKUP):
        st.info(t("team.data.export_choose_client"), icon=":material/person_search:")
        return
    if client_id is not None:
        st.caption(t("team.data.export_one_client", id=client_id))
    lang = current_language()
    masked = st.checkbox(
        t("data.export.masked"), value=services.data.MASKED_BY_DEFAULT, key="data_export_mask"
    )
    if not masked:
        st.warning(t("data.export.unmasked"), icon=":material/warning:")
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
                client_id=client_id,
            )
        except StoreError as exc:
            show_error(exc, column)
            continue
        suffix = "" if client_id is None else f"-client-{client_id}"
        column.download_button(
            t(f"data.export.{kind.value}"),
            data,
            file_name=f"repaytalk-{kind.value}{suffix}.csv",
            mime="text/csv",
            key=f"data_export_{kind.value}",
            icon=":material/table_view:",
            on_click=export_handed_over,
            args=(kind, client_id, masked),
        )


#: Durable key: the outcome of the last delete-all, shown once (the rows deleted per table).
DELETED_KEY = "data_deleted_all"


def delete_everything(expected: str) -> None:
    """The delete-all button: only with the stated count typed (checked again here)."""
    store = get_store()
    typed = str(st.session_state.get("data_delete_all_confirm") or "").strip()
    if store is None or typed != expected:
        return
    try:
        deleted = services.data.delete_all(store, actor())
    except StoreError as exc:
        st.session_state[DELETED_KEY] = exc
        return
    st.session_state.pop("data_delete_all_confirm", None)
    select_client(None)
    st.session_state[DELETED_KEY] = deleted


def render_delete_all(store) -> None:
    """Delete every record (administrators), after typing the number of clients it erases."""
    st.subheader(t("team.data.delete.title"))
    st.caption(t("team.data.delete.body"))
    outcome = st.session_state.pop(DELETED_KEY, None)
    if isinstance(outcome, StoreError):
        show_error(outcome)
    elif outcome is not None:
        st.success(
            t("team.data.delete.done", count=outcome.get("clients", 0)),
            icon=":material/check_circle:",
        )
    try:
        count = services.data.counts(store, actor()).get("clients", 0)
    except StoreError as exc:
        show_error(exc)
        return
    if count == 0:
        st.info(t("team.data.delete.nothing"), icon=":material/info:")
        return
    expected = str(count)
    typed = st.text_input(
        t("team.data.delete.type", count=count), key="data_delete_all_confirm", max_chars=12
    )
    if typed.strip() and typed.strip() != expected:
        st.caption(t("team.data.delete.typed_wrong", count=count))
    st.button(
        t("team.data.delete.run", count=count),
        key="data_delete_all_run",
        type="primary",
        icon=":material/delete_forever:",
        disabled=typed.strip() != expected,
        on_click=delete_everything,
        args=(expected,),
    )


def period(years: int) -> str:
    return t("retention.period", n=years)


def _flash(kind: str, key: object, **params: int) -> None:
    st.session_state[RETENTION_FLASH] = (kind, key, params)


def show_retention_flash() -> None:
    flash = st.session_state.pop(RETENTION_FLASH, None)
    if flash is None:
        return
    kind, key, params = flash
    if kind == "error":
        show_error(key)
        return
    words = {name: period(value) if name == "period" else value for name, value in params.items()}
    if kind == "success":
        st.success(t(key, **words), icon=":material/check_circle:")
        if params.get("gone"):
            st.info(t("retention.gone", n=params["gone"]), icon=":material/info:")
    else:
        st.warning(t(key, **words), icon=":material/warning:")


def save_period(version: int, input_key: str) -> None:
    """The period's save button: ``version`` is the one the form showed."""
    store = get_store()
    if store is None:
        return
    years = st.session_state.get(input_key)
    try:
        saved = services.retention.save_years(store, actor(), int(years or 0), version=version)
    except StaleRecordError:
        now = services.retention.setting(store, actor())
        _flash("warning", "retention.changed_elsewhere", period=now.years)
    except StoreError as exc:
        _flash("error", exc)
    else:
        _flash("success", "retention.saved", period=saved.years)


def purge(shown: tuple[tuple[int, int], ...], keep_key: str, confirm_key: str) -> None:
    """The purge button: ``shown`` is every listed client at the version the list showed."""
    store = get_store()
    confirmed = st.session_state.pop(confirm_key, False)
    keep = set(st.session_state.get(keep_key) or ())
    seen = [(client_id, version) for client_id, version in shown if client_id not in keep]
    if store is None or not confirmed or not seen:
        return
    try:
        result = services.retention.purge(store, actor(), seen, as_of=today())
    except ChangedElsewhereError:
        _flash("warning", "retention.stale")
    except NotPastRetentionError:
        _flash("warning", "retention.active_again")
    except StoreError as exc:
        _flash("error", exc)
    else:
        if current_client_id() in {client_id for client_id, _ in seen}:
            select_client(None)
        _flash("success", "retention.purged", n=len(result.purged), gone=len(result.gone))


def render_period(store) -> int | None:
    """The retention period's form; the period in years, or None if it cannot be read."""
    try:
        current = services.retention.setting(store, actor())
    except StoreError as exc:
        show_error(exc)
        return None
    # A new version (saved here or elsewhere) draws the field afresh with the saved value.
    input_key = f"data_retention_years_v{current.version}"
    with st.form("data_retention_form", border=False):
        field, _ = st.columns([2, 3])
        field.number_input(
            t("retention.years"),
            min_value=MIN_YEARS,
            max_value=MAX_YEARS,
            value=current.years,
            step=1,
            key=input_key,
        )
        st.form_submit_button(
            t("retention.save"),
            key="data_retention_save",
            on_click=save_period,
            args=(current.version, input_key),
            icon=":material/save:",
        )
    return current.years


def due_table(due: list[ClientRetention], lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("retention.col.id"): [str(client.client_id) for client in due],
            t("retention.col.client"): [client.masked_name for client in due],
            t("retention.col.last_active"): [format_date(c.last_active_on, lang) for c in due],
            t("retention.col.kept_until"): [format_date(c.kept_until, lang) for c in due],
        }
    )


def render_due(store, years: int) -> None:
    try:
        due = services.retention.due(store, actor(), as_of=today())
    except StoreError as exc:
        show_error(exc)
        return
    if not due:
        st.info(t("retention.none", period=period(years)), icon=":material/verified_user:")
        return
    lang = current_language()
    st.markdown(t("retention.due", n=len(due), period=period(years)))
    fitted_table(due_table(due, lang), key="data_retention_table")
    shown = tuple((client.client_id, client.version) for client in due)
    # Another list (a client purged, changed or active again) starts a fresh choice.
    digest = hashlib.sha256(repr(shown).encode()).hexdigest()[:12]
    keep_key, confirm_key = f"data_retention_keep_{digest}", f"data_retention_confirm_{digest}"
    labels = {
        client.client_id: t(
            "retention.client_label",
            id=client.client_id,
            client=client.masked_name,
            day=format_date(client.last_active_on, lang),
        )
        for client in due
    }
    keep = st.multiselect(
        t("retention.keep"),
        list(labels),
        format_func=labels.__getitem__,
        placeholder=t("retention.keep_placeholder"),
        key=worded(keep_key),
    )
    count = len(due) - len(set(keep))
    if count == 0:
        st.info(t("retention.nothing_to_purge"), icon=":material/info:")
        return
    confirmed = st.checkbox(t("retention.confirm", n=count), key=confirm_key)
    st.button(
        t("retention.purge", n=count),
        key="data_retention_purge",
        type="primary",
        icon=":material/delete_forever:",
        disabled=not confirmed,
        on_click=purge,
        args=(shown, keep_key, confirm_key),
    )


def render_retention(store) -> None:
    st.subheader(t("retention.title"))
    st.caption(t("retention.body"))
    show_retention_flash()
    years = render_period(store)
    if years is not None:
        render_due(store, years)


def main() -> None:
    st.title(t("page.data"))
    store = get_store()
    if store is None:
        return
    acting = actor()
    if acting.allows(Permission.BACKUP):
        render_backup(store)
        st.divider()
    if acting.allows(Permission.RESTORE):
        render_restore(store)
        st.divider()
    if acting.allows(Permission.DELETE_ALL):
        render_delete_all(store)  # beside the restore: both replace everything
        st.divider()
    render_exports(store)
    if acting.allows(Permission.MANAGE_SETTINGS):
        st.divider()
        render_holidays(store)
        st.divider()
        render_editor(store)
    if acting.allows(Permission.DELETE_ALL):
        st.divider()
        render_retention(store)  # last: the one that erases clients one by one
    if not acting.allows(Permission.RESTORE):
        st.divider()
        st.info(t("team.data.admin_only"), icon=":material/admin_panel_settings:")


main()
