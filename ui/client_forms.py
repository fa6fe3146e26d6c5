"""Saving and showing clients: the example case, the masked list, the consent."""

from __future__ import annotations

from datetime import date

from core.clients import Client, Consent, ConsentScope, MaskKind, mask
from i18n import format_date


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
