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
    """Built as the page's charts are: the traces in one ``add_traces`` call."""
    fig = base_figure(title, "Month", "¥")
    traces = [
        go.Scatter(
            x=list(range(MONTHS)),
            y=[1000.0 + i * 10] * MONTHS,
            name=f"Proposal {i}",
            mode="lines",
            line={**series_style(i)["line"], "shape": "hv"},
            marker=series_style(i)["marker"],
        )
        for i in range(SERIES)
    ]
    traces.append(go.Scatter(x=[0, MONTHS], y=[800.0, 800.0], name="limit", mode="lines"))
    fig.add_traces(traces)
    return yuan_axis(fig)


def bars(title: str) -> go.Figure:
    """The lender-side chart's shape: one bar per proposal, then no agreement."""
    fig = base_figure(title, "¥", "", height=190 + 46 * (SERIES + 1))
    fig.add_traces(
        [
            go.Bar(
                y=list(range(SERIES)),
                x=[9000.0 + i * 100 for i in range(SERIES)],
                orientation="h",
                name="Proposals",
                text=[f"¥{9000 + i * 100:,.2f}" for i in range(SERIES)],
                textposition="outside",
            ),
            go.Bar(y=[SERIES], x=[734.65], orientation="h", name="No agreement", text=["¥734.65"]),
        ]
    )
    fig.update_layout(yaxis={"autorange": "reversed"})
    return yuan_axis(fig, "x")


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
    """The table, the recommendation, the minimum plan, the two charts and the lender side."""
    st.subheader("Side by side")
    st.dataframe(pd.DataFrame.from_records(ROWS), hide_index=True, width="stretch")
    st.success("Recommended: Proposal 1")
    st.info("Minimum plan: 18 months")
    l2, r2 = st.columns(2)
    l2.plotly_chart(figure("Monthly payment"), width="stretch")
    r2.plotly_chart(figure("Paid so far"), width="stretch")
    lender_side()


def lender_side() -> None:
    """What each proposal is worth to the lender: chart, lines, sentence, assumptions."""
    st.subheader("What each proposal is worth to the lender")
    st.caption("Present value at the lender's cost of funds.")
    shown = st.container()
    with st.expander("Assumptions"):
        st.caption("An estimate from assumptions, not data.")
        columns = st.columns(3)
        for i in range(10):
            columns[i % 3].number_input(f"Assumption {i}", 0.0, 100.0, 4.0, 0.5, key=f"a{i}")
    with shown:
        st.plotly_chart(bars("Worth to the lender"), width="stretch")
        st.markdown(
            "\n".join(f"- **Proposal {i}**: ¥9,000.00 (91% of what is owed)" for i in range(SERIES))
        )
        st.caption("Cost of funds 4% a year; break chance 1% a month within capacity.")
        st.info("**What to tell the lender**  \nBy our estimate, you would recover ¥9,000.00.")


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
