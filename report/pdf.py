"""The plan report as a PDF: A4, Chinese set in Noto Sans CJK SC, page numbers, the charts.

fpdf2 reads Debian's ``fonts-noto-cjk`` collection; face 2 of the ``.ttc`` is Simplified
Chinese (face 0 would draw Japanese glyph forms). Only the glyphs used are embedded.
The 20 MB collection is parsed once per process (:func:`add_cjk_fonts`): every document gets
a copy of the parsed faces with its own subset, not a new parse.
Charts are PNGs from :mod:`report.images`, drawn once per report and kept (a few reports,
least recently used out: :func:`chart_images`); without Chromium the PDF is still made, with a
note where the charts would be.

Figures are never split across lines: every text is broken by :mod:`report.wrap` before fpdf2
sees it, and each table column is made at least as wide as the widest figure or word in it
(the font shrinks a little when a table cannot otherwise fit the page).
"""

from __future__ import annotations

import copy
import io
import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

from fontTools import ttLib
from fpdf import FPDF
from fpdf.enums import TableBordersLayout, TableCellFillMode
from fpdf.fonts import SubsetMap, TTFFont

from i18n import format_date, format_money, format_months, translate
from report import images as report_images
from report import text
from report.charts import content_key, report_figures
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


#: How many reports keep their chart images (each a few hundred kB).
CHART_CACHE_SIZE = 8


class FontMissingError(RuntimeError):
    """Debian's fonts-noto-cjk is not installed: Chinese cannot be set."""


# --- the CJK faces, parsed once per process -------------------------------------------------

_font_lock = threading.Lock()
_parsed: dict[str, TTFFont] = {}
#: The slots of fpdf2's TTFFont a document fills as it goes (fresh for every document); the
#: others are read-only once the face is parsed and shared. Checked against fpdf2's own list
#: by the tests, so an upgrade that adds one is noticed.
PER_DOCUMENT_SLOTS = frozenset(
    {"i", "ttfont", "subset", "missing_glyphs", "biggest_size_pt", "_hbfont"}
)


def _parsed_faces() -> dict[str, TTFFont]:
    """The regular and bold faces as fpdf2's ``add_font`` parses them, once per process."""
    with _font_lock:
        if not _parsed:
            if not FONT_REGULAR.exists():
                raise FontMissingError(f"{FONT_REGULAR} is missing: install fonts-noto-cjk")
            scratch = FPDF()
            scratch.add_font(
                FAMILY, "", str(FONT_REGULAR), collection_font_number=SIMPLIFIED_CHINESE
            )
            bold = FONT_BOLD if FONT_BOLD.exists() else FONT_REGULAR
            scratch.add_font(FAMILY, "B", str(bold), collection_font_number=SIMPLIFIED_CHINESE)
            _parsed.update(scratch.fonts)  # type: ignore[arg-type]
        return dict(_parsed)


def add_cjk_fonts(pdf: FPDF) -> None:
    """Make Noto Sans CJK SC (regular and bold, family :data:`FAMILY`) available in ``pdf``
    as ``pdf.add_font`` would, without parsing the font again.

    Each face is a copy of the one parsed for the process (its metrics and character map
    shared) with what a document fills for itself made new: its place among the document's
    fonts, the glyphs it uses, and the fontTools font that fpdf2 subsets *in place* when it
    writes the file (opened lazily: only the tables the subset needs are read).
    """
    for key, parsed in _parsed_faces().items():
        font = copy.copy(parsed)
        font.i = len(pdf.fonts) + 1
        font.ttfont = ttLib.TTFont(
            parsed.ttffile,
            recalcTimestamp=False,
            fontNumber=parsed.collection_font_number,
            lazy=True,
        )
        font.subset = SubsetMap(font)
        font.missing_glyphs = []
        font.biggest_size_pt = 0
        font._hbfont = None
        pdf.fonts[key] = font
        if font.is_cff and font.is_cid_keyed:
            pdf._set_min_pdf_version("1.6")


def _measure(pdf: FPDF) -> Callable[[str], float]:
    """``pdf.get_string_width`` in the current font, each text measured once per document
    (line breaking measures the same pieces again and again)."""
    widths = pdf._widths  # type: ignore[attr-defined]
    font = (pdf.font_family, pdf.font_style, pdf.font_size_pt)

    def width(text: str) -> float:
        key = (font, text)
        found = widths.get(key)
        if found is None:
            found = widths[key] = pdf.get_string_width(text)
        return found

    return width


class _ReportPDF(FPDF):
    def __init__(self, report: PlanReport, lang: str) -> None:
        super().__init__(format="A4")
        self.report = report
        self.lang = lang
        self._widths: dict[tuple, float] = {}

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(FAMILY, size=8)
        self.set_text_color(*MUTED)
        self.cell(0, 4, translate("report.disclaimer", self.lang), align="L")
        self.set_x(self.l_margin)
        page = translate("report.page", self.lang, n=self.page_no(), total="{nb}")
        self.cell(0, 4, page, align="R")
        self.set_text_color(0, 0, 0)


_chart_lock = threading.Lock()
_chart_cache: OrderedDict[str, list[bytes]] = OrderedDict()


def _chart_key(report: PlanReport, lang: str) -> str:
    """What the charts are drawn from: the whole report but the moment it was made."""
    return f"{content_key(report)}|{lang}|{CHART_SIZE}|{CHART_SCALE}"


def chart_images(report: PlanReport, lang: str) -> list[bytes] | None:
    """The report's charts as PNGs, or None when they cannot be drawn here.

    Drawn once per report (its content, language and size) and kept for the next PDF of the
    same report; a failure is not kept.
    """
    if not report.months:
        return []
    if report_images.find_chromium() is None:
        return None
    key = _chart_key(report, lang)
    with _chart_lock:
        kept = _chart_cache.get(key)
        if kept is not None:
            _chart_cache.move_to_end(key)
            return list(kept)
    drawn = _draw_charts(report, lang)
    if drawn is not None:
        with _chart_lock:
            _chart_cache[key] = drawn
            while len(_chart_cache) > CHART_CACHE_SIZE:
                _chart_cache.popitem(last=False)
    return drawn


def _draw_charts(report: PlanReport, lang: str) -> list[bytes] | None:
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
    add_cjk_fonts(pdf)
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
    text = wrap(line, width, _measure(pdf))
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
        bold = _measure(pdf)
        needs = [widest_piece(h, bold) for h in headings]
        pdf.set_font(FAMILY, "", size)
        regular = _measure(pdf)
        for row in rows:
            needs = [max(n, widest_piece(v, regular)) for n, v in zip(needs, row, strict=True)]
        needs = [n + 2 * PADDING + SLACK for n in needs]
        widths = fit_widths(needs, weights, pdf.epw)
        if widths is not None or size <= MIN_TABLE_FONT:
            break
        size -= 0.5
    widths = widths or [pdf.epw * w / sum(weights) for w in weights]
    room = [w - 2 * PADDING - SLACK for w in widths]
    pdf.set_font(FAMILY, "B", size)
    bold = _measure(pdf)
    headings = [wrap(h, r, bold) for h, r in zip(headings, room, strict=True)]
    pdf.set_font(FAMILY, "", size)
    regular = _measure(pdf)
    rows = [[wrap(v, r, regular) for v, r in zip(row, room, strict=True)] for row in rows]
    aligns = list(align) if align else ["LEFT"] * len(widths)
    _draw_table(pdf, [headings, *rows], widths, size, min(5.0, max(3.0, size * 0.66)), aligns)


def _draw_table(
    pdf: FPDF,
    rows: list[list[str]],
    widths: list[float],
    size: float,
    line_height: float,
    aligns: list[str],
) -> None:
    """Draw a table whose cells are already broken into lines that fit: the first row the
    headings (bold, on :data:`HEADER_FILL`, repeated at the top of a new page), every other
    row striped, horizontal lines between rows, :data:`PADDING` around each cell.

    The geometry of fpdf2's ``FPDF.table`` (``cell_fill_mode=ROWS``,
    ``borders_layout=HORIZONTAL_LINES``, cells centred vertically), drawn with its own border
    layout and one ``cell()`` per line: fpdf2's table would measure and break every cell again,
    character by character, twice (once to size the row, once to draw it).
    """
    layout = TableBordersLayout.HORIZONTAL_LINES
    total = sum(widths)
    columns = [w / total * pdf.epw for w in widths]
    lefts = [pdf.l_margin]
    for width in columns[:-1]:
        lefts.append(lefts[-1] + width)
    lines = [[text.split("\n") if text else [] for text in row] for row in rows]
    texts = [[_text_height(cell, line_height) for cell in row] for row in lines]
    heights = [max(row, default=0.0) or line_height for row in texts]
    if len(rows) > 1 and pdf.will_page_break(heights[0] + heights[1]):
        _new_page(pdf)  # never the headings alone at the foot of a page
    for i in range(len(rows)):
        if pdf.will_page_break(heights[i]):
            _new_page(pdf)
            if i > 0:
                _draw_row(
                    pdf,
                    layout,
                    0,
                    len(rows),
                    lines[0],
                    texts[0],
                    heights[0],
                    columns,
                    lefts,
                    size,
                    line_height,
                    aligns,
                )
        _draw_row(
            pdf,
            layout,
            i,
            len(rows),
            lines[i],
            texts[i],
            heights[i],
            columns,
            lefts,
            size,
            line_height,
            aligns,
        )
    pdf.set_x(pdf.l_margin)


def _text_height(lines: list[str], line_height: float) -> float:
    """The height fpdf2's ``multi_cell`` gives a cell of these lines (0 when empty)."""
    if not lines:
        return 0.0
    height = 0.0
    for _ in lines:
        height += line_height
    return height + PADDING + PADDING


def _new_page(pdf: FPDF) -> None:
    x = pdf.x
    pdf.add_page(same=True)
    pdf.x = x


def _draw_row(
    pdf: FPDF,
    layout: TableBordersLayout,
    index: int,
    count: int,
    cells: list[list[str]],
    texts: list[float],
    height: float,
    columns: list[float],
    lefts: list[float],
    size: float,
    line_height: float,
    aligns: list[str],
) -> None:
    top = pdf.y
    if index == 0:
        fill: tuple[int, int, int] | None = HEADER_FILL
    else:
        fill = STRIPE_FILL if TableCellFillMode.ROWS.should_fill_cell(index, 0) else None
    pdf.set_font(FAMILY, "B" if index == 0 else "", size)
    margin, pdf.c_margin = pdf.c_margin, 0
    try:
        for j, (cell, width, left) in enumerate(zip(cells, columns, lefts, strict=True)):
            style = layout.cell_style_getter(
                row_idx=index,
                col_idx=j,
                col_pos=j,
                num_heading_rows=1,
                num_rows=count,
                num_col_idx=len(columns),
                num_col_pos=len(columns),
            )
            style.draw_cell_border(pdf, left, top, left + width, top + height, fill_color=fill)
            y = top + (height - texts[j]) / 2 + PADDING
            for line in cell:
                if line:
                    pdf.set_xy(left + PADDING, y)
                    pdf.cell(width - 2 * PADDING, line_height, line, align=aligns[j])
                y += line_height
    finally:
        pdf.c_margin = margin
    pdf.set_xy(pdf.l_margin, top + height)


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
