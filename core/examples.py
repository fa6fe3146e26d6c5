"""A realistic demo case, so a newcomer sees every page filled.

The household (every name and number is made up):

- 王晓明, a household of two, agreed on ``as_of − 7 days`` that his details may be kept and that
  lenders may be contacted for him. Monthly net income 4,000 (salary 3,600, part-time 400);
  essential costs 3,200; living floor 1,100 × 2 = 2,200; no buffer. Capacity 800 a month.
- 易达分期 (online lending platform): a daily rate of 0.065 % on a 365-day year (23.725 % a
  year), 11,400 received on a 12,000 loan; 8,600 of principal left over 10 months, 1,450 of it
  overdue for 45 days, with 386.40 of interest and penalties accrued, penalty rate 35.5875 %
  (1.5 × the daily rate × 365).
- 华兴银行信用卡 (credit card): a card installment plan, daily rate 0.05 % on a 360-day year
  (18 % a year), 15,200 left over 12 months.
- 安信消费金融 (consumer finance): quoted as a monthly fee of 0.68 % on the principal (flat
  fee), 9,000 left over 15 months.
- 城东农商银行 (bank loan): 7.8 % a year, 20,000 left over 30 months.

Dates follow ``as_of`` (contract dates in the past, next due dates in the coming weeks), so the
case looks current whenever it is loaded.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from pydantic import BaseModel, ConfigDict

from core.affordability import Budget, CostCategory, IncomeItem, living_floor_for
from core.calls import DebtAccount, OfficialChannel, ServiceChannelKind
from core.clients import Client, Consent, ConsentScope
from core.debts import Debt, LenderType
from core.rates import QuoteKind
from core.schedules import Method, add_months

#: Local monthly minimum living standard per person (低保标准) used for the example's floor.
EXAMPLE_MINIMUM_LIVING_STANDARD = Decimal("1100")


class ExampleCase(BaseModel):
    """A client, their debts (as the store keeps them) and their budget from ``budget_from``."""

    model_config = ConfigDict(frozen=True)

    client: Client
    debts: tuple[DebtAccount, ...]
    budget: Budget
    budget_from: date


def example_case(as_of: date) -> ExampleCase:
    """The demo household of the module docstring, dated around ``as_of``."""
    client = Client(
        name="王晓明",
        mobile="13800138000",
        id_number="320582198706144536",
        household_size=2,
        notes="示例客户 / example client",
        consent=Consent(
            given_on=as_of - timedelta(days=7),
            scopes=frozenset({ConsentScope.STORE_PERSONAL_DATA, ConsentScope.CONTACT_LENDERS}),
        ),
    )
    budget = Budget(
        incomes=(
            IncomeItem(label="salary", amount=Decimal("3600")),
            IncomeItem(label="other", amount=Decimal("400")),
        ),
        essential_costs={
            CostCategory.HOUSING: Decimal("1200"),
            CostCategory.FOOD: Decimal("1100"),
            CostCategory.TRANSPORT: Decimal("200"),
            CostCategory.UTILITIES: Decimal("250"),
            CostCategory.MEDICAL: Decimal("150"),
            CostCategory.DEPENDANTS: Decimal("300"),
        },
        household_size=2,
        living_floor=living_floor_for(EXAMPLE_MINIMUM_LIVING_STANDARD, 2),
    )
    debts = (
        _account(
            Debt(
                creditor="易达分期",
                lender_type=LenderType.ONLINE_PLATFORM,
                product="消费分期",
                contract_date=add_months(as_of, -14),
                amount_received=Decimal("11400"),
                outstanding_principal=Decimal("8600"),
                overdue_amount=Decimal("1450"),
                days_overdue=45,
                accrued_interest_and_penalties=Decimal("386.40"),
                penalty_rate=Decimal("0.355875"),
                rate_quote=Decimal("0.00065"),
                rate_kind=QuoteKind.DAILY,
                day_basis=365,
                remaining_months=10,
                next_due_date=as_of + timedelta(days=12),
            ),
            "YD202400815327",
            OfficialChannel(kind=ServiceChannelKind.APP, value="易达分期 App › 我的 › 客服中心"),
        ),
        _account(
            Debt(
                creditor="华兴银行信用卡",
                lender_type=LenderType.BANK_CREDIT_CARD,
                product="账单分期",
                contract_date=add_months(as_of, -12),
                outstanding_principal=Decimal("15200"),
                rate_quote=Decimal("0.0005"),
                rate_kind=QuoteKind.DAILY,
                day_basis=360,
                remaining_months=12,
                next_due_date=as_of + timedelta(days=20),
            ),
            "6259********4411",
            OfficialChannel(kind=ServiceChannelKind.HOTLINE, value="95555", note="卡背面客服电话"),
        ),
        _account(
            Debt(
                creditor="安信消费金融",
                lender_type=LenderType.CONSUMER_FINANCE,
                product="现金分期",
                contract_date=add_months(as_of, -9),
                amount_received=Decimal("12000"),
                outstanding_principal=Decimal("9000"),
                rate_quote=Decimal("0.0068"),
                rate_kind=QuoteKind.MONTHLY_FEE,
                method=Method.FLAT_FEE,
                remaining_months=15,
                next_due_date=as_of + timedelta(days=5),
            ),
            "AXCF-2024-0091277",
            OfficialChannel(kind=ServiceChannelKind.WEBSITE, value="官网底部“联系我们”"),
        ),
        _account(
            Debt(
                creditor="城东农商银行",
                lender_type=LenderType.BANK_LOAN,
                product="个人消费贷款",
                contract_date=add_months(as_of, -6),
                amount_received=Decimal("24000"),
                outstanding_principal=Decimal("20000"),
                rate_quote=Decimal("0.078"),
                rate_kind=QuoteKind.ANNUAL,
                remaining_months=30,
                next_due_date=as_of + timedelta(days=16),
            ),
            "CD-XF-88120436",
            OfficialChannel(kind=ServiceChannelKind.HOTLINE, value="96008"),
        ),
    )
    return ExampleCase(client=client, debts=debts, budget=budget, budget_from=as_of)


def _account(debt: Debt, contract_number: str, channel: OfficialChannel) -> DebtAccount:
    return DebtAccount(debt=debt, contract_number=contract_number, official_channels=(channel,))
