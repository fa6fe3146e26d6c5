"""Every record comes back as it was saved: money to the fen, instants to the microsecond."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from store_samples import (
    SHANGHAI,
    a_budget,
    a_call,
    a_checklist,
    a_client,
    a_debt,
    a_payment,
    a_proposal,
    a_settlement,
    a_task,
)

from core.calls import Payment
from core.debts import Debt
from core.plans import Plan, PlanRow
from store import ProposalStatus


def without_ids(model, **fields):
    return model.model_copy(update={"id": None, "version": 0, **fields})


def test_a_client_comes_back_as_it_was_saved(store):
    client = a_client()
    saved = store.clients.create(client)
    assert saved.id is not None and saved.version == 1
    assert store.clients.get(saved.id) == saved
    assert without_ids(saved) == client


def test_a_client_without_identifiers_or_consent_comes_back(store):
    client = a_client(mobile=None, id_number=None, consent=None, notes="")
    assert without_ids(store.clients.get(store.clients.create(client).id)) == client


def test_a_debt_comes_back_with_every_amount_to_the_fen_and_every_rate_exact(store):
    client = store.clients.create(a_client())
    account = a_debt(client.id)
    saved = store.debts.add(account)
    loaded = store.debts.get(saved.id)
    assert loaded == saved
    assert loaded.debt.id == loaded.id
    debt = loaded.debt
    assert debt.outstanding_principal == Decimal("12345.67")
    assert debt.overdue_amount == Decimal("1072.01")
    assert debt.accrued_interest_and_penalties == Decimal("388.88")
    assert debt.other_monthly_charges == Decimal("19.90")
    assert debt.rate_quote == Decimal("0.000658")
    assert debt.penalty_rate == Decimal("0.36")
    assert all(isinstance(getattr(debt, f), Decimal) for f in ("rate_quote", "penalty_rate"))
    assert loaded.official_channels == account.official_channels
    assert loaded.contract_number == "HT-2024-0315-001"
    assert without_ids(loaded, debt=loaded.debt.model_copy(update={"id": None})) == account


@pytest.mark.parametrize(
    "amount",
    ["0.01", "0.10", "1072.01", "99999999.99", "100000000.00"],  # up to core.limits.MAX_MONEY
)
def test_money_survives_the_database_to_the_fen_at_any_size(store, amount):
    client = store.clients.create(a_client())
    debt = Debt(creditor="某银行信用卡", outstanding_principal=Decimal(amount), remaining_months=12)
    saved = store.debts.add(a_debt(client.id).model_copy(update={"debt": debt}))
    assert store.debts.get(saved.id).debt.outstanding_principal == Decimal(amount)
    payment = store.payments.record(a_payment(client.id, amount=amount))
    assert store.payments.get(payment.id).amount == Decimal(amount)


def test_a_debt_with_a_fraction_of_a_fen_is_refused_not_rounded(store):
    from store import InvalidDataError

    client = store.clients.create(a_client())
    debt = Debt(creditor="某银行", outstanding_principal=Decimal("100.005"), remaining_months=12)
    with pytest.raises(InvalidDataError) as caught:
        store.debts.add(a_debt(client.id).model_copy(update={"debt": debt}))
    assert caught.value.field == "outstanding_principal"
    assert store.debts.list_for_client(client.id) == []


def test_payments_add_up_exactly_in_the_database(store):
    client = store.clients.create(a_client())
    debt = store.debts.add(a_debt(client.id))
    # 0.10 + 0.20 + 1072.01 = 1072.31 exactly; as floats 0.1 + 0.2 is 0.30000000000000004.
    store.payments.record_many(
        [a_payment(client.id, amount=a, debt_id=debt.id) for a in ("0.10", "0.20", "1072.01")]
    )
    assert store.payments.total_for_debt(debt.id) == Decimal("1072.31")
    assert store.payments.total_for_debt(debt.id + 1000) == Decimal("0")


def test_a_budget_version_comes_back_with_its_amounts(store):
    client = store.clients.create(a_client())
    budget = a_budget()
    saved = store.budgets.add_version(client.id, date(2026, 3, 1), budget)
    loaded = store.budgets.get(saved.id)
    assert loaded == saved
    assert loaded.budget.model_copy(update={"id": None}) == budget
    assert loaded.budget.incomes[1].amount == Decimal("1200.5")
    assert loaded.budget.net_income == budget.net_income == Decimal("8000.50")


def test_the_budget_in_force_is_the_latest_version_not_after_the_day(store):
    client = store.clients.create(a_client())
    march = store.budgets.add_version(client.id, date(2026, 3, 1), a_budget())
    lower = a_budget().model_copy(update={"buffer": Decimal("0")})
    may = store.budgets.add_version(client.id, date(2026, 5, 1), lower)
    assert store.budgets.current(client.id, date(2026, 2, 28)) is None
    assert store.budgets.current(client.id, date(2026, 4, 30)).id == march.id
    assert store.budgets.current(client.id, date(2026, 5, 1)).id == may.id
    assert store.budgets.current(client.id).id == may.id
    assert [v.id for v in store.budgets.history(client.id)] == [march.id, may.id]


def test_proposals_of_every_shape_come_back_as_the_right_model(store):
    client = store.clients.create(a_client())
    debt = store.debts.add(a_debt(client.id))
    stop = store.proposals.save(a_proposal(client.id, debt.id))
    settle = store.proposals.save(a_settlement(client.id))
    assert store.proposals.get(stop.id) == stop
    assert store.proposals.get(settle.id) == settle
    assert type(store.proposals.get(settle.id).proposal).__name__ == "LumpSumSettlement"
    assert store.proposals.get(settle.id).proposal.parts[1].amount == Decimal("5000.01")


def test_the_agreed_plan_is_kept_as_agreed_and_only_one_is_agreed(store):
    client = store.clients.create(a_client())
    debt = store.debts.add(a_debt(client.id))
    first = store.proposals.save(a_proposal(client.id, debt.id))
    second = store.proposals.save(a_proposal(client.id, debt.id, title="另一方案"))
    plan = Plan(
        opening=Decimal("12734.55"),
        rows=(
            PlanRow(
                period=1,
                due_date=date(2026, 4, 20),
                payment=Decimal("353.74"),
                principal=Decimal("353.74"),
                interest=Decimal("0.00"),
                fees=Decimal("0.00"),
                arrears=Decimal("0.00"),
                balance=Decimal("12380.81"),
            ),
        ),
    )
    agreed = store.proposals.agree(first, date(2026, 3, 5), plan)
    assert store.proposals.agreed(client.id, debt.id) == agreed
    assert store.proposals.get(first.id).plan == plan
    store.proposals.agree(store.proposals.get(second.id), date(2026, 3, 9))
    assert store.proposals.agreed(client.id, debt.id).id == second.id
    demoted = store.proposals.get(first.id)
    assert (demoted.status, demoted.agreed_on) == (ProposalStatus.SAVED, None)


def test_a_call_comes_back_at_the_same_instant_in_utc(store):
    client = store.clients.create(a_client())
    debt = store.debts.add(a_debt(client.id))
    call = a_call(
        client.id,
        at=datetime(2026, 3, 1, 21, 30, 15, 123456, tzinfo=SHANGHAI),
        debt_id=debt.id,
    )
    saved = store.calls.add(call)
    loaded = store.calls.get(saved.id)
    assert loaded == saved
    assert without_ids(loaded) == call
    # Stored in UTC: 21:30:15.123456 in Shanghai is 13:30:15.123456 UTC.
    assert loaded.at.utcoffset().total_seconds() == 0
    assert loaded.at == datetime(2026, 3, 1, 13, 30, 15, 123456, tzinfo=UTC)


def test_a_task_and_its_completion_time_come_back(store):
    client = store.clients.create(a_client())
    call, (task,) = store.calls.add_with_tasks(a_call(client.id), [a_task(None)])
    assert (task.client_id, task.source_call_id) == (client.id, call.id)
    assert store.tasks.get(task.id) == task
    done = store.tasks.complete(task, datetime(2026, 3, 2, 9, 15, tzinfo=SHANGHAI))
    loaded = store.tasks.get(task.id)
    assert loaded == done
    assert loaded.done_at == datetime(2026, 3, 2, 1, 15, tzinfo=UTC)


def test_a_checklist_comes_back_and_is_found_for_its_debt(store):
    client = store.clients.create(a_client())
    debt = store.debts.add(a_debt(client.id))
    general = store.checklists.save(a_checklist(client.id))
    for_debt = store.checklists.save(a_checklist(client.id, debt.id))
    assert store.checklists.get(general.id) == general
    assert store.checklists.for_client(client.id) == general
    assert store.checklists.for_client(client.id, debt.id) == for_debt
    ready = store.checklists.save(general.model_copy(update={"income_proof": True}))
    assert ready.version == 2 and store.checklists.get(general.id).income_proof


def test_a_payment_comes_back_linked_to_its_debt_and_plan(store):
    client = store.clients.create(a_client())
    debt = store.debts.add(a_debt(client.id))
    proposal = store.proposals.save(a_proposal(client.id, debt.id))
    payment = a_payment(client.id, debt_id=debt.id, proposal_id=proposal.id, reference="流水 0042")
    saved = store.payments.record(payment)
    assert store.payments.get(saved.id) == saved
    assert without_ids(saved) == payment
    assert store.payments.list_for_debt(debt.id) == [saved]
    assert isinstance(saved, Payment)


def test_lists_come_in_time_order(store):
    client = store.clients.create(a_client())
    times = [datetime(2026, 3, day, 10, 0, tzinfo=SHANGHAI) for day in (3, 1, 2)]
    for at in times:
        store.calls.add(a_call(client.id, at=at, next_action_on=None, next_action=""))
    newest_first = [call.at.day for call in store.calls.list_for_client(client.id)]
    assert newest_first == [3, 2, 1]
    oldest_first = store.calls.list_for_client(client.id, newest_first=False)
    assert [call.at.day for call in oldest_first] == [1, 2, 3]
    since = store.calls.list_for_client(client.id, since=datetime(2026, 3, 2, 2, 0, tzinfo=UTC))
    assert [call.at.day for call in since] == [3, 2]
