"""Home describes the pages that exist (issue 17: it promised pages 陆续开放 and left out Data)."""

from __future__ import annotations

import pytest
from page_helpers import texts

import app
from i18n import translate

LANGS = ("zh-CN", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_of_the_navigation_is_a_step_in_its_order(open_app, lang):
    at = open_app("app_pages/home.py", lang)
    (steps,) = [m for m in texts(at.markdown) if m.startswith("1. ")]
    expected = [
        f"{n}. **{translate(key, lang)}** — {translate('home.step.' + key[5:], lang)}"
        for n, (_, key, _) in enumerate(app.PAGES[1:], start=1)
    ]
    assert steps.splitlines() == expected
    assert translate("page.data", lang) in steps  # left out before


@pytest.mark.parametrize("lang", LANGS)
def test_home_promises_nothing_that_is_not_there(open_app, lang):
    at = open_app("app_pages/home.py", lang)
    page = " ".join(texts(at.markdown) + texts(at.info))
    for promise in ("陆续开放", "coming soon", "即将", "敬请期待"):
        assert promise not in page
