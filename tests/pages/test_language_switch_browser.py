"""A language switch redraws every label and option of the page at once (issue 17: a selectbox
kept showing its choice in the old language until the page was left)."""

from __future__ import annotations

import pytest
from browser_helpers import pick, wait_idle
from playwright.sync_api import expect

from i18n import translate

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}


def box(page, label: str):
    """The selectbox labelled ``label``."""
    return page.get_by_test_id("stSelectbox").filter(has=page.get_by_text(label, exact=True))


def go(page, page_key: str, lang: str) -> None:
    nav = page.get_by_test_id("stSidebarNav")
    nav.get_by_text(translate(page_key, lang), exact=True).click()
    title_key = {"page.call_prep": "prep.title"}.get(page_key, page_key)
    heading = page.get_by_role("heading", name=translate(title_key, lang), exact=True)
    expect(heading).to_be_visible(timeout=20_000)
    wait_idle(page)


def switch_to(page, lang: str) -> None:
    page.get_by_test_id("stSidebar").get_by_text(translate(f"lang.name.{lang}", lang)).click()
    wait_idle(page)
    page.wait_for_timeout(500)
    wait_idle(page)


@pytest.fixture
def page(browser, app_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{app_url}/clients")
    wait_idle(page)
    page.get_by_role("button", name=translate("clients.example", "zh-CN")).click()
    expect(page.get_by_text(translate("clients.example_saved", "zh-CN"))).to_be_visible(
        timeout=20_000
    )
    wait_idle(page)
    yield page
    context.close()


def test_call_prep_choices_follow_the_language_at_once(page, artifacts):
    go(page, "page.call_prep", "zh-CN")
    source = translate("prep.scam.number_source", "zh-CN")
    expect(box(page, source).get_by_role("combobox")).to_have_value("")  # unanswered (issue 17)
    ad = translate("enum.number_source.search_ad", "zh-CN")
    pick(box(page, source), ad, search="搜索")
    expect(box(page, source).get_by_role("combobox")).to_have_value(ad)

    switch_to(page, "en")
    source = translate("prep.scam.number_source", "en")
    expect(box(page, source).get_by_role("combobox")).to_have_value(
        translate("enum.number_source.search_ad", "en")
    )
    page.screenshot(path=artifacts / "language-switch-call-prep-en-1280.png")
    # The answer is kept, and so is its verdict, now in English.
    expect(page.get_by_text(translate("prep.scam.stop", "en"))).to_be_visible()

    switch_to(page, "zh-CN")
    expect(
        box(page, translate("prep.scam.number_source", "zh-CN")).get_by_role("combobox")
    ).to_have_value(ad)


def test_the_debt_forms_choices_follow_the_language_at_once(page):
    go(page, "page.debts", "zh-CN")
    choices = {"debts.lender_type": "online_platform", "debts.rate_kind": "annual"}
    enums = {"debts.lender_type": "lender_type", "debts.rate_kind": "quote_kind"}
    for lang in ("zh-CN", "en", "zh-CN"):
        switch_to(page, lang)
        for label, value in choices.items():
            combobox = box(page, translate(label, lang)).get_by_role("combobox")
            expect(combobox).to_have_value(translate(f"enum.{enums[label]}.{value}", lang))
