"""Field encryption, blind indexes and sealed backups (store.crypto; no database needed)."""

from __future__ import annotations

import base64

import pytest

from store.crypto import (
    SEAL_MAGIC,
    FieldCipher,
    FieldDecryptError,
    LazyFieldCipher,
    NotSealedError,
    PassphraseTooShortError,
    WrongPassphraseError,
    is_sealed,
    is_token,
    normalise_contract,
    open_sealed,
    seal,
)
from store.keys import key_fingerprint

KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))
#: The cheapest scrypt cost seal accepts, so that these tests stay fast; one test uses the default.
CHEAP = 14


@pytest.fixture
def cipher() -> FieldCipher:
    return FieldCipher(KEY)


@pytest.mark.parametrize(
    "plain",
    [
        "13800138000",
        "",
        "张三丰，身份证 11010519491231002X；备注：客户愿意每月还 1,200 元",
        "长" * 10_000,
        "x" * 10_000,
        "emoji 🙂 and a NUL \x00 inside",
    ],
    ids=["mobile", "empty", "chinese", "10000-chinese", "10000-ascii", "odd-characters"],
)
def test_a_field_round_trips(cipher, plain):
    token = cipher.encrypt(plain, "calls.summary")
    assert token.startswith("v1.")
    assert token.isascii()
    assert plain == "" or plain not in token
    assert cipher.decrypt(token, "calls.summary") == plain


def test_a_token_is_compact_ascii_of_a_known_length(cipher):
    token = cipher.encrypt("13800138000", "clients.mobile")
    # 12 nonce + 11 plain + 16 tag = 39 bytes -> 52 base64url characters, no padding.
    assert len(token) == 3 + 52
    assert "=" not in token
    assert is_token(token)
    assert not is_token("13800138000")
    assert not is_token("v1.short")


def test_none_passes_through(cipher):
    assert cipher.encrypt(None, "clients.mobile") is None
    assert cipher.decrypt(None, "clients.mobile") is None


def test_1000_encryptions_of_one_value_use_1000_nonces(cipher):
    tokens = [cipher.encrypt("13800138000", "clients.mobile") for _ in range(1000)]
    nonces = {base64.urlsafe_b64decode(t[3:] + "=" * (-len(t[3:]) % 4))[:12] for t in tokens}
    assert len(set(tokens)) == 1000
    assert len(nonces) == 1000


def test_a_flipped_byte_anywhere_is_detected(cipher):
    token = cipher.encrypt("110105194912310021", "clients.id_number")
    raw = bytearray(base64.urlsafe_b64decode(token[3:] + "=" * (-len(token[3:]) % 4)))
    for position in (0, 11, 12, len(raw) - 17, len(raw) - 1):  # nonce, ciphertext, tag
        damaged = bytearray(raw)
        damaged[position] ^= 0x01
        forged = "v1." + base64.urlsafe_b64encode(bytes(damaged)).decode().rstrip("=")
        with pytest.raises(FieldDecryptError) as caught:
            cipher.decrypt(forged, "clients.id_number")
        assert caught.value.code == "field_decrypt_failed"


def test_a_value_moved_to_another_column_does_not_decrypt(cipher):
    token = cipher.encrypt("HT2025001", "debts.contract_number")
    with pytest.raises(FieldDecryptError) as caught:
        cipher.decrypt(token, "clients.mobile")
    assert "clients.mobile" in caught.value.message
    assert "HT2025001" not in caught.value.message


def test_another_key_does_not_decrypt(cipher):
    token = cipher.encrypt("13800138000", "clients.mobile")
    with pytest.raises(FieldDecryptError):
        FieldCipher(OTHER_KEY).decrypt(token, "clients.mobile")


@pytest.mark.parametrize(
    "stored", ["13800138000", "v1.", "v1.!!!!", "v2." + "A" * 60, "v1.AAAA", "v1.A" + "B" * 40]
)
def test_a_value_that_is_no_token_is_refused_by_name(cipher, stored):
    with pytest.raises(FieldDecryptError):
        cipher.decrypt(stored, "clients.mobile")


@pytest.mark.parametrize("context", ["", "Clients.Mobile", "clients mobile", "clients.", "客户"])
def test_a_context_is_dotted_lower_case_names(cipher, context):
    with pytest.raises(ValueError):
        cipher.encrypt("x", context)


def test_a_cipher_needs_a_32_byte_key_and_never_shows_it():
    with pytest.raises(ValueError):
        FieldCipher(bytes(16))
    shown = repr(FieldCipher(KEY))
    assert shown == f"FieldCipher(fingerprint={key_fingerprint(KEY)!r})"
    assert KEY.hex() not in shown


def test_a_lazy_cipher_loads_its_key_once_and_retries_after_a_failure():
    calls: list[int] = []

    def load() -> bytes:
        calls.append(1)
        if len(calls) == 1:
            raise OSError("not yet")
        return KEY

    lazy = LazyFieldCipher(load)
    assert repr(lazy) == "LazyFieldCipher(not loaded)"
    with pytest.raises(OSError):
        lazy.get()
    first = lazy.get()
    assert lazy.get() is first
    assert len(calls) == 2
    assert first.fingerprint == key_fingerprint(KEY)


# -- blind indexes ---------------------------------------------------------------------------


def test_an_index_is_32_hex_and_deterministic(cipher):
    first = cipher.index("8000", "index.phone_tail")
    assert first == cipher.index("8000", "index.phone_tail")
    assert first == FieldCipher(KEY).index("8000", "index.phone_tail")
    assert len(first) == 32
    assert set(first) <= set("0123456789abcdef")
    assert first != FieldCipher(OTHER_KEY).index("8000", "index.phone_tail")
    assert first != cipher.index("8001", "index.phone_tail")
    assert first != cipher.index("8000", "index.other")


def test_an_index_of_nothing_is_none(cipher):
    assert cipher.index(None, "index.x") is None
    assert cipher.index("  ", "index.x") is None
    assert cipher.phone_tail_index(None) is None
    assert cipher.contract_index(None) is None
    assert cipher.contract_tail_index(None) is None


@pytest.mark.parametrize(
    "written", [" HT-2025 001", "HT2025001", "ht2025001", "HT–2025—001", "ＨＴ２０２５００１"]
)
def test_a_contract_number_is_indexed_normalised(cipher, written):
    assert normalise_contract(written) == "HT2025001"
    assert cipher.contract_index(written) == cipher.contract_index("HT2025001")
    assert cipher.contract_tail_index(written) == cipher.contract_tail_index("025001")


def test_a_contract_tail_is_its_last_six_characters(cipher):
    assert cipher.contract_tail_index("HT2025001") == cipher.contract_tail_index("X-025-001")
    assert cipher.contract_tail_index("HT2025001") != cipher.contract_tail_index("HT2025002")
    assert cipher.contract_tail_index("25001") is None  # shorter: the exact index finds it
    assert cipher.contract_index("25001") is not None


def test_a_whole_number_of_six_differs_from_a_tail_of_six(cipher):
    assert cipher.contract_index("025001") != cipher.contract_tail_index("025001")


@pytest.mark.parametrize("written", ["13800138000", "138 0013 8000", "+86-138-0013-8000", "8000"])
def test_a_phone_tail_is_its_last_four_digits(cipher, written):
    assert cipher.phone_tail_index(written) == cipher.index("8000", "index.phone_tail")


def test_a_phone_tail_needs_four_digits(cipher):
    assert cipher.phone_tail_index("800") is None
    assert cipher.phone_tail_index("１３８００１３８０００") == cipher.phone_tail_index("8000")
    assert cipher.phone_tail_index("13800138000") != cipher.phone_tail_index("13800138001")


# -- sealed backups --------------------------------------------------------------------------


def test_a_sealed_backup_opens_with_its_passphrase_at_the_default_cost():
    data = '{"format": "repaytalk-backup", "name": "张三"}'.encode()
    blob = seal(data, "correct horse battery")
    assert is_sealed(blob)
    assert blob[:5] == SEAL_MAGIC
    assert blob[5:9] == bytes([1, 17, 8, 1])  # scrypt, n = 2**17, r = 8, p = 1
    assert "张三".encode() not in blob
    assert open_sealed(blob, "correct horse battery") == data


def test_sealing_twice_gives_two_envelopes():
    first = seal(b"same", "passphrase-1", log2_n=CHEAP)
    second = seal(b"same", "passphrase-1", log2_n=CHEAP)
    assert first != second
    assert first[9:25] != second[9:25]  # salts


def test_a_wrong_passphrase_is_refused_by_name():
    blob = seal(b"data", "passphrase-1", log2_n=CHEAP)
    with pytest.raises(WrongPassphraseError) as caught:
        open_sealed(blob, "passphrase-2")
    assert caught.value.code == "wrong_passphrase"


def test_a_full_width_passphrase_opens_what_its_half_width_form_sealed():
    blob = seal(b"data", "ABC12345", log2_n=CHEAP)
    assert open_sealed(blob, "ＡＢＣ１２３４５") == b"data"


@pytest.mark.parametrize("cut", [1, 16, 40, 60])
def test_a_truncated_backup_is_refused(cut):
    blob = seal(b"x" * 40, "passphrase-1", log2_n=CHEAP)
    assert len(blob) == 37 + 40 + 16
    with pytest.raises(WrongPassphraseError):
        open_sealed(blob[:-cut], "passphrase-1")


@pytest.mark.parametrize("position", [5, 6, 7, 8, 9, 30, 40, -1])
def test_a_damaged_backup_is_refused(position):
    blob = bytearray(seal(b"x" * 40, "passphrase-1", log2_n=CHEAP))
    blob[position] ^= 0x01
    with pytest.raises(WrongPassphraseError):
        open_sealed(bytes(blob), "passphrase-1")


def test_a_backup_asking_for_too_much_memory_is_refused_before_scrypt_runs():
    blob = bytearray(seal(b"x", "passphrase-1", log2_n=CHEAP))
    blob[6] = 30  # n = 2**30 would need 128 GiB
    with pytest.raises(WrongPassphraseError) as caught:
        open_sealed(bytes(blob), "passphrase-1")
    assert "out of range" in caught.value.message


def test_a_plain_backup_is_not_sealed():
    assert not is_sealed(b'{"format": "repaytalk-backup"}')
    assert not is_sealed(b"")
    with pytest.raises(NotSealedError) as caught:
        open_sealed(b'{"format": "repaytalk-backup"}', "passphrase-1")
    assert caught.value.code == "not_sealed"


def test_a_short_passphrase_is_refused():
    with pytest.raises(PassphraseTooShortError) as caught:
        seal(b"x", "1234567")
    assert caught.value.code == "passphrase_too_short"
    with pytest.raises(ValueError):
        seal(b"x", "passphrase-1", log2_n=13)
