"""The plan report as a PDF: A4, Chinese set in Noto Sans CJK SC, page numbers, the charts.

fpdf2 reads Debian's ``fonts-noto-cjk`` collection; face 2 of the ``.ttc`` is Simplified
Chinese (face 0 would draw Japanese glyph forms). Only the glyphs used are embedded.
Charts are PNGs from :mod:`report.images`; without Chromium the PDF is still made, with a
note where the charts would be.
"""

from __future__ import annotations

import io
from datetime import tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

from fpdf import FPDF
from fpdf.enums import TableCellFillMode
from fpdf.fonts import FontFace

from i18n import format_date, format_money, format_months, translate
from report import text
from report.charts import report_figures
from report.images import ChromiumNotFoundError, ImageExportError, export_image
from report.plan_report import PlanReport

FONT_DIR = Path("/usr/share/fonts/opentype/noto")
FONT_REGULAR = FONT_DIR / "NotoSansCJK-Regular.ttc"
FONT_BOLD = FONT_DIR / "NotoSansCJK-Bold.ttc"
SIMPLIFIED_CHINESE = 2
FAMILY = "NotoSansSC"
CHART_SIZE = (1000, 500)
CHART_SCALE = 2
SHANGHAI = ZoneInfo("Asia/Shanghai")
HEADER_FILL = (229, 238, 246)
STRIPE_FILL = (247, 248, 250)
MUTED = (100, 107, 120)


class FontMissingError(RuntimeError):
    """Debian's fonts-noto-cjk is not installed: Chinese cannot be set."""


class _ReportPDF(FPDF):
    def __init__(self, report: PlanReport, lang: str) -> None:
        super().__init__(format="A4")
        self.report = report
        self.lang = lang

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FAMILY, size=8)
        self.set_text_color(*MUTED)
        self.cell(0, 4, translate("report.disclaimer", self.lang), align="L")
        self.set_x(self.l_margin)
        page = translate("report.page", self.lang, n=self.page_no(), total="{nb}")
        self.cell(0, 4, page, align="R")
        self.set_text_color(0, 0, 0)


def chart_images(report: PlanReport, lang: str) -> list[bytes] | None:
    """The report's charts as PNGs, or None when they cannot be drawn here."""
    if not report.months:
        return []
    width, height = CHART_SIZE
    try:
        return [
            export_image(
                fig,
                "png",
                width=width,
                height=height,
                scale=CHART_SCALE,
                client_label=_label(report, lang),
            )
            for fig in report_figures(report, lang).values()
        ]
    except (ChromiumNotFoundError, ImageExportError):
        return None


def _label(report: PlanReport, lang: str) -> str:
    return translate("report.chart.label", lang, client=report.client_label)


def render_pdf(
    report: PlanReport,
    lang: str,
    *,
    charts: list[bytes] | bool | None = True,
    zone: tzinfo = SHANGHAI,
) -> bytes:
    """The PDF bytes. ``charts``: True draws them, False leaves them out, or pass PNGs."""
    if not FONT_REGULAR.exists():
        raise FontMissingError(f"{FONT_REGULAR} is missing: install fonts-noto-cjk")
    if charts is True:
        images = chart_images(report, lang)
    elif charts is False:
        images = []
    else:
        images = charts
    pdf = _ReportPDF(report, lang)
    pdf.add_font(FAMILY, "", str(FONT_REGULAR), collection_font_number=SIMPLIFIED_CHINESE)
    bold = FONT_BOLD if FONT_BOLD.exists() else FONT_REGULAR
    pdf.add_font(FAMILY, "B", str(bold), collection_font_number=SIMPLIFIED_CHINESE)
    pdf.set_title(translate("report.title", lang))
    pdf.set_creator("RepayTalk")
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.set_margins(14, 14, 14)
    pdf.add_page()
    _title(pdf, report, lang)
    _summary(pdf, report, lang)
    _debts(pdf, report, lang)
    _charts(pdf, report, lang, images)
    _dates(pdf, report, lang)
    _schedules(pdf, report, lang)
    _calls(pdf, report, lang, zone)
    return bytes(pdf.output())


def _heading(pdf: FPDF, title: str) -> None:
    if pdf.will_page_break(30):
        pdf.add_page()
    pdf.ln(4)
    pdf.set_font(FAMILY, "B", 13)
    pdf.cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, size=9)


def _title(pdf: FPDF, report: PlanReport, lang: str) -> None:
    pdf.set_font(FAMILY, "B", 18)
    pdf.cell(0, 10, translate("report.title", lang), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, size=10)
    who = f"{translate('report.client', lang)}：{report.client_label}"
    if report.mobile:
        who += f"    {translate('report.phone', lang)}：{report.mobile}"
    if report.id_number:
        who += f"    {translate('report.id_number', lang)}：{report.id_number}"
    pdf.cell(0, 6, who, new_x="LMARGIN", new_y="NEXT")
    made = report.made_at.astimezone(SHANGHAI).date()
    dates = (
        translate("report.made_on", lang, date=format_date(made, lang))
        + "    "
        + translate("report.as_of", lang, date=format_date(report.as_of, lang))
    )
    pdf.set_text_color(*MUTED)
    pdf.cell(0, 6, dates, new_x="LMARGIN", new_y="NEXT")
    note = "report.masked_note" if report.masked else "report.unmasked_note"
    pdf.cell(0, 6, translate(note, lang), new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)


def _table(pdf: FPDF, headings: list[str], rows: list[list[str]], widths, align=None) -> None:
    style = FontFace(emphasis="BOLD", fill_color=HEADER_FILL)
    with pdf.table(
        col_widths=widths,
        headings_style=style,
        line_height=5,
        text_align=align or "LEFT",
        cell_fill_color=STRIPE_FILL,
        cell_fill_mode=TableCellFillMode.ROWS,
        borders_layout="HORIZONTAL_LINES",
        padding=1.2,
    ) as table:
        table.row(headings)
        for row in rows:
            table.row(row)


def _summary(pdf: FPDF, report: PlanReport, lang: str) -> None:
    _heading(pdf, translate("report.section.summary", lang))
    pairs = text.summary_pairs(report, lang)
    rows = [[a, b, c, d] for (a, b), (c, d) in zip(pairs[::2], pairs[1::2], strict=True)]
    _table(pdf, ["", "", "", ""], rows, (34, 22, 34, 22), ("LEFT", "RIGHT", "LEFT", "RIGHT"))
    fit = text.fit_text(report, lang)
    if fit:
        pdf.ln(2)
        pdf.cell(0, 6, fit, new_x="LMARGIN", new_y="NEXT")


def _debts(pdf: FPDF, report: PlanReport, lang: str) -> None:
    _heading(pdf, translate("report.section.debts", lang))
    if not report.debts:
        pdf.cell(0, 6, translate("report.no_debts", lang), new_x="LMARGIN", new_y="NEXT")
        return
    pdf.set_font(FAMILY, size=7.5)
    headings = [text.heading(c, lang) for c in text.DEBT_COLUMNS]
    rows = [text.debt_row(line, lang) for line in report.debts]
    widths = (24, 25, 19, 17, 20, 18, 15, 12, 18, 14)
    align = ("LEFT", "LEFT", "RIGHT", "RIGHT", "LEFT", "LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT")
    _table(pdf, headings, rows, widths, align)
    pdf.set_font(FAMILY, size=9)


def _charts(pdf: FPDF, report: PlanReport, lang: str, images: list[bytes] | None) -> None:
    if images == []:
        return
    _heading(pdf, translate("report.section.charts", lang))
    if images is None:
        pdf.multi_cell(0, 5, translate("report.charts_unavailable", lang))
        return
    width = pdf.epw
    height = width * CHART_SIZE[1] / CHART_SIZE[0]
    for png in images:
        if pdf.will_page_break(height):
            pdf.add_page()
        pdf.image(io.BytesIO(png), w=width, h=height)
        pdf.ln(3)


def _dates(pdf: FPDF, report: PlanReport, lang: str) -> None:
    _heading(pdf, translate("report.section.dates", lang))
    dues = report.agreed_dues
    if not dues:
        pdf.cell(0, 6, translate("report.no_dates", lang), new_x="LMARGIN", new_y="NEXT")
        return
    rows = [[format_date(d.due_date, lang), d.creditor, format_money(d.amount, lang)] for d in dues]
    headings = [text.heading(c, lang) for c in ("date", "creditor", "amount")]
    _table(pdf, headings, rows, (45, 90, 47), ("LEFT", "LEFT", "RIGHT"))


def _schedules(pdf: FPDF, report: PlanReport, lang: str) -> None:
    for line in report.debts:
        if not line.rows:
            continue
        title = f"{translate('report.section.schedule', lang)} · {line.creditor}"
        _heading(pdf, title)
        pdf.set_text_color(*MUTED)
        pdf.cell(
            0,
            5,
            f"{text.plan_text(line, lang)} · {text.status_text(line, lang)} · "
            f"{format_months(line.months, lang)}",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.set_text_color(0, 0, 0)
        pdf.set_font(FAMILY, size=8)
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
        align = ("RIGHT", "LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT")
        _table(pdf, [text.heading(c, lang) for c in cols], rows, (12, 36, 30, 30, 30, 30), align)
        pdf.set_font(FAMILY, size=9)


def _calls(pdf: FPDF, report: PlanReport, lang: str, zone: tzinfo) -> None:
    _heading(pdf, translate("report.section.calls", lang))
    if not report.calls:
        pdf.cell(0, 6, translate("report.no_calls", lang), new_x="LMARGIN", new_y="NEXT")
        return
    pdf.set_font(FAMILY, size=7.5)
    headings = [text.heading(c, lang) for c in text.CALL_COLUMNS]
    rows = [text.call_row(call, lang, zone) for call in report.calls]
    _table(pdf, headings, rows, (24, 22, 14, 14, 15, 60, 33))
    pdf.set_font(FAMILY, size=9)
