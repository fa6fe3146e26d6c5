"""The power of attorney (授权委托书): what a client may authorise a counselor to do with one
lender, and for how long.

A counselor who speaks to a lender for a client needs the client's written authorisation. The
document (:mod:`report.attorney`) names the lender and the contract, the client and the
counselor, lists what the counselor may do (:class:`Scope`), and for how long (:func:`validity`).
These are its rules; pure: the day it is made (``as_of``) is a parameter.

What the counselor may do
-------------------------
- :attr:`Scope.NEGOTIATE_PLAN` — negotiate a repayment plan (installments, stop-interest,
  waivers) and put the client's hardship and budget to the lender. Always included: it is what
  the document is for.
- :attr:`Scope.RECEIVE_INFORMATION` — ask for and receive information about the debt (what is
  owed, the repayment record, the contract's terms).
- :attr:`Scope.RECEIVE_REPLIES` — receive the lender's proposals and written replies.
- :attr:`Scope.SIGN_AGREEMENT` — sign, for the client, a repayment agreement the client has
  confirmed. Only when ticked; without it the document says that the counselor signs nothing
  on the client's behalf.

Whatever is ticked, the document says that the counselor cannot take on new debt or receive
money for the client (payments go from the client to the lender's official account) and that
the client can revoke it in writing at any time.

How long
--------
From ``valid_from`` for ``months`` months (default :data:`DEFAULT_MONTHS`, at most
:data:`MAX_MONTHS`), the first day counted: it ends the day before the same day of the month
``months`` later, or on the last day of that month when it has no such day (:func:`valid_until`).
``valid_from`` may be up to :data:`MAX_BACKDATE_DAYS` days before the day it is made (a talk
with the lender already under way), never earlier.

>>> valid_until(date(2026, 11, 30), 6)
datetime.date(2027, 5, 29)
>>> valid_until(date(2026, 8, 31), 6)
datetime.date(2027, 2, 28)
>>> valid_until(date(2027, 1, 1), 12)
datetime.date(2027, 12, 31)
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date, timedelta
from enum import StrEnum

from core.errors import CoreError

__all__ = [
    "DEFAULT_MONTHS",
    "DEFAULT_SCOPE",
    "FIELD",
    "MAX_BACKDATE_DAYS",
    "MAX_COUNSELOR_NAME",
    "MAX_COUNSELOR_ORG",
    "MAX_MONTHS",
    "MIN_MONTHS",
    "AttorneyError",
    "Scope",
    "check_terms",
    "ordered_scope",
    "valid_until",
]

#: The field every refusal names (``field.attorney`` in the catalogue).
FIELD = "attorney"
MIN_MONTHS = 1
DEFAULT_MONTHS = 6
MAX_MONTHS = 12
#: How many days before the day it is made the authorisation may start.
MAX_BACKDATE_DAYS = 30
#: The counselor's name, as the clients' names (characters).
MAX_COUNSELOR_NAME = 50
MAX_COUNSELOR_ORG = 100


class AttorneyError(CoreError):
    """The power of attorney cannot be made; ``code`` says why (``error.<code>``)."""

    code = "attorney_unavailable"


class Scope(StrEnum):
    """What the client authorises the counselor to do with the lender (in the document's
    order)."""

    NEGOTIATE_PLAN = "negotiate_plan"
    RECEIVE_INFORMATION = "receive_information"
    RECEIVE_REPLIES = "receive_replies"
    #: Only when ticked: the counselor otherwise signs nothing for the client.
    SIGN_AGREEMENT = "sign_agreement"


#: What a power of attorney covers unless the counselor changes it: everything but signing.
DEFAULT_SCOPE: frozenset[Scope] = frozenset(
    {Scope.NEGOTIATE_PLAN, Scope.RECEIVE_INFORMATION, Scope.RECEIVE_REPLIES}
)


def ordered_scope(scope: Iterable[Scope]) -> tuple[Scope, ...]:
    """The scope in the document's order, each item once.

    >>> ordered_scope({Scope.SIGN_AGREEMENT, Scope.NEGOTIATE_PLAN})
    (<Scope.NEGOTIATE_PLAN: 'negotiate_plan'>, <Scope.SIGN_AGREEMENT: 'sign_agreement'>)
    """
    chosen = {Scope(item) for item in scope}
    return tuple(item for item in Scope if item in chosen)


def valid_until(valid_from: date, months: int) -> date:
    """The last day of an authorisation valid from ``valid_from`` (that day counted) for
    ``months`` months (see the module docstring)."""
    index = valid_from.month - 1 + months
    year, month = valid_from.year + index // 12, index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    if valid_from.day > last_day:
        return date(year, month, last_day)
    return date(year, month, valid_from.day) - timedelta(days=1)


def check_terms(
    *,
    counselor_name: str,
    counselor_org: str,
    valid_from: date,
    months: int,
    scope: Iterable[Scope],
    as_of: date,
) -> tuple[Scope, ...]:
    """:class:`AttorneyError` unless the terms can be put to the client; the scope in order.

    >>> check_terms(counselor_name="李娜", counselor_org="", valid_from=date(2026, 11, 30),
    ...             months=13, scope=DEFAULT_SCOPE, as_of=date(2026, 11, 30))
    Traceback (most recent call last):
    ...
    core.rules.attorney.AttorneyError: attorney: the authorisation lasts 1 to 12 months, not 13
    """
    name = counselor_name.strip()
    if not name or len(name) > MAX_COUNSELOR_NAME:
        raise AttorneyError(
            FIELD,
            f"the counselor's name must be 1 to {MAX_COUNSELOR_NAME} characters",
            code="attorney_counselor_name",
            params={"max": MAX_COUNSELOR_NAME},
        )
    if len(counselor_org.strip()) > MAX_COUNSELOR_ORG:
        raise AttorneyError(
            FIELD,
            f"the counselor's organisation is longer than {MAX_COUNSELOR_ORG} characters",
            code="attorney_counselor_org",
            params={"max": MAX_COUNSELOR_ORG},
        )
    if isinstance(months, bool) or not MIN_MONTHS <= months <= MAX_MONTHS:
        raise AttorneyError(
            FIELD,
            f"the authorisation lasts {MIN_MONTHS} to {MAX_MONTHS} months, not {months}",
            code="attorney_months",
            params={"min": MIN_MONTHS, "max": MAX_MONTHS},
        )
    if valid_from < as_of - timedelta(days=MAX_BACKDATE_DAYS):
        raise AttorneyError(
            FIELD,
            f"it cannot start more than {MAX_BACKDATE_DAYS} days before {as_of.isoformat()}",
            code="attorney_backdated",
            params={"days": MAX_BACKDATE_DAYS},
        )
    ordered = ordered_scope(scope)
    if Scope.NEGOTIATE_PLAN not in ordered:
        raise AttorneyError(
            FIELD,
            "the scope must include negotiating the repayment plan",
            code="attorney_needs_negotiation",
        )
    return ordered
