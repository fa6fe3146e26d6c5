"""The Outcomes page (工作成效) with AppTest (issue 25): over a generated caseload its totals are
the direct sums of what was seeded (written here, without core.outcomes); grouping by lender
and the lender filter; the CSV made when clicked and audited; in team mode listed for
supervisors and administrators only."""

from __future__ import annotations

import csv
import io
import random
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from page_helpers import capture_deferred_downloads, metrics

import services
import ui.state
from core.calls import DebtAccount
from core.case_lifecycle import CaseStage, StageChange
from core.clients import Client
from core.debts import Debt, LenderType
from core.outcomes import Dimension
from core.plans import Plan, PlanRow
from core.proposals import StopInterest
from i18n import enum_label, format_money, translate
from services import LOCAL_USER
from services.workspace import SavedProposal
from tests.pages.test_team_roles_page import Team, opens, signed_in
from ui.state import today

PAGE = "app_pages/outcomes.py"
LANGS = ("zh-CN", "en")
LENDERS = ("来分期", "招联金融", "微粒贷")
D = Decimal


def plan_of(rng: random.Random, start: date) -> Plan:
    months = rng.randint(2, 12)
    payment = D(rng.randint(10_000, 300_000)) / 100
    arrears_paid = D(rng.randint(0, 50_000)) / 100
    rows = tuple(
        PlanRow(
            period=k,
            due_date=start + timedelta(days=31 * k),
            payment=payment + (arrears_paid if k == 1 else 0),
            principal=payment,
            interest=D("0"),
            fees=D("0"),
            arrears=arrears_paid if k == 1 else D("0"),
            balance=D("0"),
        )
        for k in range(1, months + 1)
    )
    waived = D(rng.randint(0, 200_000)) / 100
    return Plan(opening=payment * months + arrears_paid + waived, rows=rows)


def seed_caseload(seed: int = 25):
    """Eight clients, each with one to three debts at random lenders, half of the debts agreed
    this year on a random plan; each case opened and walked a random number of steps. Returns
    the expected totals summed directly, and per lender the debts agreed."""
    rng = random.Random(seed)
    ws = services.open_workspace()
    as_of = today()
    year_start = date(as_of.year, 1, 1)
    before = after = forgiven = D("0")
    agreed = 0
    stages: dict[CaseStage, int] = dict.fromkeys(CaseStage, 0)
    per_lender: dict[str, int] = {}
    road = [CaseStage.OPEN, CaseStage.ASSESSING, CaseStage.NEGOTIATING, CaseStage.AGREED]
    for n in range(8):
        client = services.clients.create(ws, LOCAL_USER, Client(name=f"客户{n}"))
        walked = rng.randint(0, len(road))
        for index, stage in enumerate(road[:walked]):
            services.cases.move(
                ws,
                LOCAL_USER,
                StageChange(client_id=client.id, stage=stage, on=year_start),
                version=index,
            )
        stages[road[walked - 1] if walked else CaseStage.OPEN] += 1
        for k in range(rng.randint(1, 3)):
            lender = rng.choice(LENDERS)
            debt = Debt(
                creditor=lender,
                lender_type=LenderType.ONLINE_PLATFORM,
                outstanding_principal=D(rng.randint(100_000, 5_000_000)) / 100,
                overdue_amount=D("0"),
                rate_quote=D("0.18"),
                remaining_months=rng.randint(3, 24),
            )
            account = services.debts.add(
                ws,
                LOCAL_USER,
                DebtAccount(client_id=client.id, debt=debt, contract_number=f"HT-{n}-{k}"),
            )
            if rng.random() < 0.5:
                continue
            plan = plan_of(rng, as_of)
            saved = services.proposals.save(
                ws,
                LOCAL_USER,
                SavedProposal(
                    client_id=client.id,
                    debt_id=account.id,
                    proposal=StopInterest(months=12),
                    title="停息挂账",
                ),
            )
            agreed_on = year_start + timedelta(days=rng.randint(0, (as_of - year_start).days))
            services.proposals.agree(ws, LOCAL_USER, saved, agreed_on, plan)
            agreed += 1
            per_lender[lender] = per_lender.get(lender, 0) + 1
            before += account.debt.monthly_demand
            payments = [row.payment for row in plan.rows]
            after += max(payments[1:]) if len(payments) > 1 else payments[0]
            repaid = sum((row.principal + row.arrears for row in plan.rows), D("0"))
            forgiven += max(D("0"), plan.opening - repaid)
    return {
        "agreed": agreed,
        "before": before,
        "after": after,
        "forgiven": forgiven,
        "stages": stages,
        "per_lender": per_lender,
    }


def open_page(open_app, lang):
    at = open_app(PAGE, lang)
    at.date_input(key="outcomes_start").set_value(date(today().year, 1, 1)).run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("lang", LANGS)
def test_the_totals_over_a_generated_caseload_are_the_direct_sums(open_app, lang):
    expected = seed_caseload()
    at = open_page(open_app, lang)
    shown = metrics(at)
    assert shown[translate("outcomes.metric.cases", lang)] == "8"
    assert shown[translate("outcomes.metric.negotiated", lang)] == str(expected["agreed"])
    assert shown[translate("outcomes.metric.before", lang)] == format_money(
        expected["before"], lang
    )
    assert shown[translate("outcomes.metric.after", lang)] == format_money(expected["after"], lang)
    assert shown[translate("outcomes.metric.forgiven", lang)] == format_money(
        expected["forgiven"], lang
    )
    (table,) = [
        df.value for df in at.dataframe if enum_label(CaseStage.OPEN, lang) in df.value.columns
    ]
    total = table.to_dict("records")[-1]
    assert total == {
        translate("outcomes.col.group", lang): translate("outcomes.all", lang),
        translate("outcomes.col.cases", lang): "8",
        **{enum_label(stage, lang): str(expected["stages"][stage]) for stage in CaseStage},
    }
    assert at.get("plotly_chart")


def test_by_lender_and_the_lender_filter(open_app):
    expected = seed_caseload()
    at = open_page(open_app, "en")
    at.selectbox(key="outcomes_by").set_value(Dimension.LENDER).run()
    (table,) = [
        df.value
        for df in at.dataframe
        if translate("outcomes.col.negotiated", "en") in df.value.columns
    ]
    agreed = dict(
        zip(
            table[translate("outcomes.col.group", "en")],
            table[translate("outcomes.col.negotiated", "en")],
            strict=True,
        )
    )
    agreed.pop(translate("outcomes.all", "en"))
    assert {k: int(v) for k, v in agreed.items() if int(v)} == expected["per_lender"]
    lender = sorted(expected["per_lender"])[0]
    at.multiselect(key="outcomes_lenders").set_value([lender]).run()
    assert not at.exception
    assert metrics(at)[translate("outcomes.metric.negotiated", "en")] == str(
        expected["per_lender"][lender]
    )


def test_the_csv_is_made_when_clicked_and_audited(open_app, monkeypatch):
    expected = seed_caseload()
    offered = capture_deferred_downloads(monkeypatch)
    open_page(open_app, "zh-CN")
    ((name, (mime, make)),) = offered.items()
    assert name.startswith("repaytalk-outcomes-") and mime == "text/csv"
    ws = services.open_workspace()
    assert not [e for e in ws.audit.search(limit=50) if e.action == "outcomes.exported"]
    rows = list(csv.reader(io.StringIO(make().decode("utf-8-sig"))))
    total = rows[-1]
    assert total[0] == translate("outcomes.all", "zh-CN")
    header = rows[0]
    assert D(total[header.index(translate("outcomes.col.before", "zh-CN"))]) == expected["before"]
    assert (
        D(total[header.index(translate("outcomes.col.forgiven", "zh-CN"))]) == expected["forgiven"]
    )
    (line,) = [e for e in ws.audit.search(limit=50) if e.action == "outcomes.exported"]
    assert line.subject == "workspace" and line.detail["by"] == "counselor"


def test_without_data_the_page_says_so(open_app):
    at = open_app(PAGE, "en")
    assert translate("outcomes.empty", "en") in [e.value for e in at.info]


# --- team mode --------------------------------------------------------------------------------

NOW = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)


@pytest.fixture
def team(monkeypatch, isolated_database):
    monkeypatch.setenv("REPAYTALK_TEAM_MODE", "1")
    monkeypatch.setattr(ui.state, "utc_now", lambda: NOW)
    return Team(services.open_workspace(isolated_database))


@pytest.mark.parametrize(
    ("username", "listed"), [("wang.li", False), ("zhou.min", True), ("admin", True)]
)
def test_in_team_mode_supervisors_and_administrators_have_the_page(team, username, listed):
    at = signed_in(team, username, "en")
    assert opens(at, PAGE) is listed
    if listed:
        at.run()
        assert not at.exception
        assert metrics(at)[translate("outcomes.metric.cases", "en")] == "2"  # both clients
