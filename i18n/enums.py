"""One label per value of each core enum, in each language.

Every labelled enum has a catalogue prefix: its labels are ``enum.<prefix>.<value>``
(:mod:`i18n.catalogue.enums`, or :mod:`core.rules.templates` for the enums the call rules also
word inside sentences). A label standing alone starts with a capital letter in English; the
same text sits lower-case inside a sentence.

>>> from core.calls import Channel
>>> enum_label(Channel.IN_APP_CHAT, "en"), enum_label(Channel.IN_APP_CHAT, "zh-CN")
('In-app chat', 'APP在线客服')
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TypeVar

from core.affordability import AffordabilityStatus, CostCategory
from core.allocation import Strategy
from core.calls import Channel, Direction, DocumentItem, Outcome, ServiceChannelKind, TaskKind
from core.case_lifecycle import CaseStage, CloseReason
from core.clients import Relation
from core.debts import LenderType
from core.outcomes import Dimension
from core.rates import QuoteKind
from core.rules.adherence import Status
from core.rules.conduct import ContactTarget
from core.rules.credit_record import Reporting
from core.rules.escalation import EscalationStep
from core.rules.hardship import ProofItem, ProofStatus, SituationKind
from core.rules.legal import DeadlineKind, LegalStage, Party
from core.rules.living_costs import BenchmarkCategory, BenchmarkKind, CostLine, Population
from core.rules.scam import NumberSource
from core.schedules import Method
from i18n.text import translate

E = TypeVar("E", bound=StrEnum)

#: Each labelled enum and its catalogue prefix (``enum.<prefix>.<value>``). The store's CSV
#: export names its coded columns by these prefixes too: channel, direction, outcome, task_kind.
ENUM_PREFIXES: dict[type[StrEnum], str] = {
    LegalStage: "legal_stage",
    DeadlineKind: "legal_deadline",
    Party: "legal_party",
    LenderType: "lender_type",
    Method: "method",
    QuoteKind: "quote_kind",
    CostCategory: "cost_category",
    AffordabilityStatus: "affordability_status",
    Strategy: "strategy",
    Channel: "channel",
    Direction: "direction",
    Outcome: "outcome",
    TaskKind: "task_kind",
    DocumentItem: "document",
    ServiceChannelKind: "service",
    NumberSource: "number_source",
    ContactTarget: "contact_target",
    Status: "status",
    EscalationStep: "step",
    SituationKind: "situation",
    ProofItem: "proof",
    ProofStatus: "proof_status",
    Reporting: "reporting",
    CostLine: "cost_line",
    BenchmarkCategory: "benchmark_category",
    Population: "population",
    BenchmarkKind: "benchmark_kind",
    Relation: "relation",
    CaseStage: "case_stage",
    CloseReason: "close_reason",
    Dimension: "outcome_dimension",
}


def enum_key(member: StrEnum) -> str:
    return f"enum.{ENUM_PREFIXES[type(member)]}.{member.value}"


def _standalone(text: str) -> str:
    return text[:1].upper() + text[1:]


def enum_label(member: StrEnum, lang: str) -> str:
    """The label of ``member`` in ``lang``, as it stands alone (a cell, an option)."""
    return _standalone(translate(enum_key(member), lang))


def enum_labels(enum: type[E], lang: str) -> dict[E, str]:
    """Labels of every member, worded now: a ``format_func`` must not read the language later
    (Streamlit may call it outside the script run), so pass ``enum_labels(Channel, lang).get``."""
    return {member: enum_label(member, lang) for member in enum}


def code_labeller(lang: str) -> Callable[[str, str], str]:
    """``translate(kind, code)`` for ``store.export.export_csv``: the label of a stored code,
    ``kind`` being the enum's catalogue prefix."""

    def label(kind: str, code: str) -> str:
        return _standalone(translate(f"enum.{kind}.{code}", lang))

    return label
