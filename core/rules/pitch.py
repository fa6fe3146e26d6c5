"""The ready-to-say sentence: the client's situation and the saved proposal, in a few lines.

:func:`pitch` words what a client says when putting a proposal to a lender, with exact figures:

1. **The situation**: the monthly income (when known) and what the client can put towards
   *this* debt each month (its share of the capacity, never the household's whole capacity:
   a lender told the whole amount asks for all of it).
2. **What is asked**: the remaining balance (principal + accrued interest and penalties) and
   the proposal's own term and payment — ``N`` installments of ``P`` (or "never more than
   ``P``" when the payments differ), a down payment first, or a settlement's total and parts.
3. **What else is asked**: stopping interest (停息挂账), principal first, the share of accrued
   interest waived, a lower rate.

Example (the seed's case): income ¥4,000.00, ¥800.00 for this debt, ¥12,000.00 left, 24
months at ¥500.00 → "我目前每月收入¥4,000.00，除去基本生活开支，每月能拿出¥800.00还这笔欠款。
希望将剩余的¥12,000.00分24期偿还，每期¥500.00。"

Both languages of every template have the same placeholders (a test checks it).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from core.debts import Debt
from core.proposals import (
    DownPayment,
    LumpSumSettlement,
    PrincipalFirst,
    ProposalResult,
    StopInterest,
)
from core.rules.script import asked_concessions, is_level, settlement_parts
from core.rules.templates import render_from
from core.text import check_language, format_money

TEMPLATES: dict[str, dict[str, str]] = {
    "pitch.situation": {
        "zh-CN": "我目前每月收入{income}，除去基本生活开支，每月能拿出{can_pay}还这笔欠款。",
        "en": "My income is {income} a month; after essential living costs I can put "
        "{can_pay} a month towards this debt.",
    },
    "pitch.situation_without_income": {
        "zh-CN": "除去基本生活开支，我每月能拿出{can_pay}还这笔欠款。",
        "en": "After essential living costs I can put {can_pay} a month towards this debt.",
    },
    "pitch.stop_interest": {
        "zh-CN": "我想申请停息挂账，之后不再计息。",
        "en": "I am asking for the account to be frozen, with no further interest.",
    },
    "pitch.principal_first": {
        "zh-CN": "我想申请先还本金，再还剩下的利息和费用。",
        "en": "I am asking to repay the principal first and the interest and charges after it.",
    },
    "pitch.ask.level": {
        "zh-CN": "希望将剩余的{balance}分{months}期偿还，每期{payment}。",
        "en": "I would like to repay the remaining {balance} in {months} monthly installments "
        "of {payment}.",
    },
    "pitch.ask.uneven": {
        "zh-CN": "希望将剩余的{balance}分{months}期偿还，每期不超过{payment}。",
        "en": "I would like to repay the remaining {balance} in {months} monthly installments, "
        "none above {payment}.",
    },
    "pitch.ask.down_payment": {
        "zh-CN": "剩余欠款{balance}，希望先还{down}，其余分{months}期偿还，每期{payment}。",
        "en": "Of the remaining {balance}, I would like to pay {down} now and the rest in "
        "{months} monthly installments of {payment}.",
    },
    "pitch.ask.down_payment_uneven": {
        "zh-CN": "剩余欠款{balance}，希望先还{down}，其余分{months}期偿还，每期不超过{payment}。",
        "en": "Of the remaining {balance}, I would like to pay {down} now and the rest in "
        "{months} monthly installments, none above {payment}.",
    },
    "pitch.ask.settlement": {
        "zh-CN": "剩余欠款{balance}，希望一共还{total}结清：{parts}。",
        "en": "Of the remaining {balance}, I would like to settle in full with {total}: {parts}.",
    },
    "pitch.waiver": {
        "zh-CN": "同时请求减免{share}的利息和罚息，共{waived}。",
        "en": "I also ask you to waive {share} of the interest and penalties, {waived} in all.",
    },
    "pitch.lower_rate": {
        "zh-CN": "今后的利率希望调整为年化{rate}。",
        "en": "From now on I ask for a rate of {rate} a year.",
    },
}


def _render(code: str, language: str, **params: Any) -> str:
    return render_from(TEMPLATES, code, language, **params)


def _sentences(lines: list[str], language: str) -> str:
    return "".join(lines) if language == "zh-CN" else " ".join(lines)


def asked_term(result: ProposalResult) -> tuple[int, Decimal, bool]:
    """``(installments, payment, level)`` of the monthly part of a plan (a payment on the
    plan's own date, i.e. a down payment, is not an installment).

    ``level`` when every installment equals the first, the last allowed to be smaller (it
    takes up the rounding); ``payment`` is the first installment when level, else the highest.
    """
    payments = [paid for period, paid in result.plan.payments_by_period if period > 0]
    if not payments:
        return 0, result.first_payment, True
    level = is_level(payments)
    return len(payments), payments[0] if level else max(payments), level


def pitch(
    debt: Debt,
    result: ProposalResult,
    language: str = "zh-CN",
    *,
    can_pay: Decimal,
    monthly_income: Decimal | None = None,
) -> str:
    """The sentence to say when putting ``result`` (an evaluated proposal) to ``debt``'s lender.

    ``can_pay`` is what the client can put towards this debt each month (its allocated share);
    ``result.capacity`` is never quoted. See the module docstring for the parts.
    """
    check_language(language)
    if monthly_income is not None and monthly_income > 0:
        lines = [
            _render(
                "pitch.situation",
                language,
                income=format_money(monthly_income),
                can_pay=format_money(can_pay),
            )
        ]
    else:
        lines = [_render("pitch.situation_without_income", language, can_pay=format_money(can_pay))]
    proposal = result.proposal
    balance = format_money(debt.opening_balance)
    if isinstance(proposal, StopInterest):
        lines.append(_render("pitch.stop_interest", language))
    if isinstance(proposal, PrincipalFirst):
        lines.append(_render("pitch.principal_first", language))
    if isinstance(proposal, LumpSumSettlement):
        lines.append(
            _render(
                "pitch.ask.settlement",
                language,
                balance=balance,
                total=format_money(proposal.total),
                parts=settlement_parts(proposal, language),
            )
        )
        return _sentences(lines, language)
    months, payment, level = asked_term(result)
    if isinstance(proposal, DownPayment):
        code = "pitch.ask.down_payment" if level else "pitch.ask.down_payment_uneven"
        lines.append(
            _render(
                code,
                language,
                balance=balance,
                down=format_money(proposal.amount),
                months=str(months),
                payment=format_money(payment),
            )
        )
    else:
        code = "pitch.ask.level" if level else "pitch.ask.uneven"
        lines.append(
            _render(
                code, language, balance=balance, months=str(months), payment=format_money(payment)
            )
        )
    lines += [
        _render(f"pitch.{code}", language, **params) for code, params in asked_concessions(result)
    ]
    return _sentences(lines, language)
