"""services.hardship: a client's hardship situations and the proof gathered, each saved at the
version shown in one unit of work with the checklists' hardship line; the evidence list of a
client out of work and on 低保; erased with the client (deleted or purged). And services.debts
with each debt's credit-record fields and clock.

(No conftest.py here: the store's database fixtures are imported.)
"""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

import services
from core.calls import DocumentChecklist
from core.debts import Debt
from core.rules.credit_record import ClockBasis, Reporting
from core.rules.hardship import HardshipSituation, ProofItem, ProofStatus, SituationKind
from services import LOCAL_USER, ChangedElsewhereError, InvalidDataError, NotFoundError
from services.actor import NotAnActorError
from services.hardship import GatheredProof
from store.clients import client_tables

# The store's database fixtures (SQLite, and PostgreSQL when TEST_DATABASE_URL is set).
from tests.store.conftest import _drop_run_schema, clock, database_url, settings, store
from tests.store.store_samples import a_checklist, a_client, a_debt

ME = LOCAL_USER
P = ProofItem


@pytest.fixture
def ws(store):
    return store


@pytest.fixture
def client(ws):
    return services.clients.create(ws, ME, a_client(name="王建国", mobile=None))


def out_of_work(client_id: int, **changes) -> HardshipSituation:
    fields = {
        "client_id": client_id,
        "kind": SituationKind.UNEMPLOYMENT,
        "started_on": date(2025, 6, 1),
        "note": "工厂关闭，失业",
    }
    return HardshipSituation(**{**fields, **changes})


def on_dibao(client_id: int, **changes) -> HardshipSituation:
    fields = {
        "client_id": client_id,
        "kind": SituationKind.MINIMUM_LIVING_ALLOWANCE,
        "started_on": date(2025, 9, 1),
        "note": "全家享受低保",
    }
    return HardshipSituation(**{**fields, **changes})


def statuses(evidence) -> list[tuple[str, str]]:
    return [(line.item.value, line.status.value) for line in evidence.lines]


# --- the done-when case: out of work and on 低保 ------------------------------------------------


def test_out_of_work_on_dibao_lists_the_unemployment_and_dibao_certificates(ws, client):
    services.hardship.add(ws, ME, on_dibao(client.id))
    services.hardship.add(ws, ME, out_of_work(client.id))
    nothing = services.hardship.evidence(ws, ME, client.id)
    assert [s.kind for s in nothing.situations] == [
        SituationKind.UNEMPLOYMENT,
        SituationKind.MINIMUM_LIVING_ALLOWANCE,
    ]
    assert statuses(nothing) == [
        ("unemployment_certificate", "missing"),
        ("termination_letter", "missing"),
        ("social_insurance_stop_record", "missing"),
        ("minimum_living_certificate", "missing"),
        ("extreme_hardship_certificate", "missing"),
    ]
    assert (nothing.ready, nothing.enclosures, nothing.gathered.version) == (False, (), 0)

    # 失业证明 in hand: unemployment is covered, 低保证 still missing
    one = services.hardship.set_gathered(ws, ME, client.id, [P.UNEMPLOYMENT_CERTIFICATE], version=0)
    half = services.hardship.evidence(ws, ME, client.id)
    assert (
        half.gathered
        == one
        == GatheredProof(client_id=client.id, items=(P.UNEMPLOYMENT_CERTIFICATE,), version=1)
    )
    assert statuses(half) == [
        ("unemployment_certificate", "gathered"),
        ("termination_letter", "not_needed"),
        ("social_insurance_stop_record", "not_needed"),
        ("minimum_living_certificate", "missing"),
        ("extreme_hardship_certificate", "missing"),
    ]
    assert half.missing == (P.MINIMUM_LIVING_CERTIFICATE, P.EXTREME_HARDSHIP_CERTIFICATE)
    assert half.ready is False
    assert half.enclosures == (P.UNEMPLOYMENT_CERTIFICATE,)

    # and the 低保证: everything is covered, both are enclosed
    services.hardship.set_gathered(
        ws, ME, client.id, [P.MINIMUM_LIVING_CERTIFICATE, P.UNEMPLOYMENT_CERTIFICATE], version=1
    )
    full = services.hardship.evidence(ws, ME, client.id)
    assert [line.item for line in full.lines if line.status is ProofStatus.GATHERED] == [
        P.UNEMPLOYMENT_CERTIFICATE,
        P.MINIMUM_LIVING_CERTIFICATE,
    ]
    assert statuses(full)[3:] == [
        ("minimum_living_certificate", "gathered"),
        ("extreme_hardship_certificate", "not_needed"),
    ]
    assert (full.ready, full.missing) == (True, ())
    assert full.enclosures == (P.UNEMPLOYMENT_CERTIFICATE, P.MINIMUM_LIVING_CERTIFICATE)


def test_a_client_without_situations_has_nothing_to_prove(ws, client):
    evidence = services.hardship.evidence(ws, ME, client.id)
    assert (evidence.situations, evidence.lines, evidence.ready) == ((), (), None)


# --- situations at the version shown ----------------------------------------------------------


def test_situations_are_added_changed_and_deleted_at_the_version_shown(ws, client):
    shown = services.hardship.add(ws, ME, out_of_work(client.id))
    assert services.hardship.list_for_client(ws, ME, client.id) == [shown]
    assert services.hardship.get(ws, ME, shown.id) == shown
    ended = services.hardship.update(
        ws, ME, shown.model_copy(update={"ended_on": date(2026, 2, 28)})
    )
    assert (ended.version, ended.client_id, ended.ended_on) == (2, client.id, date(2026, 2, 28))

    with pytest.raises(ChangedElsewhereError) as caught:
        services.hardship.update(ws, ME, shown.model_copy(update={"note": "另一个标签页"}))
    assert (caught.value.entity, caught.value.seen, caught.value.actual) == (
        "hardship_situation",
        1,
        2,
    )
    assert caught.value.current == ended
    with pytest.raises(ChangedElsewhereError):
        services.hardship.delete(ws, ME, shown.id, version=1)
    assert services.hardship.list_for_client(ws, ME, client.id) == [ended]

    services.hardship.delete(ws, ME, shown.id, version=2)
    assert services.hardship.list_for_client(ws, ME, client.id) == []
    with pytest.raises(NotFoundError):
        services.hardship.delete(ws, ME, shown.id, version=2)
    with pytest.raises(NotFoundError):  # deleted elsewhere
        services.hardship.update(ws, ME, ended)


def test_a_repeated_request_adds_one_situation(ws, client):
    situation = out_of_work(client.id)
    key = services.request_key("form-1", "hardship_situation", situation)
    first = services.hardship.add(ws, ME, situation, request_id=key)
    again = services.hardship.add(ws, ME, situation, request_id=key)
    assert again == first
    assert services.hardship.list_for_client(ws, ME, client.id) == [first]


def test_every_action_needs_an_actor(ws, client):
    for call in (
        lambda: services.hardship.list_for_client(ws, None, client.id),
        lambda: services.hardship.add(ws, None, out_of_work(client.id)),
        lambda: services.hardship.evidence(ws, "local", client.id),
        lambda: services.hardship.set_gathered(ws, None, client.id, [], version=0),
        lambda: services.hardship.gathered(ws, None, client.id),
    ):
        with pytest.raises(NotAnActorError):
            call()
    assert services.hardship.list_for_client(ws, ME, client.id) == []
    assert services.hardship.gathered(ws, ME, client.id).version == 0


# --- the proof gathered at the version shown ----------------------------------------------------


def test_proof_saved_elsewhere_since_is_refused_with_what_is_saved_now(ws, client):
    tab_a = services.hardship.gathered(ws, ME, client.id)
    tab_b = services.hardship.gathered(ws, ME, client.id)
    saved = services.hardship.set_gathered(ws, ME, client.id, [P.DIAGNOSIS], version=tab_a.version)
    with pytest.raises(ChangedElsewhereError) as caught:
        services.hardship.set_gathered(ws, ME, client.id, [P.HOSPITAL_BILLS], version=tab_b.version)
    assert (caught.value.entity, caught.value.seen, caught.value.actual) == (
        "gathered_proof",
        0,
        1,
    )
    assert caught.value.current == saved
    assert services.hardship.gathered(ws, ME, client.id) == saved


def test_saving_the_items_already_saved_is_a_harmless_double_click(ws, client):
    first = services.hardship.set_gathered(ws, ME, client.id, [P.DIAGNOSIS], version=0)
    again = services.hardship.set_gathered(ws, ME, client.id, ["diagnosis"], version=0)
    assert again == first
    assert services.hardship.gathered(ws, ME, client.id).version == 1


def test_an_unknown_item_is_refused_with_a_named_error(ws, client):
    with pytest.raises(InvalidDataError) as caught:
        services.hardship.set_gathered(ws, ME, client.id, ["payslip"], version=0)
    assert (caught.value.field, caught.value.code) == ("proof_items", "choice")


# --- the checklists follow the evidence -------------------------------------------------------


def checklists(ws, client_id) -> list[tuple[int | None, bool, int]]:
    return [
        (c.debt_id, c.hardship_proof, c.version) for c in ws.checklists.list_for_client(client_id)
    ]


def test_each_checklist_hardship_line_follows_the_evidence_in_the_same_unit(ws, client):
    debt = services.debts.add(ws, ME, a_debt(client.id))
    general = services.checklists.save(ws, ME, DocumentChecklist(client_id=client.id))
    services.checklists.save(ws, ME, a_checklist(client.id, debt.id))  # hardship_proof False
    assert checklists(ws, client.id) == [(None, False, 1), (debt.id, False, 1)]

    services.hardship.add(ws, ME, out_of_work(client.id))
    assert checklists(ws, client.id) == [(None, False, 1), (debt.id, False, 1)]  # not written
    services.hardship.set_gathered(ws, ME, client.id, [P.UNEMPLOYMENT_CERTIFICATE], version=0)
    assert checklists(ws, client.id) == [(None, True, 2), (debt.id, True, 2)]

    ill = services.hardship.add(
        ws, ME, out_of_work(client.id, kind=SituationKind.ILLNESS_OR_INJURY, note="")
    )
    assert checklists(ws, client.id) == [(None, False, 3), (debt.id, False, 3)]
    services.hardship.delete(ws, ME, ill.id, version=ill.version)
    assert checklists(ws, client.id) == [(None, True, 4), (debt.id, True, 4)]
    # the rest of a checklist is as it was
    assert (
        ws.checklists.get(general.id).model_copy(update={"hardship_proof": False, "version": 1})
        == general
    )


def test_without_situations_a_checklist_keeps_what_the_counselor_ticked(ws, client):
    ticked = services.checklists.save(
        ws, ME, DocumentChecklist(client_id=client.id, hardship_proof=True)
    )
    services.hardship.set_gathered(ws, ME, client.id, [], version=0)
    assert ws.checklists.get(ticked.id) == ticked


def test_no_checklist_is_made_by_the_evidence(ws, client):
    services.hardship.add(ws, ME, out_of_work(client.id))
    services.hardship.set_gathered(ws, ME, client.id, [P.UNEMPLOYMENT_CERTIFICATE], version=0)
    assert ws.checklists.list_for_client(client.id) == []


def test_nothing_is_saved_when_the_checklist_cannot_be(ws, client, monkeypatch):
    services.checklists.save(ws, ME, DocumentChecklist(client_id=client.id))
    job = services.hardship.add(ws, ME, out_of_work(client.id))
    proof = services.hardship.set_gathered(
        ws, ME, client.id, [P.UNEMPLOYMENT_CERTIFICATE], version=0
    )
    (ticked,) = ws.checklists.list_for_client(client.id)
    assert ticked.hardship_proof is True

    def failing(checklist):
        raise services.InvalidDataError("checklist", "planted failure")

    monkeypatch.setattr(ws.checklists, "save", failing)
    # each of these would clear the line: each fails whole
    with pytest.raises(services.InvalidDataError):
        services.hardship.set_gathered(ws, ME, client.id, [], version=1)
    with pytest.raises(services.InvalidDataError):
        services.hardship.add(ws, ME, on_dibao(client.id))
    with pytest.raises(services.InvalidDataError):
        services.hardship.update(ws, ME, job.model_copy(update={"kind": SituationKind.DISASTER}))
    monkeypatch.undo()
    assert services.hardship.gathered(ws, ME, client.id) == proof
    assert services.hardship.list_for_client(ws, ME, client.id) == [job]
    assert ws.checklists.list_for_client(client.id) == [ticked]


# --- erased with the client ---------------------------------------------------------------------


def rows_about(ws, client_id) -> dict[str, int]:
    with ws.engine.connect() as connection:
        return {
            table.name: connection.scalar(
                sa.select(sa.func.count()).select_from(table).where(table.c.client_id == client_id)
            )
            for table in client_tables()
            if table.name in ("hardship_situations", "client_proofs")
        }


def test_deleting_the_client_erases_situations_and_proof(ws, client):
    services.hardship.add(ws, ME, out_of_work(client.id))
    services.hardship.set_gathered(ws, ME, client.id, [P.UNEMPLOYMENT_CERTIFICATE], version=0)
    assert rows_about(ws, client.id) == {"hardship_situations": 1, "client_proofs": 1}
    services.clients.delete(ws, ME, client.id, version=client.version)
    assert rows_about(ws, client.id) == {"hardship_situations": 0, "client_proofs": 0}


def test_a_retention_purge_erases_them_and_counts_them_anonymously(ws, client):
    services.hardship.add(ws, ME, out_of_work(client.id))
    services.hardship.add(ws, ME, on_dibao(client.id))
    services.hardship.set_gathered(ws, ME, client.id, [P.UNEMPLOYMENT_CERTIFICATE], version=0)
    later = date(2040, 1, 1)
    result = services.retention.purge(ws, ME, [(client.id, client.version)], as_of=later)
    (purged,) = result.purged
    assert purged.rows == {"client_proofs": 1, "clients": 1, "hardship_situations": 2}
    assert rows_about(ws, client.id) == {"hardship_situations": 0, "client_proofs": 0}


# --- debts: the credit-record fields and clock -----------------------------------------------


def test_a_debts_credit_record_fields_are_saved_and_read(ws, client):
    shown = services.debts.add(
        ws, ME, a_debt(client.id, reports_credit=Reporting.YES, overdue_since=date(2026, 1, 15))
    )
    assert services.debts.get(ws, ME, shown.id) == shown
    assert (shown.reports_credit, shown.overdue_since) == (Reporting.YES, date(2026, 1, 15))
    changed = services.debts.update(
        ws, ME, shown.model_copy(update={"reports_credit": Reporting.NO})
    )
    assert services.debts.list_for_client(ws, ME, client.id) == [changed]
    with pytest.raises(ChangedElsewhereError) as caught:
        services.debts.update(ws, ME, shown.model_copy(update={"overdue_since": None}))
    assert caught.value.current.reports_credit is Reporting.NO
    assert services.debts.get(ws, ME, shown.id).overdue_since == date(2026, 1, 15)


def test_each_overdue_debt_has_its_credit_record_clock(ws, client):
    as_of = date(2026, 3, 1)
    reported = services.debts.add(
        ws,
        ME,
        a_debt(client.id, "HT-1", reports_credit=Reporting.YES, overdue_since=date(2026, 1, 15)),
    )
    unknown = services.debts.add(ws, ME, a_debt(client.id, "HT-2"))  # 45 days overdue
    silent = services.debts.add(ws, ME, a_debt(client.id, "HT-3", reports_credit=Reporting.NO))
    paid_up = a_debt(client.id, "HT-4")
    paid_up = paid_up.model_copy(
        update={
            "debt": Debt.model_validate(
                {**dict(paid_up.debt), "overdue_amount": 0, "days_overdue": 0}
            )
        }
    )
    current = services.debts.add(ws, ME, paid_up)
    future = services.debts.add(ws, ME, a_debt(client.id, "HT-5", overdue_since=date(2026, 3, 2)))
    clocks = services.debts.credit_clocks(ws, ME, client.id, as_of=as_of)
    assert [c.account.id for c in clocks] == [
        reported.id,
        unknown.id,
        silent.id,
        current.id,
        future.id,
    ]
    first, second, third, fourth, fifth = clocks
    assert (first.clock.record_ends_on, first.clock.overdue_since) == (
        date(2031, 3, 1),
        date(2026, 1, 15),
    )
    assert (first.clock.is_estimate, first.clock.basis, first.since_estimated) == (
        False,
        ClockBasis.IF_CLEARED_TODAY,
        False,
    )
    assert (second.clock.record_ends_on, second.clock.overdue_since) == (
        date(2031, 3, 1),
        date(2026, 1, 15),  # 45 days before 1 March
    )
    assert (second.clock.is_estimate, second.since_estimated) == (True, True)
    assert (third.clock, fourth.clock) == (None, None)
    assert (fifth.clock, fifth.problem) == (None, "future")
