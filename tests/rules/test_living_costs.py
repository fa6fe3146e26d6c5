"""Living-cost benchmarks: the NBS 2024 figures, the mapping from the budget's categories and
the notes on a budget (well above → a lender may ask to cut; below the floor → the floor)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from pydantic import ValidationError

from core.affordability import Budget, CostCategory
from core.errors import CoreError
from core.rules.living_costs import (
    CATEGORY_MAP,
    DEFAULT_BENCHMARK,
    LINES,
    NBS_2024_ALL,
    NBS_2024_RURAL,
    NBS_2024_URBAN,
    NOT_COMPARED,
    PARTS,
    SHIPPED,
    WELL_ABOVE_RATIO,
    Benchmark,
    BenchmarkCategory,
    BenchmarkKind,
    BenchmarkNote,
    CostLine,
    LineComparison,
    NoteKind,
    Population,
    compare_budget,
    compare_lines,
    floor_from,
)
from i18n import CATALOGUE, LANGUAGES, format_money, translate

C = BenchmarkCategory
K = CostCategory


def budget(size: int = 1, floor: str = "0", **costs: str) -> Budget:
    return Budget(essential_costs=costs, household_size=size, living_floor=floor)


def local_row(**changes) -> Benchmark:
    fields = {
        "id": "agency-1",
        "name": "示例省 2024 年居民人均消费支出",
        "source": "示例省统计局",
        "year": 2024,
        "region": "示例省",
        "yearly": {"total": "30000"},
    }
    return Benchmark(**{**fields, **changes})


# --- the data --------------------------------------------------------------------------------


def test_the_nbs_2024_figures_with_source_and_year():
    assert NBS_2024_ALL.yearly == {
        C.TOTAL: D("28227"),
        C.FOOD: D("8411"),
        C.CLOTHING: D("1521"),
        C.HOUSING: D("6263"),
        C.HOUSEHOLD: D("1547"),
        C.TRANSPORT: D("3976"),
        C.EDUCATION: D("3189"),
        C.HEALTH: D("2547"),
        C.OTHER: D("773"),
    }
    assert sum(NBS_2024_ALL.yearly[part] for part in PARTS) == D("28227")
    assert NBS_2024_URBAN.yearly == {C.TOTAL: D("34557")}
    assert NBS_2024_RURAL.yearly == {C.TOTAL: D("19280")}
    assert [(b.id, b.year, b.population) for b in SHIPPED] == [
        ("nbs-2024-all", 2024, Population.ALL),
        ("nbs-2024-urban", 2024, Population.URBAN),
        ("nbs-2024-rural", 2024, Population.RURAL),
    ]
    assert DEFAULT_BENCHMARK is NBS_2024_ALL
    for shipped in SHIPPED:
        assert shipped.catalogued
        assert shipped.kind is BenchmarkKind.AVERAGE_SPENDING
        assert translate(shipped.source, "zh-CN") == "国家统计局《2024年居民收入和消费支出情况》"
        assert set(CATALOGUE[shipped.name]) == set(LANGUAGES)


@pytest.mark.parametrize(
    ("benchmark", "categories", "monthly"),
    [
        (NBS_2024_ALL, (C.FOOD,), "700.92"),  # 8,411 / 12 = 700.9166…
        (NBS_2024_ALL, (C.CLOTHING,), "126.75"),
        (NBS_2024_ALL, (C.HOUSING,), "521.92"),  # 521.9166…
        (NBS_2024_ALL, (C.HOUSEHOLD,), "128.92"),
        (NBS_2024_ALL, (C.TRANSPORT,), "331.33"),  # 331.333…
        (NBS_2024_ALL, (C.EDUCATION,), "265.75"),
        (NBS_2024_ALL, (C.HEALTH,), "212.25"),
        (NBS_2024_ALL, (C.OTHER,), "64.42"),  # 64.4166…
        # the sum rounded once (3,841 / 12 = 320.0833…), not the rounded parts (320.09)
        (NBS_2024_ALL, (C.CLOTHING, C.HOUSEHOLD, C.OTHER), "320.08"),
        (NBS_2024_ALL, (), "2352.25"),
        (NBS_2024_URBAN, (), "2879.75"),
        (NBS_2024_RURAL, (), "1606.67"),  # 1,606.666…
    ],
)
def test_monthly_figures_are_yearly_over_12_rounded_half_up_to_the_fen(
    benchmark, categories, monthly
):
    assert benchmark.monthly(*categories) == D(monthly)


def test_an_agency_row_is_checked_like_any_money():
    row = local_row(yearly={"total": "３０，０００", "food_tobacco_drink": "9000.5"})
    assert row.yearly == {C.TOTAL: D("30000"), C.FOOD: D("9000.5")}
    assert (row.region, row.catalogued) == ("示例省", False)
    for hostile, code in [
        ("1e30", "too_large"),
        ("-1", "invalid_amount"),
        ("NaN", "invalid_amount"),
    ]:
        with pytest.raises(ValidationError) as caught:
            local_row(yearly={"total": hostile})
        cause = caught.value.errors()[0]["ctx"]["error"]
        assert (cause.field, cause.code) == ("yearly", code)


@pytest.mark.parametrize(
    ("yearly", "code"),
    [
        ({"food_tobacco_drink": "8000"}, "invalid_amount"),  # no total
        ({"total": "0"}, "invalid_amount"),
        ({"total": "10000", "food_tobacco_drink": "10000.51"}, "parts_not_total"),
        # all eight must make the total, each within its rounding (0.50 × 8 = 4.00)
        ({**{p.value: "1000" for p in PARTS}, "total": "8004.01"}, "parts_not_total"),
        ({**{p.value: "1000" for p in PARTS}, "total": "7995.99"}, "parts_not_total"),
    ],
)
def test_a_row_that_does_not_add_up_is_refused_by_name(yearly, code):
    with pytest.raises(ValidationError) as caught:
        local_row(yearly=yearly)
    cause = caught.value.errors()[0]["ctx"]["error"]
    assert (cause.field, cause.code) == ("yearly", code)


def test_rounding_of_published_figures_is_allowed():
    assert local_row(yearly={**{p.value: "1000" for p in PARTS}, "total": "8004"})
    assert local_row(yearly={**{p.value: "1000" for p in PARTS}, "total": "7996"})
    assert local_row(yearly={"total": "10000", "food_tobacco_drink": "10000.50"})


def test_a_row_holds_to_its_limits():
    with pytest.raises(ValidationError):
        local_row(year=1977)
    with pytest.raises(ValidationError):
        local_row(year=2101)
    with pytest.raises(ValidationError):
        local_row(name="某" * 101)
    with pytest.raises(ValidationError):
        local_row(id="")
    with pytest.raises(ValidationError):
        local_row(kind=BenchmarkKind.MINIMUM_STANDARD, yearly={"total": "12000", "housing": "1"})


# --- the mapping -----------------------------------------------------------------------------


def test_every_budget_category_is_mapped_once_and_every_benchmark_part_once():
    assert set(CATEGORY_MAP) == set(CostCategory)
    assert CATEGORY_MAP == {
        K.HOUSING: CostLine.HOUSING,
        K.UTILITIES: CostLine.HOUSING,
        K.FOOD: CostLine.FOOD,
        K.TRANSPORT: CostLine.TRANSPORT,
        K.MEDICAL: CostLine.MEDICAL,
        K.EDUCATION: CostLine.EDUCATION,
        K.OTHER: CostLine.OTHER,
        K.DEPENDANTS: None,
    }
    assert NOT_COMPARED == (K.DEPENDANTS,)
    parts = [category for rule in LINES for category in rule.benchmark]
    assert sorted(parts) == sorted(PARTS)


# --- the comparison --------------------------------------------------------------------------


def test_the_threshold_is_one_and_a_half_times_the_benchmark():
    assert D("1.5") == WELL_ABOVE_RATIO


@pytest.mark.parametrize(
    ("food", "above", "shown"),
    [
        # 2 people, 1.5 × 8,411 / 12 = 1,051.375 a person: 2,102.75 is exactly on the line
        ("2102.75", False, "1051.38"),
        ("2102.76", True, "1051.38"),
        ("2102.74", False, "1051.37"),
    ],
)
def test_well_above_is_decided_on_the_exact_figures(food, above, shown):
    rows = compare_lines(budget(2, food=food), None, NBS_2024_ALL)
    food_row = next(row for row in rows if row.line is CostLine.FOOD)
    assert food_row == LineComparison(
        line=CostLine.FOOD, amount=D(shown), reference=D("700.92"), well_above=above
    )


def test_every_line_of_the_table_per_person():
    rows = compare_lines(
        budget(
            3,
            housing="1500",
            utilities="300",
            food="2400",
            transport="450",
            medical="0",
            education="900",
            other="600",
            dependants="2000",
        ),
        None,
        NBS_2024_ALL,
    )
    assert [(row.line, row.amount, row.reference, row.well_above) for row in rows] == [
        (CostLine.HOUSING, D("600.00"), D("521.92"), False),  # 1,800 / 3
        (CostLine.FOOD, D("800.00"), D("700.92"), False),
        (CostLine.TRANSPORT, D("150.00"), D("331.33"), False),
        (CostLine.MEDICAL, D("0.00"), D("212.25"), False),
        (CostLine.EDUCATION, D("300.00"), D("265.75"), False),
        (CostLine.OTHER, D("200.00"), D("320.08"), False),
    ]


def test_the_client_out_of_work_on_dibao_gets_a_note_on_housing():
    """Income is the 低保 itself (1,000 a month here, a made-up local standard), the floor the
    same; rent 900 and utilities 150 make 1,050.00 a month for one, above 1.5 × 521.9166…
    = 782.875."""
    dibao = Budget(
        incomes=["1000"],
        essential_costs={"housing": "900", "utilities": "150", "food": "450", "other": "80"},
        household_size=1,
        living_floor="1000",
    )
    notes = compare_budget(dibao, None, NBS_2024_ALL)
    assert notes == (
        BenchmarkNote(
            kind=NoteKind.WELL_ABOVE,
            line=CostLine.HOUSING,
            amount=D("1050.00"),
            reference=D("521.92"),
            benchmark=NBS_2024_ALL,
        ),
    )
    words = {
        lang: translate(
            notes[0].key,
            lang,
            category=translate(f"enum.cost_line.{notes[0].line}", lang),
            amount=format_money(notes[0].amount, lang),
            benchmark=format_money(notes[0].reference, lang),
            source=translate(NBS_2024_ALL.source, lang),
            year=NBS_2024_ALL.year,
        )
        for lang in LANGUAGES
    }
    assert words["zh-CN"] == (
        "住房及水电燃气：本户每人每月 ¥1,050.00，明显高于国家统计局《2024年居民收入和消费支出"
        "情况》（2024年）的每人每月 ¥521.92。贷款机构可能会要求压缩这部分开支，最好提前准备好"
        "理由。"
    )
    assert words["en"] == (
        "Housing and utilities: ¥1,050.00 a person a month, well above the ¥521.92 a person a "
        "month of National Bureau of Statistics of China, “Households' Income and Consumption "
        "Expenditure in 2024” (2024). A lender may ask to cut these; have the reasons ready."
    )


def test_below_the_floor_defers_to_the_floor_and_never_says_too_low():
    below = budget(2, floor="2000", food="1000", housing="500")  # 1,500 < 2,000
    assert compare_budget(below, None, NBS_2024_ALL) == (
        BenchmarkNote(kind=NoteKind.BELOW_FLOOR, amount=D("1500.00"), reference=D("2000.00")),
    )
    assert below.protected == D("2000")  # the existing floor rule keeps the floor
    at_floor = budget(2, floor="2000", food="1000", housing="1000")
    assert compare_budget(at_floor, None, NBS_2024_ALL) == ()
    # far below every average, above the floor: nothing to say
    frugal = budget(4, floor="100", food="200", housing="100")
    assert compare_budget(frugal, None, NBS_2024_ALL) == ()
    # no floor set: nothing about low costs either
    assert compare_budget(budget(1, food="10"), None, NBS_2024_ALL) == ()


def test_the_floor_note_comes_first_and_the_floor_may_be_passed():
    mixed = budget(1, housing="1200")  # above 782.875, no floor on the budget
    notes = compare_budget(mixed, 1, NBS_2024_ALL, "1500")
    assert [(n.kind, n.line, n.amount, n.reference) for n in notes] == [
        (NoteKind.BELOW_FLOOR, None, D("1200.00"), D("1500.00")),
        (NoteKind.WELL_ABOVE, CostLine.HOUSING, D("1200.00"), D("521.92")),
    ]
    assert notes[0].benchmark is None
    assert translate(notes[0].key, "en", amount="¥1,200.00", floor="¥1,500.00") == (
        "The essential costs add up to ¥1,200.00, below the living floor of ¥1,500.00. "
        "What can be paid is worked out keeping the floor for living, not the lower costs."
    )


def test_the_household_size_passed_overrides_the_budgets():
    two = budget(2, food="2200")  # 1,100 a person: above 1,051.375
    assert [n.amount for n in compare_budget(two, None, NBS_2024_ALL)] == [D("1100.00")]
    assert compare_budget(two, 3, NBS_2024_ALL) == ()  # 733.33 a person
    for bad, code in [(0, "too_small"), (51, "too_large")]:
        with pytest.raises(CoreError) as caught:
            compare_budget(two, bad, NBS_2024_ALL)
        assert (caught.value.field, caught.value.code) == ("household_size", code)


def test_a_benchmark_with_a_total_only_is_compared_on_the_total_dependants_aside():
    # one person, urban: 1.5 × 34,557 / 12 = 4,319.625
    on_line = budget(1, housing="3000", food="1319.62", dependants="5000")
    assert compare_lines(on_line, None, NBS_2024_URBAN) == (
        LineComparison(
            line=CostLine.TOTAL, amount=D("4319.62"), reference=D("2879.75"), well_above=False
        ),
    )
    above = budget(1, housing="3000", food="1319.63", dependants="5000")
    notes = compare_budget(above, None, NBS_2024_URBAN)
    assert [(n.line, n.amount, n.reference) for n in notes] == [
        (CostLine.TOTAL, D("4319.63"), D("2879.75"))
    ]
    assert notes[0].benchmark is NBS_2024_URBAN


def test_an_agency_row_with_some_categories_compares_those_lines_only():
    row = local_row(yearly={"total": "36000", "food_tobacco_drink": "12000", "housing": "9000"})
    rows = compare_lines(budget(1, food="1000", housing="1200", transport="5000"), 1, row)
    assert [(r.line, r.amount, r.reference, r.well_above) for r in rows] == [
        (CostLine.HOUSING, D("1200.00"), D("750.00"), True),  # > 1,125
        (CostLine.FOOD, D("1000.00"), D("1000.00"), False),
    ]


def test_a_minimum_standard_gives_a_floor_and_no_average_to_compare():
    dibao = local_row(
        id="city-dibao", kind=BenchmarkKind.MINIMUM_STANDARD, yearly={"total": "12000"}
    )
    assert floor_from(dibao, 3) == D("3000.00")
    heavy = budget(1, housing="5000")
    assert compare_lines(heavy, None, dibao) == ()
    assert compare_budget(heavy, None, dibao) == ()
    assert compare_budget(budget(1, housing="500"), None, dibao, floor_from(dibao, 1)) == (
        BenchmarkNote(kind=NoteKind.BELOW_FLOOR, amount=D("500.00"), reference=D("1000.00")),
    )
    with pytest.raises(CoreError):
        floor_from(NBS_2024_ALL, 1)


# --- the wording -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "key",
    [f"enum.benchmark_category.{c}" for c in BenchmarkCategory]
    + [f"enum.cost_line.{line}" for line in CostLine]
    + [f"enum.population.{p}" for p in Population]
    + [f"enum.benchmark_kind.{k}" for k in BenchmarkKind]
    + [f"living_costs.note.{kind}" for kind in NoteKind],
)
def test_every_label_and_note_is_in_both_languages(key):
    assert set(CATALOGUE[key]) == set(LANGUAGES)


def test_the_well_above_note_names_the_figure_its_benchmark_and_source():
    for lang in LANGUAGES:
        text = CATALOGUE["living_costs.note.well_above"][lang]
        for placeholder in ("{category}", "{amount}", "{benchmark}", "{source}", "{year}"):
            assert placeholder in text
