"""The power of attorney as an editable Word file (``.docx``, python-docx), A4, one page.

Laid out as the letter to the lender (:mod:`report.letter_docx`): the same page, fonts (宋体 for
East Asian text, named in every style and run), headings and paragraph styles, so the two
documents a client signs look alike. The content is :func:`report.attorney.compose`'s, block
for block: the PDF says the same. The paragraphs from the validity section to the last
signature are kept on one page (Word's "keep with next"): the dates and the signatures are
never apart.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, time

from docx import Document

from report.attorney import Attorney, compose, file_title
from report.letter import Block
from report.letter_docx import DOCX_MIME, _paragraph, _setup, _table

__all__ = ["DOCX_MIME", "render_docx"]


def _kept_with_next(blocks: tuple[Block, ...]) -> set[int]:
    """From the last heading (the validity) to the last signature line, each paragraph kept
    with the next."""
    last_heading = max(at for at, b in enumerate(blocks) if b.style == "heading")
    return set(range(last_heading, len(blocks) - 1))


def render_docx(attorney: Attorney, lang: str) -> bytes:
    """The power of attorney in ``lang`` as the bytes of a ``.docx`` file."""
    document = Document()
    dated = datetime.combine(attorney.dated, time(0, 0), tzinfo=UTC)
    _setup(document, file_title(attorney, lang), dated)
    blocks = compose(attorney, lang)
    kept = _kept_with_next(blocks)
    for at, block in enumerate(blocks):
        if block.style == "table":
            _table(document, block)
        else:
            _paragraph(document, block, keep_with_next=at in kept)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
