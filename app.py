"""RepayTalk entry point: page config, the shared frame and navigation — nothing else."""

import os

import streamlit as st

from ui.guard import guarded
from ui.i18n import t
from ui.layout import setup_page
from ui.process import settle_once, tune
from ui.state import get_store, sidebar_client

# (script, catalogue key of its title, icon). The first page is the default; add a page in one line.
# Page scripts live in app_pages/, not pages/: a pages/ folder beside this file turns on Streamlit's
# legacy multipage mode, in which a rerun can execute a page without this frame (no sidebar).
PAGES = (
    ("app_pages/home.py", "page.home", ":material/home:"),
    ("app_pages/clients.py", "page.clients", ":material/group:"),
    ("app_pages/affordability.py", "page.affordability", ":material/account_balance_wallet:"),
    ("app_pages/debts.py", "page.debts", ":material/credit_card:"),
    ("app_pages/proposals.py", "page.proposals", ":material/compare_arrows:"),
    ("app_pages/call_prep.py", "page.call_prep", ":material/checklist:"),
    ("app_pages/calls.py", "page.calls", ":material/call:"),
    ("app_pages/today.py", "page.today", ":material/today:"),
    ("app_pages/share.py", "page.share", ":material/share:"),
    ("app_pages/data.py", "page.data", ":material/database:"),
)


def build_navigation():
    """Navigation with titles in the current language (so build it after the language is known)."""
    pages = [
        st.Page(path, title=t(key), icon=icon, url_path=key.removeprefix("page."), default=i == 0)
        for i, (path, key, icon) in enumerate(PAGES)
    ]
    return st.navigation(pages)


def main() -> None:
    # An emoji, drawn by the browser itself: a ":material/…:" favicon is fetched from
    # fonts.gstatic.com, a request to another host on every page a counselor opens.
    st.set_page_config(page_title=t("app.title"), page_icon="🤝", layout="wide")
    setup_page()
    page = build_navigation()
    with guarded("sidebar"):
        sidebar_client(get_store())
    with guarded(page.url_path or "home"):
        page.run()
    settle_once()


if __name__ == "__main__":  # Streamlit runs the entry file as __main__; importing it draws nothing.
    os.umask(0o077)  # whatever the server writes is the counselor's alone (0600 / 0700)
    tune()  # the collector's pace, for the process (see ui.process)
    main()
