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
