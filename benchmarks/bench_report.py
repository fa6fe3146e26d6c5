"""Sharing the plan: chart images and the PDF report, against references in the same run.

- PNG export: the first image in this process (it starts Chromium through kaleido) and warm
  ones after it, against plotly's ``fig.to_html`` of the same figure (no browser at all);
- PDF report for a client with 10 debts and 100 calls, charts included and left out, against
  a bare fpdf2 page with the same CJK font (the fixed cost of loading the font).

``run()`` returns the rows; printing them gives a Markdown table.
"""

from __future__ import annotations

import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.common import fmt_time, table
from report.example import AS_OF, seed_example
from report.plan_report import build_report, load_inputs

HEADERS = ["case", "time", "vs reference"]


class Rows(list):
    def __str__(self) -> str:
        return table(HEADERS, [[row[h] for h in HEADERS] for row in self])


def _timed(func) -> float:
    started = time.perf_counter()
    func()
    return time.perf_counter() - started


def _best(func, repeat: int = 3) -> float:
    return min(_timed(func) for _ in range(repeat))


def _bare_pdf() -> bytes:
    from fpdf import FPDF

    from report.pdf import FAMILY, FONT_REGULAR, SIMPLIFIED_CHINESE

    pdf = FPDF()
    pdf.add_font(FAMILY, "", str(FONT_REGULAR), collection_font_number=SIMPLIFIED_CHINESE)
    pdf.add_page()
    pdf.set_font(FAMILY, size=12)
    pdf.cell(0, 10, "还款计划报告")
    return bytes(pdf.output())


def _url(folder: str) -> str:
    return f"sqlite:///{Path(folder) / 'bench.db'}"


def run() -> Rows:
    from report.charts import monthly_chart
    from report.images import ChromiumNotFoundError, export_image
    from report.pdf import render_pdf
    from store import init_db

    rows = Rows()
    with tempfile.TemporaryDirectory() as folder, init_db(_url(folder)) as store:
        client_id = seed_example(store, extra_debts=8, calls=100)
        inputs = load_inputs(store, client_id)
    made_at = datetime(2026, 3, 15, 2, tzinfo=UTC)
    report = build_report(inputs, as_of=AS_OF, made_at=made_at)
    assert len(report.debts) == 10 and len(report.calls) == 100
    fig = monthly_chart(report, "zh-CN")
    html = _best(lambda: fig.to_html(include_plotlyjs=False))

    def png():
        return export_image(fig, "png", width=1280, height=720)

    try:
        first = _timed(png)
        warm = _best(png, repeat=5)
        rows.append({"case": "PNG 1280×720, first", "time": fmt_time(first), "vs reference": ""})
        rows.append(
            {
                "case": "PNG 1280×720, warm",
                "time": fmt_time(warm),
                "vs reference": f"{warm / html:.0f}×",
            }
        )
        charts = True
    except ChromiumNotFoundError:
        rows.append({"case": "PNG (no Chromium)", "time": "—", "vs reference": ""})
        charts = False
    rows.append({"case": "reference: fig.to_html", "time": fmt_time(html), "vs reference": "1×"})
    bare = _best(_bare_pdf, repeat=2)
    cases = [("PDF 10 debts, 100 calls, no charts", False)]
    if charts:
        cases.append(("PDF 10 debts, 100 calls, charts", True))
    for name, with_charts in cases:
        seconds = _best(lambda c=with_charts: render_pdf(report, "zh-CN", charts=c), repeat=2)
        rows.append(
            {"case": name, "time": fmt_time(seconds), "vs reference": f"{seconds / bare:.1f}×"}
        )
    rows.append(
        {"case": "reference: bare fpdf2 CJK page", "time": fmt_time(bare), "vs reference": "1×"}
    )
    return rows
