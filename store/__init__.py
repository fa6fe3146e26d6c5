"""Persistence: clients, debts, budgets, proposals, calls, tasks, payments and collection contacts;
team mode's accounts and the audit trail.

Pages use :func:`init_db` once and then the repositories of the returned :class:`Store`; they
receive and pass ``core`` models (and the records in :mod:`store.records`), never ORM objects
or sessions. Errors are :class:`StoreError` s with a ``code`` to translate.

SQLite by default (``data/repaytalk.db``), PostgreSQL when ``REPAYTALK_DATABASE_URL`` says so.
"""

from store.accounts import Account
from store.audit import AuditEvent
from store.db import Store, init_db
from store.errors import (
    DatabaseFullError,
    DatabaseLockedError,
    DatabaseReadOnlyError,
    DatabaseUnavailableError,
    InvalidDatabaseUrlError,
    InvalidDataError,
    NotFoundError,
    SchemaError,
    SchemaTooNewError,
    StaleRecordError,
    StoreError,
)
from store.legal import SavedLegalEvent
from store.records import BudgetVersion, ProposalSettings, ProposalStatus, SavedProposal
from store.settings import Settings, load_settings

__all__ = [
    "Account",
    "AuditEvent",
    "BudgetVersion",
    "DatabaseFullError",
    "DatabaseLockedError",
    "DatabaseReadOnlyError",
    "DatabaseUnavailableError",
    "InvalidDataError",
    "InvalidDatabaseUrlError",
    "NotFoundError",
    "ProposalSettings",
    "ProposalStatus",
    "SavedLegalEvent",
    "SavedProposal",
    "SchemaError",
    "SchemaTooNewError",
    "Settings",
    "StaleRecordError",
    "Store",
    "StoreError",
    "init_db",
    "load_settings",
]
