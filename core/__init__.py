"""RepayTalk's engine: pure calculations and rules, no UI, storage, files or clock.

Conventions used throughout:

- Money is ``Decimal`` (built from ``str``, never from a float's binary value) and is rounded
  to the fen, ROUND_HALF_UP, only where money is paid (each installment). Rates are
  ``Decimal`` fractions: ``Decimal("0.049")`` is 4.9 %.
- Cash-flow sign convention, the only one: seen from the borrower, money received is
  positive and money paid is negative. ``[12000, -1072, -1072, ...]`` is a loan of 12,000
  repaid in installments of 1,072. Rate functions accept the mirror image too.
- Inputs and results are frozen pydantic models; bad input raises a ``ValueError`` that
  names the field (pydantic's ``ValidationError`` or a :class:`core.errors.CoreError`).
- The date or time of a calculation is always a parameter (``as_of``, ``now``).
- Figures are written for display by :mod:`core.text` alone (``¥1,234.50``, ``13.03%``,
  ``2026年11月25日`` / ``25 Nov 2026``). The call rules live in :mod:`core.rules` and are
  imported from there.
"""

from core.affordability import (
    Affordability,
    AffordabilityStatus,
    Budget,
    CostCategory,
    IncomeItem,
    assess_affordability,
    living_floor_for,
)
from core.allocation import (
    Allocation,
    BudgetTooLowError,
    PayoffPlan,
    Strategy,
    allocate_capacity,
    payoff_plan,
)
from core.calls import (
    Call,
    Channel,
    DebtAccount,
    Direction,
    DocumentChecklist,
    FollowUpTask,
    Outcome,
    Payment,
    TaskKind,
)
from core.clients import Client, Consent, ConsentScope, MaskKind, mask
from core.debts import Debt, LenderType, baseline_plan
from core.errors import (
    CoreError,
    InvalidAmountError,
    InvalidRateError,
    InvalidTermError,
    NoRateError,
    NotAnInterestRateError,
)
from core.examples import ExampleCase, example_case
from core.money import money_total, round_fen, to_decimal, to_money, to_rate
from core.plans import Plan, PlanRow
from core.proposals import (
    Comparison,
    MinimumPlan,
    Proposal,
    ProposalKind,
    ProposalResult,
    compare_proposals,
    evaluate_proposal,
    minimum_payment_plan,
    parse_proposal,
)
from core.rates import QuoteKind, annual_rate_from, annualized_rate, effective_annual_rate
from core.schedules import (
    Installment,
    LoanTerms,
    Method,
    Schedule,
    add_months,
    amortization_schedule,
)
from core.text import format_date, format_money, format_percent

__all__ = [
    "Affordability",
    "AffordabilityStatus",
    "Allocation",
    "Budget",
    "BudgetTooLowError",
    "Call",
    "Channel",
    "Client",
    "Comparison",
    "Consent",
    "ConsentScope",
    "CoreError",
    "CostCategory",
    "Debt",
    "DebtAccount",
    "Direction",
    "DocumentChecklist",
    "ExampleCase",
    "FollowUpTask",
    "IncomeItem",
    "Installment",
    "InvalidAmountError",
    "InvalidRateError",
    "InvalidTermError",
    "LenderType",
    "LoanTerms",
    "MaskKind",
    "Method",
    "MinimumPlan",
    "NoRateError",
    "NotAnInterestRateError",
    "Outcome",
    "Payment",
    "PayoffPlan",
    "Plan",
    "PlanRow",
    "Proposal",
    "ProposalKind",
    "ProposalResult",
    "QuoteKind",
    "Schedule",
    "Strategy",
    "TaskKind",
    "add_months",
    "allocate_capacity",
    "amortization_schedule",
    "annual_rate_from",
    "annualized_rate",
    "assess_affordability",
    "baseline_plan",
    "compare_proposals",
    "effective_annual_rate",
    "evaluate_proposal",
    "example_case",
    "format_date",
    "format_money",
    "format_percent",
    "living_floor_for",
    "mask",
    "minimum_payment_plan",
    "money_total",
    "parse_proposal",
    "payoff_plan",
    "round_fen",
    "to_decimal",
    "to_money",
    "to_rate",
]
