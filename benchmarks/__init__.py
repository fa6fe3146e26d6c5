"""Benchmarks, run with ``make bench`` (``python -m benchmarks``); never part of the test suite.

Every benchmark module is named ``bench_*.py`` and has a ``run() -> str`` that times our code
against a reference in the same run and returns a printed table of ratios.
"""
