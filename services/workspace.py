"""The workspace a counselor's actions run in: the database, opened once per server."""

from __future__ import annotations

from store import (
    Account,
    AuditEvent,
    BudgetVersion,
    ProposalSettings,
    ProposalStatus,
    SavedProposal,
    Store,
    init_db,
    load_settings,
)

#: The handle pages keep and pass to every service; what is behind it is the store's business.
Workspace = Store

__all__ = [
    "Account",
    "AuditEvent",
    "BudgetVersion",
    "ProposalSettings",
    "ProposalStatus",
    "SavedProposal",
    "Workspace",
    "configured_url",
    "open_workspace",
]


def open_workspace(url: str | None = None) -> Workspace:
    """Open the database (``REPAYTALK_DATABASE_URL`` unless ``url`` is given), migrated to the
    newest schema; a :class:`store.errors.DatabaseUnavailableError` if it cannot be used."""
    return init_db(url)


def configured_url() -> str:
    """The database this installation uses (``REPAYTALK_DATABASE_URL``, or the SQLite file)."""
    return load_settings().database_url
