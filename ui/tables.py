"""Tables that fit the page: every header whole at 1280 px, beside the open sidebar.

``st.dataframe`` sizes each column to its content and scrolls sideways when they do not fit,
so a header at the edge is cut ("Affordabl…"). :func:`fitted_columns` sizes the columns itself
from what they hold: each at least as wide as its header and its widest figure or word, the rest
of :data:`TABLE_WIDTH` shared out where the content is longer, and rows tall enough to wrap that
content (the grid wraps a cell only when its rows are taller than 4 rem). On a phone the table
still scrolls sideways, its first column pinned where asked.

Widths are worked out from the characters (a CJK character is 1 em, a Latin letter about half):
an estimate on the generous side, checked against the browser's own measure by
``tests/pages/test_table_widths_browser.py``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd
import streamlit as st

from ui.state import session_memo

#: What a table may take at 1280 px with the sidebar open (the main column is 820 px).
TABLE_WIDTH = 800
#: The grid's font size (Streamlit's "sm", 0.875 rem) in px.
FONT_PX = 14
#: Room a column needs besides its text: the grid's 8 px padding each side, and 4 px to spare.
PAD = 20
#: A wrapped line, and the row's padding around its lines (px).
LINE_PX = 19
ROW_PAD = 12
#: The grid wraps only rows taller than this (4 rem).
WRAP_ROW_MIN = 65

#: A word the grid may break anywhere: CJK characters only.
_CJK_WORD = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uf900-\ufaff\uff00-\uffef]+")


#: Advance widths (thousandths of an em) of Source Sans, the grid's font, measured in Chromium.
_WIDTHS = {
    " ": 200,
    "!": 289,
    '"': 426,
    "#": 497,
    "$": 497,
    "%": 824,
    "&": 609,
    "'": 249,
    "(": 303,
    ")": 303,
    "*": 418,
    "+": 497,
    ",": 249,
    "-": 311,
    ".": 249,
    "/": 350,
    "0": 497,
    "1": 497,
    "2": 497,
    "3": 497,
    "4": 497,
    "5": 497,
    "6": 497,
    "7": 497,
    "8": 497,
    "9": 497,
    ":": 249,
    ";": 249,
    "<": 497,
    "=": 497,
    ">": 497,
    "?": 425,
    "@": 847,
    "A": 543,
    "B": 588,
    "C": 571,
    "D": 615,
    "E": 527,
    "F": 494,
    "G": 617,
    "H": 652,
    "I": 263,
    "J": 479,
    "K": 579,
    "L": 486,
    "M": 727,
    "N": 647,
    "O": 664,
    "P": 566,
    "Q": 664,
    "R": 569,
    "S": 534,
    "T": 536,
    "U": 645,
    "V": 515,
    "W": 786,
    "X": 513,
    "Y": 476,
    "Z": 539,
    "[": 303,
    "\\": 350,
    "]": 303,
    "^": 497,
    "_": 500,
    "`": 542,
    "a": 504,
    "b": 553,
    "c": 456,
    "d": 555,
    "e": 496,
    "f": 292,
    "g": 504,
    "h": 544,
    "i": 246,
    "j": 247,
    "k": 495,
    "l": 255,
    "m": 829,
    "n": 547,
    "o": 542,
    "p": 555,
    "q": 555,
    "r": 347,
    "s": 419,
    "t": 338,
    "u": 544,
    "v": 467,
    "w": 719,
    "x": 446,
    "y": 467,
    "z": 425,
    "{": 303,
    "|": 241,
    "}": 303,
    "~": 497,
    "¥": 497,
    "—": 800,
    "★": 1000,
    "⚠": 1000,
    "✓": 612,
    "✗": 526,
    "·": 249,
    "…": 948,
    "×": 497,
    "→": 619,
}
#: The estimate's margin over the measured widths (other fonts on other machines).
SAFETY = 1.06


def char_em(char: str) -> float:
    """The width of ``char`` in em in the grid's font (a CJK character is 1 em)."""
    if char in _WIDTHS:
        return _WIDTHS[char] / 1000
    return 1.0  # CJK, fullwidth punctuation and anything the fallback font draws


def text_px(text: str) -> float:
    """The width of ``text`` on one line, in px (generous).

    >>> round(text_px("还得起吗")), round(text_px("Fits"))
    (59, 22)
    """
    return sum(char_em(c) for c in text) * FONT_PX * SAFETY


def widest_piece_px(text: str) -> float:
    """The widest piece of ``text`` that the grid will not break: it wraps at spaces only
    (a word of CJK characters alone may break anywhere), so "¥1,450.00（45" stays whole.

    >>> widest_piece_px("日利率 0.065%（365 天）") == text_px("0.065%（365")
    True
    """
    widths = [
        max(text_px(c) for c in word) if _CJK_WORD.fullmatch(word) else text_px(word)
        for word in text.split()
    ]
    return max(widths, default=0)


def _lines(text_width: float, column: float) -> int:
    """Lines ``text_width`` px of text take in a column ``column`` px wide (word wrap loses a
    little of each line)."""
    room = max(column - PAD, 1)
    return max(1, math.ceil(text_width * 1.15 / room)) if text_width > room else 1


def fitted_widths(
    headers: Sequence[str], columns: Sequence[Iterable[str]], width: int = TABLE_WIDTH
) -> tuple[list[int], int | None]:
    """Column widths (px) within ``width`` and the row height that wraps their content (None
    when nothing needs wrapping).

    Each column is at least as wide as its header and its widest unbreakable piece; when the
    content does not fit on one line, the fewest lines that fit ``width`` are chosen and every
    column made wide enough for them.

    >>> fitted_widths(["方案", "还得起吗"], [["按原合同"], ["✓"]])
    ([80, 80], None)
    """
    cells = [[str(value) for value in column] for column in columns]
    # Each distinct cell measured once (a table repeats "—", "✓ 是", amounts…).
    px = {cell: text_px(cell) for column in cells for cell in column}
    px[""] = 0.0
    least = [
        math.ceil(max(text_px(h), *(widest_piece_px(c) for c in set(column)), 0) + PAD)
        for h, column in zip(headers, cells, strict=True)
    ]
    longest = [max((px[c] for c in column), default=0) for column in cells]
    natural = [max(low, math.ceil(text + PAD)) for low, text in zip(least, longest, strict=True)]
    if sum(natural) <= width:
        return natural, None

    def needed(lines: int) -> list[int]:
        """Each column's width for its longest cell to take at most ``lines`` lines."""
        return [
            max(low, min(n, math.ceil(text * 1.15 / lines) + PAD))
            for low, n, text in zip(least, natural, longest, strict=True)
        ]

    lines = 2
    while sum(needed(lines)) > width and lines < 12:
        lines += 1
    widths = needed(lines)
    spare = width - sum(widths)
    if spare > 0:  # the rest to the columns that wrap, so they wrap less
        wrapping = [i for i, (w, n) in enumerate(zip(widths, natural, strict=True)) if w < n]
        for i in wrapping:
            widths[i] += spare // len(wrapping)
    taken = max(
        _lines(px[cell], w)
        for w, column in zip(widths, cells, strict=True)
        for cell in column or [""]
    )
    if taken == 1:
        return widths, None
    return widths, max(WRAP_ROW_MIN, taken * LINE_PX + ROW_PAD)


def fitted_columns(
    frame: pd.DataFrame, *, pinned: Sequence[str] = (), width: int = TABLE_WIDTH
) -> tuple[dict[str, Any], int | None]:
    """``column_config`` (every column with its width) and ``row_height`` for ``frame``."""
    headers = [str(c) for c in frame.columns]
    widths, row_height = fitted_widths(headers, [frame[c] for c in frame.columns], width)
    config = {
        header: st.column_config.Column(width=w, pinned=True if header in pinned else None)
        for header, w in zip(headers, widths, strict=True)
    }
    return config, row_height


#: Streamlit's header row and the grid's borders, and its own row height, in pixels.
HEADER_HEIGHT = 38
DEFAULT_ROW_HEIGHT = 35


def table_height(rows: int, row_height: int | None) -> int:
    """The height that shows every row (a short table never hides one behind a scroll).

    >>> table_height(6, None), table_height(6, 60)
    (250, 400)
    """
    return HEADER_HEIGHT + rows * (row_height or DEFAULT_ROW_HEIGHT) + 2


def fitted_table(frame: pd.DataFrame, *, key: str | None = None, pinned: Sequence[str] = ()):
    """``st.dataframe`` of ``frame`` with its columns fitted to the page, every row shown.

    The widths are worked out once per browser session for the same cells (a rerun that
    leaves the table as it was measures no text)."""
    cells = (
        tuple(str(c) for c in frame.columns),
        tuple(tuple(str(v) for v in frame[c]) for c in frame.columns),
        tuple(pinned),
    )
    config, row_height = session_memo(
        "tables.fitted", cells, lambda: fitted_columns(frame, pinned=pinned)
    )
    return st.dataframe(
        frame,
        hide_index=True,
        width="stretch",
        height=table_height(len(frame), row_height),
        column_config=config,
        row_height=row_height,
        key=key,
    )
