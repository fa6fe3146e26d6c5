"""Scam red flags: which answers raise which flag, and when the call must end."""

import pytest

from core.rules.scam import (
    NumberSource,
    ScamAnswers,
    Severity,
    must_hang_up,
    scam_advice,
    scam_red_flags,
)
from core.rules.templates import TEMPLATES

SAFE = {"number_source": NumberSource.LENDER_APP, "verified_identity": True}


@pytest.mark.parametrize(
    ("answers", "codes"),
    [
        ({}, []),
        ({"number_source": NumberSource.OFFICIAL_WEBSITE}, []),
        ({"number_source": NumberSource.CONTRACT_OR_STATEMENT}, []),
        ({"number_source": NumberSource.SEARCH_AD}, ["scam.number_from_ad"]),
        ({"number_source": NumberSource.STRANGER_MESSAGE}, ["scam.number_from_ad"]),
        ({"number_source": NumberSource.OTHER}, ["scam.number_unverified"]),
        ({"asked_fee_before_plan": True}, ["scam.fee_before_plan"]),
        ({"asked_transfer_to_personal_account": True}, ["scam.personal_account"]),
        ({"asked_password_or_sms_code": True}, ["scam.passwords_or_codes"]),
        ({"third_party_offers_paid_negotiation": True}, ["scam.paid_middleman"]),
        ({"verified_identity": False}, ["scam.no_identity_check"]),
        ({"verified_identity": None}, []),  # not known: no flag on its own
        ({"pressed_to_act_now": True}, ["scam.pressure"]),
    ],
)
def test_each_answer_raises_its_own_flag(answers, codes):
    flags = scam_red_flags(ScamAnswers(**{**SAFE, **answers}))
    assert [flag.code for flag in flags] == codes


@pytest.mark.parametrize(
    ("answers", "severity"),
    [
        ({"number_source": NumberSource.SEARCH_AD}, Severity.HIGH),
        ({"asked_fee_before_plan": True}, Severity.HIGH),
        ({"asked_transfer_to_personal_account": True}, Severity.HIGH),
        ({"asked_password_or_sms_code": True}, Severity.HIGH),
        ({"third_party_offers_paid_negotiation": True}, Severity.HIGH),
        ({"number_source": NumberSource.OTHER}, Severity.MEDIUM),
        ({"verified_identity": False}, Severity.MEDIUM),
        ({"pressed_to_act_now": True}, Severity.MEDIUM),
    ],
)
def test_each_flag_has_its_severity(answers, severity):
    (flag,) = scam_red_flags(ScamAnswers(**{**SAFE, **answers}))
    assert flag.severity is severity
    assert must_hang_up([flag]) is (severity is Severity.HIGH)


def test_high_flags_come_before_medium_ones():
    answers = ScamAnswers(
        number_source=NumberSource.OTHER,
        pressed_to_act_now=True,
        asked_fee_before_plan=True,
        verified_identity=False,
    )
    flags = scam_red_flags(answers)
    assert [flag.severity for flag in flags] == [
        Severity.HIGH,
        Severity.MEDIUM,
        Severity.MEDIUM,
        Severity.MEDIUM,
    ]


def test_a_typical_fee_scam_raises_every_high_flag():
    answers = ScamAnswers(
        number_source=NumberSource.SEARCH_AD,
        asked_fee_before_plan=True,
        asked_transfer_to_personal_account=True,
        asked_password_or_sms_code=True,
        third_party_offers_paid_negotiation=True,
        verified_identity=False,
        pressed_to_act_now=True,
    )
    flags = scam_red_flags(answers, "en")
    assert len(flags) == 7
    assert must_hang_up(flags)
    assert "hang up" in scam_advice(flags, "en")


@pytest.mark.parametrize("language", ["zh-CN", "en"])
def test_each_flag_explains_itself_in_the_chosen_language(language):
    flags = scam_red_flags(ScamAnswers(number_source=NumberSource.SEARCH_AD), language)
    assert flags[0].text == TEMPLATES["scam.number_from_ad"][language]


@pytest.mark.parametrize(
    ("answers", "code"),
    [
        ({"asked_fee_before_plan": True}, "scam.advice.stop"),
        ({"pressed_to_act_now": True}, "scam.advice.caution"),
        ({}, "scam.advice.clear"),
    ],
)
def test_the_advice_follows_the_worst_flag(answers, code):
    flags = scam_red_flags(ScamAnswers(**{**SAFE, **answers}), "zh-CN")
    assert scam_advice(flags, "zh-CN") == TEMPLATES[code]["zh-CN"]


def test_the_answers_are_frozen_and_validated():
    answers = ScamAnswers(**SAFE)
    with pytest.raises(ValueError):
        answers.asked_fee_before_plan = True  # type: ignore[misc]
    with pytest.raises(ValueError, match="number_source"):
        ScamAnswers(number_source="a friend")
