"""The Data page in Chromium: an encrypted backup made with a passphrase typed twice (Enter
submits, the fields are cleared), downloaded, then checked for a restore — refused with a wrong
passphrase in the user's language, accepted with the right one. The downloaded file holds none
of the client's mobile, ID number or contract number in clear. Screenshots in both languages.
"""

from __future__ import annotations

from datetime import date

import pytest
from browser_helpers import wait_idle
from conftest import streamlit_server
from playwright.sync_api import expect

from core.examples import example_case
from i18n import translate
from store import init_db
from store.crypto import is_sealed

pytestmark = pytest.mark.browser

PASSPHRASE = "月光光 照地堂 2026"


@pytest.fixture(scope="module")
def data_server(tmp_path_factory):
    # Not "data…": other modules find the session server's folder by that prefix.
    data_dir = tmp_path_factory.mktemp("backup-browser")
    case = example_case(date(2026, 11, 25))
    with init_db(f"sqlite:///{data_dir / 'repaytalk.db'}") as store:
        client = store.clients.create(case.client)
        for debt in case.debts:
            store.debts.add(debt.model_copy(update={"client_id": client.id}))
    with streamlit_server(data_dir) as url:
        yield url, case


def open_data_page(browser, url: str, lang: str):
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.goto(f"{url}/data")
    expect(
        page.get_by_role("heading", name=translate("page.data", "zh-CN"), exact=True)
    ).to_be_visible(timeout=30_000)
    if lang == "en":
        page.get_by_text(translate("lang.name.en", "en"), exact=True).click()
        expect(
            page.get_by_role("heading", name=translate("page.data", "en"), exact=True)
        ).to_be_visible()
    wait_idle(page)
    return context, page


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_an_encrypted_backup_is_made_downloaded_and_checked_in_chromium(
    browser, data_server, artifacts, tmp_path, lang
):
    url, case = data_server
    context, page = open_data_page(browser, url, lang)
    try:
        first = page.get_by_label(translate("data.backup.passphrase", lang))
        second = page.get_by_label(translate("data.backup.passphrase_again", lang))
        first.fill(PASSPHRASE)
        second.fill(PASSPHRASE + "x")
        second.press("Enter")
        expect(page.get_by_text(translate("data.backup.passphrases_differ", lang))).to_be_visible()
        first.fill(PASSPHRASE)
        second.fill(PASSPHRASE)
        second.press("Enter")  # Enter submits the form
        ready = page.get_by_text(translate("data.backup.ready_encrypted", lang))
        expect(ready).to_be_visible(timeout=30_000)
        wait_idle(page)
        assert first.input_value() == "" and second.input_value() == ""  # cleared
        page.screenshot(path=str(artifacts / f"data-backup-encrypted-{lang}.png"), full_page=True)
        with page.expect_download() as download_info:
            page.get_by_role("button", name=translate("data.backup.download", lang)).click()
        download = download_info.value
        assert download.suggested_filename.endswith(".rtbk")
        saved = tmp_path / download.suggested_filename
        download.save_as(saved)
        data = saved.read_bytes()
        assert is_sealed(data)
        debts = case.debts
        for secret in (case.client.mobile, case.client.id_number, debts[0].contract_number):
            assert secret and secret.encode() not in data

        page.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(str(saved))
        field = page.get_by_label(translate("data.restore.passphrase", lang))
        expect(field).to_be_visible(timeout=30_000)
        field.fill("not the passphrase")
        field.press("Enter")
        refused = page.get_by_text(translate("error.backup.wrong_passphrase", lang))
        expect(refused).to_be_visible(timeout=30_000)
        page.screenshot(path=str(artifacts / f"data-restore-wrong-{lang}.png"), full_page=True)
        field.fill(PASSPHRASE)
        page.get_by_role("button", name=translate("data.restore.check", lang)).click()
        expect(page.get_by_text(translate("data.restore.warning", lang))).to_be_visible(
            timeout=30_000
        )
        wait_idle(page)
        page.screenshot(path=str(artifacts / f"data-restore-checked-{lang}.png"), full_page=True)
    finally:
        context.close()
