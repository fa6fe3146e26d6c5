"""One set of limits (``core.limits``): every money field of every ``core`` model, and the
number parsers behind them, refuse what no counselor could mean — with a named error, never
``decimal.InvalidOperation`` or ``OverflowError`` — and every text field has a length limit."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from datetime import date
from decimal import Decimal

import pytest
from pydantic import BaseModel, ValidationError

import core
from core.affordability import Budget, IncomeItem, living_floor_for
from core.calls import Payment
from core.debts import Debt
from core.errors import CoreError, InvalidAmountError
from core.limits import MAX_CREDITOR_LENGTH, MAX_MONEY, MAX_NUMBER_TEXT_LENGTH
from core.money import to_decimal, to_money
from core.proposals import DownPayment, SettlementPart
from core.rules.recovery import RecoveryAssumptions
from core.schedules import LoanTerms

#: What a careless hand or a hostile file may type into any money field.
HOSTILE = {
    "1e30": "1e30",
    "1E+27": "1E+27",
    "1e26": "1e26",
    "beyond": "100000000.01",
    "huge_integer": "100000000000000000",
    "minus_one": "-1",
    "nan": "NaN",
    "snan": "sNaN",
    "infinity": "Infinity",
    "minus_infinity": "-inf",
    "ten_thousand_digits": "1" * 10_000,
    "ten_thousand_letters": "x" * 10_000,
    "float_1e30": 1e30,
    "float_nan": float("nan"),
    "decimal_1e30": Decimal("1e30"),
}


def refused(call, *args, **kwargs) -> CoreError:
    """The named error ``call`` raises (directly or as a pydantic validation error's cause)."""
    with pytest.raises((CoreError, ValidationError)) as caught:
        call(*args, **kwargs)
    error = caught.value
    if isinstance(error, ValidationError):
        causes = [(e.get("ctx") or {}).get("error") for e in error.errors()]
        named = [cause for cause in causes if isinstance(cause, CoreError)]
        assert named, f"no named error behind {error}"
        return named[0]
    return error


# --- the parsers ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", HOSTILE.values(), ids=HOSTILE.keys())
def test_to_money_refuses_with_a_named_error(value):
    error = refused(to_money, value, "income")
    assert isinstance(error, InvalidAmountError)
    assert error.field == "income"
    assert error.code in {"invalid_amount", "too_large", "too_long"}


@pytest.mark.parametrize("value", ["1e30", "1E+27", "100000000.01", 10**17, Decimal("1E+9")])
def test_beyond_the_maximum_is_too_large_and_says_the_maximum(value):
    error = refused(to_money, value, "outstanding_principal")
    assert (error.field, error.code) == ("outstanding_principal", "too_large")
    assert error.params == {"max": MAX_MONEY}


@pytest.mark.parametrize(
    "value", ["1" * 10_000, " " * 5_000 + "1", "1" * (MAX_NUMBER_TEXT_LENGTH + 1)]
)
def test_a_number_longer_than_any_amount_is_too_long(value):
    error = refused(to_decimal, value, "amount")
    assert (error.field, error.code) == ("amount", "too_long")
    assert error.params == {"max": MAX_NUMBER_TEXT_LENGTH}


@pytest.mark.parametrize("value", ["NaN", "sNaN", "-Infinity", "inf", "abc", ""])
def test_not_a_number_is_refused_by_to_decimal(value):
    error = refused(to_decimal, value, "amount")
    assert error.code == "invalid_amount"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("１２０００", Decimal("12000")),
        ("１２，０００.５０", Decimal("12000.50")),
        ("100,000,000.00", MAX_MONEY),
        (" 12,000.50 ", Decimal("12000.50")),
        ("1E+3", Decimal("1000")),
    ],
)
def test_full_width_digits_and_the_maximum_itself_are_accepted(value, expected):
    assert to_money(value) == expected


def test_positive_money_refuses_zero_and_minus_one():
    assert refused(to_money, "0", "amount", positive=True).code == "invalid_amount"
    assert refused(to_money, "-1", "amount", positive=True).code == "invalid_amount"


def test_a_living_floor_beyond_the_maximum_is_refused_by_name():
    error = refused(Budget, living_floor=living_floor_for(MAX_MONEY, 50))
    assert (error.field, error.code) == ("living_floor", "too_large")


# --- every money field of every core model -----------------------------------------------


def core_models() -> list[type[BaseModel]]:
    found = {}
    for info in pkgutil.walk_packages(core.__path__, "core."):
        module = importlib.import_module(info.name)
        for _, value in inspect.getmembers(module, inspect.isclass):
            if issubclass(value, BaseModel) and value.__module__.startswith("core."):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[name] for name in sorted(found)]


def money_fields(model: type[BaseModel]) -> list[str]:
    return [
        name
        for name, info in model.model_fields.items()
        if any(
            getattr(meta, "func", None) is not None
            and getattr(meta.func, "__name__", "")
            in ("_money_validator", "_positive_money_validator")
            for meta in info.metadata
        )
    ]


def _debt(**changes) -> Debt:
    fields = {"creditor": "甲银行", "outstanding_principal": "12000", "remaining_months": 12}
    return Debt(**{**fields, **changes})


#: For each model with money fields: a builder taking one field's value.
BUILDERS = {
    Debt: lambda field, value: _debt(**{field: value}),
    IncomeItem: lambda field, value: IncomeItem(**{field: value}),
    Budget: lambda field, value: Budget(**{field: value}),
    Payment: lambda field, value: Payment(paid_on=date(2026, 3, 1), **{field: value}),
    DownPayment: lambda field, value: DownPayment(months=12, **{field: value}),
    LoanTerms: lambda field, value: LoanTerms(months=12, **{field: value}),
    SettlementPart: lambda field, value: SettlementPart(
        due_date=date(2026, 4, 1), **{field: value}
    ),
    RecoveryAssumptions: lambda field, value: RecoveryAssumptions(**{field: value}),
}
CASES = [(model, field) for model in BUILDERS for field in money_fields(model)]


def test_every_core_model_with_money_fields_is_covered():
    with_money = {model for model in core_models() if money_fields(model)}
    assert with_money == set(BUILDERS)
    assert ("Debt", "outstanding_principal") in {(m.__name__, f) for m, f in CASES}


def test_the_budgets_costs_are_money_too():
    error = refused(Budget, essential_costs={"food": "1e30"})
    assert error.code == "too_large"


@pytest.mark.parametrize("value", ["1e30", "-1", "NaN", "1" * 10_000])
@pytest.mark.parametrize(("model", "field"), CASES, ids=lambda x: getattr(x, "__name__", x))
def test_every_money_field_of_every_core_model_refuses_by_name(model, field, value):
    error = refused(BUILDERS[model], field, value)
    assert error.code in {"invalid_amount", "too_large", "too_long"}


@pytest.mark.parametrize(("model", "field"), CASES, ids=lambda x: getattr(x, "__name__", x))
def test_every_money_field_accepts_the_maximum(model, field):
    built = BUILDERS[model](field, "100,000,000")
    assert getattr(built, field) == MAX_MONEY


def test_a_budgets_income_in_total_stays_within_the_maximum():
    error = refused(Budget, incomes=["60000000", "60000000"])
    assert (error.field, error.code) == ("incomes", "too_large")


# --- text --------------------------------------------------------------------------------


def test_a_150_character_creditor_or_product_is_refused_at_the_model():
    for field in ("creditor", "product"):
        with pytest.raises(ValidationError) as caught:
            _debt(**{field: "某" * 150})
        assert caught.value.errors()[0]["type"] == "string_too_long"
    assert _debt(creditor="某" * MAX_CREDITOR_LENGTH).creditor == "某" * 100


STORED_MODELS = [
    "core.clients.Client",
    "core.debts.Debt",
    "core.calls.Call",
    "core.calls.FollowUpTask",
    "core.calls.DocumentChecklist",
    "core.calls.Payment",
    "core.calls.OfficialChannel",
    "core.calls.DebtAccount",
    "core.affordability.IncomeItem",
    "core.rules.conduct.CollectionContact",
    "core.proposals.TermExtension",
    "core.proposals.LumpSumSettlement",
    "core.rules.hardship.HardshipSituation",
    "core.rules.living_costs.Benchmark",
]


@pytest.mark.parametrize("path", STORED_MODELS)
def test_every_text_field_of_a_stored_model_has_a_length_limit(path):
    module, name = path.rsplit(".", 1)
    model = getattr(importlib.import_module(module), name)
    for field, info in model.model_fields.items():
        if info.annotation in (str, str | None):
            limits = [getattr(meta, "max_length", None) for meta in info.metadata]
            assert any(limits), f"{path}.{field} has no max_length"


@pytest.mark.parametrize(
    "change",
    [
        {"opening": "1E+27"},
        {"opening": "-1E+27"},
        {"row": {"payment": "1E+27"}},
        {"row": {"period": 10**9}},
    ],
    ids=["opening", "negative", "payment", "period"],
)
def test_a_plan_beyond_the_limits_is_refused(change):
    from core.plans import Plan

    row = {"period": 1, "due_date": None, "payment": "1", "principal": "1"}
    row |= {"interest": "0", "fees": "0", "arrears": "0", "balance": "0"}
    row |= change.get("row", {})
    with pytest.raises(ValidationError):
        Plan.model_validate({"opening": change.get("opening", "1"), "rows": [row]})


def test_a_plan_at_the_limits_of_its_inputs_is_within_the_plan_limits():
    from datetime import date as day

    from core.debts import baseline_plan
    from core.proposals import PrincipalFirst, proposal_plan

    debt = _debt(
        outstanding_principal=MAX_MONEY,
        overdue_amount=MAX_MONEY,
        accrued_interest_and_penalties=MAX_MONEY,
        other_monthly_charges=MAX_MONEY,
        penalty_rate="3.65",
        rate_quote="3.65",
        remaining_months=600,
    )
    assert baseline_plan(debt, day(2026, 3, 1)).first_payment > MAX_MONEY
    plan, _ = proposal_plan(debt, PrincipalFirst(months=600, interest_months=600), day(2026, 3, 1))
    assert plan.months == 1200
