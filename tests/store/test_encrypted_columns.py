"""Encrypted columns and blind indexes through real engines (SQLite, and PostgreSQL when
TEST_DATABASE_URL is set): the database holds tokens, the ORM gives plain text back."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from store.columns import BlindIndex, EncryptedText, FieldCipherMissingError
from store.crypto import FieldCipher, FieldDecryptError, is_token
from store.engine import WRITE, attach_cipher, field_cipher, make_engine
from store.errors import InvalidDataError
from store.files import mode_of
from store.keys import KeyFileExposedError
from store.settings import Settings

KEY = bytes(range(32))
MOBILE = "13812345678"
ID_NUMBER = "11010519491231002X"
CONTRACT = "HT-2025-000731"
NOTE = "客户张三说下月 15 日前先还 1,200 元；手机 13812345678"


class Base(DeclarativeBase):
    pass


class Person(Base):
    """A throwaway table shaped like the clients of the next session."""

    __tablename__ = "crypto_people"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(50))
    mobile: Mapped[str | None] = mapped_column(EncryptedText("crypto_people.mobile", 20))
    mobile_tail: Mapped[str | None] = mapped_column(BlindIndex(), index=True)
    id_number: Mapped[str | None] = mapped_column(EncryptedText("crypto_people.id_number", 18))
    contract: Mapped[str | None] = mapped_column(EncryptedText("crypto_people.contract", 64))
    contract_index: Mapped[str | None] = mapped_column(BlindIndex(), index=True)
    contract_tail: Mapped[str | None] = mapped_column(BlindIndex(), index=True)
    note: Mapped[str | None] = mapped_column(EncryptedText("crypto_people.note"))


@pytest.fixture
def engine(database_url):
    engine = make_engine(database_url, Settings(field_key=KEY))
    Base.metadata.create_all(engine)
    yield engine
    Base.metadata.drop_all(engine)
    engine.dispose()


def add_person(engine, **fields) -> int:
    cipher = field_cipher(engine)
    with Session(engine.execution_options(**{WRITE: True})) as session, session.begin():
        person = Person(name="张三", **fields)
        person.mobile_tail = cipher.phone_tail_index(person.mobile)
        person.contract_index = cipher.contract_index(person.contract)
        person.contract_tail = cipher.contract_tail_index(person.contract)
        session.add(person)
        session.flush()
        return person.id


def raw_row(engine, person_id: int) -> dict[str, object]:
    with engine.connect() as connection:
        return dict(
            connection.exec_driver_sql(
                "SELECT mobile, id_number, contract, note, mobile_tail FROM crypto_people"
                f" WHERE id = {int(person_id)}"
            )
            .mappings()
            .one()
        )


def test_the_database_holds_tokens_and_the_orm_reads_plain_text(engine):
    person_id = add_person(engine, mobile=MOBILE, id_number=ID_NUMBER, contract=CONTRACT, note=NOTE)
    raw = raw_row(engine, person_id)
    for column in ("mobile", "id_number", "contract", "note"):
        assert is_token(raw[column]), column
    stored = " ".join(str(value) for value in raw.values())
    for secret in (MOBILE, ID_NUMBER, CONTRACT, "HT2025000731", "张三", "1,200"):
        assert secret not in stored
    with Session(engine) as session:
        person = session.get_one(Person, person_id)
        assert (person.mobile, person.id_number, person.contract, person.note) == (
            MOBILE,
            ID_NUMBER,
            CONTRACT,
            NOTE,
        )


def test_none_and_empty_text_are_kept_apart(engine):
    empty = add_person(engine, mobile="", note=None)
    raw = raw_row(engine, empty)
    assert is_token(raw["mobile"])
    assert raw["note"] is None
    assert raw["mobile_tail"] is None
    with Session(engine) as session:
        person = session.get_one(Person, empty)
        assert (person.mobile, person.note, person.id_number) == ("", None, None)
        found = session.scalars(sa.select(Person.id).where(Person.note.is_(None))).all()
        assert found == [empty]


def test_a_long_note_round_trips(engine):
    note = "协商记录：" + "长" * 10_000
    person_id = add_person(engine, note=note)
    with Session(engine) as session:
        assert session.get_one(Person, person_id).note == note


def test_an_update_re_encrypts(engine):
    person_id = add_person(engine, mobile=MOBILE)
    before = raw_row(engine, person_id)["mobile"]
    with Session(engine.execution_options(**{WRITE: True})) as session, session.begin():
        person = session.get_one(Person, person_id)
        person.mobile = "13900000000"
    after = raw_row(engine, person_id)["mobile"]
    assert before != after
    assert "13900000000" not in str(after)
    with Session(engine) as session:
        assert session.get_one(Person, person_id).mobile == "13900000000"


def test_search_goes_by_blind_index(engine):
    cipher = field_cipher(engine)
    zhang = add_person(engine, mobile=MOBILE, contract=CONTRACT)
    add_person(engine, mobile="13900005678", contract="HT-2025-000999")
    add_person(engine, mobile="13900000000", contract="XY-1-000731")
    with Session(engine) as session:

        def ids(condition) -> list[int]:
            return list(session.scalars(sa.select(Person.id).where(condition).order_by(Person.id)))

        assert len(ids(Person.mobile_tail == cipher.phone_tail_index("5678"))) == 2
        assert ids(Person.contract_index == cipher.contract_index(" ht 2025 000731")) == [zhang]
        by_tail = ids(Person.contract_tail == cipher.contract_tail_index("000731"))
        assert len(by_tail) == 2 and zhang in by_tail


def test_an_encrypted_column_cannot_be_compared_in_sql():
    with pytest.raises(TypeError, match="blind index"):
        _ = Person.mobile == MOBILE
    with pytest.raises(TypeError, match="blind index"):
        Person.contract.like("%0731")
    with pytest.raises(TypeError, match="blind index"):
        _ = Person.mobile.expression == MOBILE


def test_a_plain_value_cannot_land_in_a_blind_index(engine):
    with (
        pytest.raises(sa.exc.StatementError) as caught,
        Session(engine.execution_options(**{WRITE: True})) as session,
        session.begin(),
    ):
        session.add(Person(name="x", mobile_tail="5678"))
    assert isinstance(caught.value.orig, InvalidDataError)


def test_the_column_backstops_the_plain_length(engine):
    with pytest.raises(sa.exc.StatementError) as caught:
        add_person(engine, id_number="1" * 19)
    assert isinstance(caught.value.orig, InvalidDataError)
    assert caught.value.orig.code == "too_long"
    assert add_person(engine, id_number="1" * 18) > 0


def test_another_key_cannot_read_the_rows(engine, database_url):
    person_id = add_person(engine, mobile=MOBILE)
    other = make_engine(database_url, Settings(field_key=bytes(range(1, 33))))
    try:
        with Session(other) as session, pytest.raises(FieldDecryptError):
            session.get_one(Person, person_id)
    finally:
        other.dispose()


def test_an_engine_without_a_cipher_refuses_encrypted_columns(engine, database_url):
    add_person(engine, mobile=MOBILE)
    bare = sa.create_engine(engine.url)
    try:
        with Session(bare) as session, pytest.raises(FieldCipherMissingError):
            session.scalars(sa.select(Person.mobile)).all()
    finally:
        bare.dispose()


def test_an_engine_reads_its_key_file_only_at_first_use(tmp_path):
    key_file = tmp_path / "config" / "field.key"
    engine = make_engine(f"sqlite:///{tmp_path / 'data' / 'x.db'}", Settings(key_file=key_file))
    try:
        Base.metadata.create_all(engine)
        assert not key_file.exists()
        add_person(engine, mobile=MOBILE)
        assert oct(mode_of(key_file)) == "0o600"
        assert oct(mode_of(key_file.parent)) == "0o700"
        assert (
            field_cipher(engine).fingerprint
            == FieldCipher(base64.b64decode(key_file.read_text())).fingerprint
        )
    finally:
        engine.dispose()


def test_an_exposed_key_file_stops_the_first_use_with_its_code(tmp_path):
    key_file = tmp_path / "field.key"
    key_file.write_text(base64.b64encode(KEY).decode())
    key_file.chmod(0o644)
    engine = make_engine(f"sqlite:///{tmp_path / 'x.db'}", Settings(key_file=key_file))
    try:
        with pytest.raises(KeyFileExposedError):
            field_cipher(engine)
        key_file.chmod(0o600)
        assert field_cipher(engine).fingerprint == FieldCipher(KEY).fingerprint
    finally:
        engine.dispose()


def test_attach_cipher_replaces_the_engines_cipher(engine):
    other = FieldCipher(bytes(range(1, 33)))
    attach_cipher(engine, other)
    assert field_cipher(engine) is other


def test_no_clear_copy_in_the_sqlite_file_or_its_wal(tmp_path):
    path = tmp_path / "data" / "repaytalk.db"
    engine = make_engine(f"sqlite:///{path}", Settings(field_key=KEY))
    try:
        Base.metadata.create_all(engine)
        add_person(engine, mobile=MOBILE, id_number=ID_NUMBER, contract=CONTRACT, note=NOTE)
        files = [p for p in (path, Path(f"{path}-wal")) if p.exists()]
        assert Path(f"{path}-wal") in files  # still in the WAL: scanned before a checkpoint
        content = b"".join(p.read_bytes() for p in files)
        assert "张三".encode() in content  # names stay plain and searchable
        for secret in (MOBILE, ID_NUMBER, CONTRACT, "HT2025000731"):
            assert secret.encode() not in content, secret
            assert secret.encode("utf-16-le") not in content, secret
        assert "还 1,200 元".encode() not in content
    finally:
        engine.dispose()
