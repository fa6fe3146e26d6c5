"""The plan report as a PDF: A4, Chinese set in Noto Sans CJK SC, page numbers, the charts.

fpdf2 reads Debian's ``fonts-noto-cjk`` collection; face 2 of the ``.ttc`` is Simplified
Chinese (face 0 would draw Japanese glyph forms). Only the glyphs used are embedded.
Charts are PNGs from :mod:`report.images`; without Chromium the PDF is still made, with a
note where the charts would be.

Figures are never split across lines: every text is broken by :mod:`report.wrap` before fpdf2
sees it, and each table column is made at least as wide as the widest figure or word in it
(the font shrinks a little when a table cannot otherwise fit the page).
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
from report.wrap import widest_piece, wrap

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
#: Cell padding of the tables (mm, each side).
PADDING = 1.2
#: Room kept so that fpdf2's own measure never finds a prepared line too long (mm).
SLACK = 0.4
#: The smallest font a table shrinks to so that its figures fit whole (pt).
MIN_TABLE_FONT = 5.5


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


def _heading(pdf: FPDF, title: str, room: float = 30) -> None:
    """A section heading, on a new page unless ``room`` (mm) is left under it."""
    if pdf.will_page_break(room):
        pdf.add_page()
    pdf.ln(4)
    pdf.set_font(FAMILY, "B", 13)
    pdf.cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, size=9)


def _title(pdf: FPDF, report: PlanReport, lang: str) -> None:
    pdf.set_font(FAMILY, "B", 18)
    pdf.cell(0, 10, translate("report.title", lang), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FAMILY, size=10)
    _para(pdf, 6, "    ".join(text.who(report, lang)))
    made = report.made_at.astimezone(SHANGHAI).date()
    dates = (
        translate("report.made_on", lang, date=format_date(made, lang))
        + "    "
        + translate("report.as_of", lang, date=format_date(report.as_of, lang))
    )
    pdf.set_text_color(*MUTED)
    _para(pdf, 6, dates)
    note = "report.masked_note" if report.masked else "report.unmasked_note"
    _para(pdf, 6, translate(note, lang))
    pdf.set_text_color(0, 0, 0)


def _para(pdf: FPDF, height: float, line: str) -> None:
    """A paragraph the page's width, broken between whole figures and words."""
    width = pdf.epw - 2 * pdf.c_margin - SLACK
    text = wrap(line, width, pdf.get_string_width)
    pdf.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT")


def fit_widths(needs: list[float], weights, total: float) -> list[float] | None:
    """Column widths summing to ``total``, shared by ``weights`` but none below its need;
    None when the needs alone exceed ``total``."""
    if sum(needs) > total:
        return None
    widths = [total * w / sum(weights) for w in weights]
    short = sum(max(0.0, n - w) for n, w in zip(needs, widths, strict=True))
    room = sum(max(0.0, w - n) for n, w in zip(needs, widths, strict=True))
    if short <= 0:
        return widths
    return [n if w <= n else w - (w - n) * short / room for n, w in zip(needs, widths, strict=True)]


def _table(pdf: FPDF, headings: list[str], rows: list[list[str]], weights, align=None) -> None:
    """A table whose figures and words are never split: each column at least as wide as its
    widest piece (the font made smaller, down to 5.5 pt, when the page is too narrow)."""
    size = pdf.font_size_pt
    while True:
        pdf.set_font(FAMILY, "B", size)
        needs = [widest_piece(h, pdf.get_string_width) for h in headings]
        pdf.set_font(FAMILY, "", size)
        for row in rows:
            needs = [
                max(n, widest_piece(v, pdf.get_string_width))
                for n, v in zip(needs, row, strict=True)
            ]
        needs = [n + 2 * PADDING + SLACK for n in needs]
        widths = fit_widths(needs, weights, pdf.epw)
        if widths is not None or size <= MIN_TABLE_FONT:
            break
        size -= 0.5
    widths = widths or [pdf.epw * w / sum(weights) for w in weights]
    room = [w - 2 * PADDING - SLACK for w in widths]
    pdf.set_font(FAMILY, "B", size)
    headings = [wrap(h, r, pdf.get_string_width) for h, r in zip(headings, room, strict=True)]
    pdf.set_font(FAMILY, "", size)
    rows = [
        [wrap(v, r, pdf.get_string_width) for v, r in zip(row, room, strict=True)] for row in rows
    ]
    style = FontFace(emphasis="BOLD", fill_color=HEADER_FILL)
    with pdf.table(
        col_widths=widths,
        headings_style=style,
        line_height=min(5.0, max(3.0, size * 0.66)),
        text_align=align or "LEFT",
        cell_fill_color=STRIPE_FILL,
        cell_fill_mode=TableCellFillMode.ROWS,
        borders_layout="HORIZONTAL_LINES",
        padding=PADDING,
    ) as table:
        table.row(headings)
        for row in rows:
            table.row(row)


def _summary(pdf: FPDF, report: PlanReport, lang: str) -> None:
    _heading(pdf, translate("report.section.summary", lang))
    pairs = text.summary_pairs(report, lang)
    if len(pairs) % 2:
        pairs.append(("", ""))
    rows = [[a, b, c, d] for (a, b), (c, d) in zip(pairs[::2], pairs[1::2], strict=True)]
    _table(pdf, ["", "", "", ""], rows, (34, 22, 34, 22), ("LEFT", "RIGHT", "LEFT", "RIGHT"))
    fit = text.fit_text(report, lang)
    if fit:
        pdf.ln(2)
        _para(pdf, 6, fit)


def _align(columns: tuple[str, ...]) -> tuple[str, ...]:
    return tuple("RIGHT" if c in text.NUMERIC else "LEFT" for c in columns)


#: Relative widths of the columns of the debt tables.
DEBT_WEIGHTS = {
    "creditor": 24,
    "contract": 26,
    "balance": 19,
    "contract_monthly": 21,
    "regular": 19,
    "contract_total": 20,
    "plan": 30,
    "status": 24,
    "monthly": 17,
    "months": 12,
    "total": 19,
    "saving": 22,
}


def _debts(pdf: FPDF, report: PlanReport, lang: str) -> None:
    _heading(pdf, translate("report.section.debts", lang))
    if not report.debts:
        _para(pdf, 6, translate("report.no_debts", lang))
        return
    sections = (
        ("report.section.contracts", text.contract_columns(report)),
        ("report.section.plans", text.PLAN_COLUMNS),
    )
    for key, columns in sections:
        pdf.set_font(FAMILY, "B", 9)
        _para(pdf, 6, translate(key, lang))
        pdf.set_font(FAMILY, size=7.5)
        headings = [text.heading(c, lang) for c in columns]
        weights = [DEBT_WEIGHTS[c] for c in columns]
        _table(pdf, headings, text.debt_rows(report, columns, lang), weights, _align(columns))
        pdf.ln(2)
    pdf.set_font(FAMILY, size=9)


def _charts(pdf: FPDF, report: PlanReport, lang: str, images: list[bytes] | None) -> None:
    if images == []:
        return
    width = pdf.epw
    height = width * CHART_SIZE[1] / CHART_SIZE[0]
    # the heading goes with the first chart, not alone at the foot of a page
    _heading(
        pdf, translate("report.section.charts", lang), room=30 if images is None else height + 14
    )
    if images is None:
        _para(pdf, 5, translate("report.charts_unavailable", lang))
        return
    for png in images:
        if pdf.will_page_break(height):
            pdf.add_page()
        pdf.image(io.BytesIO(png), w=width, h=height)
        pdf.ln(3)


def _dates(pdf: FPDF, report: PlanReport, lang: str) -> None:
    _heading(pdf, translate("report.section.dates", lang))
    dues = report.agreed_dues
    if not dues:
        _para(pdf, 6, translate("report.no_dates", lang))
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
        about = [text.plan_text(line, lang), text.status_text(line, lang)]
        if getattr(line.terms, "months", None) is None:  # the plan's name has no term
            about.append(format_months(line.months, lang))
        _para(pdf, 5, " · ".join(about))
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
        _para(pdf, 6, translate("report.no_calls", lang))
        return
    pdf.set_font(FAMILY, size=7.5)
    columns = text.call_columns(report)
    weights = {"time": 22, "creditor": 20, "channel": 13, "agent": 14, "outcome": 14}
    headings = [text.heading(c, lang) for c in columns]
    rows = text.call_rows(report, lang, zone)
    _table(pdf, headings, rows, [weights.get(c, 80) for c in columns])
    pdf.set_font(FAMILY, size=9)
