"""Clients, Affordability and Debts in a real browser: a saved case survives a reload, and every
page is photographed in both languages on a laptop and a phone (under test-artifacts/)."""

import pytest
from browser_helpers import pick, wait_idle
from playwright.sync_api import expect

from i18n import translate

pytestmark = pytest.mark.browser

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
PAGES = (("clients", "clients.title"), ("affordability", "afford.title"), ("debts", "debts.title"))


def heading(page, key, lang):
    return page.get_by_role("heading", name=translate(key, lang), exact=True)


def sidebar(page, *, open_: bool):
    bar = page.get_by_test_id("stSidebar")
    if (bar.get_attribute("data-collapsed") == "false") == open_:
        return
    button = "stExpandSidebarButton" if open_ else "stSidebarCollapseButton"
    page.get_by_test_id(button).click()
    expect(bar).to_have_attribute("data-collapsed", "false" if open_ else "true")
    page.wait_for_timeout(400)


def go_to(page, name, lang, phone):
    """Follow the navigation link (a new URL would start a new session)."""
    if phone:
        sidebar(page, open_=True)
    page.get_by_test_id("stSidebarNav").get_by_text(translate(f"page.{name}", lang)).click()
    if phone:
        sidebar(page, open_=False)
    key = dict(PAGES)[name]
    expect(heading(page, key, lang)).to_be_visible(timeout=20_000)


def use_english(page, phone):
    if phone:
        sidebar(page, open_=True)
    page.get_by_text(translate("lang.name.en", "en"), exact=True).click()
    expect(page.get_by_role("radio", name="English", exact=True)).to_be_checked()
    if phone:
        sidebar(page, open_=False)


def type_into(page, label, value):
    wait_idle(page)  # a rerun in flight still shows the previous form's fields beside the new
    field = page.get_by_label(label, exact=True)
    field.fill(value)
    field.press("Enter")
    page.wait_for_timeout(300)


def full_screenshot(page, path, viewport):
    """The whole page: Streamlit scrolls inside its main area, so grow the window to fit it."""
    height = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size({**viewport, "height": max(height, viewport["height"])})
    page.wait_for_timeout(600)
    page.screenshot(path=path)
    page.set_viewport_size(viewport)


def settle(page):
    page.wait_for_timeout(800)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=20_000)


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_screenshots_of_the_example_case(browser, app_url, artifacts, lang, viewport):
    phone = viewport == "phone"
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    try:
        page.goto(f"{app_url}/clients")
        expect(heading(page, "clients.title", "zh-CN")).to_be_visible(timeout=30_000)
        if lang == "en":
            use_english(page, phone)
            expect(heading(page, "clients.title", "en")).to_be_visible()
        page.get_by_role("button", name=translate("clients.example", lang)).click()
        expect(page.get_by_text(translate("clients.example_saved", lang))).to_be_visible(
            timeout=20_000
        )
        settle(page)
        full_screenshot(page, artifacts / f"clients-{lang}-{viewport}.png", VIEWPORTS[viewport])
        for name, _ in PAGES[1:]:
            go_to(page, name, lang, phone)
            page.get_by_test_id("stPlotlyChart").first.wait_for(timeout=20_000)
            settle(page)
            full_screenshot(page, artifacts / f"{name}-{lang}-{viewport}.png", VIEWPORTS[viewport])
    finally:
        context.close()


def test_a_client_budget_and_two_debts_survive_a_reload(browser, app_url):
    context = browser.new_context(viewport=VIEWPORTS["desktop"])
    page = context.new_page()
    lang = "en"
    try:
        page.goto(f"{app_url}/clients")
        expect(heading(page, "clients.title", "zh-CN")).to_be_visible(timeout=30_000)
        use_english(page, phone=False)
        type_into(page, translate("clients.name", lang), "赵六")
        type_into(page, translate("clients.mobile", lang), "13912345678")
        page.get_by_text(translate("clients.consent", lang)).click()
        page.get_by_role("button", name=translate("clients.save_new", lang)).click()
        expect(page.get_by_text(translate("clients.saved", lang))).to_be_visible(timeout=20_000)

        go_to(page, "affordability", lang, phone=False)
        type_into(page, translate("afford.income.salary", lang), "6000")
        type_into(page, translate("enum.cost_category.housing", lang), "1800")
        page.get_by_role("button", name=translate("afford.save", lang)).click()
        expect(page.get_by_text(translate("afford.saved", lang))).to_be_visible(timeout=20_000)

        go_to(page, "debts", lang, phone=False)
        debts = (("星河银行信用卡", "8000", "18", "12"), ("快借网贷", "3000", "24", "6"))
        for n, (creditor, principal, rate, months) in enumerate(debts):
            if n:  # back to a new debt: the picker stays on the one just saved
                picker = page.get_by_test_id("stSelectbox").filter(
                    has_text=translate("debts.pick", lang)
                )
                pick(picker, translate("debts.pick_new", lang))
                expect(heading(page, "debts.new_title", lang)).to_be_visible()
            type_into(page, translate("debts.creditor", lang), creditor)
            type_into(page, translate("debts.outstanding", lang), principal)
            type_into(page, translate("debts.rate_quote", lang), rate)
            type_into(page, translate("debts.remaining_months", lang), months)
            page.get_by_role("button", name=translate("debts.save_new", lang)).click()
            expect(page.get_by_text(translate("debts.saved", lang))).to_be_visible(timeout=20_000)
            settle(page)

        page.goto(f"{app_url}/clients")  # a new session: Chinese again, no client chosen
        expect(heading(page, "clients.title", "zh-CN")).to_be_visible(timeout=30_000)
        client_box = page.get_by_test_id("stSelectbox").filter(
            has_text=translate("clients.pick", "zh-CN")
        )
        pick(client_box, "赵* · 139****5678", search="5678")
        expect(page.get_by_test_id("stSidebar")).to_contain_text("5678", timeout=20_000)
        go_to(page, "debts", "zh-CN", phone=False)
        table = page.get_by_test_id("stDataFrame").first
        expect(table).to_be_visible()
        page.get_by_text(translate("debts.capacity", "zh-CN")).first.wait_for()
        expect(page.get_by_test_id("stMetricValue").nth(3)).to_have_text("¥4,200.00")
        go_to(page, "affordability", "zh-CN", phone=False)
        expect(page.get_by_label(translate("afford.income.salary", "zh-CN"))).to_have_value(
            "6,000.00"
        )
    finally:
        context.close()
