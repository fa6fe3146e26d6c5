"""Who may do what: roles, their permissions, and the sign-in and session rules of team mode.

Pure rules, no clock and no store: ``now`` is a parameter. Single-user mode has no roles (the
person at the computer may do everything); team mode gives each account one :class:`Role`.

>>> allows(Role.COUNSELOR, Permission.READ_AUDIT), allows(Role.SUPERVISOR, Permission.READ_AUDIT)
(False, True)
>>> may_open_client(Role.COUNSELOR, account_id=3, assigned_to=3)
True
>>> may_open_client(Role.COUNSELOR, account_id=3, assigned_to=4)
False
>>> may_open_client(Role.SUPERVISOR, account_id=3, assigned_to=None)
True
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from enum import StrEnum


class Role(StrEnum):
    """An account's role in an agency."""

    #: Works with the clients assigned to them, and no others.
    COUNSELOR = "counselor"
    #: Sees every client, assigns and reassigns them, reads the audit trail.
    SUPERVISOR = "supervisor"
    #: Manages accounts, workspace settings, backups and restore (and sees what a supervisor sees).
    ADMIN = "admin"


class Permission(StrEnum):
    """What an action needs beyond being signed in."""

    SEE_ALL_CLIENTS = "see_all_clients"
    ASSIGN_CLIENTS = "assign_clients"
    READ_AUDIT = "read_audit"
    MANAGE_ACCOUNTS = "manage_accounts"
    MANAGE_SETTINGS = "manage_settings"
    BACKUP = "backup"
    RESTORE = "restore"
    DELETE_ALL = "delete_all"


_SUPERVISOR = frozenset(
    {Permission.SEE_ALL_CLIENTS, Permission.ASSIGN_CLIENTS, Permission.READ_AUDIT}
)
#: Each role's permissions; a counselor's work on their own clients needs none.
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.COUNSELOR: frozenset(),
    Role.SUPERVISOR: _SUPERVISOR,
    Role.ADMIN: frozenset(Permission),
}


def allows(role: Role | None, permission: Permission) -> bool:
    """Whether ``role`` has ``permission``; ``None`` (single-user mode) has every one."""
    return role is None or permission in ROLE_PERMISSIONS[role]


def may_open_client(role: Role | None, *, account_id: int | None, assigned_to: int | None) -> bool:
    """Whether an account may see and change a client's record: its own clients, or every
    client with :attr:`Permission.SEE_ALL_CLIENTS`. An unassigned client is nobody's own."""
    if allows(role, Permission.SEE_ALL_CLIENTS):
        return True
    return account_id is not None and assigned_to == account_id


# --- sign-in and sessions ------------------------------------------------------------------

#: Failed sign-ins in a row that lock an account …
MAX_FAILED_SIGN_INS = 5
#: … for this long (a successful sign-in after it resets the count).
LOCKOUT = timedelta(minutes=15)
#: A signed-in session with no activity for this long must sign in again.
IDLE_TIMEOUT = timedelta(minutes=30)
#: Shortest password an account may have (length is what protects a password).
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 200
#: User names: 3 to 40 of lower-case letters, digits, ``.``, ``_`` and ``-``, a letter first.
USERNAME_PATTERN = re.compile(r"[a-z][a-z0-9._-]{2,39}")


def is_locked(locked_until: datetime | None, now: datetime) -> bool:
    """Whether an account locked until ``locked_until`` is still locked at ``now``.

    >>> from datetime import UTC
    >>> t = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    >>> is_locked(t, t - timedelta(seconds=1)), is_locked(t, t), is_locked(None, t)
    (True, False, False)
    """
    return locked_until is not None and now < locked_until


def after_failed_sign_in(failed_before: int, now: datetime) -> tuple[int, datetime | None]:
    """The failure count after one more failed sign-in, and until when the account is locked
    (``None`` while fewer than :data:`MAX_FAILED_SIGN_INS` failures in a row).

    >>> from datetime import UTC
    >>> t = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    >>> after_failed_sign_in(3, t)
    (4, None)
    >>> after_failed_sign_in(4, t)[1] - t == LOCKOUT
    True
    """
    failed = failed_before + 1
    return failed, (now + LOCKOUT if failed >= MAX_FAILED_SIGN_INS else None)


def session_expired(last_activity: datetime, now: datetime) -> bool:
    """Whether a session last active at ``last_activity`` has been idle too long at ``now``.

    >>> from datetime import UTC
    >>> t = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    >>> session_expired(t, t + IDLE_TIMEOUT)
    False
    >>> session_expired(t, t + IDLE_TIMEOUT + timedelta(seconds=1))
    True
    """
    return now - last_activity > IDLE_TIMEOUT


def username_problem(username: str) -> str | None:
    """Why ``username`` cannot name an account (a code), or ``None``.

    >>> username_problem("wang.li"), username_problem("Wang"), username_problem("ab")
    (None, 'username_format', 'username_format')
    """
    return None if USERNAME_PATTERN.fullmatch(username) else "username_format"


def password_problem(password: str, username: str) -> str | None:
    """Why ``password`` may not be set for ``username`` (a code), or ``None``.

    >>> password_problem("short", "wang"), password_problem("wang.li-2026", "wang.li")
    ('password_too_short', 'password_contains_username')
    >>> password_problem("correct horse battery", "wang") is None
    True
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        return "password_too_short"
    if len(password) > MAX_PASSWORD_LENGTH:
        return "password_too_long"
    if username and username.lower() in password.lower():
        return "password_contains_username"
    return None
