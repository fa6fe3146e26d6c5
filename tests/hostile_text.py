"""Hostile text: what an attacker (or a careless paste) could put in any field a user types.

Each marker is something Markdown, Streamlit or plotly would act on if a page handed the text
over as markup: emphasis, KaTeX, an image or a link to an outside address (a tracking beacon),
a bare URL GFM would link, a Streamlit directive or icon, HTML, a heading after a line break,
a plotly template. :func:`hostile` packs them into a text as long as a field allows.

A plain module (no ``conftest.py``): the unit tests and the browser test import it.
"""

from __future__ import annotations

import re

from i18n.format import WORD_JOINER

#: The address every beacon points at: nothing listens there (port 9, "discard").
OUTSIDE = "127.0.0.1:9"

#: Markers, most telling first (Markdown and HTML mixed): a short field holds the first few,
#: a long one all of them, repeated.
MARKERS: tuple[str, ...] = (
    "**X**",
    "<b>b</b>",
    f"![b](http://{OUTSIDE}/p.png)",
    "$x$",
    f'<a href="http://{OUTSIDE}/a">a</a>',
    "_y_",
    ":red[r]",
    "\n# h",
    f"[l](http://{OUTSIDE}/l)",
    "$$\\frac{1}{2}$$",
    f'<img src="http://{OUTSIDE}/i.png">',
    f"http://{OUTSIDE}/auto",
    "www.example.com",
    ":material/pets: :streamlit: :smile:",
    "%{x} &amp; <br>",
    "me@example.com a -> b",
    "\n- li\n> q\n    code",
)


def hostile(limit: int, *, tag: str = "", spaces: bool = True, lines: bool = True) -> str:
    """Markers packed into at most ``limit`` characters (the field's limit), starting with
    ``tag`` (to tell records apart), repeated while there is room.

    ``spaces=False`` for a field that drops inner spaces (a contract number), ``lines=False``
    for one that holds a single line.
    """
    usable = [m for m in MARKERS if (lines or "\n" not in m) and (spaces or " " not in m)]
    gap = " " if spaces else ""
    text = tag
    while True:
        added = False
        for marker in usable:
            piece = (gap if text else "") + marker
            if len(text) + len(piece) <= limit:
                text += piece
                added = True
        if not added:
            return text


#: A Markdown backslash escape (before ASCII punctuation or a line break), as md_escape writes.
_MD_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~\n])")


def as_read(markdown: str) -> str:
    """The text a reader sees in Markdown ``md_escape`` wrote: ``张\\*`` reads ``张*``."""
    return _MD_ESCAPED.sub(r"\1", markdown).replace(WORD_JOINER, "")
