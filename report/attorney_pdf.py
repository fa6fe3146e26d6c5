"""The power of attorney as a PDF to print and sign: A4, one page for a typical case, Chinese
set in Noto Sans CJK SC.

Laid out with the letter's PDF helpers (:mod:`report.letter_pdf`: the same margins, sizes,
headings, numbered items, page footer and line breaking by :mod:`report.wrap`, so that a name,
an ID number, a contract number or a date reads back whole with ``pdftotext``). The content is
:func:`report.attorney.compose`'s, block for block, as in the Word file. The validity section
and the signatures that follow it are kept on one page.
"""

from __future__ import annotations

from datetime import UTC, datetime, time

from report.attorney import Attorney, compose, file_title
from report.letter import Block
from report.letter_pdf import (
    BODY_SIZE,
    MARGIN,
    MUTED,
    SIGN_ROOM,
    _block_height,
    _heading,
    _item,
    _LetterPDF,
    _page_room,
    _table,
    _text,
)
from report.pdf import FONT_REGULAR, FontMissingError, add_cjk_fonts

__all__ = ["render_pdf"]

#: Room above each signature line (mm): a signature in ink takes more than a line.
SIGN_SPACE = SIGN_ROOM + 4


def _tail_room(pdf: _LetterPDF, blocks: tuple[Block, ...], at: int) -> float:
    """The height from the block at ``at`` to the end (the signatures' room included)."""
    room = 0.0
    for block in blocks[at:]:
        room += _block_height(pdf, block) + (SIGN_SPACE if block.style == "signature" else 0)
    return room


def render_pdf(attorney: Attorney, lang: str) -> bytes:
    """The power of attorney in ``lang`` as PDF bytes (A4)."""
    if not FONT_REGULAR.exists():
        raise FontMissingError(f"{FONT_REGULAR} is missing: install fonts-noto-cjk")
    pdf = _LetterPDF(lang)
    add_cjk_fonts(pdf)
    pdf.set_title(file_title(attorney, lang))
    pdf.set_creator("RepayTalk")
    pdf.set_lang(lang)
    pdf.set_creation_date(datetime.combine(attorney.dated, time(0, 0), tzinfo=UTC))
    pdf.set_margins(MARGIN, 18, MARGIN)
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_page()
    blocks = compose(attorney, lang)
    last_heading = max(at for at, b in enumerate(blocks) if b.style == "heading")
    previous = ""
    for at, block in enumerate(blocks):
        if previous == "line" and block.style != "line":
            pdf.ln(2.5)
        previous = block.style
        if at == last_heading:
            room = _tail_room(pdf, blocks, at)
            if room <= _page_room(pdf) and pdf.will_page_break(room):
                pdf.add_page()  # the validity and the signatures on one page
        if block.style == "title":
            _text(pdf, block.text, size=18, bold=True, align="C")
            pdf.ln(4)
        elif block.style == "note":
            pdf.set_text_color(*MUTED)
            _text(pdf, block.text, size=8.5)
            pdf.set_text_color(0, 0, 0)
            pdf.ln(2)
        elif block.style == "line":
            _text(pdf, block.text)
        elif block.style == "heading":
            _heading(pdf, block.text, 0.0)
        elif block.style == "item":
            _item(pdf, block.marker, block.text)
        elif block.style == "table":
            _table(pdf, block)
        elif block.style in ("signature", "right"):
            if block.style == "signature":
                pdf.ln(SIGN_SPACE)  # room above the line to sign on
            _text(pdf, block.text, align="R")
        else:
            _text(pdf, block.text, size=BODY_SIZE)
            pdf.ln(1)
    return bytes(pdf.output())
