"""A failure inside a page is a translated message with a reference, never the crash box."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from i18n import translate


def failing_page(lang: str) -> None:
    import streamlit as st

    from ui.guard import guarded
    from ui.i18n import LANG_KEY

    st.session_state[LANG_KEY] = lang
    with guarded("test page"):
        st.write("before")
        raise ValueError("an English message from deep inside")


def stopping_page() -> None:
    import streamlit as st

    from ui.guard import guarded

    with guarded("test page"):
        st.write("shown")
        st.stop()
    st.write("never reached")


def fragment_page() -> None:
    import streamlit as st

    from ui.guard import guarded_fragment

    @st.fragment
    @guarded_fragment
    def part() -> None:
        raise KeyError("inside a fragment")

    part()
    st.write("after the fragment")


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_a_failing_page_shows_a_translated_message_with_a_reference(lang, caplog):
    at = AppTest.from_function(failing_page, args=(lang,)).run()
    assert not at.exception
    (error,) = at.error
    reference = error.value.split("R-")[1][:6]
    assert error.value == translate("guard.failed", lang, ref=f"R-{reference}")
    assert "an English message" not in error.value
    assert any(f"R-{reference}" in record.getMessage() for record in caplog.records)
    assert any(record.exc_info for record in caplog.records)


def test_st_stop_passes_through_the_guard():
    at = AppTest.from_function(stopping_page).run()
    assert not at.exception and not at.error
    assert [m.value for m in at.markdown] == ["shown"]


def test_a_failing_fragment_is_guarded_too():
    at = AppTest.from_function(fragment_page).run()
    assert not at.exception
    assert len(at.error) == 1
    assert [m.value for m in at.markdown] == ["after the fragment"]


@pytest.fixture(autouse=True)
def _the_guard_only_shows(monkeypatch):
    """Here the guard is what is tested: it shows the message and does not re-raise."""
    monkeypatch.delenv("REPAYTALK_GUARD_RAISES", raising=False)
