"""Every money field on every form, given what a careless hand types — ``1e30``, ``-1``, ``NaN``,
10,000 characters — shows a message under the field in the user's language; nothing is saved
and no page raises (no crash box, no ``decimal.InvalidOperation`` or ``OverflowError``)."""

from __future__ import annotations

import pytest
from calls_seed import seed_case
from page_helpers import load_example, open_for, texts

from core.affordability import CostCategory
from core.limits import MAX_MONEY, MAX_NUMBER_TEXT_LENGTH
from i18n import format_money, translate
from store import init_db

LANGS = ("zh-CN", "en")
HOSTILE = ("1e30", "-1", "NaN", "1" * 10_000)


def expected(value: str, lang: str) -> str:
    """The message core's named error gives for ``value`` in a money field."""
    if value == "1e30":
        return translate("error.too_large", lang, max=format_money(MAX_MONEY, lang))
    if len(value) > MAX_NUMBER_TEXT_LENGTH:
        return translate("error.too_long", lang, max=MAX_NUMBER_TEXT_LENGTH)
    return translate("error.invalid_amount", lang)


def inline_errors(at) -> list[str]:
    return texts(at.error)


def assert_worded(at, value: str, lang: str, count: int, keys) -> None:
    assert not at.exception, at.exception
    errors = inline_errors(at)
    worded = [message for message in errors if expected(value, lang) in message]
    assert len(worded) >= count, errors
    if lang == "zh-CN":  # no field names or English from our code under a Chinese field
        for message in worded:
            assert not any(key.split("_", 1)[-1] in message for key in keys), message
            assert "must" not in message and "amount" not in message


# --- the budget ---------------------------------------------------------------------------

BUDGET_KEYS = [
    "budgetform_income_salary",
    "budgetform_income_other",
    *(f"budgetform_cost_{category.value}" for category in CostCategory),
    "budgetform_minimum_living_standard",
    "budgetform_buffer",
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("value", HOSTILE, ids=("1e30", "minus_one", "nan", "10000_chars"))
def test_every_budget_money_field_refuses_inline_and_nothing_is_saved(open_app, lang, value):
    at = load_example(open_app, "app_pages/affordability.py", lang)
    client_id = at.session_state["client_id"]
    for key in BUDGET_KEYS:
        at.text_input(key=key).set_value(value)
    at.run()
    assert_worded(at, value, lang, len(BUDGET_KEYS), BUDGET_KEYS)
    assert at.button(key="afford_save").disabled
    assert len(init_db().budgets.history(client_id)) == 1


# --- a debt -------------------------------------------------------------------------------

DEBT_KEYS = [
    "debtform_outstanding_principal",
    "debtform_amount_received",
    "debtform_accrued_interest_and_penalties",
    "debtform_overdue_amount",
    "debtform_other_monthly_charges",
]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("value", HOSTILE, ids=("1e30", "minus_one", "nan", "10000_chars"))
def test_every_debt_money_field_refuses_inline_and_nothing_is_saved(open_app, lang, value):
    at = load_example(open_app, "app_pages/debts.py", lang)
    client_id = at.session_state["client_id"]
    before = init_db().debts.list_for_client(client_id)
    at.text_input(key="debtform_creditor").set_value("新网贷")
    at.text_input(key="debtform_rate_quote").set_value("18")
    at.text_input(key="debtform_remaining_months").set_value("12")
    for key in DEBT_KEYS:
        at.text_input(key=key).set_value(value)
    at.text_input(key="debtsplit_amount").set_value(value)
    at.run()
    assert_worded(at, value, lang, len(DEBT_KEYS) + 1, [*DEBT_KEYS, "debtsplit_amount"])
    assert at.button(key="debts_save").disabled
    assert init_db().debts.list_for_client(client_id) == before


def test_a_principal_of_100000000000000000_is_refused_not_an_overflow(open_app):
    at = load_example(open_app, "app_pages/debts.py", "zh-CN")
    client_id = at.session_state["client_id"]
    at.text_input(key="debtform_creditor").set_value("新网贷")
    at.text_input(key="debtform_outstanding_principal").set_value("100000000000000000").run()
    assert not at.exception
    assert any(expected("1e30", "zh-CN") in message for message in inline_errors(at))
    assert len(init_db().debts.list_for_client(client_id)) == 4


# --- a payment ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("value", HOSTILE, ids=("1e30", "minus_one", "nan", "10000_chars"))
def test_a_payment_amount_refuses_inline_and_nothing_is_saved(open_app, lang, value):
    case = seed_case(agreed_days_ago=40)
    at = open_for(open_app, "app_pages/calls.py", lang, case.client.id)
    at.text_input(key="calls_pay_amount").set_value(value)
    at.button(key="calls_pay_save").click().run()
    assert_worded(at, value, lang, 1, ["calls_pay_amount"])
    assert case.store.payments.list_for_client(case.client.id) == []


# --- the proposals' amounts ---------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("value", HOSTILE, ids=("1e30", "minus_one", "nan", "10000_chars"))
def test_the_proposals_amounts_refuse_inline_and_nothing_is_saved(open_app, lang, value):
    at = load_example(open_app, "app_pages/proposals.py", lang)
    client_id = at.session_state["client_id"]
    saved = init_db().proposals.list_for_client(client_id)
    at.multiselect(key="proposals.kinds").select("down_payment").run()
    share = next(w.key for w in at.text_input if w.key.startswith("proposals.share."))
    for key in (share, "proposals.down", "proposals.settle_amount"):
        at.text_input(key=key).set_value(value)
    at.run()
    assert not at.exception, at.exception
    errors = inline_errors(at)
    assert errors.count(translate("proposals.error.amount", lang)) >= 3, errors
    assert init_db().proposals.list_for_client(client_id) == saved
