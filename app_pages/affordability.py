"""Affordability: the budget form, what the household can pay, against what the contracts
demand; the essential costs against a living-cost benchmark (advice only); saved as dated
budget versions that can be compared."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pandas as pd
import streamlit as st
from pydantic import ValidationError

import services
from charts.base import plotly_config
from charts.planning import income_split_chart
from core.affordability import (
    Affordability,
    AffordabilityStatus,
    Budget,
    CostCategory,
    IncomeItem,
    assess_affordability,
    living_floor_for,
)
from core.errors import CoreError
from core.money import ZERO_MONEY
from core.reasons import describe
from i18n import format_date, format_money, format_percent
from services import BudgetVersion, StoreError, Workspace
from ui.benchmark_widgets import render_benchmark
from ui.errors import show_error
from ui.i18n import current_language, enum_label, t, worded
from ui.planning_forms import discard_form, kept, open_client_page, open_draft
from ui.planning_tables import load_plan
from ui.state import actor, request_for, today
from ui.tables import fitted_table
from ui.widgets import money_input

FORM = "budgetform_"
FLASH_KEY = "afford_flash"
INCOMES = ("salary", "other")
STATUS_ICONS = {
    AffordabilityStatus.AFFORDABLE: ("success", ":material/check_circle:"),
    AffordabilityStatus.STRETCHED: ("warning", ":material/warning:"),
    AffordabilityStatus.UNAFFORDABLE: ("error", ":material/cancel:"),
}


def money_text(amount: Decimal) -> str:
    return "" if amount == 0 else f"{amount:,.2f}"


def income_parts(budget: Budget | None) -> dict[str, Decimal]:
    """The form's two income lines from a saved budget: "salary", and the rest as "other"."""
    parts = dict.fromkeys(INCOMES, ZERO_MONEY)
    items = list(budget.incomes) if budget else []
    salary = [i for i in items if i.label == "salary"] or items[:1]
    parts["salary"] = sum((i.amount for i in salary), ZERO_MONEY)
    parts["other"] = sum((i.amount for i in items if i not in salary), ZERO_MONEY)
    return parts


def same_budget(a: Budget, b: Budget) -> bool:
    return a.model_dump(exclude={"id"}) == b.model_dump(exclude={"id"})


def render_form(saved: BudgetVersion | None, household: int) -> tuple[Budget | None, date]:
    """The budget form; returns the budget it describes (None when an input is invalid)."""
    budget = saved.budget if saved else None
    draft = open_draft(FORM, f"budget:{saved.id if saved else 'new'}")

    def money(key: str, label: str, default: Decimal, container) -> Decimal | None:
        return kept(
            draft,
            FORM + key,
            money_text(default),
            lambda: money_input(label, FORM + key, container=container, field=key),
        )

    st.subheader(t("afford.income"))
    parts = income_parts(budget)
    cols = st.columns(2)
    incomes = {
        name: money(f"income_{name}", t(f"afford.income.{name}"), parts[name], cols[i])
        for i, name in enumerate(INCOMES)
    }
    st.subheader(t("afford.costs"))
    saved_costs = budget.essential_costs if budget else {}
    categories = list(CostCategory)
    costs = {}
    for pair in zip(categories[::2], categories[1::2], strict=True):
        # One row per pair, so a phone (where columns stack) keeps the categories in order.
        for column, category in zip(st.columns(2), pair, strict=True):
            costs[category] = money(
                f"cost_{category.value}",
                enum_label(category),
                saved_costs.get(category, ZERO_MONEY),
                column,
            )
    st.subheader(t("afford.floor"))
    cols = st.columns(3)
    size = kept(
        draft,
        FORM + "household",
        budget.household_size if budget else household,
        lambda: cols[0].number_input(
            t("afford.household_size"), min_value=1, max_value=50, step=1, key=FORM + "household"
        ),
    )
    per_person = budget.living_floor / budget.household_size if budget else ZERO_MONEY
    standard = kept(
        draft,
        FORM + "minimum_living_standard",
        money_text(per_person),
        lambda: money_input(
            t("afford.minimum_standard"),
            FORM + "minimum_living_standard",
            container=cols[1],
            field="minimum_living_standard",
            help=t("afford.minimum_standard_help"),
        ),
    )
    buffer = money("buffer", t("afford.buffer"), budget.buffer if budget else ZERO_MONEY, cols[2])
    valid_from = kept(
        draft,
        FORM + "valid_from",
        today(),
        lambda: st.date_input(t("afford.valid_from"), key=FORM + "valid_from", format="YYYY-MM-DD"),
    )
    values = [*incomes.values(), *costs.values(), standard, buffer]
    if any(value is None for value in values):
        return None, valid_from
    try:
        floor = living_floor_for(standard, int(size))
        st.caption(t("afford.floor_is", amount=format_money(floor, current_language())))
        built = Budget(
            incomes=tuple(
                IncomeItem(label=name, amount=amount) for name, amount in incomes.items() if amount
            ),
            essential_costs={c: amount for c, amount in costs.items() if amount},
            household_size=int(size),
            living_floor=floor,
            buffer=buffer,
        )
    except (ValidationError, CoreError, ValueError) as exc:
        show_error(exc)
        return None, valid_from
    return built, valid_from


def render_empty(budget: Budget | None) -> None:
    """Before there is income, what to enter: no verdict, no chart."""
    st.subheader(t("afford.result"))
    if budget is None:
        return  # the form shows what is wrong with its input
    st.info(t("afford.empty"), icon=":material/edit_note:")


def render_metrics(result: Affordability, lang: str) -> None:
    """This month's demand (arrears included) and the usual installment, each with its gap."""
    rows = (
        (t("afford.capacity"), format_money(result.capacity, lang)),
        (t("afford.demand"), format_money(result.monthly_demand, lang)),
        gap_metric("afford", result.shortfall, result.spare, lang),
        (
            t("afford.dsr"),
            format_percent(result.debt_service_ratio, lang)
            if result.debt_service_ratio is not None
            else "—",
        ),
        (t("afford.regular"), format_money(result.regular_demand, lang)),
        gap_metric("afford.regular", result.regular_shortfall, result.regular_spare, lang),
    )
    for start in (0, 3):
        for column, (label, value) in zip(st.columns(3), rows[start : start + 3], strict=True):
            column.metric(label, value)
    st.caption(t("afford.demand_note"))


def gap_metric(prefix: str, shortfall: Decimal, spare: Decimal, lang: str) -> tuple[str, str]:
    if shortfall > 0:
        return t(f"{prefix}.shortfall"), format_money(shortfall, lang)
    return t(f"{prefix}.spare"), format_money(spare, lang)


def render_result(budget: Budget, debts, lang: str) -> None:
    st.subheader(t("afford.result"))
    result = assess_affordability(budget, debts, today())
    if debts:
        kind, icon = STATUS_ICONS[result.status]
        status = t("afford.status", status=enum_label(result.status))
        reasons = "\n".join(f"- {describe(reason, lang)}" for reason in result.reasons)
        getattr(st, kind)(f"**{status}**\n\n{reasons}", icon=icon)
        render_metrics(result, lang)
    else:
        # Nothing to weigh the capacity against yet: no verdict, but say what comes next.
        st.info(t("afford.no_debts"), icon=":material/credit_card:")
        st.page_link("app_pages/debts.py", label=t("page.debts"), icon=":material/credit_card:")
        st.metric(t("afford.capacity"), format_money(result.capacity, lang))
    names = (
        "title",
        "x",
        "income",
        "demand",
        "regular",
        "living",
        "buffer",
        "capacity",
        "covered",
        "gap",
    )
    texts = {name: t(f"afford.chart.{name}") for name in names}
    st.plotly_chart(
        income_split_chart(result, texts),
        config=plotly_config("affordability"),
        key="afford_chart",
    )


def save(store: Workspace, client_id: int, budget: Budget | None, valid_from: date) -> None:
    if st.button(
        t("afford.save"),
        key="afford_save",
        type="primary",
        icon=":material/save:",
        disabled=budget is None,
    ):
        try:
            services.budgets.save_version(
                store,
                actor(),
                client_id,
                valid_from,
                budget,
                request_id=request_for("budget", client_id, valid_from, budget),
            )
        except (ValidationError, CoreError, StoreError) as exc:
            show_error(exc)
            return
        discard_form(FORM)
        st.session_state[FLASH_KEY] = "afford.saved"
        st.rerun()


def version_label(version: BudgetVersion, n: int, lang: str) -> str:
    return t("afford.version_label", date=format_date(version.valid_from, lang), n=n)


def summary(budget: Budget) -> dict[str, Decimal]:
    rows = {t("afford.col.income"): budget.net_income}
    for category in CostCategory:
        rows[enum_label(category)] = budget.essential_costs.get(category, ZERO_MONEY)
    rows[t("afford.col.costs")] = budget.essential_total
    rows[t("afford.col.floor")] = budget.living_floor
    rows[t("afford.col.buffer")] = budget.buffer
    rows[t("afford.col.capacity")] = budget.capacity
    return rows


def change_text(change: Decimal, lang: str) -> str:
    if change == 0:
        return "—"
    return ("+" if change > 0 else "") + format_money(change, lang)


def render_versions(history: list[BudgetVersion], lang: str) -> None:
    st.subheader(t("afford.versions"))
    if not history:
        st.caption(t("afford.no_versions"))
        return
    rows = [
        {
            t("afford.col.valid_from"): format_date(v.valid_from, lang),
            t("afford.col.income"): format_money(v.budget.net_income, lang),
            t("afford.col.costs"): format_money(v.budget.essential_total, lang),
            t("afford.col.floor"): format_money(v.budget.living_floor, lang),
            t("afford.col.capacity"): format_money(v.budget.capacity, lang),
        }
        for v in reversed(history)
    ]
    fitted_table(pd.DataFrame(rows), key="afford_versions")
    if len(history) < 2:
        return
    st.markdown(f"**{t('afford.compare')}**")
    labels = {i: version_label(v, i + 1, lang) for i, v in enumerate(history)}
    left, right = st.columns(2)
    a = left.selectbox(
        t("afford.compare_a"),
        list(labels),
        index=len(history) - 2,
        key=worded("afford_compare_a"),
        format_func=labels.get,
    )
    b = right.selectbox(
        t("afford.compare_b"),
        list(labels),
        index=len(history) - 1,
        key=worded("afford_compare_b"),
        format_func=labels.get,
    )
    before, after = summary(history[a].budget), summary(history[b].budget)
    table = [
        {
            t("afford.col.item"): item,
            labels[a]: format_money(before[item], lang),
            labels[b]: format_money(after[item], lang),
            t("afford.col.change"): change_text(after[item] - before[item], lang),
        }
        for item in before
    ]
    fitted_table(pd.DataFrame(table), key="afford_comparison")


def main() -> None:
    opened = open_client_page("afford", FLASH_KEY)
    if opened is None:
        return
    store, client = opened
    lang = current_language()
    plan = load_plan(store, client.id, today())
    history = services.budgets.history(store, actor(), client.id)
    latest = services.budgets.current(store, actor(), client.id)
    result_box = st.container()  # the result first; drawn last (see the end)
    budget, valid_from = render_form(latest, client.household_size)
    unsaved = budget is None or latest is None or not same_budget(budget, latest.budget)
    if unsaved and (latest is not None or (budget is not None and budget.net_income > 0)):
        st.caption(f":orange[:material/edit: {t('afford.unsaved')}]")
    cols = st.columns([2, 1])
    with cols[0]:
        save(store, client.id, budget, valid_from)
    if unsaved and latest is not None and cols[1].button(t("afford.discard"), key="afford_discard"):
        discard_form(FORM)
        st.rerun()
    st.divider()
    render_benchmark(store, budget)
    st.divider()
    render_versions(history, lang)
    # The result (its chart the costliest thing to draw) goes into its place at the top last:
    # it reaches the browser with the end of the run, so the page is laid out once.
    with result_box:
        if budget is None or budget.net_income <= 0:
            render_empty(budget)
        else:
            render_result(budget, plan.debts, lang)


main()
