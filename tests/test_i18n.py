"""Every catalogue entry is complete and consistent in both languages."""

from string import Formatter

import pytest

from core.reasons import TEMPLATES as REASONS
from core.rules.pitch import TEMPLATES as PITCHES
from core.rules.rate_lines import TEXTS as RATE_LINES
from core.rules.templates import TEMPLATES as CALL_TEMPLATES
from i18n import CATALOGUE, DEFAULT_LANGUAGE, LANGUAGES, translate
from i18n.shape import PLURAL_CATEGORIES, forms
from i18n.text import merge


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in Formatter().parse(text) if field is not None}


def every_form(key: str, lang: str) -> list[str]:
    return list(forms(CATALOGUE[key][lang]).values())


def test_languages_are_chinese_first_then_english():
    assert LANGUAGES == ("zh-CN", "en")
    assert DEFAULT_LANGUAGE == "zh-CN"


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_key_has_exactly_both_languages(key):
    assert set(CATALOGUE[key]) == set(LANGUAGES)


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_no_text_is_empty(key):
    for lang in LANGUAGES:
        for text in every_form(key, lang):
            assert text.strip(), f"{key} is empty in {lang}"


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_both_languages_use_the_same_placeholders(key):
    found = {frozenset(placeholders(t)) for lang in LANGUAGES for t in every_form(key, lang)}
    assert len(found) == 1, found


@pytest.mark.parametrize(
    "key", sorted(k for k, v in CATALOGUE.items() if not isinstance(v["en"], str))
)
def test_plural_texts_have_every_form_of_each_language(key):
    for lang in LANGUAGES:
        text = CATALOGUE[key][lang]
        if not isinstance(text, str):
            assert set(text) == set(PLURAL_CATEGORIES[lang]), (key, lang)


def test_the_engines_tables_are_part_of_the_one_catalogue():
    for table in (REASONS, CALL_TEMPLATES, PITCHES, RATE_LINES):
        assert table.keys() <= CATALOGUE.keys()
        assert all(CATALOGUE[key] is table[key] for key in table)


def test_a_key_defined_twice_is_refused():
    with pytest.raises(KeyError, match=r"page\.home"):
        merge({"page.home": {"zh-CN": "首页", "en": "Home"}}, CATALOGUE)


@pytest.mark.parametrize(("n", "en"), [(0, "0 months"), (1, "1 month"), (2, "2 months")])
def test_english_counts_take_their_plural_form(n, en):
    assert translate("unit.months", "en", n=n) == en
    assert translate("unit.months", "zh-CN", n=n) == f"{n}个月"


def test_a_plural_text_without_a_count_is_refused():
    with pytest.raises(KeyError, match="plural"):
        translate("unit.months", "en")


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
