"""Line breaking for the PDF: figures, dates and words are never split (issue 17: the PDF
printed "-¥1,246.1" / "1" and "已达成（202" / "6年11月30日）")."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from i18n import format_date, format_money
from report.wrap import tokens, widest_piece, wrap


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("比原合同多还-¥1,246.11", "-¥1,246.11"),
        ("已达成（2026年11月30日）", "（2026年11月30日）"),
        ("Agreed 30 Nov 2026", "30 Nov 2026"),
        ("延期分期 · 24个月", "24个月"),
        ("Term extension · 24 months", "24 months"),
        ("利率18.00 %，减免60%", "18.00 %，"),
        ("2026-04-01 10:00", "10:00"),
        ("Due this month (incl. overdue)", "(incl."),
    ],
)
def test_figures_dates_and_words_are_single_pieces(text, whole):
    assert whole in tokens(text)


def test_closing_punctuation_never_starts_a_line():
    assert wrap("每月¥661.59；合同", 8, len) == "每月\n¥661.59；\n合同"


def test_a_line_breaks_between_chinese_characters_and_at_spaces():
    assert wrap("每月正常月供", 3, len) == "每月正\n常月供"
    assert wrap("Regular monthly installment", 16, len) == "Regular monthly\ninstallment"


def test_only_a_piece_wider_than_the_column_is_split():
    assert wrap("¥1,246.11", 4, len) == "¥1,2\n46.1\n1"
    assert widest_piece("多还 ¥1,246.11\n已达成", len) == len("¥1,246.11")


money = st.decimals(min_value=-(10**8), max_value=10**8, places=2, allow_nan=False).map(
    lambda d: format_money(Decimal(d), "zh-CN")
)
dates = st.dates().map(lambda d: format_date(d, "zh-CN")) | st.dates().map(
    lambda d: format_date(d, "en")
)
chinese = st.text(alphabet="已达成本月应还含逾期（）：，。", min_size=1, max_size=6)
latin = st.sampled_from(["Agreed", "Due this month", "(incl. overdue)", "more", "·"])


@given(
    parts=st.lists(st.one_of(money, dates, chinese, latin), min_size=1, max_size=12),
    slack=st.integers(min_value=0, max_value=30),
)
def test_no_figure_or_date_is_ever_split(parts, slack):
    text = " ".join(parts)
    width = widest_piece(text, len) + slack
    lines = wrap(text, width, len).split("\n")
    assert all(len(line) <= width for line in lines)
    for part in parts:
        if part[0].isdigit() or part[0] in "-¥":
            assert any(part in line for line in lines), (part, lines)
    assert "".join("".join(lines).split()) == "".join(text.split())
