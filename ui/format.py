"""Display formatting for money, rates, dates and terms in each UI language.

Display never rounds money on its own terms: amounts arrive from ``core`` already to the fen, and
anything finer goes through ``core.money.round_fen``, the single rounding rule.
"""

from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from core.money import round_fen
from store.settings import to_display_time
from ui.i18n import LANGUAGES, translate

_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _check_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"lang: unknown language {lang!r}; expected one of {LANGUAGES}")


def _check_decimal(value: object, field: str) -> None:
    # Floats carry binary error; money and rates are Decimal built from str.
    if not isinstance(value, Decimal):
        raise TypeError(f"{field}: expected Decimal, got {type(value).__name__}")


def format_money(amount: Decimal, lang: str) -> str:
    """``Decimal("12000")`` -> ``"¥12,000.00"``, negative ``"-¥12.00"``, in both languages."""
    _check_language(lang)
    _check_decimal(amount, "amount")
    fen = round_fen(amount)
    sign = "-" if fen < 0 else ""
    return f"{sign}¥{abs(fen):,.2f}"


def format_percent(fraction: Decimal, lang: str, digits: int = 2) -> str:
    """A fraction as a percentage: ``Decimal("0.1303")`` -> ``"13.03%"`` (half-up to ``digits``)."""
    _check_language(lang)
    _check_decimal(fraction, "fraction")
    percent = (fraction * 100).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    if percent == 0:
        percent = abs(percent)  # no "-0.00%"
    return f"{percent:.{digits}f}%"


def format_date(day: date, lang: str) -> str:
    """zh-CN ``"2026年11月25日"``, en ``"25 Nov 2026"``."""
    _check_language(lang)
    if lang == "zh-CN":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {_EN_MONTHS[day.month - 1]} {day.year}"


def format_datetime(moment: datetime, lang: str) -> str:
    """A moment on the display clock: ``"2026年11月25日 14:05"`` / ``"25 Nov 2026 14:05"``.

    An aware moment is shown in the display time zone (Asia/Shanghai unless configured).
    """
    if moment.tzinfo is not None:
        moment = to_display_time(moment)
    return f"{format_date(moment.date(), lang)} {moment:%H:%M}"


def format_months(n: int, lang: str) -> str:
    """A term in months: ``"24个月"`` / ``"24 months"``, ``"1 month"``."""
    _check_language(lang)
    return translate("unit.month" if n == 1 else "unit.months", lang, n=n)


def md_escape(text: str) -> str:
    """Text shown in markdown as typed: a masked name's ``*`` must not become italics."""
    return "".join(f"\\{char}" if char in "\\*_`[]<>#~|" else char for char in text)
