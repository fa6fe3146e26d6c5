"""Clients: mobile and ID-number validation, masking, and the consent rule."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from core.clients import (
    Client,
    Consent,
    ConsentScope,
    InvalidIdentifierError,
    MaskKind,
    birth_date,
    id_check_char,
    mask,
    normalize_id_number,
    normalize_mobile,
)
from tests.strategies import id_number_bodies, mobile_numbers

CONSENT = Consent(given_on=date(2026, 3, 1), scopes={ConsentScope.STORE_PERSONAL_DATA})

# Check characters worked by hand: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, sum mod 11,
# looked up in "10X98765432".
ID_CHECKS = [
    # 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2 = 167;
    # 167 mod 11 = 2 → X
    ("11010519491231002", "X"),
    # 3·7+2·9+0+1·5+0+6·4+1·2+9·1+8·6+5·3+0+3·9+1·10+2·5+0+4·4+5·2 = 215; 215 mod 11 = 6 → 6
    ("32010619850312045", "6"),
    # 5·7+1·9+0+1·5+0+8·4+1·2+9·1+7·6+7·3+1·7+1·9+0+3·5+0+0+0 = 186; 186 mod 11 = 10 → 2
    ("51010819771103000", "2"),
    # 4·7+4·9+0+5·5+2·8+4·4+1·2+8·1+8·6+0+0+1·9+0+1·5+0+0+1·2 = 195; 195 mod 11 = 8 → 4
    ("44052418800101001", "4"),
]


@pytest.mark.parametrize(("first17", "check"), ID_CHECKS)
def test_the_check_character_follows_iso_7064_mod_11_2(first17, check):
    assert id_check_char(first17) == check


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("11010519491231002X", "11010519491231002X"),
        ("11010519491231002x", "11010519491231002X"),
        (" 320106 19850312 0456 ", "320106198503120456"),
        ("５１０１０８１９７７１１０３０００２", "510108197711030002"),
    ],
)
def test_a_valid_id_number_is_normalised_to_digits_and_upper_case_x(raw, normalized):
    assert normalize_id_number(raw) == normalized


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("110105194912310021", "check character 1 where the digits give X"),
        ("320106198503120457", "check character 7 where the digits give 6"),
        ("11010519491231002", "17 characters"),
        ("11010519491231002XX", "19 characters"),
        ("1101051949123100AX", "a letter among the digits"),
        ("110105194902300020", "30 February is no date of birth"),
        ("440524188001010014", "born in 1880: a valid check character but not a living client"),
        ("", "empty"),
    ],
)
def test_an_invalid_id_number_is_refused(raw, why):
    with pytest.raises(InvalidIdentifierError) as caught:
        normalize_id_number(raw)
    assert caught.value.field == "id_number"
    assert caught.value.code == "invalid_identifier"


def test_the_birth_date_is_read_from_the_id_number():
    assert birth_date("320106198503120456") == date(1985, 3, 12)


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("13800138000", "13800138000"),
        ("138 0013 8000", "13800138000"),
        ("138-0013-8000", "13800138000"),
        ("+86 138 0013 8000", "13800138000"),
        ("008613800138000", "13800138000"),
        ("8613800138000", "13800138000"),
        ("１９９１２３４５６７８", "19912345678"),
    ],
)
def test_a_mobile_number_is_normalised_to_eleven_digits(raw, normalized):
    assert normalize_mobile(raw) == normalized


@pytest.mark.parametrize(
    "raw",
    ["1380013800", "138001380001", "12800138000", "23800138000", "1380013800a", "010-88888888", ""],
)
def test_a_number_that_is_not_a_mainland_mobile_is_refused(raw):
    with pytest.raises(InvalidIdentifierError) as caught:
        normalize_mobile(raw)
    assert caught.value.field == "mobile"


@pytest.mark.parametrize(
    ("kind", "value", "masked"),
    [
        (MaskKind.NAME, "张三", "张*"),
        (MaskKind.NAME, "张小明", "张*明"),
        (MaskKind.NAME, "欧阳小明", "欧**明"),
        (MaskKind.NAME, "王", "*"),
        (MaskKind.PHONE, "13812345678", "138****5678"),
        (MaskKind.ID_NUMBER, "110105194912310021", "110105********0021"),
        (MaskKind.ID_NUMBER, "11010519491231002X", "110105********002X"),
        (MaskKind.CONTRACT, "HT20240315001", "*********5001"),
        (MaskKind.CONTRACT, "1234", "**34"),
        (MaskKind.PHONE, "5678", "**78"),
        (MaskKind.ID_NUMBER, "1234567", "****567"),
        (MaskKind.CONTRACT, "1234567", "****567"),
        ("phone", "13812345678", "138****5678"),
        (MaskKind.NAME, "  ", ""),
    ],
)
def test_mask_hides_the_middle_and_keeps_enough_to_recognise(kind, value, masked):
    assert mask(kind, value) == masked


@pytest.mark.parametrize("value", ["1", "12", "123", "1234", "12345", "1234567", "13812345678"])
@pytest.mark.parametrize("kind", [MaskKind.PHONE, MaskKind.ID_NUMBER, MaskKind.CONTRACT])
def test_mask_hides_at_least_four_characters_or_half_of_a_short_value(kind, value):
    hidden = mask(kind, value).count("*")
    assert hidden >= min(4, len(value) - len(value) // 2)


def test_mask_refuses_an_unknown_kind():
    with pytest.raises(ValueError):
        mask("email", "a@b.c")


def test_a_client_keeps_normalised_identifiers():
    client = Client(
        name=" 张明 ", mobile="138 0013 8000", id_number="11010519491231002x", consent=CONSENT
    )
    assert (client.name, client.mobile, client.id_number) == (
        "张明",
        "13800138000",
        "11010519491231002X",
    )
    assert client.mobile_tail == "8000"
    assert (client.id, client.version, client.household_size) == (None, 0, 1)


def test_a_client_without_identifiers_needs_no_consent():
    assert Client(name="张明").consent is None


@pytest.mark.parametrize("field", ["mobile", "id_number"])
def test_an_identifier_without_consent_to_store_personal_data_is_refused(field):
    value = {"mobile": "13800138000", "id_number": "11010519491231002X"}[field]
    only_contact = Consent(given_on=date(2026, 3, 1), scopes={ConsentScope.CONTACT_LENDERS})
    for consent in (None, only_contact):
        with pytest.raises(ValidationError, match=field):
            Client(name="张明", consent=consent, **{field: value})


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "张" * 51}, "name"),
        ({"household_size": 0}, "household_size"),
        ({"mobile": "12345"}, "mobile"),
        ({"id_number": "110105194912310021"}, "id_number"),
    ],
)
def test_bad_client_input_names_the_field(changes, field):
    with pytest.raises(ValidationError, match=field):
        Client(**{"name": "张明", "consent": CONSENT, **changes})


def test_consent_needs_at_least_one_scope():
    with pytest.raises(ValidationError, match="scopes"):
        Consent(given_on=date(2026, 3, 1), scopes=set())


def test_a_client_is_frozen():
    client = Client(name="张明")
    with pytest.raises(ValidationError):
        client.name = "李四"
    assert client.model_copy(update={"notes": "x"}).notes == "x"


# --- properties ------------------------------------------------------------------------------


@given(id_number_bodies())
def test_a_body_with_its_own_check_character_is_a_valid_id_number(body):
    number = body + id_check_char(body)
    assert normalize_id_number(number.lower()) == number
    assert birth_date(number).strftime("%Y%m%d") == body[6:14]


@given(id_number_bodies(), st.sampled_from("0123456789X"))
def test_any_other_check_character_is_refused(body, check):
    if check != id_check_char(body):
        with pytest.raises(InvalidIdentifierError):
            normalize_id_number(body + check)


@given(id_number_bodies(), st.integers(min_value=0, max_value=16), st.integers(1, 9))
def test_mod_11_2_catches_every_single_wrong_digit(body, position, shift):
    # Every weight is non-zero modulo the prime 11, so changing one digit by 1-9 always
    # changes the weighted sum modulo 11, and with it the check character.
    wrong = body[:position] + str((int(body[position]) + shift) % 10) + body[position + 1 :]
    assert id_check_char(wrong) != id_check_char(body)


@given(mobile_numbers, st.sampled_from(["{}", "+86 {}", "86{}", "0086-{}", "{} "]))
def test_any_way_of_writing_a_mobile_number_normalises_to_the_same_digits(number, template):
    spaced = template.format(f"{number[:3]} {number[3:7]} {number[7:]}")
    assert normalize_mobile(spaced) == normalize_mobile(number) == number


@given(
    st.sampled_from(list(MaskKind)),
    st.text(st.characters(exclude_characters="*"), min_size=2, max_size=40).filter(str.strip),
)
def test_a_masked_value_is_never_the_value_itself(kind, value):
    masked = mask(kind, value)
    assert masked != value.strip()
    assert len(masked) == len(value.strip())
