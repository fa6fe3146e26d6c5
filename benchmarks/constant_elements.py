"""The proposals page's elements drawn from constants, in the parts a page is made of.

The yardsticks ``proposals_page_constant.py`` (the whole page reruns) and
``proposals_fragment_constant.py`` (the inputs, results and save form in one ``st.fragment``)
draw exactly these elements; nothing is read from the store or computed by ``core``.
Same widgets, table shape and charts (5 series of 61 months + a limit line) as
``app_pages/proposals.py`` for one debt.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from charts.base import base_figure, series_style, yuan_axis

MONTHS = 61
SERIES = 5
ROWS = [
    {
        "Proposal": f"Proposal {i}",
        "Monthly payment (highest)": "¥1,234.56",
        "Months": 24,
        "Total paid": "¥29,629.44",
        "Saving vs contract": "¥120.00",
        "True annual rate": "18.00%",
        "Affordable": "✓ Yes",
    }
    for i in range(SERIES)
]


def figure(title: str) -> go.Figure:
    fig = base_figure(title, "Month", "¥")
    for i in range(SERIES):
        style = series_style(i)
        fig.add_trace(
            go.Scatter(
                x=list(range(MONTHS)),
                y=[1000.0 + i * 10] * MONTHS,
                name=f"Proposal {i}",
                mode="lines",
                line={**style["line"], "shape": "hv"},
                marker=style["marker"],
            )
        )
    fig.add_trace(go.Scatter(x=[0, MONTHS], y=[800.0, 800.0], name="limit", mode="lines"))
    return yuan_axis(fig)


def header() -> None:
    """Title, the debt and what it can get each month."""
    st.title("Proposals")
    st.caption("Compare proposals for one debt.")
    left, right = st.columns([3, 2])
    left.selectbox("Debt", options=list(range(10)), key="proposals.debt")
    right.text_input("Monthly amount", value="800.00", key="proposals.share")
    right.caption("The capacity shared between 10 debts.")


def inputs() -> None:
    """The proposal kinds and their settings (the term slider among them)."""
    with st.container(border=True):
        st.multiselect("Kinds", options=["a", "b", "c", "d"], default=["a", "b", "c"], key="kinds")
        st.slider("Term", 1, 60, 24, key="proposals.months")
        a, b, _ = st.columns(3)
        a.text_input("Waiver", value="50", key="waiver")
        b.text_input("Rate", key="rate")
        with st.container(border=True):
            x, y = st.columns(2)
            x.text_input("Settlement", value="5,000.00", key="settle")
            y.radio("Parts", [1, 2, 3], horizontal=True, key="parts")
            y.date_input("Date 1", value=date(2030, 1, 1), key="date0")


def results() -> None:
    """The table, the recommendation, the minimum plan and the two charts."""
    st.subheader("Side by side")
    st.dataframe(pd.DataFrame.from_records(ROWS), hide_index=True, width="stretch")
    st.success("Recommended: Proposal 1")
    st.info("Minimum plan: 18 months")
    l2, r2 = st.columns(2)
    l2.plotly_chart(figure("Monthly payment"), width="stretch")
    r2.plotly_chart(figure("Paid so far"), width="stretch")


def save_form() -> None:
    with st.form("save"):
        st.selectbox("Proposal", options=list(range(SERIES)), key="save_choice")
        st.text_input("Name", key="save_note")
        st.form_submit_button("Save")


def saved() -> None:
    """The saved proposal and the sentence to say."""
    st.subheader("Saved proposal")
    st.success("Saved — to put to the lender")
    st.radio("Language", ["zh-CN", "en"], horizontal=True, key="pitch_lang")
    st.code("My income is ¥4,000.00 a month; I can put ¥800.00 towards this debt.", language=None)
