"""Audit trail (team mode, supervisors and administrators): who did what, when, for which
client — filtered by account, client id and dates picked on the display clock, newest first,
with the same lines as a CSV file.

The dates are days on :data:`i18n.DISPLAY_ZONE` (Asia/Shanghai): ``from`` at 00:00 to the end of
``to``, turned into the UTC instants ``services.audit.trail`` takes. The CSV is made only when
its button is clicked (making it writes an ``audit.exported`` line of its own).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import orjson
import pandas as pd
import streamlit as st

import services.accounts as accounts
import services.audit as audit
from i18n import CATALOGUE, DISPLAY_ZONE, format_datetime, translate
from services import StoreError
from ui.errors import show_error
from ui.i18n import current_language, t, worded
from ui.state import actor, get_store, today
from ui.tables import fitted_table

#: How many lines the page shows (the newest); the CSV has as many.
LIMIT = 1000
#: How far back the date filter starts by default.
DEFAULT_DAYS = 30
EVERYONE = ""


def day_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """The instants from ``start`` 00:00 to the end of ``end`` on the display clock.

    >>> since, until = day_bounds(date(2026, 11, 30), date(2026, 11, 30))
    >>> since.isoformat(), until.isoformat()
    ('2026-11-30T00:00:00+08:00', '2026-12-01T00:00:00+08:00')
    """
    since = datetime.combine(start, time.min, tzinfo=DISPLAY_ZONE)
    until = datetime.combine(end + timedelta(days=1), time.min, tzinfo=DISPLAY_ZONE)
    return since, until


def client_of(subject: str) -> str:
    """The client's id of a line's subject (``client:7`` → ``7``), else empty."""
    kind, _, ident = subject.partition(":")
    return ident if kind == "client" else ""


def action_label(action: str, lang: str) -> str:
    key = f"team.audit.action.{action}"
    return translate(key, lang) if key in CATALOGUE else action


def _value(action: str, key: str, value: Any, lang: str, names: dict[int, str]) -> str:
    """One detail's value as a counselor reads it: roles, accounts and reasons worded, times on
    the display clock; anything else as written."""
    if value is None:
        return translate("team.clients.unassigned", lang) if key in ("from", "to") else "—"
    if key == "role" or (action == "account.role_changed" and key in ("from", "to")):
        role_key = f"team.role.{value}"
        return translate(role_key, lang) if role_key in CATALOGUE else str(value)
    if action == "client.reassigned" and key in ("from", "to") and isinstance(value, int):
        return names.get(value, f"#{value}")
    if key == "reason":
        reason_key = f"team.audit.reason.{value}"
        return translate(reason_key, lang) if reason_key in CATALOGUE else str(value)
    if key in ("until", "backup_created_at") and isinstance(value, str):
        try:
            return format_datetime(datetime.fromisoformat(value), lang)
        except ValueError:
            return value
    if isinstance(value, bool):
        return translate(f"team.audit.{'yes' if value else 'no'}", lang)
    if isinstance(value, dict | list):
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()
    return str(value)


def detail_text(line: Any, lang: str, names: dict[int, str]) -> str:
    """A line's subject account and detail as one readable cell, each part labelled in ``lang``.

    The detail holds no personal data (codes, counts, ids), so it is shown whole.
    """
    parts = []
    kind, _, ident = line.subject.partition(":")
    if kind == "account" and ident.isdigit():
        account = names.get(int(ident), f"#{ident}")
        parts.append(translate("team.audit.detail.account", lang, value=account))
    for key, value in sorted((line.detail or {}).items()):
        label_key = f"team.audit.detail.{key}"
        shown = _value(line.action, key, value, lang, names)
        parts.append(
            translate(label_key, lang, value=shown) if label_key in CATALOGUE else f"{key}: {shown}"
        )
    return translate("team.audit.separator", lang).join(parts)


def trail_table(lines: list[Any], lang: str, names: dict[int, str]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("team.audit.col.at"): [format_datetime(line.at, lang) for line in lines],
            t("team.audit.col.actor"): [line.actor for line in lines],
            t("team.audit.col.action"): [action_label(line.action, lang) for line in lines],
            t("team.audit.col.client"): [client_of(line.subject) for line in lines],
            t("team.audit.col.detail"): [detail_text(line, lang, names) for line in lines],
        }
    )


def render_filters(store, names: list[str]) -> dict[str, Any] | None:
    """The filters as ``services.audit.trail`` takes them; ``None`` if they select nothing."""
    who_col, client_col, from_col, to_col = st.columns([3, 2, 2, 2])
    labels = {EVERYONE: t("team.audit.everyone")} | {name: name for name in names}
    who = who_col.selectbox(
        t("team.audit.counselor"),
        list(labels),
        format_func=labels.__getitem__,
        key=worded("audit_who"),
    )
    client_text = client_col.text_input(
        t("team.audit.client"), key="audit_client", help=t("team.audit.client_help")
    ).strip()
    start = from_col.date_input(
        t("team.audit.from"),
        value=today() - timedelta(days=DEFAULT_DAYS),
        key="audit_from",
        format="YYYY-MM-DD",
    )
    end = to_col.date_input(t("team.audit.to"), value=today(), key="audit_to", format="YYYY-MM-DD")
    if client_text and not client_text.isdigit():
        st.error(t("team.audit.client_bad"), icon=":material/error:")
        return None
    if not isinstance(start, date) or not isinstance(end, date):
        return None
    if end < start:
        st.warning(t("team.audit.dates_reversed"), icon=":material/warning:")
        return None
    since, until = day_bounds(start, end)
    return {
        "user_id": who or None,
        "client_id": int(client_text) if client_text else None,
        "since": since,
        "until": until,
    }


def main() -> None:
    st.title(t("page.audit"), anchor=False)
    st.caption(t("team.audit.intro"))
    store = get_store()
    if store is None:
        return
    lang = current_language()
    acting = actor()
    try:
        listed = accounts.list_accounts(store, acting)
    except StoreError as exc:
        show_error(exc)
        listed = []
    filters = render_filters(store, [account.username for account in listed])
    if filters is None:
        return
    names = {account.id: account.username for account in listed}
    try:
        lines = audit.trail(store, acting, limit=LIMIT, **filters)
    except StoreError as exc:
        show_error(exc)
        return
    if not lines:
        st.info(t("team.audit.none"), icon=":material/info:")
        return
    fitted_table(trail_table(lines, lang, names), key="audit_table")
    st.caption(t("team.audit.count", count=len(lines)))
    if len(lines) >= LIMIT:
        st.caption(t("team.audit.limited", count=LIMIT))
    st.download_button(
        t("team.audit.download"),
        # Made only when clicked: exporting writes a line of its own.
        data=lambda: audit.trail_csv(
            store,
            acting,
            limit=LIMIT,
            header=lambda column: translate(f"audit.csv.{column}", lang),
            **filters,
        ),
        file_name="repaytalk-audit.csv",
        mime="text/csv",
        key="audit_csv",
        icon=":material/download:",
    )


main()
