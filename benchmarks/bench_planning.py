"""The planning engine at the sizes a counselor's client list reaches.

- ``compare_proposals``: 10 debts, each with 8 proposals (every kind) running up to 60 months,
  as the proposals page compares them (capacity tight enough that some proposals fail and
  the minimum plan is searched for).
- ``payoff_plan``: 30 debts paid off from one budget, for each strategy.

``run()`` returns the rows; printing them gives a Markdown table. Importing this module
does nothing else.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from benchmarks.common import best_time, fmt_time, table
from core.allocation import Strategy, payoff_plan
from core.debts import Debt, LenderType
from core.proposals import (
    Baseline,
    Combination,
    DownPayment,
    InterestWaiver,
    LumpSumSettlement,
    PrincipalFirst,
    StopInterest,
    TermExtension,
    compare_proposals,
)

AS_OF = date(2026, 3, 15)
HEADERS = ["case", "size", "time", "per item"]


class Rows(list):
    """The benchmark's rows; ``str()`` is the Markdown table."""

    def __str__(self) -> str:
        return table(HEADERS, [[row[h] for h in HEADERS] for row in self])


def sample_debts(count: int) -> list[Debt]:
    lenders = list(LenderType)
    return [
        Debt(
            creditor=f"lender {i}",
            lender_type=lenders[i % len(lenders)],
            outstanding_principal=Decimal(3000 + 1700 * i),
            overdue_amount=Decimal(500 * (i % 3)),
            accrued_interest_and_penalties=Decimal(120 + 35 * i),
            penalty_rate=Decimal("0.27"),
            rate_quote=Decimal("0.08") + Decimal(i % 7) / 50,
            remaining_months=12 + (i * 5) % 48,
            other_monthly_charges=Decimal(i % 4) * 10,
        )
        for i in range(count)
    ]


def sample_proposals(debt: Debt) -> list:
    half = (debt.opening_balance / 2).quantize(Decimal("0.01"))
    return [
        Baseline(),
        TermExtension(months=60),
        InterestWaiver(waiver_share="0.6", annual_rate="0.06"),
        StopInterest(months=60, monthly_fee_rate="0.002"),
        PrincipalFirst(months=60, waiver_share="0.6", interest_months=3),
        DownPayment(amount="1000", months=60),
        LumpSumSettlement(
            parts=[
                {"amount": half / 2, "due_date": date(2026, 4, 15)},
                {"amount": half / 2, "due_date": date(2026, 6, 15)},
            ]
        ),
        Combination(months=60, waiver_share="0.3", annual_rate="0.05"),
    ]


def compare_all(cases: list[tuple[Debt, list]]) -> None:
    for debt, proposals in cases:
        compare_proposals(debt, proposals, "300", AS_OF)


def run() -> Rows:
    debts = sample_debts(10)
    cases = [(debt, sample_proposals(debt)) for debt in debts]
    seconds = best_time(lambda: compare_all(cases), budget=1.0, repeat=3)
    rows = Rows(
        [
            {
                "case": "compare_proposals",
                "size": "10 debts × 8 proposals × 60 months",
                "time": fmt_time(seconds),
                "per item": f"{fmt_time(seconds / 80)} / proposal",
            }
        ]
    )
    payoff_debts = sample_debts(30)
    budget = sum(d.regular_payment for d in payoff_debts) * Decimal("0.8")
    for strategy in Strategy:
        plan = payoff_plan(payoff_debts, budget, strategy, AS_OF)
        seconds = best_time(
            lambda s=strategy: payoff_plan(payoff_debts, budget, s, AS_OF), budget=1.0, repeat=3
        )
        rows.append(
            {
                "case": f"payoff_plan ({strategy.value})",
                "size": f"30 debts, {plan.month_count} months",
                "time": fmt_time(seconds),
                "per item": f"{fmt_time(seconds / plan.month_count)} / month",
            }
        )
    return rows
