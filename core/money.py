"""Money and rates as ``Decimal`` values.

Amounts come in as ``int``, ``Decimal``, numeric ``str`` or ``float`` and are converted with
``Decimal(str(x))`` so that ``0.1`` stays ``Decimal("0.1")``. Rounding happens only through
:func:`round_fen` (to the fen, ROUND_HALF_UP) and only where money is actually paid.

Whatever comes in, a bad value raises a named :class:`~core.errors.CoreError` (never
``decimal.InvalidOperation`` or ``OverflowError``): not a number, NaN or infinite →
``invalid_amount``; text longer than any number (``MAX_NUMBER_TEXT_LENGTH``) → ``too_long``;
money above :data:`core.limits.MAX_MONEY` → ``too_large``, each with its limit in ``params``.
Full-width digits (``１２，０００``, as a Chinese input method types them) are read as digits.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation, localcontext
from typing import Annotated, Any

from pydantic import BeforeValidator

from core.errors import InvalidAmountError, InvalidRateError, InvalidTermError
from core.limits import MAX_ANNUAL_RATE, MAX_MONEY, MAX_MONTHS, MAX_NUMBER_TEXT_LENGTH

FEN = Decimal("0.01")
ZERO = Decimal("0")
ZERO_MONEY = Decimal("0.00")
ONE = Decimal("1")

# MAX_ANNUAL_RATE, MAX_MONEY and MAX_MONTHS are stated in core.limits.
#: The highest monthly rate or monthly fee rate accepted, the annual line per month.
MAX_MONTHLY_RATE = MAX_ANNUAL_RATE / 12
#: Working precision for intermediate results (annuity factors, rate conversions).
PRECISION = 34


def calc_context() -> Context:
    """A decimal context with enough digits that only :func:`round_fen` ever rounds money."""
    return Context(prec=PRECISION, rounding=ROUND_HALF_UP)


def to_decimal(value: Any, field: str = "amount") -> Decimal:
    """Convert a number to a finite ``Decimal``, naming ``field`` in any error.

    >>> to_decimal(0.1)
    Decimal('0.1')
    >>> to_decimal("１２，０００.５０")
    Decimal('12000.50')
    """
    if isinstance(value, bool) or value is None:
        raise InvalidAmountError(field, f"expected a number, got {value!r}")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)  # exact, however long (str() of an int has a length limit)
    elif isinstance(value, float):
        result = Decimal(str(value))
    elif isinstance(value, str):
        if len(value) > MAX_NUMBER_TEXT_LENGTH:
            raise InvalidAmountError(
                field,
                f"a number has at most {MAX_NUMBER_TEXT_LENGTH} characters, got {len(value)}",
                code="too_long",
                params={"max": MAX_NUMBER_TEXT_LENGTH},
            )
        text = value.strip().replace(",", "").replace("，", "")
        try:
            result = Decimal(text)
        except (InvalidOperation, ValueError):
            raise InvalidAmountError(field, f"not a number: {value!r}") from None
    else:
        raise InvalidAmountError(field, f"expected a number, got {type(value).__name__}")
    if not result.is_finite():
        raise InvalidAmountError(field, f"must be a finite number, got {value!r}")
    return result


def round_fen(value: Decimal) -> Decimal:
    """Round to the fen (0.01), half up: the one place where money is rounded."""
    return value.quantize(FEN, rounding=ROUND_HALF_UP)


def money_total(amounts: Iterable[Decimal]) -> Decimal:
    """The sum of ``amounts``, ``0.00`` when there are none: a column or list of money added up."""
    return sum(amounts, ZERO_MONEY)


def to_money(value: Any, field: str = "amount", *, positive: bool = False) -> Decimal:
    """A non-negative amount (strictly positive when ``positive``) of at most
    :data:`~core.limits.MAX_MONEY`, not rounded.

    >>> to_money("1e30", "income")
    Traceback (most recent call last):
    ...
    core.errors.InvalidAmountError: income: 1E+30 is above the most accepted, 100000000
    """
    amount = to_decimal(value, field)
    if amount < 0:
        raise InvalidAmountError(field, f"must not be negative, got {amount}")
    if positive and amount == 0:
        raise InvalidAmountError(field, "must be greater than zero")
    if amount > MAX_MONEY:
        raise InvalidAmountError(
            field,
            f"{amount} is above the most accepted, {MAX_MONEY}",
            code="too_large",
            params={"max": MAX_MONEY},
        )
    return amount


def to_rate(
    value: Any, field: str = "annual_rate", *, maximum: Decimal = MAX_ANNUAL_RATE
) -> Decimal:
    """A rate as a fraction (``0.049`` for 4.9 %), between 0 and ``maximum`` inclusive."""
    try:
        rate = to_decimal(value, field)
    except InvalidAmountError as exc:
        raise InvalidRateError(field, exc.message) from None
    if rate < 0:
        raise InvalidRateError(field, f"must not be negative, got {rate}")
    if rate > maximum:
        raise InvalidRateError(
            field,
            f"{rate} is above the accepted maximum {maximum} (rates are fractions: 0.18 = 18%)",
        )
    return rate


def to_months(value: Any, field: str = "months", *, maximum: int = MAX_MONTHS) -> int:
    """A whole number of months, 1 to ``maximum``."""
    if isinstance(value, bool):
        raise InvalidTermError(field, f"expected a whole number of months, got {value!r}")
    try:
        number = to_decimal(value, field)
    except InvalidAmountError as exc:
        raise InvalidTermError(field, exc.message) from None
    if number != number.to_integral_value():
        raise InvalidTermError(field, f"must be a whole number of months, got {value!r}")
    months = int(number)
    if months < 1:
        raise InvalidTermError(field, f"must be at least 1, got {months}")
    if months > maximum:
        raise InvalidTermError(field, f"must be at most {maximum}, got {months}")
    return months


def _field_name(info: Any) -> str:
    return getattr(info, "field_name", None) or "value"


def _money_validator(value: Any, info: Any) -> Decimal:
    return to_money(value, _field_name(info))


def _positive_money_validator(value: Any, info: Any) -> Decimal:
    return to_money(value, _field_name(info), positive=True)


def _rate_validator(value: Any, info: Any) -> Decimal:
    return to_rate(value, _field_name(info))


def _monthly_rate_validator(value: Any, info: Any) -> Decimal:
    return to_rate(value, _field_name(info), maximum=MAX_MONTHLY_RATE)


def _months_validator(value: Any, info: Any) -> int:
    return to_months(value, _field_name(info))


#: Annotated field types for pydantic models: conversion and checks in one place.
Money = Annotated[Decimal, BeforeValidator(_money_validator)]
PositiveMoney = Annotated[Decimal, BeforeValidator(_positive_money_validator)]
AnnualRate = Annotated[Decimal, BeforeValidator(_rate_validator)]
MonthlyRate = Annotated[Decimal, BeforeValidator(_monthly_rate_validator)]
Months = Annotated[int, BeforeValidator(_months_validator)]


def monthly_rate(annual_rate: Decimal) -> Decimal:
    """The periodic rate of a nominal annual rate compounded monthly: ``annual_rate / 12``."""
    with localcontext(calc_context()):
        return annual_rate / 12
