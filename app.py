"""RepayTalk entry point: page config, the shared frame and navigation — nothing else.

Single-user mode (the default) routes every page to the person at this computer. Team mode
(``REPAYTALK_TEAM_MODE=1``) routes every address to the sign-in page until the session is signed
in, then offers the pages the account's role may use. Without team mode, a server listening on
an address other computers can reach shows only a refusal (``ui.auth.render_refusal``).
"""

import os

import streamlit as st

import services
from core.access import Permission
from services import Actor, StoreError
from services.actor import team_mode
from ui.auth import is_loopback, render_refusal, sidebar_account, signed_in
from ui.errors import show_error
from ui.guard import guarded
from ui.i18n import t
from ui.layout import setup_page
from ui.process import settle_once, tune
from ui.state import get_store, select_client, sidebar_client

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
    ("app_pages/lender_history.py", "page.lender_history", ":material/handshake:"),
    ("app_pages/today.py", "page.today", ":material/today:"),
    ("app_pages/share.py", "page.share", ":material/share:"),
    ("app_pages/data.py", "page.data", ":material/database:"),
)
#: Team mode's own pages, each for the roles with its permission: (script, title key, icon,
#: permission).
TEAM_PAGES = (
    ("app_pages/audit.py", "page.audit", ":material/policy:", Permission.READ_AUDIT),
    (
        "app_pages/accounts.py",
        "page.accounts",
        ":material/manage_accounts:",
        Permission.MANAGE_ACCOUNTS,
    ),
)
#: Pages for the person at this computer in single-user mode, and in team mode for the roles
#: with the permission: (script, title key, icon, permission).
ROLE_PAGES = (
    (
        "app_pages/outcomes.py",
        "page.outcomes",
        ":material/insights:",
        Permission.SEE_ALL_CLIENTS,
    ),
)
SIGN_IN_PAGE = "app_pages/sign_in.py"


def url_path(key: str) -> str:
    return key.removeprefix("page.")


def build_navigation(current: Actor | None = None):
    """Navigation with titles in the current language (so build it after the language is known):
    every page in single-user mode, in team mode those ``current``'s role may open."""
    listed = [(*page, None) for page in PAGES]
    if current is None:
        listed += list(ROLE_PAGES)
    else:
        listed += [page for page in (*ROLE_PAGES, *TEAM_PAGES) if current.allows(page[3])]
    pages = [
        st.Page(path, title=t(key), icon=icon, url_path=url_path(key), default=i == 0)
        for i, (path, key, icon, _) in enumerate(listed)
    ]
    # Every page listed: without ``expanded`` Streamlit folds all but the first ten behind
    # "View more", hiding the team pages and the last of the workflow.
    return st.navigation(pages, expanded=True)


def sign_in_navigation():
    """Every page's address leads to the sign-in page (hidden navigation): after signing in,
    the same address opens the page that was asked for."""
    pages = [
        st.Page(SIGN_IN_PAGE, title=t("page.sign_in"), url_path=url_path(key), default=i == 0)
        for i, key in enumerate(
            [key for _, key, _ in PAGES] + [key for _, key, _, _ in (*ROLE_PAGES, *TEAM_PAGES)]
        )
    ]
    return st.navigation(pages, position="hidden")


def client_from_url(store, current: Actor) -> None:
    """Team mode: ``?client=ID`` chooses that client if the account may open it; otherwise it
    says so (in the user's language, naming nothing of the client) and chooses nobody. The
    parameter is consumed here, so no page acts on it again."""
    value = st.query_params.get("client")
    if value is None:
        return
    del st.query_params["client"]
    if not value.isdigit():
        return
    try:
        client = services.clients.get(store, current, int(value))
    except StoreError as exc:
        select_client(None)
        show_error(exc)
        return
    select_client(client.id)


def main() -> None:
    # An emoji, drawn by the browser itself: a ":material/…:" favicon is fetched from
    # fonts.gstatic.com, a request to another host on every page a counselor opens.
    st.set_page_config(page_title=t("app.title"), page_icon="🤝", layout="wide")
    setup_page()
    if not team_mode():
        address = st.get_option("server.address")
        if not is_loopback(address):
            render_refusal(address)  # no data, no navigation
            return
        page = build_navigation()
    else:
        store = get_store()
        current = signed_in(store) if store is not None else None
        if current is None:
            sign_in_navigation().run()
            return
        sidebar_account(current)
        page = build_navigation(current)
        with guarded("client_from_url"):
            client_from_url(store, current)
    with guarded("sidebar"):
        sidebar_client(get_store())
    with guarded(page.url_path or "home"):
        page.run()
    settle_once()


if __name__ == "__main__":  # Streamlit runs the entry file as __main__; importing it draws nothing.
    os.umask(0o077)  # whatever the server writes is the counselor's alone (0600 / 0700)
    tune()  # the collector's pace, for the process (see ui.process)
    main()
