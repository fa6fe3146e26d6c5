"""The template table of the call rules: complete in both languages, and its formatters."""

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from core.errors import CoreError
from core.rules.templates import (
    LANGUAGES,
    TEMPLATES,
    format_date,
    format_datetime,
    format_money,
    format_share,
    render,
    tail,
    template_fields,
)


@pytest.mark.parametrize("code", sorted(TEMPLATES))
def test_every_template_has_both_languages_with_the_same_placeholders(code):
    entry = TEMPLATES[code]
    assert set(entry) == set(LANGUAGES)
    assert template_fields(entry["zh-CN"]) == template_fields(entry["en"])


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("code", sorted(TEMPLATES))
def test_every_template_renders_in_both_languages_with_no_field_left(code, language):
    fields = template_fields(TEMPLATES[code][language])
    text = render(code, language, **{name: f"<{name}>" for name in fields})
    assert text.strip()
    assert "{" not in text and "}" not in text
    for name in fields:
        assert f"<{name}>" in text


@pytest.mark.parametrize("code", sorted(TEMPLATES))
def test_no_template_has_a_place_for_an_id_number(code):
    fields = template_fields(TEMPLATES[code]["en"])
    assert not {"id_number", "id", "identity"} & fields


def test_a_missing_parameter_is_an_error_naming_the_template():
    with pytest.raises(CoreError, match=r"followup\.retry_negotiation") as error:
        render("followup.retry_negotiation", "en")
    assert error.value.code == "missing_param"


@pytest.mark.parametrize("language", ["fr", "zh", "", "EN"])
def test_an_unknown_language_is_refused(language):
    with pytest.raises(CoreError) as error:
        render("scam.advice.clear", language)
    assert error.value.field == "language"


def test_an_unknown_template_is_refused():
    with pytest.raises(CoreError, match=r"no\.such"):
        render("no.such", "en")


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


def test_money_must_be_a_decimal():
    with pytest.raises(CoreError):
        format_money(12.5)  # type: ignore[arg-type]


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


def test_a_moment_is_written_on_the_shanghai_clock():
    # 23:30 UTC on 4 March is 07:30 on 5 March in Shanghai (UTC+8).
    moment = datetime(2026, 3, 4, 23, 30, tzinfo=UTC)
    assert format_datetime(moment, "zh-CN") == "2026年3月5日 07:30"
    assert format_datetime(moment, "en") == "5 Mar 2026, 07:30"
    assert format_datetime(moment.astimezone(timezone(timedelta(hours=-5))), "en") == (
        "5 Mar 2026, 07:30"
    )


def test_a_naive_moment_is_refused_naming_the_field():
    with pytest.raises(CoreError, match="when") as error:
        format_datetime(datetime(2026, 3, 5, 9, 0), "en", field="when")
    assert error.value.field == "when"
    assert error.value.code == "naive_datetime"


@pytest.mark.parametrize(
    ("value", "text"), [("13812345678", "5678"), ("HT-001", "-001"), ("12", "12"), (None, "")]
)
def test_tail_keeps_the_last_four_characters(value, text):
    assert tail(value) == text
