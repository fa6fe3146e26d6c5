"""The charts whose left margin is set in advance (``charts.base.left_axis``) leave at least
the room plotly itself would find, in Chromium with the fonts of this machine: every chart
of the Proposals page, in both languages, at a phone's width and at 1280 px, with amounts
from hundreds to millions and long Chinese names. Nothing is cut on the left.

Each figure is drawn twice: as built (fixed margin, no ``automargin`` on the y axis) and
with plotly's ``automargin`` switched back on and a zero base margin, from which plotly's
own measurement (``_fullLayout.margin.l``) is read.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import plotly.offline
import pytest

from charts.planning import income_split_chart, payoff_chart
from charts.proposals import cumulative_chart, payment_chart
from charts.recovery import recovery_chart
from core.affordability import Budget, CostCategory, assess_affordability
from core.allocation import Strategy, payoff_plan
from core.debts import Debt
from core.proposals import TermExtension, proposal_plan
from i18n import translate

LANGS = ("zh-CN", "en")
WIDTHS = (390, 1280)
#: The most white space allowed left of the widest label or axis title, in px.
SPARE = 32
#: The same beside a chart's proposal names (the recovery chart).
NAMES_SPARE = 96


def series(principal: str) -> list:
    debt = Debt(
        creditor="招联金融",
        outstanding_principal=Decimal(principal),
        rate_quote=Decimal("0.18"),
        remaining_months=12,
    )
    return [
        (
            f"延长期数 · {months}个月",
            proposal_plan(debt, TermExtension(months=months), date(2026, 1, 1))[0],
        )
        for months in (12, 36)
    ]


def figures(lang: str) -> list:
    out = []
    for principal in ("900", "48000", "3600000"):
        plans = series(principal)
        out.append(payment_chart(plans, Decimal(principal) / 10, lang))
        out.append(cumulative_chart(plans, lang))
    names = [
        ("按原合同", Decimal("9000")),
        ("一次性结清 · ¥5,392.00", Decimal("5392")),
        ("减免息费 · 减免50% · 停息挂账36期", Decimal("1234567.89")),
    ]
    out.append(recovery_chart(names, Decimal("734.65"), lang))
    out += planning_figures(lang)
    return out


SPLIT_NAMES = ("title", "x", "income", "demand", "regular")
SPLIT_NAMES += ("living", "buffer", "capacity", "covered", "gap")


def planning_figures(lang: str) -> list:
    """The Affordability page's income split and the Debts page's payoff chart, as the pages
    name them, for small and large debts."""
    split = {name: translate(f"afford.chart.{name}", lang) for name in SPLIT_NAMES}
    payoff_texts = {k: translate(f"debts.chart.{k}", lang) for k in ("title", "x", "y", "total")}
    budget = Budget(
        incomes=["4000"],
        essential_costs={CostCategory.HOUSING: "1500", CostCategory.FOOD: "1600"},
        buffer="100",
    )
    out = []
    for principal in ("2400", "1800000"):
        debts = [
            Debt(
                creditor=name,
                outstanding_principal=principal,
                rate_quote="0.18",
                remaining_months=12,
                overdue_amount="300",
                days_overdue=40,
            )
            for name in ("招联金融", "某银行信用卡")
        ]
        out.append(income_split_chart(assess_affordability(budget, debts, date(2026, 1, 1)), split))
        plan = payoff_plan(debts, Decimal(principal) / 6, Strategy.PRO_RATA, date(2026, 1, 1))
        out.append(
            payoff_chart(
                plan, [d.creditor for d in debts], [d.opening_balance for d in debts], payoff_texts
            )
        )
    return out


@pytest.fixture(scope="module")
def page(browser):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.set_content("<html><body><div id='chart'></div></body></html>")
    page.add_script_tag(content=plotly.offline.get_plotlyjs())
    yield page
    page.close()


DRAW = """async ([spec, width, auto]) => {
    const el = document.getElementById('chart');
    el.style.width = width + 'px';
    const layout = {...spec.layout, width};
    if (auto) {
        layout.margin = {...layout.margin, l: 0};
        layout.yaxis = {...layout.yaxis, automargin: true};
    }
    await Plotly.newPlot(el, spec.data, layout, {staticPlot: true});
    const svg = el.querySelector('.main-svg').getBoundingClientRect();
    const lefts = [...el.querySelectorAll('.ytick text, .ytitle')]
        .map((node) => node.getBoundingClientRect().left - svg.left);
    const out = {margin: el._fullLayout._size.l, leftmost: Math.min(...lefts)};
    Plotly.purge(el);
    return out;
}"""


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", WIDTHS)
def test_the_fixed_left_margin_holds_the_labels_with_little_to_spare(page, lang, width):
    for fig in figures(lang):
        spec = json.loads(fig.to_json())
        assert spec["layout"]["yaxis"]["automargin"] is False
        fixed = page.evaluate(DRAW, [spec, width, False])
        measured = page.evaluate(DRAW, [spec, width, True])
        title = spec["layout"]["title"]["text"]
        # nothing cut on the left, and no wide empty band either (names are estimated more
        # generously than amounts: any letter may be typed)
        money = spec["layout"]["yaxis"].get("tickprefix") == "¥"
        spare = SPARE if money else NAMES_SPARE
        assert 0 <= fixed["leftmost"] <= spare, (title, fixed, measured)


def test_a_name_too_long_to_fix_leaves_the_margin_to_plotly():
    names = [("减免息费" * 12, Decimal("9000"))]
    spec = json.loads(recovery_chart(names, Decimal("734.65"), "zh-CN").to_json())
    assert spec["layout"]["yaxis"].get("automargin") is not False
