"""Accounts of team mode: the first administrator, signing in, and managing accounts.

Passwords are hashed with Argon2id (``argon2.PasswordHasher`` with its defaults, RFC 9106's
low-memory profile) and never stored or logged otherwise; a hash made with older parameters is
replaced at the next successful sign-in. A password must pass ``core.access.password_problem``
and a user name ``core.access.username_problem``; what is refused raises :class:`AccountError`
whose ``code`` the catalogue words (``error.<code>``).

Signing in (:func:`sign_in`) returns the :class:`~services.actor.Actor` of the account or
raises :class:`SignInError`: ``bad_credentials`` for an unknown user name and for a wrong
password alike (both spend the time of one Argon2 check), ``locked`` while the account is
locked, ``disabled`` for a disabled account given its right password. After
:data:`~core.access.MAX_FAILED_SIGN_INS` failures in a row the account is locked for
:data:`~core.access.LOCKOUT`, and refuses even the right password until then; the failures of
a lock that has run out no longer count. A successful sign-in resets the count.

Every change leaves a line in the audit trail (``account.*``; subject ``account:<id>``, the
detail without personal data). A failed sign-in's lines are committed although the sign-in
fails. An administrator manages accounts (:attr:`~core.access.Permission.MANAGE_ACCOUNTS`);
supervisors may list them to reassign clients. No change may leave the workspace without an
enabled administrator (``last_admin``).
"""

from __future__ import annotations

from datetime import datetime
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from core.access import (
    Permission,
    Role,
    after_failed_sign_in,
    is_locked,
    password_problem,
    username_problem,
)
from services._work import unit
from services.actor import Actor, check, require
from services.errors import (
    InvalidDataError,
    NotAllowedError,
    NotFoundError,
    StaleRecordError,
    StoreError,
)
from services.workspace import Workspace
from store.accounts import UNCHANGED, Account

__all__ = [
    "Account",
    "AccountError",
    "SignInError",
    "actor_for",
    "actor_for_email",
    "change_own_password",
    "counselors",
    "create_account",
    "create_first_admin",
    "disable",
    "enable",
    "has_accounts",
    "list_accounts",
    "reset_password",
    "set_role",
    "sign_in",
]

#: The audit trail's actions for accounts.
CREATED = "account.created"
SIGNED_IN = "account.signed_in"
SIGN_IN_FAILED = "account.sign_in_failed"
LOCKED = "account.locked"
DISABLED = "account.disabled"
ENABLED = "account.enabled"
PASSWORD_RESET = "account.password_reset"
PASSWORD_CHANGED = "account.password_changed"
ROLE_CHANGED = "account.role_changed"

#: The audit line's actor for a sign-in with a user name that names no account.
UNKNOWN_ACTOR = "unknown"

_HASHER = PasswordHasher()


class AccountError(StoreError):
    """An account cannot be created or changed as asked (nothing was); ``code`` says why:
    a ``core.access`` problem code (``username_format``, ``password_too_short`` …),
    ``username_taken``, ``email_taken``, ``email_format``, ``display_name_invalid``,
    ``role_invalid``, ``last_admin`` or ``wrong_password``."""

    code = "account_invalid"

    def __init__(self, code: str, message: str | None = None) -> None:
        super().__init__(message or code.replace("_", " "), code=code)


class SignInError(StoreError):
    """A sign-in refused: ``code`` is ``bad_credentials``, ``locked`` (until ``locked_until``,
    UTC) or ``disabled``."""

    code = "bad_credentials"

    def __init__(self, code: str, locked_until: datetime | None = None) -> None:
        super().__init__(f"sign-in refused: {code}", code=code)
        self.locked_until = locked_until


# --- passwords ------------------------------------------------------------------------------


def _hash_password(password: str) -> str:
    return _HASHER.hash(password)


@cache
def _dummy_hash() -> str:
    """A hash no password is checked against for real: verifying it costs what a real check
    does, so an unknown user name takes as long to refuse as a wrong password."""
    return _HASHER.hash("no account has this password: it is only here to spend the time")


def _verify(stored: str | None, password: str) -> bool:
    if not isinstance(password, str):
        password = ""
    try:
        return _HASHER.verify(stored or _dummy_hash(), password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def _checked_password(password: object, username: str) -> str:
    if not isinstance(password, str):
        raise AccountError("password_too_short")
    problem = password_problem(password, username)
    if problem is not None:
        raise AccountError(problem)
    return password


def _checked_username(username: object) -> str:
    name = username.strip() if isinstance(username, str) else ""
    problem = username_problem(name)
    if problem is not None:
        raise AccountError(problem)
    return name


def _checked_role(role: object) -> Role:
    try:
        return Role(str(role))
    except ValueError:
        raise AccountError("role_invalid", f"not a role: {role!r}") from None


def _subject(account_id: int) -> str:
    return f"account:{account_id}"


def _as_account_error(error: InvalidDataError) -> AccountError:
    codes = {
        "username_taken",
        "email_taken",
        "email_format",
        "display_name_invalid",
        "username_format",
        "role_invalid",
    }
    code = error.code if error.code in codes else "account_invalid"
    return AccountError(code, str(error))


def _actor(account: Account) -> Actor:
    return Actor(
        user_id=account.username,
        name=account.display_name,
        role=account.role,
        account_id=account.id,
    )


# --- setting up -----------------------------------------------------------------------------


def has_accounts(ws: Workspace) -> bool:
    """Whether any account exists (team mode needs a first administrator before anything)."""
    return ws.accounts.count() > 0


def create_first_admin(
    ws: Workspace,
    *,
    username: str,
    display_name: str,
    password: str,
    now: datetime | None = None,
) -> Account:
    """The workspace's first account, an administrator; :class:`NotAllowedError` once any
    account exists (others are created by an administrator)."""
    name = _checked_username(username)
    hashed = _hash_password(_checked_password(password, name))
    try:
        with ws.unit_of_work():
            if ws.accounts.count() > 0:
                raise NotAllowedError(name, "create_first_admin")
            account = ws.accounts.create(
                username=name, display_name=display_name, role=Role.ADMIN, password_hash=hashed
            )
            ws.audit.append(
                actor=account.username,
                action=CREATED,
                subject=_subject(account.id),
                detail={"role": Role.ADMIN.value, "first": True},
                at=now,
            )
            return account
    except InvalidDataError as error:
        raise _as_account_error(error) from None


def create_account(
    ws: Workspace,
    actor: Actor,
    *,
    username: str,
    display_name: str,
    role: Role | str,
    password: str,
    email: str | None = None,
) -> Account:
    """A new enabled account (administrators only)."""
    acting = require(actor, Permission.MANAGE_ACCOUNTS)
    name = _checked_username(username)
    checked_role = _checked_role(role)
    hashed = _hash_password(_checked_password(password, name))
    try:
        with unit(ws, acting):
            account = ws.accounts.create(
                username=name,
                display_name=display_name,
                role=checked_role,
                password_hash=hashed,
                email=email,
            )
            ws.audit.append(
                actor=acting.user_id,
                action=CREATED,
                subject=_subject(account.id),
                detail={"role": checked_role.value},
            )
            return account
    except InvalidDataError as error:
        raise _as_account_error(error) from None


# --- signing in -----------------------------------------------------------------------------


def sign_in(ws: Workspace, username: str, password: str, *, now: datetime | None = None) -> Actor:
    """The actor of the account ``username`` signed in with ``password`` at ``now`` (the
    store's clock by default), or :class:`SignInError` (see the module's description)."""
    moment = now or ws.clock()
    name = username.strip().lower() if isinstance(username, str) else ""
    account = ws.accounts.by_username(name) if username_problem(name) is None else None
    if account is None:
        _verify(None, password)
        _failed(ws, UNKNOWN_ACTOR, "workspace", {"reason": "unknown_user"}, moment)
        raise SignInError("bad_credentials")
    if is_locked(account.locked_until, moment):
        _verify(None, password)
        _failed(ws, account.username, _subject(account.id), {"reason": "locked"}, moment)
        raise SignInError("locked", account.locked_until)
    stored = ws.accounts.password_hash_of(account.id)
    if not _verify(stored, password):
        raise _wrong_password(ws, account, moment)
    if account.disabled:
        _failed(ws, account.username, _subject(account.id), {"reason": "disabled"}, moment)
        raise SignInError("disabled")
    new_hash = _HASHER.hash(password) if stored and _HASHER.check_needs_rehash(stored) else None
    return _signed_in(ws, account, moment, new_hash)


def _failed(ws: Workspace, actor: str, subject: str, detail: dict[str, object], at: datetime):
    with ws.unit_of_work():
        ws.audit.append(actor=actor, action=SIGN_IN_FAILED, subject=subject, detail=detail, at=at)


def _wrong_password(ws: Workspace, account: Account, moment: datetime) -> SignInError:
    """Count one more failure (locking the account at the limit), audited and committed; the
    error to raise."""
    for _ in range(5):  # another failure counted meanwhile: count on top of it
        current = ws.accounts.get(account.id)
        subject = _subject(current.id)
        if is_locked(current.locked_until, moment):  # locked meanwhile by another attempt
            _failed(ws, current.username, subject, {"reason": "locked"}, moment)
            return SignInError("locked", current.locked_until)
        # The failures before a lock that has run out do not count any more.
        before = 0 if current.locked_until is not None else current.failed_sign_ins
        failed, until = after_failed_sign_in(before, moment)
        try:
            with ws.unit_of_work():
                ws.accounts.update(
                    current.id,
                    version=current.version,
                    failed_sign_ins=failed,
                    locked_until=until,
                )
                detail: dict[str, object] = {"reason": "bad_password", "failed": failed}
                ws.audit.append(
                    actor=current.username,
                    action=SIGN_IN_FAILED,
                    subject=subject,
                    detail=detail,
                    at=moment,
                )
                if until is not None:
                    ws.audit.append(
                        actor=current.username,
                        action=LOCKED,
                        subject=subject,
                        detail={"failed": failed, "until": until.isoformat()},
                        at=moment,
                    )
        except StaleRecordError:
            continue
        if until is not None:
            return SignInError("locked", until)
        return SignInError("bad_credentials")
    return SignInError("bad_credentials")


def sign_in_with_email(
    ws: Workspace, email: str, *, provider: str, now: datetime | None = None
) -> Actor | None:
    """The actor of the enabled account with ``email`` (any case), signed in through the
    identity provider ``provider`` at ``now``: its failure count reset, its last sign-in set and
    ``account.signed_in`` written on the account, as :func:`sign_in` does. ``None`` when no
    enabled, unlocked account has it: ``account.sign_in_failed`` is written (the e-mail itself
    stays out of the trail: it is personal data)."""
    moment = now or ws.clock()
    via: dict[str, object] = {"via": "identity_provider", "provider": provider}
    account = ws.accounts.by_email(email) if isinstance(email, str) and email.strip() else None
    if account is None:
        _failed(ws, UNKNOWN_ACTOR, "workspace", {"reason": "unknown_email", **via}, moment)
        return None
    if account.disabled:
        _failed(ws, account.username, _subject(account.id), {"reason": "disabled", **via}, moment)
        return None
    if is_locked(account.locked_until, moment):
        _failed(ws, account.username, _subject(account.id), {"reason": "locked", **via}, moment)
        return None
    return _signed_in(ws, account, moment, None, detail=via)


def _signed_in(
    ws: Workspace,
    account: Account,
    moment: datetime,
    new_hash: str | None,
    *,
    detail: dict[str, object] | None = None,
) -> Actor:
    for _ in range(5):
        current = ws.accounts.get(account.id)
        try:
            with ws.unit_of_work():
                signed = ws.accounts.update(
                    current.id,
                    version=current.version,
                    failed_sign_ins=0,
                    locked_until=None,
                    last_sign_in_at=moment,
                    password_hash=new_hash if new_hash is not None else UNCHANGED,
                )
                ws.audit.append(
                    actor=signed.username,
                    action=SIGNED_IN,
                    subject=_subject(signed.id),
                    detail={
                        **({"rehashed": True} if new_hash is not None else {}),
                        **(detail or {}),
                    },
                    at=moment,
                )
                return _actor(signed)
        except StaleRecordError:
            continue
    raise StaleRecordError("account", account.id, account.version, account.version + 1)


def actor_for(ws: Workspace, account_id: int) -> Actor | None:
    """The actor of a signed-in session's account as it is now (its role may have changed);
    ``None`` if the account is gone or disabled (the session must end)."""
    try:
        account = ws.accounts.get(account_id)
    except NotFoundError:
        return None
    return None if account.disabled else _actor(account)


def actor_for_email(ws: Workspace, email: str) -> Actor | None:
    """The actor of the enabled account with ``email`` (any case), for an identity provider's
    sign-in; ``None`` when no enabled account has it."""
    account = ws.accounts.by_email(email)
    return None if account is None or account.disabled else _actor(account)


# --- managing accounts ----------------------------------------------------------------------


def list_accounts(ws: Workspace, actor: Actor) -> list[Account]:
    """Every account, by user name: for administrators, and supervisors (who reassign)."""
    acting = check(actor)
    if not (acting.allows(Permission.MANAGE_ACCOUNTS) or acting.allows(Permission.ASSIGN_CLIENTS)):
        raise NotAllowedError(acting.user_id, Permission.MANAGE_ACCOUNTS.value)
    return ws.accounts.list()


def counselors(ws: Workspace, actor: Actor) -> list[Account]:
    """The enabled counselors, by user name: whom a client can be assigned to."""
    require(actor, Permission.ASSIGN_CLIENTS)
    return ws.accounts.list(role=Role.COUNSELOR, enabled_only=True)


def _check_admins_left(ws: Workspace, account: Account) -> None:
    """Refuse taking ``account`` out of the enabled administrators if it is the last one."""
    enabled_admin = account.role is Role.ADMIN and not account.disabled
    if enabled_admin and ws.accounts.count(role=Role.ADMIN, enabled_only=True) <= 1:
        raise AccountError("last_admin", "the last enabled administrator must stay one")


def disable(ws: Workspace, actor: Actor, account_id: int) -> Account:
    """Disable the account: it can no longer sign in, and its sessions end."""
    acting = require(actor, Permission.MANAGE_ACCOUNTS)
    with unit(ws, acting):
        account = ws.accounts.get(account_id)
        if account.disabled:
            return account
        _check_admins_left(ws, account)
        changed = ws.accounts.update(account.id, version=account.version, disabled=True)
        ws.audit.append(actor=acting.user_id, action=DISABLED, subject=_subject(account.id))
        return changed


def enable(ws: Workspace, actor: Actor, account_id: int) -> Account:
    """Enable the account again, and lift any lockout."""
    acting = require(actor, Permission.MANAGE_ACCOUNTS)
    with unit(ws, acting):
        account = ws.accounts.get(account_id)
        changed = ws.accounts.update(
            account.id,
            version=account.version,
            disabled=False,
            failed_sign_ins=0,
            locked_until=None,
        )
        ws.audit.append(actor=acting.user_id, action=ENABLED, subject=_subject(account.id))
        return changed


def reset_password(ws: Workspace, actor: Actor, account_id: int, new_password: str) -> Account:
    """Give the account a new password (an administrator's), and lift any lockout."""
    acting = require(actor, Permission.MANAGE_ACCOUNTS)
    account = ws.accounts.get(account_id)
    hashed = _hash_password(_checked_password(new_password, account.username))
    with unit(ws, acting):
        account = ws.accounts.get(account_id)
        changed = ws.accounts.update(
            account.id,
            version=account.version,
            password_hash=hashed,
            failed_sign_ins=0,
            locked_until=None,
        )
        ws.audit.append(actor=acting.user_id, action=PASSWORD_RESET, subject=_subject(account.id))
        return changed


def set_role(ws: Workspace, actor: Actor, account_id: int, role: Role | str) -> Account:
    """Give the account another role (the same role changes nothing)."""
    acting = require(actor, Permission.MANAGE_ACCOUNTS)
    new_role = _checked_role(role)
    with unit(ws, acting):
        account = ws.accounts.get(account_id)
        if account.role is new_role:
            return account
        _check_admins_left(ws, account)
        changed = ws.accounts.update(account.id, version=account.version, role=new_role)
        ws.audit.append(
            actor=acting.user_id,
            action=ROLE_CHANGED,
            subject=_subject(account.id),
            detail={"from": account.role.value, "to": new_role.value},
        )
        return changed


def change_own_password(
    ws: Workspace, actor: Actor, old_password: str, new_password: str
) -> Account:
    """The signed-in account changes its own password, giving the current one first
    (``wrong_password`` otherwise)."""
    acting = check(actor)
    if acting.account_id is None:
        raise NotAllowedError(acting.user_id, "change_own_password")
    account = ws.accounts.get(acting.account_id)
    if not _verify(ws.accounts.password_hash_of(account.id), old_password):
        raise AccountError("wrong_password", "the current password is not right")
    hashed = _hash_password(_checked_password(new_password, account.username))
    with unit(ws, acting):
        changed = ws.accounts.update(account.id, version=account.version, password_hash=hashed)
        ws.audit.append(actor=acting.user_id, action=PASSWORD_CHANGED, subject=_subject(account.id))
        return changed
