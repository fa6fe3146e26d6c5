"""Accounts of a team installation: who signs in, with which role, and their lockout state.

An :class:`Account` is what the rest of the program sees of a row of ``accounts``; it never
carries the password hash, which only :meth:`AccountRepository.password_hash_of` hands out (to
the sign-in service, which alone checks passwords). Hashing is not done here: the store keeps
the Argon2id string it is given.

User names are stored as given once checked (``core.access.USERNAME_PATTERN``: lower case);
e-mail addresses lower case. Both are unique: a second account with a name or address already
used is refused with :class:`store.errors.InvalidDataError` (code ``username_taken`` or
``email_taken``). Changes name the version that was read, as for every record
(:class:`store.errors.StaleRecordError` if someone changed the account since).

Accounts are not in backups, and a restore keeps them (``info={"backup": "kept"}`` on the
table): restoring an old file must not bring back an old password or lock the administrator out.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from core.access import Role, username_problem
from core.limits import MAX_NAME_LENGTH
from store._rows import get_row, insert, require_id, update_versioned
from store.errors import InvalidDataError, NotFoundError
from store.orm import AccountRow

if TYPE_CHECKING:
    from store.db import Store

__all__ = ["MAX_EMAIL_LENGTH", "Account", "AccountRepository"]

MAX_EMAIL_LENGTH = 254
MAX_HASH_LENGTH = 200


@dataclass(frozen=True)
class Account:
    """An account as shown and acted on (no password hash)."""

    id: int
    username: str
    display_name: str
    email: str | None
    role: Role
    disabled: bool
    failed_sign_ins: int
    locked_until: datetime | None
    last_sign_in_at: datetime | None
    #: The saved version; name it when changing the account.
    version: int
    created_at: datetime


def from_row(row: AccountRow) -> Account:
    return Account(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        email=row.email,
        role=Role(row.role),
        disabled=row.disabled,
        failed_sign_ins=row.failed_sign_ins,
        locked_until=row.locked_until,
        last_sign_in_at=row.last_sign_in_at,
        version=row.version,
        created_at=row.created_at,
    )


class _Unchanged:
    """The value of a field :meth:`AccountRepository.update` leaves as it is."""

    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED: Any = _Unchanged()


def _username(value: object) -> str:
    if not isinstance(value, str) or username_problem(value) is not None:
        raise InvalidDataError(
            "username",
            f"expected 3 to 40 lower-case letters, digits, '.', '_' or '-' (a letter first),"
            f" got {value!r}",
            code="username_format",
        )
    return value


def _display_name(value: object) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_NAME_LENGTH:
        raise InvalidDataError(
            "display_name",
            f"expected a name of 1 to {MAX_NAME_LENGTH} characters, got {value!r}",
            code="display_name_invalid",
        )
    return value.strip()


def normal_email(value: object) -> str | None:
    """An e-mail address as stored (trimmed, lower case), ``None`` for none; a named error for
    something that is not one."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip().lower()
        local, at, domain = text.partition("@")
        if (
            at
            and local
            and "." in domain
            and "@" not in domain
            and len(text) <= MAX_EMAIL_LENGTH
            and not any(char.isspace() for char in text)
        ):
            return text
    raise InvalidDataError("email", f"not an e-mail address: {value!r}", code="email_format")


def _role(value: object) -> Role:
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        return Role(value)
    except ValueError:
        raise InvalidDataError(
            "role",
            f"expected one of {[role.value for role in Role]}, got {value!r}",
            code="role_invalid",
        ) from None


def _hash(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.startswith("$") or len(value) > MAX_HASH_LENGTH:
        raise InvalidDataError("password_hash", "expected a password hash in PHC string form")
    return value


def _count(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidDataError("failed_sign_ins", f"expected a count, got {value!r}")
    return value


def _instant(value: object, field: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise InvalidDataError(field, f"expected a time with its zone, got {value!r}")
    return value


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise InvalidDataError("disabled", f"expected true or false, got {value!r}")
    return value


class AccountRepository:
    """The accounts of the workspace (``store.accounts``)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def create(
        self,
        *,
        username: str,
        display_name: str,
        role: Role | str,
        password_hash: str | None,
        email: str | None = None,
    ) -> Account:
        """Add an account (enabled, never signed in). A user name or e-mail address already
        used is an :class:`InvalidDataError` with code ``username_taken`` / ``email_taken``."""
        row = AccountRow(
            username=_username(username),
            display_name=_display_name(display_name),
            email=normal_email(email),
            role=_role(role).value,
            password_hash=_hash(password_hash),
            disabled=False,
            failed_sign_ins=0,
            locked_until=None,
            last_sign_in_at=None,
        )
        with self._store.write() as session:
            self._check_unique(session, row.username, row.email)
            return from_row(insert(session, row, self._store.clock()))

    @staticmethod
    def _check_unique(
        session: Any, username: str | None, email: str | None, *, other_than: int | None = None
    ) -> None:
        def taken(condition: Any) -> bool:
            query = sa.select(AccountRow.id).where(condition)
            if other_than is not None:
                query = query.where(AccountRow.id != other_than)
            return session.scalar(query.limit(1)) is not None

        if username is not None and taken(AccountRow.username == username):
            raise InvalidDataError(
                "username", f"{username!r} is already an account", code="username_taken"
            )
        if email is not None and taken(sa.func.lower(AccountRow.email) == email):
            raise InvalidDataError(
                "email", "this e-mail address is already an account's", code="email_taken"
            )

    def get(self, account_id: int) -> Account:
        """The account, or :class:`store.errors.NotFoundError`."""
        with self._store.read() as session:
            return from_row(get_row(session, AccountRow, "account", account_id))

    def by_username(self, username: str) -> Account | None:
        """The account named exactly ``username`` (user names are lower case), or ``None``."""
        if not isinstance(username, str):
            return None
        return self._first(sa.select(AccountRow).where(AccountRow.username == username))

    def by_email(self, email: str) -> Account | None:
        """The account with this e-mail address (in any case), or ``None``."""
        if not isinstance(email, str) or not email.strip():
            return None
        wanted = email.strip().lower()
        return self._first(sa.select(AccountRow).where(sa.func.lower(AccountRow.email) == wanted))

    def list(
        self, *, role: Role | None = None, enabled_only: bool = False
    ) -> builtins.list[Account]:
        """Every account (of ``role``; only enabled ones if asked), by user name."""
        query = self._filtered(sa.select(AccountRow), role, enabled_only)
        with self._store.read() as session:
            return [from_row(row) for row in session.scalars(query.order_by(AccountRow.username))]

    def count(self, *, role: Role | None = None, enabled_only: bool = False) -> int:
        query = self._filtered(
            sa.select(sa.func.count()).select_from(AccountRow), role, enabled_only
        )
        with self._store.read() as session:
            return session.scalar(query) or 0

    def password_hash_of(self, account_id: int) -> str | None:
        """The account's password hash (``None``: it has no password), for the sign-in
        service only; :class:`store.errors.NotFoundError` if there is no such account."""
        with self._store.read() as session:
            return get_row(session, AccountRow, "account", account_id).password_hash

    def update(
        self,
        account_id: int,
        *,
        version: int,
        display_name: str = UNCHANGED,
        email: str | None = UNCHANGED,
        role: Role | str = UNCHANGED,
        disabled: bool = UNCHANGED,
        password_hash: str | None = UNCHANGED,
        failed_sign_ins: int = UNCHANGED,
        locked_until: datetime | None = UNCHANGED,
        last_sign_in_at: datetime | None = UNCHANGED,
    ) -> Account:
        """Change the fields given (the others stay) if the account is still at ``version``;
        :class:`StaleRecordError` if it was changed since, :class:`NotFoundError` if gone."""
        require_id(account_id, "account_id")
        if isinstance(version, bool) or not isinstance(version, int):
            raise InvalidDataError("version", f"expected the version read, got {version!r}")
        checks: dict[str, tuple[object, Any]] = {
            "display_name": (display_name, _display_name),
            "email": (email, normal_email),
            "role": (role, lambda value: _role(value).value),
            "disabled": (disabled, _flag),
            "password_hash": (password_hash, _hash),
            "failed_sign_ins": (failed_sign_ins, _count),
            "locked_until": (locked_until, lambda value: _instant(value, "locked_until")),
            "last_sign_in_at": (last_sign_in_at, lambda value: _instant(value, "last_sign_in_at")),
        }
        values = {
            name: check(value) for name, (value, check) in checks.items() if value is not UNCHANGED
        }
        with self._store.write() as session:
            if "email" in values:
                self._check_unique(session, None, values["email"], other_than=account_id)
            update_versioned(
                session,
                AccountRow,
                "account",
                account_id,
                version,
                values,
                self._store.clock(),
            )
            row = session.get(AccountRow, account_id, populate_existing=True)
            if row is None:  # pragma: no cover - the update above found it in this transaction
                raise NotFoundError("account", account_id)
            return from_row(row)

    @staticmethod
    def _filtered(query: sa.Select[Any], role: Role | None, enabled_only: bool) -> sa.Select[Any]:
        if role is not None:
            query = query.where(AccountRow.role == _role(role).value)
        if enabled_only:
            query = query.where(AccountRow.disabled.is_(False))
        return query

    def _first(self, query: sa.Select[Any]) -> Account | None:
        with self._store.read() as session:
            row = session.scalar(query.limit(1))
            return from_row(row) if row is not None else None
