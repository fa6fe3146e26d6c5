"""The planning engine at the sizes a counselor's client list reaches.

- ``compare_proposals``: 10 debts, each with 8 proposals (every kind) running up to 60 months,
  as the proposals page compares them (capacity tight enough that some proposals fail and
  the minimum plan is searched for).
- ``payoff_plan``: 30 debts paid off from one budget, for each strategy.
- the Proposals page's core work when the term slider moves to a term not seen before: the
  client's 10 debts rebuilt from their JSON (as the page reads them from the store), the
  capacity shared between them, each proposal planned (the page's check) and the comparison
  with the minimum plan; the terms 25 to 60 one after the other, the median of them.

The engine keeps what it computed by value (``core.memo``); the first two cases empty those
caches before every run, so they time the computation itself.

``run()`` returns the rows; printing them gives a Markdown table. Importing this module
does nothing else.
"""

from __future__ import annotations

import statistics
import time
from datetime import date
from decimal import Decimal

from benchmarks.common import best_time, fmt_time, table
from core.allocation import Strategy, allocate_capacity, payoff_plan
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
    proposal_plan,
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


def cold() -> None:
    """Empty the engine's value caches (there were none before issue 19)."""
    try:
        from core.memo import clear_caches
    except ImportError:
        return
    clear_caches()


def compare_all(cases: list[tuple[Debt, list]]) -> None:
    cold()
    for debt, proposals in cases:
        compare_proposals(debt, proposals, "300", AS_OF)


def page_rerun(debt_json: list[str], months: int) -> None:
    """What the Proposals page asks of the engine when the term moves to ``months``."""
    debts = [Debt.model_validate_json(text) for text in debt_json]
    debt = debts[0]
    share = allocate_capacity(debts, "5000").shares[0].amount
    settle = (debt.opening_balance * Decimal("0.6")).quantize(Decimal("1"))
    proposals = [
        TermExtension(months=months),
        InterestWaiver(waiver_share="0.5"),
        LumpSumSettlement(parts=[{"amount": settle, "due_date": date(2026, 4, 15)}]),
    ]
    for proposal in proposals:
        proposal_plan(debt, proposal, AS_OF)
    compare_proposals(debt, [Baseline(), *proposals], share, AS_OF)


def new_terms(rounds: int = 3) -> float:
    """The median time of a page rerun with a new term (25 … 60, after 24), ``rounds`` times."""
    debt_json = [debt.model_dump_json() for debt in sample_debts(10)]
    times = []
    for _ in range(rounds):
        cold()
        page_rerun(debt_json, 24)
        for months in range(25, 61):
            started = time.perf_counter()
            page_rerun(debt_json, months)
            times.append(time.perf_counter() - started)
    return statistics.median(times)


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

        def payoff(s=strategy):
            cold()
            payoff_plan(payoff_debts, budget, s, AS_OF)

        seconds = best_time(payoff, budget=1.0, repeat=3)
        rows.append(
            {
                "case": f"payoff_plan ({strategy.value})",
                "size": f"30 debts, {plan.month_count} months",
                "time": fmt_time(seconds),
                "per item": f"{fmt_time(seconds / plan.month_count)} / month",
            }
        )
    seconds = new_terms()
    rows.append(
        {
            "case": "Proposals page, new term (engine only)",
            "size": "10 debts rebuilt, shared, 3 proposals + contract + minimum plan",
            "time": fmt_time(seconds),
            "per item": "median of terms 25 … 60",
        }
    )
    return rows
