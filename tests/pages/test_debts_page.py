"""The Debts page with AppTest: the example client's debts, rates, flags, split and payoff."""

from decimal import Decimal

import pytest
from page_helpers import load_example, metrics, texts

from core.allocation import Strategy, allocate_capacity, payoff_plan
from core.examples import example_case
from core.rates import QuoteKind
from i18n import (
    CATALOGUE,
    ENUM_PREFIXES,
    enum_key,
    format_date,
    format_money,
    format_percent,
    translate,
)
from store import init_db
from ui.state import today

PAGE = "app_pages/debts.py"
LANGS = ("zh-CN", "en")


def test_every_core_enum_member_has_a_label_in_both_languages():
    for enum in ENUM_PREFIXES:
        for member in enum:
            assert set(CATALOGUE[enum_key(member)]) == set(LANGS)


@pytest.mark.parametrize("lang", LANGS)
def test_without_a_client_the_page_asks_to_choose_one(open_app, lang):
    at = open_app(PAGE, lang)
    assert translate("state.choose_client_first", lang) in texts(at.info)


@pytest.mark.parametrize("lang", LANGS)
def test_the_example_debts_show_core_figures(open_app, lang):
    at = load_example(open_app, PAGE, lang)
    debts = [account.debt for account in example_case(today()).debts]
    shown = metrics(at)
    owed = sum(d.opening_balance for d in debts)
    demand = sum(d.monthly_demand for d in debts)
    assert shown[translate("debts.total_owed", lang)] == format_money(owed, lang) == "¥53,186.40"
    assert shown[translate("debts.total_demand", lang)] == format_money(demand, lang)
    assert shown[translate("debts.capacity", lang)] == "¥800.00"
    table = at.dataframe[0].value
    true_rates = list(table[translate("debts.col.true_rate", lang)])
    assert true_rates == [format_percent(d.true_annual_rate, lang) for d in debts]
    quoted = list(table[translate("debts.col.quoted", lang)])
    assert quoted[0] == translate("debts.quote.daily", lang, rate="0.065%", basis=365)
    assert quoted[2] == translate("debts.quote.monthly_fee", lang, rate="0.68%")

    split = allocate_capacity(debts, Decimal("800"), Strategy.PRO_RATA)
    shares = list(at.dataframe[1].value[translate("debts.col.share", lang)])
    assert shares == [format_money(share.amount, lang) for share in split.shares]
    payoff = payoff_plan(debts, Decimal("800"), Strategy.PRO_RATA, today())
    assert shown[translate("debts.debt_free", lang)] == format_date(payoff.debt_free_date, lang)
    assert at.get("plotly_chart")


def test_choosing_avalanche_changes_the_split_and_is_remembered(open_app):
    at = load_example(open_app, PAGE, "en")
    at.radio(key="debts_strategy").set_value(Strategy.AVALANCHE).run()
    assert not at.exception
    assert at.session_state["allocation_strategy"] == Strategy.AVALANCHE
    debts = [account.debt for account in example_case(today()).debts]
    split = allocate_capacity(debts, Decimal("800"), Strategy.AVALANCHE)
    shares = list(at.dataframe[1].value["Allocated"])
    assert shares == [format_money(share.amount, "en") for share in split.shares]
    at.switch_page("app_pages/home.py").run()
    at.switch_page(PAGE).run()
    assert at.radio(key="debts_strategy").value == Strategy.AVALANCHE


@pytest.mark.parametrize(
    ("key", "text", "error"),
    [
        ("debtform_outstanding_principal", "12a00", "error.invalid_amount"),
        ("debtform_remaining_months", "0", "error.invalid_term"),
        ("debtform_rate_quote", "500", "error.invalid_rate"),
    ],
)
@pytest.mark.parametrize("lang", LANGS)
def test_bad_input_is_refused_inline_and_nothing_is_saved(open_app, lang, key, text, error):
    at = load_example(open_app, PAGE, lang)
    client_id = at.session_state["client_id"]
    at.text_input(key="debtform_creditor").set_value("新网贷")
    at.text_input(key="debtform_outstanding_principal").set_value("5000")
    at.text_input(key="debtform_rate_quote").set_value("18")
    at.text_input(key="debtform_remaining_months").set_value("12")
    at.text_input(key=key).set_value(text).run()
    assert any(translate(error, lang) in message for message in texts(at.error))
    assert at.button(key="debts_save").disabled
    assert len(init_db().debts.list_for_client(client_id)) == 4


def test_a_monthly_fee_debt_is_saved_with_its_true_rate(open_app):
    at = load_example(open_app, PAGE, "en")
    client_id = at.session_state["client_id"]
    at.text_input(key="debtform_creditor").set_value("某消费金融")
    at.selectbox(key="debtform_rate_kind").set_value(QuoteKind.MONTHLY_FEE).run()
    at.text_input(key="debtform_outstanding_principal").set_value("12000")
    at.text_input(key="debtform_rate_quote").set_value("0.6")
    at.text_input(key="debtform_remaining_months").set_value("24").run()
    assert any("Unsaved changes" in caption for caption in texts(at.caption))
    shown = metrics(at)
    # 12,000 / 24 = 500.00 of principal + 12,000 × 0.6 % = 72.00 of fee
    assert shown["Due this month"] == "¥572.00"
    at.button(key="debts_save").click().run()
    assert translate("debts.saved", "en") in texts(at.success)
    saved = init_db().debts.list_for_client(client_id)[-1].debt
    assert (saved.rate_quote, saved.method.value) == (Decimal("0.006"), "flat_fee")
    assert metrics(at)["True annualized rate"] == format_percent(saved.true_annual_rate, "en")


def test_editing_and_deleting_a_debt_asks_for_confirmation(open_app):
    at = load_example(open_app, PAGE, "en")
    client_id = at.session_state["client_id"]
    first = init_db().debts.list_for_client(client_id)[0]
    at.selectbox(key="debts_pick").set_value(first.id).run()
    assert at.text_input(key="debtform_creditor").value == "易达分期"
    at.button(key="debts_delete").click().run()
    assert len(init_db().debts.list_for_client(client_id)) == 4
    at.button(key="debts_delete_yes").click().run()
    assert not at.exception
    assert [a.id for a in init_db().debts.list_for_client(client_id)].count(first.id) == 0
