"""The proposals page's rerun after a changed input, against the same elements from constants.

A client with 10 debts and a budget is written to a throwaway SQLite database; the page
(``app_pages/proposals.py``, its code in ``ui/proposals_page.py``) and a page drawing the same
elements from constants (``benchmarks/proposals_page_constant.py``) are each opened with AppTest
and the term slider is moved to a new value before every rerun. Both are timed in the same run;
the ratio is the page's median over the constant page's.

- "new value": every rerun has a term not seen before (the comparison is computed);
- "seen value": the slider goes back to values already shown (the session memo serves them).

Importing this module does nothing; :func:`run` returns the table.
"""

from __future__ import annotations

import logging
import os
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks.bench_planning import sample_debts
from benchmarks.common import fmt_time, record, table

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "app_pages" / "proposals.py"
CONSTANT = Path(__file__).resolve().parent / "proposals_page_constant.py"
RERUNS = 20


def _seed(url: str) -> int:
    import store
    from core.affordability import Budget
    from core.calls import DebtAccount
    from core.clients import Client

    db = store.init_db(url)
    client = db.clients.create(Client(name="基准客户"))
    for debt in sample_debts(10):
        db.debts.add(DebtAccount(client_id=client.id, debt=debt))
    db.budgets.add_version(
        client.id, date.today(), Budget(incomes=["9000"], essential_costs={"food": "4000"})
    )
    return client.id


def _open(script: Path, client_id: int):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(script), default_timeout=120)
    at.session_state["lang"] = "en"
    at.session_state["client_id"] = client_id
    at.run()
    if at.exception:
        raise RuntimeError(f"{script.name}: {at.exception}")
    return at


def _rerun(at, months: int) -> float:
    at.slider(key="proposals.months").set_value(months)
    start = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - start
    if at.exception:
        raise RuntimeError(str(at.exception))
    return elapsed


def _interleaved(client_id: int) -> tuple[list[float], list[float], list[float]]:
    """Reruns of the three cases taken in turn, so a busy machine slows them alike."""
    constant, page_new, page_seen = (
        _open(CONSTANT, client_id),
        _open(PAGE, client_id),
        _open(PAGE, client_id),
    )
    times: tuple[list[float], list[float], list[float]] = ([], [], [])
    for i in range(RERUNS):
        times[0].append(_rerun(constant, 30 + i))
        times[1].append(_rerun(page_new, 30 + i))
        times[2].append(_rerun(page_seen, 12 + i % 2))
    return times


class _NoBareModeNotes(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return "missing ScriptRunContext" not in record.getMessage()


def _quiet_streamlit() -> None:
    # Bare-mode AppTest logs "missing ScriptRunContext" for every cached call; not our figures.
    from streamlit.logger import set_log_level

    set_log_level("error")
    name = "streamlit.runtime.scriptrunner_utils.script_run_context"
    logging.getLogger(name).addFilter(_NoBareModeNotes())


def run() -> str:
    _quiet_streamlit()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.db"
        previous = os.environ.get("REPAYTALK_DATABASE_URL")
        os.environ["REPAYTALK_DATABASE_URL"] = url
        try:
            client_id = _seed(url)
            constant, page_new, page_seen = _interleaved(client_id)
        finally:
            if previous is None:
                os.environ.pop("REPAYTALK_DATABASE_URL", None)
            else:
                os.environ["REPAYTALK_DATABASE_URL"] = previous
    base = statistics.median(constant)
    record("apptest_new_term_vs_constant", statistics.median(page_new) / base)
    rows = [
        ["constant page (same elements)", fmt_time(base), "1.00"],
        [
            "proposals page, new term",
            fmt_time(statistics.median(page_new)),
            f"{statistics.median(page_new) / base:.2f}",
        ],
        [
            "proposals page, term seen before",
            fmt_time(statistics.median(page_seen)),
            f"{statistics.median(page_seen) / base:.2f}",
        ],
    ]
    note = (
        f"\n\n10 debts, AppTest, median of {RERUNS} reruns after moving the term slider; "
        f"ratio = page / constant page: {statistics.median(page_new) / base:.2f}"
    )
    return table(["page", "median rerun", "ratio"], rows) + note
