"""Team mode: what each role finds in the lists across clients, who gets the clients they add,
and who may assign clients, purge them or change workspace settings (issue 21).

(No conftest.py here: the store's database fixtures are imported.)
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

import services
from core.access import Role
from core.rules.living_costs import SHIPPED
from services import LOCAL_USER, InvalidDataError, NotFoundError, caseload
from services.actor import Actor
from services.caseload import REASSIGNED
from services.errors import NotAllowedError, NotYoursError
from tests.services.test_access_services import (
    NOW,
    Team,
    _drop_run_schema,
    clock,
    database_url,
    make_team,
    settings,
    snapshot,
    store,
)
from tests.store.store_samples import SHANGHAI, a_client, a_debt, a_task

__all__ = ["_drop_run_schema", "clock", "database_url", "settings", "store"]


@pytest.fixture
def ws(store):
    return store


@pytest.fixture
def team(ws) -> Team:
    return make_team(ws)


@pytest.fixture
def clients(ws, team) -> dict[str, int]:
    """张明 is counselor A's, 李华 counselor B's, 王芳 nobody's; each has a debt and an open
    and a done task."""
    owners = {
        "张明": team.counselor_a.account_id,
        "李华": team.counselor_b.account_id,
        "王芳": None,
    }
    ids = {}
    for n, (name, owner) in enumerate(owners.items(), start=1):
        client = services.clients.create(
            ws, LOCAL_USER, a_client(name=name, mobile=f"1380000000{n}")
        )
        ids[name] = client.id
        services.debts.add(ws, LOCAL_USER, a_debt(client.id, contract_number=f"HT-{n}-ABCDEF"))
        due = datetime(2026, 3, 2 + n, 9, 0, tzinfo=SHANGHAI)
        _, done_task = services.tasks.add(
            ws,
            LOCAL_USER,
            [
                a_task(client.id, title=f"open {name}", due=due),
                a_task(client.id, title=f"done {name}", due=due),
            ],
        )
        services.tasks.complete(ws, LOCAL_USER, done_task, NOW + timedelta(minutes=n))
        ws.clients.assign(client.id, owner)
    return ids


def names(found) -> list[str]:
    return [client.name for client in found]


def audit_lines(ws, action: str):
    return [(e.actor, e.subject, e.detail) for e in ws.audit.list(action=action, limit=None)]


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("counselor_a", ["张明"]),
        ("counselor_b", ["李华"]),
        ("supervisor", ["张明", "李华", "王芳"]),
        ("admin", ["张明", "李华", "王芳"]),
        ("local", ["张明", "李华", "王芳"]),
    ],
)
def test_list_search_count_and_today_cover_the_actors_clients(ws, team, clients, who, expected):
    actor = LOCAL_USER if who == "local" else getattr(team, who)
    assert names(services.clients.list_all(ws, actor)) == expected
    assert services.clients.count(ws, actor) == len(expected)
    assert names(services.clients.search(ws, actor, "abcdef")) == expected
    assert [t.title for t in services.tasks.list_open(ws, actor)] == [
        f"open {name}" for name in expected
    ]
    # The latest done first: 王芳's was done last.
    assert [t.title for t in services.tasks.list_done(ws, actor)] == [
        f"done {name}" for name in reversed(expected)
    ]


def test_search_finds_no_other_counselors_client_by_any_of_its_fields(ws, team, clients):
    a = team.counselor_a
    for text in ("李华", "HT-2-ABCDEF", "00002", "王芳", "ht 3 abcdef"):
        assert services.clients.search(ws, a, text) == []
    assert names(services.clients.search(ws, a, "HT-1-ABCDEF")) == ["张明"]
    assert names(services.clients.search(ws, team.supervisor, "HT-2-ABCDEF")) == ["李华"]


def test_list_pages_within_the_caseload(ws, team, clients):
    sup = team.supervisor
    assert names(services.clients.list_all(ws, sup, limit=1, offset=1)) == ["李华"]
    assert names(services.clients.list_all(ws, team.counselor_b, limit=1, offset=0)) == ["李华"]
    assert services.clients.list_all(ws, team.counselor_b, limit=1, offset=1) == []


def test_a_counselor_without_an_account_sees_no_list(ws, clients):
    stray = Actor("stray", "stray", Role.COUNSELOR, None)
    for call in (
        services.clients.list_all,
        services.clients.count,
        services.tasks.list_open,
        services.tasks.list_done,
    ):
        with pytest.raises(NotAllowedError):
            call(ws, stray)
    with pytest.raises(NotYoursError):
        services.clients.get(ws, stray, clients["王芳"])


def test_retention_lists_cover_the_actors_clients(ws, team, clients):
    far = date(2040, 1, 1)  # every client is past retention by then
    ids = sorted(clients.values())
    due_a = [item.client_id for item in services.retention.due(ws, team.counselor_a, as_of=far)]
    due_s = [item.client_id for item in services.retention.due(ws, team.supervisor, as_of=far)]
    assert due_a == [clients["张明"]]
    assert sorted(due_s) == ids
    status_b = services.retention.status(ws, team.counselor_b, ids, as_of=far)
    assert [item.client_id for item in status_b] == [clients["李华"]]
    status_local = services.retention.status(ws, LOCAL_USER, ids, as_of=far)
    assert sorted(item.client_id for item in status_local) == ids


def test_stalled_negotiations_refuse_a_list_with_another_counselors_client(ws, team, clients):
    listed = services.clients.list_all(ws, team.supervisor)
    with pytest.raises(NotYoursError) as caught:
        services.negotiations.stalled(ws, team.counselor_a, listed, NOW, "zh-CN")
    assert caught.value.client_id == clients["李华"]  # the first, by id, that is not theirs
    assert audit_lines(ws, "access.refused") == [
        ("counselor.a", f"client:{clients['李华']}", {"via": "negotiations.stalled"})
    ]
    mine = services.clients.list_all(ws, team.counselor_a)
    assert services.negotiations.stalled(ws, team.counselor_a, mine, NOW, "zh-CN") == []


# --- who gets a new client ---------------------------------------------------------------


def test_a_counselors_new_client_is_theirs(ws, team):
    a = team.counselor_a
    client = services.clients.create(ws, a, a_client(name="新客户"))
    assert ws.clients.counselor_of(client.id) == a.account_id
    assert names(services.clients.list_all(ws, a)) == ["新客户"]
    assert names(services.clients.list_all(ws, team.counselor_b)) == []
    assert audit_lines(ws, REASSIGNED) == []


def test_a_counselors_example_client_is_theirs(ws, team):
    client = services.example.load(ws, team.counselor_b, date(2026, 3, 1))
    assert ws.clients.counselor_of(client.id) == team.counselor_b.account_id
    assert services.clients.count(ws, team.counselor_a) == 0
    assert services.clients.count(ws, team.counselor_b) == 1


def test_a_supervisors_new_client_is_nobodys_unless_given(ws, team):
    sup, b = team.supervisor, team.counselor_b
    nobodys = services.clients.create(ws, sup, a_client(name="甲"))
    given = services.clients.create(ws, sup, a_client(name="乙"), counselor_id=b.account_id)
    assert ws.clients.counselor_of(nobodys.id) is None
    assert ws.clients.counselor_of(given.id) == b.account_id
    assert audit_lines(ws, REASSIGNED) == [
        ("supervisor.s", f"client:{given.id}", {"from": None, "to": b.account_id})
    ]


def test_the_local_users_clients_are_nobodys(ws):
    client = services.clients.create(ws, LOCAL_USER, a_client())
    example = services.example.load(ws, LOCAL_USER, date(2026, 3, 1))
    assert (ws.clients.counselor_of(client.id), ws.clients.counselor_of(example.id)) == (None, None)
    assert ws.audit.count() == 0


def test_a_counselor_cannot_give_a_new_client_to_another(ws, team):
    before = snapshot(ws)
    with pytest.raises(NotAllowedError) as caught:
        services.clients.create(
            ws, team.counselor_a, a_client(), counselor_id=team.counselor_b.account_id
        )
    assert caught.value.permission == "assign_clients"
    assert snapshot(ws) == before


@pytest.mark.parametrize(
    ("target", "error", "code"),
    [
        ("disabled", InvalidDataError, "account_disabled"),
        ("supervisor", InvalidDataError, "not_a_counselor"),
        ("missing", NotFoundError, "not_found"),
    ],
)
def test_clients_go_only_to_enabled_counselors(ws, team, clients, target, error, code):
    account = {"disabled": team.disabled_id, "supervisor": team.supervisor_id, "missing": 999}[
        target
    ]
    before = snapshot(ws)
    with pytest.raises(error) as on_create:
        services.clients.create(ws, team.supervisor, a_client(), counselor_id=account)
    with pytest.raises(error) as on_assign:
        caseload.assign(ws, team.supervisor, clients["王芳"], account)
    assert (on_create.value.code, on_assign.value.code) == (code, code)
    assert snapshot(ws) == before
    assert audit_lines(ws, REASSIGNED) == []


# --- assigning ---------------------------------------------------------------------------


def test_a_supervisor_reassigns_and_each_change_is_audited(ws, team, clients):
    a, b, sup = team.counselor_a, team.counselor_b, team.supervisor
    client_id = clients["张明"]
    version = ws.clients.get(client_id).version
    caseload.assign(ws, sup, client_id, b.account_id)
    caseload.assign(ws, sup, client_id, b.account_id)  # the same: nothing written
    caseload.assign(ws, team.admin, client_id, None)
    assert ws.clients.counselor_of(client_id) is None
    assert ws.clients.get(client_id).version == version  # an open form stays valid
    assert audit_lines(ws, REASSIGNED) == [
        ("admin.root", f"client:{client_id}", {"from": b.account_id, "to": None}),
        ("supervisor.s", f"client:{client_id}", {"from": a.account_id, "to": b.account_id}),
    ]
    assert services.clients.count(ws, a) == 0
    with pytest.raises(NotYoursError):
        services.clients.get(ws, a, client_id)


@pytest.mark.parametrize("who", ["counselor_a", "counselor_b"])
def test_a_counselor_may_not_assign(ws, team, clients, who):
    before = snapshot(ws)
    with pytest.raises(NotAllowedError) as caught:
        caseload.assign(ws, getattr(team, who), clients["张明"], team.counselor_b.account_id)
    assert caught.value.permission == "assign_clients"
    assert snapshot(ws) == before
    assert ws.audit.count() == 0


def test_assigning_a_missing_client_is_not_found_and_not_audited(ws, team):
    with pytest.raises(NotFoundError):
        caseload.assign(ws, team.supervisor, 999, team.counselor_a.account_id)
    assert ws.audit.count() == 0


def test_caseload_counts_are_for_those_who_see_every_client(ws, team, clients):
    a, b = team.counselor_a.account_id, team.counselor_b.account_id
    assert caseload.caseload_counts(ws, team.supervisor) == {a: 1, b: 1, None: 1}
    assert caseload.caseload_counts(ws, LOCAL_USER) == {a: 1, b: 1, None: 1}
    with pytest.raises(NotAllowedError):
        caseload.caseload_counts(ws, team.counselor_a)


def test_counselor_of_is_asked_only_about_ones_own(ws, team, clients):
    a = team.counselor_a
    assert caseload.counselor_of(ws, a, clients["张明"]) == a.account_id
    assert caseload.counselor_of(ws, team.supervisor, clients["王芳"]) is None
    with pytest.raises(NotYoursError):
        caseload.counselor_of(ws, a, clients["李华"])


# --- administrator actions -----------------------------------------------------------------


@pytest.mark.parametrize("who", ["counselor_a", "supervisor"])
def test_only_an_administrator_purges(ws, team, clients, who):
    seen = [(clients["张明"], 1)]
    before = snapshot(ws)
    with pytest.raises(NotAllowedError) as caught:
        services.retention.purge(ws, getattr(team, who), seen, as_of=date(2040, 1, 1))
    assert caught.value.permission == "delete_all"
    assert snapshot(ws) == before
    result = services.retention.purge(ws, team.admin, seen, as_of=date(2040, 1, 1))
    assert (len(result.purged), result.gone) == (1, ())
    assert names(services.clients.list_all(ws, team.supervisor)) == ["李华", "王芳"]


@pytest.mark.parametrize("who", ["counselor_a", "supervisor"])
def test_only_an_administrator_changes_workspace_settings(ws, team, who):
    actor = getattr(team, who)
    agency = SHIPPED[1].id
    for change in (
        lambda a: services.retention.save_years(ws, a, 5, version=0),
        lambda a: services.benchmarks.choose_benchmark(ws, a, agency, version=0),
        lambda a: services.benchmarks.save_benchmarks(ws, a, [], version=0),
    ):
        with pytest.raises(NotAllowedError) as caught:
            change(actor)
        assert caught.value.permission == "manage_settings"
    assert services.retention.setting(ws, actor).years == 3
    assert services.benchmarks.chosen(ws, actor).version == 0
    assert services.retention.save_years(ws, team.admin, 5, version=0).years == 5
    assert services.benchmarks.choose_benchmark(ws, team.admin, agency, version=0).benchmark.id == (
        agency
    )
