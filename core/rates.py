"""Interest rates as lenders quote them, and the true annualized rate of a set of payments.

Cash flows follow the package's single sign convention (see ``core``): money the borrower
receives is positive and money the borrower pays is negative. The mirror image (the lender's
view) gives the same rate, so either may be passed.

The annualized rate here is the one lenders in China must disclose: the internal rate of
return per period (IRR) times the number of periods per year — a nominal rate, like a
loan's quoted annual rate, so the two can be compared directly. A "0.6 % monthly fee" on
12,000 repaid as 12 × 1,072 has an IRR of 1.0862 % a month, i.e. about 13.03 % a year,
not 0.6 % × 12 = 7.2 %.
"""

from __future__ import annotations

import math
from decimal import Decimal, localcontext
from enum import StrEnum
from itertools import groupby, pairwise
from typing import Any

from core.errors import NoRateError, NotAnInterestRateError
from core.money import (
    MAX_MONTHLY_RATE,
    calc_context,
    to_decimal,
    to_months,
    to_rate,
)


class QuoteKind(StrEnum):
    """How a lender states a rate."""

    ANNUAL = "annual"  # 年化利率 / 年利率
    MONTHLY = "monthly"  # 月利率 / 月息
    DAILY = "daily"  # 日利率 / 日息, on a 360- or 365-day year
    MONTHLY_FEE = "monthly_fee"  # 月费率 / 分期手续费率: charged on the original principal


DAY_BASES = (360, 365)


def annual_rate_from(
    quote: Decimal | int | str | float,
    kind: QuoteKind | str,
    *,
    day_basis: int | None = None,
    months: int | None = None,
) -> Decimal:
    """The nominal annual rate behind a quoted rate.

    - ``annual``: the quote itself.
    - ``monthly``: quote × 12.
    - ``daily``: quote × ``day_basis``, which must be stated (360 or 365): "日息万五" (0.0005)
      is 18 % on a 360-day year and 18.25 % on a 365-day year.
    - ``monthly_fee``: a fee rate is NOT an interest rate — the fee is charged every month on
      the original principal although the balance falls. Given the term in ``months`` the
      true annualized rate of such an installment plan is returned (the IRR of receiving 1
      and paying ``1/n + fee`` for n months, × 12); without ``months``
      :class:`NotAnInterestRateError` says so.

    >>> annual_rate_from("0.0005", "daily", day_basis=365)
    Decimal('0.1825')
    """
    kind = QuoteKind(kind)
    if kind is QuoteKind.MONTHLY_FEE:
        fee = to_rate(quote, "quote", maximum=MAX_MONTHLY_RATE)
        if months is None:
            raise NotAnInterestRateError(
                "quote",
                "a monthly fee rate is charged on the original principal and is not an "
                "interest rate; give the term in months to get its annualized rate",
            )
        n = to_months(months)
        with localcontext(calc_context()):
            payment = Decimal(1) / n + fee
        return annualized_rate([Decimal(1), *([-payment] * n)])
    if kind is QuoteKind.ANNUAL:
        return to_rate(quote, "quote")
    if kind is QuoteKind.MONTHLY:
        rate = to_rate(quote, "quote", maximum=MAX_MONTHLY_RATE)
        return rate * 12
    if day_basis not in DAY_BASES:
        raise NotAnInterestRateError(
            "day_basis",
            f"a daily rate needs its day-count basis stated: 360 or 365, got {day_basis!r}",
            code="day_basis_required",
        )
    rate = to_rate(quote, "quote", maximum=MAX_MONTHLY_RATE / 28)
    return to_rate(rate * day_basis, "quote")


def effective_annual_rate(
    periodic_rate: Decimal | int | str | float, periods_per_year: int = 12
) -> Decimal:
    """The compounded yearly rate ``(1 + r)^m − 1`` of a periodic rate ``r``.

    >>> effective_annual_rate("0.01")
    Decimal('0.126825030131969720661201')
    """
    rate = to_decimal(periodic_rate, "periodic_rate")
    if rate <= -1:
        raise NoRateError("periodic_rate", "must be greater than -1")
    with localcontext(calc_context()):
        return (1 + rate) ** periods_per_year - 1


# --- the solver -------------------------------------------------------------------------
#
# Flows are grouped into runs of equal amounts: (first period s, count c, amount a). With
# L = −ln(1 + i) each run contributes a · e^{sL} · E_c(L), where
# E_c(L) = Σ_{k<c} e^{kL} = expm1(cL) / expm1(L), so a level schedule of any length costs
# the same handful of operations per step. expm1 keeps E accurate for rates near zero.
# For conventional flows (one sign change) the present value is monotone and convex in L,
# so Newton's method converges from the start; otherwise a bracketing search takes over.

_TOLERANCE = 1e-12
_MAX_NEWTON = 60


def _runs(flows: list[Any]) -> list[tuple[int, int, float]]:
    runs = []
    start = 0
    for value, group in groupby(flows):
        count = sum(1 for _ in group)
        amount = to_decimal(value, f"cash_flows[{start}]")
        if amount:
            runs.append((start, count, float(amount)))
        start += count
    return runs


def _e(count: int, x: float) -> tuple[float, float]:
    """E_c(L) and its derivative, for x = L."""
    if count == 1:
        return 1.0, 0.0
    if abs(x) < 1e-6:
        # Series around L = 0; the closed forms lose digits there.
        s1 = count * (count - 1) / 2
        s2 = (count - 1) * count * (2 * count - 1) / 6
        s3 = s1 * s1
        return count + x * s1 + x * x * s2 / 2, s1 + x * s2 + x * x * s3 / 2
    em_c = math.expm1(count * x)
    em_1 = math.expm1(x)
    value = em_c / em_1
    derivative = (count * (em_c + 1) * em_1 - em_c * (em_1 + 1)) / (em_1 * em_1)
    return value, derivative


def _npv(runs: list[tuple[int, int, float]], x: float) -> tuple[float, float]:
    total = 0.0
    slope = 0.0
    for start, count, amount in runs:
        weight = math.exp(start * x)
        value, derivative = _e(count, x)
        total += amount * weight * value
        slope += amount * weight * (start * value + derivative)
    return total, slope


def _newton(runs: list[tuple[int, int, float]], x: float, low: float, high: float) -> float | None:
    for _ in range(_MAX_NEWTON):
        value, slope = _npv(runs, x)
        if slope == 0 or not math.isfinite(value):
            return None
        step = value / slope
        x_next = x - step
        if not low <= x_next <= high:
            return None
        if abs(step) <= _TOLERANCE:
            return x_next
        x = x_next
    return None


def _bisect(runs: list[tuple[int, int, float]], low: float, high: float) -> float | None:
    """Scan [low, high] for a sign change nearest zero, then bisect it."""
    points = sorted(
        {low + (high - low) * k / 400 for k in range(401)} | {0.0}, key=lambda p: (abs(p), p)
    )
    ordered = sorted(points)
    signs = {p: _npv(runs, p)[0] for p in ordered}
    brackets = [
        (a, b) for a, b in pairwise(ordered) if signs[a] == 0 or (signs[a] < 0) != (signs[b] < 0)
    ]
    if not brackets:
        return None
    a, b = min(brackets, key=lambda ab: min(abs(ab[0]), abs(ab[1])))
    fa = signs[a]
    if fa == 0:
        return a
    for _ in range(200):
        mid = (a + b) / 2
        fm = _npv(runs, mid)[0]
        if fm == 0 or b - a < 1e-16:
            return mid
        if (fm < 0) == (fa < 0):
            a, fa = mid, fm
        else:
            b = mid
    return (a + b) / 2


def periodic_irr(cash_flows: list[Any] | tuple[Any, ...], guess: float = 0.01) -> float:
    """The rate per period at which the flows' present value is zero (float)."""
    flows = list(cash_flows)
    if not flows:
        raise NoRateError("cash_flows", "no cash flows given")
    runs = _runs(flows)
    if not runs:
        raise NoRateError("cash_flows", "all cash flows are zero")
    if all(amount > 0 for _, _, amount in runs) or all(amount < 0 for _, _, amount in runs):
        raise NoRateError("cash_flows", "no rate exists: the flows never change sign")
    last = runs[-1][0] + runs[-1][1] - 1
    # e^{last·L} must stay finite: bound L so negative rates cannot overflow.
    high = min(20.0, 700.0 / max(last, 1))
    low = -20.0
    x = -math.log1p(guess)
    root = _newton(runs, x, low, high)
    if root is None:
        root = _bisect(runs, low, high)
    if root is None:
        raise NoRateError("cash_flows", "no rate makes the present value zero")
    return math.expm1(-root)


def annualized_rate(cash_flows: list[Any] | tuple[Any, ...], periods_per_year: int = 12) -> Decimal:
    """The nominal annualized rate of a loan's cash flows: IRR per period × ``periods_per_year``.

    ``cash_flows[0]`` is what the borrower actually received (after any fee deducted up
    front, 砍头息), the rest what they paid each period (0 for a missed period); or every
    sign reversed. The result may be negative (a settlement below the amount received).

    Raises :class:`NoRateError` (a ``ValueError``) when the flows are empty, all zero, or
    never change sign.

    >>> annualized_rate([12000] + [-1072] * 12).quantize(Decimal("0.0001"))
    Decimal('0.1303')
    """
    if periods_per_year < 1:
        raise NoRateError("periods_per_year", "must be at least 1")
    rate = periodic_irr(cash_flows) * periods_per_year
    return Decimal(repr(rate)).quantize(Decimal("1e-14"))
