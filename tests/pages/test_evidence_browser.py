"""Proof documents on the Call prep page in a real browser, in both languages: a JPEG with GPS
Exif uploaded through the file picker (``set_input_files``) is stored without its GPS data and
listed; the section is screenshotted to ``/tmp/evidence-zh.png`` / ``/tmp/evidence-en.png`` and
``test-artifacts/evidence-<lang>.png``."""

from __future__ import annotations

import io
import shutil
from decimal import Decimal

import pytest
from browser_helpers import wait_idle
from PIL import Image
from playwright.sync_api import expect
from test_pack_pages_browser import VIEWPORT, go_to, open_client, shoot

from core.calls import DebtAccount
from core.clients import Client
from core.debts import Debt, LenderType
from i18n import translate
from store import init_db

pytestmark = pytest.mark.browser

MARKER = "RT-BROWSER-MARKER-90af"


def gps_photo() -> bytes:
    image = Image.new("RGB", (120, 80), (40, 120, 200))
    exif = Image.Exif()
    exif[0x010E] = MARKER
    exif[0x0112] = 1
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (31.0, 13.0, 49.0), "E", (121.0, 28.0, 25.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), comment=MARKER.encode())
    return out.getvalue()


@pytest.fixture(scope="module")
def database(app_url, tmp_path_factory) -> str:
    logs = tmp_path_factory.getbasetemp().glob("data*/streamlit.log")
    folders = [log.parent for log in logs if not log.parent.name.endswith("current")]
    assert len(folders) == 1, folders
    return f"sqlite:///{folders[0] / 'repaytalk.db'}"


@pytest.fixture(scope="module")
def client_id(database) -> int:
    """赵敏, with one card debt (Call prep works on a debt)."""
    with init_db(database) as store:
        client = store.clients.create(Client(name="赵敏"))
        store.debts.add(
            DebtAccount(
                client_id=client.id,
                contract_number="HT-EVIDENCE-1",
                debt=Debt(
                    creditor="招商银行",
                    lender_type=LenderType.BANK_CREDIT_CARD,
                    outstanding_principal=Decimal("9000"),
                    rate_quote=Decimal("0.18"),
                    remaining_months=12,
                ),
            )
        )
        return client.id


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_a_photo_is_uploaded_scrubbed_and_listed(
    browser, app_url, artifacts, database, client_id, lang
):
    name = f"身份证-{lang}.jpg"
    page = browser.new_page(viewport=VIEWPORT)
    try:
        open_client(page, app_url, client_id, lang, "赵*")
        go_to(page, "call_prep", lang)
        title = translate("evidence.title", lang)
        section = page.get_by_test_id("stExpander").filter(has_text=title).first
        expect(section).to_be_visible(timeout=30_000)
        section.get_by_text(title, exact=True).click()
        expect(section.get_by_text(translate("evidence.intro", lang))).to_be_visible()
        section.locator("input[type=file]").set_input_files(
            files=[{"name": name, "mimeType": "image/jpeg", "buffer": gps_photo()}]
        )
        expect(section.get_by_text(name, exact=True).first).to_be_visible(timeout=30_000)
        submit = section.get_by_role("button", name=translate("evidence.upload", lang), exact=True)
        expect(submit).to_be_enabled(timeout=30_000)  # (disabled while the file goes up)
        submit.click()
        wait_idle(page)
        expect(section.get_by_text(translate("evidence.scrubbed", lang))).to_be_visible(
            timeout=30_000
        )
        expect(
            section.get_by_role("button", name=translate("evidence.download", lang)).first
        ).to_be_visible()
        wait_idle(page)
        shoot(section, page, artifacts / f"evidence-{lang}.png")
        shutil.copy(artifacts / f"evidence-{lang}.png", f"/tmp/evidence-{lang[:2]}.png")
    finally:
        page.close()
    with init_db(database) as store:
        (saved,) = [f for f in store.evidence.list_for_client(client_id) if f.file_name == name]
        content = store.evidence.content(saved.id)
    assert MARKER.encode() not in content
    assert Image.open(io.BytesIO(content)).getexif().get_ifd(0x8825) == {}
    assert Image.open(io.BytesIO(content)).size == (120, 80)
