"""Run every ``benchmarks/bench_*.py`` (or those named on the command line) and print tables."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import benchmarks


def main(argv: list[str]) -> int:
    names = sorted(
        info.name
        for info in pkgutil.iter_modules(benchmarks.__path__)
        if info.name.startswith("bench_")
    )
    wanted = [name for name in names if not argv or any(arg in name for arg in argv)]
    for name in wanted:
        module = importlib.import_module(f"benchmarks.{name}")
        print(f"\n## {name}\n")
        print(module.run())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
