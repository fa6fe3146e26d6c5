"""Signs that the "lender" on the line is a scammer, from the answers to a short checklist.

Fraudsters place ads for "customer service" numbers above the real ones and message people
in debt offering help. The checklist asks what happened on the call (or in the chat) and
:func:`scam_red_flags` turns every worrying answer into a :class:`Flag`:

======================================================  ========
sign                                                    severity
======================================================  ========
number from a search-engine ad or a stranger's message  high
number from anywhere else that cannot be checked        medium
a fee, deposit or processing charge before any plan     high
money to a personal or unfamiliar account               high
asked for a password or an SMS code                     high
a third party offers to negotiate 停息挂账 for a fee      high
the client's identity was not verified                  medium
pressure to act now                                     medium
======================================================  ========

Any high flag means: stop, hang up, and call back on the number published in the lender's
app or on its official website (:func:`scam_advice`).
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from core.rules.templates import Notice, notice, render
from core.text import check_language


class NumberSource(StrEnum):
    """Where the phone number (or chat contact) of the "lender" came from."""

    LENDER_APP = "lender_app"
    OFFICIAL_WEBSITE = "official_website"
    CONTRACT_OR_STATEMENT = "contract_or_statement"
    SEARCH_AD = "search_ad"
    STRANGER_MESSAGE = "stranger_message"
    OTHER = "other"


TRUSTED_SOURCES = frozenset(
    {NumberSource.LENDER_APP, NumberSource.OFFICIAL_WEBSITE, NumberSource.CONTRACT_OR_STATEMENT}
)


class Severity(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"


class ScamAnswers(BaseModel):
    """The checklist. ``None`` means "don't know" (or, for the number's source, "not answered
    yet") and raises no flag on its own."""

    model_config = ConfigDict(frozen=True)

    number_source: NumberSource | None = None
    asked_fee_before_plan: bool = False
    asked_transfer_to_personal_account: bool = False
    asked_password_or_sms_code: bool = False
    third_party_offers_paid_negotiation: bool = False
    verified_identity: bool | None = None
    pressed_to_act_now: bool = False


class Flag(Notice):
    """One red flag: its code, severity and a plain explanation in the chosen language."""

    severity: Severity


#: (code, severity, does this answer raise it?) in the order flags are reported.
_CHECKS = (
    (
        "scam.number_from_ad",
        Severity.HIGH,
        lambda a: a.number_source in {NumberSource.SEARCH_AD, NumberSource.STRANGER_MESSAGE},
    ),
    ("scam.fee_before_plan", Severity.HIGH, lambda a: a.asked_fee_before_plan),
    ("scam.personal_account", Severity.HIGH, lambda a: a.asked_transfer_to_personal_account),
    ("scam.passwords_or_codes", Severity.HIGH, lambda a: a.asked_password_or_sms_code),
    ("scam.paid_middleman", Severity.HIGH, lambda a: a.third_party_offers_paid_negotiation),
    ("scam.number_unverified", Severity.MEDIUM, lambda a: a.number_source is NumberSource.OTHER),
    ("scam.no_identity_check", Severity.MEDIUM, lambda a: a.verified_identity is False),
    ("scam.pressure", Severity.MEDIUM, lambda a: a.pressed_to_act_now),
)


def scam_red_flags(answers: ScamAnswers, language: str = "zh-CN") -> list[Flag]:
    """The red flags the answers raise, high severity first; empty when none."""
    check_language(language)
    return [
        Flag(severity=severity, **notice(code, language).model_dump())
        for code, severity, raised in _CHECKS
        if raised(answers)
    ]


def must_hang_up(flags: list[Flag]) -> bool:
    """True when any flag is high: the call must end here."""
    return any(flag.severity is Severity.HIGH for flag in flags)


def scam_advice(flags: list[Flag], language: str = "zh-CN") -> str:
    """What to do now: hang up and call back (any high flag), be careful (medium), or carry on."""
    if must_hang_up(flags):
        return render("scam.advice.stop", language)
    if flags:
        return render("scam.advice.caution", language)
    return render("scam.advice.clear", language)
