"""The PDF benchmark's yardstick: a bare fpdf2 document with the report's text and images.

What fpdf2 itself needs for the report, written the plainest way: the same texts as
``report/pdf.py`` (title, who, dates, summary, the debt tables, the charts, the agreed dates,
every schedule and every call) in the same fonts and sizes, each table cell one ``cell()`` on a
grid of equal columns, each paragraph one ``multi_cell()``, the chart PNGs given as bytes, and
the Noto Sans CJK faces preloaded (:class:`PreloadedFonts`: parsed once, outside the timing).
The font subset fpdf2 makes when it writes the file is fpdf2's own work, so it is timed here too.

Independent of the code it measures (it reads only ``report.text`` and the catalogue), so the
same yardstick served before and after issue 19.
"""

from __future__ import annotations

import copy
import io
from datetime import tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

from fontTools import ttLib
from fpdf import FPDF
from fpdf.fonts import SubsetMap

from i18n import format_date, format_money, format_months, translate
from report import text
from report.plan_report import PlanReport

FONT_DIR = Path("/usr/share/fonts/opentype/noto")
FACES = {"": FONT_DIR / "NotoSansCJK-Regular.ttc", "B": FONT_DIR / "NotoSansCJK-Bold.ttc"}
SIMPLIFIED_CHINESE = 2
FAMILY = "NotoSansSC"
SHANGHAI = ZoneInfo("Asia/Shanghai")
CHART_RATIO = 0.5


class PreloadedFonts:
    """Both faces parsed once by fpdf2 (``add_font``) and given to each document as a copy
    with its own subset and its own (lazily read) fontTools font, which fpdf2 subsets in place
    when it writes the file."""

    def __init__(self) -> None:
        pdf = FPDF()
        for style, path in FACES.items():
            pdf.add_font(FAMILY, style, str(path), collection_font_number=SIMPLIFIED_CHINESE)
        self.templates = dict(pdf.fonts)

    def install(self, pdf: FPDF) -> None:
        for key, template in self.templates.items():
            font = copy.copy(template)
            font.i = len(pdf.fonts) + 1
            font.ttfont = ttLib.TTFont(
                template.ttffile,
                recalcTimestamp=False,
                fontNumber=template.collection_font_number,
                lazy=True,
            )
            font.subset = SubsetMap(font)
            font.missing_glyphs = []
            font.biggest_size_pt = 0
            font._hbfont = None
            pdf.fonts[key] = font
            if font.is_cff and font.is_cid_keyed:
                pdf._set_min_pdf_version("1.6")


class _Bare(FPDF):
    def __init__(self, lang: str) -> None:
        super().__init__(format="A4")
        self.lang = lang

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FAMILY, size=8)
        self.cell(0, 4, translate("report.disclaimer", self.lang), align="L")
        self.set_x(self.l_margin)
        self.cell(0, 4, translate("report.page", self.lang, n=self.page_no(), total="{nb}"))


def _heading(pdf: FPDF, title: str) -> None:
    pdf.set_font(FAMILY, "B", 13)
    pdf.cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, size=9)


def _para(pdf: FPDF, height: float, line: str) -> None:
    pdf.multi_cell(0, height, line, new_x="LMARGIN", new_y="NEXT")


def _table(pdf: FPDF, headings: list[str], rows: list[list[str]], size: float) -> None:
    width = pdf.epw / len(headings)
    pdf.set_font(FAMILY, "B", size)
    for cell in headings:
        pdf.cell(width, 5, cell.replace("\n", " "))
    pdf.ln(5)
    pdf.set_font(FAMILY, "", size)
    for row in rows:
        for cell in row:
            pdf.cell(width, 5, cell.replace("\n", " "))
        pdf.ln(5)


def bare_pdf(
    report: PlanReport,
    lang: str,
    images: list[bytes],
    fonts: PreloadedFonts,
    zone: tzinfo = SHANGHAI,
) -> bytes:
    pdf = _Bare(lang)
    fonts.install(pdf)
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.set_margins(14, 14, 14)
    pdf.add_page()
    pdf.set_font(FAMILY, "B", 18)
    pdf.cell(0, 10, translate("report.title", lang), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, size=10)
    _para(pdf, 6, "    ".join(text.who(report, lang)))
    made = report.made_at.astimezone(SHANGHAI).date()
    _para(
        pdf,
        6,
        translate("report.made_on", lang, date=format_date(made, lang))
        + "    "
        + translate("report.as_of", lang, date=format_date(report.as_of, lang)),
    )
    note = "report.masked_note" if report.masked else "report.unmasked_note"
    _para(pdf, 6, translate(note, lang))
    _heading(pdf, translate("report.section.summary", lang))
    pairs = [[a, b] for a, b in text.summary_pairs(report, lang)]
    _table(pdf, ["", ""], pairs, 9)
    fit = text.fit_text(report, lang)
    if fit:
        _para(pdf, 6, fit)
    _heading(pdf, translate("report.section.debts", lang))
    for key, columns in (
        ("report.section.contracts", text.contract_columns(report)),
        ("report.section.plans", text.PLAN_COLUMNS),
    ):
        pdf.set_font(FAMILY, "B", 9)
        _para(pdf, 6, translate(key, lang))
        headings = [text.heading(c, lang) for c in columns]
        _table(pdf, headings, text.debt_rows(report, columns, lang), 7.5)
    if images:
        _heading(pdf, translate("report.section.charts", lang))
        for png in images:
            pdf.image(io.BytesIO(png), w=pdf.epw, h=pdf.epw * CHART_RATIO)
    _heading(pdf, translate("report.section.dates", lang))
    dues = [
        [format_date(d.due_date, lang), d.creditor, format_money(d.amount, lang)]
        for d in report.agreed_dues
    ]
    _table(pdf, [text.heading(c, lang) for c in ("date", "creditor", "amount")], dues, 9)
    for line in report.debts:
        if not line.rows:
            continue
        _heading(pdf, f"{translate('report.section.schedule', lang)} · {line.creditor}")
        about = [text.plan_text(line, lang), text.status_text(line, lang)]
        if getattr(line.terms, "months", None) is None:
            about.append(format_months(line.months, lang))
        _para(pdf, 5, " · ".join(about))
        cols = ("period", "date", "amount", "principal", "interest", "arrears")
        rows = [
            [
                str(row.period),
                format_date(row.due_date, lang) if row.due_date else "—",
                format_money(row.payment, lang),
                format_money(row.principal, lang),
                format_money(row.interest + row.fees, lang),
                format_money(row.arrears, lang),
            ]
            for row in line.rows
        ]
        _table(pdf, [text.heading(c, lang) for c in cols], rows, 8)
    _heading(pdf, translate("report.section.calls", lang))
    columns = text.call_columns(report)
    headings = [text.heading(c, lang) for c in columns]
    _table(pdf, headings, text.call_rows(report, lang, zone), 7.5)
    return bytes(pdf.output())
