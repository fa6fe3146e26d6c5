"""The letter to the lender as an editable Word file (``.docx``, python-docx), A4.

The counselor opens it, adjusts a sentence if need be, prints it for the client to sign. So it
is made of what Word edits naturally: one paragraph per paragraph of the letter, the section
headings in Word's own "Heading 2" style (they show in the navigation pane), the figures in
real tables (the schedule's header row repeated on each page, no row split across pages),
a page number in the footer.

Chinese needs its own font slot: Word sets East Asian characters in the ``w:eastAsia`` font of
a run and Latin ones in ``w:ascii``/``w:hAnsi``, and the default template points all of them at
theme fonts. Here the document defaults, every style used and every run name
:data:`EAST_ASIAN_FONT` (宋体, on every Chinese Windows and in WPS) for East Asian text and
:data:`LATIN_FONT` for the rest, with the East Asian language set to zh-CN.

The content is :func:`report.letter.compose`'s, block for block: the PDF says the same. Text a
user typed arrives as plain text (:func:`report.letter.plain`) and goes into runs as text;
Word interprets nothing in it.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, time

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from report.letter import Block, Letter, compose, file_title

#: The media type of a ``.docx`` file (for a download).
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#: East Asian text (w:eastAsia).
EAST_ASIAN_FONT = "宋体"
#: Latin letters and figures (w:ascii, w:hAnsi).
LATIN_FONT = "Times New Roman"
BODY_SIZE = Pt(11)
MUTED = RGBColor(0x64, 0x6B, 0x78)
#: A4 and its margins (mm).
PAGE = (210, 297)
MARGINS = {"top": 25, "bottom": 22, "left": 25, "right": 22}
#: The width the tables fill (mm): the page less its margins.
TEXT_WIDTH = PAGE[0] - MARGINS["left"] - MARGINS["right"]


def _fonts(r_pr) -> None:
    """Name the fonts of a run's or style's properties explicitly (no theme font)."""
    fonts = r_pr.get_or_add_rFonts()  # in its place among the properties
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if fonts.get(qn(theme)) is not None:
            del fonts.attrib[qn(theme)]
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:cs"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
    fonts.set(qn("w:hint"), "eastAsia")


def _language(r_pr) -> None:
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")


def _setup(document, title: str, dated: datetime) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(PAGE[0]), Mm(PAGE[1])
    section.top_margin, section.bottom_margin = Mm(MARGINS["top"]), Mm(MARGINS["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS["left"]), Mm(MARGINS["right"])
    defaults = document.styles.element.find(qn("w:docDefaults"))
    r_pr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(r_pr)
    _language(r_pr)
    normal = document.styles["Normal"]
    normal.font.size = BODY_SIZE
    _fonts(normal.element.get_or_add_rPr())
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.25
    heading = document.styles["Heading 2"]
    heading.font.size = Pt(12)
    heading.font.bold = True
    heading.font.color.rgb = RGBColor(0, 0, 0)
    _fonts(heading.element.get_or_add_rPr())
    heading.paragraph_format.space_before = Pt(10)
    heading.paragraph_format.space_after = Pt(4)
    heading.paragraph_format.keep_with_next = True
    props = document.core_properties
    props.title = title
    props.author = "RepayTalk"
    props.last_modified_by = "RepayTalk"
    props.comments = ""
    props.keywords = ""
    props.subject = ""
    props.language = "zh-CN"
    props.revision = 1
    props.created = props.modified = dated
    _page_number(section)


def _page_number(section) -> None:
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _run(paragraph, text: str, *, bold: bool = False, size: Pt | None = None, color=None):
    run = paragraph.add_run(text)  # "\n" becomes a line break, "\t" a tab
    run.bold = bold or None
    if size is not None:
        run.font.size = size
    if color is not None:
        run.font.color.rgb = color
    _fonts(run._r.get_or_add_rPr())
    return run


def _paragraph(document, block: Block, *, keep_with_next: bool = False) -> None:
    if block.style == "heading":
        paragraph = document.add_paragraph(style="Heading 2")
        paragraph.paragraph_format.page_break_before = block.new_page or None
        _run(paragraph, block.text, bold=True)
        return
    paragraph = document.add_paragraph()
    fmt = paragraph.paragraph_format
    if block.style == "title":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fmt.space_after = Pt(0)
        _run(paragraph, block.text, bold=True, size=Pt(18))
    elif block.style == "subtitle":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fmt.space_after = Pt(10)
        _run(paragraph, block.text, size=Pt(12))
    elif block.style == "note":
        _run(paragraph, block.text, size=Pt(9), color=MUTED)
    elif block.style == "line":
        fmt.space_after = Pt(0)
        _run(paragraph, block.text)
    elif block.style == "closing":
        if block.indent:
            fmt.first_line_indent = Pt(2 * BODY_SIZE.pt)  # two characters
        _run(paragraph, block.text)
    elif block.style == "item":
        fmt.left_indent = Mm(7)
        fmt.first_line_indent = Mm(-7)
        _run(paragraph, f"{block.marker}\t{block.text}")
        fmt.tab_stops.add_tab_stop(Mm(7))
    elif block.style in ("signature", "right"):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if block.style == "signature":
            fmt.space_before = Pt(24)  # room above the line to sign on
        _run(paragraph, block.text)
    else:
        _run(paragraph, block.text)
    if keep_with_next:
        fmt.keep_with_next = True


def _no_split(row, *, header: bool = False) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


def _table(document, block: Block) -> None:
    rows = ([block.header] if block.header else []) + list(block.rows)
    columns = len(rows[0])
    table = document.add_table(rows=len(rows), cols=columns)
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    weights = block.weights or (1,) * columns
    widths = [Mm(TEXT_WIDTH * w / sum(weights)) for w in weights]
    for i, values in enumerate(rows):
        row = table.rows[i]
        header = bool(block.header) and i == 0
        _no_split(row, header=header)
        for j, value in enumerate(values):
            cell = row.cells[j]
            cell.width = widths[j]
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0)
            if not block.header and i < len(rows) - 1:
                # a short table of figures stays on one page (Word keeps the rows together)
                paragraph.paragraph_format.keep_with_next = True
            figure = bool(block.figures) and block.figures[j]
            if figure and not header:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            _run(paragraph, value, bold=header)
    for j, column in enumerate(table.columns):
        column.width = widths[j]
    document.add_paragraph().paragraph_format.space_after = Pt(0)


def _kept_with_next(blocks: tuple[Block, ...]) -> set[int]:
    """The paragraphs Word keeps on the page of the next one: a paragraph introducing a
    table, and from the last paragraph before the closing lines to the signature's date."""
    kept = {at for at in range(len(blocks) - 1) if blocks[at + 1].style == "table"}
    closing = next((at for at, b in enumerate(blocks) if b.style == "closing"), None)
    if closing is not None:
        end = next(
            (at for at in range(closing, len(blocks)) if blocks[at].style == "heading"),
            len(blocks),
        )
        kept.update(range(max(0, closing - 1), end - 1))
    return kept


def render_docx(letter: Letter, lang: str) -> bytes:
    """The letter in ``lang`` as the bytes of a ``.docx`` file."""
    document = Document()
    dated = datetime.combine(letter.dated, time(0, 0), tzinfo=UTC)
    _setup(document, file_title(letter, lang), dated)
    blocks = compose(letter, lang)
    kept = _kept_with_next(blocks)
    for at, block in enumerate(blocks):
        if block.style == "table":
            _table(document, block)
        else:
            _paragraph(document, block, keep_with_next=at in kept)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
