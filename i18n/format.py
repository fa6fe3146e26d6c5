"""Display formatting: one formatter per kind of value, in each language.

Money, percentages, dates and date-times are written by :mod:`core.text`, the formatter the
engine's reasons, call scripts and reports share, so a client sees a figure written the same
way everywhere; this module gives them the ``(value, lang)`` shape the pages and reports use and
adds terms in months and markdown escaping. Display never rounds money on its own terms:
anything finer than a fen goes through ``core.money.round_fen``.

Times are shown in one zone, :data:`DISPLAY_ZONE` (``Asia/Shanghai``, where the lenders, their
due days and the client are): the same zone the call rules read deadlines and quiet hours in.

>>> from datetime import UTC, datetime
>>> format_datetime(datetime(2026, 11, 25, 6, 30, tzinfo=UTC), "en")
'25 Nov 2026, 14:30'
>>> format_months(1, "en"), format_months(24, "zh-CN")
('1 month', '24个月')
"""

from __future__ import annotations

import re
import string
from datetime import date, datetime, tzinfo
from decimal import Decimal
from zoneinfo import ZoneInfo

from core import text as core_text
from core.rules.timing import LOCAL_TZ
from i18n.text import translate

#: The zone every time is shown in.
DISPLAY_ZONE: tzinfo = LOCAL_TZ


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


def to_display_time(moment: datetime, zone: tzinfo | str = DISPLAY_ZONE) -> datetime:
    """The same instant on the display clock; a naive ``datetime`` is refused.

    >>> from datetime import UTC
    >>> to_display_time(datetime(2026, 3, 1, 15, 30, tzinfo=UTC)).isoformat()
    '2026-03-01T23:30:00+08:00'
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("moment: a naive datetime has no defined instant; pass an aware one")
    return moment.astimezone(ZoneInfo(zone) if isinstance(zone, str) else zone)


def format_datetime(moment: datetime, lang: str, zone: tzinfo = DISPLAY_ZONE) -> str:
    """An aware moment on the display clock, to the minute: ``"2026年11月25日 14:30"`` /
    ``"25 Nov 2026, 14:30"``."""
    return core_text.format_datetime(moment, lang, zone=zone)


def format_months(n: int, lang: str) -> str:
    """A term in months: ``"24个月"`` / ``"24 months"``, ``"1 month"``."""
    core_text.check_language(lang)
    return translate("unit.months", lang, n=n)


def md_escape(text: str) -> str:
    """Text a user typed, for a Markdown sink (``st.markdown``, a widget's label, ``help=``…),
    so that Streamlit shows it as typed: no emphasis, KaTeX, link, image, heading or list.

    * Every ASCII punctuation character gets a backslash: CommonMark shows ``\\X`` as ``X``
      for any of them, so ``*``, ``_``, ``$``, ``[``, ``!``, ``<``, ``#``, ``:``, ``|``… are
      text, and no line can start a heading, list, quote, fence, table or directive
      (``:red[…]``).
    * A line break stays a line break (a backslash before it), never a paragraph break; the
      spaces around each line are dropped (an indented line would otherwise be code), as are
      empty lines at either end (a final backslash would show).
    * Streamlit and GFM also rewrite the *text* after parsing, where a backslash no longer
      is: ``:smile:``, ``:material_x:`` and ``:streamlit:`` become icons, ``http://…``,
      ``www.…`` and ``a@b.c`` become links, ``->``, ``--``, ``<=``… become arrows and dashes.
      An invisible word joiner (U+2060) after each ``:``, before each ``@`` and before the
      ``.`` of ``www.``, and inside each such pair keeps them apart.

    >>> print(md_escape("张*明"), md_escape("**X** $x$ [l](u)"))
    张\\*明 \\*\\*X\\*\\* \\$x\\$ \\[l\\]\\(u\\)
    >>> print(md_escape("a\\n# h\\n"))
    a\\
    \\# h
    """
    lines = [line.strip() for line in _LINE_BREAK.split(text)]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\\\n".join(_escape_line(line) for line in lines)


#: Every way a line can end (``str.splitlines`` would split on more than Markdown does).
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ASCII_PUNCTUATION = frozenset(string.punctuation)
#: U+2060 WORD JOINER: invisible, no line break, and no word character for a regex.
WORD_JOINER = "\u2060"
#: Pairs Streamlit turns into arrows and dashes (``->`` → →, ``--`` → —, ``<=`` → ≤, ``~=`` → ≈).
_TYPOGRAPHIC_PAIRS = frozenset({"<-", "->", "--", ">=", "<=", "~="})
_WWW_DOT = re.compile(r"(?<=www)(?=\.)", re.IGNORECASE)


def _escape_line(line: str) -> str:
    line = _WWW_DOT.sub(WORD_JOINER, line)
    out = []
    for i, char in enumerate(line):
        following = line[i + 1 : i + 2]
        if char == "@":
            out.append(WORD_JOINER)
        out.append(f"\\{char}" if char in _ASCII_PUNCTUATION else char)
        # (a colon ending the text too: what follows it on the page may be a word)
        if (char == ":" and not following.isspace()) or char + following in _TYPOGRAPHIC_PAIRS:
            out.append(WORD_JOINER)
    return "".join(out)
