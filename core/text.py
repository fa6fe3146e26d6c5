"""Money, percentages and dates as text: the one formatter for the engine, the UI and reports.

Every display of a figure goes through here, so a client sees the same amount written the
same way in a reason, a call script, a page and a printed plan:

- :func:`format_money`: ``Decimal("12000")`` → ``"¥12,000.00"``, ``Decimal("-12")`` →
  ``"-¥12.00"``; the same in both languages. Anything finer than a fen is rounded by
  :func:`core.money.round_fen`, the single rounding rule; an amount that rounds to zero has
  no minus sign.
- :func:`format_spoken_money`: money in a sentence meant to be said, ``"12,000元"`` /
  ``"12,000 yuan"``.
- :func:`format_percent`: a fraction as a percentage to ``digits`` decimals, half up,
  ``Decimal("0.1303")`` → ``"13.03%"``, thousands grouped like money (``"1,234.50%"``).
- :func:`format_share`: a fraction as a percentage without trailing zeros, ``0.6`` → ``60%``.
- :func:`format_date`: ``2026年11月25日`` / ``25 Nov 2026``.
- :func:`format_datetime`: an aware moment on the Shanghai clock (or a given zone), to the
  minute: ``2026年11月25日 14:30`` / ``25 Nov 2026, 14:30``.

A ``float`` is refused (:class:`core.errors.NotADecimalError`, both a ``ValueError`` and a
``TypeError``): money and rates are ``Decimal`` built from ``str``. An unknown language is a
:class:`core.errors.CoreError` naming the field ``language``.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from decimal import ROUND_HALF_UP, Decimal

from core.errors import CoreError, NotADecimalError
from core.money import round_fen
from core.rules.timing import LOCAL_TZ, require_aware

LANGUAGES = ("zh-CN", "en")
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def check_language(language: str) -> str:
    """``language`` itself when it is one of :data:`LANGUAGES`; otherwise a ``CoreError``."""
    if language not in LANGUAGES:
        raise CoreError(
            "language", f"expected one of {LANGUAGES}, got {language!r}", code="unknown_language"
        )
    return language


def _require_decimal(value: object, field: str) -> Decimal:
    if not isinstance(value, Decimal):
        raise NotADecimalError(field, f"expected a Decimal, got {type(value).__name__}")
    return value


def format_money(amount: Decimal) -> str:
    """``Decimal("1234.5")`` → ``"¥1,234.50"``; negative ``"-¥12.00"``; rounded to the fen."""
    fen = round_fen(_require_decimal(amount, "amount"))
    sign = "-" if fen < 0 else ""
    return f"{sign}¥{abs(fen):,.2f}"


def format_spoken_money(amount: Decimal, language: str) -> str:
    """Money as a client says it: ``"12,000元"`` / ``"12,000 yuan"``; fen only when there are
    some (``"661.59元"``). Rounded to the fen like :func:`format_money`.

    >>> format_spoken_money(Decimal("12000"), "zh-CN"), format_spoken_money(Decimal("661.5"), "en")
    ('12,000元', '661.50 yuan')
    """
    fen = round_fen(_require_decimal(amount, "amount"))
    sign = "-" if fen < 0 else ""
    digits = f"{abs(fen):,.0f}" if fen == fen.to_integral_value() else f"{abs(fen):,.2f}"
    if check_language(language) == "zh-CN":
        return f"{sign}{digits}元"
    return f"{sign}{digits} yuan"


def format_percent(fraction: Decimal, digits: int = 2) -> str:
    """``Decimal("0.1303")`` → ``"13.03%"``: the fraction × 100, half up to ``digits`` decimals."""
    percent = _require_decimal(fraction, "fraction") * 100
    rounded = percent.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # no "-0.00%"
    return f"{rounded:,.{digits}f}%"


def format_share(fraction: Decimal) -> str:
    """A fraction as a percentage, no trailing zeros: ``0.6`` → ``60%``, ``0.125`` → ``12.5%``."""
    percent = (_require_decimal(fraction, "fraction") * 100).normalize()
    if percent == percent.to_integral_value():
        percent = percent.quantize(Decimal(1))
    return f"{percent:f}%"


def format_date(day: date, language: str) -> str:
    """zh-CN ``"2026年11月25日"``, en ``"25 Nov 2026"``."""
    if check_language(language) == "zh-CN":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_EN_MONTHS[day.month - 1]} {day.year}"


def format_datetime(
    moment: datetime, language: str, field: str = "at", zone: tzinfo = LOCAL_TZ
) -> str:
    """An aware ``datetime`` on the ``zone`` clock (Shanghai), to the minute; naive is refused.

    >>> from datetime import UTC
    >>> format_datetime(datetime(2026, 11, 25, 6, 30, tzinfo=UTC), "zh-CN")
    '2026年11月25日 14:30'
    """
    wall = require_aware(moment, field).astimezone(zone)
    clock = f"{wall.hour:02d}:{wall.minute:02d}"
    if check_language(language) == "zh-CN":
        return f"{format_date(wall.date(), language)} {clock}"
    return f"{format_date(wall.date(), language)}, {clock}"
