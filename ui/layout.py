"""The frame every page shares: the language switch in the sidebar."""

import streamlit as st

from i18n import LANGUAGES
from ui.i18n import LANG_KEY, current_language, t

# Widget key, kept apart from the durable LANG_KEY: Streamlit drops a widget's key from
# session_state whenever the widget is not drawn, so the choice lives on under LANG_KEY.
LANG_WIDGET_KEY = "lang_select"


def _remember_language() -> None:
    st.session_state[LANG_KEY] = st.session_state[LANG_WIDGET_KEY]


def language_switch() -> None:
    """Sidebar radio 中文 / English; the choice is stored under the durable ``LANG_KEY``."""
    if LANG_WIDGET_KEY not in st.session_state:
        st.session_state[LANG_WIDGET_KEY] = current_language()
    st.sidebar.radio(
        t("lang.label"),
        LANGUAGES,
        key=LANG_WIDGET_KEY,
        format_func=lambda code: t(f"lang.name.{code}"),
        horizontal=True,
        on_change=_remember_language,
    )


def setup_page() -> None:
    """Set up what all pages share; call once per run from ``app.py``, before navigation."""
    st.session_state.setdefault(LANG_KEY, current_language())
    language_switch()
