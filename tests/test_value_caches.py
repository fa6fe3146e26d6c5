"""The engine's value-keyed caches (issue 19): computed once per value, never a different
figure — the payoff plan and the keys themselves (core.memo)."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.allocation import Strategy, payoff_plan
from core.debts import Debt
from core.errors import BudgetTooLowError
from core.memo import Keyed, clear_caches, exact, keyed
from tests.strategies import debts

AS_OF = date(2026, 3, 15)


def two_debts() -> list[Debt]:
    return [
        Debt(creditor="来分期", outstanding_principal="12000", remaining_months=24),
        Debt(creditor="Card", outstanding_principal="3000", rate_quote="0.24", remaining_months=5),
    ]


def test_a_payoff_plan_is_computed_once_per_value_of_its_inputs():
    """The Debts page rebuilds the client's debts on every rerun: the plan is not redone."""
    first = payoff_plan(two_debts(), "1500", "avalanche", AS_OF)
    again = payoff_plan(two_debts(), "1500", Strategy.AVALANCHE, AS_OF)
    assert again is first
    renamed = [d.model_copy(update={"creditor": f"{d.creditor}!", "id": 9}) for d in two_debts()]
    assert payoff_plan(renamed, "1500", "avalanche", AS_OF) is first


def test_a_payoff_plan_of_other_inputs_is_its_own():
    first = payoff_plan(two_debts(), "1500", "avalanche", AS_OF)
    assert payoff_plan(two_debts(), "1500", "snowball", AS_OF) is not first
    assert payoff_plan(two_debts(), "1600", "avalanche", AS_OF) is not first
    assert payoff_plan(two_debts(), "1500", "avalanche", date(2026, 4, 15)) is not first
    assert payoff_plan(two_debts()[::-1], "1500", "avalanche", AS_OF) is not first


def test_a_refused_budget_is_refused_every_time():
    """An error is not kept as a result."""
    for _ in range(2):
        with pytest.raises(BudgetTooLowError):
            payoff_plan(two_debts()[1:], "60", "avalanche", AS_OF)


@settings(max_examples=40, deadline=None)
@given(
    found=st.lists(debts(), min_size=1, max_size=4),
    budget=st.integers(1, 2_000_000),
    strategy=st.sampled_from(list(Strategy)),
)
def test_a_cached_payoff_plan_is_the_plan_computed_afresh(found, budget, strategy):
    amount = Decimal(budget) / 100
    try:
        payoff_plan(found, amount, strategy, AS_OF)
    except BudgetTooLowError:
        return
    cached = payoff_plan(
        [Debt.model_validate(d.model_dump()) for d in found], amount, strategy, AS_OF
    )
    clear_caches()
    fresh = payoff_plan(found, amount, strategy, AS_OF)
    assert fresh.model_dump_json() == cached.model_dump_json()


def test_keys_tell_apart_what_equality_does_not():
    assert Decimal("1.0") == Decimal("1.00")
    assert Keyed("a", exact(Decimal("1.0"))) != Keyed("a", exact(Decimal("1.00")))
    assert Keyed("a", exact(Decimal("-0"))) != Keyed("a", exact(Decimal("0")))
    assert Keyed("a", exact(Decimal("1.00"))) == Keyed("b", exact(Decimal("1.00")))


def test_an_unhashable_key_is_not_cached():
    assert keyed([1], ([1],)) is None


def test_a_key_survives_pickling_with_its_hash_made_anew():
    import pickle

    key = Keyed("debt", ("来分期", exact(Decimal("12000.00"))))
    again = pickle.loads(pickle.dumps(key))
    assert again == key and hash(again) == hash(key) and again.value == "debt"
    debt = two_debts()[0]
    assert debt.figures_key is not None
    copy = pickle.loads(pickle.dumps(debt))
    assert copy == debt and copy.figures_key == debt.figures_key
    assert copy.contract_plan == debt.contract_plan
