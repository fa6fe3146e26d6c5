"""The application pack's figures in a real browser at 1280 px, in both languages (issue 20):
the Affordability page's benchmark notes (the 低保 client below the floor, then with housing
well above) and the Share view's late-payment record line.

Screenshots: ``test-artifacts/pack-affordability-<lang>.png`` (the benchmark section, floor
note), ``pack-affordability-cut-<lang>.png`` (housing well above), ``pack-share-<lang>.png``
(the whole plan view).
"""

from __future__ import annotations

from datetime import date

import pytest
from browser_helpers import wait_idle
from playwright.sync_api import expect

from core.affordability import Budget, IncomeItem
from core.clients import Client
from i18n import format_date, translate
from report.example import seed_guide_case
from store import init_db
from ui.state import today

pytestmark = pytest.mark.browser

VIEWPORT = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def clients(app_url, tmp_path_factory) -> dict[str, int]:
    """The 低保 client and the guide's case, saved in the session server's database."""
    logs = tmp_path_factory.getbasetemp().glob("data*/streamlit.log")
    folders = [log.parent for log in logs if not log.parent.name.endswith("current")]
    assert len(folders) == 1, folders
    with init_db(f"sqlite:///{folders[0] / 'repaytalk.db'}") as store:
        client = store.clients.create(Client(name="王丽", household_size=2))
        budget = Budget(
            incomes=(IncomeItem(label="other", amount="2000"),),
            essential_costs={"housing": "600", "food": "900", "medical": "350"},
            household_size=2,
            living_floor="2000",
        )
        store.budgets.add_version(client.id, today(), budget)
        return {"dibao": client.id, "guide": seed_guide_case(store)}


def open_client(page, app_url: str, client_id: int, lang: str, short_name: str) -> None:
    """Choose the client through the Share page's address, then switch language if asked."""
    page.goto(f"{app_url}/share?client={client_id}")
    expect(page.get_by_test_id("stSidebar")).to_contain_text(short_name, timeout=30_000)
    wait_idle(page)
    if lang == "en":
        page.get_by_text(translate("lang.name.en", "en"), exact=True).click()
        expect(page.get_by_role("radio", name="English", exact=True)).to_be_checked()
        wait_idle(page)


def go_to(page, name: str, lang: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_text(translate(f"page.{name}", lang)).click()
    wait_idle(page)


def type_into(page, label: str, value: str) -> None:
    wait_idle(page)
    field = page.get_by_label(label, exact=True)
    field.fill(value)
    field.press("Enter")
    page.wait_for_timeout(300)
    wait_idle(page)


def shoot(locator, page, path) -> None:
    """``locator`` whole: Streamlit scrolls inside its main area, so grow the window first."""
    height = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size({**VIEWPORT, "height": max(height, VIEWPORT["height"])})
    page.wait_for_timeout(800)
    locator.screenshot(path=path)
    page.set_viewport_size(VIEWPORT)


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_affordability_benchmark_notes(browser, app_url, artifacts, clients, lang):
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    try:
        open_client(page, app_url, clients["dibao"], lang, "王*")
        go_to(page, "affordability", lang)
        section = page.locator(".st-key-afford_benchmark")
        expect(section).to_be_visible(timeout=30_000)
        floor = translate(
            "living_costs.note.below_floor", lang, amount="¥1,850.00", floor="¥2,000.00"
        )
        expect(section.get_by_text(floor, exact=False)).to_be_visible(timeout=30_000)
        expect(section.get_by_test_id("stDataFrame")).to_be_visible()
        shoot(section, page, artifacts / f"pack-affordability-{lang}.png")

        type_into(page, translate("enum.cost_category.housing", lang), "1800")
        type_into(page, translate("enum.cost_category.utilities", lang), "300")
        cut = translate(
            "living_costs.note.well_above",
            lang,
            category=translate("enum.cost_line.housing", lang),
            amount="¥1,050.00",
            benchmark="¥521.92",
            source=translate("living_costs.source.nbs_2024", lang),
            year=2024,
        )
        expect(section.get_by_text(cut)).to_be_visible(timeout=30_000)
        shoot(section, page, artifacts / f"pack-affordability-cut-{lang}.png")
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_the_share_view_names_the_record_end_under_the_plan(
    browser, app_url, artifacts, clients, lang
):
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    try:
        open_client(page, app_url, clients["guide"], lang, "张*")
        view = page.locator(".st-key-share_view")
        expect(view.locator(".js-plotly-plot")).to_have_count(1, timeout=30_000)
        title = translate("credit_plan.title", lang)
        expect(view.get_by_text(title, exact=True)).to_be_visible(timeout=30_000)
        # as of today (the page's day), the agreed plan from 15 Dec 2026: the 4th installment
        # clears the 2,400 past due on 15 Mar 2027; the record until 15 Mar 2032
        end = format_date(date(2032, 3, 15), lang)
        expect(view.get_by_text(end, exact=False)).to_be_visible()
        page.wait_for_timeout(800)  # let the chart finish drawing
        shoot(view, page, artifacts / f"pack-share-{lang}.png")
    finally:
        context.close()
