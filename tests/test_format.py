"""Known answers for display formatting in both languages."""

import re
import string
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from i18n import (
    LANGUAGES,
    format_date,
    format_money,
    format_months,
    format_percent,
    md_escape,
    to_display_time,
)
from i18n.format import WORD_JOINER as WJ


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("12000", "¥12,000.00"),
        ("12000.00", "¥12,000.00"),
        ("0.05", "¥0.05"),
        ("0", "¥0.00"),
        ("-12.00", "-¥12.00"),
        ("-1234567.89", "-¥1,234,567.89"),
        ("999.995", "¥1,000.00"),  # finer than a fen: core's half-up rounding, not banker's
        ("-0.001", "¥0.00"),  # no "-¥0.00"
    ],
)
def test_format_money(amount, expected, lang):
    assert format_money(Decimal(amount), lang) == expected


def test_format_money_refuses_floats():
    with pytest.raises(TypeError, match="amount"):
        format_money(12.5, "en")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    ("fraction", "digits", "expected"),
    [
        ("0.1303", 2, "13.03%"),
        ("0.24", 2, "24.00%"),
        ("0.036", 1, "3.6%"),
        ("0.000125", 2, "0.01%"),  # half-up
        ("1", 0, "100%"),
        ("0", 2, "0.00%"),
        ("-0.00001", 2, "0.00%"),
        ("-0.05", 2, "-5.00%"),
    ],
)
def test_format_percent(fraction, digits, expected, lang):
    assert format_percent(Decimal(fraction), lang, digits=digits) == expected


@pytest.mark.parametrize(
    ("day", "lang", "expected"),
    [
        (date(2026, 11, 25), "zh-CN", "2026年11月25日"),
        (date(2026, 11, 25), "en", "25 Nov 2026"),
        (date(2027, 1, 5), "zh-CN", "2027年1月5日"),
        (date(2027, 1, 5), "en", "5 Jan 2027"),
    ],
)
def test_format_date(day, lang, expected):
    assert format_date(day, lang) == expected


@pytest.mark.parametrize(
    ("n", "lang", "expected"),
    [
        (24, "zh-CN", "24个月"),
        (24, "en", "24 months"),
        (1, "zh-CN", "1个月"),
        (1, "en", "1 month"),
        (0, "en", "0 months"),
    ],
)
def test_format_months(n, lang, expected):
    assert format_months(n, lang) == expected


@pytest.mark.parametrize(
    "call",
    [
        lambda: format_money(Decimal(1), "fr"),
        lambda: format_percent(Decimal(1), "fr"),
        lambda: format_date(date(2026, 1, 1), "fr"),
        lambda: format_months(3, "fr"),
    ],
)
def test_unknown_language_is_refused(call):
    with pytest.raises(ValueError, match="lang"):
        call()


def test_md_escape_keeps_masked_names_literal():
    assert md_escape("王*明 · 138****8000") == "王\\*明 · 138\\*\\*\\*\\*8000"
    assert md_escape("plain") == "plain"


# --- md_escape: user text in a Markdown sink is text (issue 18) ------------------------------


@pytest.mark.parametrize("char", string.punctuation)
def test_md_escape_puts_a_backslash_before_every_ascii_punctuation_character(char):
    """CommonMark shows a backslash-escaped ASCII punctuation character as itself, and no
    other Markdown (or Streamlit directive) can start from it."""
    assert md_escape(f"{char}a").replace(WJ, "").startswith(f"\\{char}")
    assert md_escape(f"a{char}").replace(WJ, "") == f"a\\{char}"


@pytest.mark.parametrize(
    ("typed", "escaped"),
    [
        ("**X**", r"\*\*X\*\*"),
        ("$$\\frac{1}{2}$$", r"\$\$\\frac\{1\}\{2\}\$\$"),
        ("![b](http://h/p.png)", f"\\!\\[b\\]\\(http\\:{WJ}\\/\\/h\\/p\\.png\\)"),
        (":red[r]", f"\\:{WJ}red\\[r\\]"),
        ("<b>b</b>", r"\<b\>b\<\/b\>"),
        ("&amp;", r"\&amp\;"),
        # text-level rewrites a backslash cannot stop: icons, bare links, arrows
        (
            ":smile: :material_home: :streamlit:",
            f"\\:{WJ}smile\\: \\:{WJ}material\\_home\\: \\:{WJ}streamlit\\:{WJ}",
        ),
        ("www.example.com", f"www{WJ}\\.example\\.com"),
        ("WWW.x", f"WWW{WJ}\\.x"),
        ("me@example.com", f"me{WJ}\\@example\\.com"),
        ("a -> b -- c <= d ~= e", f"a \\-{WJ}\\> b \\-{WJ}\\- c \\<{WJ}\\= d \\~{WJ}\\= e"),
        ("10: 30", "10\\: 30"),  # a colon before a space starts nothing
        ("张明 王*", "张明 王\\*"),
    ],
)
def test_md_escape_known_answers(typed, escaped):
    assert md_escape(typed) == escaped


@pytest.mark.parametrize(
    ("typed", "escaped"),
    [
        # a line break stays one (a backslash before it), never a paragraph, heading or list
        ("x\n# h", "x\\\n\\# h"),
        ("a\r\n- b\r1. c", "a\\\n\\- b\\\n1\\. c"),
        # an empty line is a line break too: no paragraph, so no indented code after it
        ("a\n\n    code", "a\\\n\\\ncode"),
        # spaces around a line go (an indented first line would be code), as do empty lines
        # at either end (a backslash ending the text would show)
        ("    code", "code"),
        ("\n  a  \n\n", "a"),
        ("", ""),
    ],
)
def test_md_escape_line_breaks(typed, escaped):
    assert md_escape(typed) == escaped


def test_md_escape_of_every_hostile_marker_reads_back_as_typed():
    from hostile_text import MARKERS, as_read, hostile

    for text in (*MARKERS, hostile(10_000)):
        shown = md_escape(text)
        expected = "\n".join(line.strip() for line in text.strip().splitlines())
        assert as_read(shown) == expected
        # nothing left for Markdown: each punctuation character is escaped
        unescaped = re.sub(r"\\[!-/:-@\[-`{-~\n]", "", shown)
        assert not [c for c in unescaped if c in string.punctuation], shown


@given(st.text())
def test_md_escape_leaves_no_markdown_and_reads_back(text):
    shown = md_escape(text)
    lines = [line.strip() for line in re.split(r"\r\n|\r|\n", text)]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    from hostile_text import as_read

    assert as_read(shown) == "\n".join(lines)
    unescaped = re.sub(r"\\[!-/:-@\[-`{-~\n]", "", shown)
    assert not [c for c in unescaped if c in string.punctuation]
    # no line of the result starts with a space (indented code) or is empty (a paragraph)
    for line in shown.split("\n") if shown else ():
        assert line and not line[0].isspace()
    # the text-level rewrites find nothing
    plain = shown.replace("\\", "")
    assert not re.search(r":[\w+-]+:|https?://|www\.|[\w.+-]@\w|(?:^|\s)(?:->|<-|--|[<>~]=)", plain)


@pytest.mark.parametrize(
    ("moment", "zone", "shown"),
    [
        # 15:30 UTC is 23:30 in Shanghai (UTC+8, no daylight saving).
        (datetime(2026, 3, 1, 15, 30, tzinfo=UTC), "Asia/Shanghai", "2026-03-01T23:30:00+08:00"),
        # 16:30 UTC is already the next day in Shanghai.
        (datetime(2026, 3, 1, 16, 30, tzinfo=UTC), "Asia/Shanghai", "2026-03-02T00:30:00+08:00"),
        (datetime(2026, 7, 1, 12, 0, tzinfo=UTC), "Europe/London", "2026-07-01T13:00:00+01:00"),
        (
            datetime(2026, 3, 1, 9, 0, tzinfo=timezone(timedelta(hours=-5))),
            "Asia/Shanghai",
            "2026-03-01T22:00:00+08:00",
        ),
    ],
)
def test_stored_instants_are_shown_in_the_given_timezone(moment, zone, shown):
    assert to_display_time(moment, zone).isoformat() == shown


def test_the_display_timezone_is_shanghai():
    moment = datetime(2026, 3, 1, 15, 30, tzinfo=UTC)
    assert to_display_time(moment).isoformat() == "2026-03-01T23:30:00+08:00"


def test_a_naive_time_cannot_be_displayed():
    with pytest.raises(ValueError, match="naive"):
        to_display_time(datetime(2026, 3, 1, 15, 30), "Asia/Shanghai")
