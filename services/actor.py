"""Who performs an action.

Every service takes the acting user. In single-user mode that is :data:`LOCAL_USER`, the person
at this computer, who may do everything; team mode (accounts, roles, caseloads) checks access in
:func:`check`, the one place a service asks, so pages never decide who may do what.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    """A user of RepayTalk: a stable ``user_id`` and a name to show."""

    user_id: str
    name: str


#: The single user of a local installation.
LOCAL_USER = Actor(user_id="local", name="local")


class NotAnActorError(TypeError):
    """A service was called without saying who acts."""


def check(actor: object) -> Actor:
    """``actor`` itself if it is an :class:`Actor`; in single-user mode every actor may act."""
    if not isinstance(actor, Actor):
        raise NotAnActorError(f"a service needs the acting user, got {type(actor).__name__}")
    return actor
