"""Proof documents of a client (:mod:`core.evidence`): their metadata, and their bytes kept
encrypted (``evidence_files.content``, :class:`store.columns.EncryptedBytes`).

The bytes leave the store only through :meth:`EvidenceRepository.content`, one file at a time:
every listing gives :class:`~core.evidence.EvidenceFile` s (metadata only; the column is
deferred, so a listing never even reads it). A file is added already checked and scrubbed by
:func:`core.evidence.prepare`; the repository checks again that the size and hash it is given
are those of the bytes, and that the client holds fewer than
:data:`~core.limits.MAX_EVIDENCE_FILES` files (``too_many``). Files are deleted at the version
shown, and go with their client.
"""

from __future__ import annotations

import hashlib
from typing import Any

import sqlalchemy as sa

from core.calls import DocumentItem
from core.evidence import EvidenceFile, EvidenceKind, detect_kind
from core.limits import MAX_EVIDENCE_FILES
from store._repository import Kind, VersionedRepository
from store._rows import check_client, insert, require_id, require_new
from store.clients import Caseload, in_caseload
from store.errors import InvalidDataError, NotFoundError
from store.orm import ClientRow, EvidenceFileRow

__all__ = [
    "EVIDENCE_FILE",
    "EvidenceRepository",
    "checked_from_row",
    "file_from_row",
    "file_values",
]


def file_values(saved: EvidenceFile) -> dict[str, Any]:
    return {
        "item": saved.item.value,
        "file_name": saved.file_name,
        "kind": saved.kind.value,
        "size": saved.size,
        "sha256": saved.sha256,
        "uploaded_at": saved.uploaded_at,
        "uploaded_by": saved.uploaded_by,
    }


def file_from_row(row: Any) -> EvidenceFile:
    return EvidenceFile(
        id=row.id,
        version=row.version,
        client_id=row.client_id,
        item=DocumentItem(row.item),
        file_name=row.file_name,
        kind=EvidenceKind(row.kind),
        size=row.size,
        sha256=row.sha256,
        uploaded_at=row.uploaded_at,
        uploaded_by=row.uploaded_by,
    )


def checked_from_row(row: Any) -> EvidenceFile:
    """:func:`file_from_row` for a row that carries its ``content`` too (a backup's): the bytes
    must be of the size and hash recorded, and of the kind recorded (by their content)."""
    saved = file_from_row(row)
    content = row.content
    if not isinstance(content, bytes) or len(content) != saved.size:
        raise ValueError("content: not the size recorded")
    if hashlib.sha256(content).hexdigest() != saved.sha256:
        raise ValueError("content: does not match its SHA-256")
    if detect_kind(content) is not saved.kind:
        raise ValueError(f"content: not a {saved.kind.value} file")
    return saved


EVIDENCE_FILE = Kind("evidence_file", EvidenceFile, EvidenceFileRow, file_from_row, file_values)


class EvidenceRepository(VersionedRepository[EvidenceFile, EvidenceFileRow]):
    kind = EVIDENCE_FILE

    def add(self, saved: EvidenceFile, content: bytes) -> EvidenceFile:
        """Store a new file of its client with ``content`` (the bytes ``saved`` describes)."""
        saved = EVIDENCE_FILE.require(saved)
        require_new(saved, "evidence file")
        if not isinstance(content, bytes) or len(content) != saved.size:
            raise InvalidDataError("evidence", "the content is not the size recorded")
        if hashlib.sha256(content).hexdigest() != saved.sha256:
            raise InvalidDataError("evidence", "the content does not match its SHA-256")
        now = self._store.clock()
        with self._store.write() as session:
            client_id = check_client(session, saved.client_id)
            # Hold the client's row (PostgreSQL) so that two uploads at once are counted in turn.
            session.execute(
                sa.select(ClientRow.id).where(ClientRow.id == client_id).with_for_update()
            ).all()
            held = session.scalar(
                sa.select(sa.func.count())
                .select_from(EvidenceFileRow)
                .where(EvidenceFileRow.client_id == client_id)
            )
            if (held or 0) >= MAX_EVIDENCE_FILES:
                raise InvalidDataError(
                    "evidence",
                    f"a client has at most {MAX_EVIDENCE_FILES} proof documents",
                    code="evidence_too_many",
                )
            row = EvidenceFileRow(client_id=client_id, content=content, **file_values(saved))
            return file_from_row(insert(session, row, now))

    def list_for_client(self, client_id: int) -> list[EvidenceFile]:
        """The client's files (metadata only), by checklist line, then oldest first."""
        row = EvidenceFileRow
        return self._all(self._of_client(client_id).order_by(row.item, row.uploaded_at, row.id))

    def count_for_client(self, client_id: int) -> int:
        with self._store.read() as session:
            count = session.scalar(
                sa.select(sa.func.count())
                .select_from(EvidenceFileRow)
                .where(EvidenceFileRow.client_id == require_id(client_id, "client_id"))
            )
        return int(count or 0)

    def list_all(self, *, caseload: Caseload | None = None) -> list[EvidenceFile]:
        """Every client's files (of ``caseload``, if given), metadata only."""
        row = EvidenceFileRow
        query = (
            sa.select(row)
            .where(in_caseload(row.client_id, caseload))
            .order_by(row.client_id, row.id)
        )
        return self._all(query)

    def content(self, file_id: int) -> bytes:
        """The stored bytes of one file, decrypted (the only way they leave the store)."""
        file_id = require_id(file_id, "evidence_file_id")
        with self._store.read() as session:
            found = session.scalar(
                sa.select(EvidenceFileRow.content).where(EvidenceFileRow.id == file_id)
            )
        if found is None:
            raise NotFoundError("evidence_file", file_id)
        return bytes(found)
