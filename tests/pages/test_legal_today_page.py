"""The Today page's legal deadlines with AppTest (issue 25): a complaint served five days ago
shows the defence deadline with its days left, the client and lender and its article; the
creditor's enforcement deadline only with show all; nothing running says so."""

from __future__ import annotations

from datetime import timedelta

import pytest
from page_helpers import texts
from test_legal_status_page import seed_suit

import services
from core.rules.legal import LegalEvent, LegalStage
from i18n import translate
from services import LOCAL_USER
from services.legal import SavedLegalEvent
from ui.state import today

PAGE = "app_pages/today.py"
LANGS = ("zh-CN", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_a_running_defence_deadline_is_listed_with_its_article(open_app, lang):
    seed_suit(days_since_service=5)
    at = open_app(PAGE, lang)
    assert translate("legalui.today.title", lang) in texts(at.subheader)
    lines = [m for m in texts(at.markdown) if translate("enum.legal_deadline.defence", lang) in m]
    assert (
        len(lines) == 1 and "招联金融" in lines[0] and "王\\*" in lines[0]
    )  # masked, its * escaped
    captions = " ".join(texts(at.caption))
    assert translate("legal.deadline.cited", lang, revision=2023, article=128) in captions
    assert translate("legal.calendar_note", lang) in captions


def test_the_creditors_deadline_only_with_show_all(open_app):
    case, ws, _ = seed_suit(days_since_service=5)
    judged = today() - timedelta(days=1)
    services.legal.add(
        ws,
        LOCAL_USER,
        SavedLegalEvent(
            client_id=case.client.id,
            debt_id=case.account.id,
            event=LegalEvent(stage=LegalStage.JUDGMENT, on=judged, perform_by=judged),
        ),
    )
    at = open_app(PAGE, "en")
    enforcement = translate("enum.legal_deadline.enforcement", "en")
    assert not [m for m in texts(at.markdown) if enforcement in m]
    assert translate("legalui.today.creditor_hidden", "en", n=1) in texts(at.caption)
    at.toggle[0].set_value(True).run()
    assert [m for m in texts(at.markdown) if enforcement in m]


def test_nothing_running_says_so(open_app):
    from pack_seed import seed_pack

    seed_pack()
    at = open_app(PAGE, "en")
    assert translate("legalui.today.none", "en") in texts(at.success)
