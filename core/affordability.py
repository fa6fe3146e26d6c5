"""A household's monthly budget and whether its debts' current demands fit it.

Capacity — what the household can put towards its debts each month::

    protected = max(essential costs, living floor)
    capacity  = max(0, net income − protected − buffer)

The living floor is the least the household must keep whatever its costs, e.g. the local
minimum living standard (低保标准) × household size (:func:`living_floor_for`).

The assessment compares capacity with what the current contracts demand this month
(:attr:`core.debts.Debt.monthly_demand`, overdue amounts included):

- shortfall = max(0, demand − capacity);
- the regular demand is what the contracts ask in a usual month, arrears left out
  (:attr:`core.debts.Debt.regular_payment`), with its own shortfall and spare, so a page can
  show both "this month" and "every month after";
- debt-service ratio = demand ÷ net income (``None`` without income);
- status ``unaffordable`` when there is a shortfall; ``stretched`` when the debt-service ratio
  is above ``dsr_limit`` (default 50 %) or the demand takes more than ``1 − headroom``
  (default 90 %) of the capacity; ``affordable`` otherwise.

Reasons are :class:`core.reasons.Reason` codes with parameters, worded by
:func:`core.reasons.describe`.

Example: 4,000 of income, 3,200 of essential costs → 800 a month of capacity; a contract
demanding 500.00 leaves 300.00 spare, a debt-service ratio of 12.5 %: affordable.

The guide's case (来分期, 12,000 at 18 % over 12 months, 900 overdue, 1,500 of arrears) demands
3,437.90 this month → 2,637.90 short of 800; its regular installment, 1,017.65, is 217.65 short.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from core.debts import Debt, baseline_plan
from core.errors import InvalidAmountError
from core.limits import MAX_HOUSEHOLD_SIZE, MAX_INCOME_ITEMS, MAX_LABEL_LENGTH, MAX_MONEY
from core.money import ZERO_MONEY, Money, calc_context, money_total, to_money, to_rate
from core.reasons import Reason


class CostCategory(StrEnum):
    HOUSING = "housing"
    FOOD = "food"
    TRANSPORT = "transport"
    UTILITIES = "utilities"
    MEDICAL = "medical"
    EDUCATION = "education"
    DEPENDANTS = "dependants"
    OTHER = "other"


class IncomeItem(BaseModel):
    """One source of monthly net income (salary, pension, benefits, ...)."""

    model_config = ConfigDict(frozen=True)

    label: str = Field(default="", max_length=MAX_LABEL_LENGTH)
    amount: Money


class Budget(BaseModel):
    """A household's monthly budget; amounts are monthly and net.

    Each amount, and the net income in total, is at most :data:`core.limits.MAX_MONEY`.
    """

    model_config = ConfigDict(frozen=True)

    id: int | None = None
    incomes: tuple[IncomeItem, ...] = Field(default=(), max_length=MAX_INCOME_ITEMS)
    essential_costs: dict[CostCategory, Money] = Field(default_factory=dict)
    household_size: int = Field(default=1, ge=1, le=MAX_HOUSEHOLD_SIZE)
    living_floor: Money = ZERO_MONEY
    buffer: Money = ZERO_MONEY

    @field_validator("incomes", mode="before")
    @classmethod
    def _amounts_become_items(cls, value: object) -> object:
        """Accept plain amounts as unnamed income items."""
        if isinstance(value, list | tuple):
            return tuple(
                {"amount": item} if isinstance(item, int | float | str | Decimal) else item
                for item in value
            )
        return value

    @model_validator(mode="after")
    def _income_within_the_limit(self) -> Budget:
        if self.net_income > MAX_MONEY:
            raise InvalidAmountError(
                "incomes",
                f"the net income {self.net_income} is above the most accepted, {MAX_MONEY}",
                code="too_large",
                params={"max": MAX_MONEY},
            )
        return self

    @property
    def net_income(self) -> Decimal:
        return money_total(item.amount for item in self.incomes)

    @property
    def essential_total(self) -> Decimal:
        return money_total(self.essential_costs.values())

    @property
    def protected(self) -> Decimal:
        """What the household keeps for living: the larger of its costs and its floor."""
        return max(self.essential_total, self.living_floor)

    @property
    def capacity(self) -> Decimal:
        """What the household can pay towards its debts each month (never negative)."""
        return max(ZERO_MONEY, self.net_income - self.protected - self.buffer)


def living_floor_for(minimum_living_standard: Decimal | int | str, household_size: int) -> Decimal:
    """A living floor: the local monthly minimum living standard per person × household size."""
    per_person = to_money(minimum_living_standard, "minimum_living_standard")
    if household_size < 1:
        raise ValueError("household_size: must be at least 1")
    return per_person * household_size


class AffordabilityStatus(StrEnum):
    AFFORDABLE = "affordable"
    STRETCHED = "stretched"
    UNAFFORDABLE = "unaffordable"


class Affordability(BaseModel):
    """The outcome of :func:`assess_affordability`."""

    model_config = ConfigDict(frozen=True)

    net_income: Decimal
    essential_costs: Decimal
    living_floor: Decimal
    protected: Decimal
    buffer: Decimal
    capacity: Decimal
    monthly_demand: Decimal
    shortfall: Decimal
    spare: Decimal
    regular_demand: Decimal
    regular_shortfall: Decimal
    regular_spare: Decimal
    debt_service_ratio: Decimal | None
    status: AffordabilityStatus
    reasons: tuple[Reason, ...]


DEFAULT_DSR_LIMIT = Decimal("0.5")
DEFAULT_HEADROOM = Decimal("0.1")


def assess_affordability(
    budget: Budget,
    debts: Iterable[Debt],
    as_of: date,
    *,
    dsr_limit: Decimal | str = DEFAULT_DSR_LIMIT,
    headroom: Decimal | str = DEFAULT_HEADROOM,
) -> Affordability:
    """Capacity against the contracts' demand this month; see the module docstring."""
    dsr_line = to_rate(dsr_limit, "dsr_limit", maximum=Decimal("10"))
    headroom_share = to_rate(headroom, "headroom", maximum=Decimal("1"))
    debts = list(debts)
    demand = money_total(baseline_plan(debt, as_of).first_payment for debt in debts)
    regular = money_total(debt.regular_payment for debt in debts)
    capacity = budget.capacity
    income = budget.net_income
    context = calc_context()
    ratio = context.divide(demand, income) if income > 0 else None
    shortfall = max(ZERO_MONEY, demand - capacity)
    reasons: list[Reason] = []
    if shortfall > 0:
        status = AffordabilityStatus.UNAFFORDABLE
        reasons.append(
            Reason.of(
                "demand_above_capacity", demand=demand, capacity=capacity, shortfall=shortfall
            )
        )
    else:
        status = AffordabilityStatus.AFFORDABLE
        if demand > 0 and demand > capacity * (1 - headroom_share):
            status = AffordabilityStatus.STRETCHED
            reasons.append(
                Reason.of(
                    "little_headroom", demand=demand, capacity=capacity, spare=capacity - demand
                )
            )
    if ratio is not None and ratio > dsr_line:
        if status is AffordabilityStatus.AFFORDABLE:
            status = AffordabilityStatus.STRETCHED
        reasons.append(Reason.of("dsr_above", ratio=ratio, limit=dsr_line))
    if status is AffordabilityStatus.AFFORDABLE:
        reasons.append(Reason.of("within_capacity", demand=demand, capacity=capacity))
    return Affordability(
        net_income=income,
        essential_costs=budget.essential_total,
        living_floor=budget.living_floor,
        protected=budget.protected,
        buffer=budget.buffer,
        capacity=capacity,
        monthly_demand=demand,
        shortfall=shortfall,
        spare=max(ZERO_MONEY, capacity - demand),
        regular_demand=regular,
        regular_shortfall=max(ZERO_MONEY, regular - capacity),
        regular_spare=max(ZERO_MONEY, capacity - regular),
        debt_service_ratio=ratio,
        status=status,
        reasons=tuple(reasons),
    )
