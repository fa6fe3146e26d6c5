"""The template table of the call rules: complete in both languages; moments on the local clock."""

from datetime import UTC, datetime, timedelta, timezone

import pytest

from core.errors import CoreError
from core.rules.templates import (
    LANGUAGES,
    TEMPLATES,
    format_datetime,
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
