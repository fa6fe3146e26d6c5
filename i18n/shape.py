"""The one shape of every text a user reads: ``{key: {language: text}}``.

A text is a ``str.format`` template, or — where a count is shown — its plural forms keyed by
CLDR category: English has ``one`` and ``other``, Chinese only ``other`` (a plain string is the
``other`` form). :func:`plural_category` picks the form for a count.

>>> plural_category("en", 1), plural_category("en", 24), plural_category("zh-CN", 1)
('one', 'other', 'other')
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

#: A template, or its plural forms (``{"one": ..., "other": ...}``).
Text = str | Mapping[str, str]
#: Every text of one area: ``{key: {language: text}}``.
Catalogue = Mapping[str, Mapping[str, Text]]

PLURAL_CATEGORIES = {"zh-CN": ("other",), "en": ("one", "other")}


def plural_category(language: str, count: int | Decimal) -> str:
    """The CLDR plural category of ``count`` in ``language`` (integers; English "1" is ``one``)."""
    if language == "en" and count == 1:
        return "one"
    return "other"


def forms(text: Text) -> dict[str, str]:
    """The plural forms of ``text``; a plain template is its own ``other`` form."""
    return {"other": text} if isinstance(text, str) else dict(text)
