"""Our ``annualized_rate`` against ``numpy_financial.irr`` and ``pyxirr.irr`` on the same flows.

Times are from one run; the ratio column is the reference's time ÷ ours (above 1: we are
faster). Errors are each solver's annual rate against a 50-digit ``mpmath`` root.
"""

from __future__ import annotations

from decimal import Decimal

import mpmath
import numpy_financial as npf
import pyxirr

from benchmarks.common import best_time, fmt_time, table
from core import amortization_schedule, annualized_rate


def cases() -> list[tuple[str, list[Decimal]]]:
    out = []
    for months in (12, 60, 360):
        level = amortization_schedule(200000, "0.0549", months).cash_flows()
        out.append((f"level, {months + 1} flows", level))
        irregular = list(level)
        irregular[3] = Decimal(0)  # a missed month
        irregular[4] = level[4] * 2  # caught up the next
        irregular[-1] += Decimal("-5000.00")  # a balloon
        irregular[len(level) // 2] = Decimal("-1234.56")
        out.append((f"irregular, {months + 1} flows", irregular))
    return out


def reference(flows: list[Decimal]) -> mpmath.mpf:
    mpmath.mp.dps = 50
    values = [mpmath.mpf(str(f)) for f in flows]

    def npv(i):
        return mpmath.fsum(v / (1 + i) ** k for k, v in enumerate(values))

    return mpmath.findroot(npv, (mpmath.mpf("0.0001"), mpmath.mpf("0.2")), solver="anderson") * 12


def run() -> str:
    rows = []
    for name, flows in cases():
        floats = [float(f) for f in flows]
        truth = reference(flows)
        ours = best_time(lambda flows=flows: annualized_rate(flows))
        numpy_t = best_time(lambda floats=floats: npf.irr(floats), budget=0.5, repeat=3)
        rust_t = best_time(lambda floats=floats: pyxirr.irr(floats))
        err_ours = abs(mpmath.mpf(str(annualized_rate(flows))) - truth)
        err_np = abs(mpmath.mpf(float(npf.irr(floats))) * 12 - truth)
        err_rust = abs(mpmath.mpf(pyxirr.irr(floats)) * 12 - truth)
        rows.append(
            [
                name,
                fmt_time(ours),
                f"{fmt_time(numpy_t)} (×{numpy_t / ours:.1f})",
                f"{fmt_time(rust_t)} (×{rust_t / ours:.2f})",
                f"{float(err_ours):.1e}",
                f"{float(err_np):.1e}",
                f"{float(err_rust):.1e}",
            ]
        )
    headers = [
        "flows",
        "ours (Decimal in)",
        "numpy_financial (÷ ours)",
        "pyxirr (÷ ours)",
        "err ours",
        "err numpy_financial",
        "err pyxirr",
    ]
    return table(headers, rows)
