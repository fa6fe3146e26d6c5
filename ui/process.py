"""Once per server process, never per rerun: the garbage collector's pace.

A Streamlit rerun allocates hundreds of thousands of short-lived objects (pydantic models,
plotly validators, protobuf messages). With CPython's default threshold (700) the cyclic
collector runs hundreds of times per rerun and walks every long-lived module object each time
it reaches the older generations. A higher first threshold, and the modules moved out of the
collector's sight once they are loaded, keep reference counting doing the work it does anyway;
cycles are still collected.
"""

from __future__ import annotations

import gc

#: Objects allocated (minus freed) before a young collection; CPython's default is 700.
YOUNG_THRESHOLD = 20_000

_settled = False


def tune() -> None:
    """Set the collector's pace for this process (idempotent)."""
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, max(middle, 20), max(old, 100))


def settle_once() -> None:
    """After the first full run (every module the pages use is loaded): collect once and
    freeze what survives, so later collections skip the modules. Once per process."""
    global _settled
    if _settled:
        return
    _settled = True
    gc.collect()
    gc.freeze()
