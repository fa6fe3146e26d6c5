"""The rate lines as data, and which of them a debt's rate crosses."""

import string
from datetime import date
from decimal import Decimal

import pytest

from core.debts import Debt, LenderType
from core.reasons import LANGUAGES
from core.rules.rate_lines import (
    LPR_1Y,
    LPR_1Y_KNOWN_UNTIL,
    RATE_LINES,
    TEXTS,
    RateSubject,
    debt_rate_flags,
    describe_flag,
    lpr_1y_on,
    rate_flags,
)

D = Decimal
PRIVATE = LenderType.OTHER


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def codes(flags, above=None) -> list[str]:
    return [f.code for f in flags if above is None or f.above is above]


# --- the data ------------------------------------------------------------------------------


@pytest.mark.parametrize("line", RATE_LINES, ids=lambda line: line.code)
def test_every_line_has_a_source_lenders_and_wording_in_both_languages(line):
    assert line.source.startswith("法")
    assert line.lenders
    for language in LANGUAGES:
        for state in ("above", "within"):
            assert fields(TEXTS[f"rate_line.{line.code}.{state}"][language]) == {
                "what",
                "rate",
                "line",
            }
        assert TEXTS[f"rate_line.{line.code}.article"][language]


def test_the_lpr_unknown_text_has_the_same_placeholders_in_both_languages():
    assert {lang: fields(text) for lang, text in TEXTS["rate_line.lpr_unknown"].items()} == {
        "zh-CN": {"date"},
        "en": {"date"},
    }


def test_the_lpr_history_is_in_date_order_and_only_falls():
    days = [day for day, _ in LPR_1Y]
    rates = [rate for _, rate in LPR_1Y]
    assert days == sorted(days)
    assert rates == sorted(rates, reverse=True)


@pytest.mark.parametrize(
    ("day", "lpr"),
    [
        (date(2019, 8, 19), None),  # before the reformed LPR
        (date(2019, 8, 20), D("0.0425")),
        (date(2020, 8, 20), D("0.0385")),  # the day the four-times cap began
        (date(2022, 8, 21), D("0.0370")),
        (date(2022, 8, 22), D("0.0365")),
        (date(2024, 12, 31), D("0.0310")),
        (LPR_1Y_KNOWN_UNTIL, D("0.0300")),
        (date(2030, 1, 1), None),  # beyond what the table knows
    ],
)
def test_the_lpr_in_force_on_a_day(day, lpr):
    assert lpr_1y_on(day) == lpr


# --- which lines apply ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lender", "contract_date", "expected"),
    [
        (PRIVATE, date(2021, 3, 1), ["private_lending_4x_lpr"]),
        (PRIVATE, date(2020, 8, 20), ["private_lending_4x_lpr"]),
        (
            PRIVATE,
            date(2020, 8, 19),
            ["private_lending_36_before_2020", "private_lending_24_before_2020"],
        ),
        (PRIVATE, date(2015, 8, 31), []),
        (PRIVATE, None, []),  # the private lines depend on the contract date
        (LenderType.CONSUMER_FINANCE, date(2021, 3, 1), ["financial_loan_24"]),
        (LenderType.MICROLOAN, date(2018, 1, 1), ["financial_loan_24"]),
        (LenderType.BANK_CREDIT_CARD, None, ["financial_loan_24"]),
        (LenderType.ONLINE_PLATFORM, date(2025, 1, 1), ["financial_loan_24"]),
    ],
)
def test_a_line_applies_by_lender_and_contract_date(lender, contract_date, expected):
    assert codes(rate_flags("0.10", lender, contract_date)) == expected


def test_licensed_lenders_are_outside_the_private_lending_cap():
    for lender in set(LenderType) - {PRIVATE}:
        flags = rate_flags("0.35", lender, date(2023, 1, 1))
        assert "private_lending_4x_lpr" not in codes(flags)


# --- where each line is drawn --------------------------------------------------------------


@pytest.mark.parametrize(
    ("rate", "contract_date", "threshold", "above"),
    [
        # LPR 3.85 % on 2021-03-01: 4 × 3.85 % = 15.40 %.
        ("0.154", date(2021, 3, 1), D("0.1540"), False),
        ("0.1541", date(2021, 3, 1), D("0.1540"), True),
        # LPR 3.45 % on 2023-09-01: 13.80 %.
        ("0.18", date(2023, 9, 1), D("0.1380"), True),
        # LPR 3.00 % on 2025-06-01: 12.00 %.
        ("0.12", date(2025, 6, 1), D("0.1200"), False),
    ],
)
def test_four_times_the_lpr_at_contract_formation(rate, contract_date, threshold, above):
    (flag,) = rate_flags(rate, PRIVATE, contract_date)
    assert (flag.threshold, flag.above) == (threshold, above)


def test_a_given_lpr_is_used_in_place_of_the_table():
    (flag,) = rate_flags("0.13", PRIVATE, date(2027, 1, 1), lpr_1y="0.0310")
    assert (flag.threshold, flag.above) == (D("0.1240"), True)


def test_without_a_known_lpr_the_four_times_line_says_it_needs_one():
    (flag,) = rate_flags("0.30", PRIVATE, date(2027, 1, 1))
    assert (flag.threshold, flag.above) == (None, None)
    assert describe_flag(flag, "en") == (
        "This loan was made on 2027-01-01; enter the one-year LPR of that date to check it "
        "against four times the LPR."
    )


@pytest.mark.parametrize(
    ("rate", "above"),
    [("0.24", False), ("0.2401", True), ("0.3603", True), ("-0.5", False)],
)
def test_the_24_percent_line_for_financial_loans(rate, above):
    (flag,) = rate_flags(rate, LenderType.CONSUMER_FINANCE, date(2024, 1, 1))
    assert flag.above is above


def test_older_private_loans_sit_between_24_and_36_percent():
    flags = rate_flags("0.30", PRIVATE, date(2019, 5, 1))
    assert codes(flags, above=True) == ["private_lending_24_before_2020"]
    assert codes(flags, above=False) == ["private_lending_36_before_2020"]


# --- worded for a client ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "zh-CN",
            "合同的真实年化利率约 36.03%，高于年 24.00%。借款人可以请求法院调减利息、罚息、"
            "违约金和各种费用合计超过年 24.00% 的部分；欠款本身仍然要还"
            "（依据：法发〔2017〕22号第二条）。",
        ),
        (
            "en",
            "The contract's true annual rate is about 36.03%, above 24.00% a year. On the "
            "borrower's request a court may reduce the part of interest, penalties and fees "
            "together above 24.00% a year; the debt itself is still owed. "
            "(Source: 法发〔2017〕22号, art. 2.)",
        ),
    ],
)
def test_a_flag_is_worded_for_the_client_in_both_languages(language, text):
    (flag,) = rate_flags("0.36028", LenderType.ONLINE_PLATFORM, date(2024, 1, 1))
    assert describe_flag(flag, language) == text


def test_an_unknown_language_is_refused():
    (flag,) = rate_flags("0.2", LenderType.BANK_LOAN, None)
    with pytest.raises(ValueError, match="language"):
        describe_flag(flag, "fr")


def test_a_rate_that_is_not_a_number_names_its_field():
    with pytest.raises(ValueError, match="annualized_rate"):
        rate_flags("abc", LenderType.BANK_LOAN, None)


def test_guide_case_penalty_rate_is_flagged_and_contract_rate_is_not_diluted():
    """Issue 16: the flag judged a blend with arrears (17.74 %) and never the 27 % penalty."""
    debt = Debt(
        creditor="来分期",
        lender_type=LenderType.ONLINE_PLATFORM,
        outstanding_principal="12000",
        overdue_amount="900",
        days_overdue=30,
        accrued_interest_and_penalties="1500",
        penalty_rate="0.27",
        rate_quote="0.18",
        remaining_months=12,
    )
    contract, penalty = debt_rate_flags(debt)
    assert (contract.subject, contract.code, contract.above) == (
        RateSubject.CONTRACT,
        "financial_loan_24",
        False,
    )
    assert contract.rate.quantize(D("0.0001")) == D("0.1800")
    assert (penalty.subject, penalty.rate, penalty.above) == (RateSubject.PENALTY, D("0.27"), True)
    assert describe_flag(penalty, "zh-CN").startswith("罚息年利率约 27.00%，高于年 24.00%。")
    assert "法发〔2017〕22号第二条" in describe_flag(penalty, "zh-CN")
    assert "the debt itself is still owed" in describe_flag(penalty, "en")
    assert "合同的真实年化利率约 18.00%" in describe_flag(contract, "zh-CN")


def test_each_flag_names_its_rate_line_and_source():
    for flag in rate_flags("0.30", PRIVATE, date(2019, 5, 1), subject=RateSubject.PLAN):
        text = describe_flag(flag, "en")
        assert text.startswith("This plan's rate from now on")
        article = TEXTS[f"rate_line.{flag.line.code}.article"]["en"]
        assert flag.line.source in text and article in text
