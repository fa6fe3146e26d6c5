"""Whatever fails inside a page, the counselor sees a message in their language with a
reference — never Streamlit's crash box with an English traceback."""

from __future__ import annotations

import pytest
from page_helpers import load_example

import services
from i18n import translate

#: A page, and a service it calls on every run (made to fail).
FAILING = [
    ("app_pages/clients.py", services.clients, "list_all"),
    ("app_pages/affordability.py", services.budgets, "current"),
    ("app_pages/debts.py", services.debts, "list_for_client"),
    ("app_pages/proposals.py", services.debts, "list_for_client"),
    ("app_pages/call_prep.py", services.debts, "list_for_client"),
    ("app_pages/calls.py", services.calls, "list_for_client"),
    ("app_pages/today.py", services.tasks, "list_open"),
    ("app_pages/share.py", services.proposals, "list_for_client"),
    ("app_pages/data.py", services.data, "counts"),
]


def boom(*args, **kwargs):
    raise RuntimeError("an English message from deep inside the code")


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
@pytest.mark.parametrize(("page", "module", "name"), FAILING, ids=[f[0] for f in FAILING])
def test_a_failure_inside_a_page_is_a_translated_message(
    open_app, monkeypatch, lang, page, module, name
):
    at = load_example(open_app, "app_pages/clients.py", lang)
    monkeypatch.setattr(module, name, boom)
    at.switch_page(page).run()
    assert not at.exception
    shown = " ".join(error.value for error in at.error)
    before, _, after = translate("guard.failed", lang, ref="{ref}").partition("{ref}")
    assert before in shown and after in shown
    assert "English message" not in shown


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_a_failure_in_the_sidebar_is_a_translated_message(open_app, monkeypatch, lang):
    at = load_example(open_app, "app_pages/home.py", lang)
    monkeypatch.setattr(services.clients, "get", boom)
    at.run()
    assert not at.exception
    assert translate("guard.failed", lang, ref="R-")[:10] in " ".join(e.value for e in at.error)


@pytest.fixture(autouse=True)
def _the_guard_only_shows(monkeypatch):
    """Here the guard is what is tested: it shows the message and does not re-raise."""
    monkeypatch.delenv("REPAYTALK_GUARD_RAISES", raising=False)
