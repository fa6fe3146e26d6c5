"""Who performs an action.

Every service takes the acting user. In single-user mode that is :data:`LOCAL_USER`, the person
at this computer, who may do everything. In team mode (``REPAYTALK_TEAM_MODE=1``) it is a signed-in
account with a :class:`core.access.Role`; services ask :func:`require` and
:func:`services.access.open_client` — never the page — whether it may act.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from core.access import Permission, Role, allows
from services.errors import NotAllowedError

#: The environment variable that turns team mode on (``1``, ``true``, ``yes`` or ``on``).
TEAM_MODE_VARIABLE = "REPAYTALK_TEAM_MODE"


@dataclass(frozen=True)
class Actor:
    """A user of RepayTalk: a stable ``user_id`` (the audit trail's ``actor``), a name to show,
    and in team mode the account's id and role (``None`` for the single local user)."""

    user_id: str
    name: str
    role: Role | None = None
    account_id: int | None = None

    @property
    def is_local(self) -> bool:
        """The single user of a one-person installation (no account, every permission)."""
        return self.role is None

    def allows(self, permission: Permission) -> bool:
        return allows(self.role, permission)


#: The single user of a local installation.
LOCAL_USER = Actor(user_id="local", name="local")


class NotAnActorError(TypeError):
    """A service was called without saying who acts."""


def check(actor: object) -> Actor:
    """``actor`` itself if it is an :class:`Actor` (who may act at all)."""
    if not isinstance(actor, Actor):
        raise NotAnActorError(f"a service needs the acting user, got {type(actor).__name__}")
    return actor


def require(actor: object, permission: Permission) -> Actor:
    """``actor`` if it has ``permission``; otherwise :class:`NotAllowedError`."""
    checked = check(actor)
    if not checked.allows(permission):
        raise NotAllowedError(checked.user_id, str(permission))
    return checked


def team_mode(environ: Mapping[str, str] | None = None) -> bool:
    """Whether team mode is on (``REPAYTALK_TEAM_MODE``); off unless set to a yes.

    >>> team_mode({}), team_mode({TEAM_MODE_VARIABLE: "1"}), team_mode({TEAM_MODE_VARIABLE: "no"})
    (False, True, False)
    """
    env = os.environ if environ is None else environ
    return env.get(TEAM_MODE_VARIABLE, "").strip().lower() in {"1", "true", "yes", "on"}
