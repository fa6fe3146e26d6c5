"""Living-cost benchmarks: the ones RepayTalk ships, the agency's own, and the one chosen.

The shipped rows (:data:`core.rules.living_costs.SHIPPED`: the NBS 2024 per-capita consumption
figures) are always there and cannot be changed. An agency adds its own (a province's or
city's averages, a local 低保 standard) as one workspace setting, :data:`ROWS_KEY`: a JSON list
of :class:`~core.rules.living_costs.Benchmark` s, saved as a whole at the version shown. Which
benchmark the Affordability page compares budgets with is another setting,
:data:`CHOSEN_KEY` (its id); until one is chosen, or when the chosen row is gone, it is
:data:`~core.rules.living_costs.DEFAULT_BENCHMARK`.

Like every workspace setting they are not in backups, and a restore keeps them. A stored row
this version cannot read (edited by hand, written by a later version) is left out of the list
and counted (``unreadable``); saving the list replaces it.

>>> from services import LOCAL_USER, open_workspace
>>> ws = open_workspace("sqlite:///:memory:")
>>> [row.id for row in benchmarks(ws, LOCAL_USER).rows]
['nbs-2024-all', 'nbs-2024-urban', 'nbs-2024-rural']
>>> chosen(ws, LOCAL_USER).benchmark.id
'nbs-2024-all'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pydantic

from core.access import Permission
from core.errors import CoreError
from core.rules.living_costs import DEFAULT_BENCHMARK, SHIPPED, Benchmark
from services._work import unit
from services.actor import Actor, check, require
from services.errors import ChangedElsewhereError, InvalidDataError, StaleRecordError
from services.workspace import Workspace

__all__ = [
    "CHOSEN_KEY",
    "MAX_AGENCY_BENCHMARKS",
    "ROWS_KEY",
    "Benchmarks",
    "Chosen",
    "benchmarks",
    "choose_benchmark",
    "chosen",
    "save_benchmarks",
]

#: The workspace setting holding the agency's own rows.
ROWS_KEY = "living_cost_benchmarks"
#: The workspace setting holding the id of the benchmark budgets are compared with.
CHOSEN_KEY = "living_cost_benchmark"
#: The most rows an agency may add (every province and a few cities, each average and 低保).
MAX_AGENCY_BENCHMARKS = 100


@dataclass(frozen=True)
class Benchmarks:
    """Every benchmark: the shipped rows first, then the agency's, in the order saved.

    ``version`` is the saved version of the agency's rows (0: none saved yet); name it when
    saving them. ``unreadable`` counts stored rows left out because they cannot be read.
    """

    shipped: tuple[Benchmark, ...]
    agency: tuple[Benchmark, ...]
    version: int
    unreadable: int = 0

    @property
    def rows(self) -> tuple[Benchmark, ...]:
        return self.shipped + self.agency

    def find(self, benchmark_id: str) -> Benchmark | None:
        return next((row for row in self.rows if row.id == benchmark_id), None)


@dataclass(frozen=True)
class Chosen:
    """The benchmark budgets are compared with; ``version`` is the choice's saved version (0:
    never chosen). ``missing`` is the id chosen once whose row is gone (the default applies
    meanwhile), else ``None``."""

    benchmark: Benchmark
    version: int
    missing: str | None = None


def _read_rows(ws: Workspace) -> Benchmarks:
    saved = ws.workspace_settings.get(ROWS_KEY)
    if saved is None:
        return Benchmarks(SHIPPED, (), 0)
    rows: list[Benchmark] = []
    unreadable = 0
    stored = saved.value if isinstance(saved.value, list) else []
    if not isinstance(saved.value, list):
        unreadable += 1
    taken = {row.id for row in SHIPPED}
    for item in stored:
        try:
            row = Benchmark.model_validate(item)
        except (pydantic.ValidationError, CoreError, ValueError, TypeError):
            unreadable += 1
            continue
        if row.catalogued or row.id in taken:
            unreadable += 1
            continue
        taken.add(row.id)
        rows.append(row)
    return Benchmarks(SHIPPED, tuple(rows), saved.version, unreadable)


def benchmarks(ws: Workspace, actor: Actor) -> Benchmarks:
    """The shipped benchmarks and the agency's own."""
    check(actor)
    return _read_rows(ws)


def _checked(rows: Iterable[Benchmark]) -> list[Benchmark]:
    if isinstance(rows, Benchmark | str | bytes) or not isinstance(rows, Iterable):
        raise InvalidDataError(
            "benchmarks", f"expected benchmarks, got {rows!r}", code="wrong_type"
        )
    checked = list(rows)
    if len(checked) > MAX_AGENCY_BENCHMARKS:
        raise InvalidDataError(
            "benchmarks",
            f"at most {MAX_AGENCY_BENCHMARKS} benchmarks of the agency's own",
            code="too_many",
        )
    taken = {row.id for row in SHIPPED}
    for row in checked:
        if not isinstance(row, Benchmark):
            raise InvalidDataError(
                "benchmarks", f"expected a Benchmark, got {type(row).__name__}", code="wrong_type"
            )
        if row.catalogued:
            raise InvalidDataError(
                "benchmarks",
                f"{row.id}: an agency's benchmark is its own text, not a catalogue key",
                code="inconsistent",
            )
        if row.id in taken:
            raise InvalidDataError(
                "benchmark_id", f"{row.id} is the id of another benchmark", code="duplicate"
            )
        taken.add(row.id)
    return checked


def save_benchmarks(
    ws: Workspace, actor: Actor, rows: Iterable[Benchmark], *, version: int
) -> Benchmarks:
    """Save the agency's own benchmarks (all of them: the list replaces the saved one) over
    the list shown at ``version`` (0: none saved yet).

    Refused, nothing saved: a row that is not a :class:`Benchmark`, claims a catalogue text
    (``inconsistent``) or repeats an id, a shipped one's included (``duplicate``), or more than
    :data:`MAX_AGENCY_BENCHMARKS` (``too_many``) — :class:`InvalidDataError`; a list saved
    elsewhere since — :class:`ChangedElsewhereError` with the list as it is now; without
    :attr:`Permission.MANAGE_SETTINGS` (a workspace setting: the administrator's in team
    mode) — :class:`~services.errors.NotAllowedError`.
    """
    require(actor, Permission.MANAGE_SETTINGS)
    checked = _checked(rows)
    value: list[Any] = [row.model_dump(mode="json") for row in checked]
    try:
        with unit(ws, actor):
            saved = ws.workspace_settings.put(ROWS_KEY, value, version=version)
    except StaleRecordError:
        current = _read_rows(ws)
        raise ChangedElsewhereError("benchmarks", 0, version, current) from None
    return Benchmarks(SHIPPED, tuple(checked), saved.version)


def _read_choice(ws: Workspace) -> Chosen:
    saved = ws.workspace_settings.get(CHOSEN_KEY)
    if saved is None:
        return Chosen(DEFAULT_BENCHMARK, 0)
    found = _read_rows(ws).find(saved.value) if isinstance(saved.value, str) else None
    if found is None:
        missing = saved.value if isinstance(saved.value, str) else str(saved.value)
        return Chosen(DEFAULT_BENCHMARK, saved.version, missing)
    return Chosen(found, saved.version)


def chosen(ws: Workspace, actor: Actor) -> Chosen:
    """The benchmark budgets are compared with (the default until one is chosen)."""
    check(actor)
    return _read_choice(ws)


def choose_benchmark(ws: Workspace, actor: Actor, benchmark_id: str, *, version: int) -> Chosen:
    """Compare budgets with the benchmark ``benchmark_id`` from now on; ``version`` is the
    choice's version shown (0: never chosen).

    An id of no benchmark is an :class:`InvalidDataError` (``benchmark_id``, code
    ``not_found``); a choice saved elsewhere since, :class:`ChangedElsewhereError` — unless
    it is the same choice, which is returned as it is. Needs
    :attr:`Permission.MANAGE_SETTINGS` (:class:`~services.errors.NotAllowedError`).
    """
    require(actor, Permission.MANAGE_SETTINGS)
    if not isinstance(benchmark_id, str):
        raise InvalidDataError(
            "benchmark_id", f"expected a benchmark's id, got {benchmark_id!r}", code="wrong_type"
        )
    try:
        with unit(ws, actor):
            row = _read_rows(ws).find(benchmark_id)
            if row is None:
                raise InvalidDataError(
                    "benchmark_id", f"no benchmark has the id {benchmark_id!r}", code="not_found"
                )
            saved = ws.workspace_settings.put(CHOSEN_KEY, benchmark_id, version=version)
    except StaleRecordError:
        current = _read_choice(ws)
        if current.benchmark.id == benchmark_id and current.missing is None:
            return current
        raise ChangedElsewhereError("benchmark_choice", 0, version, current) from None
    return Chosen(row, saved.version)
