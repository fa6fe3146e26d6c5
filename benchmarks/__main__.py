"""Run every ``benchmarks/bench_*.py`` (or those named on the command line) and print tables;
then issue 19's "Done when" table (:mod:`benchmarks.done_when`) with this run's figures."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import benchmarks
from benchmarks.done_when import summary


def main(argv: list[str]) -> int:
    names = sorted(
        info.name
        for info in pkgutil.iter_modules(benchmarks.__path__)
        if info.name.startswith("bench_")
    )
    wanted = [name for name in names if not argv or any(arg in name for arg in argv)]
    for name in wanted:
        module = importlib.import_module(f"benchmarks.{name}")
        print(f"\n## {name}\n", flush=True)
        print(module.run(), flush=True)
    print("\n## Done when (issue 19)\n")
    print(summary())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
