"""Clients: find, choose, add, edit and delete clients; load the example case.

In team mode a counselor's list holds their own clients only (the services filter it); a
supervisor or an administrator also sees each counselor's caseload and a counselor picker per
listed client (``services.caseload.assign``, which checks the role and writes the audit line).
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st
from pydantic import ValidationError

import services
import services.accounts
import services.caseload
from core.access import Permission
from core.clients import Client, ConsentScope, MaskKind, mask
from core.errors import CoreError
from core.limits import MAX_CLIENT_CONTACTS, MAX_NAME_LENGTH
from i18n import format_date, md_escape
from services import ChangedElsewhereError, StoreError, Workspace
from services.clients import Revealable
from ui.case_widgets import render_case
from ui.client_forms import (
    consent_for,
    contacts_editor,
    masked_input,
    masked_names,
    masked_row,
    same_client,
)
from ui.errors import show_error
from ui.i18n import current_language, t
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
from ui.state import (
    actor,
    client_label,
    current_client,
    current_client_id,
    request_for,
    select_client,
    today,
)
from ui.tables import fitted_table

FORM = "clientform_"
#: Durable key: the outcome of the last reassignment, shown once (the text itself).
ASSIGN_FLASH_KEY = "clients_assign_flash"
#: How many listed clients get a counselor picker (a search narrows the list).
ASSIGN_LIMIT = 50
#: The counselor pickers' choice for nobody.
NOBODY = 0
#: Durable keys: a message to show after a rerun; the client whose deletion awaits confirmation.
FLASH_KEY = "clients_flash"
DELETE_KEY = "clients_confirm_delete"
#: The picker's choice for a new client (a selectbox shows None as "nothing chosen").
NEW = 0
COLUMNS = ("current", "name", "mobile", "id_number", "household", "consent")


def finish(message_key: str) -> None:
    st.session_state[FLASH_KEY] = message_key
    st.rerun()


def render_toolbar(store: Workspace) -> str:
    search_col, example_col = st.columns([3, 1], vertical_alignment="bottom")
    query = kept(
        open_draft("clients_search", "all"),
        "clients_search_text",
        "",
        lambda: search_col.text_input(
            t("clients.search"), key="clients_search_text", help=t("clients.search_help")
        ),
    )
    if example_col.button(
        t("clients.example"),
        key="clients_example",
        icon=":material/auto_awesome:",
        help=t("clients.example_help"),
        width="stretch",
    ):
        try:
            client = services.example.load(store, actor(), today())
        except (ValidationError, CoreError, StoreError) as exc:
            show_error(exc)
        else:
            select_client(client.id)
            finish("clients.example_saved")
    return query.strip()


def render_list(store: Workspace, query: str) -> list[Client]:
    st.subheader(t("clients.list"))
    clients = (
        services.clients.search(store, actor(), query)
        if query
        else services.clients.list_all(store, actor())
    )
    if not clients:
        st.info(t("clients.no_match" if query else "clients.none"))
        return clients
    lang = current_language()
    columns = {name: t(f"clients.col.{name}") for name in COLUMNS}
    rows = [masked_row(c, lang, current_client_id(), columns) for c in clients]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    st.caption(t("clients.count", n=len(clients)))
    return clients


def reassign(store: Workspace, client: Client, key: str, names: dict[int, str]) -> None:
    """A counselor picker's change: give ``client`` to the counselor chosen (0: nobody)."""
    chosen = st.session_state.get(key) or None
    try:
        services.caseload.assign(store, actor(), client.id, chosen)
    except StoreError as exc:
        st.session_state[ASSIGN_FLASH_KEY] = ("error", exc)
        return
    counselor = names.get(chosen, str(chosen)) if chosen else t("team.clients.unassigned")
    st.session_state[ASSIGN_FLASH_KEY] = (
        "success",
        t(
            "team.clients.assigned",
            client=md_escape(client_label(client)),
            counselor=md_escape(counselor),
        ),
    )


def show_assign_flash() -> None:
    flash = st.session_state.pop(ASSIGN_FLASH_KEY, None)
    if flash is None:
        return
    kind, value = flash
    if kind == "error":
        show_error(value)
    else:
        st.success(value, icon=":material/check_circle:")


def caseload_table(counts: dict[int | None, int], counselors, names: dict[int, str]):
    ids = [c.id for c in counselors] + [i for i in counts if i is not None and i not in names]
    rows = {names.get(i, str(i)): counts.get(i, 0) for i in ids}
    rows[t("team.clients.unassigned")] = counts.get(None, 0)
    return pd.DataFrame(
        {
            t("team.clients.col.counselor"): list(rows),
            t("team.clients.col.count"): list(rows.values()),
        }
    )


def render_caseloads(store: Workspace, clients: list[Client]) -> None:
    """Team mode: a counselor is told the list is theirs; a supervisor or an administrator
    sees the caseloads and reassigns the listed clients."""
    acting = actor()
    if acting.is_local:
        return
    if not acting.allows(Permission.ASSIGN_CLIENTS):
        st.caption(t("team.clients.mine"))
        return
    show_assign_flash()
    try:
        everyone = services.accounts.list_accounts(store, acting)
        counselors = services.accounts.counselors(store, acting)
        counts = services.caseload.caseload_counts(store, acting)
    except StoreError as exc:
        show_error(exc)
        return
    names = {account.id: account.display_name for account in everyone}
    with st.expander(t("team.clients.assign.title"), expanded=True, icon=":material/groups:"):
        st.markdown(f"**{t('team.clients.caseloads')}**")
        fitted_table(caseload_table(counts, counselors, names), key="clients_caseloads")
        if not clients:
            return
        st.caption(t("team.clients.assign.help"))
        if len(clients) > ASSIGN_LIMIT:
            st.caption(t("team.clients.assign.first", count=ASSIGN_LIMIT, total=len(clients)))
        options = [NOBODY, *(c.id for c in counselors)]
        labels = {NOBODY: t("team.clients.unassigned")} | {c.id: c.display_name for c in counselors}
        columns = st.columns(2)
        for i, client in enumerate(clients[:ASSIGN_LIMIT]):
            assigned = services.caseload.counselor_of(store, acting, client.id) or NOBODY
            if assigned not in labels:  # a disabled account's client: shown, not offered
                options_here = [*options, assigned]
                labels[assigned] = names.get(assigned, str(assigned))
            else:
                options_here = options
            key = f"clients_assign_{client.id}"
            st.session_state[key] = assigned
            columns[i % 2].selectbox(
                t("team.clients.assign.label", client=md_escape(client_label(client))),
                options_here,
                format_func=labels.get,
                key=key,
                on_change=reassign,
                args=(store, client, key, labels),
            )


def render_picker(clients: list[Client], current: Client | None) -> None:
    options: list[int] = [NEW, *(c.id for c in clients)]
    labels = {NEW: t("clients.pick_new")} | {c.id: client_label(c) for c in clients}
    if current is not None and current.id not in labels:
        options.append(current.id)
        labels[current.id] = client_label(current)
    st.session_state["clients_pick"] = current.id if current else NEW
    st.selectbox(
        t("clients.pick"),
        options,
        key="clients_pick",
        format_func=labels.get,
        on_change=lambda: select_client(st.session_state["clients_pick"] or None),
    )


def render_form(store: Workspace, client: Client | None) -> None:
    st.subheader(t("clients.edit_title" if client else "clients.new_title"))
    scope = f"client:{client.id if client else 'new'}"
    if client is None:
        draft, seen = open_draft(FORM, scope), 0
    else:
        draft, seen = open_record_draft(FORM, scope, client.version)
        changed_elsewhere_notice(FORM, draft, client.version)
    # The record as the form opened on it: a field not revealed saves its value unchanged
    # (a save after a newer version is refused, so this is what is stored).
    shown: Client | None = draft.setdefault("_client", client)
    consent = client.consent if client else None

    def fetch(field: Revealable, index: int | None = None) -> Callable[[], str]:
        # Only a saved record has values to reveal (a new client's form has nothing masked).
        client_id = shown.id if shown else None
        return lambda: services.clients.reveal(
            store, actor(), client_id, field, index=index, version=seen
        )

    def field(key: str, label: str, saved: str, kind: MaskKind, **kw) -> str:
        return masked_input(draft, FORM, key, label, saved, kind, fetch(Revealable(key)), **kw)

    name = field(
        "name",
        t("clients.name"),
        shown.name if shown else "",
        MaskKind.NAME,
        max_chars=MAX_NAME_LENGTH,
        ratio=(5, 1),
    )
    left, right = st.columns(2)
    with left:
        mobile = field(
            "mobile",
            t("clients.mobile"),
            (shown.mobile or "") if shown else "",
            MaskKind.PHONE,
            secret=True,
        )
    with right:
        id_number = field(
            "id_number",
            t("clients.id_number"),
            (shown.id_number or "") if shown else "",
            MaskKind.ID_NUMBER,
            secret=True,
        )
    household = kept(
        draft,
        FORM + "household",
        client.household_size if client else 1,
        lambda: st.number_input(
            t("clients.household_size"), min_value=1, max_value=30, step=1, key=FORM + "household"
        ),
    )
    notes = kept(
        draft,
        FORM + "notes",
        client.notes if client else "",
        lambda: st.text_area(t("clients.notes"), key=FORM + "notes", height=80),
    )
    contacts, unnamed = contacts_editor(
        draft,
        FORM,
        shown.contacts if shown else (),
        lambda index: fetch(Revealable.CONTACT, index)(),
        limit=MAX_CLIENT_CONTACTS,
    )
    agreed = kept(
        draft,
        FORM + "consent",
        bool(consent and consent.covers(ConsentScope.STORE_PERSONAL_DATA)),
        lambda: st.checkbox(t("clients.consent"), key=FORM + "consent"),
    )
    contact = kept(
        draft,
        FORM + "contact",
        bool(consent and consent.covers(ConsentScope.CONTACT_LENDERS)),
        lambda: st.checkbox(t("clients.consent_contact"), key=FORM + "contact"),
    )
    if consent is not None:
        st.caption(
            t("clients.consent_since", date=format_date(consent.given_on, current_language()))
        )

    candidate: Client | None = None
    problem: Exception | None = None
    try:
        candidate = Client(
            id=client.id if client else None,
            version=seen,
            name=name or "-",
            mobile=mobile,
            id_number=id_number,
            household_size=int(household),
            notes=notes,
            consent=consent_for(agreed, contact, consent, today()),
            contacts=tuple(contacts),
        )
    except (ValidationError, CoreError) as exc:
        problem = exc
    typed = any((name.strip(), mobile.strip(), id_number.strip(), notes.strip(), contacts))
    if client is None:
        unsaved = typed or bool(unnamed)
    else:
        unsaved = (
            candidate is None
            or not same_client(candidate, client)
            or not name.strip()
            or bool(unnamed)
        )
    if problem is not None and typed:
        show_error(problem)
    if unsaved:
        st.caption(f":orange[:material/edit: {t('clients.unsaved')}]")

    save_col, discard_col, delete_col = st.columns(3)
    if save_col.button(
        t("clients.save" if client else "clients.save_new"),
        key="clients_save",
        type="primary",
        icon=":material/save:",
        width="stretch",
    ):
        if unnamed:
            st.error("\n\n".join(unnamed), icon=":material/error:")
        else:
            save(store, client, candidate, problem, name, agreed)
    if unsaved and discard_col.button(t("clients.discard"), key="clients_discard", width="stretch"):
        discard_form(FORM)
        st.rerun()
    if client is not None:
        if delete_col.button(
            t("clients.delete"), key="clients_delete", icon=":material/delete:", width="stretch"
        ):
            st.session_state[DELETE_KEY] = client.id
        if st.session_state.get(DELETE_KEY) == client.id:
            render_delete(store, client)


def save(store, client, candidate, problem, name: str, agreed: bool) -> None:
    """Save the form in one store call, or say inline what is wrong (nothing is saved)."""
    if not agreed:
        st.error(t("clients.consent_needed"), icon=":material/error:")
        return
    if problem is not None:
        return  # the message is already shown under the form
    try:
        # Validate the real name (the candidate stands in "-" for an empty one).
        candidate = Client.model_validate({**candidate.model_dump(), "name": name})
        saved = (
            services.clients.update(store, actor(), candidate)
            if client
            else services.clients.create(
                store, actor(), candidate, request_id=request_for("client", candidate)
            )
        )
    except ChangedElsewhereError as exc:
        show_changed_elsewhere(exc, client_rows(exc.current))
        return
    except (ValidationError, CoreError, StoreError) as exc:
        show_error(exc)
        return
    select_client(saved.id)
    discard_form(FORM)
    finish("clients.saved")


def client_rows(client: Client | None) -> list[tuple[str, str]]:
    """What is saved now, as the refused form would show it (personal values masked)."""
    if client is None:
        return []
    consent = client.consent
    return [
        (t("clients.name"), mask(MaskKind.NAME, client.name)),
        (t("clients.mobile"), mask(MaskKind.PHONE, client.mobile or "")),
        (t("clients.id_number"), mask(MaskKind.ID_NUMBER, client.id_number or "")),
        (t("clients.household_size"), str(client.household_size)),
        (t("clients.notes"), client.notes),
        (t("clients.contacts"), masked_names(client)),
        (
            t("clients.col.consent"),
            format_date(consent.given_on, current_language()) if consent else "—",
        ),
    ]


def render_delete(store: Workspace, client: Client) -> None:
    if confirm_delete(
        t("clients.delete_confirm", name=md_escape(client_label(client))),
        t("clients.delete_yes"),
        t("clients.delete_no"),
        "clients_delete",
        pending_key=DELETE_KEY,
        delete=lambda: services.clients.delete(store, actor(), client.id, version=client.version),
    ):
        select_client(None)
        discard_form(FORM)
        finish("clients.deleted")


def main() -> None:
    from ui.state import get_store

    st.title(t("clients.title"))
    st.caption(t("clients.intro"))
    store = get_store()
    if store is None:
        return
    show_flash(FLASH_KEY)
    query = render_toolbar(store)
    clients = render_list(store, query)
    render_caseloads(store, clients)
    current = current_client(store)
    render_picker(clients, current)
    st.divider()
    render_form(store, current)
    render_case(store, current)  # the case's stage and history
    st.caption(f":material/lock: {t('clients.masked_footer')}")


main()
