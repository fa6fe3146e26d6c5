"""The letter to the lender offered on the Proposals and Share pages (AppTest, both languages):
Word and PDF for a client who agreed that lenders may be contacted, and for one who did not,
the reason instead of the buttons.
"""

from pathlib import Path

import pytest

from i18n import translate
from i18n.errors import field_line
from report.example import seed_example, seed_guide_case
from store import init_db

ROOT = Path(__file__).resolve().parents[2]
PAGES = ("app_pages/proposals.py", "app_pages/share.py")
LANGS = ("zh-CN", "en")


@pytest.fixture
def clients():
    """The guide's client (consent to contact lenders) and the example client (none)."""
    store = init_db()
    try:
        yield {"consent": seed_guide_case(store), "none": seed_example(store)}
    finally:
        store.close()


def open_page(open_app, page: str, client_id: int, lang: str):
    at = open_app(lang=lang)
    at.session_state["client_id"] = client_id
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def letter_buttons(at, lang: str) -> list[str]:
    mine = {translate("letter.download.docx", lang), translate("letter.download.pdf", lang)}
    return [b.proto.label for b in at.get("download_button") if b.proto.label in mine]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_with_consent_the_letter_is_offered_as_word_and_pdf(open_app, clients, page, lang):
    at = open_page(open_app, page, clients["consent"], lang)
    assert letter_buttons(at, lang) == [
        translate("letter.download.docx", lang),
        translate("letter.download.pdf", lang),
    ]
    languages = next(r for r in at.radio if r.label == translate("letter.download.language", lang))
    assert languages.value == "zh-CN"  # the letter to send, whatever the page's language


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", LANGS)
def test_without_consent_the_page_says_why_and_offers_no_letter(open_app, clients, page, lang):
    at = open_page(open_app, page, clients["none"], lang)
    assert letter_buttons(at, lang) == []
    why = field_line("letter", "letter_needs_consent", lang)
    assert why in [i.value for i in at.info]
