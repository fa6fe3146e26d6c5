import itertools
from decimal import Decimal

import mpmath
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import NoRateError, NotAnInterestRateError, amortization_schedule
from core.rates import annual_rate_from, annualized_rate, effective_annual_rate

D = Decimal
mpmath.mp.dps = 50


GRID = ["-0.999999999999", "-0.99", "-0.9", "-0.5", "-0.2", "-0.05", "-0.001", "0.0001", "0.01"]
GRID += ["0.05", "0.2", "1", "5", "100", "1e6", "1e9"]


def reference_irr(flows):
    """The per-period IRR at 50 digits: a bracketed root of Σ f_k (1+i)^-k found by mpmath."""
    values = [mpmath.mpf(str(f)) for f in flows]

    def npv(i):
        return mpmath.fsum(v / (1 + i) ** k for k, v in enumerate(values))

    if npv(0) == 0:
        return mpmath.mpf(0)
    grid = [mpmath.mpf(g) for g in GRID]
    low, high = next((a, b) for a, b in itertools.pairwise(grid) if npv(a) * npv(b) <= 0)
    f_low = npv(low)
    while high - low > mpmath.mpf("1e-12") * max(1, abs(low)):
        mid = (low + high) / 2
        f_mid = npv(mid)
        if (f_mid < 0) == (f_low < 0):
            low, f_low = mid, f_mid
        else:
            high = mid
    tol = mpmath.mpf(10) ** -40
    return mpmath.findroot(npv, (low, high), solver="secant", tol=tol, verify=False)


def close(ours: Decimal, flows, tolerance="1e-10", periods_per_year=12):
    """Within ``tolerance`` of the reference; relative to the rate once it is above 100 %."""
    reference = reference_irr(flows) * periods_per_year
    scale = max(mpmath.mpf(1), abs(reference))
    return abs(mpmath.mpf(str(ours)) - reference) < mpmath.mpf(tolerance) * scale


# --- quoted rates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("quote", "kind", "basis", "expected"),
    [
        ("0.18", "annual", None, "0.18"),
        ("0.015", "monthly", None, "0.18"),
        ("0.0005", "daily", 360, "0.18"),
        ("0.0005", "daily", 365, "0.1825"),
        ("0.0002", "daily", 365, "0.073"),
    ],
)
def test_quoted_rates_become_nominal_annual_rates(quote, kind, basis, expected):
    assert annual_rate_from(quote, kind, day_basis=basis) == D(expected)


def test_a_daily_rate_needs_its_day_basis_stated():
    with pytest.raises(ValueError, match="day_basis"):
        annual_rate_from("0.0005", "daily")


def test_a_monthly_fee_rate_is_not_an_interest_rate():
    with pytest.raises(NotAnInterestRateError, match="not an interest rate"):
        annual_rate_from("0.006", "monthly_fee")


def test_a_monthly_fee_rate_with_its_term_gives_the_true_annualized_rate():
    rate = annual_rate_from("0.006", "monthly_fee", months=12)
    assert close(rate, [12000] + [-1072] * 12)
    assert rate.quantize(D("0.0001")) == D("0.1303")


@pytest.mark.parametrize(
    ("quote", "kind"), [("5", "annual"), ("-0.1", "monthly"), ("abc", "annual")]
)
def test_bad_quotes_are_refused(quote, kind):
    with pytest.raises(ValueError, match="quote"):
        annual_rate_from(quote, kind)


def test_unknown_quote_kinds_are_refused():
    with pytest.raises(ValueError):
        annual_rate_from("0.1", "weekly")


def test_effective_annual_rate_compounds_the_periodic_rate():
    assert effective_annual_rate("0.01").quantize(D("1e-12")) == D("0.126825030132")
    assert effective_annual_rate(0) == 0


# --- the annualized rate: known answers --------------------------------------------------------


def test_a_point_six_percent_monthly_fee_costs_about_13_percent_a_year():
    flows = [12000] + [-1072] * 12
    rate = annualized_rate(flows)
    assert rate.quantize(D("0.0001")) == D("0.1303")
    assert close(rate, flows)


def test_the_rate_of_a_plain_loan_is_its_contract_rate():
    s = amortization_schedule(100000, "0.049", 12)
    # Payments are rounded to the fen, so the rate agrees to about 1e-6, not exactly.
    assert abs(s.annualized_rate() - D("0.049")) < D("1e-5")
    assert close(s.annualized_rate(), s.cash_flows())


def test_a_fee_deducted_up_front_raises_the_true_rate():
    s = amortization_schedule(10000, "0.12", 12)
    assert s.annualized_rate(received=9500) > s.annualized_rate() + D("0.08")
    assert close(s.annualized_rate(received=9500), s.cash_flows(9500))


def test_either_sign_convention_gives_the_same_rate():
    flows = [12000] + [-1072] * 12
    assert annualized_rate(flows) == annualized_rate([-f for f in flows])


def test_a_settlement_below_the_balance_has_a_negative_rate():
    flows = [10000, -3000, -3000]
    rate = annualized_rate(flows)
    assert rate < 0
    assert close(rate, flows)


def test_zero_rate_flows_give_zero():
    assert annualized_rate([1200] + [-100] * 12) == 0


@pytest.mark.parametrize("flows", [[], [0, 0, 0], [100, 50, 20], [-1, -2], [5]])
def test_flows_without_a_rate_raise_a_value_error(flows):
    with pytest.raises(NoRateError):
        annualized_rate(flows)


@pytest.mark.parametrize("flows", [[100, "abc"], [100, float("nan")], [100, None]])
def test_non_numeric_flows_name_their_position(flows):
    with pytest.raises(ValueError, match=r"cash_flows\[1\]"):
        annualized_rate(flows)


@pytest.mark.parametrize(
    "flows",
    [
        [100000] + [-8556.17] * 11 + [-8556.12],  # level, 13 periods
        [1000] + [-20] * 59 + [-1000.5],  # balloon
        [5000] + [-500] * 3 + [0] + [-500] * 8,  # a missed month
        [1000, -1500],  # 600 % a year
        [1000] + [-90] * 36,  # 130 %/yr range
        [1_000_000] + [-2778] * 359 + [-2790],  # 361 periods near zero
        [1000, -1000.0001],  # a rate near 0
        [1000] + [-200] * 3 + [-100] * 2 + [-400] * 2,  # steps
        [500_000] + [-2386.66] * 360,  # a 30-year mortgage
    ],
)
def test_the_rate_matches_a_50_digit_reference(flows):
    assert close(annualized_rate(flows), flows)


def test_the_rate_gives_a_present_value_of_zero():
    flows = [9500] + [-888.49] * 12
    i = mpmath.mpf(str(annualized_rate(flows))) / 12
    npv = mpmath.fsum(mpmath.mpf(str(f)) / (1 + i) ** k for k, f in enumerate(flows))
    assert abs(npv) < mpmath.mpf("1e-6")


# --- properties ---------------------------------------------------------------------------------

amounts = st.integers(min_value=1, max_value=10_000_000).map(lambda fen: D(fen) / 100)


@settings(max_examples=60, deadline=None)
@given(
    principal=st.integers(min_value=100, max_value=5_000_000).map(D),
    rate=st.integers(min_value=0, max_value=2_400).map(lambda bp: D(bp) / 10_000),
    months=st.integers(min_value=1, max_value=360),
)
def test_level_schedules_match_the_reference(principal, rate, months):
    flows = amortization_schedule(principal, rate, months).cash_flows()
    ours = annualized_rate(flows)
    assert close(ours, flows)


@settings(max_examples=150, deadline=None)
@given(
    received=amounts, payments=st.lists(st.one_of(st.just(D(0)), amounts), min_size=1, max_size=40)
)
def test_irregular_flows_match_the_reference(received, payments):
    flows = [received, *(-p for p in payments)]
    if not any(payments):
        with pytest.raises(NoRateError):
            annualized_rate(flows)
        return
    assert close(annualized_rate(flows), flows)
