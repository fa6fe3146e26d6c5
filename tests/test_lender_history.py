"""core.lender_history: lenders' names through the alias table, and what each lender did with
each kind of proposal — counts, the median days to agreement, the deepest waiver and the
longest term agreed — on figures worked out by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from pydantic import ValidationError

from core.lender_history import (
    Answer,
    KindHistory,
    LenderAlias,
    ProposalRecord,
    alias_key,
    alias_map,
    lender_history,
    median_days,
    normalise_lender,
)
from core.proposals import ProposalKind

STOP = ProposalKind.STOP_INTEREST
WAIVER = ProposalKind.INTEREST_WAIVER
FIRST_CALL = date(2026, 3, 1)


def record(answer: Answer, lender: str = "来分期", kind: ProposalKind = STOP, **changes):
    fields = {"kind": kind, "answer": answer, "lender": lender, "first_call_on": FIRST_CALL}
    return ProposalRecord(**{**fields, **changes})


def agreed(days: int, **changes) -> ProposalRecord:
    return record(
        Answer.AGREED, agreed_on=date.fromordinal(FIRST_CALL.toordinal() + days), **changes
    )


ALIASES = {"lfq": "来分期", "来分期app": "来分期"}


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("LFQ", "lfq"),
        ("  ＬＦＱ　", "lfq"),  # full-width letters and an ideographic space
        ("来分期ＡＰＰ", "来分期app"),
        ("Ping An  Bank", "ping an bank"),
        ("招商银行", "招商银行"),
    ],
)
def test_alias_key_trims_folds_case_and_full_width(written, key):
    assert alias_key(written) == key


@pytest.mark.parametrize(
    ("written", "lender"),
    [
        ("LFQ", "来分期"),
        ("ｌｆｑ", "来分期"),
        ("来分期APP", "来分期"),
        (" 来分期 ", "来分期"),
        ("招商银行", "招商银行"),
        ("ＣＭＢ", "CMB"),  # no alias: itself, in half-width forms
    ],
)
def test_normalise_lender_follows_the_alias_table(written, lender):
    assert normalise_lender(written, ALIASES) == lender


def test_an_alias_table_written_as_typed_is_read_in_normal_form():
    assert normalise_lender("lfq", {"LFQ ": "来分期"}) == "来分期"


def test_an_alias_is_kept_in_normal_form_and_mapped():
    alias = LenderAlias(alias=" ＬＦＱ ", lender=" 来分期 ")
    assert (alias.alias, alias.lender) == ("lfq", "来分期")
    assert alias_map([alias, LenderAlias(alias="CMB", lender="招商银行")]) == {
        "lfq": "来分期",
        "cmb": "招商银行",
    }
    with pytest.raises(ValidationError):
        LenderAlias(alias="  ", lender="来分期")


@pytest.mark.parametrize(
    ("days", "median"),
    [
        ([], None),
        ([9], 9),
        ([20, 7, 14], 14),
        ([10, 15], 13),  # 12.5 rounds half up
        ([10, 14], 12),
        ([3, 8, 1, 30], 6),  # (3 + 8) / 2 = 5.5 → 6
        ([0, 0], 0),
    ],
)
def test_median_days(days, median):
    assert median_days(days) == median


def test_the_guides_line_five_asked_three_agreed_median_fourteen_days():
    records = [
        agreed(14, lender="来分期", waiver_share=Decimal("0.3"), term_months=36),
        agreed(10, lender="LFQ", waiver_share=Decimal("0.5"), term_months=24),
        agreed(21, lender="来分期APP", waiver_share=Decimal("0"), term_months=48),
        record(Answer.REFUSED, lender="ｌｆｑ", term_months=60),
        record(Answer.SAVED, put_on_call=True, waiver_share=Decimal("0.9"), term_months=72),
        # neither put on a call nor answered: not asked
        record(Answer.SAVED, waiver_share=Decimal("0.9")),
    ]
    assert lender_history(records, ALIASES) == {
        ("来分期", STOP): KindHistory(
            asked=5,
            agreed=3,
            refused=1,
            median_days=14,
            deepest_waiver=Decimal("0.5"),
            longest_term=48,
        )
    }


def test_each_lender_and_kind_apart_sorted_by_lender_then_kind_order():
    records = [
        record(Answer.REFUSED, lender="招商银行", kind=WAIVER),
        agreed(30, lender="招商银行", kind=STOP, term_months=60),
        agreed(7, kind=WAIVER, waiver_share=Decimal("0.6")),
        agreed(4, kind=WAIVER, waiver_share=Decimal("0.2")),
    ]
    history = lender_history(records, ALIASES)
    # the kinds in ProposalKind's order: the interest waiver before stop-interest
    assert list(history) == [("招商银行", WAIVER), ("招商银行", STOP), ("来分期", WAIVER)]
    assert history[("招商银行", WAIVER)] == KindHistory(asked=1, refused=1)
    assert history[("招商银行", STOP)] == KindHistory(
        asked=1, agreed=1, median_days=30, longest_term=60
    )
    assert history[("来分期", WAIVER)] == KindHistory(
        asked=2, agreed=2, median_days=6, deepest_waiver=Decimal("0.6")
    )


def test_agreements_without_a_call_before_them_have_no_days():
    records = [
        agreed(12),
        record(Answer.AGREED, agreed_on=date(2026, 3, 20), first_call_on=None),
        # agreed before the first call logged about the debt: not counted in the days
        record(Answer.AGREED, agreed_on=date(2026, 2, 20)),
    ]
    assert lender_history(records, {})[("来分期", STOP)] == KindHistory(
        asked=3, agreed=3, median_days=12
    )
    only_undated = [record(Answer.AGREED, agreed_on=date(2026, 3, 20), first_call_on=None)]
    assert lender_history(only_undated, {})[("来分期", STOP)].median_days is None


def test_no_history_when_nothing_was_asked():
    assert lender_history([record(Answer.SAVED)], ALIASES) == {}
    assert lender_history([], ALIASES) == {}


def test_a_lender_written_in_two_cases_without_an_alias_is_one_named_as_first_written():
    records = [record(Answer.REFUSED, lender="LFQ"), agreed(5, lender="ｌｆｑ")]
    assert lender_history(records, {}) == {
        ("LFQ", STOP): KindHistory(asked=2, agreed=1, refused=1, median_days=5)
    }
