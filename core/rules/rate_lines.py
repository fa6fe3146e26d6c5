"""The interest-rate lines a counselor should know, kept as data, and which a debt crosses.

Each :class:`RateLine` states its source, the lenders it applies to, the contract dates it
covers (``valid_from`` / ``valid_to``, inclusive; ``None`` is open) and how to say it to a
client in both languages (``above`` / ``within``, with ``{rate}`` and ``{line}``
placeholders).

================================  =========  =======================  ========================
line                              threshold  lenders                  contracts
================================  =========  =======================  ========================
private_lending_4x_lpr            4 × LPR    private (``other``)      from 2020-08-20
financial_loan_24                 24 %       licensed lenders         any date
private_lending_36_before_2020    36 %       private (``other``)      2015-09-01 – 2020-08-19
private_lending_24_before_2020    24 %       private (``other``)      2015-09-01 – 2020-08-19
================================  =========  =======================  ========================

- 法释〔2020〕17号 (the Supreme People's Court's rules on private lending, as amended; the
  four-times-LPR cap has applied since 2020-08-20): interest above four times the one-year
  Loan Prime Rate at the time the contract was made is not supported. 法释〔2020〕27号 says
  licensed lenders — consumer finance and microloan companies among them, as well as banks
  — are not private lenders, so the cap does not bind them.
- 法发〔2017〕22号 (the Supreme People's Court's opinions on financial adjudication, art. 2):
  for a financial loan, when interest, compound interest, penalty interest, liquidated damages
  and other fees together exceed 24 % a year, the borrower may ask the court to cut the
  excess. It applies to disputes, whatever the contract date.
- 法释〔2015〕18号 (the earlier private-lending rules, arts. 26 and 31): for private loans made
  before 2020-08-20, agreed interest above 36 % is void; between 24 % and 36 % a court will
  not order it paid, but what was paid voluntarily is not returned.

The one-year LPR at contract formation is passed in as ``lpr_1y``; without it the published
history in :data:`LPR_1Y` is used, up to :data:`LPR_1Y_KNOWN_UNTIL`. After that date, the
four-times line cannot be drawn and the flag says so (``above`` is ``None``).

The rates to compare are those charged from now on (:class:`RateSubject`): the contract's
true annualized rate (:attr:`core.debts.Debt.true_annual_rate`, not the headline quote and
never blended with arrears), the penalty rate, and the rate a proposal charges
(:func:`debt_rate_flags` does the first two). Each flag names its rate, its line and the
line's source.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict

from core.debts import LICENSED_LENDERS, Debt, LenderType
from core.errors import CoreError
from core.money import to_decimal, to_rate
from core.rules.templates import render_from
from core.text import check_language, format_percent


class LineKind(StrEnum):
    FIXED = "fixed"
    LPR_MULTIPLE = "lpr_multiple"


class RateLine(BaseModel):
    """One rate line as data; see the module docstring."""

    model_config = ConfigDict(frozen=True)

    code: str
    kind: LineKind
    value: Decimal  # the rate (fixed) or the multiple of the LPR
    source: str
    lenders: frozenset[LenderType]
    valid_from: date | None = None
    valid_to: date | None = None

    def covers(self, lender_type: LenderType, contract_date: date | None) -> bool:
        """Whether the line applies to this lender and contract date (unknown: open lines only)."""
        if lender_type not in self.lenders:
            return False
        if contract_date is None:
            return self.valid_from is None and self.valid_to is None
        after_start = self.valid_from is None or contract_date >= self.valid_from
        before_end = self.valid_to is None or contract_date <= self.valid_to
        return after_start and before_end


PRIVATE = frozenset({LenderType.OTHER})
#: Where the 2015 private-lending provisions (法释〔2015〕18号) apply: private loans made from
#: their entry into force until the 2020 amendment.
PRIVATE_2015_TO_2020: dict[str, Any] = {
    "source": "法释〔2015〕18号",
    "lenders": PRIVATE,
    "valid_from": date(2015, 9, 1),
    "valid_to": date(2020, 8, 19),
}

#: Every text of the rate lines, in the product's one text shape ``{key: {language: text}}``
#: (merged into the catalogue by :mod:`i18n.text`).
TEXTS: dict[str, dict[str, str]] = {
    "rate_line.private_lending_4x_lpr.above": {
        "zh-CN": (
            "{what}约 {rate}，超过了借款时一年期LPR的四倍（{line}）。超出部分的利息，法院一般不予"
            "支持。"
        ),
        "en": (
            "{what} is about {rate}, above four times the one-year LPR when the loan was made "
            "({line}). Courts generally do not enforce interest above that line."
        ),
    },
    "rate_line.private_lending_4x_lpr.within": {
        "zh-CN": "{what}约 {rate}，没有超过借款时一年期LPR的四倍（{line}）。",
        "en": (
            "{what} is about {rate}, within four times the one-year LPR when the loan was made "
            "({line})."
        ),
    },
    "rate_line.private_lending_4x_lpr.article": {
        "zh-CN": "第二十五条",
        "en": "art. 25",
    },
    "rate_line.financial_loan_24.above": {
        "zh-CN": (
            "{what}约 {rate}，高于年 {line}。借款人可以请求法院调减利息、罚息、违约金和各种费用合"
            "计超过年 {line} 的部分；欠款本身仍然要还。"
        ),
        "en": (
            "{what} is about {rate}, above {line} a year. On the borrower's request a court may "
            "reduce the part of interest, penalties and fees together above {line} a year; the "
            "debt itself is still owed."
        ),
    },
    "rate_line.financial_loan_24.within": {
        "zh-CN": "{what}约 {rate}，未超过年 {line}。",
        "en": "{what} is about {rate}, not above {line} a year.",
    },
    "rate_line.financial_loan_24.article": {
        "zh-CN": "第二条",
        "en": "art. 2",
    },
    "rate_line.private_lending_36_before_2020.above": {
        "zh-CN": "{what}约 {rate}，超过 {line}，超出部分的利息约定无效。",
        "en": (
            "{what} is about {rate}, above {line}: the interest agreed above that line is void."
        ),
    },
    "rate_line.private_lending_36_before_2020.within": {
        "zh-CN": "{what}约 {rate}，未超过 {line}。",
        "en": "{what} is about {rate}, not above {line}.",
    },
    "rate_line.private_lending_36_before_2020.article": {
        "zh-CN": "第二十六条",
        "en": "art. 26",
    },
    "rate_line.private_lending_24_before_2020.above": {
        "zh-CN": (
            "{what}约 {rate}，高于 {line}。超过 {line} 的利息，法院不会判令支付；但已经自愿支付的"
            "，一般也不能要回。"
        ),
        "en": (
            "{what} is about {rate}, above {line}. A court will not order interest above {line} "
            "paid, though what was paid voluntarily is usually not returned."
        ),
    },
    "rate_line.private_lending_24_before_2020.within": {
        "zh-CN": "{what}约 {rate}，在 {line} 以内，受法律保护。",
        "en": "{what} is about {rate}, within the {line} the law protects.",
    },
    "rate_line.private_lending_24_before_2020.article": {
        "zh-CN": "第二十六条、第三十一条",
        "en": "arts. 26 and 31",
    },
    "rate_line.subject.contract": {
        "zh-CN": "合同的真实年化利率",
        "en": "The contract's true annual rate",
    },
    "rate_line.subject.penalty": {
        "zh-CN": "罚息年利率",
        "en": "The penalty rate",
    },
    "rate_line.subject.plan": {
        "zh-CN": "这个方案今后的年化利率",
        "en": "This plan's rate from now on",
    },
    "rate_line.cited": {
        "zh-CN": "（依据：{source}{article}）",
        "en": " (Source: {source}, {article}.)",
    },
    "rate_line.lpr_unknown": {
        "zh-CN": "这笔借款订立于 {date}，需要输入当时的一年期LPR，才能判断是否超过其四倍。",
        "en": (
            "This loan was made on {date}; enter the one-year LPR of that date to check it "
            "against four times the LPR."
        ),
    },
}


RATE_LINES: tuple[RateLine, ...] = (
    RateLine(
        code="private_lending_4x_lpr",
        kind=LineKind.LPR_MULTIPLE,
        value=Decimal("4"),
        source="法释〔2020〕17号",
        lenders=PRIVATE,
        valid_from=date(2020, 8, 20),
    ),
    RateLine(
        code="financial_loan_24",
        kind=LineKind.FIXED,
        value=Decimal("0.24"),
        source="法发〔2017〕22号",
        lenders=LICENSED_LENDERS,
    ),
    RateLine(
        code="private_lending_36_before_2020",
        kind=LineKind.FIXED,
        value=Decimal("0.36"),
        **PRIVATE_2015_TO_2020,
    ),
    RateLine(
        code="private_lending_24_before_2020",
        kind=LineKind.FIXED,
        value=Decimal("0.24"),
        **PRIVATE_2015_TO_2020,
    ),
)


class RateSubject(StrEnum):
    """Which rate a flag judges: every one is charged from now on, none blends in arrears."""

    CONTRACT = "contract"  # the contract's true annualized rate (Debt.true_annual_rate)
    PENALTY = "penalty"  # the penalty rate on overdue principal (罚息)
    PLAN = "plan"  # the rate a proposal charges from now on


#: The one-year Loan Prime Rate as published (全国银行间同业拆借中心), from each date on.
LPR_1Y: tuple[tuple[date, Decimal], ...] = (
    (date(2019, 8, 20), Decimal("0.0425")),
    (date(2019, 9, 20), Decimal("0.0420")),
    (date(2019, 11, 20), Decimal("0.0415")),
    (date(2020, 2, 20), Decimal("0.0405")),
    (date(2020, 4, 20), Decimal("0.0385")),
    (date(2021, 12, 20), Decimal("0.0380")),
    (date(2022, 1, 20), Decimal("0.0370")),
    (date(2022, 8, 22), Decimal("0.0365")),
    (date(2023, 6, 20), Decimal("0.0355")),
    (date(2023, 8, 21), Decimal("0.0345")),
    (date(2024, 7, 22), Decimal("0.0335")),
    (date(2024, 10, 21), Decimal("0.0310")),
    (date(2025, 5, 20), Decimal("0.0300")),
)
#: The last day :data:`LPR_1Y` is known to be complete for; pass ``lpr_1y`` after it.
LPR_1Y_KNOWN_UNTIL = date(2025, 10, 19)


def lpr_1y_on(day: date) -> Decimal | None:
    """The one-year LPR in force on ``day`` from :data:`LPR_1Y`; ``None`` outside the table."""
    if day < LPR_1Y[0][0] or day > LPR_1Y_KNOWN_UNTIL:
        return None
    return [rate for start, rate in LPR_1Y if start <= day][-1]


class RateFlag(BaseModel):
    """One line that applies to a rate of a debt: where it is drawn and whether the rate is
    above it; ``subject`` says which rate."""

    model_config = ConfigDict(frozen=True)

    subject: RateSubject = RateSubject.CONTRACT
    line: RateLine
    rate: Decimal
    threshold: Decimal | None
    above: bool | None
    contract_date: date | None

    @property
    def code(self) -> str:
        return self.line.code


def rate_flags(
    annualized_rate: Decimal | int | str | float,
    lender_type: LenderType | str,
    contract_date: date | None,
    lpr_1y: Decimal | int | str | float | None = None,
    subject: RateSubject = RateSubject.CONTRACT,
) -> tuple[RateFlag, ...]:
    """Every rate line that applies to this lender and contract date, in :data:`RATE_LINES` order.

    >>> [f.code for f in rate_flags("0.30", "consumer_finance", date(2024, 1, 1)) if f.above]
    ['financial_loan_24']
    """
    rate = to_decimal(annualized_rate, "annualized_rate")
    lender = LenderType(lender_type)
    given_lpr = None if lpr_1y is None else to_rate(lpr_1y, "lpr_1y")
    flags = []
    for line in RATE_LINES:
        if not line.covers(lender, contract_date):
            continue
        if line.kind is LineKind.FIXED:
            threshold: Decimal | None = line.value
        else:
            if given_lpr is not None:
                lpr: Decimal | None = given_lpr
            elif contract_date is not None:
                lpr = lpr_1y_on(contract_date)
            else:
                # covers() admits an unknown date only on lines without dates; LPR lines have one.
                raise CoreError(
                    "contract_date", f"the line {line.code} needs the contract date", code="missing"
                )
            threshold = None if lpr is None else line.value * lpr
        flags.append(
            RateFlag(
                subject=subject,
                line=line,
                rate=rate,
                threshold=threshold,
                above=None if threshold is None else rate > threshold,
                contract_date=contract_date,
            )
        )
    return tuple(flags)


def debt_rate_flags(
    debt: Debt, lpr_1y: Decimal | int | str | float | None = None
) -> tuple[RateFlag, ...]:
    """The lines that apply to a debt, judging the rates it charges from now on: its true
    annualized rate (the quote as a year's rate when it has none) and, when it has one, its
    penalty rate — never a blend with arrears already accrued.

    >>> from core.debts import Debt
    >>> debt = Debt(creditor="x", lender_type="online_platform", outstanding_principal="12000",
    ...     overdue_amount="900", accrued_interest_and_penalties="1500", penalty_rate="0.27",
    ...     rate_quote="0.18", remaining_months=12)
    >>> [(f.subject.value, f.above) for f in debt_rate_flags(debt)]
    [('contract', False), ('penalty', True)]
    """
    rate = debt.true_annual_rate
    if rate is None:
        rate = debt.quoted_annual_rate
    flags = rate_flags(rate, debt.lender_type, debt.contract_date, lpr_1y)
    if debt.penalty_rate > 0:
        flags += rate_flags(
            debt.penalty_rate,
            debt.lender_type,
            debt.contract_date,
            lpr_1y,
            subject=RateSubject.PENALTY,
        )
    return flags


def plan_rate_flags(
    proposal: object, debt: Debt, lpr_1y: Decimal | int | str | float | None = None
) -> tuple[RateFlag, ...]:
    """The lines a plan's new rate is judged against: the annual rate it charges from now on
    when it sets one (a lower rate asked for, say). A plan that keeps the contract's rate is
    judged by :func:`debt_rate_flags`; one without interest (a waiver, 停息挂账) has no rate.

    >>> from core.debts import Debt
    >>> from core.proposals import InterestWaiver
    >>> debt = Debt(creditor="x", lender_type="online_platform", outstanding_principal="12000",
    ...     rate_quote="0.18", remaining_months=12)
    >>> [(f.subject.value, f.above) for f in plan_rate_flags(
    ...     InterestWaiver(annual_rate="0.30", months=24), debt)]
    [('plan', True)]
    """
    rate = getattr(proposal, "annual_rate", None)
    if rate is None:
        return ()
    return rate_flags(rate, debt.lender_type, debt.contract_date, lpr_1y, subject=RateSubject.PLAN)


def describe_flag(flag: RateFlag, language: str = "zh-CN") -> str:
    """The flag worded for a client in ``language`` ("zh-CN" or "en"): which rate, how it
    compares with the line, and the line's source."""
    check_language(language)
    if flag.above is None:
        if flag.contract_date is None:
            raise CoreError("contract_date", "an undecided flag needs the contract date")
        return render_from(
            TEXTS, "rate_line.lpr_unknown", language, date=flag.contract_date.isoformat()
        )
    if flag.threshold is None:
        raise CoreError("threshold", "a decided flag needs the line it was compared with")
    state = "above" if flag.above else "within"
    text = render_from(
        TEXTS,
        f"rate_line.{flag.line.code}.{state}",
        language,
        what=render_from(TEXTS, f"rate_line.subject.{flag.subject.value}", language),
        rate=format_percent(flag.rate),
        line=format_percent(flag.threshold),
    )
    article = render_from(TEXTS, f"rate_line.{flag.line.code}.article", language)
    cited = render_from(
        TEXTS, "rate_line.cited", language, source=flag.line.source, article=article
    )
    if language == "zh-CN":
        return text.removesuffix("。") + cited + "。"
    return text + cited
