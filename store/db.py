"""The :class:`Store`: one object the pages hold, with a repository per kind of record.

>>> from core.clients import Client
>>> store = init_db("sqlite:///:memory:")
>>> client = store.clients.create(Client(name="张明"))
>>> store.clients.get(client.id).version
1

Every repository call is one transaction: it commits whole or not at all. Database trouble
comes out as a :class:`store.errors.StoreError` with a ``code`` to translate, never as a
driver exception.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from contextvars import ContextVar
from dataclasses import replace
from datetime import datetime

import pydantic
from sqlalchemy import Engine
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session

from store.accounts import AccountRepository
from store.audit import AuditRepository
from store.budgets import BudgetRepository
from store.calls import CallRepository, TaskRepository
from store.cases import CaseRepository
from store.checklists import ChecklistRepository
from store.clients import ClientRepository
from store.collections import CollectionContactRepository
from store.debts import DebtRepository
from store.engine import WRITE, display_url, make_engine, parse_url
from store.errors import (
    DatabaseFullError,
    DatabaseLockedError,
    DatabaseReadOnlyError,
    DatabaseUnavailableError,
    InvalidDataError,
    StoreError,
)
from store.evidence import EvidenceRepository
from store.hardship import HardshipRepository, ProofRepository
from store.legal import LegalRepository
from store.migrate import check_field_key, upgrade
from store.payments import PaymentRepository
from store.proposals import ProposalRepository
from store.requests import RequestRepository
from store.retention import RetentionRepository
from store.settings import Settings, load_settings, utc_now
from store.workspace_settings import WorkspaceSettingRepository


class Store:
    """The database and its repositories. Close it (or use it in ``with``) when done."""

    def __init__(
        self, engine: Engine, settings: Settings, clock: Callable[[], datetime] = utc_now
    ) -> None:
        self.engine = engine
        self.settings = settings
        self.clock = clock
        self._writer = engine.execution_options(**{WRITE: True})
        # The session of the unit of work open in this thread (each Streamlit session runs its
        # script in its own thread, so units never mix).
        self._unit: ContextVar[Session | None] = ContextVar("store_unit_of_work", default=None)
        self.clients = ClientRepository(self)
        self.debts = DebtRepository(self)
        self.budgets = BudgetRepository(self)
        self.proposals = ProposalRepository(self)
        self.calls = CallRepository(self)
        self.tasks = TaskRepository(self)
        self.checklists = ChecklistRepository(self)
        self.payments = PaymentRepository(self)
        self.collections = CollectionContactRepository(self)
        self.hardship = HardshipRepository(self)
        self.proofs = ProofRepository(self)
        self.legal = LegalRepository(self)
        self.cases = CaseRepository(self)
        self.evidence = EvidenceRepository(self)
        self.requests = RequestRepository(self)
        self.audit = AuditRepository(self)
        self.accounts = AccountRepository(self)
        self.workspace_settings = WorkspaceSettingRepository(self)
        self.retention = RetentionRepository(self)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading, in one transaction (a consistent snapshot); inside a unit of
        work, that unit's session, so a read sees what the unit has written so far."""
        active = self._unit.get()
        if active is not None:
            yield active
            return
        with translate_errors(), Session(self.engine) as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose changes commit together when the block ends, or not at all.

        Blocks nest: a ``write()`` inside another joins the outer one's transaction, so a
        service can call several repositories as one unit of work
        (:meth:`unit_of_work`) and either all of their writes commit or none does.
        """
        active = self._unit.get()
        if active is not None:
            yield active
            return
        with (
            translate_errors(),
            Session(self._writer, expire_on_commit=False) as session,
            session.begin(),
        ):
            token = self._unit.set(session)
            try:
                yield session
            finally:
                self._unit.reset(token)

    def unit_of_work(self) -> AbstractContextManager[Session]:
        """One transaction around everything done inside it, through any repository."""
        return self.write()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({display_url(self.engine.url)})"


def init_db(
    url: str | None = None,
    *,
    settings: Settings | None = None,
    clock: Callable[[], datetime] = utc_now,
) -> Store:
    """Open the database (``REPAYTALK_DATABASE_URL`` unless ``url`` is given), bring its schema
    to the newest version and return a ready :class:`Store`.

    The SQLite data folder (``0700``) and file (``0600``) are created if missing. Raises
    :class:`DatabaseUnavailableError` (naming the database, never its password) when it cannot
    be opened.
    """
    settings = settings or load_settings()
    if url is not None:
        settings = replace(settings, database_url=url)
    parsed = parse_url(settings.database_url)
    try:
        engine = make_engine(parsed, settings)
    except OSError as exc:
        raise DatabaseUnavailableError(
            f"cannot create the data folder or file for {display_url(parsed)}: {exc.strerror}"
        ) from None
    try:
        with translate_errors(f" ({display_url(parsed)})"):
            upgrade(engine)
            check_field_key(engine)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, settings, clock)


_LOCKED = (
    "database is locked",
    "database table is locked",
    "lock timeout",
    "could not obtain lock",
)
_READ_ONLY = ("readonly database", "read-only", "read only")
_FULL = ("database or disk is full", "disk is full", "no space left")


@contextmanager
def translate_errors(where: str = "") -> Iterator[None]:
    """Turn driver and validation exceptions into named :class:`StoreError` s."""
    try:
        yield
    except StoreError:
        raise
    except sa_exc.IntegrityError as exc:
        raise InvalidDataError(
            "record", f"breaks a rule of the database ({_first_line(exc.orig)})"
        ) from exc
    except sa_exc.DataError as exc:
        raise InvalidDataError("record", f"a value does not fit ({_first_line(exc.orig)})") from exc
    except sa_exc.OperationalError as exc:
        text = str(exc.orig).lower()
        if any(marker in text for marker in _LOCKED):
            raise DatabaseLockedError(
                f"the database is busy with another writer; try again{where}"
            ) from exc
        if any(marker in text for marker in _READ_ONLY):
            raise DatabaseReadOnlyError(f"the database is read-only{where}") from exc
        if any(marker in text for marker in _FULL):
            raise DatabaseFullError(f"the disk or database is full{where}") from exc
        raise DatabaseUnavailableError(
            f"the database cannot be used: {_first_line(exc.orig)}{where}"
        ) from exc
    except (sa_exc.InterfaceError, sa_exc.DisconnectionError) as exc:
        raise DatabaseUnavailableError(f"the connection to the database failed{where}") from exc
    except sa_exc.StatementError as exc:
        if isinstance(exc.orig, ValueError | TypeError):
            raise InvalidDataError("record", str(exc.orig)) from exc
        raise StoreError(f"the database refused a statement{where}") from exc
    except sa_exc.SQLAlchemyError as exc:
        raise StoreError(f"database error: {type(exc).__name__}{where}") from exc
    except pydantic.ValidationError as exc:
        error = exc.errors()[0]
        field = ".".join(str(part) for part in error["loc"]) or exc.title
        raise InvalidDataError(field, f"a stored {exc.title} is invalid: {error['msg']}") from exc


def _first_line(error: object) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
