"""Outcomes (core.outcomes): known answers per counselor, lender and month, and a generated
caseload whose figures are checked against sums written here, independently."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.case_lifecycle import CaseStage, CloseReason, StageChange
from core.errors import CoreError
from core.outcomes import (
    AgreementRecord,
    CaseRecord,
    DebtRecord,
    Dimension,
    forgiven,
    outcomes,
    regular_payment,
    totals,
)
from core.plans import Plan, PlanRow

S = CaseStage
D = Decimal


def row(period: int, principal: str, arrears: str = "0", interest: str = "0") -> PlanRow:
    payment = D(principal) + D(arrears) + D(interest)
    return PlanRow(
        period=period,
        due_date=None,
        payment=payment,
        principal=D(principal),
        interest=D(interest),
        fees=D("0"),
        arrears=D(arrears),
        balance=D("0"),
    )


def steps(*pairs) -> tuple[StageChange, ...]:
    return tuple(
        StageChange(stage=stage, on=on, reason=CloseReason.OTHER if stage is S.CLOSED else None)
        for stage, on in pairs
    )


# 12,000 principal + 1,500 accrued; 6 × 2,000 principal and 900 of the arrears: 600 given up.
EXTENSION = Plan(opening=D("13500.00"), rows=tuple(row(k, "2000", "150") for k in range(1, 7)))
# 5,000 owed (4,000 + 1,000 accrued), settled with 1,000 now and 2,000 next month.
SETTLEMENT = Plan(opening=D("5000.00"), rows=(row(0, "0", "1000"), row(1, "2000")))


def test_a_plans_regular_payment_and_what_it_gives_up():
    assert regular_payment(EXTENSION) == D("2150.00")
    assert forgiven(EXTENSION) == D("600.00")
    assert regular_payment(SETTLEMENT) == D("2000.00")
    assert forgiven(SETTLEMENT) == D("2000.00")  # the arrears repaid first, principal given up
    assert regular_payment(Plan(opening=D("1"), rows=())) == D("0")


CASES = [
    CaseRecord(
        client_id=1,
        counselor_id=10,
        history=steps(
            (S.OPEN, date(2026, 1, 10)),
            (S.ASSESSING, date(2026, 1, 12)),
            (S.NEGOTIATING, date(2026, 2, 1)),
            (S.AGREED, date(2026, 3, 20)),
            (S.REPAYING, date(2026, 4, 1)),
        ),
    ),
    CaseRecord(
        client_id=2,
        counselor_id=10,
        history=steps((S.ASSESSING, date(2026, 2, 5)), (S.CLOSED, date(2026, 3, 5))),
    ),
    CaseRecord(client_id=3, counselor_id=None, since=date(2026, 3, 15)),
    CaseRecord(client_id=4, counselor_id=11, since=date(2027, 1, 1)),  # not open yet
]
DEBTS = [
    DebtRecord(client_id=1, debt_id=101, lender="来分期", monthly_demand=D("3210.50")),
    DebtRecord(client_id=1, debt_id=102, lender="招联金融", monthly_demand=D("1500.00")),
    DebtRecord(client_id=3, debt_id=301, lender="来分期", monthly_demand=D("800.25")),
    DebtRecord(client_id=9, debt_id=901, lender="另一家", monthly_demand=D("9.99")),  # no case
]
AGREEMENTS = [
    AgreementRecord(client_id=1, debt_id=101, agreed_on=date(2026, 3, 20), plan=EXTENSION),
    AgreementRecord(client_id=3, debt_id=301, agreed_on=date(2026, 5, 16), plan=SETTLEMENT),
    AgreementRecord(client_id=1, debt_id=102, agreed_on=date(2025, 12, 1), plan=SETTLEMENT),
    AgreementRecord(client_id=9, debt_id=901, agreed_on=date(2026, 4, 1), plan=SETTLEMENT),
]
PERIOD = {"start": date(2026, 1, 1), "end": date(2026, 6, 30)}


def stages(**counts) -> dict[CaseStage, int]:
    return {stage: counts.get(stage.value, 0) for stage in S}


def test_totals_known_answer():
    figures = totals(CASES, DEBTS, AGREEMENTS, **PERIOD)
    assert figures.cases == stages(repaying=1, closed=1, open=1)
    assert figures.case_count == 3
    assert figures.debts_negotiated == 2
    assert figures.before == D("4010.75")  # 3,210.50 + 800.25
    assert figures.after == D("4150.00")  # 2,150 + 2,000
    assert figures.monthly_saving == D("-139.25")
    assert figures.forgiven == D("2600.00")
    # client 1: 10 Jan → 20 Mar, 2 months; client 3: since 15 Mar → 16 May, 2 months
    assert (figures.months_total, figures.months_counted, figures.mean_months) == (4, 2, D("2.0"))


def test_by_counselor_known_answer():
    found = outcomes(CASES, DEBTS, AGREEMENTS, by=Dimension.COUNSELOR, **PERIOD)
    assert [f.key for f in found] == [10, None]
    mine, nobodys = found
    assert mine.cases == stages(repaying=1, closed=1)
    assert (mine.debts_negotiated, mine.before, mine.after, mine.forgiven) == (
        1,
        D("3210.50"),
        D("2150.00"),
        D("600.00"),
    )
    assert nobodys.cases == stages(open=1)
    assert (nobodys.debts_negotiated, nobodys.before, nobodys.mean_months) == (
        1,
        D("800.25"),
        D("2.0"),
    )


def test_by_lender_known_answer():
    found = outcomes(CASES, DEBTS, AGREEMENTS, by=Dimension.LENDER, **PERIOD)
    assert [f.key for f in found] == ["招联金融", "来分期"]
    zhaolian, laifenqi = found
    assert zhaolian.cases == stages(repaying=1) and zhaolian.debts_negotiated == 0
    assert laifenqi.cases == stages(repaying=1, open=1)
    assert (laifenqi.debts_negotiated, laifenqi.before, laifenqi.after) == (
        2,
        D("4010.75"),
        D("4150.00"),
    )


def test_by_month_known_answer():
    found = outcomes(CASES, DEBTS, AGREEMENTS, by=Dimension.MONTH, **PERIOD)
    assert [f.key for f in found] == [date(2026, m, 1) for m in range(1, 7)]
    jan, feb, mar, apr, may, jun = found
    assert jan.cases == stages(assessing=1)
    assert feb.cases == stages(negotiating=1, assessing=1)
    assert mar.cases == stages(agreed=1, closed=1, open=1)
    assert mar.debts_negotiated == 1 and mar.after == D("2150.00")
    assert apr.cases == stages(repaying=1, closed=1, open=1) and apr.debts_negotiated == 0
    assert may.debts_negotiated == 1 and may.forgiven == D("2000.00")
    assert jun.cases == apr.cases and jun.debts_negotiated == 0


def test_a_period_that_ends_before_it_starts_is_refused():
    with pytest.raises(CoreError) as caught:
        totals(CASES, DEBTS, AGREEMENTS, start=date(2026, 2, 1), end=date(2026, 1, 1))
    assert caught.value.code == "period_order"


# --- a generated caseload against a direct sum -----------------------------------------------

LENDERS = ["来分期", "招联金融", "微粒贷", "借呗"]
ROAD = [S.OPEN, S.ASSESSING, S.NEGOTIATING, S.AGREED, S.REPAYING, S.COMPLETED]
fen = st.integers(min_value=0, max_value=5_000_000).map(lambda n: D(n) / 100)


@st.composite
def caseloads(draw):
    cases, debts, agreements = [], [], []
    for client_id in range(1, draw(st.integers(1, 12)) + 1):
        opened = draw(st.dates(min_value=date(2025, 6, 1), max_value=date(2026, 12, 31)))
        walked = draw(st.integers(0, len(ROAD)))
        history = steps(*((stage, opened) for stage in ROAD[:walked]))
        cases.append(
            CaseRecord(
                client_id=client_id,
                counselor_id=draw(st.sampled_from([None, 1, 2, 3])),
                history=history,
                since=opened,
            )
        )
        for index in range(draw(st.integers(0, 3))):
            debt_id = client_id * 10 + index
            debts.append(
                DebtRecord(
                    client_id=client_id,
                    debt_id=debt_id,
                    lender=draw(st.sampled_from(LENDERS)),
                    monthly_demand=draw(fen),
                )
            )
            if draw(st.booleans()):
                principal, arrears = draw(fen), draw(fen)
                paid_arrears = draw(st.integers(0, 100)) * arrears / 100
                plan = Plan(
                    opening=principal + arrears,
                    rows=(
                        row(1, str(principal), str(paid_arrears.quantize(D("0.01")))),
                        row(2, "1.00"),
                    ),
                )
                agreements.append(
                    AgreementRecord(
                        client_id=client_id,
                        debt_id=debt_id,
                        agreed_on=draw(
                            st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 6, 30))
                        ),
                        plan=plan,
                    )
                )
    return cases, debts, agreements


def direct_sums(cases, debts, agreements, start, end):
    """The figures summed plainly, one agreement at a time, without core.outcomes."""
    demand = {d.debt_id: d.monthly_demand for d in debts}
    opened = {c.client_id: c.since for c in cases}
    before = after = given_up = D("0")
    count = months = counted = 0
    for a in agreements:
        if not start <= a.agreed_on <= end:
            continue
        count += 1
        before += demand[a.debt_id]
        payments = [r.payment for r in a.plan.rows]
        after += max(payments[1:]) if len(payments) > 1 else payments[0]
        repaid = sum((r.principal + r.arrears for r in a.plan.rows), D("0"))
        given_up += max(D("0"), a.plan.opening - repaid)
        start_day = opened[a.client_id]
        if a.agreed_on >= start_day:
            n = (a.agreed_on.year - start_day.year) * 12 + a.agreed_on.month - start_day.month
            last_day_of_month = (a.agreed_on + timedelta(days=1)).day == 1
            if a.agreed_on.day < start_day.day and not last_day_of_month:
                n -= 1
            months += max(n, 0)
            counted += 1
    open_at_end = sum(1 for c in cases if c.since <= end)
    return count, before, after, given_up, months, counted, open_at_end


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(caseloads())
def test_a_generated_caseloads_figures_are_the_direct_sums(caseload):
    cases, debts, agreements = caseload
    start, end = date(2026, 1, 1), date(2026, 12, 31)
    count, before, after, given_up, months, counted, open_at_end = direct_sums(
        cases, debts, agreements, start, end
    )
    whole = totals(cases, debts, agreements, start=start, end=end)
    assert (whole.debts_negotiated, whole.before, whole.after, whole.forgiven) == (
        count,
        before,
        after,
        given_up,
    )
    assert (whole.months_total, whole.months_counted) == (months, counted)
    assert whole.case_count == open_at_end
    # every grouping shares the same agreements out: their sums are the totals
    for by in Dimension:
        found = outcomes(cases, debts, agreements, start=start, end=end, by=by)
        assert sum(f.debts_negotiated for f in found) == count
        assert sum((f.before for f in found), D("0")) == before
        assert sum((f.after for f in found), D("0")) == after
        assert sum((f.forgiven for f in found), D("0")) == given_up
        assert sum(f.months_total for f in found) == months
    by_counselor = outcomes(cases, debts, agreements, start=start, end=end, by=Dimension.COUNSELOR)
    assert sum(f.case_count for f in by_counselor) == open_at_end
    for stage in S:
        assert sum(f.cases[stage] for f in by_counselor) == whole.cases[stage]
    december = outcomes(cases, debts, agreements, start=start, end=end, by=Dimension.MONTH)[-1]
    assert december.cases == whole.cases
