"""The Clients page in Chromium: a saved client's mobile, ID number, name and contact's name
reach neither the DOM nor the WebSocket until "show" reveals that one field — not in input
values, labels, placeholders, tooltips, hidden elements or table cells, and not with spaces or
dashes between the digits. Screenshots in both languages at 1280 px and 390 px.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from browser_helpers import pick, wait_idle
from conftest import streamlit_server
from playwright.sync_api import expect

from core.clients import (
    Client,
    ClientContact,
    Consent,
    ConsentScope,
    MaskKind,
    Relation,
    mask,
    normalize_id_number,
)
from i18n import translate
from store import init_db

pytestmark = pytest.mark.browser

NAME = "欧阳小明"
MOBILE = "13912345678"
ID_NUMBER = normalize_id_number("110101199003077651")  # a valid check character
SPOUSE = "李秀英"
FULL = {"name": NAME, "mobile": MOBILE, "id_number": ID_NUMBER, "contact": SPOUSE}
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
LABEL = f"{mask(MaskKind.NAME, NAME)} · {mask(MaskKind.PHONE, MOBILE)}"


def spelled_loosely(value: str) -> re.Pattern[str]:
    """``value`` with any separators (spaces, dashes, dots, slashes) between its characters."""
    gap = r"[\s\-‐‑–—－.·/_]*"
    return re.compile(gap.join(re.escape(char) for char in value))


PATTERNS = {field: spelled_loosely(value) for field, value in FULL.items()}


def found_in(text: str) -> set[str]:
    return {field for field, pattern in PATTERNS.items() if pattern.search(text)}


@pytest.fixture(scope="module")
def clients_server(tmp_path_factory):
    """A server of its own, on a database holding one client (other tests' clients stay out)."""
    data_dir = tmp_path_factory.mktemp("masked")
    store = init_db(f"sqlite:///{data_dir / 'repaytalk.db'}")
    store.clients.create(
        Client(
            name=NAME,
            mobile=MOBILE,
            id_number=ID_NUMBER,
            household_size=3,
            notes="prefers calls after 6pm",
            consent=Consent(
                given_on=date(2026, 1, 5),
                scopes=frozenset({ConsentScope.STORE_PERSONAL_DATA}),
            ),
            contacts=(ClientContact(name=SPOUSE, relation=Relation.SPOUSE),),
        )
    )
    store.close()
    with streamlit_server(data_dir) as url:
        yield url


class Traffic:
    """Every WebSocket frame the page receives and sends, as text (protobuf strings are UTF-8)."""

    def __init__(self, page) -> None:
        self.frames: list[str] = []
        page.on("websocket", self._attach)

    def _attach(self, socket) -> None:
        socket.on("framereceived", self._keep)
        socket.on("framesent", self._keep)

    def _keep(self, payload: str | bytes) -> None:
        if isinstance(payload, bytes):
            payload = payload.decode("utf-8", errors="replace")
        self.frames.append(payload)

    def found(self) -> set[str]:
        return found_in("\n".join(self.frames))


def dom_text(page) -> str:
    """The whole DOM: markup (attributes, hidden elements, tooltips' text), every input's and
    text area's current value, and the rendered text."""
    return page.evaluate(
        """() => [
            document.documentElement.outerHTML,
            ...Array.from(document.querySelectorAll('input, textarea'), el => el.value),
            document.body.innerText,
        ].join('\\n')"""
    )


def open_client(context, url: str, lang: str):
    page = context.new_page()
    traffic = Traffic(page)
    page.goto(f"{url}/clients")
    title = page.get_by_role("heading", name=translate("clients.title", "zh-CN"), exact=True)
    expect(title).to_be_visible(timeout=30_000)
    if lang == "en":
        page.get_by_text(translate("lang.name.en", "en"), exact=True).click()
        expect(
            page.get_by_role("heading", name=translate("clients.title", "en"), exact=True)
        ).to_be_visible(timeout=30_000)
    wait_idle(page)
    box = page.get_by_test_id("stSelectbox").filter(has_text=translate("clients.pick", lang))
    pick(box, LABEL, search="5678")
    expect(field(page, "name_masked")).to_have_value(mask(MaskKind.NAME, NAME), timeout=30_000)
    wait_idle(page)
    return page, traffic


def field(page, key: str):
    """The input of the form's widget ``clientform_<key>`` (its element has ``st-key-<key>``)."""
    return page.locator(f".st-key-clientform_{key} input")


def shoot(page, path, viewport) -> None:
    """The whole page: Streamlit scrolls inside its main area, so grow the window to fit it."""
    page.set_viewport_size(viewport)
    wait_idle(page)
    page.wait_for_timeout(600)
    height = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size({**viewport, "height": max(height, viewport["height"])})
    page.wait_for_timeout(600)
    page.screenshot(path=path)
    page.set_viewport_size(viewport)


def show(page, key: str) -> None:
    """Click the "show" button of the field ``key`` (its element carries ``st-key-<key>``)."""
    wait_idle(page)
    # (Streamlit draws a button twice, the copy hidden: the role finds the one shown)
    page.locator(f".st-key-clientform_show_{key}").get_by_role("button").click()
    expect(page.locator(f".st-key-clientform_show_{key}")).to_have_count(0, timeout=30_000)
    wait_idle(page)


@pytest.mark.parametrize(
    ("lang", "revealed"), [("zh-CN", ("mobile",)), ("en", ("id_number", "contact"))]
)
def test_nothing_full_reaches_the_browser_until_that_field_is_shown(
    browser, clients_server, artifacts, lang, revealed
):
    context = browser.new_context(viewport=DESKTOP)
    try:
        page, traffic = open_client(context, clients_server, lang)
        masked = {
            "name_masked": mask(MaskKind.NAME, NAME),
            "mobile_masked": mask(MaskKind.PHONE, MOBILE),
            "id_number_masked": mask(MaskKind.ID_NUMBER, ID_NUMBER),
            "contact_0_masked": mask(MaskKind.NAME, SPOUSE),
        }
        for key, value in masked.items():
            expect(field(page, key)).to_have_value(value)
            expect(field(page, key)).to_be_disabled()
        labels = [translate(f"clients.{key}", lang) for key in ("name", "mobile", "id_number")]
        for label in [*labels, translate("clients.contact_name", lang, n=1)]:
            expect(page.get_by_label(label, exact=True)).to_have_count(1)
        # Hover the help icons so their tooltips are drawn into the DOM too (their text is in
        # the frames in any case).
        for icon in page.get_by_test_id("stTooltipHoverTarget").all():
            icon.hover(force=True)
            page.wait_for_timeout(300)
            assert found_in(dom_text(page)) == set()
        assert len(traffic.frames) > 10  # the page was drawn over the socket
        assert traffic.found() == set()
        assert found_in(dom_text(page)) == set()
        shoot(page, artifacts / f"clients-masked-{lang}-1280.png", DESKTOP)
        shoot(page, artifacts / f"clients-masked-{lang}-390.png", PHONE)
        assert traffic.found() == set()
        assert found_in(dom_text(page)) == set()

        shown: set[str] = set()
        for name in revealed:
            show(page, {"contact": "contact_0"}.get(name, name))
            shown.add(name)
            key = {"contact": "contact_0"}.get(name, name)
            expect(field(page, key)).to_have_value(FULL[name])
            expect(field(page, key)).to_be_enabled()
            expect(field(page, f"{key}_masked")).to_have_count(0)
            assert traffic.found() == shown
            assert found_in(dom_text(page)) == shown
        shoot(page, artifacts / f"clients-revealed-{lang}-1280.png", DESKTOP)
        shoot(page, artifacts / f"clients-revealed-{lang}-390.png", PHONE)
        assert traffic.found() == shown  # the other fields never left the server
    finally:
        context.close()


def test_the_separator_check_catches_spaced_and_hyphenated_spellings():
    assert found_in("<input value='139 1234 5678'>") == {"mobile"}
    assert found_in("110101 19900307 7651") == {"id_number"}
    assert found_in("139-1234-5678 / 欧阳 小明") == {"mobile", "name"}
    assert found_in("139****5678 110101********7651 欧**明 李*英") == set()
