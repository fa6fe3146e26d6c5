"""Data for the application pack's page tests (issue 20), made through the services: the
issue's client, out of work and on 低保, with one overdue debt that reports to the credit system.

A plain module (no ``conftest.py`` here): the AppTests and the browser test import it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import services
from core.affordability import Budget, CostCategory, IncomeItem
from core.calls import DebtAccount
from core.clients import Client, Consent, ConsentScope
from core.debts import Debt, LenderType
from core.rules.credit_record import Reporting
from core.rules.hardship import HardshipSituation, ProofItem, SituationKind
from services import LOCAL_USER, Workspace
from ui.state import today as local_today

#: Days the debt has been overdue on the day the data is made.
DAYS_OVERDUE = 75


@dataclass
class PackCase:
    store: Workspace
    client: Client
    account: DebtAccount
    situations: tuple[HardshipSituation, ...]
    overdue_since: date


def seed_pack(
    *,
    situations: bool = True,
    gathered: tuple[ProofItem, ...] = (ProofItem.UNEMPLOYMENT_CERTIFICATE,),
    reports: Reporting = Reporting.YES,
    today: date | None = None,
    url: str | None = None,
) -> PackCase:
    """王芳 lost her job in June 2025 and lives on 低保 since September 2025 (¥1,100 a month);
    she owes 招联金融 ¥18,000, ¥1,350 of it overdue for :data:`DAYS_OVERDUE` days, and the lender
    reports to the credit system. Gathered so far: the unemployment certificate."""
    today = today or local_today()
    ws = services.open_workspace(url)
    actor = LOCAL_USER
    consent = Consent(
        given_on=date(2026, 1, 5), scopes=frozenset({ConsentScope.STORE_PERSONAL_DATA})
    )
    client = services.clients.create(
        ws, actor, Client(name="王芳", mobile="13912345678", consent=consent)
    )
    since = today - timedelta(days=DAYS_OVERDUE)
    debt = Debt(
        creditor="招联金融",
        lender_type=LenderType.CONSUMER_FINANCE,
        product="好期贷",
        outstanding_principal=Decimal("18000"),
        overdue_amount=Decimal("1350"),
        days_overdue=DAYS_OVERDUE,
        rate_quote=Decimal("0.18"),
        remaining_months=18,
    )
    account = services.debts.add(
        ws,
        actor,
        DebtAccount(
            client_id=client.id,
            debt=debt,
            contract_number="ZL2023 0456 7788",
            reports_credit=reports,
            overdue_since=since,
        ),
    )
    services.budgets.save_version(
        ws,
        actor,
        client.id,
        today,
        Budget(
            incomes=[IncomeItem(label="低保金", amount=Decimal("1100"))],
            essential_costs={
                CostCategory.FOOD: Decimal("550"),
                CostCategory.UTILITIES: Decimal("120"),
                CostCategory.MEDICAL: Decimal("80"),
            },
            living_floor=Decimal("900"),
        ),
    )
    saved: list[HardshipSituation] = []
    if situations:
        for kind, started, note in (
            (SituationKind.UNEMPLOYMENT, date(2025, 6, 1), "2025年6月公司裁员"),
            (SituationKind.MINIMUM_LIVING_ALLOWANCE, date(2025, 9, 1), "每月低保金1100元"),
        ):
            saved.append(
                services.hardship.add(
                    ws,
                    actor,
                    HardshipSituation(
                        client_id=client.id, kind=kind, started_on=started, note=note
                    ),
                )
            )
        if gathered:
            services.hardship.set_gathered(ws, actor, client.id, gathered, version=0)
    return PackCase(ws, client, account, tuple(saved), since)
