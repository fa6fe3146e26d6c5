"""Issue 19's "Done when" table: the figures measured before the work and in this run.

The "before" column is what this benchmark code printed on the tree the issue was filed
against (commit ``BEFORE_COMMIT``, checked out apart), on this machine before any change: the
range of three runs for the Chromium figures (the machine was shared and busy: ratios moved by
half from one run to the next), two runs for the others. The "now" column is this run. Every
figure is a ratio of two timings taken in the same run.
"""

from __future__ import annotations

from benchmarks.common import FIGURES, table

BEFORE_COMMIT = "f1f651e"

#: (key, measure, before, goal as "≤ x").
ROWS: tuple[tuple[str, str, str, float], ...] = (
    (
        "chromium_term_vs_constant",
        "Proposals, term change in Chromium ÷ constant page's full rerun",
        "1.63–3.15 (median 2.60; issue: 1.92)",
        1.0,
    ),
    (
        "chromium_term_vs_fragment",
        "Proposals, term change in Chromium ÷ the same elements from constants in a fragment",
        "1.72–3.91 (median 2.70)",
        1.3,
    ),
    (
        "apptest_new_term_vs_constant",
        "Proposals, new term in AppTest ÷ constant page",
        "1.70 (issue: 1.73–1.91)",
        1.2,
    ),
    (
        "slowest_load_vs_constant",
        "Slowest page load in Chromium with the example client ÷ constant page's full rerun",
        "2.61–2.70 (Share, Debts)",
        2.0,
    ),
    (
        "png_vs_bare_kaleido",
        "Chart PNG warm ÷ bare kaleido of the same figure, warm",
        "1.00–1.01 (332 ms in the issue)",
        1.1,
    ),
    (
        "pdf_vs_bare_fpdf2",
        "PDF 10 debts / 100 calls with charts, warm ÷ bare fpdf2 with the same text, "
        "a preloaded font and the same images",
        "1.59–1.66",
        1.2,
    ),
)


def summary() -> str:
    """The table; a figure whose benchmark did not run in this process reads "not run"."""
    rows = []
    for key, measure, before, goal in ROWS:
        if key in FIGURES:
            value, note = FIGURES[key]
            now = f"{value:.2f}" + (f" ({note})" if note else "")
            met = "yes" if value <= goal else "no"
        else:
            now, met = "not run", ""
        rows.append([measure, before, now, f"≤ {goal:.1f}", met])
    return table(["measure", f"before ({BEFORE_COMMIT})", "now", "goal", "met"], rows)
