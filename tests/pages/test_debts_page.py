"""The Debts page with AppTest: the example client's debts, rates, flags, split and payoff; each
overdue account's credit-record clock and the form's credit-record fields (issue 20)."""

import calendar
from datetime import date, timedelta
from decimal import Decimal

import pytest
from calls_seed import seed_case
from pack_seed import DAYS_OVERDUE, seed_pack
from page_helpers import load_example, metrics, open_for, texts

import services
from core.allocation import Strategy, allocate_capacity, payoff_plan
from core.examples import example_case
from core.rates import QuoteKind
from core.rules.credit_record import Reporting
from i18n import (
    CATALOGUE,
    ENUM_PREFIXES,
    enum_key,
    format_date,
    format_money,
    format_percent,
    translate,
)
from services import LOCAL_USER
from store import init_db
from ui.state import today

PAGE = "app_pages/debts.py"
LANGS = ("zh-CN", "en")


def table_with(at, column: str):
    """The one table of the page with ``column``."""
    (table,) = [df.value for df in at.dataframe if column in df.value.columns]
    return table


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
    shares = list(
        table_with(at, translate("debts.col.share", lang))[translate("debts.col.share", lang)]
    )
    assert shares == [format_money(share.amount, lang) for share in split.shares]
    payoff = payoff_plan(debts, Decimal("800"), Strategy.PRO_RATA, today())
    assert shown[translate("debts.debt_free", lang)] == format_date(payoff.debt_free_date, lang)
    assert at.get("plotly_chart")


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_offers_the_import_from_a_file_below_the_form(open_app, lang):
    at = load_example(open_app, PAGE, lang)
    labels = [expander.label for expander in at.expander]
    assert labels[-1] == translate("debt_import.title", lang)


def test_choosing_avalanche_changes_the_split_and_is_remembered(open_app):
    at = load_example(open_app, PAGE, "en")
    at.radio(key="debts_strategy").set_value(Strategy.AVALANCHE).run()
    assert not at.exception
    assert at.session_state["allocation_strategy"] == Strategy.AVALANCHE
    debts = [account.debt for account in example_case(today()).debts]
    split = allocate_capacity(debts, Decimal("800"), Strategy.AVALANCHE)
    shares = list(table_with(at, "Allocated")["Allocated"])
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


# --- the credit-record clock (issue 20) ---------------------------------------------------


def five_years_on(day: date) -> date:
    """The same day of the month 5 years later, the month's last day when it has none (worked
    out here, not by core.rules.credit_record)."""
    year = day.year + 5
    return date(year, day.month, min(day.day, calendar.monthrange(year, day.month)[1]))


def credit_table(at, lang):
    return table_with(at, translate("credit.col.record_end", lang))


@pytest.mark.parametrize("lang", LANGS)
def test_an_overdue_debt_that_reports_ends_its_record_5_years_after_today(open_app, lang):
    case = seed_pack()
    at = open_for(open_app, PAGE, lang, case.client.id)
    as_of = today()  # the page's as_of: ui.state.today()
    assert translate("pack.credit.title", lang) in texts(at.subheader)
    table = credit_table(at, lang)
    assert table.to_dict("records") == [
        {
            translate("debts.col.creditor", lang): "招联金融",
            translate("pack.credit.col.reports", lang): translate("enum.reporting.yes", lang),
            translate("pack.credit.col.since", lang): format_date(
                as_of - timedelta(days=DAYS_OVERDUE), lang
            ),
            translate("credit.col.record_end", lang): format_date(five_years_on(as_of), lang),
        }
    ]
    end = format_date(five_years_on(as_of), lang)
    cleared = format_date(as_of, lang)
    captions = texts(at.caption)
    assert translate("credit.clock.if_cleared_today", lang, cleared=cleared, end=end) in captions
    # The fixed notes: the rule, what 结清 means, and that paid 征信修复 is a scam.
    assert translate("credit.note.rule", lang) in captions
    assert translate("credit.note.settled", lang) in captions
    assert translate("credit.note.repair_scam", lang) in texts(at.warning)
    # Reporting is known and the day it went overdue entered: no estimate.
    assert translate("pack.credit.estimate_note", lang) not in captions
    assert translate("pack.credit.since_note", lang) not in captions


def test_the_record_end_on_29_february_falls_on_28_february():
    assert five_years_on(date(2028, 2, 29)) == date(2033, 2, 28)
    assert five_years_on(date(2026, 11, 30)) == date(2031, 11, 30)


@pytest.mark.parametrize("lang", LANGS)
def test_reporting_not_known_and_no_start_day_are_marked_as_estimates(open_app, lang):
    case = seed_pack(reports=Reporting.UNKNOWN, situations=False)
    services.debts.update(
        case.store,
        LOCAL_USER,
        case.account.model_copy(update={"overdue_since": None}),
    )
    at = open_for(open_app, PAGE, lang, case.client.id)
    as_of = today()
    (row,) = credit_table(at, lang).to_dict("records")
    since = format_date(as_of - timedelta(days=DAYS_OVERDUE), lang)
    assert row[translate("pack.credit.col.since", lang)] == translate(
        "pack.credit.since_estimated", lang, date=since
    )
    end = format_date(five_years_on(as_of), lang)
    assert row[translate("credit.col.record_end", lang)] == translate(
        "pack.credit.estimate", lang, date=end
    )
    captions = texts(at.caption)
    assert translate("pack.credit.estimate_note", lang) in captions
    assert translate("pack.credit.since_note", lang) in captions


@pytest.mark.parametrize("lang", LANGS)
def test_a_lender_that_does_not_report_keeps_no_record(open_app, lang):
    case = seed_pack(reports=Reporting.NO, situations=False)
    at = open_for(open_app, PAGE, lang, case.client.id)
    (row,) = credit_table(at, lang).to_dict("records")
    assert row[translate("credit.col.record_end", lang)] == translate("pack.credit.no_record", lang)
    text = translate("credit.clock.not_reporting", lang)
    assert translate("pack.credit.not_reporting", lang, creditor="招联金融", text=text) in texts(
        at.caption
    )


@pytest.mark.parametrize("lang", LANGS)
def test_a_start_day_after_today_is_named_and_the_form_still_opens(open_app, lang):
    case = seed_pack(situations=False)
    later = today() + timedelta(days=10)
    case.store.debts.update(case.account.model_copy(update={"overdue_since": later}))
    at = open_for(open_app, PAGE, lang, case.client.id)
    (row,) = credit_table(at, lang).to_dict("records")
    assert row[translate("credit.col.record_end", lang)] == translate(
        "pack.credit.future_cell", lang
    )
    message = translate(
        "pack.credit.future", lang, creditor="招联金融", date=format_date(later, lang)
    )
    assert message in texts(at.error)
    at.selectbox(key="debts_pick").set_value(case.account.id).run()
    assert not at.exception
    assert at.date_input(key="debtform_overdue_since").value == later


@pytest.mark.parametrize("lang", LANGS)
def test_without_an_overdue_debt_there_is_no_record_to_count_down(open_app, lang):
    case = seed_case(agreed_days_ago=None)
    at = open_for(open_app, PAGE, lang, case.client.id)
    assert translate("pack.credit.none", lang) in texts(at.info)
    assert not [df for df in at.dataframe if translate("credit.col.record_end", lang) in df.value]


@pytest.mark.parametrize("lang", LANGS)
def test_the_form_saves_whether_the_lender_reports_and_since_when(open_app, lang):
    case = seed_case(agreed_days_ago=None)
    at = open_for(open_app, PAGE, lang, case.client.id)
    at.selectbox(key="debts_pick").set_value(case.account.id).run()
    box = at.selectbox(key="debtform_reports_credit")
    assert box.value == Reporting.UNKNOWN
    assert box.help == translate("credit.reports_help", lang)
    assert box.options == [translate(f"enum.reporting.{r.value}", lang) for r in Reporting]
    since = today() - timedelta(days=40)
    box.set_value(Reporting.YES)
    at.date_input(key="debtform_overdue_since").set_value(since).run()
    at.button(key="debts_save").click().run()
    assert not at.exception
    saved = case.store.debts.get(case.account.id)
    assert (saved.reports_credit, saved.overdue_since) == (Reporting.YES, since)
    (row,) = credit_table(at, lang).to_dict("records")
    assert row[translate("credit.col.record_end", lang)] == format_date(
        five_years_on(today()), lang
    )


@pytest.mark.parametrize("lang", LANGS)
def test_a_start_day_before_the_contract_is_refused_and_nothing_is_saved(open_app, lang):
    case = seed_case(agreed_days_ago=None)
    at = open_for(open_app, PAGE, lang, case.client.id)
    at.selectbox(key="debts_pick").set_value(case.account.id).run()
    at.date_input(key="debtform_contract_date").set_value(date(2025, 3, 10))
    at.date_input(key="debtform_overdue_since").set_value(date(2025, 3, 1)).run()
    field = translate("field.overdue_since", lang)
    assert any(
        field in error and translate("error.before_contract", lang) in error
        for error in texts(at.error)
    )
    assert at.button(key="debts_save").disabled
    saved = case.store.debts.get(case.account.id)
    assert (saved.version, saved.overdue_since, saved.debt.contract_date) == (1, None, None)
