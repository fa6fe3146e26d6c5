import re
import string
from decimal import Decimal
from pathlib import Path

import pytest

from core.reasons import LANGUAGES, TEMPLATES, Reason, describe, format_param

CORE = Path(__file__).resolve().parent.parent / "core"


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_code_has_every_language():
    assert all(set(texts) == set(LANGUAGES) for texts in TEMPLATES.values())
    assert all(key.startswith("reason.") for key in TEMPLATES)


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_both_languages_use_the_same_placeholders(key):
    assert fields(TEMPLATES[key]["zh-CN"]) == fields(TEMPLATES[key]["en"])


def test_every_code_the_engine_emits_has_a_template():
    emitted = set()
    for path in CORE.rglob("*.py"):
        emitted |= set(re.findall(r'Reason\.of\(\s*"([a-z_]+)"', path.read_text(encoding="utf-8")))
    assert emitted
    assert {f"reason.{code}" for code in emitted} <= set(TEMPLATES)


@pytest.mark.parametrize(
    ("name", "value", "text"),
    [
        ("ratio", Decimal("0.125"), "12.50%"),
        ("limit", Decimal("0.5"), "50.00%"),
        ("demand", Decimal("1234.5"), "¥1,234.50"),
        ("gap", Decimal("0.005"), "¥0.01"),
        ("months", 18, "18"),
        ("kind", "stop_interest", "stop_interest"),
    ],
)
def test_parameters_are_shown_as_percent_money_or_as_they_are(name, value, text):
    assert format_param(name, value) == text


def test_a_reason_is_worded_in_each_language():
    reason = Reason.of("dsr_above", ratio=Decimal("0.6"), limit=Decimal("0.5"))
    assert describe(reason, "en") == (
        "Debt payments take 60.00% of net income, above the 50.00% warning line."
    )
    assert describe(reason, "zh-CN") == "月还款占净收入的 60.00%，高于 50.00% 的警戒线。"


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="language"):
        describe(Reason.of("no_proposals"), "fr")


def test_a_reason_round_trips_through_json():
    reason = Reason.of("payment_fits", payment=Decimal("500.00"), months=3, kind="x")
    assert Reason.model_validate_json(reason.model_dump_json()) == reason
