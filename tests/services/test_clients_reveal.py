"""services.clients.reveal: the full value of one masked field, checked against the version on
screen, and one audit line per reveal that names the field, never the value.

(No conftest.py here: the store's database fixtures are imported.)
"""

from __future__ import annotations

import json

import pytest

import services
from core.clients import ClientContact, Relation
from services import LOCAL_USER, ChangedElsewhereError, NotFoundError
from services.actor import NotAnActorError
from services.clients import REVEALED, Revealable

# The store's database fixtures (SQLite, and PostgreSQL when TEST_DATABASE_URL is set).
from tests.store.conftest import _drop_run_schema, clock, database_url, settings, store
from tests.store.store_samples import a_client

ME = LOCAL_USER
MOBILE = "13912345678"
ID_NUMBER = "110101199003077651"
CONTACTS = (
    ClientContact(name="李秀英", relation=Relation.SPOUSE),
    ClientContact(name="张伟", relation=Relation.COLLEAGUE),
)


@pytest.fixture
def ws(store):
    return store


@pytest.fixture
def client(ws):
    return services.clients.create(
        ws, ME, a_client(name="欧阳小明", mobile=MOBILE, id_number=ID_NUMBER, contacts=CONTACTS)
    )


@pytest.mark.parametrize(
    ("field", "index", "value"),
    [
        (Revealable.NAME, None, "欧阳小明"),
        (Revealable.MOBILE, None, MOBILE),
        (Revealable.ID_NUMBER, None, ID_NUMBER),
        (Revealable.CONTACT, 0, "李秀英"),
        (Revealable.CONTACT, 1, "张伟"),
    ],
)
def test_reveal_gives_the_full_value_and_audits_the_field_only(ws, client, field, index, value):
    shown = services.clients.reveal(ws, ME, client.id, field, index=index, version=client.version)
    assert shown == value
    [line] = ws.audit.list(action=REVEALED)
    expected = {"field": field.value} | ({"index": index} if index is not None else {})
    assert (line.actor, line.action, line.subject, line.detail) == (
        "local",
        "client.revealed",
        f"client:{client.id}",
        expected,
    )
    assert value not in json.dumps(line.detail, ensure_ascii=False)
    assert services.clients.get(ws, ME, client.id) == client  # the record is untouched


def test_each_reveal_is_one_line(ws, client):
    for field in ("mobile", "mobile", "id_number"):
        services.clients.reveal(ws, ME, client.id, field)
    assert [line.detail["field"] for line in ws.audit.list(action=REVEALED)] == [
        "id_number",
        "mobile",
        "mobile",
    ]


def test_a_field_the_record_does_not_hold_reveals_empty(ws):
    bare = services.clients.create(ws, ME, a_client(mobile=None, id_number=None))
    assert services.clients.reveal(ws, ME, bare.id, Revealable.MOBILE) == ""
    assert services.clients.reveal(ws, ME, bare.id, Revealable.ID_NUMBER) == ""


def test_a_reveal_against_an_older_version_is_refused_and_not_audited(ws, client):
    services.clients.update(ws, ME, client.model_copy(update={"mobile": "13800138000"}))
    with pytest.raises(ChangedElsewhereError) as caught:
        services.clients.reveal(ws, ME, client.id, Revealable.MOBILE, version=client.version)
    assert (caught.value.seen, caught.value.actual) == (1, 2)
    assert ws.audit.count(action=REVEALED) == 0


@pytest.mark.parametrize("index", [None, -1, 2])
def test_a_contact_that_is_not_there_is_not_found(ws, client, index):
    with pytest.raises(NotFoundError):
        services.clients.reveal(ws, ME, client.id, Revealable.CONTACT, index=index)
    assert ws.audit.count(action=REVEALED) == 0


def test_an_unknown_client_field_or_actor_is_refused(ws, client):
    with pytest.raises(NotFoundError):
        services.clients.reveal(ws, ME, client.id + 1, Revealable.NAME)
    with pytest.raises(ValueError):
        services.clients.reveal(ws, ME, client.id, "notes")
    with pytest.raises(NotAnActorError):
        services.clients.reveal(ws, "local", client.id, Revealable.NAME)
    assert ws.audit.count(action=REVEALED) == 0
