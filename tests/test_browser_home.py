"""The Home page in a real browser: Chinese by default, English on request, desktop and phone."""

import pytest
from playwright.sync_api import expect

from i18n import translate

pytestmark = pytest.mark.browser

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


def heading(page, lang):
    return page.get_by_role("heading", name=translate("home.title", lang), exact=True)


def set_sidebar(page, *, open_: bool):
    sidebar = page.get_by_test_id("stSidebar")
    button = "stExpandSidebarButton" if open_ else "stSidebarCollapseButton"
    page.get_by_test_id(button).click()
    expect(sidebar).to_have_attribute("data-collapsed", "false" if open_ else "true")
    page.wait_for_timeout(500)  # let the slide animation finish before a screenshot


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_home_switches_from_chinese_to_english(browser, app_url, artifacts, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    phone = viewport == "phone"
    try:
        page.goto(app_url)
        expect(heading(page, "zh-CN")).to_be_visible(timeout=30_000)
        expect(page.get_by_text(translate("home.disclaimer", "zh-CN"))).to_be_visible()
        expect(page.get_by_text("Deploy", exact=True)).to_have_count(0)
        page.screenshot(path=artifacts / f"home-zh-{viewport}.png")

        if phone:  # the sidebar starts collapsed on narrow screens
            set_sidebar(page, open_=True)
        page.get_by_text(translate("lang.name.en", "en"), exact=True).click()
        expect(heading(page, "en")).to_be_visible(timeout=15_000)
        expect(page.get_by_role("radio", name=translate("lang.name.en", "en"))).to_be_checked()
        expect(page.get_by_text(translate("home.disclaimer", "en"))).to_be_visible()
        if phone:
            set_sidebar(page, open_=False)
        page.screenshot(path=artifacts / f"home-en-{viewport}.png")
    finally:
        context.close()


def test_chinese_is_drawn_with_simplified_chinese_glyphs(browser, app_url):
    """Regression: Streamlit's default font let Chromium pick Noto Sans CJK JP (Japanese forms)."""
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(app_url)
        expect(heading(page, "zh-CN")).to_be_visible(timeout=30_000)
        page.wait_for_timeout(1000)  # Streamlit may redraw the heading once more
        cdp = context.new_cdp_session(page)
        cdp.send("DOM.enable")
        cdp.send("CSS.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": "h1"})["nodeId"]
        fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
        assert [font["familyName"] for font in fonts] == ["Noto Sans CJK SC"]
    finally:
        context.close()
