"""Every catalogue entry is complete and consistent in both languages."""

from string import Formatter

import pytest

from ui.i18n import CATALOGUE, DEFAULT_LANGUAGE, LANGUAGES, translate


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in Formatter().parse(text) if field is not None}


def test_languages_are_chinese_first_then_english():
    assert LANGUAGES == ("zh-CN", "en")
    assert DEFAULT_LANGUAGE == "zh-CN"


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_key_has_exactly_both_languages(key):
    assert set(CATALOGUE[key]) == set(LANGUAGES)


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_no_text_is_empty(key):
    for lang in LANGUAGES:
        assert CATALOGUE[key][lang].strip(), f"{key} is empty in {lang}"


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_both_languages_use_the_same_placeholders(key):
    zh, en = (placeholders(CATALOGUE[key][lang]) for lang in LANGUAGES)
    assert zh == en


def test_translate_formats_the_placeholders():
    assert translate("unit.months", "en", n=24) == "24 months"
    assert translate("unit.months", "zh-CN", n=24) == "24个月"


def test_translate_returns_the_text_in_the_chosen_language():
    assert translate("page.home", "zh-CN") == "首页"
    assert translate("page.home", "en") == "Home"


def test_unknown_key_raises_key_error():
    with pytest.raises(KeyError, match=r"no\.such\.key"):
        translate("no.such.key", "en")


def test_unknown_language_raises_key_error():
    with pytest.raises(KeyError, match="fr"):
        translate("page.home", "fr")
