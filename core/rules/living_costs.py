"""Living-cost benchmarks: does a budget's essential spending look credible to a lender?

A lender reading a hardship application checks the budget: costs far above what households
usually spend invite "cut these first". UK debt advisers get such figures with the Standard
Financial Statement; here the counselor gets official per-person consumption figures, and a
note where the budget is well above them. The notes advise; nothing is ever refused for them.

The data
--------
A :class:`Benchmark` is one row of per-person **yearly** amounts by category, with its name,
source and year. RepayTalk ships the National Bureau of Statistics' 2024 figures
(国家统计局《2024年居民收入和消费支出情况》, :data:`SHIPPED`): per-capita consumption
expenditure of all residents 28,227 yuan (food, tobacco and drink 8,411; clothing 1,521;
housing 6,263; household goods and services 1,547; transport and communication 3,976;
education, culture and recreation 3,189; health care 2,547; other goods and services 773 —
together 28,227), of urban residents 34,557 and of rural residents 19,280 (totals only).
An agency adds its own rows (a province, a city) from a settings table as the same model, or a
local minimum living standard (低保标准, :attr:`BenchmarkKind.MINIMUM_STANDARD`, its monthly
amount × 12 as the yearly total), which gives a living floor (:func:`floor_from`) rather than
an average to compare with.

The comparison
--------------
The budget's essential cost categories (:class:`core.affordability.CostCategory`) are mapped
onto the benchmark's (:data:`LINES`):

===============================  =========================================================
budget                           benchmark
===============================  =========================================================
housing + utilities              housing (NBS counts water, power and gas as housing)
food                             food, tobacco and drink
transport                        transport and communication
medical                          health care
education                        education, culture and recreation
other essentials                 clothing + household goods and services + other
dependants                       not compared: money for relatives outside the household is
                                 a transfer, not the household's own consumption
===============================  =========================================================

A phone bill entered under utilities belongs to NBS "transport and communication"; it is a
small part of either line and is left where the budget puts it. A benchmark with totals only
(urban, rural) is compared on one line, :attr:`CostLine.TOTAL`: the compared categories
together against the total.

Per line, the budget's monthly cost per person (the household's cost ÷ household size) is
compared with the benchmark's yearly amount ÷ 12. Both are exact in the comparison; only the
figures shown are rounded to the fen (ROUND_HALF_UP): food 8,411 a year is 700.92 a month.

**Well above** means more than :data:`WELL_ABOVE_RATIO` (1.5) times the benchmark. Why 1.5:
the averages already include discretionary spending (meals out, travel, recreation), and
prices differ between places — urban residents as a whole spend 34,557 ÷ 28,227 ≈ 1.22 times
the national average, large cities more. A line below 1.5× is within what ordinary
households spend somewhere; above it a lender's reviewer is likely to ask, and the note says
so ("a lender may ask to cut these"), naming the figure, the benchmark and its source.

Below the benchmark is never "too low": the averages include spending a household in
difficulty rightly does without. What protects the household is the **living floor**
(:mod:`core.affordability`: the budget keeps ``max(essential costs, living floor)``). When the
essential costs add up to less than the floor, the note says that the floor applies instead;
at or above the floor nothing is said about low costs.

>>> from core.affordability import Budget
>>> budget = Budget(essential_costs={"food": "2200", "housing": "900"}, household_size=2,
...                 living_floor="2000")
>>> [(n.kind.value, n.line, n.amount, n.reference) for n in compare_budget(budget, 2, NBS_2024_ALL)]
[('well_above', <CostLine.FOOD: 'food'>, Decimal('1100.00'), Decimal('700.92'))]
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

from core.affordability import Budget, CostCategory, living_floor_for
from core.errors import CoreError, InvalidAmountError
from core.limits import (
    MAX_BENCHMARK_ID_LENGTH,
    MAX_BENCHMARK_NAME_LENGTH,
    MAX_BENCHMARK_REGION_LENGTH,
    MAX_BENCHMARK_SOURCE_LENGTH,
    MAX_BENCHMARK_YEAR,
    MAX_HOUSEHOLD_SIZE,
    MIN_BENCHMARK_YEAR,
)
from core.money import ZERO_MONEY, Money, money_total, round_fen, to_money

#: More than this many times the benchmark is "well above" (see the module docstring).
WELL_ABOVE_RATIO = Decimal("1.5")
MONTHS_A_YEAR = 12


class BenchmarkCategory(StrEnum):
    """The consumption categories of the NBS household survey, and their total."""

    TOTAL = "total"
    FOOD = "food_tobacco_drink"
    CLOTHING = "clothing"
    HOUSING = "housing"
    HOUSEHOLD = "household_goods_services"
    TRANSPORT = "transport_communication"
    EDUCATION = "education_culture_recreation"
    HEALTH = "health_care"
    OTHER = "other_goods_services"


#: The eight categories that make up the total.
PARTS = tuple(category for category in BenchmarkCategory if category is not BenchmarkCategory.TOTAL)


class Population(StrEnum):
    ALL = "all"
    URBAN = "urban"
    RURAL = "rural"


class BenchmarkKind(StrEnum):
    #: What residents spend on average (compared line by line).
    AVERAGE_SPENDING = "average_spending"
    #: A minimum living standard (低保标准): a floor, not an average.
    MINIMUM_STANDARD = "minimum_standard"


class Benchmark(BaseModel):
    """Per-person yearly amounts by category, with where they come from.

    ``name`` and ``source`` are catalogue keys when ``catalogued`` (the rows RepayTalk ships,
    worded in both languages), else text as an agency typed it. ``region`` is empty for the
    whole country. ``yearly`` holds the total and any of the eight parts; the parts given
    must add up to no more than the total, and all eight to the total, each allowed its
    rounding to the yuan (0.50 each).
    """

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    id: str = Field(min_length=1, max_length=MAX_BENCHMARK_ID_LENGTH)
    name: str = Field(min_length=1, max_length=MAX_BENCHMARK_NAME_LENGTH)
    source: str = Field(min_length=1, max_length=MAX_BENCHMARK_SOURCE_LENGTH)
    catalogued: bool = False
    year: int = Field(ge=MIN_BENCHMARK_YEAR, le=MAX_BENCHMARK_YEAR)
    kind: BenchmarkKind = BenchmarkKind.AVERAGE_SPENDING
    population: Population = Population.ALL
    region: str = Field(default="", max_length=MAX_BENCHMARK_REGION_LENGTH)
    yearly: dict[BenchmarkCategory, Money]

    @model_validator(mode="after")
    def _adds_up(self) -> Benchmark:
        total = self.yearly.get(BenchmarkCategory.TOTAL)
        if total is None or total == 0:
            raise InvalidAmountError("yearly", "a benchmark needs its total, above 0")
        parts = [self.yearly[p] for p in PARTS if p in self.yearly]
        if self.kind is BenchmarkKind.MINIMUM_STANDARD and parts:
            raise CoreError("yearly", "a minimum standard has a total only", code="inconsistent")
        slack = Decimal("0.5") * len(parts)
        added = money_total(parts)
        if added > total + slack or (len(parts) == len(PARTS) and added < total - slack):
            raise InvalidAmountError(
                "yearly",
                f"the categories add up to {added}, not the total {total}",
                code="parts_not_total",
                params={"parts": added, "total": total},
            )
        return self

    @property
    def has_parts(self) -> bool:
        return any(part in self.yearly for part in PARTS)

    def monthly(self, *categories: BenchmarkCategory) -> Decimal:
        """The categories' amount a person a month as shown: yearly ÷ 12, to the fen (half up).

        >>> NBS_2024_ALL.monthly(BenchmarkCategory.FOOD), NBS_2024_RURAL.monthly()
        (Decimal('700.92'), Decimal('1606.67'))
        """
        chosen = categories or (BenchmarkCategory.TOTAL,)
        return round_fen(money_total(self.yearly[c] for c in chosen) / MONTHS_A_YEAR)


def _nbs_2024(population: Population, yearly: Mapping[BenchmarkCategory, int]) -> Benchmark:
    return Benchmark(
        id=f"nbs-2024-{population.value}",
        name=f"living_costs.benchmark.nbs_2024_{population.value}",
        source="living_costs.source.nbs_2024",
        catalogued=True,
        year=2024,
        population=population,
        yearly={category: Decimal(amount) for category, amount in yearly.items()},
    )


C = BenchmarkCategory
#: 国家统计局《2024年居民收入和消费支出情况》: per-capita consumption expenditure, all residents.
NBS_2024_ALL = _nbs_2024(
    Population.ALL,
    {
        C.TOTAL: 28_227,
        C.FOOD: 8_411,
        C.CLOTHING: 1_521,
        C.HOUSING: 6_263,
        C.HOUSEHOLD: 1_547,
        C.TRANSPORT: 3_976,
        C.EDUCATION: 3_189,
        C.HEALTH: 2_547,
        C.OTHER: 773,
    },
)
NBS_2024_URBAN = _nbs_2024(Population.URBAN, {C.TOTAL: 34_557})
NBS_2024_RURAL = _nbs_2024(Population.RURAL, {C.TOTAL: 19_280})
#: The benchmarks RepayTalk ships, the default first.
SHIPPED: tuple[Benchmark, ...] = (NBS_2024_ALL, NBS_2024_URBAN, NBS_2024_RURAL)
DEFAULT_BENCHMARK = NBS_2024_ALL


class CostLine(StrEnum):
    """One line of the comparison (see :data:`LINES`)."""

    HOUSING = "housing"
    FOOD = "food"
    TRANSPORT = "transport"
    MEDICAL = "medical"
    EDUCATION = "education"
    OTHER = "other"
    #: All compared categories against the total, for a benchmark without categories.
    TOTAL = "total"


class LineRule(BaseModel):
    model_config = ConfigDict(frozen=True)

    line: CostLine
    budget: tuple[CostCategory, ...]
    benchmark: tuple[BenchmarkCategory, ...]


B = CostCategory
#: Which budget categories are compared with which benchmark categories, in display order.
LINES: tuple[LineRule, ...] = (
    LineRule(line=CostLine.HOUSING, budget=(B.HOUSING, B.UTILITIES), benchmark=(C.HOUSING,)),
    LineRule(line=CostLine.FOOD, budget=(B.FOOD,), benchmark=(C.FOOD,)),
    LineRule(line=CostLine.TRANSPORT, budget=(B.TRANSPORT,), benchmark=(C.TRANSPORT,)),
    LineRule(line=CostLine.MEDICAL, budget=(B.MEDICAL,), benchmark=(C.HEALTH,)),
    LineRule(line=CostLine.EDUCATION, budget=(B.EDUCATION,), benchmark=(C.EDUCATION,)),
    LineRule(line=CostLine.OTHER, budget=(B.OTHER,), benchmark=(C.CLOTHING, C.HOUSEHOLD, C.OTHER)),
)
#: Budget categories no benchmark line covers.
NOT_COMPARED: tuple[CostCategory, ...] = (B.DEPENDANTS,)
#: For a benchmark with totals only: every compared budget category against the total.
TOTAL_LINE = LineRule(
    line=CostLine.TOTAL,
    budget=tuple(category for rule in LINES for category in rule.budget),
    benchmark=(C.TOTAL,),
)
#: Each budget category's line (``None``: not compared).
CATEGORY_MAP: Mapping[CostCategory, CostLine | None] = {
    **{category: rule.line for rule in LINES for category in rule.budget},
    **{category: None for category in NOT_COMPARED},
}


class LineComparison(BaseModel):
    """One line: the budget's cost and the benchmark's, a person a month, as shown (to the
    fen); ``well_above`` decided on the exact figures."""

    model_config = ConfigDict(frozen=True)

    line: CostLine
    amount: Decimal
    reference: Decimal
    well_above: bool


class NoteKind(StrEnum):
    #: A line well above the benchmark: a lender may ask to cut it.
    WELL_ABOVE = "well_above"
    #: The essential costs are below the living floor: the floor is kept instead.
    BELOW_FLOOR = "below_floor"


class BenchmarkNote(BaseModel):
    """Advice on a budget, worded by ``living_costs.note.<kind>``.

    ``well_above``: ``amount`` is the line's cost a person a month, ``reference`` the
    benchmark's, ``benchmark`` names the source and year. ``below_floor``: ``amount`` is the
    household's essential costs a month, ``reference`` its living floor; no benchmark.
    """

    model_config = ConfigDict(frozen=True)

    kind: NoteKind
    line: CostLine | None = None
    amount: Decimal
    reference: Decimal
    benchmark: Benchmark | None = None

    @property
    def key(self) -> str:
        return f"living_costs.note.{self.kind.value}"


def _household_size(budget: Budget, household_size: int | None) -> int:
    size = budget.household_size if household_size is None else household_size
    if isinstance(size, bool) or not isinstance(size, int) or size < 1:
        raise CoreError(
            "household_size",
            f"must be a whole number of at least 1, got {size!r}",
            code="too_small",
            params={"min": 1},
        )
    if size > MAX_HOUSEHOLD_SIZE:
        raise CoreError(
            "household_size",
            f"at most {MAX_HOUSEHOLD_SIZE}, got {size}",
            code="too_large",
            params={"max": MAX_HOUSEHOLD_SIZE},
        )
    return size


def compare_lines(
    budget: Budget, household_size: int | None, benchmark: Benchmark
) -> tuple[LineComparison, ...]:
    """Every line of the comparison (a table for the page); none for a minimum standard.

    Lines whose benchmark categories are all given; the total line when there are none.
    ``household_size`` ``None`` is the budget's own.
    """
    size = _household_size(budget, household_size)
    if benchmark.kind is BenchmarkKind.MINIMUM_STANDARD:
        return ()
    rules = [rule for rule in LINES if all(c in benchmark.yearly for c in rule.benchmark)]
    if not rules:
        rules = [TOTAL_LINE]
    rows = []
    for rule in rules:
        cost = money_total(
            budget.essential_costs.get(category, ZERO_MONEY) for category in rule.budget
        )
        yearly = money_total(benchmark.yearly[category] for category in rule.benchmark)
        # cost / size > ratio × yearly / 12, without dividing
        well_above = cost * MONTHS_A_YEAR > WELL_ABOVE_RATIO * yearly * size
        rows.append(
            LineComparison(
                line=rule.line,
                amount=round_fen(cost / size),
                reference=benchmark.monthly(*rule.benchmark),
                well_above=well_above,
            )
        )
    return tuple(rows)


def compare_budget(
    budget: Budget,
    household_size: int | None,
    benchmark: Benchmark,
    floor: Decimal | int | str | None = None,
) -> tuple[BenchmarkNote, ...]:
    """The notes on ``budget`` against ``benchmark``: the floor note first (when the essential
    costs are below ``floor``), then each line well above the benchmark, in :data:`LINES`
    order. ``household_size`` and ``floor`` ``None`` are the budget's own. Never a note that
    a cost is too low; never an error for what the budget holds.
    """
    living_floor = budget.living_floor if floor is None else to_money(floor, "living_floor")
    notes = []
    if budget.essential_total < living_floor:
        notes.append(
            BenchmarkNote(
                kind=NoteKind.BELOW_FLOOR,
                amount=round_fen(budget.essential_total),
                reference=round_fen(living_floor),
            )
        )
    for row in compare_lines(budget, household_size, benchmark):
        if row.well_above:
            notes.append(
                BenchmarkNote(
                    kind=NoteKind.WELL_ABOVE,
                    line=row.line,
                    amount=row.amount,
                    reference=row.reference,
                    benchmark=benchmark,
                )
            )
    return tuple(notes)


def floor_from(benchmark: Benchmark, household_size: int) -> Decimal:
    """The living floor a minimum standard gives: its monthly amount (to the fen) × household
    size, by :func:`core.affordability.living_floor_for`.

    >>> local = Benchmark(id="city-dibao", name="示例市低保标准", source="示例市民政局",
    ...                   year=2025, kind=BenchmarkKind.MINIMUM_STANDARD, region="示例市",
    ...                   yearly={"total": 1000 * 12})
    >>> floor_from(local, 2)
    Decimal('2000.00')
    """
    if benchmark.kind is not BenchmarkKind.MINIMUM_STANDARD:
        raise CoreError("benchmark", "only a minimum standard gives a floor", code="inconsistent")
    return living_floor_for(benchmark.monthly(), household_size)
