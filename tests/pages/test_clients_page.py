"""The Clients page with AppTest: list, example client, create, edit, bad input, delete."""

import pytest
from page_helpers import texts

from core.examples import example_case
from i18n import md_escape, translate
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
