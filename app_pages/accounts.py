"""Accounts (team mode, administrators): every account with its role and state, a new account
with its role and first password, and for one account: change its role, disable or enable it,
reset its password (which also lifts a lockout).

Each action is one ``services.accounts`` call, which checks the administrator and writes its
audit line; the page shows the outcome once after a rerun.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

import services.accounts as accounts
from core.access import MIN_PASSWORD_LENGTH, Role, is_locked
from i18n import format_datetime
from services import StoreError
from services.accounts import Account
from ui.auth import role_label, utc_now
from ui.errors import show_error
from ui.i18n import current_language, t, worded
from ui.state import actor, get_store
from ui.tables import fitted_table

#: Durable key: the outcome of the last action, shown once: (text key, params).
FLASH_KEY = "accounts_flash"
#: Durable key: the account chosen in "Manage an account".
PICKED_KEY = "accounts_picked"


def finish(key: str, **params: str) -> None:
    st.session_state[FLASH_KEY] = (key, params)
    st.rerun()


def show_flash() -> None:
    flash = st.session_state.pop(FLASH_KEY, None)
    if flash is not None:
        key, params = flash
        st.success(t(key, **params), icon=":material/check_circle:")


def status(account: Account) -> str:
    if account.disabled:
        return t("team.accounts.status.disabled")
    if is_locked(account.locked_until, utc_now()):
        return t("team.accounts.status.locked")
    return t("team.accounts.status.active")


def accounts_table(listed: list[Account], lang: str) -> pd.DataFrame:
    now = utc_now()
    return pd.DataFrame(
        {
            t("team.accounts.col.username"): [a.username for a in listed],
            t("team.accounts.col.name"): [a.display_name for a in listed],
            t("team.accounts.col.role"): [role_label(a.role) for a in listed],
            t("team.accounts.col.status"): [status(a) for a in listed],
            t("team.accounts.col.locked_until"): [
                format_datetime(a.locked_until, lang)
                if a.locked_until is not None and is_locked(a.locked_until, now)
                else ""
                for a in listed
            ],
            t("team.accounts.col.last_sign_in"): [
                format_datetime(a.last_sign_in_at, lang)
                if a.last_sign_in_at
                else t("team.accounts.never")
                for a in listed
            ],
        }
    )


def role_labels() -> dict[Role, str]:
    """Each role's label in the session's language, for a choice widget's ``format_func``
    (a dict worded now: the widget calls it later, outside this run)."""
    return {role: role_label(role) for role in Role}


def render_create(store) -> None:
    st.subheader(t("team.accounts.create.title"), anchor=False)
    with st.form("accounts_create_form", border=True):
        left, right = st.columns(2)
        username = left.text_input(
            t("team.accounts.create.username"),
            key="accounts_new_username",
            max_chars=40,
            help=t("team.accounts.create.username_help"),
        )
        name = right.text_input(t("team.accounts.create.display_name"), key="accounts_new_name")
        role = left.selectbox(
            t("team.accounts.create.role"),
            list(Role),
            format_func=role_labels().__getitem__,
            key=worded("accounts_new_role"),
        )
        password = right.text_input(
            t("team.accounts.create.password"),
            type="password",
            key="accounts_new_password",
            autocomplete="new-password",
            help=t("team.accounts.create.password_help", min=MIN_PASSWORD_LENGTH),
        )
        submitted = st.form_submit_button(
            t("team.accounts.create.submit"),
            key="accounts_create",
            type="primary",
            icon=":material/person_add:",
        )
    if not submitted:
        return
    try:
        created = accounts.create_account(
            store,
            actor(),
            username=username.strip(),
            display_name=name.strip(),
            role=role,
            password=password,
        )
    except StoreError as exc:
        show_error(exc)
        return
    for key in ("accounts_new_username", "accounts_new_name", "accounts_new_password"):
        st.session_state.pop(key, None)
    st.session_state[PICKED_KEY] = created.id
    finish("team.accounts.created", username=created.username)


def render_manage(store, listed: list[Account], lang: str) -> None:
    st.subheader(t("team.accounts.manage.title"), anchor=False)
    by_id = {account.id: account for account in listed}
    if st.session_state.get(PICKED_KEY) not in by_id:
        st.session_state[PICKED_KEY] = listed[0].id
    st.session_state["accounts_pick"] = st.session_state[PICKED_KEY]
    picked_id = st.selectbox(
        t("team.accounts.manage.pick"),
        list(by_id),
        format_func=lambda i: f"{by_id[i].username} · {by_id[i].display_name}",
        key="accounts_pick",
        on_change=lambda: st.session_state.update({PICKED_KEY: st.session_state["accounts_pick"]}),
    )
    account = by_id[picked_id]
    if account.locked_until is not None and is_locked(account.locked_until, utc_now()):
        st.warning(
            t("team.accounts.manage.locked", until=format_datetime(account.locked_until, lang)),
            icon=":material/lock_clock:",
        )
    role_col, password_col, state_col = st.columns(3, vertical_alignment="bottom")
    with role_col:
        role = st.selectbox(
            t("team.accounts.manage.role"),
            list(Role),
            index=list(Role).index(account.role),
            format_func=role_labels().__getitem__,
            key=worded(f"accounts_role_{account.id}_{account.version}"),
        )
        if st.button(
            t("team.accounts.manage.set_role"),
            key="accounts_set_role",
            disabled=role == account.role,
            icon=":material/badge:",
        ):
            act(store, "role", account, role=role)
    with password_col:
        new_password = st.text_input(
            t("team.accounts.manage.new_password"),
            type="password",
            key=f"accounts_reset_password_{account.id}",
            autocomplete="new-password",
            help=t("team.accounts.create.password_help", min=MIN_PASSWORD_LENGTH),
        )
        if st.button(
            t("team.accounts.manage.reset"),
            key="accounts_reset",
            disabled=not new_password,
            icon=":material/password:",
        ):
            act(store, "reset", account, password=new_password)
    with state_col:
        if account.disabled:
            if st.button(
                t("team.accounts.manage.enable"), key="accounts_enable", icon=":material/person:"
            ):
                act(store, "enable", account)
        elif st.button(
            t("team.accounts.manage.disable"),
            key="accounts_disable",
            icon=":material/person_off:",
            disabled=account.id == actor().account_id,
        ):
            act(store, "disable", account)


def act(store, what: str, account: Account, **values) -> None:
    """One administrator action on ``account``; its outcome is shown after the rerun."""
    try:
        if what == "role":
            accounts.set_role(store, actor(), account.id, values["role"])
            finish(
                "team.accounts.role_set",
                username=account.username,
                role=role_label(values["role"]),
            )
        elif what == "reset":
            accounts.reset_password(store, actor(), account.id, values["password"])
            st.session_state.pop(f"accounts_reset_password_{account.id}", None)
            finish("team.accounts.reset_done", username=account.username)
        elif what == "enable":
            accounts.enable(store, actor(), account.id)
            finish("team.accounts.enabled_done", username=account.username)
        else:
            accounts.disable(store, actor(), account.id)
            finish("team.accounts.disabled_done", username=account.username)
    except StoreError as exc:
        show_error(exc)


def main() -> None:
    st.title(t("page.accounts"), anchor=False)
    st.caption(t("team.accounts.intro"))
    store = get_store()
    if store is None:
        return
    show_flash()
    lang = current_language()
    try:
        listed = accounts.list_accounts(store, actor())
    except StoreError as exc:
        show_error(exc)
        return
    st.subheader(t("team.accounts.list"), anchor=False)
    fitted_table(accounts_table(listed, lang), key="accounts_table")
    st.divider()
    render_create(store)
    if listed:
        st.divider()
        render_manage(store, listed, lang)


main()
