"""The ready-to-say sentence: the client's situation and the saved proposal, in a few lines.

:func:`pitch` words what a client says when putting a proposal to a lender, with exact figures
said the way a person says money ("12,000元" / "12,000 yuan",
:func:`core.text.format_spoken_money`):

1. **The situation**: the monthly income (when known) and what the client can put towards
   *this* debt each month (its share of the capacity, never the household's whole capacity:
   a lender told the whole amount asks for all of it).
2. **What is owed**: the principal and, apart from it, the overdue interest and penalties
   ("剩余本金12,000元，另有逾期息费1,500元，合计13,500元") — never one lump that concedes the
   arrears the client came to negotiate.
3. **What else is asked**: stopping interest (停息挂账), principal first, a lower rate, and —
   whenever the plan waives arrears — the waiver, explicitly, with what is left of them.
4. **The plan**: ``N`` installments of ``P`` (the last one named when it differs), a down
   payment first, or a settlement's total and parts; and the total, split into principal,
   arrears and interest from now on.

Every sum in a sentence adds up in that sentence: principal + arrears = owed; waived + left
= arrears; N × P (+ the last) = total = principal + arrears paid + interest.

Example (the guide's case, 停息挂账 with 60 % of the arrears waived): "…现在剩余本金12,000元，
另有逾期息费1,500元，合计13,500元。我想申请停息挂账，从现在起不再计息。请贵司减免逾期息费
1,500元中的900元（60%），剩下的600元我照常还。希望分24期还清，每期525元，一共12,600元
（其中本金12,000元、逾期息费600元）。"

Both languages of every template have the same placeholders (a test checks it).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from core.debts import Debt
from core.proposals import (
    Combination,
    DownPayment,
    InterestWaiver,
    LumpSumSettlement,
    PrincipalFirst,
    ProposalResult,
    StopInterest,
)
from core.rules.script import is_level, settlement_parts
from core.rules.templates import render_from
from core.text import check_language, format_share, format_spoken_money

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
    "pitch.owed": {
        "zh-CN": "现在剩余本金{principal}，另有逾期息费{arrears}，合计{owed}。",
        "en": "I still owe {principal} of principal, plus {arrears} of overdue interest and "
        "penalties: {owed} in all.",
    },
    "pitch.owed_principal_only": {
        "zh-CN": "现在剩余本金{principal}。",
        "en": "I still owe {principal} of principal.",
    },
    "pitch.stop_interest": {
        "zh-CN": "我想申请停息挂账，从现在起不再计息。",
        "en": "I am asking for the account to be frozen, with no further interest from now on.",
    },
    "pitch.principal_first": {
        "zh-CN": "我想申请先还本金，再还剩下的逾期息费。",
        "en": "I am asking to repay the principal first and the overdue interest and penalties "
        "after it.",
    },
    "pitch.waiver": {
        "zh-CN": "请贵司减免逾期息费{arrears}中的{waived}（{share}），"
        "剩下的{arrears_left}我照常还。",
        "en": "I ask you to waive {waived} ({share}) of the {arrears} of overdue interest and "
        "penalties; I will pay the remaining {arrears_left}.",
    },
    "pitch.waiver_all": {
        "zh-CN": "请贵司减免全部逾期息费{waived}。",
        "en": "I ask you to waive all {waived} of the overdue interest and penalties.",
    },
    "pitch.lower_rate": {
        "zh-CN": "今后的利率希望调整为年化{rate}。",
        "en": "From now on I ask for a rate of {rate} a year.",
    },
    "pitch.term.level": {
        "zh-CN": "分{months}期还清，每期{payment}",
        "en": "in {months} monthly installments of {payment}",
    },
    "pitch.term.level_last": {
        "zh-CN": "分{months}期还清，每期{payment}，最后一期{last}",
        "en": "in {months} monthly installments of {payment}, the last one {last}",
    },
    "pitch.term.uneven": {
        "zh-CN": "分{months}期还清，每期不超过{payment}",
        "en": "in {months} monthly installments, none above {payment}",
    },
    "pitch.ask.installments": {
        "zh-CN": "希望{term}，一共{total}{breakdown}。",
        "en": "I would like to repay it {term}, {total} in all{breakdown}.",
    },
    "pitch.ask.now": {
        "zh-CN": "希望现在一次还清，一共{total}{breakdown}。",
        "en": "I would like to pay it all now, {total} in all{breakdown}.",
    },
    "pitch.ask.down_payment": {
        "zh-CN": "希望先还{down}，其余{rest}{term}，一共{total}{breakdown}。",
        "en": "I would like to pay {down} now and the remaining {rest} {term}, {total} in "
        "all{breakdown}.",
    },
    "pitch.ask.settlement": {
        "zh-CN": "这{owed}里，我希望还{total}结清，其余{waived}请贵司减免：{parts}。",
        "en": "Of the {owed} owed, I would like to settle in full with {total} and ask you to "
        "waive the other {waived}: {parts}.",
    },
    "pitch.ask.settlement_in_full": {
        "zh-CN": "希望一共还{total}结清这笔欠款：{parts}。",
        "en": "I would like to settle this debt in full with {total}: {parts}.",
    },
    "pitch.breakdown": {
        "zh-CN": "（其中{parts}）",
        "en": " ({parts})",
    },
    "pitch.breakdown.separator": {"zh-CN": "、", "en": ", "},
    "pitch.part.principal": {"zh-CN": "本金{amount}", "en": "{amount} of principal"},
    "pitch.part.arrears": {
        "zh-CN": "逾期息费{amount}",
        "en": "{amount} of overdue interest and penalties",
    },
    "pitch.part.interest": {
        "zh-CN": "今后的利息和费用{amount}",
        "en": "{amount} of interest and charges from now on",
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


def _breakdown(result: ProposalResult, total: Decimal, language: str) -> str:
    """What ``total`` pays for — principal, arrears, interest from now on — when it is more
    than one of them; the parts add up to ``total``."""
    principal = result.plan.total_principal
    arrears = result.plan.total_arrears
    interest = total - principal - arrears
    pieces = [
        _render(f"pitch.part.{name}", language, amount=format_spoken_money(amount, language))
        for name, amount in (("principal", principal), ("arrears", arrears), ("interest", interest))
        if amount != 0
    ]
    if len(pieces) < 2:
        return ""
    separator = _render("pitch.breakdown.separator", language)
    return _render("pitch.breakdown", language, parts=separator.join(pieces))


def _term(result: ProposalResult, language: str) -> str:
    """The monthly part of the plan in words (a payment on the plan's own date, a down
    payment, is not an installment); level installments name a different last one."""
    payments = [paid for period, paid in result.plan.payments_by_period if period > 0]
    months = str(len(payments))
    if not is_level(payments):
        payment = format_spoken_money(max(payments), language)
        return _render("pitch.term.uneven", language, months=months, payment=payment)
    payment = format_spoken_money(payments[0], language)
    if payments[-1] != payments[0]:
        last = format_spoken_money(payments[-1], language)
        return _render("pitch.term.level_last", language, months=months, payment=payment, last=last)
    return _render("pitch.term.level", language, months=months, payment=payment)


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

    def money(amount: Decimal) -> str:
        return format_spoken_money(amount, language)

    if monthly_income is not None and monthly_income > 0:
        lines = [
            _render(
                "pitch.situation", language, income=money(monthly_income), can_pay=money(can_pay)
            )
        ]
    else:
        lines = [_render("pitch.situation_without_income", language, can_pay=money(can_pay))]
    arrears = debt.accrued_interest_and_penalties
    if arrears > 0:
        lines.append(
            _render(
                "pitch.owed",
                language,
                principal=money(debt.outstanding_principal),
                arrears=money(arrears),
                owed=money(debt.opening_balance),
            )
        )
    else:
        lines.append(
            _render(
                "pitch.owed_principal_only",
                language,
                principal=money(debt.outstanding_principal),
            )
        )
    proposal = result.proposal
    if isinstance(proposal, LumpSumSettlement):
        waived = debt.opening_balance - proposal.total
        parts = settlement_parts(proposal, language, money=money)
        if waived > 0:
            lines.append(
                _render(
                    "pitch.ask.settlement",
                    language,
                    owed=money(debt.opening_balance),
                    total=money(proposal.total),
                    waived=money(waived),
                    parts=parts,
                )
            )
        else:
            lines.append(
                _render(
                    "pitch.ask.settlement_in_full",
                    language,
                    total=money(proposal.total),
                    parts=parts,
                )
            )
        return _sentences(lines, language)
    if isinstance(proposal, StopInterest):
        lines.append(_render("pitch.stop_interest", language))
    if isinstance(proposal, PrincipalFirst):
        lines.append(_render("pitch.principal_first", language))
    share = getattr(proposal, "waiver_share", Decimal("0"))
    if share > 0 and result.forgiven > 0:
        left = arrears - result.forgiven
        if left > 0:
            lines.append(
                _render(
                    "pitch.waiver",
                    language,
                    arrears=money(arrears),
                    waived=money(result.forgiven),
                    share=format_share(share),
                    arrears_left=money(left),
                )
            )
        else:
            lines.append(_render("pitch.waiver_all", language, waived=money(result.forgiven)))
    if (
        isinstance(proposal, InterestWaiver | Combination | DownPayment)
        and proposal.annual_rate is not None
    ):
        lines.append(_render("pitch.lower_rate", language, rate=format_share(proposal.annual_rate)))
    total = money(result.total_paid)
    breakdown = _breakdown(result, result.total_paid, language)
    if isinstance(proposal, DownPayment) and result.plan.months > 0:
        lines.append(
            _render(
                "pitch.ask.down_payment",
                language,
                down=money(proposal.amount),
                rest=money(result.total_paid - proposal.amount),
                term=_term(result, language),
                total=total,
                breakdown=breakdown,
            )
        )
    elif result.plan.months == 0:
        lines.append(_render("pitch.ask.now", language, total=total, breakdown=breakdown))
    else:
        lines.append(
            _render(
                "pitch.ask.installments",
                language,
                term=_term(result, language),
                total=total,
                breakdown=breakdown,
            )
        )
    return _sentences(lines, language)
