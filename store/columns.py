"""Column types that keep money exact and times in UTC on SQLite and PostgreSQL alike, and
personal fields encrypted at rest (issue 23).

**Encrypted fields** — :class:`EncryptedText` stores a ``v1.`` token (:mod:`store.crypto`) in a
TEXT column and gives the ORM its plain text back. The cipher is the engine's:
:func:`store.engine.make_engine` attaches one to ``engine.dialect.repaytalk_cipher`` (loaded
from the settings' key on first use); a dialect without one refuses to bind or read an
encrypted value (:class:`FieldCipherMissingError`) rather than store plain text. The models
(``core.limits``) keep enforcing the plain text's length; ``length_limit`` is only a
backstop, standing in for the ``VARCHAR(n)`` the column had before it held tokens.

An encrypted column cannot be searched or compared in SQL (each encryption of one text differs):
``Client.mobile == "138…"`` raises ``TypeError`` instead of silently matching nothing; only
``IS NULL`` / ``IS NOT NULL`` remain. Search goes by blind index.

**Blind indexes** — :class:`BlindIndex` is a ``VARCHAR(32)`` holding a keyed hash made by
:class:`store.crypto.FieldCipher` (it refuses anything but 32 lower-case hex characters, so a
plain value can never land in it by mistake). A repository writes it beside the encrypted
column in the same statement, e.g. when saving a client::

    cipher = cipher_for(session.get_bind().dialect)
    row.mobile = client.mobile                                  # EncryptedText("clients.mobile")
    row.mobile_tail = cipher.phone_tail_index(client.mobile)    # BlindIndex, indexed

and a search compares for equality (an index on the column keeps it as fast as today)::

    tail = cipher.phone_tail_index(query)           # None: fewer than 4 digits, no phone match
    select(ClientRow).where(ClientRow.mobile_tail == tail)
    # contracts: DebtRow.contract_index == cipher.contract_index(q)
    #            or DebtRow.contract_tail == cipher.contract_tail_index(q)
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import operators
from sqlalchemy.types import TypeDecorator

from core.money import FEN
from store.crypto import INDEX_CHARS, FieldCipher, LazyFieldCipher
from store.errors import InvalidDataError, StoreError


class Fen(TypeDecorator[Decimal]):
    """Money as a whole number of fen in a BIGINT: ``Decimal("1234.56")`` ↔ ``123456``.

    Exact on every database, summable in SQL. An amount with a fraction of a fen is refused,
    never rounded: it must have been rounded (by ``core``) where it was paid.
    """

    impl = sa.BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        return to_fen(value)

    def process_result_value(self, value: int | None, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return Decimal(int(value)).scaleb(-2)


def to_fen(value: Decimal) -> int:
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ValueError(f"expected a finite Decimal amount, got {value!r}")
    fen = value * 100
    if fen != fen.to_integral_value():
        raise ValueError(f"{value} is not a whole number of fen")
    return int(fen)


def is_whole_fen(value: Decimal) -> bool:
    return value.quantize(FEN) == value


class ExactDecimal(TypeDecorator[Decimal]):
    """A ``Decimal`` of any precision (rates): NUMERIC on PostgreSQL, text on SQLite.

    SQLite has no decimal type (NUMERIC columns hold binary floats), so the value is kept as
    its exact string there.
    """

    impl = sa.String(50)
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> sa.types.TypeEngine:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(sa.Numeric(asdecimal=True))
        return dialect.type_descriptor(sa.String(50))

    def process_bind_param(self, value: Decimal | None, dialect: Dialect) -> object:
        if value is None:
            return None
        if not isinstance(value, Decimal) or not value.is_finite():
            raise ValueError(f"expected a finite Decimal, got {value!r}")
        return value if dialect.name == "postgresql" else str(value)

    def process_result_value(self, value: object, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        return value if isinstance(value, Decimal) else Decimal(str(value))


class UTCDateTime(TypeDecorator[datetime]):
    """An instant, stored in UTC and read back as an aware UTC ``datetime``.

    SQLite stores it as naive UTC text; PostgreSQL as ``timestamptz``. A naive ``datetime``
    is refused: it names no instant.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"a naive datetime ({value}) names no instant")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


#: The attribute of an engine's dialect that carries its field cipher.
CIPHER_ATTRIBUTE = "repaytalk_cipher"


class FieldCipherMissingError(StoreError):
    """An encrypted column was used on an engine that carries no field cipher."""

    code = "field_key_missing"


def cipher_for(dialect: Dialect) -> FieldCipher:
    """The field cipher attached to ``dialect`` (its key loaded now if it was not yet)."""
    attached = getattr(dialect, CIPHER_ATTRIBUTE, None)
    if isinstance(attached, LazyFieldCipher):
        return attached.get()
    if isinstance(attached, FieldCipher):
        return attached
    raise FieldCipherMissingError(
        "this engine carries no field cipher: make it with store.engine.make_engine"
    )


class _EncryptedComparator(TypeDecorator.Comparator[str]):
    _ALLOWED = frozenset({operators.is_, operators.is_not})

    def operate(self, op, *other, **kwargs):
        if op not in self._ALLOWED:
            raise TypeError(
                "an encrypted column cannot be compared or searched in SQL; use its blind index"
            )
        return super().operate(op, *other, **kwargs)

    def reverse_operate(self, op, other, **kwargs):
        raise TypeError(
            "an encrypted column cannot be compared or searched in SQL; use its blind index"
        )


class EncryptedText(TypeDecorator[str]):
    """Text encrypted with the engine's field cipher, bound to ``context`` (the column, e.g.
    ``"clients.mobile"``); see the module doc. ``length_limit`` (characters of plain text) is a
    backstop: the models check it first."""

    impl = sa.Text
    cache_ok = True
    comparator_factory = _EncryptedComparator

    def __init__(self, context: str, length_limit: int | None = None) -> None:
        super().__init__()
        self.context = context
        self.length_limit = length_limit

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            raise InvalidDataError(self.context, f"expected text, got {type(value).__name__}")
        if self.length_limit is not None and len(value) > self.length_limit:
            raise InvalidDataError(
                self.context, f"longer than {self.length_limit} characters", code="too_long"
            )
        return cipher_for(dialect).encrypt(value, self.context)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return cipher_for(dialect).decrypt(value, self.context)


class EncryptedBytes(TypeDecorator[bytes]):
    """A file's bytes encrypted with the engine's field cipher (AES-256-GCM, a fresh nonce,
    bound to ``context``, the column), in a BLOB / BYTEA column; the ORM gets the plain bytes.
    ``size_limit`` (plain bytes) is a backstop: :mod:`core.evidence` checks it first."""

    impl = sa.LargeBinary
    cache_ok = True
    comparator_factory = _EncryptedComparator

    def __init__(self, context: str, size_limit: int | None = None) -> None:
        super().__init__()
        self.context = context
        self.size_limit = size_limit

    def process_bind_param(self, value: bytes | None, dialect: Dialect) -> bytes | None:
        if value is None:
            return None
        if not isinstance(value, bytes):
            raise InvalidDataError(self.context, f"expected bytes, got {type(value).__name__}")
        if self.size_limit is not None and len(value) > self.size_limit:
            raise InvalidDataError(
                self.context, f"larger than {self.size_limit} bytes", code="too_long"
            )
        return cipher_for(dialect).encrypt_bytes(value, self.context)

    def process_result_value(self, value: bytes | None, dialect: Dialect) -> bytes | None:
        if value is None:
            return None
        return cipher_for(dialect).decrypt_bytes(bytes(value), self.context)


class BlindIndex(TypeDecorator[str]):
    """A blind index (32 lower-case hex characters, see the module doc) in a ``VARCHAR(32)``."""

    impl = sa.String(INDEX_CHARS)
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if not _is_index(value):
            raise InvalidDataError("blind_index", "not a blind index (32 lower-case hex)")
        return value


def _is_index(value: object) -> bool:
    return (
        isinstance(value, str)
        and len(value) == INDEX_CHARS
        and all(c in "0123456789abcdef" for c in value)
    )
