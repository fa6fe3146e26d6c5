"""Streamlit-facing helpers shared by every page: text catalogue, formatting, page layout."""
