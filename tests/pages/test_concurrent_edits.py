"""Two browser sessions on one record: a save after someone else's is refused, never silent.

Regression for the lost update found with two tabs: tab B started typing notes, tab A renamed
the client and saved, tab B saved — and the rename was gone (version 3 → 4 → 5), because every
rerun re-read the newest version before saving.
"""

from __future__ import annotations

import pytest
from page_helpers import open_for, texts

from core.examples import example_case
from i18n import translate
from store import init_db
from ui.state import today

CLIENTS = "app_pages/clients.py"
DEBTS = "app_pages/debts.py"


def saved_client(store):
    case = example_case(today())
    return store.clients.create(case.client)


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_a_stale_client_save_is_refused_and_the_rename_is_kept(open_app, lang):
    store = init_db()
    client = saved_client(store)
    tab_b = open_for(open_app, CLIENTS, lang, client.id)
    tab_b.text_area(key="clientform_notes").set_value("tab B's notes").run()
    tab_a = open_for(open_app, CLIENTS, lang, client.id)
    tab_a.button(key="clientform_show_name").click().run()
    tab_a.text_input(key="clientform_name").set_value("张三").run()
    tab_a.button(key="clients_save").click().run()
    assert store.clients.get(client.id).name == "张三"

    tab_b.button(key="clients_save").click().run()

    assert not tab_b.exception
    now = store.clients.get(client.id)
    assert (now.name, now.version) == ("张三", 2)  # the rename survives; nothing overwritten
    refusal = translate(
        "changes.refused", lang, entity=translate("changes.entity.client", lang), seen=1, now=2
    )
    assert refusal in texts(tab_b.error)
    assert "张*" in tab_b.dataframe[-1].value.to_string()  # what is saved now is shown, masked
    # B can load the saved record and then save again
    tab_b.button(key="clientform_reload_current").click().run()
    tab_b.button(key="clientform_show_name").click().run()
    assert tab_b.text_input(key="clientform_name").value == "张三"
    tab_b.text_area(key="clientform_notes").set_value("tab B's notes").run()
    tab_b.button(key="clients_save").click().run()
    now = store.clients.get(client.id)
    assert (now.name, now.notes, now.version) == ("张三", "tab B's notes", 3)


def test_a_form_without_edits_follows_the_record(open_app):
    store = init_db()
    client = saved_client(store)
    tab_b = open_for(open_app, CLIENTS, "en", client.id)
    store.clients.update(store.clients.get(client.id).model_copy(update={"notes": "from A"}))
    tab_b.run()
    assert tab_b.text_area(key="clientform_notes").value == "from A"
    assert not tab_b.warning


def test_typing_after_someone_elses_save_keeps_the_typed_text(open_app):
    """The form had no edits when the record changed elsewhere; the rerun that typing starts
    must keep what was typed (it used to re-seed the form from the saved values over it)."""
    store = init_db()
    client = saved_client(store)
    tab_b = open_for(open_app, CLIENTS, "en", client.id)
    store.clients.update(store.clients.get(client.id).model_copy(update={"notes": "from A"}))
    tab_b.text_area(key="clientform_notes").set_value("typed in B").run()
    assert tab_b.text_area(key="clientform_notes").value == "typed in B"
    tab_b.button(key="clients_save").click().run()
    assert store.clients.get(client.id).notes == "from A"  # refused, not overwritten
    assert tab_b.text_area(key="clientform_notes").value == "typed in B"  # and not lost


def test_a_stale_debt_save_is_refused(open_app):
    store = init_db()
    client = saved_client(store)
    account = store.debts.add(
        example_case(today()).debts[0].model_copy(update={"client_id": client.id})
    )
    tab_b = open_for(open_app, DEBTS, "en", client.id)
    tab_b.session_state["debts_editing"] = account.id
    tab_b.run()
    tab_b.text_input(key="debtform_product").set_value("another product").run()
    longer = account.debt.model_copy(update={"remaining_months": 24})
    store.debts.update(account.model_copy(update={"debt": longer}))  # tab A saves 24 months

    tab_b.button(key="debts_save").click().run()

    assert not tab_b.exception
    assert store.debts.get(account.id).debt.remaining_months == 24
    assert store.debts.get(account.id).debt.product != "another product"
    assert any("changed elsewhere" in text for text in texts(tab_b.error))
