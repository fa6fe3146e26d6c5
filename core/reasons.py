"""Why the engine concluded what it did, as codes with parameters, worded on request.

The engine never returns prose in a fixed language. Every explanation is a
:class:`Reason` — a stable ``code`` and its ``params`` (amounts, ratios, months) — and
:func:`describe` words it in ``"zh-CN"`` or ``"en"`` from :data:`TEMPLATES`, in the one text
shape of the product, ``{"reason.<code>": {language: text}}``: every entry has every language
with the same placeholders (a test checks it), and the text catalogue (:mod:`i18n`) merges the
table, so a code is worded in one place.

Formatting in :func:`describe`, by :mod:`core.text` like every figure shown: parameters named
in :data:`PERCENT_PARAMS` are fractions shown as percentages with two decimals (0.125 →
12.50%); other ``Decimal`` parameters are money, with the yuan sign, to the fen, with thousands
separators (1234.5 → ¥1,234.50), since a reason may be read out or shown to the client; the
rest as they are.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from core.text import LANGUAGES, check_language, format_money, format_percent

__all__ = ["LANGUAGES", "PERCENT_PARAMS", "TEMPLATES", "Reason", "describe", "format_param"]

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
    "reason.demand_above_capacity": {
        "zh-CN": "本月合同应还 {demand}，超出每月可还款额 {capacity}，缺口 {shortfall}。",
        "en": (
            "This month the contracts demand {demand}, above the {capacity} available a month: "
            "{shortfall} short."
        ),
    },
    "reason.little_headroom": {
        "zh-CN": "本月合同应还 {demand}，接近每月可还款额 {capacity}，仅余 {spare}。",
        "en": (
            "This month the contracts demand {demand}, close to the {capacity} available a "
            "month: only {spare} to spare."
        ),
    },
    "reason.dsr_above": {
        "zh-CN": "月还款占净收入的 {ratio}，高于 {limit} 的警戒线。",
        "en": "Debt payments take {ratio} of net income, above the {limit} warning line.",
    },
    "reason.within_capacity": {
        "zh-CN": "本月合同应还 {demand}，在每月可还款额 {capacity} 以内。",
        "en": (
            "This month the contracts demand {demand}, within the {capacity} available a month."
        ),
    },
    "reason.payment_fits": {
        "zh-CN": "最高一期还款 {payment}，在可还款额 {capacity} 以内，尚余 {margin}。",
        "en": "The highest payment, {payment}, fits the {capacity} available, leaving {margin}.",
    },
    "reason.payment_above_capacity": {
        "zh-CN": "最高一期还款 {payment}，超出可还款额 {limit_amount}，差 {gap}。",
        "en": "The highest payment, {payment}, is above the {limit_amount} available by {gap}.",
    },
    "reason.card_installment_limit": {
        "zh-CN": "信用卡个性化分期一般最长 {limit_months} 期，本方案为 {months} 期。",
        "en": (
            "Card issuers' personalised installments usually run at most {limit_months} months; "
            "this plan runs {months}."
        ),
    },
    "reason.case_by_case_term": {
        "zh-CN": "停息挂账的期数由该机构个案审批，{months} 期需与对方确认。",
        "en": (
            "This lender decides the term of a stop-interest plan case by case; confirm "
            "{months} months with it."
        ),
    },
    "reason.saves_against_baseline": {
        "zh-CN": "与按原合同还款相比，少还 {saving}。",
        "en": "Saves {saving} against the contract as it stands.",
    },
    "reason.costs_more_than_baseline": {
        "zh-CN": "与按原合同还款相比，多还 {extra}。",
        "en": "Costs {extra} more than the contract as it stands.",
    },
    "reason.cheapest_affordable": {
        "zh-CN": "在还得起的方案中，总还款额最低（{total}）。",
        "en": "The lowest total repaid ({total}) among the plans that fit the budget.",
    },
    "reason.cheapest_affordable_if_agreed": {
        "zh-CN": "如果机构同意，这是还得起的方案中总还款额最低的（{total}）。",
        "en": "If the lender agrees, the lowest total repaid ({total}) among the plans that fit "
        "the budget.",
    },
    "reason.none_affordable_minimum_plan": {
        "zh-CN": "所列方案都超出可还款额；最低还款方案分 {months} 期、每期最多 {payment}，"
        "是唯一还得起的。",
        "en": "None of the listed plans fits the budget; the minimum plan, {months} months at "
        "no more than {payment}, is the only one that does.",
    },
    "reason.repays_less_than_owed": {
        "zh-CN": "比现在所欠少还 {waived}（占所欠的 {share}），需要机构同意减免。",
        "en": "Repays {waived} less than is owed today ({share} of it): the lender must agree "
        "to waive it.",
    },
    "reason.nothing_fits": {
        "zh-CN": "即使分 {months} 期，每期也需 {payment}，超出可还款额 {capacity}。",
        "en": (
            "Even over {months} months each payment would be {payment}, above the {capacity} "
            "available."
        ),
    },
    "reason.no_proposals": {
        "zh-CN": "没有可比较的方案。",
        "en": "There are no plans to compare.",
    },
    "reason.shortest_term_fits": {
        "zh-CN": "最短 {months} 期可在可还款额内还清，每期 {payment}。",
        "en": "{months} months is the shortest term that fits the budget, at {payment} a month.",
    },
    "reason.needs_capacity": {
        "zh-CN": "最长 {months} 期时每期需 {payment}，需要每月可还款额至少 {needed}。",
        "en": (
            "Over the longest term, {months} months, each payment is {payment}: at least "
            "{needed} a month is needed."
        ),
    },
    "reason.minimums_covered": {
        "zh-CN": "可还款额足以支付各笔最低还款，余下 {surplus} 按所选策略分配。",
        "en": (
            "The budget covers every minimum payment; the remaining {surplus} goes by the "
            "chosen strategy."
        ),
    },
    "reason.minimums_not_covered": {
        "zh-CN": "可还款额不足以支付各笔最低还款（合计 {minimums}），按未还余额比例分配。",
        "en": (
            "The budget is below the minimum payments ({minimums}); it is split in proportion "
            "to what is owed."
        ),
    },
    "reason.capacity_exceeds_debts": {
        "zh-CN": "可还款额超出全部欠款，{unallocated} 未分配。",
        "en": "The budget is more than all the debts: {unallocated} is left unallocated.",
    },
}


def format_param(name: str, value: Decimal | int | str) -> str:
    """One parameter as :func:`describe` shows it (see the module docstring)."""
    if isinstance(value, Decimal):
        return format_percent(value) if name in PERCENT_PARAMS else format_money(value)
    return str(value)


def describe(reason: Reason, language: str = "zh-CN") -> str:
    """The reason worded in ``language`` ("zh-CN" or "en")."""
    template = TEMPLATES[f"reason.{reason.code}"][check_language(language)]
    return template.format(**{k: format_param(k, v) for k, v in reason.params.items()})
