"""Home: what RepayTalk does, every page in the order of the work, and that it is not advice.

The steps are the navigation's pages (``app.PAGES``), so a page added there is described here
(each needs a ``home.step.<page>`` text; tests/pages/test_home_page.py checks it).
"""

import streamlit as st

from app import PAGES
from ui.i18n import t

CAPABILITIES = (
    ("affordability", "account_balance_wallet"),
    ("proposals", "compare_arrows"),
    ("calls", "call"),
    ("share", "share"),
)


def workflow() -> list[str]:
    """Every page after Home, in the navigation's order (``page.<name>`` → ``<name>``)."""
    return [key.removeprefix("page.") for _, key, _ in PAGES[1:]]


def render_capabilities() -> None:
    """Two cards a row: roomy on a laptop beside the sidebar, stacked on a phone."""
    for row in (CAPABILITIES[:2], CAPABILITIES[2:]):
        for column, (name, icon) in zip(st.columns(2), row, strict=True):
            with column.container(border=True, height="stretch"):
                st.markdown(f"##### :material/{icon}: {t(f'home.cap.{name}.title')}")
                st.write(t(f"home.cap.{name}.body"))


def render_workflow() -> None:
    st.subheader(t("home.workflow.title"))
    steps = [
        f"{number}. **{t(f'page.{page}')}** — {t(f'home.step.{page}')}"
        for number, page in enumerate(workflow(), start=1)
    ]
    st.markdown("\n".join(steps))


def main() -> None:
    st.title(t("home.title"))
    st.markdown(t("home.intro"))
    render_capabilities()
    render_workflow()
    st.info(t("home.disclaimer"), icon=":material/info:")


main()
