"""Value-keyed caches: a figure computed once per value of what it is computed from.

Pages rebuild their models from the store on every rerun, so a figure cached on an instance
(``functools.cached_property``) is computed again for every new instance of the same value.
The engine's pure functions are instead cached with ``functools.lru_cache`` (bounded, least
recently used first out, no clock) on a :class:`Keyed` argument: the object the function
reads, compared and hashed by an exact key of the fields that enter the figure.

The caches are bounded (a few hundred entries each, a plan of 60 months being some 60 kB),
so a long-running server holds at most some tens of MB of them.

Keys are exact: a ``Decimal`` is keyed by its sign, digits and exponent, so ``1.0`` and
``1.00`` (equal numbers) are different keys and a cached result is always the one the
function would have returned for that very value.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from decimal import Decimal
from functools import lru_cache
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])

#: Every cache made by :func:`value_cache`, for :func:`clear_caches`.
_CACHES: list[Any] = []


def exact(value: object) -> Hashable:
    """``value`` as a key part that tells apart what ``==`` would not (``Decimal('1.0')``
    and ``Decimal('1.00')``, ``-0`` and ``0``); other values as they are.

    >>> exact(Decimal("1.0")) == exact(Decimal("1.00"))
    False
    >>> exact("a"), exact(None)
    ('a', None)
    """
    if isinstance(value, Decimal):
        return ("Decimal", value.as_tuple())
    if isinstance(value, BaseModel):
        return (type(value).__name__, fields_key(value, type(value).model_fields))
    if isinstance(value, tuple | list):
        return tuple(exact(item) for item in value)
    return value


def fields_key(model: BaseModel, names: Iterable[str]) -> tuple[Hashable, ...]:
    """The exact key of ``model``'s fields ``names``, in that order."""
    return tuple(exact(getattr(model, name)) for name in names)


class Keyed(Generic[T]):
    """``value`` compared and hashed by ``key`` alone: the argument of a value-keyed cache.

    The first object cached under a key serves every later equal key, so the key must hold
    everything the cached function reads from it.
    """

    __slots__ = ("_hash", "key", "value")

    def __init__(self, value: T, key: Hashable) -> None:
        self.value = value
        self.key = key
        self._hash = hash(key)

    def __hash__(self) -> int:
        return self._hash

    # A string's hash differs from one process to the next: an unpickled key hashes anew.
    def __getstate__(self) -> tuple[T, Hashable]:
        return self.value, self.key

    def __setstate__(self, state: tuple[T, Hashable]) -> None:
        self.value, self.key = state
        self._hash = hash(self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Keyed) and self.key == other.key

    def __repr__(self) -> str:
        return f"Keyed({self.key!r})"


def keyed(value: T, key: Hashable) -> Keyed[T] | None:
    """``Keyed(value, key)``, or None when the key cannot be hashed (then do not cache)."""
    try:
        return Keyed(value, key)
    except TypeError:
        return None


def value_cache(maxsize: int) -> Callable[[F], F]:
    """``functools.lru_cache(maxsize)``, registered so that :func:`clear_caches` empties it."""

    def decorate(func: F) -> F:
        cached = lru_cache(maxsize=maxsize)(func)
        _CACHES.append(cached)
        return cached  # type: ignore[return-value]

    return decorate


def clear_caches() -> None:
    """Empty every value cache (for tests that count what is computed)."""
    for cache in _CACHES:
        cache.cache_clear()
