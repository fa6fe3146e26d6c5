"""Data for the call pages' tests, made through the store: a client, a debt and an agreed plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from core.calls import DebtAccount
from core.clients import Client, Consent, ConsentScope
from core.debts import Debt, LenderType
from core.proposals import ProposalResult, TermExtension, evaluate_proposal
from store import ProposalStatus, SavedProposal, Store, init_db
from ui.state import today as local_today


@dataclass
class Case:
    store: Store
    client: Client
    account: DebtAccount
    saved: SavedProposal | None
    result: ProposalResult | None


def seed_case(
    *, agreed_days_ago: int | None = 40, today: date | None = None, url: str | None = None
) -> Case:
    """张明 owes 招商银行 ¥12,000 on a card; a 24-month term extension was agreed
    ``agreed_days_ago`` days ago (so with 40, the first installment is already past due)."""
    today = today or local_today()
    store = init_db(url)
    consent = Consent(
        given_on=date(2026, 1, 5), scopes=frozenset({ConsentScope.STORE_PERSONAL_DATA})
    )
    client = store.clients.create(Client(name="张明", mobile="13812345678", consent=consent))
    debt = Debt(
        creditor="招商银行",
        lender_type=LenderType.BANK_CREDIT_CARD,
        product="信用卡",
        outstanding_principal=Decimal("12000"),
        rate_quote=Decimal("0.18"),
        remaining_months=12,
    )
    account = store.debts.add(
        DebtAccount(client_id=client.id, debt=debt, contract_number="HT2024 0001 5566")
    )
    if agreed_days_ago is None:
        return Case(store, client, account, None, None)
    agreed_on = today - timedelta(days=agreed_days_ago)
    proposal = TermExtension(months=24)
    result = evaluate_proposal(debt, proposal, Decimal("800"), agreed_on)
    saved = store.proposals.save(
        SavedProposal(
            client_id=client.id,
            debt_id=account.id,
            proposal=proposal,
            title="24期",
            status=ProposalStatus.AGREED,
            agreed_on=agreed_on,
            plan=result.plan,
        )
    )
    return Case(store, client, account, saved, result)
