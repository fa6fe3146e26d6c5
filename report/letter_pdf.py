"""The letter to the lender as a PDF to print or send: A4, Chinese set in Noto Sans CJK SC.

The fonts are the plan report's, parsed once per process (:func:`report.pdf.add_cjk_fonts`);
only the glyphs used are embedded. Lines are broken by :mod:`report.wrap`, between whole
pieces — a figure (``¥15,878.14``), a date (``2026年12月15日``), a contract number — never
inside one, so that every figure reads back whole (``pdftotext``). Each line is drawn as one
``cell()``: fpdf2 breaks nothing further, and interprets nothing in the text (no markdown).

The content is :func:`report.letter.compose`'s, block for block, as in the Word file.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time

from fpdf import FPDF

from i18n import translate
from report.letter import Block, Letter, compose, file_title
from report.pdf import FAMILY, FONT_REGULAR, FontMissingError, add_cjk_fonts
from report.wrap import wrap

MARGIN = 20
BODY_SIZE = 10.5
LINE = 6.0
TABLE_SIZE = 9.5
TABLE_LINE = 4.6
PADDING = 1.0
INDENT = 7
#: Room above the signature line (mm).
SIGN_ROOM = 8.0
#: Room kept so that a prepared line never measures too long (mm).
SLACK = 0.4
MUTED = (100, 107, 120)
HEADER_FILL = (229, 238, 246)
RULE = (150, 156, 166)


class _LetterPDF(FPDF):
    def __init__(self, lang: str) -> None:
        super().__init__(format="A4")
        self.lang = lang
        self._widths: dict[tuple, float] = {}

    def measure(self) -> Callable[[str], float]:
        """``get_string_width`` in the current font, each text measured once."""
        font = (self.font_family, self.font_style, self.font_size_pt)

        def width(text: str) -> float:
            key = (font, text)
            found = self._widths.get(key)
            if found is None:
                found = self._widths[key] = self.get_string_width(text)
            return found

        return width

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FAMILY, size=8)
        self.set_text_color(*MUTED)
        page = translate("report.page", self.lang, n=self.page_no(), total="{nb}")
        self.cell(0, 4, page, align="C")
        self.set_text_color(0, 0, 0)


def _lines(pdf: _LetterPDF, text: str, width: float) -> list[str]:
    return wrap(text, width - SLACK, pdf.measure()).split("\n")


def _text(
    pdf: _LetterPDF,
    text: str,
    *,
    size: float = BODY_SIZE,
    bold: bool = False,
    align: str = "L",
    indent: float = 0.0,
) -> None:
    pdf.set_font(FAMILY, "B" if bold else "", size)
    for line in _lines(pdf, text, pdf.epw - indent):
        pdf.set_x(pdf.l_margin + indent)
        height = LINE * size / BODY_SIZE
        pdf.cell(pdf.epw - indent, height, line, align=align, new_x="LMARGIN", new_y="NEXT")


def _item(pdf: _LetterPDF, marker: str, text: str) -> None:
    pdf.set_font(FAMILY, "", BODY_SIZE)
    width = pdf.epw - INDENT
    lines = _lines(pdf, text, width)
    if pdf.will_page_break(LINE * min(len(lines), 2)):
        pdf.add_page()
    for i, line in enumerate(lines):
        pdf.set_x(pdf.l_margin)
        if i == 0:
            pdf.cell(INDENT, LINE, marker)
        else:
            pdf.set_x(pdf.l_margin + INDENT)
        pdf.cell(width, LINE, line, new_x="LMARGIN", new_y="NEXT")


def _heading(pdf: _LetterPDF, text: str, room: float) -> None:
    """A section heading, on a new page unless ``room`` (mm: what must follow it on the same
    page) is left under it."""
    if pdf.will_page_break(max(room, LINE * 5)):  # never a heading alone at the foot of a page
        pdf.add_page()
    pdf.ln(2.5)
    _text(pdf, text, size=12, bold=True)
    pdf.ln(0.5)


def _row(
    pdf: _LetterPDF,
    cells: list[list[str]],
    widths: list[float],
    figures: tuple[bool, ...],
    *,
    header: bool,
) -> None:
    height = max(len(lines) for lines in cells) * TABLE_LINE + 2 * PADDING
    top, left = pdf.y, pdf.l_margin
    pdf.set_draw_color(*RULE)
    pdf.set_line_width(0.2)
    pdf.set_font(FAMILY, "B" if header else "", TABLE_SIZE)
    if header:
        pdf.set_fill_color(*HEADER_FILL)
    for lines, width, figure in zip(cells, widths, figures, strict=True):
        pdf.rect(left, top, width, height, style="DF" if header else "D")
        y = top + PADDING
        for line in lines:
            pdf.set_xy(left + PADDING, y)
            align = "R" if figure and not header else "L"
            pdf.cell(width - 2 * PADDING, TABLE_LINE, line, align=align)
            y += TABLE_LINE
        left += width
    pdf.set_xy(pdf.l_margin, top + height)


def _table(pdf: _LetterPDF, block: Block) -> None:
    columns = len(block.header or block.rows[0])
    weights = block.weights or (1,) * columns
    widths = [pdf.epw * w / sum(weights) for w in weights]
    figures = block.figures or (False,) * columns

    def broken(values: tuple[str, ...], bold: bool) -> list[list[str]]:
        pdf.set_font(FAMILY, "B" if bold else "", TABLE_SIZE)
        return [
            _lines(pdf, value, width - 2 * PADDING)
            for value, width in zip(values, widths, strict=True)
        ]

    header = broken(block.header, True) if block.header else None
    header_height = (
        max(len(c) for c in header) * TABLE_LINE + 2 * PADDING if header is not None else 0.0
    )
    if header is None:  # a short table of figures is kept on one page
        whole = _table_height(pdf, block)
        if whole <= _page_room(pdf) and pdf.will_page_break(whole):
            pdf.add_page()
    first = True
    for values in block.rows:
        cells = broken(values, False)
        height = max(len(c) for c in cells) * TABLE_LINE + 2 * PADDING
        if pdf.will_page_break(height + (header_height if first else 0)):
            pdf.add_page()
            first = True
        if first and header is not None:
            _row(pdf, header, widths, figures, header=True)
        first = False
        _row(pdf, cells, widths, figures, header=False)
    pdf.ln(2)


def _page_room(pdf: _LetterPDF) -> float:
    """The height a page has for text (mm)."""
    return pdf.h - pdf.t_margin - pdf.b_margin


def _table_height(pdf: _LetterPDF, block: Block) -> float:
    columns = len(block.header or block.rows[0])
    weights = block.weights or (1,) * columns
    widths = [pdf.epw * w / sum(weights) for w in weights]
    total = 0.0
    for i, values in enumerate(([block.header] if block.header else []) + list(block.rows)):
        pdf.set_font(FAMILY, "B" if block.header and i == 0 else "", TABLE_SIZE)
        lines = max(
            len(_lines(pdf, value, width - 2 * PADDING))
            for value, width in zip(values, widths, strict=True)
        )
        total += lines * TABLE_LINE + 2 * PADDING
    return total + 2


def _block_height(pdf: _LetterPDF, block: Block) -> float:
    if block.style == "table":
        return _table_height(pdf, block)
    pdf.set_font(FAMILY, "", BODY_SIZE)
    width = pdf.epw - (INDENT if block.style == "item" else 0)
    return len(_lines(pdf, block.text, width)) * LINE + 1


def _section_room(pdf: _LetterPDF, blocks: tuple[Block, ...], at: int) -> float:
    """What follows the heading at ``at`` up to its first table, if that fits on a page (it is
    kept with the heading); else a few lines."""
    room = 0.0
    for block in blocks[at + 1 :]:
        if block.style == "heading":
            break
        room += _block_height(pdf, block)
        if block.style == "table":
            return room if room <= _page_room(pdf) - 20 else LINE * 5
    return min(room, LINE * 5)


def _closing_room(pdf: _LetterPDF, blocks: tuple[Block, ...], at: int) -> float:
    """The height of the closing lines from ``at`` to the signature's date (up to the next
    heading), the room to sign included."""
    room = SIGN_ROOM
    for block in blocks[at:]:
        if block.style == "heading":
            break
        room += _block_height(pdf, block)
    return room


def render_pdf(letter: Letter, lang: str) -> bytes:
    """The letter in ``lang`` as PDF bytes (A4)."""
    if not FONT_REGULAR.exists():
        raise FontMissingError(f"{FONT_REGULAR} is missing: install fonts-noto-cjk")
    pdf = _LetterPDF(lang)
    add_cjk_fonts(pdf)
    pdf.set_title(file_title(letter, lang))
    pdf.set_creator("RepayTalk")
    pdf.set_lang(lang)
    pdf.set_creation_date(datetime.combine(letter.dated, time(0, 0), tzinfo=UTC))
    pdf.set_margins(MARGIN, 18, MARGIN)
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_page()
    previous = ""
    blocks = compose(letter, lang)
    for at, block in enumerate(blocks):
        if previous == "line" and block.style != "line":
            pdf.ln(2.5)
        previous = block.style
        if block.new_page:
            pdf.add_page()
        following = blocks[at + 1] if at + 1 < len(blocks) else None
        if following is not None and following.style == "closing":
            # the last paragraph goes with the closing lines and the signature
            room = _block_height(pdf, block) + _closing_room(pdf, blocks, at + 1)
            if room <= _page_room(pdf) and pdf.will_page_break(room):
                pdf.add_page()
        if block.style == "title":
            _text(pdf, block.text, size=18, bold=True, align="C")
        elif block.style == "subtitle":
            _text(pdf, block.text, size=11, align="C")
            pdf.ln(3)
        elif block.style == "note":
            pdf.set_text_color(*MUTED)
            _text(pdf, block.text, size=8.5)
            pdf.set_text_color(0, 0, 0)
            pdf.ln(1)
        elif block.style == "line":
            _text(pdf, block.text)
        elif block.style == "closing":
            room = _closing_room(pdf, blocks, at)
            if room <= _page_room(pdf) and pdf.will_page_break(room):
                pdf.add_page()  # the signature never alone on a page
            indent = 2 * BODY_SIZE * 25.4 / 72 if block.indent else 0.0  # two characters
            _text(pdf, block.text, indent=indent)
        elif block.style == "heading":
            _heading(pdf, block.text, _section_room(pdf, blocks, at))
        elif block.style == "item":
            _item(pdf, block.marker, block.text)
        elif block.style == "table":
            _table(pdf, block)
        elif block.style in ("signature", "right"):
            if block.style == "signature":
                pdf.ln(SIGN_ROOM)  # room above the line to sign on
            _text(pdf, block.text, align="R")
        else:
            _text(pdf, block.text)
            pdf.ln(1)
    return bytes(pdf.output())
