"""The share view in a real browser: masked, at 1280×800 and 390 px, in both languages.

Screenshots go to ``test-artifacts/share-<lang>-<viewport>.png`` (the screen as a user would
capture it) and ``share-view-<lang>-<viewport>.png`` (the whole plan view).
"""

import pytest
from browser_helpers import wait_idle
from playwright.sync_api import expect

from i18n import translate
from report.example import ID_NUMBER, MOBILE, NAME, seed_example
from store import init_db

pytestmark = pytest.mark.browser

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(scope="module")
def example_client(app_url, tmp_path_factory) -> int:
    """The example client, saved in the database of the session's Streamlit server."""
    logs = tmp_path_factory.getbasetemp().glob("data*/streamlit.log")
    # pytest also links the newest numbered folder as "datacurrent"
    folders = [log.parent for log in logs if not log.parent.name.endswith("current")]
    assert len(folders) == 1, folders
    with init_db(f"sqlite:///{folders[0] / 'repaytalk.db'}") as store:
        return seed_example(store)


def switch_to_english(page, phone: bool) -> None:
    if phone:
        page.get_by_test_id("stExpandSidebarButton").click()
    page.get_by_text(translate("lang.name.en", "en"), exact=True).click()
    if phone:
        page.get_by_test_id("stSidebarCollapseButton").click()
        page.wait_for_timeout(500)


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_the_plan_view_is_ready_to_screenshot(
    browser, app_url, artifacts, example_client, viewport, lang
):
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    try:
        page.goto(f"{app_url}/share?client={example_client}")
        heading = translate("share.heading", "zh-CN", client="张*明")
        expect(page.get_by_text(heading)).to_be_visible(timeout=30_000)
        view = page.locator(".st-key-share_view")
        expect(view.locator(".js-plotly-plot")).to_have_count(1, timeout=30_000)
        if lang == "en":  # switch only once the first run has drawn everything
            switch_to_english(page, viewport == "phone")
            heading = translate("share.heading", "en", client="张*明")
            expect(page.get_by_text(heading)).to_be_visible(timeout=30_000)
            wait_idle(page)
        # after a language switch the old chart lingers until the rerun ends
        expect(view.locator(".js-plotly-plot")).to_have_count(1, timeout=30_000)
        expect(view.locator(".js-plotly-plot")).to_be_visible(timeout=30_000)
        expect(view.get_by_text(translate("report.fits", lang))).to_be_visible(timeout=30_000)
        page.wait_for_timeout(800)  # let the chart finish drawing
        shown = view.inner_text()
        for secret in (NAME, MOBILE, ID_NUMBER):
            assert secret not in shown
        page.screenshot(path=artifacts / f"share-{lang}-{viewport}.png")
        # The page scrolls inside Streamlit's own container: make the window tall enough
        # to hold the whole view, then capture it.
        page.set_viewport_size({"width": VIEWPORTS[viewport]["width"], "height": 2400})
        page.wait_for_timeout(1000)
        view.screenshot(path=artifacts / f"share-view-{lang}-{viewport}.png")
    finally:
        context.close()
