"""English counts take their plural form: "1 debt", "2 debts" — never "1 debts" or "debt(s)".

Issue 17: the Proposals page said "shared between 1 debts"; the Calls page "1 follow-up(s)".
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from core.debts import Debt
from i18n import CATALOGUE, translate
from i18n.shape import forms
from ui.planning_tables import debt_rows, rate_basis_text


def english_forms(key: str) -> list[str]:
    return list(forms(CATALOGUE[key]["en"]).values())


def test_a_payment_due_tomorrow_is_not_due_in_1_days():
    from core.rules.templates import render

    text = render("adherence.due_soon", "en", number=1, amount="¥500.00", days=1, due="16 Dec 2026")
    assert "1 days" not in text and "days left: 1" in text


def test_no_english_text_hedges_its_plural():
    hedged = [
        key for key in CATALOGUE for text in english_forms(key) if re.search(r"\w\((s|es)\)", text)
    ]
    assert hedged == []


@pytest.mark.parametrize(
    ("key", "params", "one", "other"),
    [
        (
            "proposals.share.note",
            {"capacity": "¥800.00", "share": "¥800.00"},
            "The ¥800.00 monthly capacity, with 1 debt to pay, all goes to this one: ¥800.00.",
            "The ¥800.00 monthly capacity shared between 2 debts gives this one ¥800.00.",
        ),
        ("calls.tasks_created", {}, "1 follow-up added", "2 follow-ups added"),
        (
            "calls.timeline.overdue_count",
            {},
            "1 item overdue (ringed in red on the chart).",
            "2 items overdue (ringed in red on the chart).",
        ),
        (
            "report.exceeds",
            {"gap": "¥5.00"},
            "1 month exceeds the capacity, by ¥5.00",
            "2 months exceed the capacity, by up to ¥5.00",
        ),
        ("debts.overdue_days", {"amount": "¥900.00"}, "¥900.00 (1 day)", "¥900.00 (2 days)"),
    ],
)
def test_the_count_picks_the_form(key, params, one, other):
    count_name = "count" if "{count}" in english_forms(key)[0] else "n"
    assert translate(key, "en", **params, **{count_name: 1}) == one
    assert translate(key, "en", **params, **{count_name: 2}) == other
    # Chinese has one form for every count.
    assert translate(key, "zh-CN", **params, **{count_name: 1}).replace("1", "2") == translate(
        key, "zh-CN", **params, **{count_name: 2}
    )


def one_month_overdue_one_day() -> Debt:
    return Debt(
        creditor="来分期",
        outstanding_principal="1000",
        overdue_amount="100",
        days_overdue=1,
        rate_quote="0.12",
        remaining_months=1,
        next_due_date=date(2027, 1, 15),
    )


def test_the_debts_table_and_rate_basis_say_1_day_and_1_month():
    debt = one_month_overdue_one_day()
    (row,) = debt_rows([debt], "en")
    assert row[translate("debts.col.overdue", "en")] == "¥100.00 (1 day)"
    assert "over 1 month at" in rate_basis_text(debt, "en")
    assert debt.regular_payment > Decimal(0)
