from decimal import Decimal

import pytest

from core.errors import CoreError, InvalidAmountError, InvalidRateError, InvalidTermError
from core.money import money_total, round_fen, to_decimal, to_money, to_months, to_rate


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (12000, Decimal("12000")),
        ("12000.50", Decimal("12000.50")),
        ("12,000.50", Decimal("12000.50")),
        (0.1, Decimal("0.1")),
        (8556.17, Decimal("8556.17")),
        (Decimal("1.005"), Decimal("1.005")),
    ],
)
def test_numbers_convert_through_their_text(value, expected):
    assert to_decimal(value) == expected


@pytest.mark.parametrize(
    "value", ["abc", "", "1.2.3", float("nan"), float("inf"), "-inf", "NaN", None, True, [1]]
)
def test_non_numbers_raise_a_value_error_naming_the_field(value):
    with pytest.raises(InvalidAmountError) as info:
        to_decimal(value, "income")
    assert isinstance(info.value, ValueError)
    assert info.value.field == "income"
    assert "income" in str(info.value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1.005", "1.01"),
        ("1.004", "1.00"),
        ("2.675", "2.68"),
        ("-1.005", "-1.01"),
        ("0.125", "0.13"),
    ],
)
def test_round_fen_rounds_half_up(value, expected):
    assert round_fen(Decimal(value)) == Decimal(expected)


def test_negative_money_is_refused():
    with pytest.raises(InvalidAmountError, match="principal"):
        to_money("-1", "principal")


def test_zero_is_refused_only_where_positive_is_required():
    assert to_money(0) == 0
    with pytest.raises(InvalidAmountError):
        to_money(0, positive=True)


@pytest.mark.parametrize("value", ["-0.01", "3.66", 18, "abc"])
def test_out_of_range_rates_are_refused(value):
    with pytest.raises(InvalidRateError, match="annual_rate"):
        to_rate(value)


@pytest.mark.parametrize("value", [0, -3, "1.5", 601, "x"])
def test_bad_terms_are_refused(value):
    with pytest.raises(InvalidTermError, match="months"):
        to_months(value)


def test_every_engine_error_is_a_value_error():
    assert issubclass(CoreError, ValueError)


@pytest.mark.parametrize(
    ("amounts", "text"),
    [
        ([], "0.00"),  # an empty column still reads as money
        (["500.00", "500.00", "499.99"], "1499.99"),
        (["0.1", "0.2"], "0.30"),  # 0.00 + 0.1 + 0.2, exact in Decimal
        (["-12.00", "12.00"], "0.00"),
    ],
)
def test_a_money_total_adds_exactly_and_is_0_00_when_empty(amounts, text):
    assert str(money_total(Decimal(a) for a in amounts)) == text
