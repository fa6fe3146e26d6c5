"""All of a workspace's data at once: back up, check and restore a backup, export CSV."""

from __future__ import annotations

from collections.abc import Callable

from services._work import unit
from services.actor import Actor, check
from services.workspace import Workspace
from store.backup import Backup, backup_to_bytes, database_counts, read_backup, restore_backup
from store.export import MASKED_BY_DEFAULT, ExportKind, export_csv

__all__ = [
    "MASKED_BY_DEFAULT",
    "Backup",
    "ExportKind",
    "backup",
    "counts",
    "export",
    "read",
    "restore",
]


def counts(ws: Workspace, actor: Actor) -> dict[str, int]:
    """How many records of each kind the workspace holds."""
    check(actor)
    return database_counts(ws)


def backup(ws: Workspace, actor: Actor) -> bytes:
    """Every record, as the bytes of one versioned JSON file (a consistent snapshot)."""
    check(actor)
    return backup_to_bytes(ws)


def read(actor: Actor, data: bytes | str, *, source: str = "backup") -> Backup:
    """A backup file read and checked record by record; a named error says what is wrong."""
    check(actor)
    return read_backup(data, source=source)


def restore(ws: Workspace, actor: Actor, checked: Backup) -> dict[str, int]:
    """Replace every record with the checked backup's, all or nothing."""
    with unit(ws, actor):
        return restore_backup(ws, checked)


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
) -> bytes:
    """One CSV export (calls, tasks or payments) worded in ``language``; masked unless
    ``mask_names=False`` (the one default of every export)."""
    check(actor)
    return export_csv(
        ws,
        kind,
        client_id=client_id,
        language=language,
        translate=label,
        header=header,
        mask_names=mask_names,
    )
