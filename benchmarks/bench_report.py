"""Sharing the plan: chart images and the PDF report, each against its tool in the same run.

A client with 10 debts and 100 calls (``report.example.seed_example``), its report in Chinese.

- **PNG** 1280×720 of the monthly chart with the client's label, as the Share page asks for it
  (:func:`report.images.export_image`): the first in the process (it starts Chromium through
  kaleido), then warm ones against a bare ``kaleido.calc_fig_sync`` of the same figure (the
  title, label, margin and size already set, outside the timing) with the same warm server;
  "same image" says whether both gave the same bytes.
- **PDF** (:func:`report.pdf.render_pdf`): the first in the process, then warm ones with and
  without charts against a bare fpdf2 document with the same text, the fonts preloaded and the
  same chart images (:mod:`benchmarks.bare_pdf`); and the bare fpdf2 CJK page that parses the
  font itself (what every document paid before issue 19).

The cases of a comparison are taken in turn, in alternating order, ``PNG_RUNS`` / ``PDF_RUNS``
times. The ratio is of the fastest run of each (a busy machine only ever adds time; this one
is shared), the medians shown beside it.

``run()`` returns the rows; printing them gives a Markdown table.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.common import fmt_time, record, table
from report.example import AS_OF, seed_example
from report.plan_report import build_report, load_inputs

HEADERS = ["case", "time", "reference", "÷ reference"]
LANG = "zh-CN"
PNG_RUNS = 15
PDF_RUNS = 6


class Rows(list):
    def __str__(self) -> str:
        return table(HEADERS, [[row[h] for h in HEADERS] for row in self])


def _timed(func: Callable[[], object]) -> float:
    started = time.perf_counter()
    func()
    return time.perf_counter() - started


class Timing:
    def __init__(self, values: list[float]) -> None:
        self.best = min(values)
        self.median = statistics.median(values)

    def __str__(self) -> str:
        return f"{fmt_time(self.best)} (median {fmt_time(self.median)})"


def _in_turn(cases: dict[str, Callable[[], object]], runs: int) -> dict[str, Timing]:
    """``runs`` calls of each case, the cases taken in turn, in alternating order."""
    times: dict[str, list[float]] = {name: [] for name in cases}
    order = list(cases.items())
    for _ in range(runs):
        for name, func in order:
            times[name].append(_timed(func))
        order.reverse()
    return {name: Timing(values) for name, values in times.items()}


def _ratio(ours: Timing, reference: Timing) -> str:
    return f"{ours.best / reference.best:.2f} (medians {ours.median / reference.median:.2f})"


def _bare_cjk_page() -> bytes:
    from fpdf import FPDF

    from benchmarks.bare_pdf import FACES, FAMILY, SIMPLIFIED_CHINESE

    pdf = FPDF()
    pdf.add_font(FAMILY, "", str(FACES[""]), collection_font_number=SIMPLIFIED_CHINESE)
    pdf.add_page()
    pdf.set_font(FAMILY, size=12)
    pdf.cell(0, 10, "还款计划报告")
    return bytes(pdf.output())


def _url(folder: str) -> str:
    return f"sqlite:///{Path(folder) / 'bench.db'}"


def _as_exported(fig, width: int, height: int, label: str):
    """The figure as the export draws it: titled with the label under it, sized (the rule
    of ``report.images.labelled``, restated here so the yardstick does not use our code)."""
    import plotly.graph_objects as go

    copy = go.Figure(fig)
    title = copy.layout.title.text or ""
    copy.update_layout(
        title={"text": f"{title}<br><sup>{label}</sup>" if title else label},
        margin={"t": max(copy.layout.margin.t or 0, 80)},
        width=width,
        height=height,
    )
    return copy


def _png_rows(report, rows: Rows) -> bool:
    import kaleido

    from i18n import translate
    from report.charts import monthly_chart
    from report.images import ChromiumNotFoundError, export_image

    width, height = 1280, 720
    fig = monthly_chart(report, LANG)
    label = translate("report.chart.label", LANG, client=report.client_label)

    def ours() -> bytes:
        return export_image(fig, "png", width=width, height=height, client_label=label)

    try:
        first = _timed(ours)
    except ChromiumNotFoundError:
        rows.append({"case": "PNG (no Chromium)", "time": "—", "reference": ""})
        rows[-1]["÷ reference"] = ""
        return False
    ready = _as_exported(fig, width, height, label)
    opts = {"format": "png", "width": width, "height": height, "scale": 1}

    def bare() -> bytes:
        return kaleido.calc_fig_sync(ready, opts=opts)

    same = ours() == bare()
    times = _in_turn({"ours": ours, "bare": bare}, PNG_RUNS)
    record("png_vs_bare_kaleido", times["ours"].best / times["bare"].best)
    rows.append(
        {
            "case": "PNG 1280×720, first in the process",
            "time": fmt_time(first),
            "reference": "",
            "÷ reference": "",
        }
    )
    rows.append(
        {
            "case": f"PNG 1280×720, warm (same image: {'yes' if same else 'no'})",
            "time": str(times["ours"]),
            "reference": f"bare kaleido, same figure: {times['bare']}",
            "÷ reference": _ratio(times["ours"], times["bare"]),
        }
    )
    return True


def _pdf_rows(report, rows: Rows, charts: bool) -> None:
    from benchmarks.bare_pdf import PreloadedFonts, bare_pdf
    from report.pdf import chart_images, render_pdf

    first = _timed(lambda: render_pdf(report, LANG, charts=charts))
    rows.append(
        {
            "case": "PDF 10 debts, 100 calls, first in the process"
            + (", charts" if charts else ""),
            "time": fmt_time(first),
            "reference": "",
            "÷ reference": "",
        }
    )
    fonts = PreloadedFonts()
    images = (chart_images(report, LANG) or []) if charts else []
    cases: dict[str, Callable[[], object]] = {
        "no charts": lambda: render_pdf(report, LANG, charts=False),
        "bare, no images": lambda: bare_pdf(report, LANG, [], fonts),
    }
    if charts:
        cases["charts"] = lambda: render_pdf(report, LANG, charts=True)
        cases["bare, images"] = lambda: bare_pdf(report, LANG, images, fonts)
    times = _in_turn(cases, PDF_RUNS)
    page = min(_timed(_bare_cjk_page) for _ in range(2))
    for ours, bare, name in (
        ("charts", "bare, images", "PDF 10 debts, 100 calls, charts, warm"),
        ("no charts", "bare, no images", "PDF 10 debts, 100 calls, no charts, warm"),
    ):
        if ours not in times:
            continue
        if ours == "charts":
            record("pdf_vs_bare_fpdf2", times[ours].best / times[bare].best)
        rows.append(
            {
                "case": name,
                "time": str(times[ours]),
                "reference": f"bare fpdf2, same text{', images' if ours == 'charts' else ''}, "
                f"font preloaded: {times[bare]}",
                "÷ reference": _ratio(times[ours], times[bare]),
            }
        )
    rows.append(
        {
            "case": "bare fpdf2 CJK page, font parsed for the document",
            "time": fmt_time(page),
            "reference": "",
            "÷ reference": "",
        }
    )


def run() -> Rows:
    from store import init_db

    rows = Rows()
    with tempfile.TemporaryDirectory() as folder, init_db(_url(folder)) as store:
        client_id = seed_example(store, extra_debts=8, calls=100)
        inputs = load_inputs(store, client_id)
    made_at = datetime(2026, 3, 15, 2, tzinfo=UTC)
    report = build_report(inputs, as_of=AS_OF, made_at=made_at)
    assert len(report.debts) == 10 and len(report.calls) == 100
    charts = _png_rows(report, rows)
    _pdf_rows(report, rows, charts)
    return rows
