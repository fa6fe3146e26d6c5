"""services.benchmarks: the shipped NBS 2024 rows, an agency's own rows and the one chosen, each
saved as a workspace setting at the version shown; kept by a restore. SQLite, and PostgreSQL
with TEST_DATABASE_URL.

(No conftest.py here: the store's database fixtures are imported.)
"""

from __future__ import annotations

from decimal import Decimal

import pytest

import services
from core.affordability import Budget
from core.rules.living_costs import (
    DEFAULT_BENCHMARK,
    NBS_2024_ALL,
    SHIPPED,
    Benchmark,
    BenchmarkCategory,
    BenchmarkKind,
    CostLine,
    NoteKind,
    Population,
    compare_budget,
    floor_from,
)
from services import LOCAL_USER, ChangedElsewhereError, InvalidDataError
from services.actor import NotAnActorError
from services.benchmarks import CHOSEN_KEY, MAX_AGENCY_BENCHMARKS, ROWS_KEY, Chosen
from store.backup import backup_to_bytes, restore_from_bytes

# The store's database fixtures (SQLite, and PostgreSQL when TEST_DATABASE_URL is set).
from tests.store.conftest import _drop_run_schema, clock, database_url, settings, store
from tests.store.store_samples import a_client

ME = LOCAL_USER


@pytest.fixture
def ws(store):
    return store


def shanghai_urban(**changes) -> Benchmark:
    fields = {
        "id": "sh-2024-urban",
        "name": "上海市 2024 年城镇居民人均消费支出",
        "source": "上海市统计局《2024年上海市国民经济和社会发展统计公报》",
        "year": 2024,
        "population": Population.URBAN,
        "region": "上海市",
        "yearly": {"total": "56115"},
    }
    return Benchmark(**{**fields, **changes})


def city_dibao(**changes) -> Benchmark:
    """A city's 低保 standard, 1,000 yuan a person a month."""
    fields = {
        "id": "city-dibao-2025",
        "name": "示例市 2025 年城乡低保标准",
        "source": "示例市民政局",
        "year": 2025,
        "kind": BenchmarkKind.MINIMUM_STANDARD,
        "region": "示例市",
        "yearly": {"total": "12000"},
    }
    return Benchmark(**{**fields, **changes})


def test_the_shipped_rows_are_there_until_an_agency_adds_its_own(ws):
    listed = services.benchmarks.benchmarks(ws, ME)
    assert (listed.rows, listed.agency, listed.version, listed.unreadable) == (SHIPPED, (), 0, 0)
    assert [row.yearly[BenchmarkCategory.TOTAL] for row in listed.rows] == [
        Decimal("28227"),
        Decimal("34557"),
        Decimal("19280"),
    ]
    assert services.benchmarks.chosen(ws, ME) == Chosen(DEFAULT_BENCHMARK, 0)
    assert DEFAULT_BENCHMARK is NBS_2024_ALL


def test_an_agencys_rows_are_saved_and_read_back_at_the_version_shown(ws):
    rows = [shanghai_urban(), city_dibao()]
    saved = services.benchmarks.save_benchmarks(ws, ME, rows, version=0)
    assert (saved.agency, saved.version) == (tuple(rows), 1)
    listed = services.benchmarks.benchmarks(ws, ME)
    assert listed == saved
    assert listed.rows == (*SHIPPED, *rows)
    assert listed.find("city-dibao-2025") == city_dibao()

    # another tab saved first: refused, with the list as it is now
    fewer = services.benchmarks.save_benchmarks(ws, ME, rows[:1], version=1)
    with pytest.raises(ChangedElsewhereError) as caught:
        services.benchmarks.save_benchmarks(ws, ME, [], version=1)
    assert (caught.value.entity, caught.value.seen, caught.value.actual) == ("benchmarks", 1, 2)
    assert caught.value.current == fewer
    assert services.benchmarks.benchmarks(ws, ME).agency == (shanghai_urban(),)


@pytest.mark.parametrize(
    ("rows", "field", "code"),
    [
        ([shanghai_urban(), shanghai_urban(name="重复")], "benchmark_id", "duplicate"),
        ([shanghai_urban(id="nbs-2024-all")], "benchmark_id", "duplicate"),
        ([shanghai_urban(catalogued=True)], "benchmarks", "inconsistent"),
        ([{"id": "x"}], "benchmarks", "wrong_type"),
        (shanghai_urban(), "benchmarks", "wrong_type"),
        (
            [shanghai_urban(id=f"row-{n}") for n in range(MAX_AGENCY_BENCHMARKS + 1)],
            "benchmarks",
            "too_many",
        ),
    ],
    ids=["twice", "a_shipped_id", "catalogued", "not_a_benchmark", "one_row", "too_many"],
)
def test_a_list_that_cannot_be_saved_is_refused_whole(ws, rows, field, code):
    with pytest.raises(InvalidDataError) as caught:
        services.benchmarks.save_benchmarks(ws, ME, rows, version=0)
    assert (caught.value.field, caught.value.code) == (field, code)
    assert ws.workspace_settings.get(ROWS_KEY) is None


def test_as_many_rows_as_allowed_are_saved(ws):
    rows = [shanghai_urban(id=f"row-{n}") for n in range(MAX_AGENCY_BENCHMARKS)]
    assert len(services.benchmarks.save_benchmarks(ws, ME, rows, version=0).agency) == 100


def test_the_chosen_benchmark_is_saved_at_the_version_shown(ws):
    services.benchmarks.save_benchmarks(ws, ME, [shanghai_urban(), city_dibao()], version=0)
    picked = services.benchmarks.choose_benchmark(ws, ME, "sh-2024-urban", version=0)
    assert picked == Chosen(shanghai_urban(), 1)
    assert services.benchmarks.chosen(ws, ME) == picked
    # the same choice from a tab still at version 0: it is what is saved, nothing written
    assert services.benchmarks.choose_benchmark(ws, ME, "sh-2024-urban", version=0) == picked
    # another choice from that tab: refused
    with pytest.raises(ChangedElsewhereError) as caught:
        services.benchmarks.choose_benchmark(ws, ME, "nbs-2024-rural", version=0)
    assert caught.value.current == picked
    rural = services.benchmarks.choose_benchmark(ws, ME, "nbs-2024-rural", version=1)
    assert (rural.benchmark.population, rural.version) == (Population.RURAL, 2)


def test_an_id_of_no_benchmark_cannot_be_chosen(ws):
    for wrong in ("nbs-2023-all", 7):
        with pytest.raises(InvalidDataError) as caught:
            services.benchmarks.choose_benchmark(ws, ME, wrong, version=0)
        assert caught.value.field == "benchmark_id"
    assert ws.workspace_settings.get(CHOSEN_KEY) is None


def test_a_chosen_row_removed_later_gives_the_default_and_says_so(ws):
    services.benchmarks.save_benchmarks(ws, ME, [shanghai_urban()], version=0)
    services.benchmarks.choose_benchmark(ws, ME, "sh-2024-urban", version=0)
    services.benchmarks.save_benchmarks(ws, ME, [], version=1)
    assert services.benchmarks.chosen(ws, ME) == Chosen(DEFAULT_BENCHMARK, 1, "sh-2024-urban")


def test_stored_rows_this_version_cannot_read_are_left_out_and_counted(ws):
    good = shanghai_urban().model_dump(mode="json")
    stored = [good, {"id": "broken"}, {**good, "id": "nbs-2024-urban"}, {**good, "year": 1900}]
    ws.workspace_settings.put(ROWS_KEY, stored, version=0)
    listed = services.benchmarks.benchmarks(ws, ME)
    assert (listed.agency, listed.unreadable, listed.version) == ((shanghai_urban(),), 3, 1)
    ws.workspace_settings.put(ROWS_KEY, {"not": "a list"}, version=1)
    assert services.benchmarks.benchmarks(ws, ME).unreadable == 1


def test_every_action_needs_an_actor(ws):
    for call in (
        lambda: services.benchmarks.benchmarks(ws, None),
        lambda: services.benchmarks.chosen(ws, None),
        lambda: services.benchmarks.save_benchmarks(ws, None, [], version=0),
        lambda: services.benchmarks.choose_benchmark(ws, None, "nbs-2024-all", version=0),
    ):
        with pytest.raises(NotAnActorError):
            call()
    assert ws.workspace_settings.get(ROWS_KEY) is None


def test_a_restore_keeps_the_agencys_rows_and_choice(ws):
    services.clients.create(ws, ME, a_client())
    data = backup_to_bytes(ws)
    services.benchmarks.save_benchmarks(ws, ME, [city_dibao()], version=0)
    services.benchmarks.choose_benchmark(ws, ME, "city-dibao-2025", version=0)
    restore_from_bytes(ws, data)
    assert services.benchmarks.benchmarks(ws, ME).agency == (city_dibao(),)
    assert services.benchmarks.chosen(ws, ME).benchmark == city_dibao()


def test_a_household_on_dibao_gets_the_floor_note_and_never_too_low(ws):
    """The done-when client: out of work, a household of 2 living on 低保 (2,000 a month, the
    city's 1,000 a person), spending 1,850 on essentials — not the 4,000 case."""
    services.benchmarks.save_benchmarks(ws, ME, [city_dibao()], version=0)
    local = services.benchmarks.benchmarks(ws, ME).find("city-dibao-2025")
    floor = floor_from(local, 2)
    assert floor == Decimal("2000.00")
    budget = Budget(
        incomes=({"label": "低保金", "amount": "2000"},),
        essential_costs={"housing": "600", "food": "900", "medical": "350"},
        household_size=2,
        living_floor=floor,
    )
    average = services.benchmarks.chosen(ws, ME).benchmark
    notes = compare_budget(budget, None, average)
    assert [(n.kind, n.amount, n.reference) for n in notes] == [
        (NoteKind.BELOW_FLOOR, Decimal("1850.00"), Decimal("2000.00"))
    ]
    # a household spending 1,100 a person on food gets the "well above" note, naming NBS 2024
    richer = Budget.model_validate(
        {**dict(budget), "essential_costs": {"housing": "600", "food": "2200", "medical": "350"}}
    )
    (note,) = compare_budget(richer, None, average)
    assert (note.kind, note.line, note.amount, note.reference, note.benchmark) == (
        NoteKind.WELL_ABOVE,
        CostLine.FOOD,
        Decimal("1100.00"),
        Decimal("700.92"),
        NBS_2024_ALL,
    )
    assert note.benchmark.year == 2024
