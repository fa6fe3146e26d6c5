"""Input widgets every page shares: money and rate fields that parse exactly and say what is wrong.

A money field is a text input (not a float ``number_input``: binary floats cannot hold every fen
exactly); its value is parsed with ``core.money`` and a bad value shows an inline message in the
user's language under the field.
"""

from __future__ import annotations

from decimal import Decimal

import streamlit as st

from core.errors import CoreError
from core.money import to_money, to_rate
from ui.errors import error_messages
from ui.i18n import current_language


def money_input(
    label: str,
    key: str,
    *,
    default: Decimal | None = None,
    field: str = "amount",
    positive: bool = False,
    help: str | None = None,
    container=None,
) -> Decimal | None:
    """A money field; returns the ``Decimal`` or ``None`` (with an inline message) when invalid."""
    target = container or st
    if key not in st.session_state and default is not None:
        st.session_state[key] = f"{default:,.2f}"
    text = target.text_input(label, key=key, help=help, placeholder="0.00")
    try:
        return to_money(text or "0", field, positive=positive)
    except CoreError as exc:
        target.error(error_messages(exc, current_language())[0], icon=":material/error:")
        return None


def percent_input(
    label: str,
    key: str,
    *,
    default: Decimal | None = None,
    field: str = "annual_rate",
    maximum: Decimal = Decimal("365"),
    help: str | None = None,
    container=None,
) -> Decimal | None:
    """A rate typed as a percentage (``18`` for 18 %); returns the fraction or ``None``."""
    target = container or st
    if key not in st.session_state and default is not None:
        st.session_state[key] = f"{default * 100:g}"
    text = target.text_input(label, key=key, help=help, placeholder="0")
    try:
        return to_rate(text or "0", field, maximum=maximum) / 100
    except CoreError as exc:
        target.error(error_messages(exc, current_language())[0], icon=":material/error:")
        return None
