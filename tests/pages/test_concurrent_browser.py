"""Two browser windows on one client, as a counselor with two tabs (or two counselors) would
work: a save after the other window's is refused with what is saved now — nothing is lost."""

from __future__ import annotations

import pytest
from browser_helpers import pick, wait_idle
from playwright.sync_api import expect

from i18n import translate

pytestmark = pytest.mark.browser
LANG = "en"


def open_clients(context, app_url):
    page = context.new_page()
    page.goto(f"{app_url}/clients")
    expect(
        page.get_by_role("heading", name=translate("clients.title", "zh-CN"), exact=True)
    ).to_be_visible(timeout=30_000)
    page.get_by_text(translate("lang.name.en", LANG), exact=True).click()
    expect(
        page.get_by_role("heading", name=translate("clients.title", LANG), exact=True)
    ).to_be_visible(timeout=30_000)
    wait_idle(page)
    return page


def show_name(page) -> None:
    """Reveal the client's name in the form (a saved name shows masked until then), once the
    chosen client's form is drawn (its consent ticked: a click before would send the new-client
    form's unticked box with the rerun)."""
    wait_idle(page)
    expect(page.locator(".st-key-clientform_consent input")).to_be_checked(timeout=30_000)
    page.locator(".st-key-clientform_show_name").get_by_role("button").click()
    expect(page.locator(".st-key-clientform_show_name")).to_have_count(0, timeout=30_000)
    wait_idle(page)


def test_a_stale_save_in_a_second_window_is_refused(browser, app_url, artifacts):
    window_a = browser.new_context(viewport={"width": 1280, "height": 900})
    window_b = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        a = open_clients(window_a, app_url)
        a.get_by_role("button", name=translate("clients.example", LANG)).click()
        # (the "saved" flash shows for one rerun only: wait for the client in the sidebar)
        sidebar_client = a.get_by_test_id("stSidebar").get_by_text("王*明").first
        expect(sidebar_client).to_be_visible(timeout=30_000)
        wait_idle(a)
        label = sidebar_client.inner_text()

        b = open_clients(window_b, app_url)
        pick(
            b.get_by_test_id("stSelectbox").filter(has_text=translate("clients.pick", LANG)),
            label,
            search="王",
        )
        wait_idle(b)
        show_name(b)
        expect(b.get_by_label(translate("clients.name", LANG), exact=True)).to_have_value(
            "王晓明", timeout=30_000
        )
        notes_b = b.get_by_label(translate("clients.notes", LANG), exact=True)
        notes_b.fill("Window B's notes")
        notes_b.press("Tab")
        wait_idle(b)
        expect(notes_b).to_have_value("Window B's notes")
        # B's notes reached the server (its form says so) before A saves
        expect(b.get_by_text(translate("clients.unsaved", LANG))).to_be_visible(timeout=30_000)

        show_name(a)
        name_a = a.get_by_label(translate("clients.name", LANG), exact=True)
        name_a.fill("王二明")
        name_a.press("Enter")
        wait_idle(a)
        # the rename reached the server (A's form says so) before A saves
        expect(a.get_by_text(translate("clients.unsaved", LANG))).to_be_visible(timeout=30_000)
        a.get_by_role("button", name=translate("clients.save", LANG)).click()
        wait_idle(a)
        expect(a.get_by_text(translate("clients.unsaved", LANG))).to_have_count(0, timeout=30_000)

        refused = translate(
            "changes.refused", LANG, entity=translate("changes.entity.client", LANG), seen=1, now=2
        )
        # A click that lands while a rerun is drawing is dropped by Streamlit: click again then.
        for _ in range(3):
            wait_idle(b)
            b.get_by_role("button", name=translate("clients.save", LANG)).click()
            try:
                expect(b.get_by_text(refused)).to_be_visible(timeout=10_000)
                break
            except AssertionError:
                continue
        expect(b.get_by_text(refused)).to_be_visible()
        b.get_by_text(refused).scroll_into_view_if_needed()
        # what is saved now (A's rename), masked
        expect(b.get_by_test_id("stDataFrame").last).to_contain_text("王*明")
        b.screenshot(path=artifacts / "concurrent-refused-en.png")

        # Window A's rename is what is saved; window B can load it and save again.
        name_b = b.get_by_label(translate("clients.name", LANG), exact=True)
        load = b.get_by_role("button", name=translate("changes.load_current", LANG)).first
        reloaded = b.locator(".st-key-clientform_show_name")  # the reloaded form is masked
        for _ in range(3):
            wait_idle(b)
            if reloaded.count():
                break
            load.click()
            try:
                expect(reloaded).to_have_count(1, timeout=10_000)
                break
            except AssertionError:
                continue
        show_name(b)
        expect(name_b).to_have_value("王二明")
    finally:
        window_a.close()
        window_b.close()
