"""Every text a user reads, in Simplified Chinese and English, and how values are displayed.

No Streamlit here: pages (:mod:`ui.i18n` adds the session's language), reports and command
lines all word and format through this package.
"""

from i18n.enums import ENUM_PREFIXES, code_labeller, enum_key, enum_label, enum_labels
from i18n.format import (
    DISPLAY_ZONE,
    format_date,
    format_datetime,
    format_money,
    format_months,
    format_percent,
    md_escape,
    to_display_time,
)
from i18n.text import CATALOGUE, DEFAULT_LANGUAGE, LANGUAGES, translate

__all__ = [
    "CATALOGUE",
    "DEFAULT_LANGUAGE",
    "DISPLAY_ZONE",
    "ENUM_PREFIXES",
    "LANGUAGES",
    "code_labeller",
    "enum_key",
    "enum_label",
    "enum_labels",
    "format_date",
    "format_datetime",
    "format_money",
    "format_months",
    "format_percent",
    "md_escape",
    "to_display_time",
    "translate",
]
