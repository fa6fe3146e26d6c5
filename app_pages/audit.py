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


def trail_table(lines: list[Any], lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("team.audit.col.at"): [format_datetime(line.at, lang) for line in lines],
            t("team.audit.col.actor"): [line.actor for line in lines],
            t("team.audit.col.action"): [action_label(line.action, lang) for line in lines],
            t("team.audit.col.client"): [client_of(line.subject) for line in lines],
            t("team.audit.col.detail"): [
                orjson.dumps(line.detail, option=orjson.OPT_SORT_KEYS).decode()
                if line.detail
                else ""
                for line in lines
            ],
        }
    )


def render_filters(store) -> dict[str, Any] | None:
    """The filters as ``services.audit.trail`` takes them; ``None`` if they select nothing."""
    try:
        names = [account.username for account in accounts.list_accounts(store, actor())]
    except StoreError:
        names = []  # the filter by account is then typed in no list; the trail still shows
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
    filters = render_filters(store)
    if filters is None:
        return
    acting = actor()
    try:
        lines = audit.trail(store, acting, limit=LIMIT, **filters)
    except StoreError as exc:
        show_error(exc)
        return
    if not lines:
        st.info(t("team.audit.none"), icon=":material/info:")
        return
    fitted_table(trail_table(lines, lang), key="audit_table")
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
