"""The column types: money in whole fen, exact decimals, instants in UTC (no database needed)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from sqlalchemy.dialects import postgresql, sqlite

from store.columns import ExactDecimal, Fen, UTCDateTime, to_fen
from tests.strategies import fen_amounts

SQLITE = sqlite.dialect()
POSTGRES = postgresql.dialect()


@given(fen_amounts)
def test_every_amount_in_whole_fen_round_trips_exactly(amount):
    fen = Fen()
    stored = fen.process_bind_param(amount, SQLITE)
    assert isinstance(stored, int)
    assert fen.process_result_value(stored, SQLITE) == amount


@pytest.mark.parametrize(
    ("amount", "stored"),
    [(Decimal("0.01"), 1), (Decimal("1072.01"), 107201), (Decimal("100"), 10000)],
)
def test_an_amount_is_stored_as_whole_fen(amount, stored):
    assert to_fen(amount) == stored
    assert str(Fen().process_result_value(stored, SQLITE)) == f"{amount:.2f}"


@pytest.mark.parametrize("amount", [Decimal("0.001"), Decimal("1.005"), 1.5, Decimal("NaN")])
def test_a_fraction_of_a_fen_or_a_float_is_refused(amount):
    with pytest.raises(ValueError):
        to_fen(amount)


@pytest.mark.parametrize("text", ["0.000658", "0.36", "1E-12", "123456789.123456789"])
def test_a_rate_is_kept_exactly_on_both_databases(text):
    column = ExactDecimal()
    for dialect in (SQLITE, POSTGRES):
        stored = column.process_bind_param(Decimal(text), dialect)
        assert column.process_result_value(stored, dialect) == Decimal(text)
    assert column.process_bind_param(Decimal(text), SQLITE) == text


def test_an_instant_is_stored_in_utc_and_read_back_aware():
    column = UTCDateTime()
    shanghai = datetime(2026, 3, 1, 23, 30, tzinfo=timezone(timedelta(hours=8)))
    stored = column.process_bind_param(shanghai, SQLITE)
    assert stored == datetime(2026, 3, 1, 15, 30)  # naive UTC text in SQLite
    assert column.process_result_value(stored, SQLITE) == shanghai
    assert column.process_result_value(stored, SQLITE).tzinfo is UTC
    assert column.process_bind_param(shanghai, POSTGRES).tzinfo is UTC


def test_a_naive_datetime_is_refused():
    with pytest.raises(ValueError, match="naive"):
        UTCDateTime().process_bind_param(datetime(2026, 3, 1, 23, 30), SQLITE)
