"""Why the engine concluded what it did, as codes with parameters, worded on request.

The engine never returns prose in a fixed language. Every explanation is a
:class:`Reason` — a stable ``code`` and its ``params`` (amounts, ratios, months) — and
:func:`describe` words it in ``"zh-CN"`` or ``"en"`` from the tables below. Both tables have
the same codes and the same placeholders (a test checks it), so the UI may also translate a
code itself.

Formatting in :func:`describe`: parameters named in :data:`PERCENT_PARAMS` are fractions shown
as percentages with two decimals (0.125 → 12.50%); other ``Decimal`` parameters are money,
shown to the fen with thousands separators (1234.5 → 1,234.50); the rest as they are.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from core.money import round_fen

LANGUAGES = ("zh-CN", "en")
PERCENT_PARAMS = frozenset({"ratio", "limit", "rate", "line", "share"})


class Reason(BaseModel):
    """A stable code and the figures that explain it."""

    model_config = ConfigDict(frozen=True)

    code: str
    params: dict[str, Decimal | int | str] = Field(default_factory=dict)

    @classmethod
    def of(cls, code: str, **params: Any) -> Reason:
        return cls(code=code, params=params)


TEMPLATES: dict[str, dict[str, str]] = {
    "zh-CN": {
        # affordability
        "demand_above_capacity": (
            "本月合同应还 {demand} 元，超出每月可还款额 {capacity} 元，缺口 {shortfall} 元。"
        ),
        "little_headroom": (
            "本月合同应还 {demand} 元，接近每月可还款额 {capacity} 元，仅余 {spare} 元。"
        ),
        "dsr_above": "月还款占净收入的 {ratio}，高于 {limit} 的警戒线。",
        "within_capacity": "本月合同应还 {demand} 元，在每月可还款额 {capacity} 元以内。",
        # proposals
        "payment_fits": (
            "最高一期还款 {payment} 元，在可还款额 {capacity} 元以内，尚余 {margin} 元。"
        ),
        "payment_above_capacity": (
            "最高一期还款 {payment} 元，超出可还款额 {limit_amount} 元，差 {gap} 元。"
        ),
        "card_installment_limit": (
            "信用卡个性化分期一般最长 {limit_months} 期，本方案为 {months} 期。"
        ),
        "case_by_case_term": "停息挂账的期数由该机构个案审批，{months} 期需与对方确认。",
        "saves_against_baseline": "与按原合同还款相比，少还 {saving} 元。",
        "costs_more_than_baseline": "与按原合同还款相比，多还 {extra} 元。",
        # recommendation
        "cheapest_affordable": "在还得起的方案中，总还款额最低（{total} 元）。",
        "none_affordable_minimum_plan": (
            "没有方案在可还款额以内；最低还款方案为 {months} 期，每期约 {payment} 元。"
        ),
        "nothing_fits": "即使分 {months} 期，每期也需 {payment} 元，超出可还款额 {capacity} 元。",
        "no_proposals": "没有可比较的方案。",
        # minimum plan
        "shortest_term_fits": "最短 {months} 期可在可还款额内还清，每期 {payment} 元。",
        "needs_capacity": (
            "最长 {months} 期时每期需 {payment} 元，需要每月可还款额至少 {needed} 元。"
        ),
        # allocation and payoff
        "minimums_covered": "可还款额足以支付各笔最低还款，余下 {surplus} 元按所选策略分配。",
        "minimums_not_covered": (
            "可还款额不足以支付各笔最低还款（合计 {minimums} 元），按未还余额比例分配。"
        ),
        "capacity_exceeds_debts": "可还款额超出全部欠款，{unallocated} 元未分配。",
    },
    "en": {
        "demand_above_capacity": (
            "This month the contracts demand {demand}, above the {capacity} available a month:"
            " {shortfall} short."
        ),
        "little_headroom": (
            "This month the contracts demand {demand}, close to the {capacity} available a month:"
            " only {spare} to spare."
        ),
        "dsr_above": "Debt payments take {ratio} of net income, above the {limit} warning line.",
        "within_capacity": (
            "This month the contracts demand {demand}, within the {capacity} available a month."
        ),
        "payment_fits": (
            "The highest payment, {payment}, fits the {capacity} available, leaving {margin}."
        ),
        "payment_above_capacity": (
            "The highest payment, {payment}, is above the {limit_amount} available by {gap}."
        ),
        "card_installment_limit": (
            "Card issuers' personalised installments usually run at most {limit_months} "
            "months; this"
            " plan runs {months}."
        ),
        "case_by_case_term": (
            "This lender decides the term of a stop-interest plan case by case; confirm {months}"
            " months with it."
        ),
        "saves_against_baseline": "Saves {saving} against the contract as it stands.",
        "costs_more_than_baseline": "Costs {extra} more than the contract as it stands.",
        "cheapest_affordable": (
            "The lowest total repaid ({total}) among the plans that fit the budget."
        ),
        "none_affordable_minimum_plan": (
            "No plan fits the budget; the minimum plan is {months} months at about {payment}."
        ),
        "nothing_fits": (
            "Even over {months} months each payment would be {payment}, above the {capacity}"
            " available."
        ),
        "no_proposals": "There are no plans to compare.",
        "shortest_term_fits": (
            "{months} months is the shortest term that fits the budget, at {payment} a month."
        ),
        "needs_capacity": (
            "Over the longest term, {months} months, each payment is {payment}: at least {needed} a"
            " month is needed."
        ),
        "minimums_covered": (
            "The budget covers every minimum payment; the remaining {surplus} goes by the chosen"
            " strategy."
        ),
        "minimums_not_covered": (
            "The budget is below the minimum payments ({minimums}); it is split in proportion to"
            " what is owed."
        ),
        "capacity_exceeds_debts": (
            "The budget is more than all the debts: {unallocated} is left unallocated."
        ),
    },
}


def format_param(name: str, value: Decimal | int | str) -> str:
    """One parameter as :func:`describe` shows it (see the module docstring)."""
    if isinstance(value, Decimal):
        if name in PERCENT_PARAMS:
            return f"{round_fen(value * 100):,}%"
        return f"{round_fen(value):,}"
    return str(value)


def describe(reason: Reason, language: str = "zh-CN") -> str:
    """The reason worded in ``language`` ("zh-CN" or "en")."""
    if language not in TEMPLATES:
        raise ValueError(f"language: expected one of {LANGUAGES}, got {language!r}")
    template = TEMPLATES[language][reason.code]
    return template.format(**{k: format_param(k, v) for k, v in reason.params.items()})
