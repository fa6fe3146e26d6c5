"""The one formatter for figures shown anywhere: money, percentages, shares and dates."""

from datetime import date
from decimal import Decimal

import pytest

from core.errors import CoreError, NotADecimalError
from core.text import (
    LANGUAGES,
    check_language,
    format_date,
    format_money,
    format_percent,
    format_share,
)


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (Decimal("12000"), "¥12,000.00"),
        (Decimal("1234.56"), "¥1,234.56"),
        (Decimal("1234.565"), "¥1,234.57"),  # half up, as round_fen
        (Decimal("0"), "¥0.00"),
        (Decimal("-12"), "-¥12.00"),
        (Decimal("-0.001"), "¥0.00"),  # rounds to zero: no "-¥0.00"
        (Decimal("765.67"), "¥765.67"),
        (Decimal("1000000"), "¥1,000,000.00"),
    ],
)
def test_money_is_written_with_the_yuan_sign_and_two_decimals(amount, text):
    assert format_money(amount) == text


@pytest.mark.parametrize("call", [lambda: format_money(12.5), lambda: format_percent(0.5)])
def test_a_float_is_refused_as_both_a_value_and_a_type_error(call):
    # Pages catch ValueError (the engine's errors); a float is also the wrong type.
    with pytest.raises(NotADecimalError) as error:
        call()
    assert isinstance(error.value, CoreError) and isinstance(error.value, TypeError)


@pytest.mark.parametrize(
    ("fraction", "text"),
    [
        (Decimal("0.6"), "60%"),
        (Decimal("0.125"), "12.5%"),
        (Decimal("1"), "100%"),
        (Decimal("0"), "0%"),
        (Decimal("0.0005"), "0.05%"),
    ],
)
def test_a_share_is_a_percentage_without_trailing_zeros(fraction, text):
    assert format_share(fraction) == text


@pytest.mark.parametrize(("language", "text"), [("zh-CN", "2026年3月5日"), ("en", "5 Mar 2026")])
def test_dates_read_naturally_in_each_language(language, text):
    assert format_date(date(2026, 3, 5), language) == text


@pytest.mark.parametrize(
    ("fraction", "digits", "text"),
    [
        (Decimal("0.1303"), 2, "13.03%"),
        (Decimal("0.125"), 2, "12.50%"),
        (Decimal("0.000125"), 2, "0.01%"),  # 0.0125 % half up
        (Decimal("0.036"), 1, "3.6%"),
        (Decimal("1"), 0, "100%"),
        (Decimal("-0.00001"), 2, "0.00%"),  # rounds to zero: no "-0.00%"
        (Decimal("-0.05"), 2, "-5.00%"),
        (Decimal("12.345"), 2, "1,234.50%"),  # grouped like money
    ],
)
def test_a_percentage_is_rounded_half_up_to_its_digits(fraction, digits, text):
    assert format_percent(fraction, digits) == text


@pytest.mark.parametrize(
    ("day", "language", "text"),
    [
        (date(2026, 11, 25), "zh-CN", "2026年11月25日"),
        (date(2026, 11, 25), "en", "25 Nov 2026"),
        (date(2027, 1, 5), "en", "5 Jan 2027"),
    ],
)
def test_dates_are_written_without_leading_zeros(day, language, text):
    assert format_date(day, language) == text


@pytest.mark.parametrize("language", ["fr", "zh", "", "EN"])
def test_an_unknown_language_is_refused_naming_the_field(language):
    with pytest.raises(CoreError) as error:
        format_date(date(2026, 3, 5), language)
    assert (error.value.field, error.value.code) == ("language", "unknown_language")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_known_language_passes_the_check(language):
    assert check_language(language) == language
