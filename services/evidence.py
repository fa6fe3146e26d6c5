"""Proof documents of a client (:mod:`core.evidence`): upload, list, download and delete.

:func:`upload` checks the file by its content and scrubs photos (:func:`core.evidence.prepare`:
no GPS position, no camera or owner data), then stores it encrypted, in one unit of work with
its audit line; a refused file raises the :class:`~core.evidence.EvidenceError` the page words
and nothing is written. The audit trail says what happened to which client — the checklist
line, the kind, the size and the SHA-256 of what was stored — never the content nor the file
name (a file name often names the client). A download (:func:`content`) is audited too; a
listing (:func:`list_for_client`) gives metadata only. Deletion is at the version shown.
"""

from __future__ import annotations

from core.calls import DocumentItem
from core.evidence import Evidence, EvidenceFile, prepare
from services import access
from services._work import delete_seen, once, unit
from services.actor import Actor
from services.workspace import Workspace

__all__ = [
    "DELETED",
    "DOWNLOADED",
    "UPLOADED",
    "Evidence",
    "EvidenceFile",
    "content",
    "delete",
    "list_for_client",
    "upload",
]

UPLOADED = "evidence.uploaded"
DOWNLOADED = "evidence.downloaded"
DELETED = "evidence.deleted"


def _detail(saved: EvidenceFile) -> dict[str, object]:
    return {
        "id": saved.id,
        "item": saved.item.value,
        "kind": saved.kind.value,
        "size": saved.size,
        "sha256": saved.sha256,
    }


def upload(
    ws: Workspace,
    actor: Actor,
    client_id: int,
    item: DocumentItem,
    file_name: str,
    data: bytes,
    *,
    request_id: str | None = None,
) -> EvidenceFile:
    """Check, scrub and store ``data`` as proof of ``item`` for the client (once per
    ``request_id``: a double click stores one file); the file as stored (metadata).
    :class:`~core.evidence.EvidenceError` for a file refused (kind, size, damage),
    :class:`~store.errors.InvalidDataError` (``evidence_too_many``) at the client's limit."""
    acting = access.open_client(ws, actor, client_id, via="evidence.upload")
    item = DocumentItem(item)
    evidence = prepare(data, file_name)
    record = EvidenceFile(
        client_id=client_id,
        item=item,
        file_name=evidence.file_name,
        kind=evidence.kind,
        size=evidence.size,
        sha256=evidence.sha256,
        uploaded_at=ws.clock(),
        uploaded_by=acting.account_id,
    )

    def write() -> EvidenceFile:
        saved = ws.evidence.add(record, evidence.data)
        ws.audit.append(
            actor=acting.user_id,
            action=UPLOADED,
            subject=f"client:{client_id}",
            detail={**_detail(saved), "removed": list(evidence.removed)},
        )
        return saved

    return once(
        ws,
        acting,
        request_id,
        "evidence",
        write,
        lambda saved: (saved.client_id, saved.id),
        ws.evidence.get,
    )


def list_for_client(ws: Workspace, actor: Actor, client_id: int) -> list[EvidenceFile]:
    """The client's proof documents (metadata only, never the content)."""
    access.open_client(ws, actor, client_id, via="evidence.list_for_client")
    return ws.evidence.list_for_client(client_id)


def content(ws: Workspace, actor: Actor, file_id: int) -> bytes:
    """The stored bytes of one proof document, for a download: audited
    (``evidence.downloaded``) in the same unit of work as the read."""
    acting = access.open_record(ws, actor, ws.evidence, file_id, via="evidence.content")
    with unit(ws, acting):
        saved = ws.evidence.get(file_id)
        data = ws.evidence.content(file_id)
        ws.audit.append(
            actor=acting.user_id,
            action=DOWNLOADED,
            subject=f"client:{saved.client_id}",
            detail=_detail(saved),
        )
    return data


def delete(ws: Workspace, actor: Actor, file_id: int, *, version: int) -> None:
    """Delete a proof document at the version shown (audited)."""
    acting = access.open_record(ws, actor, ws.evidence, file_id, via="evidence.delete")

    def remove(record_id: int, *, version: int | None) -> None:
        saved = ws.evidence.get(record_id)
        ws.evidence.delete(record_id, version=version)
        ws.audit.append(
            actor=acting.user_id,
            action=DELETED,
            subject=f"client:{saved.client_id}",
            detail=_detail(saved),
        )

    delete_seen(ws, acting, "evidence_file", file_id, version, remove, ws.evidence.get)
