"""A throwaway page for the import section's AppTest (tests/pages/test_debt_import_page.py):
the Debts page's call, with the client chosen in ``st.session_state["client_id"]``.

Streamlit runs it as ``__main__``; imported (pytest's doctest collection), it draws nothing."""

import streamlit as st

from ui.debt_import_widgets import render_import
from ui.i18n import current_language
from ui.state import get_store


def main() -> None:
    store = get_store()
    if store is not None:
        render_import(store, st.session_state["client_id"], current_language())


if __name__ == "__main__":
    main()
