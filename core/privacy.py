"""One scrubber per audience: what free text may say of a person once it leaves the counselor.

Free text a counselor types — a call's summary, what each side promised, a task's title —
quotes numbers and names as they were heard: ``回电 139 1234 5678``, ``身份证110101 19900307
7651``, ``合同AXCF-2024-0091277``, ``她丈夫李强也接到了催收电话``. :func:`scrub` rewrites such text
for one :class:`Audience`:

- :attr:`Audience.CLIENT` — anything the client or a third party may see: the share view, the
  chart images, the PDF and HTML reports, the ``.ics`` calendar, a masked CSV export;
- :attr:`Audience.LENDER` — messages to the lender: the confirmation message after a call
  (later the application letter). The lender knows the client and the contract; it gets the
  client's name and the contract number whole, and the client's ID and mobile numbers only by
  their last four digits, as lenders quote them themselves (尾号7651).

What is found, and what is left of it
-------------------------------------

A value is found by its shape, whatever its spelling — ASCII or full-width digits, groups
separated by spaces, hyphens or dots, a ``+86`` / ``0086`` / ``(+86)`` prefix — and, when a
:class:`Known` record is given, by its value on record (a staff number of four digits, a
contract number shaped like nothing). ``***`` is :data:`HIDDEN`; ``****7651`` is
:data:`TAIL_MARK` and the last four characters.

==========================================  ==============  ======================
what                                        CLIENT          LENDER
==========================================  ==============  ======================
ID number: 18 characters, X too             ``***``         ``****765X``
mainland mobile: 11 digits from 13–19       ``***``         ``****5678``
landline: ``010-12345678``,                 ``***``         ``****5678`` (the
``(021) 6123 4567``, ``0755-8888 6666``,                    extension left out)
``+86 10 1234 5678``, ``转802``, ``ext. 12``
run of 7+ digits, maybe grouped: a bank     ``***``         ``****7890``
card ``6222 0212 3456 7890``, an account,
a 15-digit ID, a local number
code of letters and 3+ digits, maybe        ``***``         whole (a contract or
joined by ``-`` ``_`` ``/`` or spaced                       staff number); an ID
after capitals: ``AXCF-2024-0091277``,                      or mobile inside it as
``XF-2025-889900``, ``FD2035``,                             above
``AXCF 2024 0091277``
the record's mobile and ID numbers          ``***``         ``****`` + last 4
the record's contract numbers               ``***``         whole
the record's agents' staff numbers          ``***``         whole
the client's name                           张*明           whole
the names of the record's contacts          李*             李*
hotline ``400-820-8820``, ``800 …``         whole           whole
==========================================  ==============  ======================

A name is shortened as on every masked screen (:func:`core.clients.mask` with
``MaskKind.NAME``: the first character, and the last of three or more; names of one character
are not searched for), so the text reads like the masked header above it. Of a number the
client's copy keeps nothing; the lender's message keeps at most the last 4 characters of
anything but a contract or staff number. What stays untouched:

- dates: ``2026-04-01``, ``2026/4/1``, ``2026.04.01``, ``2026年4月1日``, ``4月1日``,
  ``2024-2025年``;
- money: ``¥12,000.00``, ``￥500``, ``RMB 300``, ``12000元``, ``3.5万``, ``1,200.00``,
  ``12000.00`` (at most 9 digits before the point, or thousands separated by commas);
- percentages (``18%``, ``0.05％``) and short numbers (``第2期``, ``24个月``, ``3个工作日``, a
  6-digit figure, ``COVID19``, ``5G``, ``H7N9``).

Known limits, all but the last on the side of hiding too much: a bare figure of 7 or more
digits (no currency sign, unit or thousands separators) is taken for a number and hidden, and
so is a date written as 8 digits (``20260401``) or a word of letters and 3+ digits
(``2024Q1``); two numbers separated only by a space or a dash may be taken as one; a value on
record is hidden wherever it stands alone, even as an amount (``7021元`` for staff number
7021). For the lender a code is kept whole, so a number glued to a contract number by a dash
(``AXCF-2024-0091277-0755-8888666``) is read as part of it, unless shaped like an ID or mobile.

>>> scrub("回电 13912345678，合同AXCF-2024-0091277，4月1日前还¥1,200.00", Audience.CLIENT)
'回电 ***，合同***，4月1日前还¥1,200.00'
>>> scrub("身份证 110101 19900307 7651 已核实", Audience.CLIENT)
'身份证 *** 已核实'
>>> scrub("手机 +86 139-1234-5678，身份证 110101-1990-0307-765X", Audience.LENDER)
'手机 ****5678，身份证 ****765X'
>>> scrub("座机 (021) 6123 4567 转 802", Audience.CLIENT)
'座机 ***'

With the record, names and numbers shaped like nothing are found too:

>>> from core.clients import Client, ClientContact
>>> client = Client(name="张小明", contacts=(ClientContact(name="李强"),))
>>> known = Known.of(client, contract_numbers=("HT-8812",), agent_ids=("7021",))
>>> scrub("张小明说李强接到工号7021的电话，合同HT8812，共还¥8,812.00", Audience.CLIENT, known)
'张*明说李*接到工号***的电话，合同***，共还¥8,812.00'
>>> scrub("张小明说李强接到工号7021的电话，合同HT8812，共还¥8,812.00", Audience.LENDER, known)
'张小明说李*接到工号7021的电话，合同HT8812，共还¥8,812.00'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from core.clients import Client, MaskKind, mask

__all__ = ["HIDDEN", "MIN_KNOWN", "TAIL_MARK", "Audience", "Known", "scrub"]

#: What stands in for a number in the client's copy.
HIDDEN = "***"
#: What stands before the last four characters of a number in a message to the lender.
TAIL_MARK = "****"
#: A value on record shorter than this (separators left out) is too likely part of a figure.
MIN_KNOWN = 4
#: How many characters of an ID, mobile or other number the lender sees.
TAIL = 4


class Audience(StrEnum):
    """Who will read the text."""

    #: The client, or anyone the client passes it on to (share view, images, PDF, HTML,
    #: ``.ics``, masked CSV).
    CLIENT = "client"
    #: The lender (the confirmation message, the application letter).
    LENDER = "lender"


class Known(BaseModel):
    """The names and numbers a client's record holds, to be found in free text even when they
    are shaped like nothing (a staff number ``7021``, a contract number ``HT-8812``)."""

    model_config = ConfigDict(frozen=True)

    #: The client's own name (kept for the lender).
    name: str = ""
    #: The names of the other people the record names (never shown whole).
    contacts: tuple[str, ...] = ()
    mobiles: tuple[str, ...] = ()
    id_numbers: tuple[str, ...] = ()
    contract_numbers: tuple[str, ...] = ()
    #: Lenders' agents' staff numbers (工号).
    agent_ids: tuple[str, ...] = ()

    @classmethod
    def of(
        cls,
        client: Client | None,
        *,
        contract_numbers: Iterable[str] = (),
        agent_ids: Iterable[str] = (),
    ) -> Known:
        """What ``client``'s record holds, with the contract numbers of its debts and the staff
        numbers of the agents its calls were with."""

        def values(items: Iterable[str | None]) -> tuple[str, ...]:
            return tuple(sorted({item.strip() for item in items if item and item.strip()}))

        if client is None:
            return cls(contract_numbers=values(contract_numbers), agent_ids=values(agent_ids))
        return cls(
            name=client.name,
            contacts=values(contact.name for contact in client.contacts),
            mobiles=values([client.mobile]),
            id_numbers=values([client.id_number]),
            contract_numbers=values(contract_numbers),
            agent_ids=values(agent_ids),
        )

    @property
    def names(self) -> tuple[str, ...]:
        """Every person's name on record: the client's first, then the contacts'."""
        return tuple(name for name in (self.name, *self.contacts) if name)


NO_ONE = Known()

# --- the shapes ---------------------------------------------------------------------------------

_DIGIT = "[0-9０-９]"
_LETTER = "[A-Za-zＡ-Ｚａ-ｚ]"
_ALNUM = "0-9A-Za-z０-９Ａ-Ｚａ-ｚ"
_SPACE = "[ \t\u00a0\u3000]"
_DASH = "[-‐‑‒–—―－]"
#: Between two groups of an ID, mobile or landline: spaces, or one dash or dot with spaces.
_SEP = rf"(?:{_SPACE}{{1,2}}|{_SPACE}?(?:{_DASH}|[.．·]){_SPACE}?)"
#: Between two groups of a long number: spaces, or one dash (see _DOT_JOINT for dots).
_LONG_SEP = rf"(?:{_SPACE}{{1,2}}|{_SPACE}?{_DASH}{_SPACE}?)"
_NOT_AFTER_DIGIT = rf"(?<!{_DIGIT})"
_NOT_BEFORE_DIGIT = rf"(?!{_DIGIT})"
_OPEN, _CLOSE = "[(（]", "[)）]"
_PLUS_86 = "(?:[+＋]|00|００)?[8８][6６]"
_COUNTRY = rf"(?:{_OPEN}{_SPACE}?{_PLUS_86}{_SPACE}?{_CLOSE}|{_PLUS_86})"


def _digits(classes: Iterable[str]) -> str:
    """One digit class after another, a separator allowed between any two."""
    return f"{_SEP}?".join(classes)


# An ID number: 6 digits of region, a birth date (year 1xxx/2xxx, month 0x/1x, day 0x–3x),
# a 3-digit sequence and a check digit or X.
_ID_NUMBER = (
    _NOT_AFTER_DIGIT
    + _digits(
        [_DIGIT] * 6
        + ["[12１２]", _DIGIT, _DIGIT, _DIGIT, "[01０１]", _DIGIT, "[0-3０-３]", _DIGIT]
        + [_DIGIT] * 3
        + ["[0-9０-９XxＸｘ]"]
    )
    + _NOT_BEFORE_DIGIT
)
_MOBILE = (
    rf"{_NOT_AFTER_DIGIT}(?:{_COUNTRY}{_SEP}?)?"
    + _digits(["[1１]", "[3-9３-９]"] + [_DIGIT] * 9)
    + _NOT_BEFORE_DIGIT
)
# A landline: an area code with its 0 (010, 021, 0755; maybe in brackets) or after +86
# without it, then 7 or 8 digits, then maybe an extension.
_AREA = (
    rf"(?:{_OPEN}{_SPACE}?[0０]{_DIGIT}{{2,3}}{_SPACE}?{_CLOSE}"
    rf"|[0０]{_DIGIT}{{2,3}}"
    rf"|{_COUNTRY}{_SEP}?(?:{_OPEN}[0０]{_CLOSE})?{_SPACE}?[1-9１-９]{_DIGIT}{{1,2}})"
)
_EXTENSION = rf"{_SPACE}*(?:转|分机|ext\.?|[xX#]|{_DASH}){_SPACE}*{_DIGIT}{{1,6}}"
_LANDLINE_PARTS = (
    rf"{_NOT_AFTER_DIGIT}(?:{_AREA}){_SEP}?"
    rf"(?P<subscriber>{_DIGIT}(?:{_SEP}?{_DIGIT}){{6,7}})(?:{_EXTENSION})?{_NOT_BEFORE_DIGIT}"
)
_LANDLINE = _LANDLINE_PARTS.replace("(?P<subscriber>", "(?:")
# A business hotline (400-820-8820, 800 number): nobody's personal number.
_HOTLINE = (
    rf"{_NOT_AFTER_DIGIT}[48４８][0０]{{2}}"
    rf"{_SEP}?{_DIGIT}{{3}}{_SEP}?{_DIGIT}{{4}}{_NOT_BEFORE_DIGIT}"
)
# Figures that stay: dates, money, percentages.
_YEAR = "(?:19|20|１９|２０)" + _DIGIT * 2
#: A dash, slash or dot and a digit: a date so continued is part of a longer number.
_GOES_ON = rf"(?![-－/.．]{_DIGIT})"
_DATE = (
    rf"{_NOT_AFTER_DIGIT}(?<!{_DIGIT}[-－/.．])(?:"
    rf"{_YEAR}{_SPACE}?年{_SPACE}?{_DIGIT}{{1,2}}{_SPACE}?月(?:{_SPACE}?{_DIGIT}{{1,2}}{_SPACE}?[日号])?"
    rf"|{_YEAR}(?P<date_sep>[-/.．]){_DIGIT}{{1,2}}(?P=date_sep){_DIGIT}{{1,2}}{_GOES_ON}"
    rf"|{_DIGIT}{{1,2}}{_SPACE}?月{_SPACE}?{_DIGIT}{{1,2}}{_SPACE}?[日号]"
    rf"|{_YEAR}[-–—~～至到]{_YEAR}{_GOES_ON}"
    rf"){_NOT_BEFORE_DIGIT}"
)
# An amount: thousands separated by commas, or at most 9 digits (no amount of ours reaches
# a billion); a longer run is a number even with a currency sign or unit.
_AMOUNT = (
    rf"(?:{_DIGIT}{{1,3}}(?:,{_DIGIT}{{3}})+|{_DIGIT}{{1,9}})(?:[.．]{_DIGIT}+)?{_NOT_BEFORE_DIGIT}"
)
_MONEY = (
    rf"(?:[¥￥]|RMB|CNY|rmb|cny){_SPACE}?-?{_AMOUNT}"
    rf"|{_NOT_AFTER_DIGIT}{_AMOUNT}{_SPACE}?(?:万元|元|块|万|亿|yuan|RMB|CNY)"
    rf"|{_NOT_AFTER_DIGIT}{_DIGIT}{{1,3}}(?:,{_DIGIT}{{3}})+(?:[.．]{_DIGIT}+)?{_NOT_BEFORE_DIGIT}"
)
_PERCENT = rf"{_NOT_AFTER_DIGIT}{_DIGIT}+(?:[.．]{_DIGIT}+)?{_SPACE}?[%％]"
# A code: letters and digits, maybe joined by - _ /, with at least one letter.
_JOINT = "[-_/－／]"
_CODE = (
    rf"(?<![{_ALNUM}])(?=[{_ALNUM}_/\-－／]*{_LETTER})"
    rf"[{_ALNUM}]+(?:{_JOINT}[{_ALNUM}]+)*(?![{_ALNUM}])"
)
# Capital letters, then groups with digits after spaces (AXCF 2024 0091277), unless what follows
# the letters is an ID, mobile or landline (ID 110101 19900307 7651 keeps its word).
_SPACED_CODE = (
    rf"(?<![{_ALNUM}])[A-ZＡ-Ｚ]{{1,6}}"
    rf"(?!{_SPACE}{{1,2}}(?:{_ID_NUMBER}|{_MOBILE}|{_LANDLINE}))"
    rf"(?:{_SPACE}{{1,2}}[{_ALNUM}]*{_DIGIT}[{_ALNUM}]*(?:{_JOINT}[{_ALNUM}]+)*)+(?![{_ALNUM}])"
)
# Digits only, maybe grouped (a bank card, an account, an ID typed oddly, a 15-digit old ID).
# Groups may also be joined by a dot between two groups of 3 or more digits (6222.0212…),
# never in a figure such as 12000.00.
_DOT_JOINT = rf"(?<={_DIGIT}{{3}})[.．](?={_DIGIT}{{3}})"
_LONG = (
    rf"(?<![{_ALNUM}]){_DIGIT}+(?:(?:{_LONG_SEP}|{_DOT_JOINT}){_DIGIT}+)*"
    rf"(?:{_LONG_SEP}?[XxＸｘ](?![A-Za-z]))?(?![{_ALNUM}])"
)
#: Fewer digits than this in a run, and it is a figure; this many, a phone or account number.
MIN_LONG = 7
#: A code with letters and this many digits is an identifier (FD2035, A123).
MIN_CODE_DIGITS = 3

_FULL_WIDTH = str.maketrans(
    "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ"
    "ａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ",
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
)
_SUBSCRIBER = re.compile(_LANDLINE_PARTS)
#: An ID or mobile number inside a code the lender may see (its last 4 only).
_INNER_NUMBER = re.compile(rf"(?P<id>{_ID_NUMBER})|(?P<mobile>{_MOBILE})")
_STATIC = (
    rf"(?P<id>{_ID_NUMBER})|(?P<mobile>{_MOBILE})|(?P<landline>{_LANDLINE})"
    rf"|(?P<keep>{_HOTLINE}|{_DATE}|{_MONEY}|{_PERCENT})"
    rf"|(?P<code>{_SPACED_CODE}|{_CODE})|(?P<long>{_LONG})"
)


def _ascii(text: str) -> str:
    return text.translate(_FULL_WIDTH)


def _plain(value: str) -> str:
    """A value without separators, ASCII, upper case: how values on record are compared."""
    return re.sub(rf"{_SPACE}|{_DASH}|[._/（）()·．／]", "", _ascii(value)).upper()


def _tail(text: str, *, letters: bool = False) -> str:
    """``****`` and the last four digits (or digits and X) of ``text``."""
    kept = [c for c in _ascii(text).upper() if c.isdigit() or (letters and c.isalnum())]
    return TAIL_MARK + "".join(kept[-TAIL:])


def _value_pattern(value: str) -> str:
    """``value`` (plain) spelled with any separators between its characters."""
    parts = []
    for char in value:
        if char.isdigit():
            parts.append(f"[{char}{chr(ord(char) + 0xFEE0)}]")
        elif char.isascii() and char.isalpha():
            lower, upper = char.lower(), char.upper()
            wide = chr(ord(upper) + 0xFEE0) + chr(ord(lower) + 0xFEE0)
            parts.append(f"[{lower}{upper}{wide}]")
        else:
            parts.append(re.escape(char))
    return f"{_SEP}?".join(parts)


def _words(name: str) -> str:
    """A name as compared: its words, single-spaced, case folded."""
    return " ".join(name.split()).casefold()


def _name_pattern(name: str) -> str:
    if name.isascii():
        words = r"\s+".join(re.escape(word) for word in name.split())
        return rf"(?<![A-Za-z])(?i:{words})(?![A-Za-z])"
    return re.escape(name)


class _Scrubber:
    """The compiled pattern for one record, and what each kind of match becomes."""

    def __init__(self, known: Known) -> None:
        # Each value on record, plain, to the kind it is; a value in two roles is the more
        # secret one (a mobile also typed as a contract number is a mobile).
        kinds: dict[str, str] = {}
        for kind, values in (
            ("agent", known.agent_ids),
            ("contract", known.contract_numbers),
            ("mobile", known.mobiles),
            ("id", known.id_numbers),
        ):
            for value in values:
                plain = _plain(value)
                if len(plain) >= MIN_KNOWN:
                    kinds[plain] = kind
        self.kinds = kinds
        self.client_name = _words(known.name)
        names = {name.strip() for name in known.names if len(name.strip()) >= 2}
        parts = []
        if kinds:
            spelled = "|".join(_value_pattern(v) for v in sorted(kinds, key=len, reverse=True))
            parts.append(rf"(?P<known>(?<![{_ALNUM}.,])(?:{spelled})(?![{_ALNUM}]|[.,]{_DIGIT}))")
        if names:
            alternatives = "|".join(
                _name_pattern(name) for name in sorted(names, key=len, reverse=True)
            )
            parts.append(rf"(?P<name>{alternatives})")
        self.pattern = re.compile("|".join([*parts, _STATIC]))

    def scrub(self, text: str, audience: Audience) -> str:
        client = audience is Audience.CLIENT

        def replace(match: re.Match[str]) -> str:
            found, kind = match.group(), match.lastgroup
            if kind == "known":
                role = self.kinds[_plain(found)]
                if client:
                    return HIDDEN
                if role in ("mobile", "id"):
                    return _tail(found, letters=role == "id")
                return found
            if kind == "name":
                if not client and _words(found) == self.client_name:
                    return found
                return mask(MaskKind.NAME, found)
            if kind == "keep":
                return found
            if kind == "code":
                digits = sum(c.isdigit() for c in _ascii(found))
                if digits < MIN_CODE_DIGITS:
                    return found
                if client:
                    return HIDDEN
                return _INNER_NUMBER.sub(lambda inner: self.for_lender(inner), found)
            if kind == "long":
                if sum(c.isdigit() for c in _ascii(found)) < MIN_LONG:
                    return found
                return HIDDEN if client else _tail(found, letters=True)
            return HIDDEN if client else self.for_lender(match)

        return self.pattern.sub(replace, text)

    @staticmethod
    def for_lender(match: re.Match[str]) -> str:
        """An ID, mobile or landline number as the lender sees it: its last 4 characters."""
        found = match.group()
        if match.lastgroup == "landline":
            parts = _SUBSCRIBER.fullmatch(found)
            return _tail(parts.group("subscriber") if parts else found)
        return _tail(found, letters=match.lastgroup == "id")


@lru_cache(maxsize=256)
def _scrubber(known: Known) -> _Scrubber:
    return _Scrubber(known)


def scrub(text: str, audience: Audience, known: Known | None = None) -> str:
    """``text`` as ``audience`` may read it (see the module docstring for what is found and
    what is left of it); ``known`` adds the names and numbers of the client's record."""
    if not text:
        return text
    return _scrubber(known or NO_ONE).scrub(text, Audience(audience))
