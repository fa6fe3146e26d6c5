"""services.cases: a client's case moved step by step over the history shown (refused steps
worded by their codes, a double click taken once, another tab's step refused with the case as
it is), each step in the audit trail; outcomes over the clients the actor may see, narrowed by
counselor and lender, with figures checked against the plans agreed.

(No conftest.py here: the store's database fixtures are imported.)
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

import services
from core.case_lifecycle import CaseStage, CloseReason, StageChange
from core.errors import CoreError
from core.outcomes import Dimension
from core.plans import Plan, PlanRow
from services import LOCAL_USER, ChangedElsewhereError
from services.errors import NotYoursError
from tests.services.test_access_services import (
    Team,
    _drop_run_schema,
    clock,
    database_url,
    make_team,
    settings,
    store,
)
from tests.store.store_samples import a_client, a_debt, a_proposal

__all__ = ["_drop_run_schema", "clock", "database_url", "settings", "store"]

ME = LOCAL_USER
S = CaseStage
D = Decimal
NOW = datetime(2026, 3, 1, 2, 0, tzinfo=UTC)


@pytest.fixture
def ws(store):
    return store


@pytest.fixture
def team(ws) -> Team:
    return make_team(ws)


@pytest.fixture
def client(ws):
    return services.clients.create(ws, ME, a_client(name="王建国", mobile=None))


def step(client_id, stage, on, **fields) -> StageChange:
    return StageChange(client_id=client_id, stage=stage, on=on, **fields)


def trail(ws, action):
    return [e for e in ws.audit.search(limit=100) if e.action == action]


def test_a_case_starts_open_and_moves_step_by_step(ws, client):
    view = services.cases.case(ws, ME, client.id)
    assert (view.stage, view.version, view.allowed) == (S.OPEN, 0, (S.OPEN, S.ASSESSING, S.CLOSED))
    view = services.cases.move(ws, ME, step(client.id, S.OPEN, date(2026, 1, 15)), version=0)
    view = services.cases.move(
        ws, ME, step(client.id, S.ASSESSING, date(2026, 1, 16)), version=view.version
    )
    assert (view.stage, view.version) == (S.ASSESSING, 2)
    assert view.allowed == (S.NEGOTIATING, S.CLOSED)
    lines = trail(ws, services.cases.STAGE_CHANGED)
    assert sorted((line.detail["from"], line.detail["to"]) for line in lines) == [
        ("open", "assessing"),
        ("open", "open"),
    ]
    assert all(line.subject == f"client:{client.id}" for line in lines)


def test_closing_is_audited_with_its_reason_and_never_the_note(ws, client):
    services.cases.move(
        ws,
        ME,
        step(
            client.id,
            S.CLOSED,
            date(2026, 2, 1),
            reason=CloseReason.CLIENT_WITHDREW,
            note="客户王建国自己还清了",
        ),
        version=0,
    )
    (line,) = trail(ws, services.cases.STAGE_CHANGED)
    assert line.detail == {"from": "open", "to": "closed", "reason": "client_withdrew"}
    assert "王建国" not in str(line.detail)


def test_a_step_the_rules_refuse_writes_nothing(ws, client):
    with pytest.raises(CoreError) as caught:
        services.cases.move(ws, ME, step(client.id, S.AGREED, date(2026, 1, 15)), version=0)
    assert caught.value.code == "case_step"
    assert services.cases.case(ws, ME, client.id).version == 0
    assert trail(ws, services.cases.STAGE_CHANGED) == []


def test_a_double_click_is_taken_once_and_another_tabs_step_is_refused(ws, client):
    first = step(client.id, S.ASSESSING, date(2026, 1, 15))
    services.cases.move(ws, ME, first, version=0)
    again = services.cases.move(ws, ME, first, version=0)
    assert again.version == 1
    other = step(client.id, S.CLOSED, date(2026, 1, 15), reason=CloseReason.OTHER)
    with pytest.raises(ChangedElsewhereError) as caught:
        services.cases.move(ws, ME, other, version=0)
    assert caught.value.current.stage is S.ASSESSING
    assert len(trail(ws, services.cases.STAGE_CHANGED)) == 1


def test_a_counselor_moves_only_their_own_clients_case(ws, team, client):
    ws.clients.assign(client.id, team.counselor_a.account_id)
    services.cases.move(
        ws, team.counselor_a, step(client.id, S.ASSESSING, date(2026, 1, 15)), version=0
    )
    with pytest.raises(NotYoursError):
        services.cases.case(ws, team.counselor_b, client.id)
    with pytest.raises(NotYoursError):
        services.cases.move(
            ws, team.counselor_b, step(client.id, S.NEGOTIATING, date(2026, 1, 16)), version=1
        )
    assert services.cases.case(ws, team.supervisor, client.id).version == 1


# --- outcomes --------------------------------------------------------------------------------


def plan(payment: str, months: int, opening: str, arrears: str = "0") -> Plan:
    rows = tuple(
        PlanRow(
            period=k,
            due_date=date(2026 + (3 + k) // 12, (3 + k) % 12 + 1, 20),
            payment=D(payment),
            principal=D(payment) - (D(arrears) if k == 1 else 0),
            interest=D("0"),
            fees=D("0"),
            arrears=D(arrears) if k == 1 else D("0"),
            balance=D("0"),
        )
        for k in range(1, months + 1)
    )
    return Plan(opening=D(opening), rows=rows)


def a_case(ws, name, mobile, creditor, agreed_on, the_plan, owner=None):
    client = services.clients.create(ws, ME, a_client(name=name, mobile=mobile))
    fields = a_debt(client.id, contract_number=f"HT-{mobile}")
    fields = fields.model_copy(
        update={"debt": fields.debt.model_copy(update={"creditor": creditor})}
    )
    debt = services.debts.add(ws, ME, fields)
    services.cases.move(ws, ME, step(client.id, S.OPEN, date(2026, 1, 10)), version=0)
    if agreed_on is not None:
        saved = services.proposals.save(ws, ME, a_proposal(client.id, debt.id))
        services.proposals.agree(ws, ME, saved, agreed_on, the_plan, now=NOW)
    if owner is not None:
        ws.clients.assign(client.id, owner)
    return client, debt


@pytest.fixture
def caseload(ws, team):
    a, b = team.counselor_a.account_id, team.counselor_b.account_id
    return [
        a_case(
            ws,
            "张明",
            "13800000001",
            "来分期",
            date(2026, 3, 12),
            plan("500.00", 24, "12734.55"),
            a,
        ),
        a_case(
            ws,
            "李华",
            "13800000002",
            "LFQ",
            date(2026, 4, 20),
            plan("800.00", 10, "8000.00", "100.00"),
            b,
        ),
        a_case(ws, "赵强", "13800000003", "招商银行", None, None, a),
    ]


def test_a_supervisor_sees_every_case_and_the_figures_add_up(ws, team, caseload):
    services.lender_history.save_aliases(
        ws, ME, [services.lender_history.LenderAlias(alias="LFQ", lender="来分期")], shown=[]
    )
    found = services.cases.outcomes(
        ws, team.supervisor, start=date(2026, 1, 1), end=date(2026, 6, 30), by=Dimension.LENDER
    )
    demand = ws.debts.get(caseload[0][1].id).debt.monthly_demand
    assert found.total.case_count == 3 and found.total.cases[S.OPEN] == 3
    assert found.total.debts_negotiated == 2
    assert found.total.before == demand * 2  # the same sample debt twice
    assert found.total.after == D("1300.00")
    # 12,734.55 opening, 24 × 500 principal: 734.55 given up; 8,000 repaid in full: nothing
    assert found.total.forgiven == D("734.55")
    assert [row.key for row in found.rows] == ["招商银行", "来分期"]
    assert found.rows[1].debts_negotiated == 2
    assert found.lenders == ("招商银行", "来分期")


def test_a_counselor_sees_only_their_own_caseload(ws, team, caseload):
    found = services.cases.outcomes(
        ws, team.counselor_a, start=date(2026, 1, 1), end=date(2026, 6, 30), by=Dimension.MONTH
    )
    assert found.total.case_count == 2 and found.total.debts_negotiated == 1
    assert found.counselors == (team.counselor_a.account_id,)
    march = next(row for row in found.rows if row.key == date(2026, 3, 1))
    assert (march.debts_negotiated, march.after, march.months_total) == (1, D("500.00"), 2)


def test_filters_narrow_by_counselor_and_lender(ws, team, caseload):
    by_b = services.cases.outcomes(
        ws,
        team.admin,
        start=date(2026, 1, 1),
        end=date(2026, 6, 30),
        by=Dimension.COUNSELOR,
        counselors=[team.counselor_b.account_id],
    )
    assert by_b.total.case_count == 1 and by_b.total.after == D("800.00")
    assert [row.key for row in by_b.rows] == [team.counselor_b.account_id]
    at_bank = services.cases.outcomes(
        ws,
        team.admin,
        start=date(2026, 1, 1),
        end=date(2026, 6, 30),
        by=Dimension.COUNSELOR,
        lenders=["招商银行"],
    )
    assert at_bank.total.case_count == 1 and at_bank.total.debts_negotiated == 0
