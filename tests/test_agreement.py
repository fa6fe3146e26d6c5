"""Issue 17, after the call: the agreed plan starts on the contract's due day, and its reminders
come from the agreement — one per plan and due date, whatever the order of the clicks."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from core.agreement import first_due_date, first_monthly_due, plan_starting_on
from core.calls import FollowUpTask, TaskKind
from core.debts import Debt, LenderType
from core.errors import InvalidTermError
from core.proposals import (
    DownPayment,
    LumpSumSettlement,
    SettlementPart,
    TermExtension,
    evaluate_proposal,
)
from core.rules.followups import AgreedPlanToRemind, installment_reminders, reminder_changes

SH = ZoneInfo("Asia/Shanghai")
D = Decimal
#: The guide's day: Monday 30 November 2026, on the Shanghai clock.
AS_OF = date(2026, 11, 30)
NOW = datetime(2026, 11, 30, 15, 0, tzinfo=SH)


def guide_debt(next_due: date | None = date(2026, 12, 15)) -> Debt:
    """张明's 来分期 loan: 12,000 at 18 %, 900 overdue, 1,500 accrued, due on the 15th."""
    return Debt(
        creditor="来分期",
        lender_type=LenderType.ONLINE_PLATFORM,
        outstanding_principal="12000",
        overdue_amount="900",
        days_overdue=30,
        accrued_interest_and_penalties="1500",
        penalty_rate="0.27",
        rate_quote="0.18",
        remaining_months=12,
        next_due_date=next_due,
    )


def extension_plan(first_due: date = date(2026, 12, 15)):
    proposal = TermExtension(months=24)
    result = evaluate_proposal(guide_debt(), proposal, "800", AS_OF)
    return plan_starting_on(proposal, result.plan, AS_OF, first_due)


# --- the first installment's date -------------------------------------------------------------


@pytest.mark.parametrize(
    ("next_due", "expected"),
    [
        (date(2026, 12, 15), date(2026, 12, 15)),  # the contract's next due date
        (date(2026, 11, 30), date(2026, 11, 30)),  # due today: still ahead
        (date(2026, 10, 15), date(2026, 12, 15)),  # passed: the next 15th
        (date(2025, 3, 15), date(2026, 12, 15)),  # long passed: still the next 15th
        (date(2026, 11, 2), date(2026, 12, 2)),
        (date(2026, 8, 31), date(2026, 11, 30)),  # the 31st falls on 30 November
        (None, date(2026, 12, 30)),  # no due day on file: a month on
    ],
)
def test_the_plan_starts_on_the_contracts_due_day_by_default(next_due, expected):
    assert first_due_date(guide_debt(next_due), AS_OF) == expected


def test_a_due_day_of_the_31st_is_the_last_day_of_a_shorter_month():
    assert first_due_date(guide_debt(date(2027, 1, 31)), date(2027, 2, 10)) == date(2027, 2, 28)
    assert first_due_date(guide_debt(date(2026, 12, 31)), date(2027, 3, 1)) == date(2027, 3, 31)
    assert first_due_date(guide_debt(date(2026, 12, 31)), date(2027, 4, 1)) == date(2027, 4, 30)


def test_the_24_month_extension_is_paid_on_the_15th_with_the_same_figures():
    """Issue 17: the plan started a month after today (2026-12-30), not on the 15th."""
    proposal = TermExtension(months=24)
    result = evaluate_proposal(guide_debt(), proposal, "800", AS_OF)
    assert first_monthly_due(result.plan) == date(2026, 12, 30)  # the grid from today
    plan = plan_starting_on(proposal, result.plan, AS_OF, first_due_date(guide_debt(), AS_OF))
    dates = [row.due_date for row in plan.rows]
    assert dates[:3] == [date(2026, 12, 15), date(2027, 1, 15), date(2027, 2, 15)]
    assert dates[-1] == date(2028, 11, 15)
    assert len(dates) == 24
    # The figures are the comparison's: 23 × 661.59 + 661.57 = 15,878.14.
    assert [row.payment for row in plan.rows] == [row.payment for row in result.plan.rows]
    assert plan.rows[0].payment == D("661.59") and plan.rows[-1].payment == D("661.57")
    assert plan.total_paid == D("15878.14")


def test_a_down_payment_stays_on_the_day_of_the_agreement():
    proposal = DownPayment(amount="1000", months=12)
    result = evaluate_proposal(guide_debt(), proposal, "800", AS_OF)
    plan = plan_starting_on(proposal, result.plan, AS_OF, date(2026, 12, 15))
    assert [row.due_date for row in plan.rows[:3]] == [
        date(2026, 11, 30),
        date(2026, 12, 15),
        date(2027, 1, 15),
    ]


def test_a_settlements_parts_keep_their_agreed_dates():
    parts = (SettlementPart(amount="5000", due_date=date(2026, 12, 20)),)
    proposal = LumpSumSettlement(parts=parts)
    result = evaluate_proposal(guide_debt(), proposal, "800", AS_OF)
    assert plan_starting_on(proposal, result.plan, AS_OF, date(2026, 12, 15)) == result.plan


def test_a_first_installment_before_the_agreement_is_refused():
    proposal = TermExtension(months=24)
    result = evaluate_proposal(guide_debt(), proposal, "800", AS_OF)
    with pytest.raises(InvalidTermError) as caught:
        plan_starting_on(proposal, result.plan, AS_OF, date(2026, 11, 29))
    assert caught.value.field == "first_due"


# --- reminders keyed by plan and due date -----------------------------------------------------


def saved(tasks, start=100):
    """``tasks`` as the store would return them: with ids and version 1."""
    return [t.model_copy(update={"id": start + n, "version": 1}) for n, t in enumerate(tasks)]


def apply(existing, changes, start=500):
    """``existing`` with ``changes`` applied, as the store would."""
    removed = {t.id for t in changes.remove}
    updated = {t.id: t for t in changes.update}
    kept = [updated.get(t.id, t) for t in existing if t.id not in removed]
    return kept + saved(changes.add, start)


def test_the_guide_plan_gets_24_reminders_keyed_by_plan_and_due_date():
    reminders = installment_reminders(
        extension_plan(), NOW, proposal_id=7, client_id=1, lender="来分期"
    )
    assert len(reminders) == 24
    assert reminders[0].plan_key == (7, date(2026, 12, 15))
    assert reminders[0].due == datetime(2026, 12, 12, 9, 0, tzinfo=SH)
    assert reminders[0].title == (
        "第1笔还款¥661.59将于2026年12月15日到期：提前备好钱，通过来分期的官方渠道还款。"
    )
    assert len({r.plan_key for r in reminders}) == 24


def test_asking_again_changes_nothing_in_either_language():
    agreed = [AgreedPlanToRemind(proposal_id=7, plan=extension_plan(), lender="来分期")]
    first = reminder_changes([], agreed, NOW, client_id=1)
    assert (len(first.add), first.update, first.remove) == (24, (), ())
    now_saved = apply([], first)
    for lang in ("zh-CN", "en"):
        later = NOW + timedelta(hours=3)
        assert reminder_changes(now_saved, agreed, later, client_id=1, language=lang).empty


def test_another_plan_agreed_replaces_the_open_reminders_and_keeps_the_done_ones():
    old = [AgreedPlanToRemind(proposal_id=7, plan=extension_plan(), lender="来分期")]
    existing = apply([], reminder_changes([], old, NOW, client_id=1))
    done = existing[0].model_copy(update={"done": True, "done_at": NOW})
    existing = [done, *existing[1:]]
    proposal = TermExtension(months=12)
    result = evaluate_proposal(guide_debt(), proposal, "1200", AS_OF)
    new_plan = plan_starting_on(proposal, result.plan, AS_OF, date(2026, 12, 15))
    new = [AgreedPlanToRemind(proposal_id=8, plan=new_plan, lender="来分期")]

    changes = reminder_changes(existing, new, NOW, client_id=1)

    assert len(changes.remove) == 23 and done not in changes.remove
    assert {t.proposal_id for t in changes.remove} == {7}
    assert len(changes.add) == 12 and {t.proposal_id for t in changes.add} == {8}
    after = apply(existing, changes)
    assert done in after  # history
    assert sum(1 for t in after if not t.done) == 12


def test_the_same_plan_moved_to_other_dates_moves_its_open_reminders():
    agreed = [AgreedPlanToRemind(proposal_id=7, plan=extension_plan(), lender="来分期")]
    existing = apply([], reminder_changes([], agreed, NOW, client_id=1))
    moved = [
        AgreedPlanToRemind(proposal_id=7, plan=extension_plan(date(2026, 12, 20)), lender="来分期")
    ]
    changes = reminder_changes(existing, moved, NOW, client_id=1)
    assert (len(changes.remove), len(changes.add)) == (24, 24)
    after = apply(existing, changes)
    assert sorted(t.installment_due_on for t in after)[0] == date(2026, 12, 20)


def test_an_open_reminder_of_a_past_due_date_stays_until_done():
    agreed = [AgreedPlanToRemind(proposal_id=7, plan=extension_plan(), lender="来分期")]
    existing = apply([], reminder_changes([], agreed, NOW, client_id=1))
    a_month_later = NOW + timedelta(days=30)
    assert reminder_changes(existing, agreed, a_month_later, client_id=1).empty


def test_a_changed_installment_rewrites_its_open_reminder():
    agreed = [AgreedPlanToRemind(proposal_id=7, plan=extension_plan(), lender="来分期")]
    existing = apply([], reminder_changes([], agreed, NOW, client_id=1))
    renamed = [AgreedPlanToRemind(proposal_id=7, plan=extension_plan(), lender="来分期科技")]
    changes = reminder_changes(existing, renamed, NOW, client_id=1)
    assert (len(changes.update), changes.add, changes.remove) == (24, (), ())
    assert "来分期科技" in changes.update[0].title
    assert changes.update[0].id == existing[0].id


def test_a_reminder_made_before_reminders_were_keyed_is_given_the_key():
    plan = extension_plan()
    legacy = saved(
        installment_reminders(plan, NOW, proposal_id=7, client_id=1, lender="来分期")[:2]
    )
    legacy = [
        t.model_copy(update={"proposal_id": None, "installment_due_on": None}) for t in legacy
    ]
    agreed = [AgreedPlanToRemind(proposal_id=7, plan=plan, lender="来分期")]
    changes = reminder_changes(legacy, agreed, NOW, client_id=1)
    assert len(changes.add) == 22
    assert [(t.id, t.plan_key) for t in changes.update] == [
        (100, (7, date(2026, 12, 15))),
        (101, (7, date(2027, 1, 15))),
    ]


def test_tasks_other_than_installment_reminders_are_left_alone():
    call_task = FollowUpTask(id=1, version=1, client_id=1, title="check the app", due=NOW)
    assert reminder_changes([call_task], [], NOW, client_id=1).empty


def test_a_key_names_an_installment_of_a_reminder_only():
    with pytest.raises(ValueError, match="installment_due_on"):
        FollowUpTask(title="x", due=NOW, installment_due_on=date(2026, 12, 15))
    with pytest.raises(ValueError, match="installment_due_on"):
        FollowUpTask(title="x", due=NOW, kind=TaskKind.INSTALLMENT_REMINDER, proposal_id=7)
