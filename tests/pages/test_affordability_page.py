"""The Affordability page with AppTest: the budget form, the result, versions and comparison."""

from decimal import Decimal

import pytest
from page_helpers import load_example, metrics, texts

from core.affordability import Budget, assess_affordability
from core.examples import example_case
from i18n import format_money, format_percent, translate
from store import init_db
from ui.state import today

PAGE = "app_pages/affordability.py"
LANGS = ("zh-CN", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_without_a_client_the_page_asks_to_choose_one(open_app, lang):
    at = open_app(PAGE, lang)
    assert translate("state.choose_client_first", lang) in texts(at.info)


@pytest.mark.parametrize("lang", LANGS)
def test_the_example_budget_shows_cores_assessment(open_app, lang):
    at = load_example(open_app, PAGE, lang)
    case = example_case(today())
    result = assess_affordability(case.budget, [a.debt for a in case.debts], today())
    shown = metrics(at)
    assert shown[translate("afford.capacity", lang)] == format_money(result.capacity, lang)
    assert shown[translate("afford.capacity", lang)] == "¥800.00"
    assert shown[translate("afford.demand", lang)] == format_money(result.monthly_demand, lang)
    assert shown[translate("afford.shortfall", lang)] == format_money(result.shortfall, lang)
    assert shown[translate("afford.dsr", lang)] == format_percent(result.debt_service_ratio, lang)
    status = translate("enum.affordability_status.unaffordable", lang)
    assert any(status in message for message in texts(at.error))
    assert at.get("plotly_chart")
    assert not any(translate("afford.unsaved", lang) in c for c in texts(at.caption))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("key", "text", "error"),
    [
        ("budgetform_income_salary", "4,0O0", "error.invalid_amount"),
        ("budgetform_income_salary", "-4000", "error.invalid_amount"),
        ("budgetform_cost_food", "abc", "error.invalid_amount"),
    ],
)
def test_bad_amounts_are_refused_inline_and_nothing_is_saved(open_app, lang, key, text, error):
    at = load_example(open_app, PAGE, lang)
    client_id = at.session_state["client_id"]
    at.text_input(key=key).set_value(text).run()
    assert any(translate(error, lang) in message for message in texts(at.error))
    assert at.button(key="afford_save").disabled
    assert len(init_db().budgets.history(client_id)) == 1


def test_a_changed_budget_is_marked_unsaved_then_saved_as_a_new_version(open_app):
    at = load_example(open_app, PAGE, "en")
    client_id = at.session_state["client_id"]
    at.text_input(key="budgetform_income_salary").set_value("3,900").run()
    assert any(translate("afford.unsaved", "en") in c for c in texts(at.caption))
    # 3,900 + 400 − 3,200 = 1,100
    assert metrics(at)["Monthly capacity"] == "¥1,100.00"
    at.switch_page("app_pages/home.py").run()
    at.switch_page(PAGE).run()
    assert at.text_input(key="budgetform_income_salary").value == "3,900"  # kept across pages
    at.button(key="afford_save").click().run()
    assert translate("afford.saved", "en") in texts(at.success)
    history = init_db().budgets.history(client_id)
    assert [v.budget.capacity for v in history] == [Decimal("800.00"), Decimal("1100.00")]
    assert not any(translate("afford.unsaved", "en") in c for c in texts(at.caption))
    comparison = at.dataframe[1].value
    income = comparison[comparison["Item"] == "Income"].iloc[0]
    assert income["Change"] == "+¥300.00"


def test_a_new_clients_first_budget_is_saved(open_app):
    store = init_db()
    from core.clients import Client

    client = store.clients.create(Client(name="李四"))
    at = open_app("app_pages/home.py", "zh-CN")
    at.session_state["client_id"] = client.id
    at.switch_page(PAGE).run()
    at.text_input(key="budgetform_income_salary").set_value("5000")
    at.text_input(key="budgetform_cost_housing").set_value("1500").run()
    assert metrics(at)[translate("afford.capacity", "zh-CN")] == "¥3,500.00"
    at.button(key="afford_save").click().run()
    saved = store.budgets.current(client.id).budget
    assert isinstance(saved, Budget) and saved.capacity == Decimal("3500.00")


# --- issue 17: empty states and the usual installment ------------------------------------------


def new_client(name: str = "张明"):
    from core.clients import Client

    return init_db().clients.create(Client(name=name))


def guide_case_client():
    """The guide's case: 来分期 (12,000 at 18 %, 900 overdue, 1,500 of arrears), 800 a month."""
    from core.calls import DebtAccount
    from core.debts import Debt

    store = init_db()
    client = new_client()
    debt = Debt(
        creditor="来分期",
        outstanding_principal="12000",
        overdue_amount="900",
        days_overdue=30,
        accrued_interest_and_penalties="1500",
        penalty_rate="0.27",
        rate_quote="0.18",
        remaining_months=12,
    )
    store.debts.add(DebtAccount(client_id=client.id, debt=debt))
    store.budgets.add_version(client.id, today(), Budget(incomes=["4000"], living_floor="3200"))
    return client


@pytest.mark.parametrize("lang", LANGS)
def test_an_empty_budget_says_what_to_enter_and_gives_no_verdict_or_chart(open_app, lang):
    """Issue 17: an empty budget showed a green "结论：还得起" at ¥0 and a chart from ¥−1 to ¥6
    (failed before)."""
    client = new_client()
    at = open_app("app_pages/home.py", lang)
    at.session_state["client_id"] = client.id
    at.switch_page(PAGE).run()
    assert translate("afford.empty", lang) in texts(at.info)
    verdicts = texts(at.success) + texts(at.warning) + texts(at.error)
    assert not any(translate("afford.status", lang, status="") in v for v in verdicts)
    assert not at.get("plotly_chart")
    assert not metrics(at)
    # Costs alone are not enough: still no verdict until there is income.
    at.text_input(key="budgetform_cost_housing").set_value("1500").run()
    assert translate("afford.empty", lang) in texts(at.info)
    assert not at.get("plotly_chart")
    at.text_input(key="budgetform_income_salary").set_value("5000").run()
    assert translate("afford.empty", lang) not in texts(at.info)
    assert at.get("plotly_chart")


@pytest.mark.parametrize("lang", LANGS)
def test_income_without_debts_asks_for_the_debts_instead_of_a_verdict(open_app, lang):
    client = new_client()
    init_db().budgets.add_version(client.id, today(), Budget(incomes=["5000"]))
    at = open_app("app_pages/home.py", lang)
    at.session_state["client_id"] = client.id
    at.switch_page(PAGE).run()
    assert translate("afford.no_debts", lang) in texts(at.info)
    status = translate("enum.affordability_status.affordable", lang)
    assert not any(status in message for message in texts(at.success))
    assert metrics(at) == {translate("afford.capacity", lang): format_money(Decimal(5000), lang)}


@pytest.mark.parametrize("lang", LANGS)
def test_the_guide_case_shows_the_usual_installments_gap_beside_this_months(open_app, lang):
    """Issue 17: only this month's 3,437.90 (arrears included) was weighed against the 800
    available; the usual installment, 1,017.65, and its 217.65 gap were not shown (failed
    before)."""
    client = guide_case_client()
    at = open_app("app_pages/home.py", lang)
    at.session_state["client_id"] = client.id
    at.switch_page(PAGE).run()
    assert not at.exception
    shown = metrics(at)
    assert shown[translate("afford.capacity", lang)] == "¥800.00"
    assert shown[translate("afford.demand", lang)] == "¥3,437.90"
    assert shown[translate("afford.shortfall", lang)] == "¥2,637.90"
    assert shown[translate("afford.regular", lang)] == "¥1,017.65"
    assert shown[translate("afford.regular.shortfall", lang)] == "¥217.65"
    assert translate("afford.demand_note", lang) in texts(at.caption)
    chart = at.get("plotly_chart")[0].proto.spec
    assert "217.65" in chart and "2637.9" in chart
