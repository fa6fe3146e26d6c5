"""AppTest smoke and language-switch tests for the app frame and the Home page."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from i18n import translate
from ui.i18n import LANG_KEY
from ui.layout import LANG_WIDGET_KEY

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def at():
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    app.run()
    assert not app.exception
    return app


def titles(app):
    return [element.value for element in app.title]


def test_app_opens_in_chinese_by_default(at):
    assert titles(at) == [translate("home.title", "zh-CN")]
    assert at.session_state[LANG_KEY] == "zh-CN"
    assert any(translate("home.disclaimer", "zh-CN") in info.value for info in at.info)


def test_switching_to_english_shows_english_text(at):
    at.radio(key=LANG_WIDGET_KEY).set_value("en").run()
    assert not at.exception
    assert at.session_state[LANG_KEY] == "en"
    assert titles(at) == [translate("home.title", "en")]
    assert any(translate("home.disclaimer", "en") in info.value for info in at.info)


def test_language_switch_stays_in_the_sidebar_after_switching(at):
    at.radio(key=LANG_WIDGET_KEY).set_value("en").run()
    assert at.sidebar.radio(key=LANG_WIDGET_KEY).value == "en"
    assert at.sidebar.radio(key=LANG_WIDGET_KEY).label == translate("lang.label", "en")


def test_there_is_no_legacy_pages_directory():
    # A "pages/" folder beside app.py switches Streamlit to its old multipage mode until
    # st.navigation runs: a rerun on a page then skipped app.py, losing the sidebar frame.
    assert not (ROOT / "pages").exists()


def test_language_survives_a_page_switch(at):
    at.radio(key=LANG_WIDGET_KEY).set_value("en").run()
    at.switch_page("app_pages/home.py").run()
    assert not at.exception
    assert titles(at) == [translate("home.title", "en")]


def test_home_page_is_reachable_by_path(at):
    at.switch_page("app_pages/home.py").run()
    assert not at.exception
    assert titles(at) == [translate("home.title", "zh-CN")]


def test_importing_app_draws_nothing():
    import app

    assert app.PAGES[0][0] == "app_pages/home.py"
