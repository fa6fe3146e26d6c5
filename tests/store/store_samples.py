"""Sample records for the store tests: one of everything, with awkward values."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from core.affordability import Budget, CostCategory, IncomeItem
from core.calls import (
    Call,
    Channel,
    DebtAccount,
    Direction,
    DocumentChecklist,
    FollowUpTask,
    OfficialChannel,
    Outcome,
    Payment,
    ServiceChannelKind,
    TaskKind,
)
from core.clients import Client, Consent, ConsentScope
from core.debts import Debt, LenderType
from core.proposals import LumpSumSettlement, SettlementPart, StopInterest
from core.rates import QuoteKind
from core.rules.conduct import CollectionContact, CollectionEvent, ContactTarget
from core.schedules import Method
from store.records import SavedProposal

SHANGHAI = timezone(timedelta(hours=8))

#: The tables of records (``alembic_version`` aside).
RECORD_TABLES = frozenset(
    {
        "clients",
        "debts",
        "budget_versions",
        "proposals",
        "calls",
        "follow_up_tasks",
        "document_checklists",
        "payments",
        "collection_contacts",
    }
)


def a_client(name: str = "张明", mobile: str | None = "13812345678", **changes) -> Client:
    fields = {
        "name": name,
        "mobile": mobile,
        "id_number": "11010519491231002X",
        "household_size": 3,
        "notes": "两个孩子上学；月收入下降",
        "consent": Consent(
            given_on=date(2026, 2, 27),
            scopes={ConsentScope.STORE_PERSONAL_DATA, ConsentScope.CONTACT_LENDERS},
        ),
    }
    return Client(**{**fields, **changes})


def a_debt(client_id: int, contract_number: str = "HT-2024-0315-001", **changes) -> DebtAccount:
    debt = Debt(
        creditor="来分期",
        lender_type=LenderType.ONLINE_PLATFORM,
        product="消费分期",
        contract_date=date(2024, 3, 15),
        amount_received=Decimal("20000.00"),
        outstanding_principal=Decimal("12345.67"),
        overdue_amount=Decimal("1072.01"),
        days_overdue=45,
        accrued_interest_and_penalties=Decimal("388.88"),
        penalty_rate=Decimal("0.36"),
        rate_quote=Decimal("0.000658"),
        rate_kind=QuoteKind.DAILY,
        day_basis=365,
        other_monthly_charges=Decimal("19.90"),
        method=Method.EQUAL_INSTALLMENT,
        remaining_months=18,
        next_due_date=date(2026, 3, 20),
    )
    fields = {
        "client_id": client_id,
        "debt": debt,
        "contract_number": contract_number,
        "official_channels": (
            OfficialChannel(
                kind=ServiceChannelKind.HOTLINE, value="400-000-0000", note="APP 我的-客服"
            ),
            OfficialChannel(kind=ServiceChannelKind.EMAIL, value="service@example.cn"),
        ),
        "notes": "only the official app number",
    }
    return DebtAccount(**{**fields, **changes})


def a_budget() -> Budget:
    return Budget(
        incomes=(IncomeItem(label="工资", amount=Decimal("6800.00")), IncomeItem(amount="1200.5")),
        essential_costs={
            CostCategory.HOUSING: Decimal("2000"),
            CostCategory.FOOD: Decimal("1500.25"),
        },
        household_size=3,
        living_floor=Decimal("2400.00"),
        buffer=Decimal("300"),
    )


def a_proposal(client_id: int, debt_id: int | None = None, **changes) -> SavedProposal:
    fields = {
        "client_id": client_id,
        "debt_id": debt_id,
        "proposal": StopInterest(months=36, waiver_share=Decimal("0.5"), label="停息挂账 36 期"),
        "title": "停息挂账",
    }
    return SavedProposal(**{**fields, **changes})


def a_settlement(client_id: int) -> SavedProposal:
    parts = (
        SettlementPart(amount=Decimal("3000.00"), due_date=date(2026, 4, 1)),
        SettlementPart(amount=Decimal("5000.01"), due_date=date(2026, 5, 1)),
    )
    return SavedProposal(client_id=client_id, proposal=LumpSumSettlement(parts=parts))


def a_call(client_id: int, at: datetime | None = None, **changes) -> Call:
    fields = {
        "client_id": client_id,
        "at": at or datetime(2026, 3, 1, 21, 30, tzinfo=SHANGHAI),
        "channel": Channel.PHONE,
        "direction": Direction.OUTGOING,
        "lender": "来分期",
        "agent_id": "FD2035",
        "summary": "申请停息挂账 36 期；客服称需上级审批",
        "lender_promised": "3 个工作日内回电",
        "client_promised": "补充收入证明",
        "outcome": Outcome.CALL_BACK,
        "next_action": "等待回电，未回电则再次致电",
        "next_action_on": date(2026, 3, 4),
        "recorded": True,
        "agent_told_of_recording": True,
    }
    return Call(**{**fields, **changes})


def a_task(
    client_id: int | None, title: str = "24 小时内在 APP 查看方案", **changes
) -> FollowUpTask:
    fields = {
        "client_id": client_id,
        "title": title,
        "due": datetime(2026, 3, 2, 21, 30, tzinfo=SHANGHAI),
        "kind": TaskKind.CHECK_PLAN_IN_APP,
    }
    return FollowUpTask(**{**fields, **changes})


def a_checklist(client_id: int, debt_id: int | None = None) -> DocumentChecklist:
    return DocumentChecklist(
        client_id=client_id,
        debt_id=debt_id,
        contract_number=True,
        id_card_photos=True,
        income_proof=False,
        debt_list=True,
        hardship_proof=False,
        written_proposal=True,
        notes="收入证明下周补",
    )


def a_payment(client_id: int, amount: str = "1072.01", **changes) -> Payment:
    fields = {"client_id": client_id, "paid_on": date(2026, 3, 20), "amount": Decimal(amount)}
    return Payment(**{**fields, **changes})


def a_collection_contact(client_id: int, at: datetime | None = None, **changes):
    """A collector's late call to the client's sister, with threats."""
    event = CollectionEvent(
        at=at or datetime(2026, 3, 1, 22, 45, tzinfo=SHANGHAI),
        contacted=ContactTarget.RELATIVE,
        threats=True,
    )
    fields = {
        "client_id": client_id,
        "event": event,
        "channel": Channel.PHONE,
        "lender": "来分期",
        "collector": "催收员 C-17",
        "note": "打给我姐姐，说要上门",
    }
    return CollectionContact(**{**fields, **changes})
