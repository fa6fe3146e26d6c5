"""One function per counselor action, each one unit of work.

Pages (``ui``, ``app_pages``) and reports call these, never :mod:`store`: a service checks who
acts (:class:`Actor`; single-user mode acts as :data:`LOCAL_USER`; in team mode a signed-in
account, :mod:`services.accounts`, whose role and caseload :mod:`services.access` checks),
runs all of the action's writes in one transaction (they commit together or not at all),
refuses a save against a newer version than the one the counselor saw
(:class:`ChangedElsewhereError`, carrying the record as it is now), and returns ``core`` models.
Errors are named: :class:`StoreError` s and ``core`` errors, each with a ``code`` the UI words.

>>> from core.clients import Client
>>> ws = open_workspace("sqlite:///:memory:")
>>> client = clients.create(ws, LOCAL_USER, Client(name="张明"))
>>> renamed = clients.update(ws, LOCAL_USER, client.model_copy(update={"name": "张三"}))
>>> clients.update(ws, LOCAL_USER, client.model_copy(update={"notes": "stale"}))
Traceback (most recent call last):
...
services.errors.ChangedElsewhereError: client 1 was changed elsewhere (version 1 was seen, 2 ...)
"""

from services import (
    access,
    accounts,
    audit,
    benchmarks,
    budgets,
    calls,
    caseload,
    cases,
    checklists,
    clients,
    collections,
    data,
    debts,
    evidence,
    example,
    hardship,
    holidays,
    legal,
    lender_history,
    negotiations,
    payments,
    proposals,
    retention,
    tasks,
)
from services._work import request_key
from services.actor import LOCAL_USER, Actor
from services.errors import (
    ChangedElsewhereError,
    DatabaseUnavailableError,
    InvalidDataError,
    NotFoundError,
    StaleRecordError,
    StoreError,
)
from services.workspace import (
    BudgetVersion,
    ProposalSettings,
    ProposalStatus,
    SavedProposal,
    Workspace,
    configured_url,
    open_workspace,
)

__all__ = [
    "LOCAL_USER",
    "Actor",
    "BudgetVersion",
    "ChangedElsewhereError",
    "DatabaseUnavailableError",
    "InvalidDataError",
    "NotFoundError",
    "ProposalSettings",
    "ProposalStatus",
    "SavedProposal",
    "StaleRecordError",
    "StoreError",
    "Workspace",
    "access",
    "accounts",
    "audit",
    "benchmarks",
    "budgets",
    "calls",
    "caseload",
    "cases",
    "checklists",
    "clients",
    "collections",
    "configured_url",
    "data",
    "debts",
    "evidence",
    "example",
    "hardship",
    "holidays",
    "legal",
    "lender_history",
    "negotiations",
    "open_workspace",
    "payments",
    "proposals",
    "request_key",
    "retention",
    "tasks",
]
