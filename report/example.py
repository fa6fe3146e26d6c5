"""Example clients with debts, proposals, a budget and calls, saved through the store.

:func:`seed_example` is used by the report's tests, the share page's tests and the benchmark.
Its figures are chosen to be worked by hand (rates of 0, round balances); see
``tests/test_report_pdf.py``. :func:`seed_guide_case` is the guide's case (张明 and 来分期),
with the counselor's internal words planted wherever they could reach the client's copy; see
``tests/test_client_copy.py``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import services
from core.affordability import Budget, CostCategory
from core.agreement import first_due_date, plan_starting_on
from core.calls import Call, Channel, DebtAccount, Outcome
from core.clients import Client, ClientContact, Consent, ConsentScope, Relation
from core.debts import Debt, LenderType
from core.proposals import StopInterest, TermExtension, evaluate_proposal
from services import LOCAL_USER, Actor, ProposalStatus, SavedProposal

NAME = "张小明"
MOBILE = "13812345678"
ID_NUMBER = "11010519491231002X"
CONTRACT_NUMBER = "HT20240315001"
AGENT_ID = "A20931"
AS_OF = date(2026, 3, 15)
AGREED_ON = date(2026, 3, 1)
FIRST_CALL = datetime(2026, 2, 20, 2, 30, tzinfo=UTC)  # 10:30 in Shanghai


def seed_example(store, *, extra_debts: int = 0, calls: int = 3, actor: Actor = LOCAL_USER) -> int:
    """Save the example client and return their id.

    - budget: income 8,000, essential costs 5,000 → capacity 3,000.00 a month;
    - 招商银行信用卡: principal 12,000, accrued 1,200, no rate, 12 months left; proposed:
      停息挂账 over 24 months with half the accrued waived;
    - 某消费金融: principal 6,000, no rate, 12 months left; agreed on 1 Mar 2026: extended to
      20 months;
    - ``extra_debts`` more small debts without proposals, and ``calls`` calls whose summaries
      quote the client's mobile and ID number (to prove the report masks them).
    """
    consent = Consent(given_on=date(2026, 1, 5), scopes={ConsentScope.STORE_PERSONAL_DATA})
    client = services.clients.create(
        store,
        actor,
        Client(name=NAME, mobile=MOBILE, id_number=ID_NUMBER, household_size=3, consent=consent),
    )
    services.budgets.save_version(
        store,
        actor,
        client.id,
        date(2026, 1, 5),
        Budget(
            incomes=[Decimal("8000")],
            essential_costs={CostCategory.HOUSING: Decimal("2000"), CostCategory.FOOD: 3000},
        ),
    )
    card = services.debts.add(
        store,
        actor,
        DebtAccount(
            client_id=client.id,
            contract_number=CONTRACT_NUMBER,
            debt=Debt(
                creditor="招商银行信用卡",
                lender_type=LenderType.BANK_CREDIT_CARD,
                outstanding_principal=Decimal("12000"),
                accrued_interest_and_penalties=Decimal("1200"),
                remaining_months=12,
            ),
        ),
    )
    loan = services.debts.add(
        store,
        actor,
        DebtAccount(
            client_id=client.id,
            contract_number="XF-2025-889900",
            debt=Debt(
                creditor="某消费金融",
                lender_type=LenderType.CONSUMER_FINANCE,
                outstanding_principal=Decimal("6000"),
                remaining_months=12,
            ),
        ),
    )
    for i in range(extra_debts):
        services.debts.add(
            store,
            actor,
            DebtAccount(
                client_id=client.id,
                contract_number=f"NO{i:04d}77665544",
                debt=Debt(
                    creditor=f"网贷平台{i + 1}",
                    lender_type=LenderType.ONLINE_PLATFORM,
                    outstanding_principal=Decimal(2000 + 500 * i),
                    accrued_interest_and_penalties=Decimal(100 + 10 * i),
                    rate_quote=Decimal("0.18"),
                    remaining_months=6 + (i * 7) % 30,
                ),
            ),
        )
    services.proposals.save(
        store,
        actor,
        SavedProposal(
            client_id=client.id,
            debt_id=card.id,
            proposal=StopInterest(months=24, waiver_share=Decimal("0.5")),
            title="停息挂账 24 期",
        ),
    )
    services.proposals.save(
        store,
        actor,
        SavedProposal(
            client_id=client.id,
            debt_id=loan.id,
            proposal=TermExtension(months=20),
            title="延期至 20 期",
            status=ProposalStatus.AGREED,
            agreed_on=AGREED_ON,
        ),
    )
    lenders = (("招商银行信用卡", card.id), ("某消费金融", loan.id))
    outcomes = list(Outcome)
    for i in range(calls):
        lender, debt_id = lenders[i % 2]
        services.calls.log_one(
            store,
            actor,
            Call(
                client_id=client.id,
                debt_id=debt_id,
                at=FIRST_CALL + timedelta(days=i // 4, hours=i % 4),
                channel=Channel.PHONE,
                lender=lender,
                agent_id=AGENT_ID,
                summary=f"第{i + 1}次沟通：{NAME}（手机 {MOBILE}，身份证 {ID_NUMBER}）说明失业。",
                lender_promised="三个工作日内回复",
                outcome=outcomes[i % len(outcomes)],
                next_action="回电确认",
                next_action_on=(FIRST_CALL + timedelta(days=i // 4 + 3)).date(),
            ),
        )
    return client.id


# --- the guide's case ------------------------------------------------------------------------

GUIDE_NAME = "张明"
GUIDE_MOBILE = "13912345678"
GUIDE_ID_NUMBER = "110101199003071233"
GUIDE_CONTRACT = "LFQ2025031500123"
GUIDE_AGENT = "FD2035"
#: The client's wife, named on the record as a contact (a third person: masked like the client).
GUIDE_CONTACT = "李秀英"
#: A landline the collectors called, quoted in the call's promises.
GUIDE_LANDLINE = "0571-8765 4321"
GUIDE_AS_OF = date(2026, 11, 30)
GUIDE_CALL = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
#: The counselor's own words: none of them may reach the client's copy.
GUIDE_INTERNAL = (
    "延期24期（首选）",  # the saved proposal's title (the save form's free-text note)
    "内部方案A",  # the proposal's own label
    "客户可能隐瞒兼职收入",  # the client's notes
    "催收态度强硬，先别提减免",  # the debt's notes
    "回电核实短信是否已发",  # the call's next action: the counselor's own task
)


def seed_guide_case(store, *, actor: Actor = LOCAL_USER) -> int:
    """Save the guide's case and return the client's id.

    - 张明 (mobile, ID number, consent), budget: income 4,000 − essential costs 3,200 → capacity
      800.00 a month;
    - 来分期: principal 12,000 at 18 % a year, 12 months left, 900 of it overdue for 30 days,
      1,500 of interest and penalties accrued, penalty rate 27 %, next due on 15 Dec 2026. The
      contract asks 3,437.90 this month (arrears included) and 1,017.65 a month as usual;
    - a 24-month extension agreed on :data:`GUIDE_AS_OF` (661.59 a month from 15 Dec 2026, the
      contract's due day), saved with the internal title "延期24期（首选）";
    - one call with agent FD2035, whose summary and promises quote the agent, the client's
      mobile, ID and contract numbers, the client's wife 李秀英 (a contact on the record) and
      her work landline.
    """
    internal_title, label, client_notes, debt_notes, next_action = GUIDE_INTERNAL
    consent = Consent(
        given_on=GUIDE_AS_OF,
        scopes={ConsentScope.STORE_PERSONAL_DATA, ConsentScope.CONTACT_LENDERS},
    )
    client = services.clients.create(
        store,
        actor,
        Client(
            name=GUIDE_NAME,
            mobile=GUIDE_MOBILE,
            id_number=GUIDE_ID_NUMBER,
            notes=client_notes,
            consent=consent,
            contacts=(ClientContact(name=GUIDE_CONTACT, relation=Relation.SPOUSE),),
        ),
    )
    services.budgets.save_version(
        store,
        actor,
        client.id,
        GUIDE_AS_OF,
        Budget(
            incomes=[Decimal("4000")],
            essential_costs={CostCategory.HOUSING: Decimal("1200"), CostCategory.FOOD: 2000},
        ),
    )
    account = services.debts.add(
        store,
        actor,
        DebtAccount(
            client_id=client.id,
            contract_number=GUIDE_CONTRACT,
            notes=debt_notes,
            debt=Debt(
                creditor="来分期",
                lender_type=LenderType.ONLINE_PLATFORM,
                outstanding_principal=Decimal("12000"),
                overdue_amount=Decimal("900"),
                days_overdue=30,
                accrued_interest_and_penalties=Decimal("1500"),
                penalty_rate=Decimal("0.27"),
                rate_quote=Decimal("0.18"),
                remaining_months=12,
                next_due_date=date(2026, 12, 15),
            ),
        ),
    )
    # Agreed as the Proposals page records it: the plan worked out on the day, its payments
    # moved onto the contract's due day (the 15th).
    extension = TermExtension(months=24, label=label)
    worked = evaluate_proposal(account.debt, extension, Decimal("800"), GUIDE_AS_OF).plan
    first_due = first_due_date(account.debt, GUIDE_AS_OF)
    services.proposals.save(
        store,
        actor,
        SavedProposal(
            client_id=client.id,
            debt_id=account.id,
            proposal=extension,
            title=internal_title,
            status=ProposalStatus.AGREED,
            agreed_on=GUIDE_AS_OF,
            plan=plan_starting_on(extension, worked, GUIDE_AS_OF, first_due),
        ),
        now=datetime.combine(GUIDE_AS_OF, datetime.min.time(), tzinfo=UTC),
    )
    services.calls.log_one(
        store,
        actor,
        Call(
            client_id=client.id,
            debt_id=account.id,
            at=GUIDE_CALL,
            channel=Channel.PHONE,
            lender="来分期",
            agent_id=GUIDE_AGENT,
            summary=(
                f"客服{GUIDE_AGENT}同意延期24期，每月¥661.59；合同{GUIDE_CONTRACT}，"
                f"{GUIDE_NAME}本人手机{GUIDE_MOBILE}，身份证{GUIDE_ID_NUMBER}。"
            ),
            lender_promised=(
                f"工号 {GUIDE_AGENT} 承诺不再联系其配偶{GUIDE_CONTACT}（单位电话 "
                f"{GUIDE_LANDLINE}），3个工作日内短信确认，停止催收。"
            ),
            client_promised="每月15日前还款¥661.59。",
            outcome=Outcome.AGREED,
            next_action=next_action,
            next_action_on=date(2026, 12, 3),
        ),
    )
    return client.id
