"""Home: what RepayTalk does, the workflow across pages, and that it is not advice."""

import streamlit as st

from ui.i18n import t

CAPABILITIES = (
    ("affordability", "account_balance_wallet"),
    ("proposals", "compare_arrows"),
    ("calls", "call"),
    ("share", "share"),
)
WORKFLOW = (
    "clients",
    "affordability",
    "debts",
    "proposals",
    "call_prep",
    "calls",
    "today",
    "share",
)


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
        for number, page in enumerate(WORKFLOW, start=1)
    ]
    st.markdown("\n".join(steps))


def main() -> None:
    st.title(t("home.title"))
    st.markdown(t("home.intro"))
    render_capabilities()
    render_workflow()
    st.info(t("home.disclaimer"), icon=":material/info:")


main()
