"""Hypothesis strategies shared by the engine's property tests."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from core.schedules import Method

#: Principals from one fen to ten million yuan, to the fen.
principals = st.integers(min_value=1, max_value=1_000_000_000).map(lambda fen: Decimal(fen) / 100)
#: Everyday loan sizes, 100 yuan to 2 million.
loan_principals = st.integers(min_value=10_000, max_value=200_000_000).map(
    lambda fen: Decimal(fen) / 100
)
#: Annual rates from 0 to 36 %, to the basis point hundredth (0.0001 %).
annual_rates = st.integers(min_value=0, max_value=360_000).map(lambda x: Decimal(x) / 1_000_000)
#: Monthly fee rates from 0 to 2 %.
monthly_fee_rates = st.integers(min_value=0, max_value=200).map(lambda x: Decimal(x) / 10_000)
terms = st.integers(min_value=1, max_value=360)
methods = st.sampled_from(list(Method))

# --- planning (core.debts, core.proposals, core.allocation) --------------------------------

#: Money amounts from 0 to 50,000 yuan, to the fen.
small_amounts = st.integers(min_value=0, max_value=5_000_000).map(lambda fen: Decimal(fen) / 100)
#: Shares from 0 to 1 in whole percent.
shares = st.integers(min_value=0, max_value=100).map(lambda pct: Decimal(pct) / 100)


@st.composite
def debts(draw, max_principal_fen: int = 20_000_000):
    """A consumer debt: principal, rate, remaining term, maybe overdue and accrued amounts."""
    from core.debts import Debt, LenderType

    principal = Decimal(draw(st.integers(min_value=10_000, max_value=max_principal_fen))) / 100
    overdue = draw(st.sampled_from([Decimal(0), principal / 4, principal]))
    return Debt(
        creditor=draw(st.sampled_from(["A", "B", "C"])),
        lender_type=draw(st.sampled_from(list(LenderType))),
        outstanding_principal=principal,
        overdue_amount=overdue.quantize(Decimal("0.01")),
        accrued_interest_and_penalties=draw(small_amounts),
        penalty_rate=draw(st.sampled_from([Decimal(0), Decimal("0.18"), Decimal("0.27")])),
        rate_quote=draw(annual_rates),
        remaining_months=draw(st.integers(min_value=1, max_value=60)),
        other_monthly_charges=draw(st.sampled_from([Decimal(0), Decimal("9.90"), Decimal("30")])),
    )


@st.composite
def proposal_sets(draw, debt):
    """One to five proposals of any kind for ``debt`` (a settlement stays within what is owed),
    the contract itself often among them."""
    from datetime import date

    from core.proposals import (
        Baseline,
        Combination,
        DownPayment,
        InterestWaiver,
        LumpSumSettlement,
        PrincipalFirst,
        StopInterest,
        TermExtension,
    )

    months = st.integers(min_value=1, max_value=60)
    owed_fen = int(debt.opening_balance * 100)

    def settlement(share):
        amount = max(Decimal(1), (debt.opening_balance * share).quantize(Decimal("0.01")))
        return LumpSumSettlement(parts=[{"amount": amount, "due_date": date(2026, 4, 15)}])

    def down_payment(fen, n):
        return DownPayment(amount=Decimal(max(1, fen)) / 100, months=n)

    one = st.one_of(
        st.builds(Baseline),
        st.builds(TermExtension, months=months),
        st.builds(InterestWaiver, waiver_share=shares.filter(lambda s: s > 0)),
        st.builds(Combination, months=months, waiver_share=shares),
        st.builds(StopInterest, months=months, waiver_share=shares),
        st.builds(PrincipalFirst, months=months, waiver_share=shares),
        st.builds(down_payment, st.integers(1, max(1, owed_fen // 2)), months),
        st.builds(settlement, shares.filter(lambda s: s > 0)),
    )
    return draw(st.lists(one, min_size=1, max_size=5))


# --- clients and the store -------------------------------------------------------------------

#: Amounts in whole fen, from 0.01 to 100 billion yuan, with two decimal places.
fen_amounts = st.integers(min_value=1, max_value=10_000_000_000_000).map(
    lambda fen: Decimal(fen).scaleb(-2)
)


@st.composite
def id_number_bodies(draw):
    """The first 17 digits of a resident ID number: region, a real birth date, a sequence."""
    from datetime import date

    region = draw(st.integers(min_value=110_000, max_value=659_999))
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2025, 12, 31)))
    sequence = draw(st.integers(min_value=0, max_value=999))
    return f"{region:06d}{born:%Y%m%d}{sequence:03d}"


#: Mainland mobile numbers: 1, then 3-9, then nine digits.
mobile_numbers = st.builds(
    lambda second, rest: f"1{second}{rest:09d}",
    st.sampled_from("3456789"),
    st.integers(min_value=0, max_value=999_999_999),
)


#: Signed amounts to a tenth of a fen, up to ±10 million yuan (for money formatting).
signed_amounts = st.integers(min_value=-10_000_000_000, max_value=10_000_000_000).map(
    lambda x: Decimal(x) / 1000
)
#: Days late for each payment of a monthly plan: on time (0) or up to 27 days late.
days_late_lists = st.lists(st.integers(min_value=0, max_value=27), min_size=1, max_size=24)
