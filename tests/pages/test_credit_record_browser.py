"""The application pack's page parts in a real browser (issue 20), at 1280 px in both languages:
Call prep with the issue's client out of work on 低保 (her situations, the evidence list with
失业证明 gathered and 低保证 missing), the Debts page's credit-record section and fields, and
the Calls timeline's record-end marker.

Screenshots go to ``test-artifacts/pack-<page>-<part>-<lang>-1280.png``: each part scrolled
into view of a 1280×800 window, as a counselor sees it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date

import pytest
from browser_helpers import pick as choose
from browser_helpers import wait_idle
from conftest import ROOT, _free_port, _wait_until_healthy
from pack_seed import seed_pack
from playwright.sync_api import expect

from core.rules.hardship import ProofItem, ProofStatus
from i18n import enum_label, format_date, translate
from ui.state import today

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 800}
expect.set_options(timeout=30_000)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """A server of its own, on a database holding 王芳 (out of work, on 低保) and her overdue
    招联金融 loan that reports to the credit system."""
    data_dir = tmp_path_factory.mktemp("pack-data")
    url = f"sqlite:///{data_dir / 'repaytalk.db'}"
    case = seed_pack(url=url)
    port = _free_port()
    env = {**os.environ, "REPAYTALK_DATA_DIR": str(data_dir), "REPAYTALK_DATABASE_URL": url}
    log = (data_dir / "streamlit.log").open("w")
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "streamlit", "run", "app.py"),
            *("--server.port", str(port), "--server.headless", "true"),
            # Other work in the checkout must not reload the app under the test.
            *("--server.fileWatcherType", "none"),
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    app = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(app, server)
        yield app, case
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=10)
        log.close()


def shoot(page, artifacts, name: str, anchor=None) -> None:
    """The window at 1280×800, ``anchor`` (a locator) scrolled to its top."""
    if anchor is not None:
        anchor.scroll_into_view_if_needed()
        anchor.evaluate("e => e.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(700)
    page.screenshot(path=artifacts / f"{name}-1280.png")


def go(page, lang: str, key: str, title_key: str) -> None:
    page.get_by_test_id("stSidebarNav").get_by_text(translate(key, lang), exact=True).click()
    expect(page.get_by_role("heading", name=translate(title_key, lang), exact=True)).to_be_visible()
    wait_idle(page)


def open_client(page, app: str, lang: str) -> None:
    page.goto(f"{app}/clients")
    english = page.get_by_text(translate("lang.name.en", "en"), exact=True)
    expect(english).to_be_visible()
    if lang == "en":
        english.click()
    label = translate("clients.pick", lang)
    expect(page.get_by_text(label, exact=True)).to_be_visible()
    box = page.get_by_test_id("stSelectbox").filter(has=page.get_by_text(label, exact=True))
    choose(box, "王* · 139****5678")
    expect(page.get_by_test_id("stSidebar")).to_contain_text("5678")
    wait_idle(page)


def heading(page, key: str, lang: str):
    return page.get_by_role("heading", name=translate(key, lang), exact=True)


def five_years_on(day: date) -> date:
    leap_day = (day.month, day.day) == (2, 29)
    return date(day.year + 5, 2, 28) if leap_day else day.replace(year=day.year + 5)


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_call_prep_debts_and_timeline_show_the_pack(browser, seeded, artifacts, lang):
    app, _case = seeded
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    try:
        open_client(page, app, lang)

        go(page, lang, "page.call_prep", "prep.title")
        section = heading(page, "pack.hardship.title", lang)
        expect(section).to_be_visible()
        form = page.get_by_test_id("stForm").filter(has_text=translate("pack.proof.save", lang))
        gathered = enum_label(ProofItem.UNEMPLOYMENT_CERTIFICATE, lang)
        dibao = enum_label(ProofItem.MINIMUM_LIVING_CERTIFICATE, lang)
        expect(form.get_by_text(gathered, exact=True)).to_be_visible()
        expect(form.get_by_text(dibao, exact=True)).to_be_visible()
        shown = form.inner_text()
        counts = {status: shown.count(enum_label(status, lang)) for status in ProofStatus}
        assert counts == {
            ProofStatus.GATHERED: 1,
            ProofStatus.MISSING: 2,
            ProofStatus.NOT_NEEDED: 2,
        }
        shoot(
            page, artifacts, f"pack-prep-documents-{lang}", heading(page, "prep.docs.title", lang)
        )
        shoot(page, artifacts, f"pack-prep-hardship-{lang}", section)
        shoot(page, artifacts, f"pack-prep-proof-{lang}", form)

        go(page, lang, "page.debts", "debts.title")
        credit = heading(page, "pack.credit.title", lang)
        expect(credit).to_be_visible()
        end = format_date(five_years_on(today()), lang)
        # The grid's accessible table holds the cells as text.
        table = page.get_by_test_id("stDataFrame").filter(has_text=end)
        expect(table).to_have_count(1)
        expect(table).to_contain_text(translate("enum.reporting.yes", lang))
        expect(page.get_by_text(translate("credit.note.repair_scam", lang))).to_be_visible()
        shoot(page, artifacts, f"pack-debts-credit-{lang}", credit)
        caption = translate(
            "credit.clock.if_cleared_today",
            lang,
            cleared=format_date(today(), lang),
            end=end,
        )
        expect(page.get_by_text(caption)).to_be_visible()
        # The form's credit-record fields, for the debt chosen in the picker.
        picker = page.get_by_test_id("stSelectbox").filter(
            has=page.get_by_text(translate("debts.pick", lang), exact=True)
        )
        choose(picker, "招联金融")
        wait_idle(page)
        reports = page.get_by_test_id("stSelectbox").filter(
            has=page.get_by_text(translate("field.reports", lang), exact=True)
        )
        expect(reports.get_by_role("combobox")).to_have_value(translate("enum.reporting.yes", lang))
        shoot(
            page,
            artifacts,
            f"pack-debts-form-{lang}",
            page.get_by_text(translate("debts.section.balance", lang), exact=True),
        )

        go(page, lang, "page.calls", "calls.title")
        page.get_by_role("tab", name=translate("calls.tab.timeline", lang)).click()
        chart = page.locator(".js-plotly-plot")
        expect(chart).to_have_count(1)
        expect(chart).to_contain_text(translate("calls.timeline.lane.credit", lang))
        shoot(page, artifacts, f"pack-calls-timeline-{lang}", chart)
    finally:
        context.close()
