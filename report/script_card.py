"""The call script card (:class:`core.rules.script.CallScript`) as an A4 PDF to print and keep
by the phone: a heading per section, the opening as numbered steps, the objections as "if the
agent says … → answer" pairs.

What it says is said to the lender: the script's own texts went through
:func:`core.privacy.scrub` for the lender (:func:`core.rules.script.call_script`), and so do the
title and subtitle the caller words (a creditor's name as typed): the client's name and
contract numbers whole, any other ID, mobile, landline or card number by its last 4 only.

The fonts are the plan report's (:mod:`report.pdf`: Noto Sans CJK SC, face 2 of Debian's
collection), set up by :func:`card_pdf`. Lines are broken here, never inside a figure or a
word: "¥1,017.65", "12,000元" or "FD2035" stays whole, and Chinese closing punctuation never
starts a line.
"""

from __future__ import annotations

import re

from fpdf import FPDF

from core.privacy import Audience, scrub
from core.rules.script import CallScript
from core.rules.templates import render
from report.pdf import FAMILY, add_cjk_fonts

MARGIN = 16
BODY_SIZE = 11
LINE = 6.2
INDENT = 6
MUTED = (100, 107, 120)

_CJK = "\u2e80-\u9fff\u3000-\u303f\uf900-\ufaff\uff00-\uffef"
#: What a line may not break: a date ("1 Jan 2027", "2027年1月1日"), a figure with its unit
#: ("24期", "12,000元"), a run of letters, digits and their punctuation ("¥1,017.65", "FD2035");
#: else a space or one CJK character.
_PIECE = re.compile(
    r"\d{1,2} [A-Z][a-z]{2,8} \d{4}"
    r"|\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日"
    rf"|[^\s{_CJK}]*\d(?:个月|[元期天年月日笔次项位])"
    rf"|[^\s{_CJK}]+"
    r"|\s+|."
)
#: Punctuation that never starts a line (kept with what comes before) …
_CLOSING = set("，。、；：？！）」』》〉】”’%…,.;:?!)")
#: … and punctuation that never ends one (kept with what comes after).
_OPENING = set("（「『《〈【“‘(")


def card_pdf() -> FPDF:
    """An A4 document with the plan report's Chinese fonts as regular and bold."""
    pdf = FPDF(format="A4")
    add_cjk_fonts(pdf)  # parsed once per process; FontMissingError when fonts-noto-cjk is absent
    pdf.set_creator("RepayTalk")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(auto=True, margin=MARGIN)
    return pdf


def pieces(text: str) -> list[str]:
    """``text`` cut where a line may break: figures and words whole, CJK punctuation attached.

    >>> pieces("每月还¥1,017.65，共12期，从2027年1月15日起。")
    ['每', '月', '还', '¥1,017.65，', '共', '12期，', '从', '2027年1月15日', '起。']
    >>> pieces("the first on 1 Jan 2027.")
    ['the', ' ', 'first', ' ', 'on', ' ', '1 Jan 2027.']
    """
    out: list[str] = []
    pending = ""  # opening punctuation waiting for what follows it
    for piece in _PIECE.findall(text):
        if piece in _OPENING:
            pending += piece
        elif out and not pending and not piece.isspace() and piece[0] in _CLOSING:
            out[-1] += piece
        else:
            out.append(pending + piece)
            pending = ""
    if pending:
        out.append(pending)
    return out


def lines(pdf: FPDF, text: str, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width`` (mm) in the current font."""
    result: list[str] = []
    line = ""
    for piece in pieces(text):
        candidate = line + piece
        if pdf.get_string_width(candidate.rstrip()) <= width or not line.strip():
            line = candidate
            continue
        result.append(line.rstrip())
        line = piece.lstrip()
    if line.strip():
        result.append(line.rstrip())
    # A single piece wider than the line (a very long word) is cut by characters.
    fitted: list[str] = []
    for text_line in result:
        while pdf.get_string_width(text_line) > width and len(text_line) > 1:
            cut = len(text_line)
            while cut > 1 and pdf.get_string_width(text_line[:cut]) > width:
                cut -= 1
            fitted.append(text_line[:cut])
            text_line = text_line[cut:]
        fitted.append(text_line)
    return fitted


def _paragraph(pdf: FPDF, text: str, *, marker: str = "", bold: bool = False) -> None:
    """``text`` as lines, after ``marker`` ("1." or "•") with a hanging indent."""
    pdf.set_font(FAMILY, "B" if bold else "", BODY_SIZE)
    left = pdf.l_margin + (INDENT if marker else 0)
    width = pdf.w - pdf.r_margin - left
    for i, text_line in enumerate(lines(pdf, text, width)):
        if i == 0 and marker:
            pdf.set_x(pdf.l_margin)
            pdf.cell(INDENT, LINE, marker)
        else:
            pdf.set_x(left)
        pdf.cell(width, LINE, text_line, new_x="LMARGIN", new_y="NEXT")


def _section(pdf: FPDF, title: str) -> None:
    if pdf.will_page_break(LINE * 4):
        pdf.add_page()
    pdf.ln(3)
    pdf.set_font(FAMILY, "B", 13)
    pdf.cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    y = pdf.get_y()
    pdf.set_draw_color(200, 205, 212)
    pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
    pdf.ln(1.5)


def script_card_pdf(script: CallScript, *, title: str, subtitle: str = "") -> bytes:
    """The card as PDF bytes; ``title`` and ``subtitle`` are worded by the caller."""
    lang = script.language
    title, subtitle = scrub(title, Audience.LENDER), scrub(subtitle, Audience.LENDER)

    def heading(section: str) -> str:
        return render(f"script.section.{section}", lang)

    pdf = card_pdf()
    pdf.set_title(title)
    pdf.add_page()
    pdf.set_font(FAMILY, "B", 17)
    for text_line in lines(pdf, title, pdf.epw):
        pdf.cell(0, 9, text_line, new_x="LMARGIN", new_y="NEXT")
    if subtitle:
        pdf.set_font(FAMILY, "", 9)
        pdf.set_text_color(*MUTED)
        for text_line in lines(pdf, subtitle, pdf.epw):
            pdf.cell(0, 5, text_line, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
    _section(pdf, heading("opening"))
    for number, text in enumerate(script.opening, start=1):
        _paragraph(pdf, text, marker=f"{number}.")
    _section(pdf, heading("proposal"))
    for text in script.proposal:
        _paragraph(pdf, text, marker="•")
    _section(pdf, heading("objections"))
    for objection in script.objections:
        if pdf.will_page_break(LINE * 3):
            pdf.add_page()
        _paragraph(pdf, objection.says, marker="•", bold=True)
        _paragraph(pdf, f"→ {objection.answer}", marker=" ")
        pdf.ln(1)
    _section(pdf, heading("close"))
    for text in (script.close_agreed, script.close_not_agreed):
        _paragraph(pdf, text, marker="•")
    _section(pdf, heading("reminders"))
    for text in script.reminders:
        _paragraph(pdf, text, marker="•")
    return bytes(pdf.output())
