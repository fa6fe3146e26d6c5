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


# --- valid records, at and inside every limit of core.limits ----------------------------------


def texts(max_size: int, *, min_size: int = 0):
    """Text a counselor may type: any printable characters (Chinese included), NUL aside, no
    surrounding spaces (the models strip them); often exactly at the limit."""
    alphabet = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
    body = st.text(alphabet, min_size=min_size, max_size=max_size).map(str.strip)
    full = st.sampled_from(["张", "a", "Ω", "😀"]).map(lambda c: c * max_size)
    return st.one_of(full, body).filter(lambda text: len(text) >= min_size)


def money_up_to(maximum_fen: int, *, min_fen: int = 0):
    """Whole-fen amounts, the maximum itself included."""
    return st.one_of(
        st.just(maximum_fen), st.integers(min_value=min_fen, max_value=maximum_fen)
    ).map(lambda fen: Decimal(fen).scaleb(-2))


#: Daily rates from 0 to 0.1 % a day.
daily_rates = st.integers(min_value=0, max_value=1_000).map(lambda x: Decimal(x) / 1_000_000)


def _limits():
    import core.limits

    return core.limits


@st.composite
def clients(draw):
    from datetime import date

    from core.clients import Client, Consent, ConsentScope, id_check_char

    limits = _limits()
    consent = draw(
        st.none()
        | st.builds(
            Consent,
            given_on=st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
            scopes=st.frozensets(st.sampled_from(list(ConsentScope)), min_size=1),
        )
    )
    allowed = consent is not None and consent.covers(ConsentScope.STORE_PERSONAL_DATA)
    body = draw(id_number_bodies())
    return Client(
        name=draw(texts(limits.MAX_NAME_LENGTH, min_size=1)),
        mobile=draw(mobile_numbers) if allowed and draw(st.booleans()) else None,
        id_number=body + id_check_char(body) if allowed and draw(st.booleans()) else None,
        household_size=draw(st.integers(min_value=1, max_value=limits.MAX_HOUSEHOLD_SIZE)),
        notes=draw(texts(limits.MAX_NOTES_LENGTH)),
        consent=consent,
    )


@st.composite
def debt_accounts(draw, client_id: int):
    from core.calls import DebtAccount, OfficialChannel, ServiceChannelKind
    from core.debts import Debt, LenderType
    from core.rates import QuoteKind

    limits = _limits()
    most = int(limits.MAX_MONEY * 100)
    kind = draw(st.sampled_from([QuoteKind.ANNUAL, QuoteKind.DAILY, QuoteKind.MONTHLY_FEE]))
    basis = draw(st.sampled_from([360, 365])) if kind is QuoteKind.DAILY else None
    if kind is QuoteKind.MONTHLY_FEE:
        quote, method = draw(monthly_fee_rates), Method.FLAT_FEE
    else:
        rates = daily_rates if kind is QuoteKind.DAILY else annual_rates
        quote = draw(rates)
        method = draw(st.sampled_from([m for m in Method if m is not Method.FLAT_FEE]))
    principal = draw(money_up_to(most, min_fen=1))
    debt = Debt(
        creditor=draw(texts(limits.MAX_CREDITOR_LENGTH, min_size=1)),
        lender_type=draw(st.sampled_from(list(LenderType))),
        product=draw(texts(limits.MAX_PRODUCT_LENGTH)),
        contract_date=draw(st.none() | st.dates()),
        amount_received=draw(st.none() | money_up_to(most)),
        outstanding_principal=principal,
        overdue_amount=draw(money_up_to(most)),
        days_overdue=draw(st.integers(min_value=0, max_value=limits.MAX_DAYS_OVERDUE)),
        accrued_interest_and_penalties=draw(money_up_to(most)),
        penalty_rate=draw(annual_rates),
        rate_quote=quote,
        rate_kind=kind,
        day_basis=basis,
        other_monthly_charges=draw(money_up_to(most)),
        method=method,
        remaining_months=draw(st.integers(min_value=0, max_value=limits.MAX_MONTHS)),
        next_due_date=draw(st.none() | st.dates()),
    )
    channels = st.builds(
        OfficialChannel,
        kind=st.sampled_from(list(ServiceChannelKind)),
        value=texts(limits.MAX_SHORT_TEXT_LENGTH, min_size=1),
        note=texts(limits.MAX_SHORT_TEXT_LENGTH),
    )
    number = draw(texts(limits.MAX_CONTRACT_NUMBER_LENGTH)).replace(" ", "")
    return DebtAccount(
        client_id=client_id,
        debt=debt,
        contract_number="".join(number.split()),
        official_channels=tuple(draw(st.lists(channels, max_size=3))),
        notes=draw(texts(limits.MAX_TEXT_LENGTH)),
    )


@st.composite
def budgets(draw):
    from core.affordability import Budget, CostCategory, IncomeItem

    limits = _limits()
    most = int(limits.MAX_MONEY * 100)
    count = draw(st.integers(min_value=0, max_value=3))
    incomes = [
        IncomeItem(label=draw(texts(limits.MAX_LABEL_LENGTH)), amount=draw(money_up_to(most // 3)))
        for _ in range(count)
    ]
    costs = draw(st.dictionaries(st.sampled_from(list(CostCategory)), money_up_to(most)))
    return Budget(
        incomes=tuple(incomes),
        essential_costs=costs,
        household_size=draw(st.integers(min_value=1, max_value=limits.MAX_HOUSEHOLD_SIZE)),
        living_floor=draw(money_up_to(most)),
        buffer=draw(money_up_to(most)),
    )


@st.composite
def proposals(draw):
    from datetime import date, timedelta

    from core.proposals import (
        Baseline,
        Combination,
        DownPayment,
        InterestWaiver,
        LumpSumSettlement,
        PrincipalFirst,
        SettlementPart,
        StopInterest,
        TermExtension,
    )

    limits = _limits()
    most = int(limits.MAX_MONEY * 100)
    months = st.integers(min_value=1, max_value=limits.MAX_MONTHS)
    label = texts(limits.MAX_LABEL_LENGTH)
    start = draw(st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 1, 1)))
    parts = [
        SettlementPart(amount=draw(money_up_to(most, min_fen=1)), due_date=start + timedelta(i))
        for i in range(draw(st.integers(min_value=1, max_value=3)))
    ]
    return draw(
        st.one_of(
            st.builds(Baseline, label=label),
            st.builds(TermExtension, label=label, months=months),
            st.builds(
                InterestWaiver, label=label, waiver_share=shares.filter(bool), annual_rate=st.none()
            ),
            st.builds(StopInterest, label=label, months=months, waiver_share=shares),
            st.builds(PrincipalFirst, label=label, months=months, interest_months=months),
            st.builds(
                DownPayment,
                label=label,
                amount=money_up_to(most, min_fen=1),
                months=months,
                annual_rate=st.none() | annual_rates,
            ),
            st.just(LumpSumSettlement(label=draw(label), parts=tuple(parts))),
            st.builds(Combination, label=label, months=months, waiver_share=shares),
        )
    )


@st.composite
def instants(draw):
    from datetime import UTC, datetime, timedelta, timezone

    moment = draw(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2040, 1, 1)))
    offset = draw(st.sampled_from([UTC, timezone(timedelta(hours=8))]))
    return moment.replace(tzinfo=offset)
