"""Issue 25, done when: "an uploaded JPEG with GPS EXIF stored without it and unreadable in the
database file". Proof documents (migration 0015) in the store: stored scrubbed and encrypted,
listed without their content, counted per client, erased with the client, and carried by
backups (plain and sealed) byte for byte. SQLite, and PostgreSQL with TEST_DATABASE_URL.
"""

from __future__ import annotations

import base64
import hashlib
import io
from dataclasses import replace
from datetime import UTC, datetime

import orjson
import pytest
import sqlalchemy as sa
from PIL import Image
from store_samples import a_client
from test_encryption_at_rest import postgres_files, sqlite_files

import services
import store.evidence as evidence_store
from core.calls import DocumentItem
from core.evidence import EvidenceFile, EvidenceKind, prepare
from services import LOCAL_USER
from store import InvalidDataError, StaleRecordError, init_db
from store.backup import (
    BackupFileError,
    backup_to_bytes,
    dump_document,
    read_backup,
    restore_backup,
    seal_backup,
)
from store.crypto import BYTES_PREFIX, FieldDecryptError
from store.migrate import head_revision

MARKER = "RT-EVIDENCE-MARKER-5c1e"
COMMENT = "RT-COMMENT-MARKER-8d2b"
GPS_IFD = 0x8825
PASSPHRASE = "correct horse battery"
#: How long a run of the photo's compressed data the scan looks for.
RUN = 48


def gps_photo(size: tuple[int, int] = (96, 64)) -> bytes:
    image = Image.new("RGB", size)
    image.putdata(
        [(x * 5 % 256, y * 11 % 256, (x ^ y) % 256) for y in range(size[1]) for x in range(size[0])]
    )
    exif = Image.Exif()
    exif[0x010E] = MARKER  # ImageDescription
    exif[0x0112] = 6
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2], gps[3], gps[4] = "N", (39.0, 54.0, 26.0), "E", (116.0, 23.0, 29.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), comment=COMMENT.encode(), quality=95)
    return out.getvalue()


def scan_runs(content: bytes) -> list[bytes]:
    """Runs of the stored photo's compressed scan data (what a thief would look for)."""
    start = content.index(b"\xff\xda")
    scan = content[start + 20 : -2]
    assert len(scan) >= 3 * RUN
    return [scan[i : i + RUN] for i in (0, len(scan) // 2, len(scan) - RUN)]


def pg_toast_of(store, table: str) -> str | None:
    with store.engine.connect() as connection:
        toast = connection.execute(
            sa.text(
                "SELECT reltoastrelid::regclass::text FROM pg_class"
                " WHERE oid = CAST(:t AS regclass)"
            ),
            {"t": table},
        ).scalar()
    return None if toast in (None, "-") else str(toast)


def database_bytes(store, database_url: str) -> bytes:
    if database_url.startswith("sqlite"):
        return b"".join(sqlite_files(database_url).values())
    tables = ["clients", "evidence_files"]
    toast = pg_toast_of(store, "evidence_files")
    if toast:
        tables.append(toast)
    files = postgres_files(store.engine, tuple(tables))
    if files is None:
        pytest.skip("cannot read PostgreSQL's data directory from this process")
    return b"".join(files.values())


def upload(store, client_id: int, data: bytes, name: str = "身份证正面.jpg", item=None):
    return services.evidence.upload(
        store, LOCAL_USER, client_id, item or DocumentItem.ID_CARD_PHOTOS, name, data
    )


# --- done when ----------------------------------------------------------------------------------


def test_a_jpeg_with_gps_is_stored_without_it_and_unreadable_in_the_database_file(
    store, database_url
):
    client = store.clients.create(a_client(name="张明"))
    original = gps_photo()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)[1] == "N"  # control
    assert MARKER.encode() in original and COMMENT.encode() in original

    saved = upload(store, client.id, original)

    content = services.evidence.content(store, LOCAL_USER, saved.id)
    photo = Image.open(io.BytesIO(content))
    assert photo.getexif().get_ifd(GPS_IFD) == {}
    assert dict(photo.getexif()) == {0x0112: 6}
    assert MARKER.encode() not in content and COMMENT.encode() not in content
    assert (saved.kind, saved.size, saved.sha256) == (
        EvidenceKind.JPEG,
        len(content),
        hashlib.sha256(content).hexdigest(),
    )
    # What the database holds: the sealed bytes, and the name as a token.
    with store.engine.connect() as connection:
        raw, name = connection.execute(
            sa.text("SELECT content, file_name FROM evidence_files")
        ).one()
    assert bytes(raw).startswith(BYTES_PREFIX) and len(raw) == len(content) + 4 + 12 + 16
    assert name.startswith("v1.") and "身份证" not in name
    # The files themselves: no marker, no run of the photo's data, no name.
    scanned = database_bytes(store, database_url)
    assert "张明".encode() in scanned  # the control: the scan sees what is stored in clear
    assert MARKER.encode() not in scanned and COMMENT.encode() not in scanned
    assert "身份证正面".encode() not in scanned
    assert [run for run in scan_runs(content) if run in scanned] == []


def test_a_listing_holds_no_content_and_the_audit_trail_no_name(store):
    client = store.clients.create(a_client())
    saved = upload(
        store, client.id, gps_photo(), name="病历 2026.jpg", item=DocumentItem.HARDSHIP_PROOF
    )
    listed = services.evidence.list_for_client(store, LOCAL_USER, client.id)
    assert listed == [saved]
    assert isinstance(listed[0], EvidenceFile) and "content" not in EvidenceFile.model_fields
    assert (saved.file_name, saved.item, saved.uploaded_at) == (
        "病历 2026.jpg",
        DocumentItem.HARDSHIP_PROOF,
        datetime(2026, 3, 1, 1, 0, tzinfo=UTC),
    )
    services.evidence.content(store, LOCAL_USER, saved.id)
    trail = orjson.dumps(
        [
            [line.action, line.subject, line.detail]
            for line in services.audit.trail(store, LOCAL_USER)
        ]
    )
    assert b"evidence.uploaded" in trail and b"evidence.downloaded" in trail
    assert "病历".encode() not in trail and saved.sha256.encode() in trail


def test_the_stored_bytes_are_bound_to_their_column(store):
    client = store.clients.create(a_client())
    saved = upload(store, client.id, gps_photo())
    with store.engine.begin() as connection:
        raw = connection.execute(sa.text("SELECT content FROM evidence_files")).scalar_one()
        cipher = evidence_store.EvidenceFileRow.__table__.c.content.type
        assert cipher.context == "evidence_files.content"
        tampered = bytes(raw[:-1]) + bytes([raw[-1] ^ 1])
        connection.execute(sa.text("UPDATE evidence_files SET content = :c"), {"c": tampered})
    with pytest.raises(FieldDecryptError):
        store.evidence.content(saved.id)


# --- limits and deletion ------------------------------------------------------------------------


def test_a_client_holds_at_most_the_limit_and_nothing_more_is_written(store, monkeypatch):
    monkeypatch.setattr(evidence_store, "MAX_EVIDENCE_FILES", 2)
    client = store.clients.create(a_client())
    other = store.clients.create(a_client(name="李四", mobile="13900001111"))
    photo = gps_photo((16, 16))
    upload(store, client.id, photo)
    upload(store, client.id, photo)
    with pytest.raises(InvalidDataError) as caught:
        upload(store, client.id, photo)
    assert caught.value.code == "evidence_too_many"
    assert store.evidence.count_for_client(client.id) == 2
    assert upload(store, other.id, photo).client_id == other.id  # per client


def test_a_size_or_hash_that_does_not_match_the_content_is_refused(store):
    client = store.clients.create(a_client())
    evidence = prepare(gps_photo((16, 16)), "a.jpg")
    record = EvidenceFile(
        client_id=client.id,
        item=DocumentItem.INCOME_PROOF,
        file_name=evidence.file_name,
        kind=evidence.kind,
        size=evidence.size,
        sha256=evidence.sha256,
        uploaded_at=datetime(2026, 3, 1, tzinfo=UTC),
    )
    with pytest.raises(InvalidDataError):
        store.evidence.add(record, evidence.data + b"\x00")
    with pytest.raises(InvalidDataError):
        store.evidence.add(record, evidence.data[:-1] + b"\x00")
    assert store.evidence.count_for_client(client.id) == 0


def test_a_file_is_deleted_at_the_version_shown(store):
    client = store.clients.create(a_client())
    saved = upload(store, client.id, gps_photo((16, 16)))
    with pytest.raises(StaleRecordError):
        store.evidence.delete(saved.id, version=saved.version + 1)
    services.evidence.delete(store, LOCAL_USER, saved.id, version=saved.version)
    assert services.evidence.list_for_client(store, LOCAL_USER, client.id) == []


def test_the_files_are_erased_with_their_client(store, database_url):
    client = store.clients.create(a_client())
    kept = store.clients.create(a_client(name="李四", mobile="13900001111"))
    gone = upload(store, client.id, gps_photo())
    stays = upload(store, kept.id, gps_photo((24, 24)))
    with store.engine.connect() as connection:
        sealed = bytes(
            connection.execute(
                sa.text("SELECT content FROM evidence_files WHERE id = :id"), {"id": gone.id}
            ).scalar_one()
        )
    store.clients.delete(client.id)
    with store.engine.connect() as connection:
        ids = connection.execute(sa.text("SELECT id FROM evidence_files")).scalars().all()
    assert ids == [stays.id]
    if database_url.startswith("sqlite"):
        # secure_delete zeroes the freed pages: once the WAL is written back (SQLite does it
        # by itself every 1000 pages), not even the sealed bytes remain in the files.
        with store.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        assert sealed[20:84] not in database_bytes(store, database_url)


# --- backups ------------------------------------------------------------------------------------


@pytest.mark.parametrize("sealed", [False, True], ids=["plain", "sealed"])
def test_a_backup_restores_the_files_byte_for_byte(store, database_url, settings, tmp_path, sealed):
    client = store.clients.create(a_client())
    photo = upload(store, client.id, gps_photo())
    pdf_bytes = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n"
    pdf = upload(store, client.id, pdf_bytes, name="收入证明.pdf", item=DocumentItem.INCOME_PROOF)
    contents = {f.id: store.evidence.content(f.id) for f in (photo, pdf)}
    data = backup_to_bytes(store)
    document = orjson.loads(data)
    assert document["schema_revision"] == head_revision() == "0015"
    rows = document["tables"]["evidence_files"]
    assert [row["id"] for row in rows] == [photo.id, pdf.id]
    assert base64.b64decode(rows[0]["content"]) == contents[photo.id]
    assert rows[0]["file_name"] == "身份证正面.jpg"
    if sealed:
        data = seal_backup(data, PASSPHRASE)
        assert base64.b64encode(contents[photo.id])[:64] not in data
        assert "收入证明".encode() not in data
    checked = read_backup(data, passphrase=PASSPHRASE if sealed else None)
    assert checked.counts["evidence_files"] == 2

    if database_url.startswith("sqlite"):
        # Into another database, with another field key: the bytes are sealed anew under it.
        other_settings = replace(settings, field_key=bytes(range(1, 33)))
        with init_db(f"sqlite:///{tmp_path / 'other.db'}", settings=other_settings) as other:
            restore_backup(other, checked)
            restored = other.evidence.list_for_client(client.id)
            assert {f.id: other.evidence.content(f.id) for f in restored} == contents
        assert restored == [photo, pdf]
    else:  # one PostgreSQL schema per run: the same database, its files gone first
        store.clients.delete(client.id)
        assert store.evidence.count_for_client(client.id) == 0
        restore_backup(store, checked)
        restored = store.evidence.list_for_client(client.id)
        assert restored == [photo, pdf]
        assert {f.id: store.evidence.content(f.id) for f in restored} == contents


def test_a_backup_whose_file_does_not_match_its_hash_is_refused(store):
    client = store.clients.create(a_client())
    upload(store, client.id, gps_photo())
    document = orjson.loads(backup_to_bytes(store))
    row = document["tables"]["evidence_files"][0]
    content = bytearray(base64.b64decode(row["content"]))
    content[-10] ^= 0xFF
    row["content"] = base64.b64encode(bytes(content)).decode()
    with pytest.raises(BackupFileError) as caught:
        read_backup(dump_document(document))
    assert caught.value.reason == "record"
    assert caught.value.where == f"tables.evidence_files[0] (id {row['id']})"


@pytest.mark.parametrize(
    ("value", "reason"),
    [(12, "expected_base64"), ("not base64!", "expected_base64"), (None, "null")],
)
def test_a_backup_with_a_broken_file_value_is_refused(store, value, reason):
    client = store.clients.create(a_client())
    upload(store, client.id, gps_photo((16, 16)))
    document = orjson.loads(backup_to_bytes(store))
    document["tables"]["evidence_files"][0]["content"] = value
    with pytest.raises(BackupFileError) as caught:
        read_backup(dump_document(document))
    assert (caught.value.where, caught.value.reason) == ("tables.evidence_files[0].content", reason)


def test_a_backup_from_before_0015_restores_with_no_files(store):
    client = store.clients.create(a_client())
    upload(store, client.id, gps_photo((16, 16)))
    document = orjson.loads(backup_to_bytes(store))
    document["schema_revision"] = "0014"
    del document["tables"]["evidence_files"]
    del document["counts"]["evidence_files"]
    restore_backup(store, read_backup(dump_document(document)))
    assert store.evidence.count_for_client(client.id) == 0
    assert store.clients.get(client.id).name == client.name
