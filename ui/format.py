"""Display formatting for money, rates, dates and terms in each UI language.

Money, percentages and dates are written by :mod:`core.text`, the one formatter shared with the
engine's reasons, call scripts and reports; this module keeps the UI's ``(value, lang)``
signatures and adds what only the UI shows (the display clock, terms, markdown escaping).
Display never rounds money on its own terms: anything finer than a fen goes through
``core.money.round_fen``, the single rounding rule.
"""

from datetime import date, datetime
from decimal import Decimal

from core import text as core_text
from store.settings import to_display_time
from ui.i18n import translate


def format_money(amount: Decimal, lang: str) -> str:
    """``Decimal("12000")`` -> ``"¥12,000.00"``, negative ``"-¥12.00"``, in both languages."""
    core_text.check_language(lang)
    return core_text.format_money(amount)


def format_percent(fraction: Decimal, lang: str, digits: int = 2) -> str:
    """A fraction as a percentage: ``Decimal("0.1303")`` -> ``"13.03%"`` (half-up to ``digits``)."""
    core_text.check_language(lang)
    return core_text.format_percent(fraction, digits)


def format_date(day: date, lang: str) -> str:
    """zh-CN ``"2026年11月25日"``, en ``"25 Nov 2026"``."""
    return core_text.format_date(day, lang)


def format_datetime(moment: datetime, lang: str) -> str:
    """A moment on the display clock: ``"2026年11月25日 14:05"`` / ``"25 Nov 2026 14:05"``.

    An aware moment is shown in the display time zone (Asia/Shanghai unless configured).
    """
    if moment.tzinfo is not None:
        moment = to_display_time(moment)
    return f"{format_date(moment.date(), lang)} {moment:%H:%M}"


def format_months(n: int, lang: str) -> str:
    """A term in months: ``"24个月"`` / ``"24 months"``, ``"1 month"``."""
    core_text.check_language(lang)
    return translate("unit.month" if n == 1 else "unit.months", lang, n=n)


def md_escape(text: str) -> str:
    """Text shown in markdown as typed: a masked name's ``*`` must not become italics."""
    return "".join(f"\\{char}" if char in "\\*_`[]<>#~|" else char for char in text)
