"""Encryption of personal fields at rest, blind indexes to search them, sealed backups (issue 23).

Only ``cryptography``'s primitives are used (AES-GCM, HKDF, HMAC, scrypt); nothing here is a
cipher of our own.

**Fields** — :class:`FieldCipher` holds two sub-keys derived from the field key
(:mod:`store.keys`) with HKDF-SHA256: one for AES-256-GCM, one for the blind indexes, so that
an index never reveals anything about the encryption key. :meth:`FieldCipher.encrypt` makes a
compact ASCII token::

    "v1." + base64url(nonce[12] | ciphertext | tag[16])     (no padding)

with a fresh random 96-bit nonce per value (the same text encrypts differently every time) and
the *context* — the column, e.g. ``"clients.mobile"`` — as associated data: a token copied into
another column fails to decrypt instead of showing up as, say, a contract number. (A token
moved to another row of the same column is not detected: binding the row's id would break a
restore that numbers rows anew.) A token is 3 + ⌈4·(28 + UTF-8 bytes)/3⌉ characters (an
11-digit mobile: 55). :meth:`FieldCipher.decrypt` raises :class:`FieldDecryptError` for a
wrong key, a wrong context or a damaged token. ``None`` stays ``None``; an empty string is
encrypted like any other.

**Blind indexes** — an encrypted column cannot be searched in SQL, so a repository writes,
beside it, keyed hashes (HMAC-SHA256 under the index sub-key, 32 hex characters) of what a
counselor searches by, and a search compares them for equality:

- :meth:`FieldCipher.phone_tail_index` — the last 4 digits of a mobile (``clients.mobile_tail``);
- :meth:`FieldCipher.contract_index` — the whole contract number, spaces and dashes taken out,
  upper-case (``" ht-2025 001"`` ≡ ``"HT2025001"``);
- :meth:`FieldCipher.contract_tail_index` — the last 6 characters of that normalised number.

Each kind has its own context, so a 6-character number's exact index differs from its tail
index. What search can no longer do: a substring in the middle of a contract number or a
mobile, a prefix, fewer than 4 digits of a mobile or fewer than 6 characters of a contract
number unless it is the whole number, and ``LIKE`` on ID numbers or notes. Someone holding the
database but not the key learns only which rows share a phone tail or a contract number.

**Sealed backups** — :func:`seal` wraps a whole backup in a passphrase envelope::

    b"RTBK1" | kdf=1 (scrypt) | log2(n) | r | p | salt[16] | nonce[12] | AES-256-GCM(data) | tag

The key comes from scrypt (n = 2**17, r = 8, p = 1: 128 MiB, about 0.6 s here — measured with
``python -m benchmarks.bench_crypto``); the whole header is associated data, so changing a
parameter is detected like any damage. :func:`open_sealed` raises :class:`WrongPassphraseError`
for a wrong passphrase or a damaged file (AES-GCM cannot tell them apart; nothing is returned
then), and refuses KDF parameters beyond a laptop's memory before trying, so that a hostile
file cannot make the app allocate gigabytes. Passphrases are compared after Unicode NFKC, so a
full-width ``ＡＢＣ１２３`` typed with a Chinese input method opens what ``ABC123`` sealed.

>>> cipher = FieldCipher(bytes(32))
>>> token = cipher.encrypt("13800138000", "clients.mobile")
>>> token.startswith("v1."), len(token)
(True, 55)
>>> cipher.decrypt(token, "clients.mobile")
'13800138000'
>>> cipher.contract_index(" ht-2025 001") == cipher.contract_index("HT2025001")
True
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import re
import struct
import threading
import unicodedata
from collections.abc import Callable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from store.errors import StoreError
from store.keys import KEY_BYTES, key_fingerprint

__all__ = [
    "BYTES_PREFIX",
    "INDEX_CHARS",
    "SEAL_MAGIC",
    "TOKEN_PREFIX",
    "FieldCipher",
    "FieldDecryptError",
    "LazyFieldCipher",
    "NotSealedError",
    "PassphraseTooShortError",
    "WrongPassphraseError",
    "is_sealed",
    "is_token",
    "normalise_contract",
    "open_sealed",
    "seal",
]

TOKEN_PREFIX = "v1."
#: The first bytes of an encrypted file (:meth:`FieldCipher.encrypt_bytes`).
BYTES_PREFIX = b"RTf1"
NONCE_BYTES = 12
TAG_BYTES = 16
#: Hex characters of a blind index (128 bits of HMAC-SHA256).
INDEX_CHARS = 32
PHONE_TAIL_DIGITS = 4
CONTRACT_TAIL_CHARS = 6

_ENCRYPTION_INFO = b"repaytalk/v1/field-encryption"
_INDEX_INFO = b"repaytalk/v1/blind-index"
_CONTEXT = re.compile(r"[a-z0-9_]+(\.[a-z0-9_]+)*\Z")
_BASE64URL = re.compile(r"[A-Za-z0-9_-]*\Z")
_BLANKS_AND_DASHES = re.compile(r"[\s\-‐‑‒–—―−]+")


class FieldDecryptError(StoreError):
    """A stored field cannot be decrypted: another key, another column's value, or damage."""

    code = "field_decrypt_failed"


class WrongPassphraseError(StoreError):
    """A sealed backup does not open with this passphrase (or the file is damaged)."""

    code = "wrong_passphrase"


class NotSealedError(StoreError):
    """The file is not a sealed backup."""

    code = "not_sealed"


class PassphraseTooShortError(StoreError):
    """A backup passphrase shorter than :data:`MIN_PASSPHRASE_CHARS`."""

    code = "passphrase_too_short"


class FieldCipher:
    """Encrypts and indexes personal fields with sub-keys of one field key (see the module doc).

    Thread-safe (AES-GCM and HMAC objects are made per call or are stateless); the key is never
    part of ``repr``.
    """

    def __init__(self, key: bytes) -> None:
        if not isinstance(key, bytes) or len(key) != KEY_BYTES:
            raise ValueError(f"a field key is {KEY_BYTES} bytes")
        self.fingerprint = key_fingerprint(key)
        self._aead = AESGCM(_derive(key, _ENCRYPTION_INFO))
        self._index_key = _derive(key, _INDEX_INFO)

    def __repr__(self) -> str:
        return f"FieldCipher(fingerprint={self.fingerprint!r})"

    # -- fields ---------------------------------------------------------------------------

    def encrypt(self, plain: str | None, context: str) -> str | None:
        """``plain`` as a ``v1.`` token bound to ``context`` (None stays None)."""
        if plain is None:
            return None
        if not isinstance(plain, str):
            raise TypeError(f"{context}: expected text to encrypt, got {type(plain).__name__}")
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, plain.encode("utf-8"), _aad(context))
        return TOKEN_PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode("ascii").rstrip("=")

    def decrypt(self, token: str | None, context: str) -> str | None:
        """The text of a token made by :meth:`encrypt` with the same key and ``context``."""
        if token is None:
            return None
        aad = _aad(context)
        raw = _token_bytes(token)
        if raw is None:
            raise FieldDecryptError(f"{context}: the stored value is not an encrypted field")
        try:
            plain = self._aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], aad)
        except InvalidTag:
            raise FieldDecryptError(
                f"{context}: the stored value cannot be decrypted (another key, another"
                " column's value, or damaged)"
            ) from None
        return plain.decode("utf-8")

    def encrypt_bytes(self, plain: bytes | None, context: str) -> bytes | None:
        """``plain`` (a file's bytes) sealed like a field, bound to ``context``, as raw bytes
        for a binary column: ``b"RTf1" | nonce[12] | ciphertext | tag[16]`` (None stays None)."""
        if plain is None:
            return None
        if not isinstance(plain, bytes | bytearray | memoryview):
            raise TypeError(f"{context}: expected bytes to encrypt, got {type(plain).__name__}")
        nonce = os.urandom(NONCE_BYTES)
        return BYTES_PREFIX + nonce + self._aead.encrypt(nonce, bytes(plain), _aad(context))

    def decrypt_bytes(self, sealed: bytes | None, context: str) -> bytes | None:
        """The bytes :meth:`encrypt_bytes` sealed with the same key and ``context``."""
        if sealed is None:
            return None
        raw = bytes(sealed)
        if (
            not raw.startswith(BYTES_PREFIX)
            or len(raw) < len(BYTES_PREFIX) + NONCE_BYTES + TAG_BYTES
        ):
            raise FieldDecryptError(f"{context}: the stored value is not an encrypted file")
        body = raw[len(BYTES_PREFIX) :]
        try:
            return self._aead.decrypt(body[:NONCE_BYTES], body[NONCE_BYTES:], _aad(context))
        except InvalidTag:
            raise FieldDecryptError(
                f"{context}: the stored file cannot be decrypted (another key, another"
                " column's value, or damaged)"
            ) from None

    # -- blind indexes --------------------------------------------------------------------

    def index(self, value: str | None, context: str) -> str | None:
        """A keyed hash (32 hex) of ``value`` after Unicode NFKC and trimming, bound to
        ``context``; None for None or a value empty after normalising (no index, no match)."""
        if value is None:
            return None
        normal = unicodedata.normalize("NFKC", value).strip()
        if not normal:
            return None
        message = _aad(context) + b"\x00" + normal.encode("utf-8")
        return hmac.new(self._index_key, message, hashlib.sha256).hexdigest()[:INDEX_CHARS]

    def phone_tail_index(self, mobile: str | None) -> str | None:
        """The index of a number's last 4 digits (full-width digits count; other characters
        are ignored); None with fewer than 4 digits."""
        if mobile is None:
            return None
        digits = "".join(c for c in unicodedata.normalize("NFKC", mobile) if c in "0123456789")
        if len(digits) < PHONE_TAIL_DIGITS:
            return None
        return self.index(digits[-PHONE_TAIL_DIGITS:], "index.phone_tail")

    def contract_index(self, number: str | None) -> str | None:
        """The index of a whole contract number (see :func:`normalise_contract`)."""
        if number is None:
            return None
        return self.index(normalise_contract(number), "index.contract")

    def contract_tail_index(self, number: str | None) -> str | None:
        """The index of a contract number's last 6 characters (normalised); None when it has
        fewer (the exact index finds those)."""
        if number is None:
            return None
        normal = normalise_contract(number)
        if len(normal) < CONTRACT_TAIL_CHARS:
            return None
        return self.index(normal[-CONTRACT_TAIL_CHARS:], "index.contract_tail")

    def blind_index(self, kind: str, value: str | None) -> str | None:
        """The index of ``kind`` (``phone_tail``, ``contract`` or ``contract_tail``, as the
        columns' ``info["index_of"]`` names it) of ``value``."""
        if kind == "phone_tail":
            return self.phone_tail_index(value)
        if kind == "contract":
            return self.contract_index(value)
        if kind == "contract_tail":
            return self.contract_tail_index(value)
        raise ValueError(f"no blind index of kind {kind!r}")


class LazyFieldCipher:
    """A :class:`FieldCipher` whose key is loaded on first use, once (thread-safe).

    An engine carries one (:func:`store.engine.make_engine`), so that opening a database that
    holds no encrypted column needs no key. A failed load is not remembered: the next use tries
    again (e.g. after the counselor fixed the key file's mode).
    """

    def __init__(self, load_key: Callable[[], bytes]) -> None:
        self._load_key = load_key
        self._cipher: FieldCipher | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        state = "loaded" if self._cipher is not None else "not loaded"
        return f"LazyFieldCipher({state})"

    def get(self) -> FieldCipher:
        cipher = self._cipher
        if cipher is None:
            with self._lock:
                if self._cipher is None:
                    self._cipher = FieldCipher(self._load_key())
                cipher = self._cipher
        return cipher


def normalise_contract(number: str) -> str:
    """A contract number as it is indexed: NFKC (full-width to half-width), blanks and dashes
    taken out, upper-case.

    >>> normalise_contract(" ht-2025 001"), normalise_contract("ＨＴ—２０２５００１")
    ('HT2025001', 'HT2025001')
    """
    return _BLANKS_AND_DASHES.sub("", unicodedata.normalize("NFKC", number)).upper()


def is_token(value: object) -> bool:
    """Whether ``value`` has the shape of a field token (not proof: only decrypting is)."""
    return isinstance(value, str) and _token_bytes(value) is not None


def _derive(key: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(key)


def _aad(context: str) -> bytes:
    if not isinstance(context, str) or not _CONTEXT.match(context):
        raise ValueError(
            f"a context is dotted lower-case names (e.g. 'clients.mobile'): {context!r}"
        )
    return ("repaytalk." + TOKEN_PREFIX + context).encode("ascii")


def _token_bytes(token: object) -> bytes | None:
    if not isinstance(token, str) or not token.startswith(TOKEN_PREFIX):
        return None
    body = token[len(TOKEN_PREFIX) :]
    if not _BASE64URL.match(body) or len(body) % 4 == 1:
        return None
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except (binascii.Error, ValueError):
        return None
    return raw if len(raw) >= NONCE_BYTES + TAG_BYTES else None


# -- sealed backups ------------------------------------------------------------------------

SEAL_MAGIC = b"RTBK1"
KDF_SCRYPT = 1
#: scrypt's cost of a new envelope: n = 2**17, r = 8, p = 1 (128 MiB).
SEAL_LOG2_N = 17
SEAL_R = 8
SEAL_P = 1
SALT_BYTES = 16
MIN_PASSPHRASE_CHARS = 8
#: What an envelope may ask of scrypt before it is tried (a hostile file could ask for more
#: memory or time than a laptop has): n from 2**14 to 2**18, r up to 16, p up to 4, at most
#: 256 MiB.
_MIN_LOG2_N, _MAX_LOG2_N, _MAX_R, _MAX_P = 14, 18, 16, 4
_MAX_SCRYPT_MEMORY = 1 << 28
_HEADER = struct.Struct(f">{len(SEAL_MAGIC)}sBBBB{SALT_BYTES}s{NONCE_BYTES}s")


def seal(data: bytes, passphrase: str, *, log2_n: int | None = None) -> bytes:
    """``data`` in a passphrase envelope (see the module doc). ``log2_n`` (default
    :data:`SEAL_LOG2_N`, read at each call) lowers scrypt's cost for tests only (at least 14).
    Raises :class:`PassphraseTooShortError`."""
    if log2_n is None:
        log2_n = SEAL_LOG2_N
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise PassphraseTooShortError(
            f"a backup passphrase has at least {MIN_PASSPHRASE_CHARS} characters"
        )
    _check_cost(log2_n, SEAL_R, SEAL_P)
    salt = os.urandom(SALT_BYTES)
    nonce = os.urandom(NONCE_BYTES)
    header = _HEADER.pack(SEAL_MAGIC, KDF_SCRYPT, log2_n, SEAL_R, SEAL_P, salt, nonce)
    key = _passphrase_key(passphrase, salt, log2_n, SEAL_R, SEAL_P)
    return header + AESGCM(key).encrypt(nonce, bytes(data), header)


def is_sealed(blob: bytes) -> bool:
    """Whether ``blob`` starts like a sealed backup (a plain JSON backup starts with ``{``)."""
    return bytes(blob[: len(SEAL_MAGIC)]) == SEAL_MAGIC


def open_sealed(blob: bytes, passphrase: str) -> bytes:
    """The data :func:`seal` wrapped. :class:`NotSealedError` for anything that is not an
    envelope; :class:`WrongPassphraseError` for a wrong passphrase or a damaged envelope."""
    if not is_sealed(blob):
        raise NotSealedError("the file is not a sealed backup")
    if len(blob) < _HEADER.size + TAG_BYTES:
        raise WrongPassphraseError("the sealed backup is damaged (cut short)")
    header = bytes(blob[: _HEADER.size])
    _magic, kdf, log2_n, r, p, salt, nonce = _HEADER.unpack(header)
    if kdf != KDF_SCRYPT:
        raise WrongPassphraseError(f"the sealed backup is damaged (unknown key derivation {kdf})")
    try:
        _check_cost(log2_n, r, p)
    except ValueError:
        raise WrongPassphraseError(
            "the sealed backup is damaged (key derivation parameters out of range)"
        ) from None
    key = _passphrase_key(passphrase, salt, log2_n, r, p)
    try:
        return AESGCM(key).decrypt(nonce, bytes(blob[_HEADER.size :]), header)
    except InvalidTag:
        raise WrongPassphraseError(
            "the passphrase does not open this backup (or the file is damaged)"
        ) from None


def _check_cost(log2_n: int, r: int, p: int) -> None:
    if not (
        _MIN_LOG2_N <= log2_n <= _MAX_LOG2_N
        and 1 <= r <= _MAX_R
        and 1 <= p <= _MAX_P
        and 128 * r * (1 << log2_n) <= _MAX_SCRYPT_MEMORY
    ):
        raise ValueError(f"scrypt parameters out of range: log2(n)={log2_n}, r={r}, p={p}")


def _passphrase_key(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    secret = unicodedata.normalize("NFKC", passphrase).encode("utf-8")
    return Scrypt(salt=salt, length=32, n=1 << log2_n, r=r, p=p).derive(secret)
