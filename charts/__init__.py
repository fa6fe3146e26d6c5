"""Plotly figure builders: figures from core's results, worded by i18n; no Streamlit."""
