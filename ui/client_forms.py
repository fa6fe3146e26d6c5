"""Saving and showing clients: the example case, the masked list, the consent, and the edit
form's masked fields and contacts.

A saved client's name, mobile, ID number and contacts' names are drawn masked (``张*明``,
``139****5678``) in a disabled field with a "show" button beside it. Only a revealed field is
an input holding the full value, fetched through ``services.clients.reveal`` (the one place
team mode audits); a field not revealed keeps the value of the record the form opened on, so
the browser never receives, and a save never writes back, a masked value. What was revealed
is remembered in the form's draft only: another client, a save or a discard starts masked.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import streamlit as st

from core.clients import Client, ClientContact, Consent, ConsentScope, MaskKind, Relation, mask
from core.limits import MAX_NAME_LENGTH
from i18n import format_date, md_escape
from services import ChangedElsewhereError, StoreError
from ui.errors import show_error
from ui.i18n import current_language, enum_labels, t, worded
from ui.planning_forms import kept

#: Draft keys: the fields shown in full; a reveal refused on the last click; the contact rows
#: ([row id, index in the saved record or None for a new one]) and the next row id.
REVEALED = "_revealed"
REVEAL_ERROR = "_reveal_error"
ROWS = "_contact_rows"
NEXT_ROW = "_next_row"


def consent_for(store_data: bool, contact: bool, previous: Consent | None, as_of: date):
    """The consent the ticks describe; its date stays that of the first agreement."""
    scopes = set()
    if store_data:
        scopes.add(ConsentScope.STORE_PERSONAL_DATA)
    if contact:
        scopes.add(ConsentScope.CONTACT_LENDERS)
    if previous is not None:
        scopes |= previous.scopes - {ConsentScope.STORE_PERSONAL_DATA, ConsentScope.CONTACT_LENDERS}
    if not scopes:
        return None
    return Consent(given_on=previous.given_on if previous else as_of, scopes=frozenset(scopes))


def masked_row(client: Client, lang: str, current_id: int | None, columns: dict[str, str]) -> dict:
    """One row of the client list, personal values masked."""
    consent = client.consent
    return {
        columns["current"]: "●" if client.id == current_id else "",
        columns["name"]: mask(MaskKind.NAME, client.name),
        columns["mobile"]: mask(MaskKind.PHONE, client.mobile or ""),
        columns["id_number"]: mask(MaskKind.ID_NUMBER, client.id_number or ""),
        columns["household"]: client.household_size,
        columns["consent"]: format_date(consent.given_on, lang) if consent else "—",
    }


def same_client(a: Client, b: Client) -> bool:
    """Whether two clients hold the same details (ignoring the store's id and version)."""
    skip = {"id", "version"}
    return a.model_dump(exclude=skip) == b.model_dump(exclude=skip)


def masked_names(client: Client) -> str:
    """The contacts' names, masked, as one line (``李* · 王*明``); ``—`` when there are none."""
    names = [mask(MaskKind.NAME, contact.name) for contact in client.contacts]
    return " · ".join(names) or "—"


# --- revealing a masked value --------------------------------------------------------------


def revealed(draft: dict[str, Any]) -> set[str]:
    """The fields of this form shown in full (``name``, ``mobile``, ``contact:2`` …)."""
    return draft.setdefault(REVEALED, set())


def _reveal(draft: dict[str, Any], form: str, field: str, fetch: Callable[[], str]) -> None:
    """The "show" button's callback: fetch the full value and put it in the field's input."""
    try:
        value = fetch()
    except (ChangedElsewhereError, StoreError) as exc:
        draft[REVEAL_ERROR] = (field, exc)
        return
    draft.pop(REVEAL_ERROR, None)
    draft[form + field.replace(":", "_")] = value
    revealed(draft).add(field)


def _show_reveal_error(draft: dict[str, Any], field: str) -> None:
    refused = draft.get(REVEAL_ERROR)
    if not refused or refused[0] != field:
        return
    draft.pop(REVEAL_ERROR, None)
    if isinstance(refused[1], ChangedElsewhereError):
        st.error(t("clients.reveal_refused"), icon=":material/sync_problem:")
    else:
        show_error(refused[1])


def masked_input(
    draft: dict[str, Any],
    form: str,
    field: str,
    label: str,
    saved: str,
    kind: MaskKind,
    fetch: Callable[[], str],
    *,
    secret: bool = False,
    max_chars: int | None = None,
    ratio: tuple[int, int] = (2, 1),
    places: tuple[Any, Any] | None = None,
) -> str:
    """A field of a saved record: masked, with a "show" button, until revealed; then an input.

    Returns what to save: the input's text once revealed (or when nothing was saved, so nothing
    is hidden), else ``saved`` itself — never the masked text. ``secret`` draws an input with
    nothing saved behind it as a password field (its eye icon shows what was typed). The field
    and its button go in two columns of widths ``ratio``, or in the two containers ``places``.
    """
    key = form + field.replace(":", "_")
    options: dict[str, Any] = {"max_chars": max_chars} if max_chars else {}
    if not saved:  # nothing hidden: a plain input, the width of the field and its button
        if secret:
            options |= {"type": "password", "help": t("clients.hidden_help")}
        target = places[0] if places else st
        return kept(draft, key, "", lambda: target.text_input(label, key=key, **options))
    field_col, button_col = places or st.columns(list(ratio), vertical_alignment="bottom")
    if field in revealed(draft):
        with field_col:
            return kept(draft, key, saved, lambda: st.text_input(label, key=key, **options))
    button_col.button(
        t("clients.show"),
        key=f"{form}show_{field.replace(':', '_')}",
        icon=":material/visibility:",
        help=t("clients.show_help"),
        width="stretch",
        on_click=_reveal,
        args=(draft, form, field, fetch),
    )
    masked_key = key + "_masked"
    st.session_state[masked_key] = mask(kind, saved)
    field_col.text_input(label, key=masked_key, disabled=True, help=t("clients.masked_help"))
    with field_col:
        _show_reveal_error(draft, field)
    return saved


# --- contacts ------------------------------------------------------------------------------


def contact_rows(draft: dict[str, Any], saved: tuple[ClientContact, ...]) -> list[list[Any]]:
    """The form's contact rows, first those of the saved record (the draft remembers them)."""
    if ROWS not in draft:
        rows = [[index, index] for index in range(len(saved))]
        draft[ROWS] = rows
        draft[NEXT_ROW] = len(rows)
        # Seeded like a widget, so adding or removing a contact counts as an edit.
        draft.setdefault("_seed", {})[ROWS] = [list(row) for row in rows]
    return draft[ROWS]


def _add_row(draft: dict[str, Any]) -> None:
    draft[ROWS] = [*draft[ROWS], [draft[NEXT_ROW], None]]
    draft[NEXT_ROW] += 1


def _remove_row(draft: dict[str, Any], row_id: int) -> None:
    draft[ROWS] = [row for row in draft[ROWS] if row[0] != row_id]


def relation_labels() -> dict[Relation, str]:
    """Each relation's label in the session's language, worded now (for a ``format_func``)."""
    return enum_labels(Relation, current_language())


def contacts_editor(
    draft: dict[str, Any],
    form: str,
    saved: tuple[ClientContact, ...],
    fetch: Callable[[int], str],
    *,
    limit: int,
) -> tuple[list[ClientContact], list[str]]:
    """List, add, edit and remove the people the record names, their saved names masked.

    Returns the contacts to save (in order) and a message for each row without a name.
    """
    st.markdown(f"**{md_escape(t('clients.contacts'))}**")
    st.caption(t("clients.contacts_intro"))
    rows = contact_rows(draft, saved)
    if not rows:
        st.caption(t("clients.contacts_none"))
    labels = relation_labels()
    contacts: list[ClientContact] = []
    missing: list[str] = []
    for n, (row_id, origin) in enumerate(rows, start=1):
        stored = saved[origin] if origin is not None else None
        name_col, show_col, relation_col, remove_col = st.columns(
            [4, 2, 3, 2], vertical_alignment="bottom"
        )
        name = masked_input(
            draft,
            form,
            f"contact:{row_id}",
            t("clients.contact_name", n=n),
            stored.name if stored else "",
            MaskKind.NAME,
            (lambda index=origin: fetch(index)) if origin is not None else (lambda: ""),
            max_chars=MAX_NAME_LENGTH,
            places=(name_col, show_col),
        ).strip()
        key = worded(f"{form}contact_{row_id}_relation")
        relation = kept(
            draft,
            key,
            stored.relation if stored else Relation.OTHER,
            lambda key=key, n=n, box=relation_col: box.selectbox(
                t("clients.contact_relation", n=n),
                list(Relation),
                key=key,
                format_func=labels.get,
            ),
        )
        remove_col.button(
            t("clients.contact_remove"),
            key=f"{form}contact_{row_id}_remove",
            icon=":material/person_remove:",
            help=t("clients.contact_remove_help"),
            width="stretch",
            on_click=_remove_row,
            args=(draft, row_id),
        )
        if name:
            contacts.append(ClientContact(name=name, relation=relation))
        else:
            missing.append(t("clients.contact_name_needed", n=n))
    full = len(rows) >= limit
    st.button(
        t("clients.contact_add"),
        key=f"{form}contact_add",
        icon=":material/person_add:",
        disabled=full,
        on_click=_add_row,
        args=(draft,),
    )
    if full:
        st.caption(t("clients.contacts_full", n=limit))
    return contacts, missing
