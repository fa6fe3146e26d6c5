"""Issue 25 in Call prep and Calls, in a real browser at 1280 px, in both languages: a client
sued by her lender (complaint served 5 days ago) — the power-of-attorney warning on the
checklist, the script card going through the lawyer or the court's mediation with the
disclaimer and 12348, and the legal steps and the defence deadline on the Calls timeline.
Screenshots: ``test-artifacts/issue25-callprep-<lang>.png`` and ``issue25-calls-<lang>.png``
(copied to ``/tmp/legal-callprep-<lang>.png`` / ``/tmp/legal-calls-<lang>.png``)."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
from browser_helpers import wait_idle
from playwright.sync_api import expect
from test_pack_pages_browser import VIEWPORT, go_to, open_client, shoot

from core.calls import Call, Channel, DebtAccount, Outcome
from core.clients import Client, Consent, ConsentScope
from core.debts import Debt, LenderType
from core.proposals import TermExtension
from core.rules.legal import LegalEvent, LegalStage
from core.rules.templates import render
from core.rules.timing import LOCAL_TZ
from i18n import translate
from store import SavedLegalEvent, SavedProposal, init_db
from ui.state import today

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def client_id(app_url, tmp_path_factory) -> int:
    logs = tmp_path_factory.getbasetemp().glob("data*/streamlit.log")
    folders = [log.parent for log in logs if not log.parent.name.endswith("current")]
    assert len(folders) == 1, folders
    as_of = today()
    with init_db(f"sqlite:///{folders[0] / 'repaytalk.db'}") as store:
        consent = Consent(
            given_on=as_of - timedelta(days=30),
            scopes=frozenset({ConsentScope.STORE_PERSONAL_DATA, ConsentScope.CONTACT_LENDERS}),
        )
        client = store.clients.create(Client(name="王芳", mobile="13912345678", consent=consent))
        account = store.debts.add(
            DebtAccount(
                client_id=client.id,
                contract_number="ZL20240099",
                debt=Debt(
                    creditor="招联金融",
                    lender_type=LenderType.CONSUMER_FINANCE,
                    product="好期贷",
                    outstanding_principal=Decimal("18000"),
                    rate_quote=Decimal("0.18"),
                    remaining_months=18,
                ),
            )
        )
        store.proposals.save(
            SavedProposal(
                client_id=client.id,
                debt_id=account.id,
                proposal=TermExtension(months=36),
                title="36期",
            )
        )
        store.calls.add(
            Call(
                client_id=client.id,
                debt_id=account.id,
                lender="招联金融",
                at=datetime.now(LOCAL_TZ) - timedelta(days=20),
                channel=Channel.PHONE,
                summary="客服说只能起诉后再谈",
                outcome=Outcome.REFUSED,
            )
        )
        served = as_of - timedelta(days=5)
        for stage, on in (
            (LegalStage.SUIT_FILED, served - timedelta(days=9)),
            (LegalStage.SERVED, served),
        ):
            store.legal.add(
                SavedLegalEvent(
                    client_id=client.id,
                    debt_id=account.id,
                    event=LegalEvent(stage=stage, on=on, document="（2026）沪0115民初1234号"),
                )
            )
        return client.id


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_call_prep_and_calls_with_a_sued_debt(browser, app_url, artifacts, client_id, lang):
    page = browser.new_page(viewport=VIEWPORT)
    try:
        open_client(page, app_url, client_id, lang, "王*")
        go_to(page, "call_prep", lang)
        main = page.get_by_test_id("stMain")
        # A counselor calls by default: the card says the legal line for the client, by name.
        court_line = render("script.legal.court.agent", lang, name="王芳")
        expect(main).to_contain_text(translate("prep.docs.poa_missing", lang), timeout=30_000)
        expect(main).to_contain_text(court_line, timeout=30_000)
        expect(main).to_contain_text(translate("legal.advice.legal_aid", lang), timeout=30_000)
        # the card in the page's language (its tabs open on 中文)
        page.get_by_role("tab", name=translate(f"lang.name.{lang}", lang), exact=True).click()
        expect(main).to_contain_text(court_line, timeout=30_000)
        wait_idle(page)
        path = artifacts / f"issue25-callprep-{lang}.png"
        shoot(main, page, path)
        shutil.copy(path, f"/tmp/legal-callprep-{lang}.png")

        go_to(page, "calls", lang)
        page.get_by_role("tab", name=translate("calls.tab.timeline", lang)).click()
        wait_idle(page)
        expect(main).to_contain_text(translate("legal.calendar_note", lang), timeout=30_000)
        page.wait_for_timeout(1500)
        path = artifacts / f"issue25-calls-{lang}.png"
        shoot(main, page, path)
        shutil.copy(path, f"/tmp/legal-calls-{lang}.png")
    finally:
        page.close()
