"""The session's language, and texts and enum labels worded in it.

The catalogue itself is :mod:`i18n`; this module adds only what needs Streamlit: the language
chosen in this browser session.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, TypeVar

import streamlit as st

import i18n
from i18n import DEFAULT_LANGUAGE, translate

# Durable session-state key (not a widget key) holding the chosen language.
LANG_KEY = "lang"

E = TypeVar("E", bound=StrEnum)


def current_language() -> str:
    """The language chosen in this browser session (zh-CN until the user switches)."""
    return st.session_state.get(LANG_KEY, DEFAULT_LANGUAGE)


def t(key: str, **kwargs: Any) -> str:
    """The text for ``key`` in the session's current language."""
    return translate(key, current_language(), **kwargs)


def enum_label(member: StrEnum, lang: str | None = None) -> str:
    """The label of an enum member in ``lang`` (the session's language when None)."""
    return i18n.enum_label(member, lang or current_language())


def enum_labels(enum: type[E], lang: str | None = None) -> dict[E, str]:
    """Labels of every member, worded now (see :func:`i18n.enum_labels`)."""
    return i18n.enum_labels(enum, lang or current_language())


#: Durable key: the language each choice widget was last drawn in, by widget key.
DRAWN_IN_KEY = "choices_drawn_in"


def worded(key: str) -> str:
    """``key`` for a choice widget (selectbox, multiselect) whose labels are in the session's
    language: pass ``key=worded("my_key")``.

    The browser keeps the chosen option by its *label*. After a language switch Streamlit sends
    the options in the new language, but a box that keeps its key goes on showing the old label
    (and a multiselect its old chips) until the page is left. When the widget was last drawn in
    another language, its value is handed back to it: Streamlit then sends the value's label in
    the current language and the box redraws at once, with the same choice.
    """
    lang = current_language()
    drawn = st.session_state.setdefault(DRAWN_IN_KEY, {})
    if drawn.get(key, lang) != lang and key in st.session_state:
        st.session_state[key] = st.session_state[key]
    drawn[key] = lang
    return key
