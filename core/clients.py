"""A client: who they are, how to reach them, and what they agreed we may keep.

Identifiers are normalised before they are stored, so that one person is always written the
same way:

- A mainland mobile number is 11 digits starting ``13``–``19``. Spaces, dashes, full-width
  digits and a ``+86`` / ``0086`` / ``86`` prefix are accepted and removed:
  ``"+86 138-0013-8000"`` → ``"13800138000"``.
- A resident ID number (居民身份证号码, GB 11643) is 17 digits and a check character. The
  first six digits are the region, the next eight the date of birth (``YYYYMMDD``), then a
  three-digit sequence. The check character is ISO 7064 MOD 11-2: multiply the 17 digits by
  the weights ``7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2``, take the sum modulo 11 and look it up
  in ``"10X98765432"``. A lower-case ``x`` is upper-cased.

  Example: ``11010519491231002`` → weighted sum 1·7 + 1·9 + 0·10 + 1·5 + 0·8 + 5·4 + 1·2
  + 9·1 + 4·6 + 9·3 + 1·7 + 2·9 + 3·10 + 1·5 + 0·8 + 0·4 + 2·2 = 167; 167 mod 11 = 2;
  ``"10X98765432"[2]`` = ``X``, so the full number is ``11010519491231002X``.

:func:`mask` hides most of a name, phone, ID or contract number for screens and exports
where the full value is not needed.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from core.errors import CoreError
from core.limits import (
    ID_NUMBER_LENGTH,
    MAX_CLIENT_CONTACTS,
    MAX_HOUSEHOLD_SIZE,
    MAX_NAME_LENGTH,
    MAX_NOTES_LENGTH,
    MOBILE_LENGTH,
)

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"
#: The earliest birth year accepted in an ID number (the oldest living people were born ~1900).
EARLIEST_BIRTH_YEAR = 1900
#: A masked phone, ID or contract number hides at least this many characters (or half).
MIN_HIDDEN = 4

# Full-width digits and letters (as typed with a Chinese input method) to ASCII.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９ｘＸ＋", "0123456789xX+")
_SEPARATORS = str.maketrans("", "", " \t-—－()（）.\u3000")


class InvalidIdentifierError(CoreError):
    """A mobile number, ID number or similar identifier that cannot be right."""

    code = "invalid_identifier"


def _clean(value: str) -> str:
    return value.translate(_FULL_WIDTH).translate(_SEPARATORS)


def normalize_mobile(value: str, field: str = "mobile") -> str:
    """A mainland mobile number as 11 ASCII digits, or :class:`InvalidIdentifierError`.

    >>> normalize_mobile("+86 138-0013-8000")
    '13800138000'
    """
    if not isinstance(value, str):
        raise InvalidIdentifierError(field, f"expected text, got {type(value).__name__}")
    text = _clean(value)
    for prefix in ("+86", "0086", "86"):
        if text.startswith(prefix) and len(text) == len(prefix) + MOBILE_LENGTH:
            text = text[len(prefix) :]
            break
    if not text.isascii() or not text.isdigit():
        raise InvalidIdentifierError(field, f"a mobile number has digits only, got {value!r}")
    if len(text) != MOBILE_LENGTH:
        raise InvalidIdentifierError(
            field, f"a mobile number has {MOBILE_LENGTH} digits, got {len(text)}"
        )
    if text[0] != "1" or text[1] not in "3456789":
        raise InvalidIdentifierError(field, f"a mobile number starts 13 to 19, got {text[:2]}")
    return text


def id_check_char(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character of the first 17 digits of an ID number."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise InvalidIdentifierError("id_number", "the check character needs exactly 17 digits")
    total = sum(int(digit) * weight for digit, weight in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARS[total % 11]


def normalize_id_number(value: str, field: str = "id_number") -> str:
    """An 18-character resident ID number with a valid birth date and check character.

    >>> normalize_id_number("11010519491231002x")
    '11010519491231002X'
    """
    if not isinstance(value, str):
        raise InvalidIdentifierError(field, f"expected text, got {type(value).__name__}")
    text = _clean(value).upper()
    if len(text) != ID_NUMBER_LENGTH:
        raise InvalidIdentifierError(
            field, f"an ID number has {ID_NUMBER_LENGTH} characters, got {len(text)}"
        )
    body, check = text[:17], text[17]
    if not body.isascii() or not body.isdigit() or check not in ID_CHECK_CHARS:
        raise InvalidIdentifierError(field, "an ID number is 17 digits and a digit or X")
    try:
        born = date(int(body[6:10]), int(body[10:12]), int(body[12:14]))
    except ValueError:
        raise InvalidIdentifierError(field, f"{body[6:14]} is not a date of birth") from None
    if born.year < EARLIEST_BIRTH_YEAR:
        raise InvalidIdentifierError(field, f"a birth year of {born.year} is not plausible")
    expected = id_check_char(body)
    if check != expected:
        raise InvalidIdentifierError(
            field, f"the check character is {check} but the digits give {expected}"
        )
    return text


def birth_date(id_number: str) -> date:
    """The date of birth written in a (normalised) ID number."""
    text = normalize_id_number(id_number)
    return date(int(text[6:10]), int(text[10:12]), int(text[12:14]))


class MaskKind(StrEnum):
    NAME = "name"
    PHONE = "phone"
    ID_NUMBER = "id_number"
    CONTRACT = "contract"


def mask(kind: MaskKind | str, value: str) -> str:
    """Hide most of a personal value, keeping just enough to recognise it.

    ============  ===================  ======================
    kind          value                masked
    ============  ===================  ======================
    name          张三 / 张小明 / 欧阳小明  张* / 张*明 / 欧**明
    phone         13812345678          138****5678
    id_number     110105194912310021   110105********0021
    contract      HT20240315001        *********5001
    ============  ===================  ======================

    Values that are too short to keep anything are masked completely; an empty value stays
    empty. The input is not validated: a malformed phone is still masked, never shown whole.
    """
    kind = MaskKind(kind)
    text = value.strip()
    if not text:
        return ""
    if kind is MaskKind.NAME:
        if len(text) == 1:
            return "*"
        if len(text) == 2:
            return text[0] + "*"
        return text[0] + "*" * (len(text) - 2) + text[-1]
    if kind is MaskKind.PHONE:
        return _keep_ends(text, 3, 4)
    if kind is MaskKind.ID_NUMBER:
        return _keep_ends(text, 6, 4)
    return _keep_ends(text, 0, 4)


def _keep_ends(text: str, head: int, tail: int) -> str:
    if len(text) - head - tail < MIN_HIDDEN:
        # Too short for the usual pattern: show at most half of it, from the end.
        keep = len(text) // 2
        tail = min(tail, keep)
        head = min(head, keep - tail)
    hidden = len(text) - head - tail
    return text[:head] + "*" * hidden + text[len(text) - tail :]


class ConsentScope(StrEnum):
    """What the client allowed: each scope is agreed separately."""

    #: Keep name, phone, ID number and finances in this workbench.
    STORE_PERSONAL_DATA = "store_personal_data"
    #: Speak to lenders on the client's behalf.
    CONTACT_LENDERS = "contact_lenders"
    #: Keep recordings and screenshots of calls and chats.
    KEEP_RECORDINGS = "keep_recordings"


class Consent(BaseModel):
    """The client's consent: when it was given and what it covers."""

    model_config = ConfigDict(frozen=True)

    given_on: date
    scopes: frozenset[ConsentScope] = Field(min_length=1)

    def covers(self, scope: ConsentScope) -> bool:
        return scope in self.scopes


class Relation(StrEnum):
    """How a person named on the client's record is related to the client."""

    SPOUSE = "spouse"
    PARENT = "parent"
    CHILD = "child"
    SIBLING = "sibling"
    RELATIVE = "relative"
    FRIEND = "friend"
    COLLEAGUE = "colleague"
    EMPLOYER = "employer"
    OTHER = "other"


class ClientContact(BaseModel):
    """Someone the client's record names: an emergency contact a lender may have been given, a
    relative or colleague a collector called. Their name is personal data of a third person:
    it is masked wherever the client's is."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=MAX_NAME_LENGTH)
    relation: Relation = Relation.OTHER


class Client(BaseModel):
    """A person the counselor helps. ``id`` and ``version`` are set by the store.

    A mobile or ID number may only be kept with the client's consent to store personal data.
    """

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    id: int | None = None
    version: int = Field(default=0, ge=0)
    name: str = Field(min_length=1, max_length=MAX_NAME_LENGTH)
    mobile: str | None = Field(default=None, max_length=MOBILE_LENGTH)
    id_number: str | None = Field(default=None, max_length=ID_NUMBER_LENGTH)
    household_size: int = Field(default=1, ge=1, le=MAX_HOUSEHOLD_SIZE)
    notes: str = Field(default="", max_length=MAX_NOTES_LENGTH)
    consent: Consent | None = None
    #: Other people the record names (relatives, references); their names are masked too.
    contacts: tuple[ClientContact, ...] = Field(default=(), max_length=MAX_CLIENT_CONTACTS)

    @field_validator("mobile", mode="before")
    @classmethod
    def _normalize_mobile(cls, value: object) -> object:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return normalize_mobile(value)  # type: ignore[arg-type]

    @field_validator("id_number", mode="before")
    @classmethod
    def _normalize_id_number(cls, value: object) -> object:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return normalize_id_number(value)  # type: ignore[arg-type]

    @model_validator(mode="after")
    def _identifiers_need_consent(self) -> Client:
        has_identifiers = self.mobile is not None or self.id_number is not None
        allowed = self.consent is not None and self.consent.covers(ConsentScope.STORE_PERSONAL_DATA)
        if has_identifiers and not allowed:
            field = "mobile" if self.mobile is not None else "id_number"
            raise CoreError(
                field,
                "a mobile or ID number is kept only with consent to store personal data",
                code="consent_required",
            )
        return self

    @property
    def names(self) -> tuple[str, ...]:
        """Every person's name the record holds: the client's first, then the contacts'."""
        return (self.name, *(contact.name for contact in self.contacts))

    @property
    def mobile_tail(self) -> str | None:
        """The last four digits of the mobile number, as counselors quote it."""
        return self.mobile[-4:] if self.mobile else None
