"""What each lender agreed to before: the lines beside the kinds on the Proposals page, and the
Lender history page (``app_pages/lender_history.py`` calls :func:`main`) — a table per lender
and proposal kind, a chart of agreed against refused per lender, and the alias editor.

Figures come from :mod:`services.lender_history` (the clients the acting user may see); every
name a counselor typed (a lender, an alias) goes through ``i18n.md_escape`` in Markdown and
``charts.base.plotly_text`` in the chart.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from pydantic import ValidationError

from charts.base import STATUS_COLOURS, base_figure, plotly_config, plotly_text
from core.access import Permission
from core.lender_history import KindHistory, LenderAlias
from core.proposals import ProposalKind
from i18n import format_months, format_percent, md_escape, translate
from services import StoreError
from services import lender_history as history_service
from services.errors import ChangedElsewhereError, InvalidDataError, NotAllowedError
from ui.errors import show_error
from ui.i18n import current_language, t
from ui.state import actor, get_store
from ui.tables import fitted_table

__all__ = [
    "history_chart",
    "history_line",
    "history_table",
    "main",
    "show_debt_history",
]

#: Durable key: the alias rows the editor started from (ids and versions), to save against.
ALIASES_SHOWN_KEY = "lender_history.aliases_shown"
#: The editor's widget key (bumped after a save or a refusal, so it starts from the table).
EDITOR_KEY = "lender_history.aliases_editor"
NOTICE_KEY = "lender_history.notice"


def kind_label(kind: ProposalKind, lang: str) -> str:
    return translate(f"proposals.kind.{kind.value}", lang)


def history_line(lender: str, kind: ProposalKind, figures: KindHistory, lang: str) -> str:
    """ "来分期：停息挂账 5次中同意3次，中位14天" — plain text (escape it for Markdown)."""
    line = translate(
        "lender_history.line",
        lang,
        lender=lender,
        kind=kind_label(kind, lang),
        count=figures.asked,
        agreed=figures.agreed,
    )
    if figures.median_days is not None:
        line += translate("lender_history.line.median", lang, n=figures.median_days)
    return line


def show_debt_history(lender: str, figures: Mapping[ProposalKind, KindHistory]) -> None:
    """Beside the kinds: one line per kind this lender was asked, nothing when none."""
    if not figures:
        return
    lang = current_language()
    lines = [
        f"- {md_escape(history_line(lender, kind, figures[kind], lang))}"
        for kind in ProposalKind
        if kind in figures
    ]
    st.caption(f"**{md_escape(t('lender_history.line.title'))}**\n" + "\n".join(lines))


def history_table(history: history_service.History, lang: str) -> pd.DataFrame:
    """One row per lender and kind with its figures, worded in ``lang`` ("—": none)."""

    def col(name: str) -> str:
        return translate(f"lender_history.col.{name}", lang)

    rows = [
        {
            col("lender"): lender,
            col("kind"): kind_label(kind, lang),
            col("asked"): figures.asked,
            col("agreed"): figures.agreed,
            col("refused"): figures.refused,
            col("median_days"): "—" if figures.median_days is None else str(figures.median_days),
            col("deepest_waiver"): "—"
            if not figures.deepest_waiver
            else format_percent(figures.deepest_waiver, lang, 0),
            col("longest_term"): "—"
            if figures.longest_term is None
            else format_months(figures.longest_term, lang),
        }
        for (lender, kind), figures in history.items()
    ]
    return pd.DataFrame(rows, columns=[col(name) for name in _COLUMNS])


_COLUMNS = (
    "lender",
    "kind",
    "asked",
    "agreed",
    "refused",
    "median_days",
    "deepest_waiver",
    "longest_term",
)


def history_chart(history: history_service.History, lang: str) -> go.Figure:
    """Agreed against refused per lender (all kinds together), grouped bars; refused bars are
    hatched as well as coloured. Lender names through ``plotly_text``."""
    totals: dict[str, list[int]] = {}
    for (lender, _), figures in history.items():
        agreed, refused = totals.setdefault(lender, [0, 0])
        totals[lender] = [agreed + figures.agreed, refused + figures.refused]
    lenders = list(totals)
    names = [plotly_text(lender) for lender in lenders]
    fig = base_figure(
        translate("lender_history.chart.title", lang),
        translate("lender_history.chart.x", lang),
        translate("lender_history.chart.y", lang),
    )

    def bar(which: str, index: int, colour: str, pattern: str) -> go.Bar:
        label = translate(f"lender_history.chart.{which}", lang)
        return go.Bar(
            name=label,
            x=names,
            y=[totals[lender][index] for lender in lenders],
            marker={
                "color": colour,
                "pattern": {"shape": pattern, "fillmode": "overlay", "fgcolor": "white"},
            },
            hovertemplate="%{x}: %{y}<extra>%{fullData.name}</extra>",
        )

    fig.add_traces(
        [
            bar("agreed", 0, STATUS_COLOURS["good"], ""),
            bar("refused", 1, STATUS_COLOURS["bad"], "/"),
        ]
    )
    highest = max((max(counts) for counts in totals.values()), default=0)
    fig.update_layout(
        barmode="group",
        hovermode="closest",
        # whole times: a tick per time while they are few
        yaxis={"rangemode": "tozero", "tickformat": "d", "dtick": 1 if highest <= 10 else None},
    )
    return fig


# --- the alias editor -----------------------------------------------------------------------


def _alias_frame(aliases: list[LenderAlias], lang: str) -> pd.DataFrame:
    alias_col = translate("lender_history.aliases.col.alias", lang)
    lender_col = translate("lender_history.aliases.col.lender", lang)
    return pd.DataFrame(
        [{alias_col: a.alias, lender_col: a.lender} for a in aliases],
        columns=[alias_col, lender_col],
    )


def _edited_rows(frame: pd.DataFrame) -> list[LenderAlias] | None:
    """The editor's rows as aliases (blank rows dropped); None, with a message, when a row
    has only one of its two cells."""
    rows = []
    for number, (alias, lender) in enumerate(frame.itertuples(index=False, name=None), start=1):
        alias = alias.strip() if isinstance(alias, str) else ""
        lender = lender.strip() if isinstance(lender, str) else ""
        if not alias and not lender:
            continue
        if not alias or not lender:
            st.error(t("lender_history.aliases.incomplete", row=number), icon=":material/error:")
            return None
        try:
            rows.append(LenderAlias(alias=alias, lender=lender))
        except ValidationError as exc:
            show_error(exc)
            return None
    return rows


def alias_editor(store) -> None:
    """The alias table: an editor for those who may change workspace settings, a read-only
    table for the others (told why)."""
    lang = current_language()
    st.subheader(t("lender_history.aliases.title"))
    st.caption(t("lender_history.aliases.intro"))
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice == "saved":
        st.success(t("lender_history.aliases.saved"), icon=":material/check_circle:")
    elif notice == "changed":
        st.warning(t("lender_history.aliases.changed"), icon=":material/sync_problem:")
    try:
        aliases = history_service.aliases(store, actor())
    except StoreError as exc:
        show_error(exc)
        return
    frame = _alias_frame(aliases, lang)
    if not actor().allows(Permission.MANAGE_SETTINGS):
        st.info(t("lender_history.aliases.read_only"), icon=":material/lock:")
        if aliases:
            fitted_table(frame, key="lender_history.aliases_table")
        else:
            st.caption(t("lender_history.aliases.none"))
        return
    st.session_state.setdefault(ALIASES_SHOWN_KEY, aliases)
    shown = st.session_state[ALIASES_SHOWN_KEY]
    generation = st.session_state.setdefault(f"{EDITOR_KEY}.generation", 0)
    with st.form("lender_history.aliases_form", border=True):
        edited = st.data_editor(
            _alias_frame(shown, lang),
            num_rows="dynamic",
            hide_index=True,
            width="stretch",
            key=f"{EDITOR_KEY}.{generation}.{lang}",
            column_config={
                column: st.column_config.TextColumn(column, max_chars=100)
                for column in frame.columns
            },
        )
        submitted = st.form_submit_button(
            t("lender_history.aliases.save"), type="primary", icon=":material/save:"
        )
    if not submitted:
        return
    rows = _edited_rows(edited)
    if rows is None:
        return
    try:
        history_service.save_aliases(store, actor(), rows, shown=shown)
    except ChangedElsewhereError:
        st.session_state[NOTICE_KEY] = "changed"
    except InvalidDataError as exc:
        if getattr(exc, "code", None) == "duplicate_alias":
            st.error(t("lender_history.aliases.duplicate"), icon=":material/error:")
        else:
            show_error(exc)
        return
    except (StoreError, NotAllowedError) as exc:
        show_error(exc)
        return
    else:
        st.session_state[NOTICE_KEY] = "saved"
    st.session_state.pop(ALIASES_SHOWN_KEY, None)
    st.session_state[f"{EDITOR_KEY}.generation"] = generation + 1
    st.rerun()


# --- the page -------------------------------------------------------------------------------


def main() -> None:
    st.title(t("page.lender_history"))
    store = get_store()
    if store is None:
        return
    lang = current_language()
    st.caption(t("lender_history.intro"))
    try:
        history = history_service.history(store, actor())
    except StoreError as exc:
        show_error(exc)
        history = None
    if history is not None:
        if not history:
            st.info(t("lender_history.empty"), icon=":material/info:")
        else:
            st.subheader(t("lender_history.table.title"))
            fitted_table(
                history_table(history, lang),
                key="lender_history.table",
                pinned=(translate("lender_history.col.lender", lang),),
            )
            st.plotly_chart(
                history_chart(history, lang),
                width="stretch",
                key="lender_history.chart",
                config=plotly_config("lender-history"),
            )
    alias_editor(store)
