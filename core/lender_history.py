"""What each lender agreed to before: per lender and proposal kind, how often a proposal was
put, agreed and refused, how long an agreement took, and the most it granted.

The inputs are plain frozen records (:class:`ProposalRecord`), one per saved proposal of a
debt, built by the service from the store; nothing here reads a clock or a database.

A lender is written many ways ("来分期", "来分期APP", "LFQ", "ＬＦＱ"). :func:`alias_key` is the
normal form of a name (trimmed, full-width forms as half-width, case-folded); an alias table
maps such keys to one lender's name, and :func:`normalise_lender` names the lender a debt's
creditor stands for.

*Asked* counts the proposals put to the lender: a saved proposal that a logged call names
(``put_on_call``), and every agreed or refused one (the lender answered, so it was put).
*Median days* runs from the first call about the debt to the day the lender agreed, over the
agreements that have both dates (an agreement recorded before any call about the debt is not
counted); the median of an even count is the mean of the two middle values, rounded to a
whole day half up. The deepest waiver and the longest term are those of the agreed proposals.

>>> aliases = {alias_key("LFQ"): "来分期", alias_key("来分期APP"): "来分期"}
>>> normalise_lender(" ｌｆｑ ", aliases), normalise_lender("招商银行", aliases)
('来分期', '招商银行')
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator

from core.limits import MAX_LENDER_LENGTH
from core.proposals import ProposalKind

__all__ = [
    "Answer",
    "KindHistory",
    "LenderAlias",
    "ProposalRecord",
    "alias_key",
    "alias_map",
    "lender_history",
    "median_days",
    "normalise_lender",
]


def alias_key(name: str) -> str:
    """The normal form of a lender's name as written: full-width forms as half-width (NFKC),
    inner runs of spaces as one, trimmed, case-folded.

    >>> alias_key("  ＬＦＱ　App ")
    'lfq app'
    """
    return " ".join(unicodedata.normalize("NFKC", name).split()).casefold()


def _display_name(name: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", name).split())


class LenderAlias(BaseModel):
    """One way of writing a lender (``alias``, kept in its normal form) and the lender's name."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    id: int | None = None
    version: int = Field(default=0, ge=0)
    alias: str = Field(min_length=1, max_length=MAX_LENDER_LENGTH)
    lender: str = Field(min_length=1, max_length=MAX_LENDER_LENGTH)

    @field_validator("alias", mode="before")
    @classmethod
    def _normal_form(cls, value: object) -> object:
        return alias_key(value) if isinstance(value, str) else value

    @field_validator("lender", mode="before")
    @classmethod
    def _lender_spaced(cls, value: object) -> object:
        return _display_name(value) if isinstance(value, str) else value


def alias_map(aliases: Iterable[LenderAlias]) -> dict[str, str]:
    """``{alias key: lender}`` for :func:`normalise_lender`."""
    return {alias.alias: alias.lender for alias in aliases}


def normalise_lender(name: str, aliases: Mapping[str, str]) -> str:
    """The lender ``name`` stands for: the alias table's lender for its normal form (the keys of
    ``aliases`` are read in normal form too), else the name itself, trimmed, in half-width
    forms."""
    key = alias_key(name)
    found = aliases.get(key)
    if found is None:
        found = next((lender for alias, lender in aliases.items() if alias_key(alias) == key), None)
    return found if found is not None else _display_name(name)


class Answer(StrEnum):
    """Where a proposal stands with the lender (the saved proposal's status)."""

    SAVED = "saved"
    AGREED = "agreed"
    REFUSED = "refused"


class ProposalRecord(BaseModel):
    """One saved proposal of a debt, as the history needs it.

    ``lender`` is the debt's creditor as written; ``first_call_on`` the day (on the lenders'
    clock) of the first call logged about the debt; ``put_on_call`` whether a call names this
    proposal; ``waiver_share`` the share of accrued interest waived (None: the kind has none);
    ``term_months`` the plan's term in months (None: the kind sets none).
    """

    model_config = ConfigDict(frozen=True)

    kind: ProposalKind
    answer: Answer
    lender: str = Field(min_length=1)
    put_on_call: bool = False
    first_call_on: date | None = None
    agreed_on: date | None = None
    waiver_share: Decimal | None = None
    term_months: int | None = None

    @property
    def asked(self) -> bool:
        return self.put_on_call or self.answer is not Answer.SAVED


class KindHistory(BaseModel):
    """What one lender did with one kind of proposal."""

    model_config = ConfigDict(frozen=True)

    asked: int = 0
    agreed: int = 0
    refused: int = 0
    #: From the first call to the agreement; None when no agreement has both dates.
    median_days: int | None = None
    deepest_waiver: Decimal | None = None
    longest_term: int | None = None


def median_days(days: Iterable[int]) -> int | None:
    """The median of ``days``, a whole day (half up); None for none.

    >>> median_days([]), median_days([14]), median_days([20, 7, 14]), median_days([10, 15])
    (None, 14, 14, 13)
    """
    ordered = sorted(days)
    if not ordered:
        return None
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    mean = Decimal(ordered[middle - 1] + ordered[middle]) / 2
    return int(mean.to_integral_value(rounding=ROUND_HALF_UP))


def _max(values: Iterable[Decimal | int | None]) -> Decimal | int | None:
    present = [value for value in values if value is not None]
    return max(present) if present else None


def lender_history(
    records: Iterable[ProposalRecord], aliases: Mapping[str, str]
) -> dict[tuple[str, ProposalKind], KindHistory]:
    """Per ``(lender, kind)`` with at least one proposal asked, its :class:`KindHistory`;
    lenders named through ``aliases`` (see :func:`normalise_lender`; names of the same normal
    form are one lender, named as first written). Sorted by lender, then by the kinds'
    order."""
    keys = {key: lender for key, lender in ((alias_key(a), b) for a, b in aliases.items())}
    # A lender without an alias written in two cases ("LFQ", "lfq") is one lender, named as
    # first written.
    named: dict[str, str] = {}
    grouped: dict[tuple[str, ProposalKind], list[ProposalRecord]] = {}
    for record in records:
        if record.asked:
            lender = normalise_lender(record.lender, keys)
            lender = named.setdefault(alias_key(lender), lender)
            grouped.setdefault((lender, record.kind), []).append(record)
    kinds = list(ProposalKind)
    result: dict[tuple[str, ProposalKind], KindHistory] = {}
    for lender, kind in sorted(grouped, key=lambda key: (key[0], kinds.index(key[1]))):
        rows = grouped[(lender, kind)]
        agreed = [row for row in rows if row.answer is Answer.AGREED]
        days = [
            (row.agreed_on - row.first_call_on).days
            for row in agreed
            if row.agreed_on is not None
            and row.first_call_on is not None
            and row.first_call_on <= row.agreed_on
        ]
        waiver = _max(row.waiver_share for row in agreed)
        term = _max(row.term_months for row in agreed)
        result[(lender, kind)] = KindHistory(
            asked=len(rows),
            agreed=len(agreed),
            refused=sum(row.answer is Answer.REFUSED for row in rows),
            median_days=median_days(days),
            deepest_waiver=waiver if isinstance(waiver, Decimal) else None,
            longest_term=term if isinstance(term, int) else None,
        )
    return result
