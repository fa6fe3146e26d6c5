"""Issue 25's pages in a real browser at 1280 px, in both languages: the Debts page's legal
status section, the Clients page's case stage control, the Outcomes page and Today's legal
deadlines, each screenshotted to ``test-artifacts/issue25-<part>-<lang>.png``."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from browser_helpers import wait_idle
from playwright.sync_api import expect
from test_pack_pages_browser import VIEWPORT, go_to, open_client, shoot

from core.calls import DebtAccount
from core.case_lifecycle import CaseStage, StageChange
from core.clients import Client
from core.debts import Debt, LenderType
from core.plans import Plan, PlanRow
from core.proposals import StopInterest
from core.rules.legal import LegalEvent, LegalStage
from i18n import translate
from store import SavedLegalEvent, SavedProposal, init_db
from store.records import ProposalStatus
from ui.state import today

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def client_id(app_url, tmp_path_factory) -> int:
    """王芳 sued by 招联金融 (served 5 days ago), her case negotiating; 李强 agreed this month."""
    logs = tmp_path_factory.getbasetemp().glob("data*/streamlit.log")
    folders = [log.parent for log in logs if not log.parent.name.endswith("current")]
    assert len(folders) == 1, folders
    as_of = today()
    with init_db(f"sqlite:///{folders[0] / 'repaytalk.db'}") as store:
        ids = []
        for name, creditor in (("王芳", "招联金融"), ("李强", "来分期")):
            client = store.clients.create(Client(name=name))
            debt = store.debts.add(
                DebtAccount(
                    client_id=client.id,
                    contract_number=f"HT-{name}",
                    debt=Debt(
                        creditor=creditor,
                        lender_type=LenderType.CONSUMER_FINANCE,
                        outstanding_principal=Decimal("18000"),
                        overdue_amount=Decimal("1350"),
                        days_overdue=40,
                        accrued_interest_and_penalties=Decimal("600"),
                        rate_quote=Decimal("0.18"),
                        remaining_months=18,
                    ),
                )
            )
            start = as_of - timedelta(days=70)
            for version, stage in enumerate(
                (CaseStage.OPEN, CaseStage.ASSESSING, CaseStage.NEGOTIATING)
            ):
                store.cases.move(
                    StageChange(
                        client_id=client.id, stage=stage, on=start + timedelta(days=version * 7)
                    ),
                    version=version,
                )
            ids.append((client.id, debt.id))
        (wang, wang_debt), (li, li_debt) = ids
        served = as_of - timedelta(days=5)
        for stage, on in (
            (LegalStage.SUIT_FILED, served - timedelta(days=9)),
            (LegalStage.SERVED, served),
        ):
            store.legal.add(
                SavedLegalEvent(
                    client_id=wang,
                    debt_id=wang_debt,
                    event=LegalEvent(stage=stage, on=on, document="（2026）沪0115民初1234号"),
                )
            )
        rows = tuple(
            PlanRow(
                period=k,
                due_date=as_of + timedelta(days=30 * k),
                payment=Decimal("1000.00"),
                principal=Decimal("1000.00"),
                interest=Decimal("0"),
                fees=Decimal("0"),
                arrears=Decimal("0"),
                balance=Decimal("0"),
            )
            for k in range(1, 19)
        )
        saved = store.proposals.save(
            SavedProposal(
                client_id=li, debt_id=li_debt, proposal=StopInterest(months=18), title="停息挂账"
            )
        )
        store.proposals.agree(saved, as_of, Plan(opening=Decimal("18600.00"), rows=rows))
        assert store.proposals.get(saved.id).status is ProposalStatus.AGREED
        store.cases.move(StageChange(client_id=li, stage=CaseStage.AGREED, on=as_of), version=3)
        return wang


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_issue_25_pages(browser, app_url, artifacts, client_id, lang):
    page = browser.new_page(viewport=VIEWPORT)
    try:
        open_client(page, app_url, client_id, lang, "王*")
        go_to(page, "debts", lang)
        title = translate(
            "legalui.debt",
            lang,
            creditor="招联金融",
            stage=translate("enum.legal_stage.served", lang),
        )
        section = page.get_by_test_id("stExpander").filter(has_text=title).first
        expect(section).to_contain_text(translate("legal.advice.legal_aid", lang), timeout=30_000)
        expect(
            section.get_by_text(translate("legalui.delete_button", lang), exact=True)
        ).to_be_visible(timeout=30_000)
        wait_idle(page)
        shoot(section, page, artifacts / f"issue25-debts-legal-{lang}.png")

        go_to(page, "clients", lang)
        heading = page.get_by_text(translate("caseui.title", lang), exact=True)
        expect(heading).to_be_visible(timeout=30_000)
        heading.scroll_into_view_if_needed()
        wait_idle(page)
        page.screenshot(path=artifacts / f"issue25-clients-case-{lang}.png", full_page=False)

        go_to(page, "outcomes", lang)
        expect(
            page.get_by_text(translate("outcomes.metric.negotiated", lang), exact=True)
        ).to_be_visible(timeout=30_000)
        page.wait_for_timeout(1500)
        shoot(page.get_by_test_id("stMain"), page, artifacts / f"issue25-outcomes-{lang}.png")

        # (the page's icon is named "today" too: find the link by its name)
        page.get_by_test_id("stSidebarNav").get_by_role(
            "link", name=translate("page.today", lang), exact=True
        ).click()
        wait_idle(page)
        expect(page.get_by_text(translate("legalui.today.title", lang), exact=True)).to_be_visible(
            timeout=30_000
        )
        shoot(page.get_by_test_id("stMain"), page, artifacts / f"issue25-today-{lang}.png")
    finally:
        page.close()
