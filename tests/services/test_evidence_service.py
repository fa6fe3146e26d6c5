"""services.evidence: a proof document checked by its content, scrubbed, stored with its audit
line in one unit of work (nothing written when refused), listed without content, downloaded
(audited) and deleted at the version shown; only by those who may open the client; the
refusals worded in both languages.

(No conftest.py here: the store's database fixtures are imported.)
"""

from __future__ import annotations

import io

import pytest
from PIL import Image

import services
from core.calls import DocumentItem
from core.evidence import EvidenceError, EvidenceKind
from core.limits import MAX_EVIDENCE_BYTES
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
from tests.store.store_samples import a_client
from ui.errors import error_messages

__all__ = ["_drop_run_schema", "clock", "database_url", "settings", "store"]

ME = LOCAL_USER
ITEM = DocumentItem.INCOME_PROOF


@pytest.fixture
def ws(store):
    return store


@pytest.fixture
def team(ws) -> Team:
    return make_team(ws)


@pytest.fixture
def client(ws):
    return services.clients.create(ws, ME, a_client(name="王建国", mobile=None))


def png(size: tuple[int, int] = (12, 9)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 40, 40)).save(out, "PNG")
    return out.getvalue()


def lines(ws, prefix="evidence."):
    return [e for e in ws.audit.search(limit=100) if e.action.startswith(prefix)]


def test_an_upload_is_stored_and_audited_without_its_name(ws, client):
    saved = services.evidence.upload(ws, ME, client.id, ITEM, "王建国 工资流水.png", png())
    assert (saved.kind, saved.file_name, saved.item) == (
        EvidenceKind.PNG,
        "王建国 工资流水.png",
        ITEM,
    )
    assert saved.uploaded_by is None  # the local user has no account
    (line,) = lines(ws)
    assert (line.action, line.subject, line.actor) == (
        "evidence.uploaded",
        f"client:{client.id}",
        "local",
    )
    assert line.detail == {
        "id": saved.id,
        "item": "income_proof",
        "kind": "png",
        "size": saved.size,
        "sha256": saved.sha256,
        "removed": [],
    }


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("x.jpg", "不是图片，只是文字".encode(), "evidence_kind"),
        ("big.pdf", b"%PDF-" + b"0" * MAX_EVIDENCE_BYTES, "evidence_too_large"),
        ("empty.png", b"", "evidence_empty"),
    ],
    ids=["text_named_jpg", "5MB+1", "empty"],
)
def test_a_refused_file_writes_nothing_and_is_worded_in_both_languages(
    ws, client, name, data, code
):
    with pytest.raises(EvidenceError) as caught:
        services.evidence.upload(ws, ME, client.id, ITEM, name, data)
    assert caught.value.code == code
    assert services.evidence.list_for_client(ws, ME, client.id) == []
    assert lines(ws) == []
    zh, en = (error_messages(caught.value, lang) for lang in ("zh-CN", "en"))
    assert zh[0].startswith("证明材料：") and en[0].startswith("Proof document: ")
    assert "evidence" not in zh[0]


def test_the_size_limit_is_stated_in_the_message(ws, client):
    with pytest.raises(EvidenceError) as caught:
        services.evidence.upload(ws, ME, client.id, ITEM, "big.pdf", b"%PDF-" + b"0" * 5242880)
    assert error_messages(caught.value, "en") == [
        "Proof document: the file is larger than 5 MB; compress it or upload it in parts"
    ]
    assert error_messages(caught.value, "zh-CN") == ["证明材料：文件超过 5 MB，请压缩或分开上传"]


def test_a_png_named_pdf_is_stored_as_a_png(ws, client):
    saved = services.evidence.upload(ws, ME, client.id, ITEM, "x.pdf", png())
    assert (saved.kind, saved.file_name) == (EvidenceKind.PNG, "x.png")


def test_a_download_is_audited_and_a_delete_needs_the_version_shown(ws, client):
    saved = services.evidence.upload(ws, ME, client.id, ITEM, "a.png", png())
    data = services.evidence.content(ws, ME, saved.id)
    assert Image.open(io.BytesIO(data)).size == (12, 9)
    assert sorted(line.action for line in lines(ws)) == ["evidence.downloaded", "evidence.uploaded"]
    with pytest.raises(ChangedElsewhereError):
        services.evidence.delete(ws, ME, saved.id, version=saved.version + 1)
    services.evidence.delete(ws, ME, saved.id, version=saved.version)
    assert services.evidence.list_for_client(ws, ME, client.id) == []
    assert sorted(line.action for line in lines(ws)) == [
        "evidence.deleted",
        "evidence.downloaded",
        "evidence.uploaded",
    ]


def test_another_counselors_client_is_refused(ws, team, client):
    ws.clients.assign(client.id, team.counselor_a.account_id)
    mine = services.evidence.upload(ws, team.counselor_a, client.id, ITEM, "a.png", png())
    assert mine.uploaded_by == team.counselor_a.account_id
    with pytest.raises(NotYoursError):
        services.evidence.upload(ws, team.counselor_b, client.id, ITEM, "b.png", png())
    with pytest.raises(NotYoursError):
        services.evidence.list_for_client(ws, team.counselor_b, client.id)
    with pytest.raises(NotYoursError):
        services.evidence.content(ws, team.counselor_b, mine.id)
    with pytest.raises(NotYoursError):
        services.evidence.delete(ws, team.counselor_b, mine.id, version=mine.version)
    assert services.evidence.list_for_client(ws, team.supervisor, client.id) == [mine]


def test_deleting_the_client_erases_its_files(ws, client):
    services.evidence.upload(ws, ME, client.id, ITEM, "a.png", png())
    services.clients.delete(ws, ME, client.id, version=client.version)
    assert ws.evidence.list_all() == []
