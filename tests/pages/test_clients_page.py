"""The Clients page with AppTest: list, example client, create, edit, bad input, delete; a
saved client's personal values masked until revealed, one field at a time, and never written
back unless revealed and changed; the people the record names (contacts)."""

from datetime import date

import pytest
from page_helpers import open_for, texts

from core.clients import Client, ClientContact, Consent, ConsentScope, Relation
from core.examples import example_case
from i18n import enum_label, md_escape, translate
from store import init_db
from ui.state import today

PAGE = "app_pages/clients.py"
LANGS = ("zh-CN", "en")


@pytest.mark.parametrize("lang", LANGS)
def test_an_empty_database_invites_to_add_a_client(open_app, lang):
    at = open_app(PAGE, lang)
    assert texts(at.title) == [translate("clients.title", lang)]
    assert translate("clients.none", lang) in texts(at.info)


@pytest.mark.parametrize("lang", LANGS)
def test_the_example_client_is_saved_whole_and_chosen(open_app, lang):
    at = open_app(PAGE, lang)
    at.button(key="clients_example").click().run()
    assert not at.exception
    assert translate("clients.example_saved", lang) in texts(at.success)
    client_id = at.session_state["client_id"]
    store = init_db()
    assert store.clients.get(client_id).name == example_case(today()).client.name
    assert len(store.debts.list_for_client(client_id)) == 4
    assert len(store.budgets.history(client_id)) == 1
    table = at.dataframe[0].value
    assert list(table[translate("clients.col.name", lang)]) == ["王*明"]
    assert list(table[translate("clients.col.mobile", lang)]) == ["138****8000"]
    assert "13800138000" not in table.to_string()


def test_a_new_client_needs_consent_before_anything_is_saved(open_app):
    at = open_app(PAGE, "en")
    at.text_input(key="clientform_name").set_value("李四").run()
    assert any("Unsaved changes" in text for text in texts(at.caption))
    at.button(key="clients_save").click().run()
    assert translate("clients.consent_needed", "en") in texts(at.error)
    assert init_db().clients.count() == 0


@pytest.mark.parametrize("lang", LANGS)
def test_a_wrong_id_check_digit_is_refused_inline_in_the_users_language(open_app, lang):
    at = open_app(PAGE, lang)
    at.text_input(key="clientform_name").set_value("李四")
    at.text_input(key="clientform_id_number").set_value("11010519491231002Y")
    at.checkbox(key="clientform_consent").check().run()
    at.button(key="clients_save").click().run()
    assert not at.exception
    expected = translate("error.invalid_identifier", lang)
    assert any(expected in text for text in texts(at.error))
    assert init_db().clients.count() == 0


def test_a_client_is_created_chosen_edited_and_kept_across_pages(open_app):
    at = open_app(PAGE, "en")
    at.text_input(key="clientform_name").set_value("李四")
    at.text_input(key="clientform_mobile").set_value("+86 139-0000-1234")
    at.checkbox(key="clientform_consent").check().run()
    at.button(key="clients_save").click().run()
    assert translate("clients.saved", "en") in texts(at.success)
    client_id = at.session_state["client_id"]
    assert init_db().clients.get(client_id).mobile == "13900001234"
    assert md_escape("李* · 139****1234") in texts(at.sidebar.markdown)[-1]

    at.button(key="clientform_show_name").click().run()  # a saved name shows masked until then
    at.text_input(key="clientform_name").set_value("李小四").run()
    assert any("Unsaved changes" in text for text in texts(at.caption))
    at.switch_page("app_pages/home.py").run()
    at.switch_page(PAGE).run()
    assert at.text_input(key="clientform_name").value == "李小四"  # the draft survived
    at.button(key="clients_save").click().run()
    assert init_db().clients.get(client_id).name == "李小四"
    assert not any("Unsaved changes" in text for text in texts(at.caption))


def test_deleting_asks_first_and_erases_the_client(open_app):
    at = open_app(PAGE, "en")
    at.button(key="clients_example").click().run()
    client_id = at.session_state["client_id"]
    at.button(key="clients_delete").click().run()
    assert at.warning and init_db().clients.count() == 1
    at.button(key="clients_delete_no").click().run()
    assert init_db().clients.count() == 1
    at.button(key="clients_delete").click().run()
    at.button(key="clients_delete_yes").click().run()
    assert not at.exception
    assert init_db().clients.count() == 0
    assert init_db().debts.list_for_client(client_id) == []
    assert at.session_state["client_id"] is None


def test_search_finds_by_mobile_tail(open_app):
    at = open_app(PAGE, "en")
    at.button(key="clients_example").click().run()
    at.text_input(key="clients_search_text").set_value("8000").run()
    assert len(at.dataframe[0].value) == 1
    at.text_input(key="clients_search_text").set_value("nobody").run()
    assert translate("clients.no_match", "en") in texts(at.info)


# --- masked unless revealed ----------------------------------------------------------------

NAME = "欧阳小明"
MOBILE = "13912345678"
ID_NUMBER = "110101199003077651"  # a valid check character (core.clients.normalize_id_number)
SPOUSE = "李秀英"
MASKED = {
    "name": "欧**明",
    "mobile": "139****5678",
    "id_number": "110101********7651",
    "contact_0": "李*英",
}
FULL = (NAME, MOBILE, ID_NUMBER, SPOUSE)


def saved_client(**changes) -> Client:
    client = Client(
        name=NAME,
        mobile=MOBILE,
        id_number=ID_NUMBER,
        household_size=3,
        notes="prefers calls after 6pm",
        consent=Consent(
            given_on=date(2026, 1, 5),
            scopes=frozenset({ConsentScope.STORE_PERSONAL_DATA, ConsentScope.CONTACT_LENDERS}),
        ),
        contacts=(ClientContact(name=SPOUSE, relation=Relation.SPOUSE),),
    )
    return init_db().clients.create(client.model_copy(update=changes))


def page_protos(at) -> str:
    """Everything the page sends the browser (each element's protobuf: values, labels, help,
    placeholders, defaults, options, table cells), as one text."""
    found: list[str] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            found.append(str(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return "\n".join(found)


def sent_values(at) -> set[str]:
    """The full values the page has sent (whichever of the four)."""
    text = page_protos(at)
    return {value for value in FULL if value in text}


def masked_inputs(at) -> dict[str, str]:
    suffix = "_masked"
    return {
        box.key.removeprefix("clientform_").removesuffix(suffix): box.value
        for box in at.text_input
        if box.key and box.key.endswith(suffix)
    }


@pytest.mark.parametrize("lang", LANGS)
def test_a_saved_client_shows_masked_and_the_page_carries_no_full_value(open_app, lang):
    client = saved_client()
    at = open_for(open_app, PAGE, lang, client.id)
    assert masked_inputs(at) == MASKED
    assert all(at.text_input(key=f"clientform_{f}_masked").disabled for f in MASKED)
    for field in ("name", "mobile", "id_number", "contact_0"):
        with pytest.raises(KeyError):
            at.text_input(key=f"clientform_{field}")  # no input holds the full value
        assert at.button(key=f"clientform_show_{field}").label == translate("clients.show", lang)
    assert sent_values(at) == set()
    assert at.text_input(key="clientform_name_masked").label == translate("clients.name", lang)
    assert at.text_input(key="clientform_contact_0_masked").label == translate(
        "clients.contact_name", lang, n=1
    )
    relation = at.selectbox(key="clientform_contact_0_relation")
    assert relation.value == Relation.SPOUSE
    assert relation.options == [enum_label(r, lang) for r in Relation]


@pytest.mark.parametrize("lang", LANGS)
def test_show_reveals_that_one_field_only(open_app, lang):
    client = saved_client()
    at = open_for(open_app, PAGE, lang, client.id)
    at.button(key="clientform_show_mobile").click().run()
    assert not at.exception
    assert at.text_input(key="clientform_mobile").value == MOBILE
    assert sent_values(at) == {MOBILE}
    assert masked_inputs(at) == {k: v for k, v in MASKED.items() if k != "mobile"}
    assert not any("Unsaved changes" in text for text in texts(at.caption))  # shown, not changed

    at.button(key="clientform_show_id_number").click().run()
    # (a rerun sends a widget's value again only when the page sets it: here, on revealing)
    assert sent_values(at) == {ID_NUMBER}
    at.button(key="clientform_show_contact_0").click().run()
    assert sent_values(at) == {SPOUSE}
    assert at.text_input(key="clientform_mobile").value == MOBILE
    assert at.text_input(key="clientform_id_number").value == ID_NUMBER
    assert at.text_input(key="clientform_contact_0").value == SPOUSE
    assert masked_inputs(at) == {"name": MASKED["name"]}


def test_a_revealed_field_stays_shown_across_pages_and_another_client_starts_masked(open_app):
    first, second = saved_client(), saved_client(name="王五", mobile="13800138000")
    at = open_for(open_app, PAGE, "en", first.id)
    at.button(key="clientform_show_id_number").click().run()
    at.switch_page("app_pages/home.py").run()
    at.switch_page(PAGE).run()
    assert at.text_input(key="clientform_id_number").value == ID_NUMBER  # the same form
    at.session_state["client_id"] = second.id
    at.run()
    assert masked_inputs(at)["id_number"] == MASKED["id_number"]
    assert sent_values(at) == set()
    at.session_state["client_id"] = first.id
    at.run()
    assert masked_inputs(at) == MASKED  # a new form on the first client: masked again


@pytest.mark.parametrize("lang", LANGS)
def test_saving_without_revealing_keeps_every_masked_value_exactly(open_app, lang):
    client = saved_client()
    at = open_for(open_app, PAGE, lang, client.id)
    at.text_area(key="clientform_notes").set_value("call the wife first").run()
    at.button(key="clients_save").click().run()
    assert not at.exception
    assert translate("clients.saved", lang) in texts(at.success)
    now = init_db().clients.get(client.id)
    assert (now.name, now.mobile, now.id_number, now.contacts) == (
        NAME,
        MOBILE,
        ID_NUMBER,
        (ClientContact(name=SPOUSE, relation=Relation.SPOUSE),),
    )
    assert (now.notes, now.version) == ("call the wife first", 2)
    assert masked_inputs(at) == MASKED  # the saved form is masked again
    assert sent_values(at) == set()


def test_revealing_and_not_changing_keeps_the_value_and_changing_saves_it(open_app):
    client = saved_client()
    at = open_for(open_app, PAGE, "en", client.id)
    at.button(key="clientform_show_mobile").click().run()
    at.button(key="clientform_show_id_number").click().run()
    at.button(key="clientform_show_name").click().run()
    at.text_input(key="clientform_id_number").set_value("11010519491231002x").run()
    assert any("Unsaved changes" in text for text in texts(at.caption))
    at.button(key="clients_save").click().run()
    now = init_db().clients.get(client.id)
    assert (now.name, now.mobile, now.id_number) == (NAME, MOBILE, "11010519491231002X")

    at.button(key="clientform_show_mobile").click().run()
    at.text_input(key="clientform_mobile").set_value("+86 138-0013-8000").run()
    at.button(key="clients_save").click().run()
    now = init_db().clients.get(client.id)
    assert (now.name, now.mobile, now.id_number, now.version) == (
        NAME,
        "13800138000",
        "11010519491231002X",
        3,
    )


@pytest.mark.parametrize("lang", LANGS)
def test_a_bad_revealed_id_keeps_the_input_and_saves_nothing(open_app, lang):
    client = saved_client()
    at = open_for(open_app, PAGE, lang, client.id)
    at.button(key="clientform_show_id_number").click().run()
    at.text_input(key="clientform_id_number").set_value("11010519491231002Y").run()
    at.button(key="clients_save").click().run()
    assert not at.exception
    expected = translate("error.invalid_identifier", lang)
    assert any(expected in text for text in texts(at.error))
    assert at.text_input(key="clientform_id_number").value == "11010519491231002Y"
    assert init_db().clients.get(client.id) == client


@pytest.mark.parametrize("lang", LANGS)
def test_contacts_are_added_edited_and_removed(open_app, lang):
    client = saved_client()
    at = open_for(open_app, PAGE, lang, client.id)
    at.button(key="clientform_contact_add").click().run()
    assert at.text_input(key="clientform_contact_1").value == ""  # a new contact: nothing masked
    assert at.text_input(key="clientform_contact_1").label == translate(
        "clients.contact_name", lang, n=2
    )
    at.text_input(key="clientform_contact_1").set_value("  张伟 ")
    at.selectbox(key="clientform_contact_1_relation").set_value(Relation.COLLEAGUE)
    at.selectbox(key="clientform_contact_0_relation").set_value(Relation.RELATIVE).run()
    at.button(key="clients_save").click().run()
    assert not at.exception
    saved = init_db().clients.get(client.id)
    assert saved.contacts == (
        ClientContact(name=SPOUSE, relation=Relation.RELATIVE),
        ClientContact(name="张伟", relation=Relation.COLLEAGUE),
    )
    assert masked_inputs(at)["contact_1"] == "张*"

    at.button(key="clientform_contact_0_remove").click().run()
    assert masked_inputs(at) == {k: v for k, v in MASKED.items() if k != "contact_0"} | {
        "contact_1": "张*"
    }
    assert at.text_input(key="clientform_contact_1_masked").label == translate(
        "clients.contact_name", lang, n=1
    )
    assert any(translate("clients.unsaved", lang) in text for text in texts(at.caption))
    at.button(key="clients_save").click().run()
    saved = init_db().clients.get(client.id)
    assert saved.contacts == (ClientContact(name="张伟", relation=Relation.COLLEAGUE),)
    assert (saved.name, saved.mobile, saved.id_number) == (NAME, MOBILE, ID_NUMBER)


@pytest.mark.parametrize("lang", LANGS)
def test_a_contact_without_a_name_is_refused_in_the_users_language(open_app, lang):
    client = saved_client()
    at = open_for(open_app, PAGE, lang, client.id)
    at.button(key="clientform_contact_add").click().run()
    at.button(key="clients_save").click().run()
    assert not at.exception
    assert translate("clients.contact_name_needed", lang, n=2) in texts(at.error)
    assert init_db().clients.get(client.id) == client
    at.button(key="clientform_contact_1_remove").click().run()
    assert not any(translate("clients.unsaved", lang) in text for text in texts(at.caption))


def test_a_new_client_is_saved_with_a_contact(open_app):
    at = open_app(PAGE, "zh-CN")
    at.text_input(key="clientform_name").set_value("赵六")
    at.text_input(key="clientform_mobile").set_value(MOBILE)
    at.checkbox(key="clientform_consent").check().run()
    at.button(key="clientform_contact_add").click().run()
    at.text_input(key="clientform_contact_0").set_value("赵大")
    at.selectbox(key="clientform_contact_0_relation").set_value(Relation.PARENT).run()
    at.button(key="clients_save").click().run()
    assert not at.exception
    saved = init_db().clients.get(at.session_state["client_id"])
    assert (saved.name, saved.mobile) == ("赵六", MOBILE)
    assert saved.contacts == (ClientContact(name="赵大", relation=Relation.PARENT),)
    assert masked_inputs(at) == {"name": "赵*", "mobile": "139****5678", "contact_0": "赵*"}
    assert sent_values(at) == set()  # the saved form carries no full value


def test_a_reveal_after_the_record_changed_elsewhere_is_refused(open_app):
    client = saved_client()
    at = open_for(open_app, PAGE, "en", client.id)
    at.text_area(key="clientform_notes").set_value("typed here").run()
    store = init_db()
    store.clients.update(client.model_copy(update={"mobile": "13800138000"}))
    at.button(key="clientform_show_mobile").click().run()
    assert not at.exception
    assert translate("clients.reveal_refused", "en") in texts(at.error)
    assert masked_inputs(at)["mobile"] == MASKED["mobile"]  # the form's own (older) value
    assert "13800138000" not in page_protos(at) and sent_values(at) == set()


def test_a_refused_save_shows_what_is_saved_now_masked(open_app):
    client = saved_client()
    at = open_for(open_app, PAGE, "en", client.id)
    at.text_area(key="clientform_notes").set_value("typed here").run()
    init_db().clients.update(client.model_copy(update={"name": "欧阳大明"}))
    at.button(key="clients_save").click().run()
    table = at.dataframe[-1].value.to_string()
    assert "欧**明" in table and "139****5678" in table and "李*英" in table
    assert "欧阳大明" not in page_protos(at) and sent_values(at) == set()
