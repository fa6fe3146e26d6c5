"""All of a workspace's data at once: back up, check and restore a backup, export CSV, delete
every record.

In team mode these are an administrator's: a backup and a whole export need
:attr:`~core.access.Permission.BACKUP`, checking and restoring a backup
:attr:`~core.access.Permission.RESTORE`, deleting every record
:attr:`~core.access.Permission.DELETE_ALL`. One client's export is for whoever may open that
client (:func:`services.access.open_client`). Single-user mode (:data:`LOCAL_USER`) does them
all, as always.

Each leaves a line in the audit trail: ``backup.created`` (with the rows per table),
``backup.restored`` (written by the restore itself, in its transaction; the trail is never
replaced by a restore), ``data.exported`` (the kind, and whether masked: when the file is handed
over, :func:`exported`) and ``data.deleted_all``.
"""

from __future__ import annotations

from collections.abc import Callable

from core.access import Permission
from services import access
from services._work import unit
from services.actor import Actor, check, require
from services.workspace import Workspace
from store.backup import (
    Backup,
    backup_to_bytes,
    database_counts,
    erase_records,
    is_sealed_backup,
    read_backup,
    restore_backup,
    seal_backup,
)
from store.crypto import MIN_PASSPHRASE_CHARS, PassphraseTooShortError
from store.export import MASKED_BY_DEFAULT, ExportKind, export_csv

__all__ = [
    "BACKED_UP",
    "DELETED_ALL",
    "EXPORTED",
    "MASKED_BY_DEFAULT",
    "MIN_PASSPHRASE_CHARS",
    "Backup",
    "ExportKind",
    "PassphraseTooShortError",
    "backup",
    "check_passphrase",
    "counts",
    "delete_all",
    "export",
    "exported",
    "is_encrypted",
    "read",
    "restore",
]

#: The audit trail's actions.
BACKED_UP = "backup.created"
EXPORTED = "data.exported"
DELETED_ALL = "data.deleted_all"


def counts(ws: Workspace, actor: Actor) -> dict[str, int]:
    """How many records of each kind the workspace holds."""
    check(actor)
    return database_counts(ws)


def backup(ws: Workspace, actor: Actor, *, passphrase: str | None) -> bytes:
    """Every record and the audit trail, as the bytes of one versioned JSON file (a
    consistent snapshot) sealed with ``passphrase`` — ``None`` only when the counselor asked
    for a plain file, knowingly; audited (``backup.created``, saying whether it was sealed).
    :class:`store.crypto.PassphraseTooShortError` before anything is read or audited."""
    acting = require(actor, Permission.BACKUP)
    if passphrase is not None:
        check_passphrase(passphrase)
    data = backup_to_bytes(ws)
    if passphrase is not None:
        data = seal_backup(data, passphrase)
    with unit(ws, acting):
        ws.audit.append(
            actor=acting.user_id,
            action=BACKED_UP,
            subject="workspace",
            detail={"counts": database_counts(ws), "encrypted": passphrase is not None},
        )
    return data


def read(
    actor: Actor, data: bytes | str, *, source: str = "backup", passphrase: str | None = None
) -> Backup:
    """A backup file (opened with ``passphrase`` when it is sealed) read and checked record
    by record; a named error says what is wrong (``passphrase_needed``, ``wrong_passphrase``
    among them)."""
    require(actor, Permission.RESTORE)
    return read_backup(data, source=source, passphrase=passphrase)


def is_encrypted(data: bytes | str) -> bool:
    """Whether a backup file's contents are sealed: a passphrase is needed to read them."""
    return is_sealed_backup(data)


def check_passphrase(passphrase: str) -> None:
    """:class:`store.crypto.PassphraseTooShortError` for a passphrase a backup may not be
    sealed with."""
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise PassphraseTooShortError(
            f"a backup passphrase has at least {MIN_PASSPHRASE_CHARS} characters"
        )


def restore(ws: Workspace, actor: Actor, checked: Backup) -> dict[str, int]:
    """Replace every record with the checked backup's, all or nothing; the audit trail stays
    and gains the restore's own line."""
    acting = require(actor, Permission.RESTORE)
    with unit(ws, acting):
        return restore_backup(ws, checked, actor=acting.user_id)


def delete_all(ws: Workspace, actor: Actor) -> dict[str, int]:
    """Delete every record (the accounts, the settings and the audit trail stay), with its
    audit line, all or nothing; the rows deleted per table."""
    acting = require(actor, Permission.DELETE_ALL)
    with unit(ws, acting):
        deleted = erase_records(ws)
        ws.audit.append(
            actor=acting.user_id,
            action=DELETED_ALL,
            subject="workspace",
            detail={"counts": deleted},
        )
    return deleted


def _may_export(ws: Workspace, actor: Actor, client_id: int | None) -> Actor:
    if client_id is None:
        return require(actor, Permission.BACKUP)
    return access.open_client(ws, actor, client_id, via="data.export")


def exported(
    ws: Workspace,
    actor: Actor,
    kind: ExportKind | str,
    *,
    client_id: int | None = None,
    mask_names: bool = MASKED_BY_DEFAULT,
) -> None:
    """Write the audit line of an export handed over (``data.exported``): for a page that
    prepares the file with :func:`export` ahead of the download, in the button's callback."""
    acting = _may_export(ws, actor, client_id)
    with unit(ws, acting):
        ws.audit.append(
            actor=acting.user_id,
            action=EXPORTED,
            subject="workspace" if client_id is None else f"client:{client_id}",
            detail={"kind": ExportKind(kind).value, "masked": bool(mask_names)},
        )


def export(
    ws: Workspace,
    actor: Actor,
    kind: ExportKind | str,
    *,
    language: str,
    label: Callable[[str, str], str] | None = None,
    header: Callable[[str], str] | None = None,
    mask_names: bool = MASKED_BY_DEFAULT,
    client_id: int | None = None,
    audit: bool = False,
) -> bytes:
    """One CSV export (calls, tasks or payments) worded in ``language``; masked unless
    ``mask_names=False`` (the one default of every export). Every client's records need
    :attr:`Permission.BACKUP`; one client's, that the actor may open that client.

    The file is audited (``data.exported``) when it is handed over: a page that prepares it
    for a download button (on every run of the page) records the click with :func:`exported`
    (the button's ``on_click``); a caller that hands it over at once passes ``audit=True``."""
    acting = _may_export(ws, actor, client_id)
    data = export_csv(
        ws,
        kind,
        client_id=client_id,
        language=language,
        translate=label,
        header=header,
        mask_names=mask_names,
    )
    if audit:
        exported(ws, acting, kind, client_id=client_id, mask_names=mask_names)
    return data
