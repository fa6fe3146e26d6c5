"""Line breaking for the PDF that never splits a figure.

fpdf2 breaks a line of Chinese wherever the width runs out, digits included ("-¥1,246.1" on one
line, "1" on the next; "已达成（202" / "6年11月30日）"). So the PDF breaks its text itself:
:func:`tokens` cuts a text into pieces that must stay whole — money, numbers with their unit
(24个月, 18%), dates in either language (2026年11月30日, 30 Nov 2026), Latin words and codes —
and single Chinese characters, between which a line may break; closing punctuation stays with
what precedes it and opening punctuation with what follows. :func:`wrap` fills lines with
whole pieces, so fpdf2 gets lines that already fit and breaks nothing more;
:func:`widest_piece` says how narrow a column may be.

Pure: the width of a text is measured by the function passed in (fpdf2's
``get_string_width`` in the PDF, ``len`` in tests).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

Measure = Callable[[str], float]

_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
#: Units that stay with their number.
_UNITS = r"\x20?%|个月|期|笔|元|天|日|号|\x20(?:months?|days?|parts?)\b"
_CJK = "\u2e80-\u2fff\u3000-\u303f\u3040-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
_PIECE = re.compile(
    rf"""
      \d{{1,4}}年\d{{1,2}}月(?:\d{{1,2}}日)?         # 2026年11月30日, 2026年11月
    | \d{{1,2}}月\d{{1,2}}日                         # 12月15日
    | \d{{4}}-\d{{1,2}}-\d{{1,2}}                     # 2026-11-30
    | \d{{1,2}}:\d{{2}}                               # 10:00
    | \d{{1,2}}\x20(?:{_MONTHS})\x20\d{{1,4}}(?:,\x20\d{{1,2}}:\d{{2}})?  # 30 Nov 2026
    | [-+−]?[¥￥$]?\d[\d,]*(?:\.\d+)?(?:{_UNITS})?       # -¥1,246.11, 24个月, 18 %
    | [^\s{_CJK}]+                                   # a Latin word, a code, ***
    | \s+                                            # where a line may break
    | .                                              # one Chinese character or sign
    """,
    re.VERBOSE,
)
#: Signs that may not begin a line (they join the piece before) ...
_CLOSING = set("，。、；：！？）」』》】〕…,.;:!?)]%·")
#: ... and signs that may not end one (they join the piece after).
_OPENING = set("（「『《【〔([→←")


def tokens(text: str) -> list[str]:
    """The pieces of one line of ``text`` (no newlines), spaces kept as pieces of their own.

    >>> tokens("已达成（2026年11月30日）·多还-¥1,246.11")
    ['已', '达', '成', '（2026年11月30日）·', '多', '还', '-¥1,246.11']
    """
    raw = _PIECE.findall(text)
    pieces: list[str] = []
    opening = ""
    for piece in raw:
        if piece.isspace():
            if opening:  # "→ text": the arrow stays with what it points at
                opening += piece
                continue
            pieces.append(piece)
        elif piece in _OPENING:
            opening += piece
        elif _joins_before(piece) and pieces and not pieces[-1].isspace() and not opening:
            pieces[-1] += piece
        else:
            pieces.append(opening + piece)
            opening = ""
    if opening:
        pieces.append(opening)
    return pieces


def _joins_before(piece: str) -> bool:
    """Closing punctuation, and the stars of a masked value (张*明 stays one piece)."""
    return piece in _CLOSING or piece.startswith("*")


def widest_piece(text: str, measure: Measure) -> float:
    """The width of the widest piece of ``text``: a column narrower than this would have to
    split it."""
    return max(
        (measure(p) for line in text.split("\n") for p in tokens(line) if not p.isspace()),
        default=0.0,
    )


def wrap(text: str, width: float, measure: Measure) -> str:
    """``text`` with newlines where its lines must break to fit ``width``, only between
    pieces. A piece wider than ``width`` alone is split by characters (a column too narrow
    for it: the PDF's columns are made wide enough for that never to happen to a figure)."""
    return "\n".join(line for hard in text.split("\n") for line in _lines(hard, width, measure))


def _lines(text: str, width: float, measure: Measure) -> Iterator[str]:
    current, space = "", ""
    for piece in tokens(text):
        if piece.isspace():
            space = piece if current else ""
            continue
        candidate = f"{current}{space}{piece}"
        space = ""
        if measure(candidate) <= width:
            current = candidate
            continue
        if current:
            yield current
        current = ""
        while measure(piece) > width and len(piece) > 1:
            cut = max(1, _longest_fit(piece, width, measure))
            yield piece[:cut]
            piece = piece[cut:]
        current = piece
    yield current


def _longest_fit(piece: str, width: float, measure: Measure) -> int:
    n = 1
    while n < len(piece) and measure(piece[: n + 1]) <= width:
        n += 1
    return n
