"""Labels of core enums in the current language: ``enum_label(LenderType.BANK_LOAN)``."""

from __future__ import annotations

from enum import StrEnum

from core.affordability import AffordabilityStatus, CostCategory
from core.allocation import Strategy
from core.debts import LenderType
from core.rates import QuoteKind
from core.schedules import Method
from ui.i18n import current_language, translate

#: Each labelled enum and its catalogue prefix (``enum.<prefix>.<value>``).
ENUM_PREFIXES: dict[type[StrEnum], str] = {
    LenderType: "lender_type",
    Method: "method",
    QuoteKind: "quote_kind",
    CostCategory: "cost_category",
    AffordabilityStatus: "affordability_status",
    Strategy: "strategy",
}


def enum_key(member: StrEnum) -> str:
    return f"enum.{ENUM_PREFIXES[type(member)]}.{member.value}"


def enum_label(member: StrEnum, lang: str | None = None) -> str:
    """The label of ``member`` in ``lang`` (the session's language when None)."""
    return translate(enum_key(member), lang or current_language())
