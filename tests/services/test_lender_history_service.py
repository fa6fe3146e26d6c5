"""services.lender_history: what each lender agreed to before, across the clients the acting
user may see (a counselor's own caseload; everyone's for supervisors, administrators and the
local user), in the same few queries for 2 clients as for 20; the alias table, saved at the
versions shown by those allowed to change workspace settings.

(No conftest.py here: the store's database fixtures are imported.)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
import sqlalchemy as sa

import services
from core.lender_history import KindHistory, LenderAlias
from core.proposals import (
    InterestWaiver,
    LumpSumSettlement,
    PrincipalFirst,
    ProposalKind,
    SettlementPart,
    StopInterest,
)
from services import LOCAL_USER
from services import lender_history as history_service
from services.errors import ChangedElsewhereError, InvalidDataError, NotAllowedError
from services.workspace import ProposalStatus
from tests.services.test_access_services import (
    Team,
    _drop_run_schema,
    clock,
    database_url,
    make_team,
    settings,
    store,
)
from tests.store.store_samples import a_call, a_client, a_debt, a_proposal

__all__ = ["_drop_run_schema", "clock", "database_url", "settings", "store"]

STOP = ProposalKind.STOP_INTEREST
WAIVER = ProposalKind.INTEREST_WAIVER
# 21:30 in Shanghai on 1 March: the first call about each debt (1 March on the lenders' clock,
# although it is 13:30 UTC on the same day; 23:30 Shanghai would still be 1 March).
FIRST_CALL = datetime(2026, 3, 1, 13, 30, tzinfo=UTC)


@pytest.fixture
def ws(store):
    return store


@pytest.fixture
def team(ws) -> Team:
    return make_team(ws)


def a_case(
    ws,
    name: str,
    mobile: str,
    *,
    creditor: str = "来分期",
    agreed_after: int | None = 14,
    refused: bool = False,
    put_only: bool = False,
    owner: int | None = None,
) -> int:
    """A client with a debt at ``creditor``, a first call about it on 1 March, and a
    stop-interest proposal (36 months, 30 % waived) agreed ``agreed_after`` days later, or
    refused, or only put on the call; returns the client's id."""
    client = services.clients.create(ws, LOCAL_USER, a_client(name=name, mobile=mobile))
    debt_fields = a_debt(client.id, contract_number=f"HT-{mobile}")
    debt_fields = debt_fields.model_copy(
        update={"debt": debt_fields.debt.model_copy(update={"creditor": creditor})}
    )
    debt = services.debts.add(ws, LOCAL_USER, debt_fields)
    proposal = services.proposals.save(
        ws,
        LOCAL_USER,
        a_proposal(
            client.id, debt.id, proposal=StopInterest(months=36, waiver_share=Decimal("0.3"))
        ),
    )
    services.calls.log(
        ws,
        LOCAL_USER,
        a_call(
            client.id,
            at=FIRST_CALL,
            debt_id=debt.id,
            lender=creditor,
            proposal_id=proposal.id,
            next_action_on=None,
            next_action="",
        ),
        now=FIRST_CALL,
    )
    if refused:
        services.proposals.refuse(ws, LOCAL_USER, proposal, now=FIRST_CALL)
    elif not put_only and agreed_after is not None:
        agreed_on = date.fromordinal(date(2026, 3, 1).toordinal() + agreed_after)
        services.proposals.agree(ws, LOCAL_USER, proposal, agreed_on, now=FIRST_CALL)
    if owner is not None:
        ws.clients.assign(client.id, owner)
    return client.id


@pytest.fixture
def caseload(ws, team) -> None:
    """Counselor A's two clients at 来分期 (agreed after 10 and 20 days), counselor B's one
    (refused, written "LFQ") and an unassigned one at 招商银行 put on a call only."""
    a = team.counselor_a.account_id
    a_case(ws, "张明", "13800000001", agreed_after=10, owner=a)
    a_case(ws, "李华", "13800000002", agreed_after=20, owner=a)
    a_case(
        ws, "王芳", "13800000003", creditor="LFQ", refused=True, owner=team.counselor_b.account_id
    )
    a_case(ws, "赵强", "13800000004", creditor="招商银行", put_only=True)


def test_a_supervisor_sees_every_clients_history_through_the_aliases(ws, team, caseload):
    history_service.save_aliases(
        ws, team.admin, [LenderAlias(alias="lfq", lender="来分期")], shown=[]
    )
    expected = {
        ("招商银行", STOP): KindHistory(asked=1),
        ("来分期", STOP): KindHistory(
            asked=3,
            agreed=2,
            refused=1,
            median_days=15,  # 10 and 20
            deepest_waiver=Decimal("0.3"),
            longest_term=36,
        ),
    }
    for actor in (team.supervisor, team.admin, LOCAL_USER):
        assert history_service.history(ws, actor) == expected


def test_a_counselor_sees_only_their_own_clients_history(ws, team, caseload):
    assert history_service.history(ws, team.counselor_a) == {
        ("来分期", STOP): KindHistory(
            asked=2,
            agreed=2,
            median_days=15,
            deepest_waiver=Decimal("0.3"),
            longest_term=36,
        )
    }
    # without the alias, B's "LFQ" is a lender of its own
    assert history_service.history(ws, team.counselor_b) == {
        ("LFQ", STOP): KindHistory(asked=1, refused=1)
    }


def test_for_lender_names_the_debts_creditor_through_the_aliases(ws, team, caseload):
    history_service.save_aliases(
        ws, LOCAL_USER, [LenderAlias(alias="来分期", lender="LFQ 来分期")], shown=[]
    )
    assert history_service.for_lender(ws, team.counselor_b, "来分期") == {}
    assert history_service.for_lender(ws, team.counselor_b, "ｌｆｑ") == {
        STOP: KindHistory(asked=1, refused=1)
    }
    assert history_service.for_lender(ws, LOCAL_USER, " 来分期 ")[STOP].asked == 2
    assert history_service.for_lender(ws, LOCAL_USER, "平安普惠") == {}


@contextmanager
def counted(ws) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(conn, cursor, statement, parameters, context, executemany) -> None:
        statements.append(statement)

    sa.event.listen(ws.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        sa.event.remove(ws.engine, "before_cursor_execute", count)


def queries_for(ws, actor) -> tuple[int, dict]:
    with counted(ws) as statements:
        found = history_service.history(ws, actor)
    return len([s for s in statements if s.lstrip().upper().startswith("SELECT")]), found


def test_the_number_of_queries_does_not_grow_with_the_clients(ws, team):
    a = team.counselor_a.account_id
    for n in range(2):
        a_case(ws, f"客户{n}", f"1390000{n:04d}", agreed_after=n + 1, owner=a)
    few_supervisor, _ = queries_for(ws, team.supervisor)
    few_counselor, _ = queries_for(ws, team.counselor_a)
    for n in range(2, 20):
        a_case(ws, f"客户{n}", f"1390000{n:04d}", agreed_after=n + 1, owner=a)
    many_supervisor, found = queries_for(ws, team.supervisor)
    many_counselor, mine = queries_for(ws, team.counselor_a)
    assert found[("来分期", STOP)].agreed == mine[("来分期", STOP)].agreed == 20
    assert found[("来分期", STOP)].median_days == 11  # days 1 … 20: (10 + 11) / 2 → 11
    assert (few_supervisor, few_counselor) == (many_supervisor, many_counselor)
    assert many_supervisor == 4  # proposals, first calls, calls' proposals, aliases


def test_the_records_term_and_waiver_come_from_the_proposal(ws):
    client = services.clients.create(ws, LOCAL_USER, a_client())
    debt = services.debts.add(ws, LOCAL_USER, a_debt(client.id))
    proposals = [
        PrincipalFirst(months=24, interest_months=6, waiver_share=Decimal("0.8")),
        InterestWaiver(waiver_share=Decimal("0.45")),
        LumpSumSettlement(
            parts=(SettlementPart(amount=Decimal("6000"), due_date=date(2026, 4, 1)),)
        ),
    ]
    for proposal in proposals:
        saved = services.proposals.save(
            ws, LOCAL_USER, a_proposal(client.id, debt.id, proposal=proposal)
        )
        services.proposals.agree(ws, LOCAL_USER, saved, date(2026, 3, 5), now=FIRST_CALL)
    records = [history_service.record_of(put) for put in ws.calls.proposals_put()]
    assert [(r.kind, r.waiver_share, r.term_months, r.first_call_on) for r in records] == [
        (ProposalKind.PRINCIPAL_FIRST, Decimal("0.8"), 30, None),
        (WAIVER, Decimal("0.45"), None, None),
        (ProposalKind.LUMP_SUM_SETTLEMENT, None, None, None),
    ]
    # agreeing another plan of the same debt makes the earlier one a plain saved one again
    assert [r.answer.value for r in records] == ["saved", "saved", "agreed"]
    assert ws.proposals.agreed(client.id, debt.id).status is ProposalStatus.AGREED


# --- the alias table ------------------------------------------------------------------------


def test_only_those_who_manage_settings_save_aliases(ws, team):
    rows = [LenderAlias(alias="LFQ", lender="来分期")]
    for actor in (team.counselor_a, team.supervisor):
        with pytest.raises(NotAllowedError):
            history_service.save_aliases(ws, actor, rows, shown=[])
    assert history_service.aliases(ws, team.counselor_a) == []
    saved = history_service.save_aliases(ws, team.admin, rows, shown=[])
    assert [(a.alias, a.lender) for a in saved] == [("lfq", "来分期")]
    # everyone reads the table
    assert history_service.aliases(ws, team.counselor_a) == saved
    again = history_service.save_aliases(
        ws, LOCAL_USER, [*rows, LenderAlias(alias="来分期APP", lender="来分期")], shown=saved
    )
    assert [a.alias for a in again] == ["lfq", "来分期app"]
    trail = [e for e in ws.audit.list() if e.action == "lender_aliases.saved"]
    assert [(e.actor, e.detail) for e in trail] == [  # the newest first
        ("local", {"count": 2}),
        ("admin.root", {"count": 1}),
    ]


def test_a_save_over_a_changed_table_is_refused_with_the_table_as_it_is(ws):
    shown = history_service.save_aliases(
        ws, LOCAL_USER, [LenderAlias(alias="LFQ", lender="来分期")], shown=[]
    )
    history_service.save_aliases(
        ws, LOCAL_USER, [LenderAlias(alias="LFQ", lender="来分期金融")], shown=shown
    )
    with pytest.raises(ChangedElsewhereError) as caught:
        history_service.save_aliases(ws, LOCAL_USER, [], shown=shown)
    assert [(a.alias, a.lender) for a in caught.value.current] == [("lfq", "来分期金融")]
    with pytest.raises(InvalidDataError):
        history_service.save_aliases(
            ws,
            LOCAL_USER,
            [LenderAlias(alias="A", lender="甲"), LenderAlias(alias="a", lender="乙")],
            shown=history_service.aliases(ws, LOCAL_USER),
        )
    assert [(a.alias, a.lender) for a in history_service.aliases(ws, LOCAL_USER)] == [
        ("lfq", "来分期金融")
    ]
