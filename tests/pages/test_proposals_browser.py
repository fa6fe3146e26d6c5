"""The proposals page in a real browser: compare three proposals for the example household,
save one, reload, see it saved — in both languages, on a laptop and on a phone."""

from __future__ import annotations

import uuid

import pytest
from browser_helpers import pick
from playwright.sync_api import expect

import store
from core.examples import example_case
from i18n import translate
from ui.state import client_label, today

pytestmark = pytest.mark.browser

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
KINDS = ("term_extension", "interest_waiver", "lump_sum_settlement")


@pytest.fixture(scope="module")
def server_store(app_url, tmp_path_factory):
    """The store of the server under test (its throwaway data directory)."""
    logs = tmp_path_factory.getbasetemp().glob("data*/streamlit.log")
    folders = sorted({log.resolve().parent for log in logs})  # "datacurrent" links to one
    assert len(folders) == 1, folders
    return store.init_db(f"sqlite:///{folders[0] / 'repaytalk.db'}")


def example_client(db) -> str:
    """The example household under a mobile number of its own; returns its on-screen label."""
    case = example_case(today())
    mobile = f"139{uuid.uuid4().int % 10**8:08d}"
    client = db.clients.create(case.client.model_copy(update={"mobile": mobile}))
    for account in case.debts:
        db.debts.add(account.model_copy(update={"client_id": client.id}))
    db.budgets.add_version(client.id, case.budget_from, case.budget)
    return client_label(client)


def sidebar(page, *, open_: bool) -> None:
    bar = page.get_by_test_id("stSidebar")
    if (bar.get_attribute("data-collapsed") == "false") == open_:
        return
    button = "stExpandSidebarButton" if open_ else "stSidebarCollapseButton"
    page.get_by_test_id(button).click()
    expect(bar).to_have_attribute("data-collapsed", "false" if open_ else "true")
    page.wait_for_timeout(400)


def go_to(page, phone: bool, key: str, lang: str) -> None:
    if phone:
        sidebar(page, open_=True)
    nav = page.get_by_test_id("stSidebarNav")
    nav.get_by_text(translate(key, lang), exact=True).click()
    expect(page.get_by_role("heading", name=translate(key, lang), exact=True)).to_be_visible(
        timeout=20_000
    )
    if phone:
        sidebar(page, open_=False)


def choose_client(page, phone: bool, label: str, lang: str) -> None:
    go_to(page, phone, "page.clients", lang)
    picker = page.get_by_test_id("stSelectbox").filter(has_text=translate("clients.pick", lang))
    pick(picker, label, search=label.rsplit("*", 1)[-1])  # the phone tail is unique
    expect(picker.get_by_role("combobox")).to_have_value(label)


def choose_language(page, phone: bool, lang: str) -> None:
    expect(page.get_by_test_id("stSidebarNav")).to_be_attached(timeout=30_000)
    if lang == "zh-CN":
        return
    if phone:
        sidebar(page, open_=True)
    page.get_by_text(translate("lang.name.en", "en"), exact=True).click()
    expect(
        page.get_by_test_id("stSidebarNav").get_by_text(translate("page.home", "en"), exact=True)
    ).to_be_visible()
    if phone:
        sidebar(page, open_=False)


def open_proposals(page, phone: bool, label: str, lang: str) -> None:
    choose_client(page, phone, label, lang)
    go_to(page, phone, "page.proposals", lang)
    expect(page.get_by_test_id("stDataFrame")).to_be_visible(timeout=20_000)
    expect(page.get_by_test_id("stPlotlyChart")).to_have_count(
        3, timeout=20_000
    )  # + worth to the lender


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_compare_save_reload_and_see_it_saved(
    browser, app_url, artifacts, server_store, lang, viewport
):
    label = example_client(server_store)
    phone = viewport == "phone"
    context = browser.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    name = f"proposals-{'zh' if lang == 'zh-CN' else 'en'}-{viewport}"
    try:
        page.goto(app_url)
        choose_language(page, phone, lang)
        open_proposals(page, phone, label, lang)

        # three proposals compared: each is a series of both charts
        for kind in KINDS:
            legend = page.locator(".legendtext", has_text=translate(f"proposals.kind.{kind}", lang))
            expect(legend).to_have_count(2)
        page.wait_for_timeout(800)
        page.screenshot(path=artifacts / f"{name}.png")
        page.get_by_test_id("stDataFrame").scroll_into_view_if_needed()
        page.wait_for_timeout(400)
        page.screenshot(path=artifacts / f"{name}-compared.png")

        save = page.get_by_role("button", name=translate("proposals.save.button", lang))
        save.scroll_into_view_if_needed()
        save.click()
        saved_code = page.get_by_test_id("stCode")
        expect(saved_code).to_be_visible(timeout=20_000)
        # Said as a person says money: "4,000元" / "4,000 yuan" (issue 16).
        expect(saved_code).to_contain_text("4,000元" if lang == "zh-CN" else "4,000 yuan")

        page.reload()  # a new session: the language and the client are chosen again
        heading = page.get_by_role("heading", name=translate("page.proposals", "zh-CN"), exact=True)
        expect(heading).to_be_visible(timeout=30_000)
        choose_language(page, phone, lang)
        expect(page.get_by_test_id("stDataFrame")).to_have_count(0)  # a new session: no client
        open_proposals(page, phone, label, lang)
        title = page.get_by_role("heading", name=translate("proposals.saved.title", lang))
        title.scroll_into_view_if_needed()
        expect(page.get_by_test_id("stCode")).to_contain_text(
            "4,000元" if lang == "zh-CN" else "4,000 yuan"
        )
        current = translate("proposals.saved.current_untitled", lang, label="")
        expect(page.get_by_text(current)).to_be_visible()
        page.wait_for_timeout(600)
        page.screenshot(path=artifacts / f"{name}-saved.png")
    finally:
        context.close()
