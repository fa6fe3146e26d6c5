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
