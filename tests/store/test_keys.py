"""The field key: from the environment or a private key file apart from the data (store.keys)."""

from __future__ import annotations

import base64
import os
from pathlib import Path

import pytest

from store.files import mode_of
from store.keys import (
    FIELD_KEY_ENV,
    KEY_FILE_ENV,
    FieldKeyError,
    FieldKeyInvalidError,
    FieldKeyMismatchError,
    KeyFileCorruptError,
    KeyFileExposedError,
    KeyFileMissingError,
    KeyFileUnreadableError,
    _create_key_file,
    check_fingerprint,
    default_key_file,
    encode_key,
    key_fingerprint,
    load_field_key,
    read_key_file,
)
from store.settings import Settings, load_settings

KEY = bytes(range(32))
ENV_KEY = base64.b64encode(KEY).decode()
URL = "sqlite:///data/repaytalk.db"


@pytest.fixture
def config(tmp_path) -> dict[str, str]:
    """An environment whose config folder is a fresh temporary one (never the user's)."""
    return {"XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path / "home")}


def test_a_key_file_is_created_0600_in_a_0700_folder_outside_the_data(tmp_path, config):
    loaded = load_field_key(URL, config)
    expected = default_key_file(URL, config)
    assert (loaded.source, loaded.path, loaded.created) == ("file", expected, True)
    assert expected.parent == tmp_path / "config" / "repaytalk"
    assert expected.name.startswith("field-") and expected.name.endswith(".key")
    assert oct(mode_of(expected)) == "0o600"
    assert oct(mode_of(expected.parent)) == "0o700"
    assert expected.read_text() == encode_key(loaded.key) + "\n"
    assert len(loaded.key) == 32
    assert sorted(p.name for p in expected.parent.iterdir()) == [expected.name]  # no leftovers


def test_a_key_file_is_read_again_never_replaced(config):
    first = load_field_key(URL, config)
    again = load_field_key(URL, config)
    assert again.key == first.key
    assert (again.created, again.path) == (False, first.path)


def test_the_default_folder_is_home_config_when_xdg_is_unset(tmp_path):
    path = default_key_file(URL, {"HOME": str(tmp_path)})
    assert path.parent == tmp_path / ".config" / "repaytalk"
    relative = default_key_file(URL, {"HOME": str(tmp_path), "XDG_CONFIG_HOME": "rel"})
    assert relative.parent == tmp_path / ".config" / "repaytalk"


def test_each_database_has_its_own_key_file(tmp_path, config):
    one = default_key_file(f"sqlite:///{tmp_path}/a.db", config)
    two = default_key_file(f"sqlite:///{tmp_path}/b.db", config)
    server = default_key_file("postgresql://lu:secret@db:5432/rt", config)
    other_password = default_key_file("postgresql+psycopg://lu:other@db/rt", config)
    assert len({one, two, server}) == 3
    assert server == other_password
    assert "secret" not in str(server)


def test_a_relative_sqlite_path_names_its_absolute_file(tmp_path, config, monkeypatch):
    monkeypatch.chdir(tmp_path)
    relative = default_key_file("sqlite:///data/repaytalk.db", config)
    absolute = default_key_file(f"sqlite:///{tmp_path}/data/repaytalk.db", config)
    assert relative == absolute


def test_a_key_file_readable_by_others_is_refused(tmp_path):
    path = tmp_path / "field.key"
    path.write_text(ENV_KEY + "\n")
    os.chmod(path, 0o644)
    with pytest.raises(KeyFileExposedError) as caught:
        load_field_key(URL, {KEY_FILE_ENV: str(path)})
    assert caught.value.code == "key_file_exposed"
    assert isinstance(caught.value, FieldKeyError)
    assert caught.value.message == (
        f"the key file {path} can be read or changed by other users (mode 0644);"
        f" run `chmod 600 {path}` and consider the key compromised"
    )
    assert ENV_KEY not in caught.value.message
    assert oct(mode_of(path)) == "0o644"  # refused, not silently changed
    os.chmod(path, 0o600)
    assert load_field_key(URL, {KEY_FILE_ENV: str(path)}).key == KEY


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o620, 0o660])
def test_any_group_or_other_permission_is_refused(tmp_path, mode):
    path = tmp_path / "field.key"
    path.write_text(ENV_KEY)
    os.chmod(path, mode)
    with pytest.raises(KeyFileExposedError):
        read_key_file(path)


@pytest.mark.parametrize(
    "content",
    [b"", b"not base64 at all!", base64.b64encode(bytes(16)), b"\xff\xfe binary", b"A" * 45],
    ids=["empty", "not-base64", "16-bytes", "binary", "bad-length"],
)
def test_a_damaged_key_file_is_refused_and_kept(tmp_path, content):
    path = tmp_path / "field.key"
    path.write_bytes(content)
    os.chmod(path, 0o600)
    with pytest.raises(KeyFileCorruptError) as caught:
        load_field_key(URL, {KEY_FILE_ENV: str(path)})
    assert caught.value.code == "key_file_corrupt"
    assert path.read_bytes() == content  # never overwritten with a new key


def test_a_key_file_that_cannot_be_read_is_refused(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads a file whatever its mode")
    path = tmp_path / "field.key"
    path.write_text(ENV_KEY)
    os.chmod(path, 0o200)
    with pytest.raises(KeyFileUnreadableError) as caught:
        read_key_file(path)
    assert caught.value.code == "key_file_unreadable"


def test_a_folder_in_place_of_the_key_file_is_refused(tmp_path):
    folder = tmp_path / "field.key"
    folder.mkdir(mode=0o700)
    with pytest.raises(KeyFileUnreadableError):
        read_key_file(folder)


def test_a_key_file_that_cannot_be_created_is_refused(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(KeyFileUnreadableError) as caught:
        load_field_key(URL, {KEY_FILE_ENV: str(blocker / "field.key")})
    assert caught.value.code == "key_file_unreadable"


def test_a_missing_key_file_is_refused_when_creating_is_not_allowed(tmp_path):
    path = tmp_path / "field.key"
    with pytest.raises(KeyFileMissingError) as caught:
        load_field_key(URL, {KEY_FILE_ENV: str(path)}, create=False)
    assert caught.value.code == "key_file_missing"
    assert not path.exists()


def test_the_environment_key_comes_before_any_key_file(tmp_path, config):
    path = tmp_path / "field.key"
    loaded = load_field_key(URL, {**config, FIELD_KEY_ENV: ENV_KEY, KEY_FILE_ENV: str(path)})
    assert (loaded.key, loaded.source, loaded.path) == (KEY, "env", None)
    assert not path.exists()
    assert not (tmp_path / "config").exists()


def test_the_environment_key_may_be_url_safe_base64_with_blanks():
    urlsafe = base64.urlsafe_b64encode(bytes([0xFB] * 32)).decode()
    assert "-" in urlsafe or "_" in urlsafe
    assert load_field_key(URL, {FIELD_KEY_ENV: f" {urlsafe}\n"}).key == bytes([0xFB] * 32)


@pytest.mark.parametrize(
    ("given", "problem"),
    [
        ("not base64!", "not valid base64"),
        (base64.b64encode(bytes(16)).decode(), "16 bytes instead of 32"),
        (base64.b64encode(bytes(33)).decode(), "33 bytes instead of 32"),
    ],
)
def test_a_bad_environment_key_is_refused_without_quoting_it(given, problem):
    expected = f"REPAYTALK_FIELD_KEY must be a 32-byte key in base64 (44 characters): {problem}"
    with pytest.raises(FieldKeyInvalidError) as caught:
        load_field_key(URL, {FIELD_KEY_ENV: given})
    assert caught.value.message == expected
    assert caught.value.code == "field_key_invalid"
    with pytest.raises(FieldKeyInvalidError) as at_start:
        load_settings({FIELD_KEY_ENV: given})
    assert at_start.value.message == expected
    assert given not in expected


def test_the_fingerprint_names_a_key_without_revealing_it():
    fingerprint = key_fingerprint(KEY)
    assert fingerprint == "6376d69ab1693679"
    assert fingerprint == key_fingerprint(bytes(range(32)))
    assert fingerprint != key_fingerprint(bytes(range(1, 33)))
    assert fingerprint not in KEY.hex()


def test_a_database_written_with_another_key_is_refused():
    recorded = key_fingerprint(bytes(range(1, 33)))
    with pytest.raises(FieldKeyMismatchError) as caught:
        check_fingerprint(recorded, KEY)
    assert caught.value.code == "field_key_mismatch"
    assert caught.value.message == (
        f"the database was encrypted with the field key {recorded}, but the key in use is"
        " 6376d69ab1693679: set REPAYTALK_FIELD_KEY or REPAYTALK_KEY_FILE to that database's key"
    )
    check_fingerprint(key_fingerprint(KEY), KEY)  # the same key passes
    check_fingerprint(None, KEY)  # nothing recorded yet: any key


def test_settings_read_the_key_from_the_environment_and_never_show_it(tmp_path):
    settings = load_settings({FIELD_KEY_ENV: ENV_KEY, KEY_FILE_ENV: str(tmp_path / "k")})
    assert settings.field_key == KEY
    assert settings.key_file == tmp_path / "k"
    assert KEY.hex() not in repr(settings) and str(KEY) not in repr(settings)
    loaded = settings.field_key_for(URL)
    assert (loaded.key, loaded.source) == (KEY, "explicit")
    assert not (tmp_path / "k").exists()


def test_settings_without_a_key_use_the_key_file_only_when_asked(tmp_path):
    path = tmp_path / "keys" / "field.key"
    settings = load_settings({KEY_FILE_ENV: str(path)})
    assert settings.field_key is None
    assert not path.exists()  # loading settings touches no file
    created = settings.field_key_for(URL)
    assert (created.path, created.created) == (path, True)
    assert settings.field_key_for(URL).key == created.key
    with pytest.raises(KeyFileMissingError):
        Settings(key_file=tmp_path / "other.key").field_key_for(URL, create=False)


def test_settings_refuse_a_key_of_the_wrong_length():
    with pytest.raises(FieldKeyInvalidError):
        Settings(field_key=bytes(31))


def test_a_loaded_key_never_shows_its_bytes(config):
    loaded = load_field_key(URL, config)
    assert loaded.key.hex() not in repr(loaded)
    assert str(loaded.key) not in repr(loaded)
    assert loaded.fingerprint == key_fingerprint(loaded.key)
    assert isinstance(loaded.path, Path)


def test_a_key_file_made_meanwhile_by_another_process_wins(tmp_path):
    path = tmp_path / "field.key"
    path.write_text(ENV_KEY + "\n")
    os.chmod(path, 0o600)
    # As if this process found no file, then another process linked its key in first.
    loaded = _create_key_file(path)
    assert (loaded.key, loaded.created) == (KEY, False)
    assert path.read_text() == ENV_KEY + "\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["field.key"]


def test_a_key_file_in_a_folder_others_may_write_to_is_refused(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "field.key"
    path.write_text(ENV_KEY)
    os.chmod(path, 0o600)
    os.chmod(folder, 0o777)
    with pytest.raises(KeyFileExposedError) as caught:
        read_key_file(path)
    assert caught.value.message == (
        f"the folder of the key file {path} can be changed by other users (mode 0777), who"
        f" could put their own key there; run `chmod go-w {folder}`"
    )
    os.chmod(folder, 0o1777)  # sticky, like /tmp: others cannot replace this user's file
    assert read_key_file(path) == KEY
    os.chmod(folder, 0o755)
    assert read_key_file(path) == KEY


def test_a_key_without_its_padding_is_accepted():
    assert load_field_key(URL, {FIELD_KEY_ENV: ENV_KEY.rstrip("=")}).key == KEY
