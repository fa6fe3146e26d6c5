"""Where a page's rerun spends its time: cProfile around the page script, under AppTest.

    .venv/bin/python -m benchmarks.profile_page app_pages/debts.py [--runs 10] [--lang en]
        [--sort cumulative|tottime] [--limit 40] [--only 'work/main/(ui|app_pages)'] [--out FILE]

The example client is loaded on the Clients page (as a counselor would, into a throwaway SQLite
database), the page is opened and rerun twice to warm up, then ``--runs`` reruns are profiled:
the profiler is switched on around the script's execution only (Streamlit's
``exec_func_with_error_handling``), so AppTest's own bookkeeping is left out. It prints the
median rerun and the functions that cost most; ``--out`` keeps the profile for ``pstats``.

Read with care: AppTest compiles a page script on every run (``get_page_script_byte_code``,
``add_magic``), which ``streamlit run`` does once per process (its script cache), and a
function of the page script itself is counted for one run only (each run compiles a new code
object); functions of imported modules (``ui``, ``core``, ``services``…) are counted for every
run. Not a benchmark: no ratio, no yardstick, and the profiler slows Python code unevenly.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _profiled(profile: cProfile.Profile, active: list[bool]) -> None:
    """Switch ``profile`` on around each script run while ``active[0]`` is true."""
    import streamlit.runtime.scriptrunner.script_runner as runner

    execute = runner.exec_func_with_error_handling

    def wrapped(func, ctx):
        if not active[0]:
            return execute(func, ctx)

        def profiled(*args, **kwargs):
            profile.enable()
            try:
                return func(*args, **kwargs)
            finally:
                profile.disable()

        return execute(profiled, ctx)

    runner.exec_func_with_error_handling = wrapped


def profile_page(page: str, runs: int, lang: str) -> tuple[cProfile.Profile, list[float]]:
    from streamlit.logger import set_log_level
    from streamlit.testing.v1 import AppTest

    set_log_level("error")
    profile, active = cProfile.Profile(), [False]
    _profiled(profile, active)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state["lang"] = lang
    at.run()
    at.switch_page("app_pages/clients.py").run()
    at.button(key="clients_example").click().run()
    at.switch_page(page).run()
    for _ in range(2):
        at.run()
    if at.exception:
        raise RuntimeError(f"{page}: {at.exception}")
    times = []
    active[0] = True
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
    active[0] = False
    if at.exception:
        raise RuntimeError(f"{page}: {at.exception}")
    return profile, times


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile_page")
    parser.add_argument("page", help="e.g. app_pages/debts.py")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--lang", default="zh-CN", choices=("zh-CN", "en"))
    parser.add_argument("--sort", default="cumulative", choices=("cumulative", "tottime"))
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--only", default="", help="a regular expression on file:line(function)")
    parser.add_argument("--out", help="keep the profile here (pstats format)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["REPAYTALK_DATA_DIR"] = folder
        os.environ["REPAYTALK_DATABASE_URL"] = f"sqlite:///{folder}/profile.db"
        profile, times = profile_page(args.page, args.runs, args.lang)
    print(
        f"{args.page}: median rerun {statistics.median(times) * 1e3:.1f} ms under the profiler "
        f"({args.runs} runs)"
    )
    if args.out:
        profile.dump_stats(args.out)
    text = io.StringIO()
    stats = pstats.Stats(profile, stream=text).sort_stats(args.sort)
    restrictions: list[str | int] = [args.only] if args.only else []
    stats.print_stats(*restrictions, args.limit)
    print(text.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
