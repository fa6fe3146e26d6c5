"""The same elements as ``proposals_page_constant.py``, the proposal inputs, their results and
the save form inside one ``st.fragment``: moving the term slider reruns that part alone.

The second yardstick of ``bench_browser`` (what the Proposals page can reach once it is
structured so; see issue 19).
"""

import streamlit as st

from benchmarks import constant_elements as parts


@st.fragment
def comparison() -> None:
    parts.inputs()
    parts.results()
    parts.save_form()


parts.header()
comparison()
parts.saved()
